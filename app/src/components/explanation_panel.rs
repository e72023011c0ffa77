//! Next to the terminal: what the last error means, in Spanish (from the lessons crate's table of
//! explanations, looked up by error kind).

use leptos::prelude::*;

use crate::terminal_control::TerminalControl;

#[component]
pub fn ExplanationPanel(control: TerminalControl) -> impl IntoView {
    let explanation = control.explanation;
    view! {
        <div class="explanation-live" aria-live="polite">
            {move || {
                explanation
                    .get()
                    .map(|e| {
                        view! {
                            <aside class="explanation" data-testid="error-explanation" data-kind=e.kind.clone() aria-labelledby="explicacion-titulo">
                                <p class="explanation-kicker">"Qué ha pasado"</p>
                                // The title may quote what the engine printed: text, never HTML.
                                <h2 id="explicacion-titulo" class="explanation-title">{e.title.clone()}</h2>
                                // Rendered from Markdown by the lessons crate, raw HTML escaped.
                                <div class="explanation-body" inner_html=e.html.clone()></div>
                                <button type="button" class="button button-quiet" on:click=move |_| explanation.set(None)>
                                    "Cerrar la explicación"
                                </button>
                            </aside>
                        }
                    })
            }}
        </div>
    }
}
