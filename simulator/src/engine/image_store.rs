//! The local image store: images by ID, tags pointing at them, and Docker's lookup rules.

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::engine::image::Image;
use crate::engine::reference::{is_full_hex_id, Reference};

/// Why an image lookup failed, with Docker's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// `No such image: <ref>` (the reference has `:latest` added when it had no tag).
    NotFound(String),
    /// The string is not a valid reference (`invalid reference format…`).
    Invalid(String),
}

impl LookupError {
    pub fn message(&self) -> String {
        match self {
            LookupError::NotFound(r) => format!("No such image: {r}"),
            LookupError::Invalid(m) => m.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImageStore {
    images: BTreeMap<String, Image>,
    /// The builder's cache of steps (`docker build`), kept with the images it made.
    pub build_cache: crate::build::cache::BuildCache,
}

impl ImageStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &str) -> Option<&Image> {
        self.images.get(id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Image> {
        self.images.get_mut(id)
    }

    pub fn len(&self) -> usize {
        self.images.len()
    }

    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
    }

    /// All images, newest first (ties broken by ID for determinism).
    pub fn list(&self) -> Vec<&Image> {
        let mut v: Vec<&Image> = self.images.values().collect();
        crate::sort::sort_by(&mut v, |a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
        v
    }

    /// The image a `repo:tag` (familiar, with tag) points at.
    pub fn by_tag(&self, familiar_with_tag: &str) -> Option<&Image> {
        self.images.values().find(|i| i.repo_tags.iter().any(|t| t == familiar_with_tag))
    }

    /// Resolves what a learner typed (`busybox`, `busybox:1.37`, `sha256:…`, an ID prefix) the way
    /// the daemon's `GetImage` does: full ID, then reference, then ID prefix.
    pub fn resolve(&self, ref_or_id: &str) -> Result<&Image, LookupError> {
        let hex = ref_or_id.strip_prefix("sha256:");
        if let Some(h) = hex.filter(|h| is_full_hex_id(h)).or(Some(ref_or_id).filter(|s| is_full_hex_id(s))) {
            return self.images.get(&format!("sha256:{h}")).ok_or_else(|| LookupError::NotFound(ref_or_id.to_string()));
        }
        if let Some(h) = hex {
            // `sha256:<short>` is not a valid reference.
            return self.by_prefix(h).ok_or_else(|| LookupError::Invalid("invalid reference format".to_string()));
        }
        let reference = Reference::parse(ref_or_id).map_err(LookupError::Invalid)?;
        if let Some(digest) = &reference.digest {
            let name = reference.familiar_name();
            let wanted = format!("{name}@{digest}");
            return self
                .images
                .values()
                .find(|i| i.repo_digests.contains(&wanted))
                .ok_or_else(|| LookupError::NotFound(reference.familiar()));
        }
        let tagged = reference.clone().with_default_tag();
        if let Some(img) = self.by_tag(&tagged.familiar()) {
            return Ok(img);
        }
        if reference.tag.is_none() {
            if let Some(img) = self.by_prefix(ref_or_id) {
                return Ok(img);
            }
        }
        Err(LookupError::NotFound(tagged.familiar()))
    }

    /// A unique image whose ID starts with `prefix` (hex only).
    fn by_prefix(&self, prefix: &str) -> Option<&Image> {
        if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut found = self.images.values().filter(|i| i.id.get(7..).is_some_and(|h| h.starts_with(prefix)));
        let first = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some(first)
    }

    /// Inserts (or merges into) an image. Tags it carries are moved off other images.
    pub fn insert(&mut self, image: Image) {
        for tag in &image.repo_tags {
            self.untag_everywhere(tag);
        }
        match self.images.get_mut(&image.id) {
            Some(existing) => {
                for t in image.repo_tags {
                    if !existing.repo_tags.contains(&t) {
                        existing.repo_tags.push(t);
                    }
                }
                for d in image.repo_digests {
                    if !existing.repo_digests.contains(&d) {
                        existing.repo_digests.push(d);
                    }
                }
            }
            None => {
                self.images.insert(image.id.clone(), image);
            }
        }
    }

    /// Points `tag` (familiar `repo:tag`) at image `id`, moving it off any other image.
    /// Returns the ID of the image that lost the tag, if any.
    pub fn tag(&mut self, id: &str, tag: &str, now: Timestamp) -> Option<String> {
        let previous = self.by_tag(tag).map(|i| i.id.clone()).filter(|p| p != id);
        if let Some(p) = &previous {
            self.untag(p, tag);
        }
        if let Some(img) = self.images.get_mut(id) {
            if !img.repo_tags.iter().any(|t| t == tag) {
                img.repo_tags.push(tag.to_string());
            }
            img.last_tag_time = Some(now);
        }
        previous
    }

    /// Removes `tag` from image `id`. Returns true if it was there.
    pub fn untag(&mut self, id: &str, tag: &str) -> bool {
        let Some(img) = self.images.get_mut(id) else { return false };
        let before = img.repo_tags.len();
        img.repo_tags.retain(|t| t != tag);
        let removed = img.repo_tags.len() != before;
        if removed {
            // Digests of a repository go when its last tag goes.
            let repo = tag.rsplit_once(':').map_or(tag, |(r, _)| r).to_string();
            if !img.repo_tags.iter().any(|t| t.rsplit_once(':').is_some_and(|(r, _)| r == repo)) {
                img.repo_digests.retain(|d| d.split_once('@').is_none_or(|(r, _)| r != repo));
            }
        }
        removed
    }

    fn untag_everywhere(&mut self, tag: &str) {
        let ids: Vec<String> = self.images.values().filter(|i| i.repo_tags.iter().any(|t| t == tag)).map(|i| i.id.clone()).collect();
        for id in ids {
            self.untag(&id, tag);
        }
    }

    /// Deletes an image record.
    pub fn remove(&mut self, id: &str) -> Option<Image> {
        self.images.remove(id)
    }

    /// Untagged images (`<none>:<none>` in `docker images`).
    pub fn is_dangling(image: &Image) -> bool {
        image.repo_tags.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Image> {
        self.images.values()
    }
}
