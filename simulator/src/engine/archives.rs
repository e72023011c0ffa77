//! Archives `docker save` and `docker export` would write as tar files. The simulator cannot write
//! binary files into the project folder: it writes a readable listing that names an archive kept
//! in memory, and `docker load` reads the images back from it during the session.

use std::collections::BTreeMap;

use crate::engine::image::Image;
use crate::ids::sha256_hex;

/// The first line of every archive file the simulator writes.
pub const MAGIC: &str = "# Muelle simulated archive (not tar data)";

/// Archives made during the session, by token.
#[derive(Debug, Clone, Default)]
pub struct Archives {
    images: BTreeMap<String, Vec<Image>>,
}

impl Archives {
    /// Keeps `images` and returns the token their archive file names.
    pub fn keep_images(&mut self, images: Vec<Image>) -> String {
        let ids: Vec<&str> = images.iter().map(|i| i.id.as_str()).collect();
        let token = format!("sha256:{}", sha256_hex(format!("images\n{}", ids.join("\n")).as_bytes()));
        self.images.insert(token.clone(), images);
        token
    }

    /// The images of an archive file's text, if it is one of this session's.
    pub fn images_in(&self, text: &str) -> Option<&[Image]> {
        if !text.starts_with(MAGIC) {
            return None;
        }
        let token = text.lines().find_map(|l| l.strip_prefix("archive: images "))?;
        self.images.get(token.trim()).map(Vec::as_slice)
    }
}
