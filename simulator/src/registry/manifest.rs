//! Image manifests as a registry stores them (Docker's schema 2 manifest), with the digest and
//! size `docker push` prints.

use serde_json::json;

use crate::engine::image::Image;
use crate::ids::sha256_hex;

/// The manifest of a pushed image: its bytes' digest and length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// `sha256:<hex>` of the manifest bytes.
    pub digest: String,
    /// Length of the manifest in bytes (`size: N` after a push).
    pub size: usize,
}

/// How large a layer's gzip blob is, estimated from its content size (tar headers and zero padding
/// compress to almost nothing, text and binaries to about half).
pub fn compressed_size(uncompressed: u64) -> u64 {
    100 + uncompressed * 52 / 100
}

/// Bytes the daemon's stored config of a committed image has beyond the fields the simulator
/// models: the classic store keeps the container's whole configuration (`container_config`).
const COMMIT_CONFIG_EXTRA: usize = 480;

/// The size of the image config blob the registry receives.
pub fn config_size(image: &Image) -> usize {
    let modelled = image.config_json().to_string().len();
    if image.parent.is_empty() {
        modelled
    } else {
        modelled + COMMIT_CONFIG_EXTRA
    }
}

impl Manifest {
    /// The manifest of `image`, serialised as the daemon does (`json.MarshalIndent` with three spaces).
    pub fn of(image: &Image) -> Manifest {
        let layers: Vec<serde_json::Value> = image
            .layers
            .iter()
            .map(|l| {
                json!({
                    "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                    "size": compressed_size(l.size),
                    "digest": l.blob_digest,
                })
            })
            .collect();
        let text = format!(
            "{{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n   \"config\": {{\n      \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n      \"size\": {},\n      \"digest\": \"{}\"\n   }},\n   \"layers\": [{}\n   ]\n}}",
            config_size(image),
            image.id,
            layers
                .iter()
                .map(|l| format!(
                    "\n      {{\n         \"mediaType\": {},\n         \"size\": {},\n         \"digest\": {}\n      }}",
                    l["mediaType"], l["size"], l["digest"]
                ))
                .collect::<Vec<_>>()
                .join(",")
        );
        Manifest { digest: format!("sha256:{}", sha256_hex(text.as_bytes())), size: text.len() }
    }
}
