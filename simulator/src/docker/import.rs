//! Images created from a root filesystem (`docker import`), and the capture tool's fixture images.

use std::sync::Arc;

use crate::clock::Timestamp;
use crate::engine::image::{HistoryEntry, Image, ImageConfig, Layer};
use crate::engine::Engine;
use crate::fs;

/// Builds an imported image: one layer, one history entry `Imported from -` style.
pub fn imported_image(rootfs: Arc<fs::Layer>, created: Timestamp, message: &str, cmd: Option<Vec<String>>) -> Image {
    let layer = Arc::new(Layer::new(rootfs));
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
    };
    image.compute_id();
    image
}

/// `busybox:latest` (CMD sh) and `mini:1.0` (no CMD), imported a minute before the session starts.
pub fn import_fixture_images(engine: &mut Engine) {
    let created = engine.now().plus_secs(-60);
    // One tree imported twice: both images share the layer, as in Docker.
    let rootfs = Arc::new(crate::docker::fixture_rootfs::layer(created.secs()));
    let mut busybox = imported_image(
        rootfs.clone(),
        created,
        "busybox rootfs with CMD sh",
        Some(vec!["sh".to_string()]),
    );
    busybox.repo_tags.push("busybox:latest".to_string());
    let mut mini =
        imported_image(rootfs, created.plus_secs(1), "Imported from -", None);
    mini.repo_tags.push("mini:1.0".to_string());
    engine.images.insert(busybox);
    engine.images.insert(mini);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MergedFs;

    #[test]
    fn fixture_images_share_one_real_layer() {
        let mut engine = Engine::new(1, Timestamp::from_secs(1_763_200_800));
        import_fixture_images(&mut engine);
        let layers = |name: &str| engine.images.resolve(name).map(|i| (i.size(), i.layers.clone())).ok();
        let (b, m) = (layers("busybox"), layers("mini:1.0"));
        assert!(b.is_some() && m.is_some(), "fixture images missing");
        let (Some((size, busybox)), Some((_, mini))) = (b, m) else { return };
        assert_eq!(size, 1_984_637);
        assert_eq!(busybox.len(), 1);
        let (Some(b), Some(m)) = (busybox.first(), mini.first()) else { return };
        assert!(Arc::ptr_eq(&b.files, &m.files));
        assert_eq!(b.diff_id, m.diff_id);
        let fs = MergedFs::new(vec![b.files.clone()]);
        assert_eq!(fs.which("sh", "/usr/bin:/bin").as_deref(), Some("/bin/sh"));
        assert_eq!(fs.canonicalize("/bin/ls").ok().as_deref(), Some("/bin/busybox"));
        assert!(fs.read_to_string("/etc/passwd").ok().flatten().is_some_and(|p| p.starts_with("root:x:0:0:root:/root:/bin/sh\n")));
        assert_eq!(fs.stat("/tmp").map(|s| s.mode).ok(), Some(0o1777));
    }
}
