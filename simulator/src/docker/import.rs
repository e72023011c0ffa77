//! Images created from a root filesystem (`docker import`), and the capture tool's fixture images.

use std::sync::Arc;

use crate::clock::Timestamp;
use crate::engine::image::{HistoryEntry, Image, ImageConfig, Layer};
use crate::engine::Engine;

/// Size of Debian's busybox-static rootfs that the capture tool imports.
const FIXTURE_ROOTFS_SIZE: u64 = 1_984_637;

/// Builds an imported image: one layer, one history entry `Imported from -` style.
pub fn imported_image(rootfs: &str, size: u64, created: Timestamp, message: &str, cmd: Option<Vec<String>>, lineage: &str) -> Image {
    let layer = Arc::new(Layer::from_content(rootfs, size));
    let mut image = Image {
        id: String::new(),
        repo_tags: Vec::new(),
        repo_digests: Vec::new(),
        parent: String::new(),
        comment: message.to_string(),
        created,
        docker_version: crate::docker::version::ENGINE_VERSION.to_string(),
        author: String::new(),
        config: ImageConfig { cmd, ..ImageConfig::default() },
        architecture: "amd64".to_string(),
        os: "linux".to_string(),
        layers: vec![layer],
        history: vec![HistoryEntry { created, created_by: String::new(), comment: message.to_string(), empty_layer: false }],
        last_tag_time: None,
        lineage: lineage.to_string(),
    };
    image.compute_id();
    image
}

/// `busybox:latest` (CMD sh) and `mini:1.0` (no CMD), imported a minute before the session starts.
pub fn import_fixture_images(engine: &mut Engine) {
    let created = engine.now().plus_secs(-60);
    let mut busybox = imported_image(
        "debian-busybox-static-1.35.0",
        FIXTURE_ROOTFS_SIZE,
        created,
        "busybox rootfs with CMD sh",
        Some(vec!["sh".to_string()]),
        "busybox",
    );
    busybox.repo_tags.push("busybox:latest".to_string());
    let mut mini =
        imported_image("debian-busybox-static-1.35.0", FIXTURE_ROOTFS_SIZE, created.plus_secs(1), "Imported from -", None, "mini");
    mini.repo_tags.push("mini:1.0".to_string());
    engine.images.insert(busybox);
    engine.images.insert(mini);
}
