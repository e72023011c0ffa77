//! The visual engine panel beside the terminal: what the engine holds (images as stacks of layers,
//! containers on their lifecycle diagram, ports, volumes, networks), a text view of the same state
//! with a live region that announces changes, and the "Qué acaba de pasar" trace of the last
//! `docker` command. One component per file; [`changes`] and the sentence builders are plain Rust.

pub mod changes;
pub mod container_card;
pub mod image_stack;
pub mod panel;
pub mod resource_list;
pub mod state_diagram;
pub mod text_view;
pub mod trace_strip;

pub use panel::EnginePanel;

use leptos::prelude::*;

/// Which item the learner followed a link to (`volume:datos`, `network:red`, `container:web`):
/// it is highlighted and scrolled into view.
#[derive(Debug, Clone, Copy)]
pub struct Highlight(pub RwSignal<Option<String>>);

impl Highlight {
    /// The DOM id of an item of the panel (names are `[a-zA-Z0-9_.-]`, safe in ids).
    pub fn dom_id(key: &str) -> String {
        format!("motor-{}", key.replace(':', "-"))
    }

    /// Highlights `key` and brings it into view.
    pub fn follow(self, key: String) {
        let id = Self::dom_id(&key);
        self.0.set(Some(key));
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                el.scroll_into_view_with_bool(false);
            }
        });
    }

    pub fn is(self, key: &str) -> bool {
        self.0.with(|h| h.as_deref() == Some(key))
    }
}
