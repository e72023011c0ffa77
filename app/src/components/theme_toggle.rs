//! Light or dark: follows the system until the learner picks one, then remembers the choice.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::saved_progress::use_saved_progress;
use crate::theme::{Theme, THEME_KEY};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let saved = use_saved_progress();
    let stored = saved.get_raw(THEME_KEY).and_then(|t| Theme::from_stored(&t));
    let theme = RwSignal::new(Theme::effective(stored, system_prefers_dark()));
    let chosen = RwSignal::new(stored.is_some());
    follow_system(theme, chosen);

    // `data-theme` on <html> is set only for a stored choice, so the CSS keeps following the
    // system otherwise.
    if let Some(choice) = stored {
        apply(choice);
    }

    let toggle = move |_| {
        let next = theme.get_untracked().other();
        theme.set(next);
        chosen.set(true);
        saved.set_raw(THEME_KEY, next.stored());
        apply(next);
    };

    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-label=move || theme.get().switch_label()
            title=move || theme.get().switch_label()
            on:click=toggle
        >
            <span aria-hidden="true">{move || if theme.get() == Theme::Dark { "☀" } else { "☾" }}</span>
            <span class="theme-toggle-text" aria-hidden="true">
                {move || if theme.get() == Theme::Dark { "Claro" } else { "Oscuro" }}
            </span>
        </button>
    }
}

fn apply(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme.attribute());
    }
}

/// Until the learner chooses, the toggle follows changes of the system's theme (the CSS does too).
fn follow_system(theme: RwSignal<Theme>, chosen: RwSignal<bool>) {
    let Some(query) = window().match_media("(prefers-color-scheme: dark)").ok().flatten() else { return };
    let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
        if chosen.try_get_untracked() == Some(false) {
            theme.try_set(if e.matches() { Theme::Dark } else { Theme::Light });
        }
    });
    let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The header lives as long as the page: so does the listener.
    on_change.forget();
}

fn system_prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}
