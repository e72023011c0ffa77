//! The container's init layer: what the daemon adds between the image and the writable layer
//! (mount points and `/.dockerenv`), so that `docker diff` and `docker commit` never show them.

use std::sync::Arc;

use super::layer::{Layer, LayerBuilder};
use super::merged::MergedFs;
use super::node::Content;

/// The init layer for a container on `image` (bottom first). Docker creates `/dev/pts`,
/// `/dev/shm`, `/proc`, `/sys` (directories), `/.dockerenv` and `/dev/console` (empty files, mode
/// 0755) and `/etc/mtab → /proc/mounts` where the image lacks them. `/etc/hostname`, `/etc/hosts`
/// and `/etc/resolv.conf` are bind mounts in Docker; here the layer carries their content, so the
/// files read as in a real container and stay out of the diff.
pub fn init_layer(image: &[Arc<Layer>], hostname: &str, hosts: &str, resolv_conf: &str, mtime: i64) -> Layer {
    let below = MergedFs::new(image.to_vec());
    let mut b = LayerBuilder::new(mtime);
    for dir in ["/dev/pts", "/dev/shm", "/proc", "/sys"] {
        if !below.exists(dir) {
            b.dir(dir, 0o755);
        }
    }
    for file in ["/.dockerenv", "/dev/console"] {
        if below.lstat(file).is_err() {
            b.file(file, 0o755, Content::bytes(&[]));
        }
    }
    if below.lstat("/etc/mtab").is_err() {
        b.symlink("/etc/mtab", "/proc/mounts");
    }
    b.text("/etc/hostname", 0o644, &format!("{hostname}\n"));
    b.text("/etc/hosts", 0o644, hosts);
    b.text("/etc/resolv.conf", 0o644, resolv_conf);
    b.build()
}
