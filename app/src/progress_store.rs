//! Where progress is kept: a key-value store (the browser's `localStorage`, or memory in tests).
//! Loading never fails: an unreadable or too-new document is copied, untouched, under a backup key
//! and the learner starts afresh with a Spanish message saying so; an old one is migrated.

use std::collections::BTreeMap;

use crate::progress::{Progress, ProgressError};

/// The key of the progress document.
pub const PROGRESS_KEY: &str = "muelle.progreso";
/// Where an unreadable document is copied (`muelle.progreso.respaldo`, then `….respaldo-2`…).
pub const BACKUP_KEY: &str = "muelle.progreso.respaldo";
/// How many backups are kept before the last one is overwritten.
const MAX_BACKUPS: usize = 5;

/// A string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Option<String>;
    /// Fails when the store is full or refuses to write (the message is for a log, not the learner).
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
}

/// A store in memory: for tests, and when the browser offers no storage at all.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    pub values: BTreeMap<String, String>,
    /// Makes every write fail (a full or read-only store).
    pub read_only: bool,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.read_only {
            return Err("read-only".to_string());
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        if !self.read_only {
            self.values.remove(key);
        }
    }
}

/// Progress as loaded, and what to tell the learner about it, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    pub notice: Option<String>,
}

/// Reads the progress document, recovering from anything.
pub fn load(store: &mut dyn KeyValueStore) -> Loaded {
    let Some(raw) = store.get(PROGRESS_KEY) else { return Loaded { progress: Progress::default(), notice: None } };
    if raw.trim().is_empty() {
        return Loaded { progress: Progress::default(), notice: None };
    }
    match Progress::from_json(&raw) {
        Ok(read) if read.migrated() => {
            let backup = back_up(store, &raw);
            let saved = save(store, &read.progress).is_ok();
            let notice = match (backup, saved) {
                (Some(key), true) => format!(
                    "Tu progreso se guardó con una versión anterior de Muelle y lo hemos actualizado. Por si acaso, \
                     queda una copia del original en el almacenamiento de tu navegador, con la clave «{key}»."
                ),
                _ => "Tu progreso se guardó con una versión anterior de Muelle y lo hemos actualizado.".to_string(),
            };
            Loaded { progress: read.progress, notice: Some(notice) }
        }
        Ok(read) => Loaded { progress: read.progress, notice: None },
        Err(error) => {
            let backup = back_up(store, &raw);
            // Start clean, so the damaged document is not read (and reported) again.
            store.remove(PROGRESS_KEY);
            Loaded { progress: Progress::default(), notice: Some(recovery_notice(&error, backup.as_deref())) }
        }
    }
}

/// Writes the progress document.
pub fn save(store: &mut dyn KeyValueStore, progress: &Progress) -> Result<(), String> {
    store.set(PROGRESS_KEY, &progress.to_json())
}

/// The Spanish message for a document that could not be read.
fn recovery_notice(error: &ProgressError, backup: Option<&str>) -> String {
    let copy = match backup {
        Some(key) => format!(
            "Hemos guardado una copia de los datos originales en el almacenamiento de tu navegador, con la clave «{key}», \
             por si quieres recuperarlos."
        ),
        None => "No se ha podido guardar una copia de los datos originales.".to_string(),
    };
    format!("No hemos podido leer tu progreso guardado: {error}. Empiezas con el progreso vacío. {copy}")
}

/// Copies `raw` under a free backup key (the same text already backed up is not copied twice).
fn back_up(store: &mut dyn KeyValueStore, raw: &str) -> Option<String> {
    let keys: Vec<String> =
        std::iter::once(BACKUP_KEY.to_string()).chain((2..=MAX_BACKUPS).map(|n| format!("{BACKUP_KEY}-{n}"))).collect();
    for key in &keys {
        match store.get(key) {
            Some(existing) if existing == raw => return Some(key.clone()),
            Some(_) => continue,
            None => return store.set(key, raw).ok().map(|()| key.clone()),
        }
    }
    let last = keys.last()?;
    store.set(last, raw).ok().map(|()| last.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn store_with(raw: &str) -> MemoryStore {
        let mut s = MemoryStore::default();
        s.values.insert(PROGRESS_KEY.to_string(), raw.to_string());
        s
    }

    #[test]
    fn nothing_stored_is_an_empty_start_without_a_message() {
        let mut s = MemoryStore::default();
        assert_eq!(load(&mut s), Loaded { progress: Progress::default(), notice: None });
    }

    #[test]
    fn saved_progress_comes_back() {
        let mut s = MemoryStore::default();
        let mut p = Progress::default();
        p.mark_solved("l", "e", 3);
        assert_eq!(save(&mut s, &p), Ok(()));
        assert_eq!(load(&mut s), Loaded { progress: p, notice: None });
    }

    #[test]
    fn a_corrupt_store_is_backed_up_and_explained() {
        let mut s = store_with("{\"version\": 2, \"lecciones\": {");
        let loaded = load(&mut s);
        assert_eq!(loaded.progress, Progress::default());
        assert_eq!(
            loaded.notice.as_deref(),
            Some(
                "No hemos podido leer tu progreso guardado: los datos están dañados (no es JSON válido: línea 1, columna 29). \
                 Empiezas con el progreso vacío. Hemos guardado una copia de los datos originales en el almacenamiento de tu \
                 navegador, con la clave «muelle.progreso.respaldo», por si quieres recuperarlos."
            )
        );
        assert_eq!(s.get(BACKUP_KEY).as_deref(), Some("{\"version\": 2, \"lecciones\": {"));
        assert_eq!(s.get(PROGRESS_KEY), None);
        // The next load is clean.
        assert_eq!(load(&mut s).notice, None);
    }

    #[test]
    fn a_second_corruption_does_not_overwrite_the_first_backup() {
        let mut s = store_with("uno");
        load(&mut s);
        s.values.insert(PROGRESS_KEY.to_string(), "dos".to_string());
        let notice = load(&mut s).notice.unwrap_or_default();
        assert!(notice.contains("«muelle.progreso.respaldo-2»"), "{notice}");
        assert_eq!(s.get(BACKUP_KEY).as_deref(), Some("uno"));
        assert_eq!(s.get("muelle.progreso.respaldo-2").as_deref(), Some("dos"));
    }

    #[test]
    fn a_store_from_a_newer_version_is_kept_aside() {
        let mut s = store_with("{\"formato\": \"muelle-progreso\", \"version\": 7}");
        let notice = load(&mut s).notice.unwrap_or_default();
        assert!(notice.starts_with("No hemos podido leer tu progreso guardado: lo guardó una versión más nueva de Muelle"), "{notice}");
        assert!(s.get(BACKUP_KEY).is_some());
    }

    #[test]
    fn an_old_store_is_migrated_saved_and_backed_up() {
        let v1 = r#"{"version": 1, "resueltos": ["l/e"]}"#;
        let mut s = store_with(v1);
        let loaded = load(&mut s);
        assert!(loaded.progress.is_solved("l", "e"));
        assert!(loaded.notice.as_deref().is_some_and(|n| n.starts_with("Tu progreso se guardó con una versión anterior")));
        assert_eq!(s.get(BACKUP_KEY).as_deref(), Some(v1));
        assert!(s.get(PROGRESS_KEY).is_some_and(|t| t.contains("\"version\": 2")));
        assert_eq!(load(&mut s).notice, None);
    }

    #[test]
    fn a_store_that_refuses_writes_still_loads() {
        let mut s = store_with("basura");
        s.read_only = true;
        let loaded = load(&mut s);
        assert!(loaded.notice.as_deref().is_some_and(|n| n.ends_with("No se ha podido guardar una copia de los datos originales.")));
        assert!(save(&mut s, &Progress::default()).is_err());
    }

    proptest! {
        #[test]
        fn loading_anything_never_panics_and_never_loses_the_raw_text(raw in "\\PC{1,60}") {
            let mut s = store_with(&raw);
            let loaded = load(&mut s);
            if loaded.notice.is_some() && raw.trim() != "" {
                prop_assert!(s.values.values().any(|v| v == &raw) || s.get(PROGRESS_KEY).is_some());
            }
        }
    }
}
