//! A tap-to-compose command palette for phones: commands, their usual flags and the names of the
//! session's containers and images as buttons, building a line the learner then runs.

use leptos::prelude::*;

use crate::terminal_control::TerminalControl;
use crate::terminal_palette::{self, COMMANDS};

#[component]
pub fn CommandPalette(control: TerminalControl) -> impl IntoView {
    let line = RwSignal::new(String::new());
    let choices = Signal::derive(move || {
        control.screen.track();
        let current = line.get();
        control.with_session(|s| terminal_palette::choices(&current, s)).unwrap_or_default()
    });

    let chip = move |label: String, on_tap: Box<dyn Fn() + Send + Sync>| {
        view! {
            <button type="button" class="palette-chip" data-testid="palette-chip" on:click=move |_| on_tap()>
                {label}
            </button>
        }
    };

    view! {
        <div class="palette" data-testid="palette" role="group" aria-label="Componer un comando">
            <p class="palette-line" data-testid="palette-line" aria-live="polite">
                {move || {
                    let text = line.get();
                    if text.is_empty() { "Toca un comando para empezar".to_string() } else { text }
                }}
            </p>
            <div class="palette-group">
                <button
                    type="button"
                    class="palette-chip palette-run"
                    data-testid="palette-run"
                    disabled=move || line.with(|l| l.trim().is_empty()) || control.busy.get()
                    on:click=move |_| {
                        let text = line.get_untracked();
                        line.set(String::new());
                        control.run(&text);
                    }
                >
                    "Ejecutar"
                </button>
                <button
                    type="button"
                    class="palette-chip"
                    data-testid="palette-back"
                    disabled=move || line.with(String::is_empty)
                    on:click=move |_| line.update(|l| *l = terminal_palette::without_last_word(l))
                >
                    "Borrar palabra"
                </button>
            </div>
            <fieldset class="palette-group">
                <legend>"Comandos"</legend>
                {COMMANDS
                    .iter()
                    .map(|c| chip(c.to_string(), Box::new(move || line.set(terminal_palette::with_command(c)))))
                    .collect_view()}
            </fieldset>
            {move || {
                let flags = choices.with(|c| c.flags.clone());
                (!flags.is_empty())
                    .then(|| {
                        view! {
                            <fieldset class="palette-group">
                                <legend>"Opciones"</legend>
                                {flags
                                    .into_iter()
                                    .map(|f| chip(f.to_string(), Box::new(move || line.update(|l| *l = terminal_palette::with_word(l, f)))))
                                    .collect_view()}
                            </fieldset>
                        }
                    })
            }}
            {move || {
                let names = choices.with(|c| c.names.clone());
                (!names.is_empty())
                    .then(|| {
                        view! {
                            <fieldset class="palette-group">
                                <legend>"Contenedores e imágenes"</legend>
                                {names
                                    .into_iter()
                                    .map(|n| {
                                        let word = n.clone();
                                        chip(n, Box::new(move || line.update(|l| *l = terminal_palette::with_word(l, &word))))
                                    })
                                    .collect_view()}
                            </fieldset>
                        }
                    })
            }}
        </div>
    }
}
