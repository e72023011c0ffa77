//! One block of the terminal: a note, a command with its output, or output alone.
//! Always text nodes, never HTML.

use leptos::prelude::*;

use crate::terminal_screen::{EntryKind, ScreenChunk, ScreenEntry};

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
pub fn TerminalEntry(entry: ScreenEntry) -> impl IntoView {
    match entry.kind {
        EntryKind::Notice(text) => view! { <p class="term-notice">{text}</p> }.into_any(),
        EntryKind::Command { prompt, line, more, output, exit_code } => view! {
            <div class="term-entry" data-testid="terminal-entry" data-exit-code=exit_code.to_string()>
                <div class="term-command">
                    <span class="term-prompt">{prompt}</span>
                    <span class="term-command-text">{line}</span>
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
                {output_view(output)}
            </div>
        }
        .into_any(),
    }
}
