//! The official images on the simulated Docker Hub. (Filled in by the catalog work.)

use super::{classic_layer, classic_meta, HubImage};

pub static CATALOG: &[HubImage] = &[HubImage {
    repo: "busybox",
    tags: &["latest", "1.37", "1.37.0", "stable"],
    description: "Busybox base image.",
    stars: 3400,
    created: "2024-09-26T21:31:42Z",
    env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    entrypoint: None,
    cmd: Some(&["sh"]),
    exposed_ports: &[],
    working_dir: "",
    user: "",
    volumes: &[],
    stop_signal: None,
    labels: &[],
    history: &[
        classic_layer("BusyBox 1.37.0 (glibc), Debian 12", 4_261_550),
        classic_meta("CMD [\"sh\"]"),
    ],
}];
