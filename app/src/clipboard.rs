//! Copying text to the clipboard (the asynchronous Clipboard API), reporting the outcome in Spanish.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `done` receives the message to show (success or what to do instead).
pub fn copy(text: String, done: impl FnOnce(String) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let message = match JsFuture::from(promise).await {
            Ok(_) => "Copiado al portapapeles.".to_string(),
            Err(_) => "No se pudo copiar: el navegador no ha dado permiso. Selecciona el texto y pulsa Ctrl+C.".to_string(),
        };
        done(message);
    });
}

/// Copies `text` and puts the outcome in `status` for a few seconds (a live region shows it).
pub fn copy_with_status(text: String, status: RwSignal<Option<String>>) {
    copy(text, move |message| {
        status.set(Some(message.clone()));
        set_timeout(
            move || {
                if status.get_untracked().as_deref() == Some(message.as_str()) {
                    status.set(None);
                }
            },
            std::time::Duration::from_secs(4),
        );
    });
}
