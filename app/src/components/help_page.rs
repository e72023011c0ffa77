//! Help (`#/ayuda`): how Muelle works and every keyboard shortcut.

use leptos::prelude::*;

use crate::route::Route;

/// (keys, what they do) in the terminal.
const TERMINAL_KEYS: &[(&str, &str)] = &[
    ("Intro", "Ejecuta el comando escrito."),
    ("↑ / ↓", "Recorren los comandos que ya has escrito (también los de otras visitas)."),
    ("Tab", "Completa el comando, la opción o el nombre del contenedor o de la imagen. Si hay varias posibilidades, las muestra."),
    ("Ctrl+C", "Detiene el comando que está en primer plano, o descarta la línea que estás escribiendo. Con texto seleccionado, lo copia."),
    ("Ctrl+L", "Limpia la pantalla de la terminal."),
    ("Ctrl+P y después Ctrl+Q", "Deja en segundo plano el contenedor al que estás conectado, sin detenerlo."),
    ("Escape y después Tab", "Sale de la terminal y pasa al siguiente control de la página."),
];

/// (keys, what they do) anywhere in the page.
const PAGE_KEYS: &[(&str, &str)] = &[
    ("Tab / Mayús+Tab", "Pasan al control siguiente o al anterior: enlaces, botones «Ejecutar», ejercicios, preguntas."),
    ("Intro o Espacio", "Pulsan el botón que tiene el foco (por ejemplo «Ejecutar» o «Comprobar»)."),
    ("Flechas", "Eligen una opción dentro de una pregunta de respuesta única."),
    ("Ctrl+S", "En el editor del proyecto, guarda el archivo abierto en la carpeta del proyecto."),
    ("Alt+← / Alt+→", "Vuelven a la página anterior o a la siguiente del navegador."),
];

/// The page's markup. It is all static, so it is built as text and set with `inner_html`: as
/// `view!` elements it was ~40 elements' worth of rendering code in the browser build.
pub fn help_html() -> String {
    let mut html = String::from(concat!(
        "<h1>Ayuda</h1>",
        "<p>Cada lección tiene al lado una terminal con un motor Docker simulado. Escribe comandos como en tu ",
        "equipo: el motor responde con los mismos mensajes que Docker Engine 28. Nada de lo que hagas sale de ",
        "tu navegador.</p>",
        "<h2>Ejemplos y ejercicios</h2>",
        "<ul>",
        "<li>El botón «Ejecutar» de un bloque de comandos los escribe y los ejecuta en la terminal.</li>",
        "<li>«Empezar el ejercicio» prepara la terminal con el estado inicial del ejercicio. Después de cada ",
        "comando se comprueba el objetivo; cuando lo cumples, el ejercicio queda marcado como resuelto.</li>",
        "<li>«Deshacer el último comando» y «Reiniciar el ejercicio» te dejan probar otra vez sin miedo.</li>",
        "<li>Las pistas aparecen de una en una; la solución, solo si confirmas que quieres verla.</li>",
        "<li>Si un comando falla, junto a la terminal aparece una explicación del error en español.</li>",
        "</ul>",
        "<h2>Atajos de teclado en la terminal</h2>",
        r#"<table class="keys-table" data-testid="terminal-shortcuts">"#,
    ));
    keys_table_body(&mut html, TERMINAL_KEYS);
    html.push_str(concat!("<h2>Atajos de teclado en la página</h2>", r#"<table class="keys-table">"#));
    keys_table_body(&mut html, PAGE_KEYS);
    html.push_str(concat!(
        "<h2>Tu progreso</h2>",
        "<p>Los ejercicios resueltos y las respuestas de los cuestionarios se guardan en este navegador, en este ",
        "equipo. Desde el mapa del curso puedes exportarlos a un archivo e importarlos en otro navegador. Si ",
        "los datos guardados se dañan, Muelle guarda una copia aparte y empieza de cero sin perder esa copia.</p>",
    ));
    html.push_str(r#"<p><a href=""#);
    html.push_str(&Route::CourseMap.href());
    html.push_str(r#"">Volver al mapa del curso</a></p>"#);
    html
}

/// The head and the rows of a shortcuts table, and its end (the texts have no `<` or `&`).
fn keys_table_body(html: &mut String, keys: &[(&str, &str)]) {
    html.push_str(r#"<thead><tr><th scope="col">Teclas</th><th scope="col">Qué hacen</th></tr></thead><tbody>"#);
    for (k, what) in keys {
        html.push_str(r#"<tr><th scope="row"><kbd>"#);
        html.push_str(k);
        html.push_str("</kbd></th><td>");
        html.push_str(what);
        html.push_str("</td></tr>");
    }
    html.push_str("</tbody></table>");
}

#[component]
pub fn HelpPage() -> impl IntoView {
    view! { <article class="page-section help-page" data-testid="help-page" inner_html=help_html()></article> }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The markup as the `view!` version rendered it: the tables Playwright reads, every shortcut
    /// as a row header, the way back; and no text that would need escaping.
    #[test]
    fn the_help_markup_has_the_tables_and_the_link() {
        let html = help_html();
        assert!(html.starts_with("<h1>Ayuda</h1><p>Cada lección tiene al lado una terminal"), "{html}");
        assert!(html.contains(concat!(
            r#"<h2>Atajos de teclado en la terminal</h2><table class="keys-table" data-testid="terminal-shortcuts">"#,
            r#"<thead><tr><th scope="col">Teclas</th><th scope="col">Qué hacen</th></tr></thead><tbody>"#,
            r#"<tr><th scope="row"><kbd>Intro</kbd></th><td>Ejecuta el comando escrito.</td></tr>"#
        )));
        assert!(html.contains(r#"<tr><th scope="row"><kbd>Ctrl+P y después Ctrl+Q</kbd></th><td>Deja en segundo plano"#));
        assert!(html.contains(r#"<tr><th scope="row"><kbd>Alt+← / Alt+→</kbd></th>"#));
        assert!(html.ends_with(r##"sin perder esa copia.</p><p><a href="#/">Volver al mapa del curso</a></p>"##));
        assert_eq!(html.matches("<table").count(), 2);
        assert_eq!(html.matches("</table>").count(), 2);
        assert_eq!(html.matches("<tr>").count(), 2 + TERMINAL_KEYS.len() + PAGE_KEYS.len());
        for (k, what) in TERMINAL_KEYS.iter().chain(PAGE_KEYS) {
            assert!(!format!("{k}{what}").contains(['<', '>', '&', '"']), "{k}");
        }
    }
}
