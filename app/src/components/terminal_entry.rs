//! One block of the terminal: a note, a command with its output, or output alone.
//! Always text nodes, never HTML. A command's output has a "Copiar" button.

use leptos::prelude::*;

use crate::clipboard;
use crate::terminal_screen::{EntryKind, ScreenChunk, ScreenEntry};

/// The "Copiar" button of an output block (only when there is output).
fn copy_button(text: String, status: RwSignal<Option<String>>, what: String) -> impl IntoView {
    (!text.trim().is_empty()).then(move || {
        view! {
            <button
                type="button"
                class="term-copy"
                data-testid="terminal-copy"
                aria-label=format!("Copiar la salida de {what}")
                title="Copiar la salida"
                on:click=move |_| clipboard::copy_with_status(text.clone(), status)
            >
                "Copiar"
            </button>
        }
    })
}

fn output_view(output: Vec<ScreenChunk>) -> impl IntoView {
    (!output.is_empty()).then(|| {
        let chunks = output
            .into_iter()
            .map(|chunk| {
                let class = if chunk.is_stderr { "term-stderr" } else { "term-stdout" };
                view! { <span class=class>{chunk.text}</span> }
            })
            .collect_view();
        view! { <pre class="term-output">{chunks}</pre> }
    })
}

#[component]
pub fn TerminalEntry(
    entry: ScreenEntry,
    /// Where the outcome of a copy is announced.
    copy_status: RwSignal<Option<String>>,
) -> impl IntoView {
    let output_text = entry.output_text();
    match entry.kind {
        EntryKind::Notice(text) => view! { <p class="term-notice">{text}</p> }.into_any(),
        EntryKind::Command { prompt, line, more, output, exit_code } => view! {
            <div class="term-entry" data-testid="terminal-entry" data-exit-code=exit_code.to_string()>
                <div class="term-command">
                    <span class="term-prompt">{prompt}</span>
                    <span class="term-command-text">{line.clone()}</span>
                    {copy_button(output_text, copy_status, format!("«{line}»"))}
                </div>
                {more
                    .into_iter()
                    .map(|line| {
                        view! {
                            <div class="term-command term-continuation">
                                <span class="term-prompt">{crate::terminal_driver::CONTINUATION_PROMPT}</span>
                                <span class="term-continuation-text">{line}</span>
                            </div>
                        }
                    })
                    .collect_view()}
                {output_view(output)}
            </div>
        }
        .into_any(),
        EntryKind::Output { output } => view! {
            <div class="term-entry" data-testid="terminal-entry">
                {copy_button(output_text, copy_status, "la salida anterior".to_string())}
                {output_view(output)}
            </div>
        }
        .into_any(),
    }
}
