//! BuildKit's local cache as a learner must understand it: a step is reused when its parent and
//! its instruction are the same (and, for COPY/ADD, the checksums of the copied files). Keys chain:
//! each step's key includes its parent's, so the first miss invalidates every later step.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::clock::Timestamp;
use crate::engine::image::Layer;
use crate::ids::sha256_hex;

/// What a finished step left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheRecord {
    /// The layer the step made (`None`: it changed no file).
    pub layer: Option<Arc<Layer>>,
    /// When the step ran (the history entry keeps this time, so a fully cached build gives the
    /// same image ID).
    pub created: Timestamp,
}

/// The builder's cache, kept by the engine between builds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildCache {
    records: BTreeMap<String, CacheRecord>,
    /// Base images a build has loaded already (BuildKit then shows their FROM as `CACHED`).
    bases: BTreeSet<String>,
}

impl BuildCache {
    pub fn get(&self, key: &str) -> Option<&CacheRecord> {
        self.records.get(key)
    }

    pub fn put(&mut self, key: String, record: CacheRecord) {
        self.records.insert(key, record);
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Forgets every record (`docker builder prune`). Returns how many there were.
    pub fn clear(&mut self) -> usize {
        let n = self.records.len();
        self.records.clear();
        self.bases.clear();
        n
    }

    pub fn base_seen(&self, image_id: &str) -> bool {
        self.bases.contains(image_id)
    }

    pub fn mark_base(&mut self, image_id: &str) {
        self.bases.insert(image_id.to_string());
    }
}

/// The key of a step: its parent's key and what identifies the step.
pub fn chain(parent: &str, step: &str) -> String {
    sha256_hex(format!("{parent}\n{step}").as_bytes())
}
