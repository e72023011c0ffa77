//! The terminal: a prompt wired to a simulated Docker session. The session computes every answer;
//! this component only echoes the command, prints the output as text and keeps the history.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::{Div, Input};
use leptos::prelude::*;
use simulator::{MemoryProject, Output, Session, SessionConfig};

use super::terminal_entry::TerminalEntry;
use crate::browser_clock;
use crate::command_history::CommandHistory;
use crate::terminal_screen::TerminalScreen;

/// The `performance.mark` set once the terminal accepts input (read by the browser tests).
const READY_MARK: &str = "muelle:terminal-ready";

const WELCOME: &str = "Escribe un comando de Docker y pulsa Intro. Prueba con: docker run hello-world";

fn new_session() -> Session {
    let start = browser_clock::now();
    let config = SessionConfig { seed: browser_clock::seed_from(start), start };
    Session::new(config, Box::new(MemoryProject::new()))
}

#[component]
pub fn Terminal() -> impl IntoView {
    let session = StoredValue::new_local(new_session());
    let history = StoredValue::new(CommandHistory::new());
    let screen = RwSignal::new({
        let mut screen = TerminalScreen::new();
        screen.notice(WELCOME);
        screen
    });
    let input = RwSignal::new(String::new());
    let ready = RwSignal::new(false);
    let input_ref = NodeRef::<Input>::new();
    let scroller_ref = NodeRef::<Div>::new();

    let scroll_to_bottom = move || {
        request_animation_frame(move || {
            if let Some(scroller) = scroller_ref.get_untracked() {
                scroller.set_scroll_top(scroller.scroll_height());
            }
        });
    };

    let run_input = move || {
        let line = input.get_untracked();
        input.set(String::new());
        history.update_value(|h| h.record(&line));
        let output = if line.trim().is_empty() {
            Output::new()
        } else {
            session
                .try_update_value(|s| {
                    s.set_now(browser_clock::now());
                    s.run_line(&line)
                })
                .unwrap_or_default()
        };
        screen.update(|s| s.record(&line, &output));
        scroll_to_bottom();
    };

    let clear_screen = move || {
        screen.update(TerminalScreen::clear);
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.is_composing() {
            return;
        }
        let plain = !ev.ctrl_key() && !ev.alt_key() && !ev.meta_key();
        match ev.key().as_str() {
            "Enter" if plain => {
                ev.prevent_default();
                run_input();
            }
            "ArrowUp" if plain => {
                ev.prevent_default();
                let current = input.get_untracked();
                if let Some(line) = history.try_update_value(|h| h.older(&current)).flatten() {
                    input.set(line);
                }
            }
            "ArrowDown" if plain => {
                ev.prevent_default();
                if let Some(line) = history.try_update_value(CommandHistory::newer).flatten() {
                    input.set(line);
                }
            }
            "l" | "L" if ev.ctrl_key() && !ev.alt_key() && !ev.meta_key() => {
                ev.prevent_default();
                clear_screen();
            }
            _ => {}
        }
    };

    // A click anywhere in the terminal puts the cursor back in the prompt, unless the learner is
    // selecting output text to copy it.
    let on_terminal_click = move |_: MouseEvent| {
        let selecting = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
        if !selecting {
            if let Some(el) = input_ref.get_untracked() {
                let _ = el.focus();
            }
        }
    };

    let on_clear_click = move |_: MouseEvent| {
        clear_screen();
    };

    // Once the prompt exists: focus it and record when the terminal became usable.
    Effect::new(move |_| {
        if let Some(el) = input_ref.get() {
            if !ready.get_untracked() {
                let _ = el.focus();
                if let Some(performance) = window().performance() {
                    let _ = performance.mark(READY_MARK);
                }
                ready.set(true);
            }
        }
    });

    view! {
        <section
            class="terminal"
            aria-label="Terminal"
            data-testid="terminal"
            data-ready=move || if ready.get() { "true" } else { "false" }
            on:click=on_terminal_click
        >
            <div class="terminal-bar">
                <span class="terminal-dots" aria-hidden="true">
                    <span></span>
                    <span></span>
                    <span></span>
                </span>
                <h2 class="terminal-title">"Terminal"</h2>
                <button
                    type="button"
                    class="terminal-clear"
                    data-testid="terminal-clear"
                    title="Limpiar la pantalla (Ctrl+L)"
                    on:click=on_clear_click
                >
                    "Limpiar"
                </button>
            </div>
            <div class="terminal-screen" node_ref=scroller_ref>
                <div
                    class="terminal-log"
                    role="log"
                    aria-live="polite"
                    aria-label="Salida de la terminal"
                    data-testid="terminal-output"
                >
                    <For
                        each=move || screen.with(|s| s.entries().to_vec())
                        key=|entry| entry.id
                        children=|entry| view! { <TerminalEntry entry=entry /> }
                    />
                </div>
                <div class="terminal-input-row">
                    <span class="term-prompt" aria-hidden="true">"$ "</span>
                    <input
                        type="text"
                        class="terminal-input"
                        data-testid="terminal-input"
                        aria-label="Escribe un comando"
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        enterkeyhint="send"
                        node_ref=input_ref
                        prop:value=move || input.get()
                        on:input=move |ev| input.set(event_target_value(&ev))
                        on:keydown=on_keydown
                    />
                </div>
            </div>
        </section>
    }
}
