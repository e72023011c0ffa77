//! BuildKit's local cache as a learner must understand it: a step is reused when its parent and
//! its instruction are the same (and, for COPY/ADD, the checksums of the copied files). Keys chain:
//! each step's key includes its parent's, so the first miss invalidates every later step.

use std::collections::BTreeSet;
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
#[derive(Debug, Clone, Default)]
pub struct BuildCache {
    /// (step key, record), one entry per key.
    records: Vec<(String, CacheRecord)>,
    /// The directories of `RUN --mount=type=cache`: (cache ID, files), one entry per ID; kept
    /// between builds, in no layer.
    mounts: Vec<(String, crate::fs::MergedFs)>,
    /// Base images a build has loaded already (BuildKit then shows their FROM as `CACHED`).
    bases: BTreeSet<String>,
}

impl BuildCache {
    pub fn get(&self, key: &str) -> Option<&CacheRecord> {
        self.records.iter().find(|(k, _)| k == key).map(|(_, r)| r)
    }

    pub fn put(&mut self, key: String, record: CacheRecord) {
        match self.records.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = record,
            None => self.records.push((key, record)),
        }
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
        self.mounts.clear();
        n
    }

    /// Takes the files of cache mount `id` (empty the first time); give them back with
    /// [`BuildCache::put_mount`].
    pub fn take_mount(&mut self, id: &str) -> crate::fs::MergedFs {
        match self.mounts.iter().position(|(k, _)| k == id) {
            Some(at) => self.mounts.swap_remove(at).1,
            None => crate::fs::MergedFs::new(Vec::new()),
        }
    }

    pub fn put_mount(&mut self, id: &str, fs: crate::fs::MergedFs) {
        match self.mounts.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = fs,
            None => self.mounts.push((id.to_string(), fs)),
        }
    }

    /// Empties every cache mount (`docker builder prune`); returns the bytes they held.
    pub fn clear_mounts(&mut self) -> u64 {
        let bytes = self.mounts.iter().map(|(_, m)| m.upper_size()).sum();
        self.mounts.clear();
        bytes
    }

    /// Every record with its key, oldest first.
    pub fn records(&self) -> Vec<(&String, &CacheRecord)> {
        let mut v: Vec<(&String, &CacheRecord)> = self.records.iter().map(|(k, r)| (k, r)).collect();
        crate::sort::sort_by(&mut v, |a, b| a.1.created.cmp(&b.1.created).then_with(|| a.0.cmp(b.0)));
        v
    }

    /// Forgets one record.
    pub fn remove(&mut self, key: &str) -> Option<CacheRecord> {
        let at = self.records.iter().position(|(k, _)| k == key)?;
        Some(self.records.swap_remove(at).1)
    }

    /// Bytes the cache holds (`Build Cache` in `docker system df`).
    pub fn size(&self) -> u64 {
        self.records.iter().filter_map(|(_, r)| r.layer.as_ref()).map(|l| l.size).sum()
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

/// The ID BuildKit shows for a record (25 characters of `[a-z0-9]`).
pub fn record_id(key: &str) -> String {
    let digest = crate::ids::sha256_hex(key.as_bytes());
    let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789";
    digest
        .as_bytes()
        .chunks(2)
        .take(25)
        .map(|pair| {
            let n = pair.iter().fold(0usize, |acc, b| acc * 16 + (*b as char).to_digit(16).unwrap_or(0) as usize);
            alphabet.get(n % alphabet.len()).copied().map_or('a', char::from)
        })
        .collect()
}
