//! Archives `docker save` and `docker export` would write as tar files. The simulator cannot write
//! binary files into the project folder: it writes a readable listing that names an archive kept
//! in memory, and `docker load` reads the images back from it during the session.

use crate::engine::image::Image;
use crate::ids::sha256_hex;

/// The first line of every archive file the simulator writes.
pub const MAGIC: &str = "# Muelle simulated archive (not tar data)";

/// Archives made during the session: (token, images), one entry per token.
#[derive(Debug, Clone, Default)]
pub struct Archives {
    images: Vec<(String, Vec<Image>)>,
}

impl Archives {
    /// Keeps `images` and returns the token their archive file names.
    pub fn keep_images(&mut self, images: Vec<Image>) -> String {
        let ids: Vec<&str> = images.iter().map(|i| i.id.as_str()).collect();
        let token = format!("sha256:{}", sha256_hex(format!("images\n{}", ids.join("\n")).as_bytes()));
        match self.images.iter_mut().find(|(t, _)| *t == token) {
            Some(slot) => slot.1 = images,
            None => self.images.push((token.clone(), images)),
        }
        token
    }

    /// The images of an archive file's text, if it is one of this session's.
    pub fn images_in(&self, text: &str) -> Option<&[Image]> {
        if !text.starts_with(MAGIC) {
            return None;
        }
        let token = text.lines().find_map(|l| l.strip_prefix("archive: images "))?;
        let token = token.trim();
        self.images.iter().find(|(t, _)| t == token).map(|(_, images)| images.as_slice())
    }
}
