//! Export the progress as a JSON file, and import one (from another browser or machine).

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::saved_progress::use_saved_progress;

/// The name of the exported file.
const FILE_NAME: &str = "muelle-progreso.json";

#[component]
pub fn ProgressTools() -> impl IntoView {
    let saved = use_saved_progress();
    let status = RwSignal::new(None::<(bool, String)>);
    let file_ref = NodeRef::<Input>::new();

    let export = move |_| match download(FILE_NAME, &saved.export_json()) {
        Ok(()) => status.set(Some((true, format!("Progreso exportado en el archivo «{FILE_NAME}».")))),
        Err(()) => status.set(Some((false, "Tu navegador no ha permitido descargar el archivo.".to_string()))),
    };

    let choose = move |_| {
        if let Some(input) = file_ref.get_untracked() {
            input.click();
        }
    };

    let on_file = move |_| {
        let Some(input) = file_ref.get_untracked() else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        let name = file.name();
        // The same file may be chosen again later.
        input.set_value("");
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let message = match text {
                None => (false, format!("No se ha podido leer el archivo «{name}».")),
                Some(text) => match saved.import(&text) {
                    Ok(report) => (true, import_message(report.new_exercises, report.new_answers)),
                    Err(error) => (false, format!("No se ha importado nada: el archivo «{name}» {error}.")),
                },
            };
            status.set(Some(message));
        });
    };

    view! {
        <section class="progress-tools" aria-labelledby="progreso-archivo">
            <h2 id="progreso-archivo">"Tu progreso en un archivo"</h2>
            <p>
                "Tu progreso se guarda solo en este navegador. Expórtalo para llevarlo a otro equipo o para "
                "entregarlo, e impórtalo allí: se suma al que ya haya."
            </p>
            <div class="button-row">
                <button type="button" class="button" data-testid="export-progress" on:click=export>
                    "Exportar progreso"
                </button>
                <button type="button" class="button" data-testid="import-progress" on:click=choose>
                    "Importar progreso"
                </button>
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="import-file"
                    node_ref=file_ref
                    on:change=on_file
                />
            </div>
            <p class="tools-status" role="status" data-testid="progress-status">
                {move || {
                    status
                        .get()
                        .map(|(ok, text)| {
                            view! { <span class=if ok { "status-ok" } else { "status-error" }>{text}</span> }
                        })
                }}
            </p>
        </section>
    }
}

fn import_message(exercises: usize, answers: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    if exercises == 0 && answers == 0 {
        return "Progreso importado: no había nada nuevo.".to_string();
    }
    format!(
        "Progreso importado: {} y {}.",
        plural(exercises, "ejercicio resuelto nuevo", "ejercicios resueltos nuevos"),
        plural(answers, "respuesta nueva", "respuestas nuevas")
    )
}

/// Offers `text` as a file download.
fn download(name: &str, text: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let anchor = document().create_element("a").map_err(|_| ())?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| ())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    let _ = anchor.set_attribute("hidden", "");
    let body = document().body().ok_or(())?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // Revoked later: some browsers read the URL after `click` returns.
    set_timeout(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    }, std::time::Duration::from_secs(30));
    Ok(())
}
