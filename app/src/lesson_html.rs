//! Small additions to the lesson HTML the `lessons` crate renders (already sanitised there): a
//! "Ejecutar" button and an "Abrir en el sandbox" link after every runnable block, an "Abrir en el
//! editor" button after every file block. The buttons carry the block's index; the lesson page
//! handles their clicks.

/// How a runnable block starts in the lessons crate's HTML.
const RUNNABLE_OPEN: &str = "<pre class=\"code-block runnable\"";
const PRE_CLOSE: &str = "</pre>";
const EXAMPLE_ATTR: &str = "data-example=\"";
/// How a highlighted file block (Dockerfile, YAML) starts.
const FILE_OPEN: &str = "<pre class=\"code-block highlighted\"";
const SNIPPET_ATTR: &str = "data-snippet=\"";

/// Wraps each runnable block with its "Ejecutar" button. Text inside the blocks is escaped by the
/// lessons crate, so the first `</pre>` after a block's start is its end.
pub fn with_run_buttons(html: &str) -> String {
    with_block_actions(html, &|_| None)
}

/// Adds the actions of every block: "Ejecutar" (and, when `sandbox_href` gives an address for the
/// example, an "Abrir en el sandbox" link) after runnable blocks, and "Abrir en el editor" after
/// highlighted file blocks (Dockerfile, YAML; the button carries the snippet's index).
pub fn with_block_actions(html: &str, sandbox_href: &dyn Fn(usize) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    loop {
        let runnable = rest.find(RUNNABLE_OPEN);
        let file = rest.find(FILE_OPEN);
        let (start, is_file) = match (runnable, file) {
            (Some(r), Some(f)) if f < r => (f, true),
            (Some(r), _) => (r, false),
            (None, Some(f)) => (f, true),
            (None, None) => break,
        };
        let (before, block_and_after) = rest.split_at(start);
        out.push_str(before);
        let Some(close) = block_and_after.find(PRE_CLOSE) else {
            out.push_str(block_and_after);
            return out;
        };
        let (block, after) = block_and_after.split_at(close + PRE_CLOSE.len());
        if is_file {
            out.push_str(block);
            if let Some(index) = attr_number(block, SNIPPET_ATTR) {
                out.push_str(&format!(
                    "<div class=\"file-block-actions\"><button type=\"button\" class=\"open-editor-button\" data-snippet=\"{index}\" \
                     data-testid=\"open-in-editor\" title=\"Copia este archivo en la carpeta del proyecto y lo abre en el editor\">\
                     Abrir en el editor</button></div>"
                ));
            }
            rest = after;
            continue;
        }
        let index = attr_number(block, EXAMPLE_ATTR);
        out.push_str("<div class=\"runnable-block\">");
        out.push_str(block);
        if let Some(index) = index {
            out.push_str(&format!(
                "<div class=\"runnable-actions\"><button type=\"button\" class=\"run-button\" data-example=\"{index}\" \
                 data-testid=\"run-example\" title=\"Escribe estos comandos en la terminal y los ejecuta\">\
                 <span aria-hidden=\"true\">▶ </span>Ejecutar</button>"
            ));
            if let Some(href) = sandbox_href(index) {
                out.push_str(&format!(
                    " <a class=\"block-link\" href=\"{}\" data-testid=\"open-sandbox\">Abrir en el sandbox</a>",
                    lessons::text::escape_html(&href)
                ));
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Splits lesson HTML right after its `<h1>` (where the objectives go); without one, all of it
/// comes second.
pub fn split_after_title(html: &str) -> (&str, &str) {
    const H1_CLOSE: &str = "</h1>";
    match html.find(H1_CLOSE) {
        Some(i) => html.split_at(i + H1_CLOSE.len()),
        None => ("", html),
    }
}

/// The number in an attribute (`data-example="`, `data-snippet="`) of a block's opening tag.
fn attr_number(block: &str, attr: &str) -> Option<usize> {
    let tag_end = block.find('>')?;
    let tag = block.get(..tag_end)?;
    let from = tag.find(attr)? + attr.len();
    let digits: String = tag.get(from..)?.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_runnable_block_gets_its_button() {
        let Ok(course) = crate::compiled_course::course() else { panic!("course") };
        let Some(lesson) = course.lesson("anatomia-de-una-imagen") else { panic!("lesson") };
        let html = with_run_buttons(&lesson.html);
        assert_eq!(html.matches("class=\"run-button\"").count(), lesson.examples.len());
        for example in &lesson.examples {
            assert!(html.contains(&format!("<button type=\"button\" class=\"run-button\" data-example=\"{}\"", example.index)));
        }
        // Highlighted Dockerfile blocks are left alone.
        assert!(html.contains("<pre class=\"code-block highlighted\""));
    }

    #[test]
    fn wraps_the_block_exactly() {
        let html = "<p>a</p>\n<pre class=\"code-block runnable\" data-lang=\"sh\" data-example=\"3\" data-run=\"x\"><code>x &lt;/pre&gt;</code></pre>\n<p>b</p>";
        let out = with_run_buttons(html);
        assert!(out.starts_with("<p>a</p>\n<div class=\"runnable-block\"><pre class=\"code-block runnable\""), "{out}");
        assert!(out.contains("<code>x &lt;/pre&gt;</code></pre><div class=\"runnable-actions\"><button type=\"button\" class=\"run-button\" data-example=\"3\""), "{out}");
        assert!(out.ends_with("Ejecutar</button></div></div>\n<p>b</p>"), "{out}");
    }

    #[test]
    fn file_blocks_open_in_the_editor_and_examples_in_the_sandbox() {
        let html = "<pre class=\"code-block highlighted\" data-lang=\"dockerfile\" data-snippet=\"0\"><code>FROM</code></pre>\n\
                    <pre class=\"code-block runnable\" data-example=\"2\"><code>x</code></pre>";
        let out = with_block_actions(html, &|i| Some(format!("#/sandbox?estado=e{i}&x")));
        assert!(out.starts_with("<pre class=\"code-block highlighted\" data-lang=\"dockerfile\" data-snippet=\"0\"><code>FROM</code></pre><div class=\"file-block-actions\"><button type=\"button\" class=\"open-editor-button\" data-snippet=\"0\""), "{out}");
        assert!(out.contains("Ejecutar</button> <a class=\"block-link\" href=\"#/sandbox?estado=e2&amp;x\" data-testid=\"open-sandbox\">Abrir en el sandbox</a></div></div>"), "{out}");
        let Ok(course) = crate::compiled_course::course() else { panic!("course") };
        let Some(lesson) = course.lesson("anatomia-de-una-imagen") else { panic!("lesson") };
        let out = with_block_actions(&lesson.html, &|_| None);
        assert_eq!(out.matches("data-testid=\"open-in-editor\"").count(), lesson.snippets.len());
    }

    #[test]
    fn html_without_runnable_blocks_is_unchanged() {
        assert_eq!(with_run_buttons("<p>hola</p>"), "<p>hola</p>");
        assert_eq!(with_run_buttons("<pre class=\"code-block runnable\" data-example=\"1\">sin cierre"), "<pre class=\"code-block runnable\" data-example=\"1\">sin cierre");
    }

    #[test]
    fn splits_after_the_title() {
        assert_eq!(split_after_title("<h1 id=\"x\">T</h1>\n<p>a</p>"), ("<h1 id=\"x\">T</h1>", "\n<p>a</p>"));
        assert_eq!(split_after_title("<p>a</p>"), ("", "<p>a</p>"));
    }

    proptest! {
        #[test]
        fn never_panics(html in "(<pre class=\"code-block runnable\" data-example=\"[0-9]{0,3}\"|</pre>|[a-z<>\" ]){0,12}") {
            let _ = with_run_buttons(&html);
            let _ = with_block_actions(&html.replace("runnable", "highlighted").replace("example", "snippet"), &|i| Some(i.to_string()));
        }
    }
}
