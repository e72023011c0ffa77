//! The last line of defence: if Rust panics anywhere (a bug), the page must not go blank. The panic
//! hook reports the panic on the console and puts a static Spanish message with a "Recargar" button
//! over the page. Nothing is written to browser storage, so the learner's progress is untouched.
//!
//! With `panic = "abort"` the WebAssembly instance stops right after the hook, so the message is
//! plain DOM built here and its button reloads through an inline handler (no Rust left to call).

use wasm_bindgen::JsCast;

/// The id of the message's element (also read by the browser tests).
pub const CRASH_ID: &str = "muelle-crash";

/// The message: static text, no user data.
const CRASH_HTML: &str = concat!(
    r#"<div class="crash-box">"#,
    r#"<h1 id="muelle-crash-title">Algo ha fallado</h1>"#,
    r#"<p id="muelle-crash-text">Muelle ha encontrado un error inesperado y esta página ha dejado de responder. "#,
    r#"Tu progreso está guardado en este navegador y no se ha tocado: al recargar, todo sigue donde lo dejaste.</p>"#,
    r#"<button type="button" class="button button-primary" data-testid="crash-reload" onclick="location.reload()">Recargar</button>"#,
    r#"</div>"#,
);

/// Installs the panic hook (once is enough; a second call replaces the first with the same hook).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Puts the message over the page (once) and moves the keyboard focus to its button.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id(CRASH_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    // Everything else becomes inert: the dead app cannot be reached by keyboard or screen reader.
    let children = body.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            let _ = child.set_attribute("inert", "");
        }
    }
    let Ok(screen) = document.create_element("div") else { return };
    screen.set_id(CRASH_ID);
    screen.set_class_name("crash-screen");
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-modal", "true");
    let _ = screen.set_attribute("aria-labelledby", "muelle-crash-title");
    let _ = screen.set_attribute("aria-describedby", "muelle-crash-text");
    let _ = screen.set_attribute("data-testid", "crash-screen");
    screen.set_inner_html(CRASH_HTML);
    let _ = body.append_child(&screen);
    if let Some(button) = screen.query_selector("button").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}
