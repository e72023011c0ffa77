//! One block of the terminal: a note, or a command with its output. Always text, never HTML.

use leptos::prelude::*;

use crate::terminal_screen::{EntryKind, ScreenEntry};

#[component]
pub fn TerminalEntry(entry: ScreenEntry) -> impl IntoView {
    match entry.kind {
        EntryKind::Notice(text) => view! { <p class="term-notice">{text}</p> }.into_any(),
        EntryKind::Command { line, output, exit_code } => {
            let has_output = !output.is_empty();
            let chunks = output
                .into_iter()
                .map(|chunk| {
                    let class = if chunk.is_stderr { "term-stderr" } else { "term-stdout" };
                    view! { <span class=class>{chunk.text}</span> }
                })
                .collect_view();
            view! {
                <div class="term-entry" data-testid="terminal-entry" data-exit-code=exit_code.to_string()>
                    <div class="term-command">
                        <span class="term-prompt">"$ "</span>
                        <span class="term-command-text">{line}</span>
                    </div>
                    {has_output.then(|| view! { <pre class="term-output">{chunks}</pre> })}
                </div>
            }
            .into_any()
        }
    }
}
