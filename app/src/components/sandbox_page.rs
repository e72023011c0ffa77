//! `#/sandbox`: free play with the whole engine, the terminal, the project editor and the visual
//! engine panel. "Copiar
//! enlace" puts the session in the address (`#/sandbox?estado=…`: the seed, the starting project
//! files and everything typed and saved, compressed); opening that address replays it. No server.

use leptos::prelude::*;

use super::editor::Editor;
use super::engine_panel::EnginePanel;
use super::explanation_panel::ExplanationPanel;
use super::terminal::Terminal;
use crate::browser_clock;
use crate::clipboard;
use crate::route::Route;
use crate::sandbox_link::SandboxState;
use crate::saved_progress::use_saved_progress;
use crate::terminal_control::{TerminalControl, PROJECT_KEY};

#[component]
pub fn SandboxPage(
    /// The code of a shared sandbox (after `estado=`), if the address has one.
    state: Option<String>,
) -> impl IntoView {
    let saved = use_saved_progress();
    let fresh_seed = browser_clock::seed_from(browser_clock::now());
    let decoded = state.map(|code| SandboxState::decode(&code));
    let (control, notice) = match decoded {
        // A shared sandbox has its own files: the learner's project folder is not touched.
        Some(Ok(shared)) => {
            let control = TerminalControl::with_options(Some(saved), shared.seed, None);
            control.replay(&shared);
            let n = shared.lines.len();
            let notice = format!(
                "Sandbox compartido: se ha repetido lo que se hizo en él ({} {}). Tus archivos guardados no se tocan.",
                n,
                if n == 1 { "paso" } else { "pasos" }
            );
            (control, Some(notice))
        }
        Some(Err(error)) => (TerminalControl::with_options(Some(saved), fresh_seed, Some(PROJECT_KEY)), Some(error.0)),
        None => (TerminalControl::with_options(Some(saved), fresh_seed, Some(PROJECT_KEY)), None),
    };
    let open_request = RwSignal::new(None::<String>);
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);

    let share = move |_| {
        let code = control.sandbox_state().encode();
        let location = window().location();
        let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let url = format!("{base}{}", Route::Sandbox(Some(code)).href());
        link.set(Some(url.clone()));
        clipboard::copy_with_status(url, status);
    };

    view! {
        <div class="sandbox-page" data-testid="sandbox-page">
            <header class="sandbox-head">
                <div>
                    <h1>"Sandbox"</h1>
                    <p class="sandbox-intro">
                        "Juega libremente con el motor Docker simulado: escribe comandos en la terminal y edita los archivos del proyecto. Con «Copiar enlace» compartes todo lo que has hecho; quien lo abra verá cómo se repite."
                    </p>
                </div>
                <div class="sandbox-share">
                    <button type="button" class="button button-primary" data-testid="sandbox-share" on:click=share>
                        "Copiar enlace"
                    </button>
                    <a class="button button-quiet" href=Route::Sandbox(None).href() data-testid="sandbox-fresh">"Empezar de cero"</a>
                </div>
            </header>
            {notice.map(|text| view! { <p class="sandbox-notice" role="status" data-testid="sandbox-notice">{text}</p> })}
            {move || {
                link.get()
                    .map(|url| {
                        view! {
                            <label class="sandbox-link">
                                <span>"Enlace para compartir"</span>
                                <input type="text" readonly data-testid="sandbox-link" prop:value=url on:focus=|ev| select_all(&ev) />
                            </label>
                        }
                    })
            }}
            <p class="copy-status" role="status" data-testid="sandbox-status">{move || status.get()}</p>
            <div class="sandbox-layout">
                <Editor control=control open_request=open_request />
                <div class="practice-pane">
                    <Terminal control=control autofocus=false />
                    <ExplanationPanel control=control />
                    <EnginePanel control=control />
                </div>
            </div>
        </div>
    }
}

fn select_all(ev: &leptos::ev::FocusEvent) {
    if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
        input.select();
    }
}
