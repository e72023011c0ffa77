//! The browser's `localStorage` as a [`KeyValueStore`], with memory as the fallback when the
//! browser offers no storage (some private modes, storage disabled by the learner).

use crate::progress_store::{KeyValueStore, MemoryStore};

pub enum BrowserStore {
    Local(web_sys::Storage),
    /// Nothing survives a reload.
    Memory(MemoryStore),
}

impl BrowserStore {
    /// `localStorage`, or memory when it cannot be used.
    pub fn open() -> BrowserStore {
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        match local {
            // Some browsers hand out a storage that throws on the first write: try one.
            Some(storage) if storage.set_item("muelle.prueba", "1").is_ok() => {
                let _ = storage.remove_item("muelle.prueba");
                BrowserStore::Local(storage)
            }
            _ => BrowserStore::Memory(MemoryStore::default()),
        }
    }

    /// True when what is saved survives a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(self, BrowserStore::Local(_))
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            BrowserStore::Local(s) => s.get_item(key).ok().flatten(),
            BrowserStore::Memory(m) => m.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        match self {
            BrowserStore::Local(s) => s.set_item(key, value).map_err(|e| format!("{e:?}")),
            BrowserStore::Memory(m) => m.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) {
        match self {
            BrowserStore::Local(s) => {
                let _ = s.remove_item(key);
            }
            BrowserStore::Memory(m) => m.remove(key),
        }
    }
}
