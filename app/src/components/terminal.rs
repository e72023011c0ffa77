//! The terminal: a prompt wired to a simulated Docker session through a [`TerminalControl`]. The
//! session computes every answer; this component turns keys into calls and shows the screen as text.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::{Div, Input};
use leptos::prelude::*;

use super::command_palette::CommandPalette;
use super::exercise_bar::ExerciseBar;
use super::terminal_entry::TerminalEntry;
use crate::clipboard;
use crate::completion;
use crate::terminal_control::TerminalControl;

/// The `performance.mark` set once the terminal accepts input (read by the browser tests).
const READY_MARK: &str = "muelle:terminal-ready";

#[component]
pub fn Terminal(
    control: TerminalControl,
    /// Put the cursor in the prompt when the terminal appears.
    #[prop(default = true)]
    autofocus: bool,
) -> impl IntoView {
    let input = RwSignal::new(String::new());
    let ready = RwSignal::new(false);
    // Ctrl+P was just pressed (Ctrl+P Ctrl+Q detaches from a foreground command).
    let ctrl_p = StoredValue::new(false);
    // Escape was just pressed: the next Tab leaves the terminal instead of completing.
    let tab_leaves = StoredValue::new(false);
    // Candidates shown by the last Tab, for a screen reader and for the eye.
    let candidates = RwSignal::new(None::<String>);
    // The outcome of the last copy ("Copiado al portapapeles."), announced politely.
    let copy_status = RwSignal::new(None::<String>);
    // The tap-to-compose palette (phones) is open.
    let palette_open = RwSignal::new(false);
    let input_ref = NodeRef::<Input>::new();
    let scroller_ref = NodeRef::<Div>::new();
    let TerminalControl { screen, prompt, busy, .. } = control;

    // Follow the newest output.
    Effect::new(move |_| {
        screen.track();
        request_animation_frame(move || {
            if let Some(scroller) = scroller_ref.get_untracked() {
                scroller.set_scroll_top(scroller.scroll_height());
            }
        });
    });

    // Others (an exercise card, an example) may ask for the cursor to come back to the prompt.
    Effect::new(move |previous: Option<u32>| {
        let n = control.focus_requests.get();
        if previous.is_some_and(|p| p != n) {
            if let Some(el) = input_ref.get_untracked() {
                let _ = el.focus();
            }
        }
        n
    });

    let run_input = move || {
        let line = input.get_untracked();
        input.set(String::new());
        candidates.set(None);
        control.run(&line);
    };

    let interrupt = move || {
        let typed = input.get_untracked();
        input.set(String::new());
        candidates.set(None);
        control.interrupt(&typed);
    };

    let complete = move || -> bool {
        let line = input.get_untracked();
        let Some(result) = control.with_session(|s| completion::complete(&line, s)) else { return false };
        match result {
            completion::Completion::None => false,
            completion::Completion::Replace(new_line) => {
                input.set(new_line);
                candidates.set(None);
                true
            }
            completion::Completion::Candidates { line: new_line, options } => {
                input.set(new_line);
                candidates.set(Some(options.join("  ")));
                true
            }
        }
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.is_composing() {
            return;
        }
        let ctrl_only = ev.ctrl_key() && !ev.alt_key() && !ev.meta_key();
        let plain = !ev.ctrl_key() && !ev.alt_key() && !ev.meta_key();
        let key = ev.key();
        let after_ctrl_p = ctrl_p.get_value();
        ctrl_p.set_value(false);
        let after_escape = tab_leaves.get_value();
        tab_leaves.set_value(false);
        match key.as_str() {
            "Enter" if plain && !ev.shift_key() => {
                ev.prevent_default();
                if !busy.get_untracked() {
                    run_input();
                }
            }
            // Tab completes; when there is nothing to complete it moves the focus, as usual.
            "Tab" if plain && !ev.shift_key() && !after_escape && !input.get_untracked().trim().is_empty() && complete() => {
                ev.prevent_default();
            }
            "Escape" => {
                tab_leaves.set_value(true);
                candidates.set(None);
            }
            "ArrowUp" if plain => {
                ev.prevent_default();
                if let Some(line) = control.older(&input.get_untracked()) {
                    input.set(line);
                }
            }
            "ArrowDown" if plain => {
                ev.prevent_default();
                if let Some(line) = control.newer() {
                    input.set(line);
                }
            }
            "l" | "L" if ctrl_only => {
                ev.prevent_default();
                control.clear();
            }
            // Ctrl+C copies when text is selected; otherwise it interrupts, as in a terminal.
            "c" | "C" if ctrl_only && !has_selection(input_ref) => {
                ev.prevent_default();
                interrupt();
            }
            "p" | "P" if ctrl_only && busy.get_untracked() => {
                ev.prevent_default();
                ctrl_p.set_value(true);
            }
            "q" | "Q" if ctrl_only && after_ctrl_p => {
                ev.prevent_default();
                control.detach();
            }
            _ => {}
        }
    };

    // A click anywhere in the terminal puts the cursor back in the prompt, unless the learner is
    // selecting output text to copy it (or pressed one of the bar's buttons).
    let on_terminal_click = move |ev: MouseEvent| {
        let on_control = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.closest("button, a, input, summary").ok().flatten().is_some());
        if !on_control && !has_selection(input_ref) {
            if let Some(el) = input_ref.get_untracked() {
                let _ = el.focus();
            }
        }
    };

    // Once the prompt exists: focus it (if asked) and record when the terminal became usable.
    Effect::new(move |_| {
        if let Some(el) = input_ref.get() {
            if !ready.get_untracked() {
                if autofocus {
                    let _ = el.focus();
                }
                if let Some(performance) = window().performance() {
                    let _ = performance.mark(READY_MARK);
                }
                ready.set(true);
            }
        }
    });

    on_cleanup(move || control.stop_polling());

    view! {
        <section
            class="terminal"
            aria-label="Terminal"
            data-testid="terminal"
            data-ready=move || if ready.get() { "true" } else { "false" }
            data-busy=move || if busy.get() { "true" } else { "false" }
            on:click=on_terminal_click
        >
            <div class="terminal-bar">
                <span class="terminal-dots" aria-hidden="true">
                    <span></span>
                    <span></span>
                    <span></span>
                </span>
                <h2 class="terminal-title">"Terminal"</h2>
                <Show when=move || busy.get()>
                    <button
                        type="button"
                        class="terminal-button"
                        data-testid="terminal-interrupt"
                        title="Detener el comando en ejecución (Ctrl+C)"
                        on:click=move |_| interrupt()
                    >
                        "Detener"
                    </button>
                </Show>
                <button
                    type="button"
                    class="terminal-button terminal-compose"
                    data-testid="terminal-compose"
                    aria-expanded=move || if palette_open.get() { "true" } else { "false" }
                    title="Componer un comando tocando botones"
                    on:click=move |_| palette_open.update(|o| *o = !*o)
                >
                    "Componer"
                </button>
                <button
                    type="button"
                    class="terminal-button"
                    data-testid="terminal-copy-all"
                    title="Copiar todo lo que muestra la terminal"
                    on:click=move |_| clipboard::copy_with_status(screen.with_untracked(|s| s.plain_text()), copy_status)
                >
                    "Copiar todo"
                </button>
                <button
                    type="button"
                    class="terminal-button"
                    data-testid="terminal-clear"
                    title="Limpiar la pantalla (Ctrl+L)"
                    on:click=move |_| {
                        control.clear();
                        if let Some(el) = input_ref.get_untracked() {
                            let _ = el.focus();
                        }
                    }
                >
                    "Limpiar"
                </button>
            </div>
            <ExerciseBar control=control />
            <p class="term-copy-status" role="status" data-testid="terminal-copy-status">{move || copy_status.get()}</p>
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
                        key=|entry| entry.key()
                        children=move |entry| view! { <TerminalEntry entry=entry copy_status=copy_status /> }
                    />
                </div>
                <Show when=move || busy.get()>
                    <p class="term-hint" data-testid="terminal-busy">
                        "En ejecución: Ctrl+C lo detiene; Ctrl+P y después Ctrl+Q lo deja en segundo plano."
                    </p>
                </Show>
                {move || {
                    candidates
                        .get()
                        .map(|text| {
                            view! {
                                <p class="term-candidates" data-testid="terminal-candidates" aria-live="polite">
                                    {text}
                                </p>
                            }
                        })
                }}
                <div class="terminal-input-row" class:busy=move || busy.get()>
                    <span class="term-prompt" aria-hidden="true" data-testid="terminal-prompt">
                        {move || if busy.get() { String::new() } else { prompt.get() }}
                    </span>
                    <input
                        type=move || if control.secret_input.get() { "password" } else { "text" }
                        class="terminal-input"
                        data-testid="terminal-input"
                        aria-label="Escribe un comando"
                        aria-describedby="terminal-keys"
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
                <p id="terminal-keys" class="visually-hidden">
                    "Intro ejecuta; flechas arriba y abajo recorren el historial; Tab completa; Escape y después Tab sale de la terminal."
                </p>
            </div>
            <Show when=move || palette_open.get()>
                <CommandPalette control=control />
            </Show>
        </section>
    }
}

/// True when the learner has selected text (in the page or in the prompt), e.g. to copy it.
fn has_selection(input_ref: NodeRef<Input>) -> bool {
    let in_page = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
    let in_input = input_ref.get_untracked().is_some_and(|el| {
        matches!((el.selection_start(), el.selection_end()), (Ok(Some(a)), Ok(Some(b))) if a != b)
    });
    in_page || in_input
}
