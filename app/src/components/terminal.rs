//! The terminal: a prompt wired to a simulated Docker session. The session computes every answer;
//! this component turns keys into calls on the [`TerminalDriver`] and shows the screen as text.

use std::time::Duration;

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::{Div, Input};
use leptos::prelude::*;

use super::terminal_entry::TerminalEntry;
use crate::browser_clock;
use crate::command_history::CommandHistory;
use crate::terminal_driver::TerminalDriver;
use crate::terminal_screen::TerminalScreen;

/// The `performance.mark` set once the terminal accepts input (read by the browser tests).
const READY_MARK: &str = "muelle:terminal-ready";

/// How often a running foreground command is asked for new output.
const POLL_EVERY: Duration = Duration::from_millis(200);

const WELCOME: &str = "Escribe un comando de Docker y pulsa Intro. Prueba con: docker run hello-world";

#[component]
pub fn Terminal() -> impl IntoView {
    let start = browser_clock::now();
    let driver = StoredValue::new_local(TerminalDriver::new(browser_clock::seed_from(start), start));
    let history = StoredValue::new(CommandHistory::new());
    let screen = RwSignal::new({
        let mut screen = TerminalScreen::new();
        screen.notice(WELCOME);
        screen
    });
    let prompt = RwSignal::new(driver.with_value(TerminalDriver::prompt));
    let busy = RwSignal::new(false);
    let input = RwSignal::new(String::new());
    let ready = RwSignal::new(false);
    // Ctrl+P was just pressed (Ctrl+P Ctrl+Q detaches from a foreground command).
    let ctrl_p = StoredValue::new(false);
    let poller = StoredValue::new(None::<IntervalHandle>);
    let input_ref = NodeRef::<Input>::new();
    let scroller_ref = NodeRef::<Div>::new();

    let scroll_to_bottom = move || {
        request_animation_frame(move || {
            if let Some(scroller) = scroller_ref.get_untracked() {
                scroller.set_scroll_top(scroller.scroll_height());
            }
        });
    };

    let stop_polling = move || {
        if let Some(handle) = poller.get_value() {
            handle.clear();
            poller.set_value(None);
        }
    };

    // After anything the session did: show its state (prompt, busy) and follow the output.
    let sync = move || {
        let now_busy = driver.with_value(TerminalDriver::is_busy);
        prompt.set(driver.with_value(TerminalDriver::prompt));
        busy.set(now_busy);
        if !now_busy {
            stop_polling();
        }
        scroll_to_bottom();
    };

    let poll = move || {
        screen.update(|s| driver.update_value(|d| d.poll(browser_clock::now(), s)));
        sync();
    };

    let start_polling = move || {
        if poller.get_value().is_none() {
            if let Ok(handle) = set_interval_with_handle(poll, POLL_EVERY) {
                poller.set_value(Some(handle));
            }
        }
    };

    let run_input = move || {
        let line = input.get_untracked();
        input.set(String::new());
        history.update_value(|h| h.record(&line));
        screen.update(|s| driver.update_value(|d| d.submit(&line, browser_clock::now(), s)));
        sync();
        if busy.get_untracked() {
            start_polling();
        }
    };

    let interrupt = move || {
        let typed = input.get_untracked();
        input.set(String::new());
        screen.update(|s| driver.update_value(|d| d.interrupt(&typed, browser_clock::now(), s)));
        sync();
    };

    let clear_screen = move || {
        screen.update(TerminalScreen::clear);
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
        match key.as_str() {
            "Enter" if plain => {
                ev.prevent_default();
                if !busy.get_untracked() {
                    run_input();
                }
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
            "l" | "L" if ctrl_only => {
                ev.prevent_default();
                clear_screen();
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
                screen.update(|s| driver.update_value(|d| d.detach(s)));
                sync();
            }
            _ => {}
        }
    };

    // A click anywhere in the terminal puts the cursor back in the prompt, unless the learner is
    // selecting output text to copy it.
    let on_terminal_click = move |_: MouseEvent| {
        if !has_selection(input_ref) {
            if let Some(el) = input_ref.get_untracked() {
                let _ = el.focus();
            }
        }
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

    on_cleanup(stop_polling);

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
                    class="terminal-button"
                    data-testid="terminal-clear"
                    title="Limpiar la pantalla (Ctrl+L)"
                    on:click=move |_| clear_screen()
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
                        key=|entry| entry.key()
                        children=|entry| view! { <TerminalEntry entry=entry /> }
                    />
                </div>
                <Show when=move || busy.get()>
                    <p class="term-hint" data-testid="terminal-busy">
                        "En ejecución: Ctrl+C lo detiene; Ctrl+P y después Ctrl+Q lo deja en segundo plano."
                    </p>
                </Show>
                <div class="terminal-input-row" class:busy=move || busy.get()>
                    <span class="term-prompt" aria-hidden="true" data-testid="terminal-prompt">
                        {move || if busy.get() { String::new() } else { prompt.get() }}
                    </span>
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

/// True when the learner has selected text (in the page or in the prompt), e.g. to copy it.
fn has_selection(input_ref: NodeRef<Input>) -> bool {
    let in_page = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
    let in_input = input_ref.get_untracked().is_some_and(|el| {
        matches!((el.selection_start(), el.selection_end()), (Ok(Some(a)), Ok(Some(b))) if a != b)
    });
    in_page || in_input
}
