//! Light or dark: follows the system until the learner picks one, then remembers the choice.

use leptos::prelude::*;

use crate::saved_progress::use_saved_progress;
use crate::theme::{Theme, THEME_KEY};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let saved = use_saved_progress();
    let stored = saved.get_raw(THEME_KEY).and_then(|t| Theme::from_stored(&t));
    let theme = RwSignal::new(Theme::effective(stored, system_prefers_dark()));

    // `data-theme` on <html> is set only for a stored choice, so the CSS keeps following the
    // system otherwise.
    if let Some(choice) = stored {
        apply(choice);
    }

    let toggle = move |_| {
        let next = theme.get_untracked().other();
        theme.set(next);
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

fn system_prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}
