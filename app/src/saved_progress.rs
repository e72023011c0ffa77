//! The learner's progress as the components share it (a context): a signal with the progress,
//! saved to browser storage after every change, and the message to show if loading had to recover
//! from damaged data.

use leptos::prelude::*;

use crate::browser_storage::BrowserStore;
use crate::progress::{MergeReport, Progress, ProgressError};
use crate::progress_store::{self, KeyValueStore};

#[derive(Clone, Copy)]
pub struct SavedProgress {
    pub progress: RwSignal<Progress>,
    /// A message about storage for the learner (recovered data, storage unavailable…).
    pub notice: RwSignal<Option<String>>,
    store: StoredValue<BrowserStore, LocalStorage>,
}

impl SavedProgress {
    /// Loads the progress from browser storage (recovering from anything).
    pub fn open() -> SavedProgress {
        let mut store = BrowserStore::open();
        let loaded = progress_store::load(&mut store);
        let notice = loaded.notice.or_else(|| {
            (!store.is_persistent()).then(|| {
                "Tu navegador no deja guardar datos de esta página: tu progreso se perderá al cerrarla. \
                 Puedes exportarlo desde el mapa del curso para no perderlo."
                    .to_string()
            })
        });
        let saved = SavedProgress {
            progress: RwSignal::new(loaded.progress),
            notice: RwSignal::new(notice),
            store: StoredValue::new_local(store),
        };
        saved.follow_other_tabs();
        saved
    }

    /// Another tab of Muelle saved its progress: take what it has and this one lacks, so that
    /// neither tab overwrites the other's work. (Browsers announce a change only when the stored
    /// text differs, so two tabs settle after one exchange.)
    fn follow_other_tabs(self) {
        let _listener = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() != Some(progress_store::PROGRESS_KEY) {
                return;
            }
            let Some(read) = e.new_value().and_then(|text| Progress::from_json(&text).ok()) else { return };
            let changed = self.progress.try_update(|p| {
                let before = p.clone();
                p.merge(read.progress);
                *p != before
            });
            if changed == Some(true) {
                self.save();
            }
        });
    }

    /// Changes the progress and saves it.
    pub fn update<R>(&self, change: impl FnOnce(&mut Progress) -> R) -> Option<R> {
        let result = self.progress.try_update(change)?;
        self.save();
        Some(result)
    }

    fn save(&self) {
        let saved = self.progress.with_untracked(|p| self.store.try_update_value(|s| progress_store::save(s, p)));
        if matches!(saved, Some(Err(_))) && self.notice.get_untracked().is_none() {
            self.notice.set(Some(
                "No hemos podido guardar tu progreso en este navegador (quizá no le queda espacio). \
                 Exporta tu progreso desde el mapa del curso para no perderlo."
                    .to_string(),
            ));
        }
    }

    /// The progress as a JSON document, for a file.
    pub fn export_json(&self) -> String {
        self.progress.with_untracked(Progress::to_json)
    }

    /// Adds the progress in an exported file to this one.
    pub fn import(&self, text: &str) -> Result<MergeReport, ProgressError> {
        let read = Progress::from_json(text)?;
        let report = self.update(|p| p.merge(read.progress)).unwrap_or_default();
        Ok(report)
    }

    /// Reads another key of the same storage (history, theme).
    pub fn get_raw(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.get(key))
    }

    pub fn set_raw(&self, key: &str, value: &str) {
        self.store.update_value(|s| {
            let _ = s.set(key, value);
        });
    }
}

/// The shared progress (provided by the app at its root).
pub fn use_saved_progress() -> SavedProgress {
    expect_context::<SavedProgress>()
}
