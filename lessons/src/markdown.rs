//! Markdown → HTML for lessons. The only place that configures pulldown-cmark.
//!
//! Lessons are data written by course authors, but they are still treated as untrusted text:
//! raw HTML in the Markdown is escaped (shown, never interpreted) and `javascript:`-style link
//! targets are neutralised, so the rendered HTML can be inserted into the page as it is.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// The pulldown-cmark extensions lessons may use.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a lesson's Markdown to HTML, with raw HTML escaped.
pub fn render_markdown(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Keeps a link target unless its scheme could run code when followed.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .trim_start()
        .chars()
        .take_while(|c| *c != ':')
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    let has_scheme = url.contains(':');
    if has_scheme && matches!(scheme.as_str(), "javascript" | "vbscript" | "data") {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_headings_code_and_lists() {
        let html = render_markdown("# Hola\n\nUsa `docker ps`.\n\n- uno\n- dos\n");
        assert_eq!(
            html,
            "<h1>Hola</h1>\n<p>Usa <code>docker ps</code>.</p>\n<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>\n"
        );
    }

    #[test]
    fn fenced_code_keeps_its_language_class() {
        let html = render_markdown("```sh\ndocker run hello-world\n```\n");
        assert_eq!(html, "<pre><code class=\"language-sh\">docker run hello-world\n</code></pre>\n");
    }

    #[test]
    fn escapes_block_html() {
        let html = render_markdown("<script>alert(1)</script>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    }

    #[test]
    fn escapes_inline_html() {
        let html = render_markdown("Texto <b onclick=\"x()\">negrita</b> fin\n");
        assert_eq!(html, "<p>Texto &lt;b onclick=\"x()\"&gt;negrita&lt;/b&gt; fin</p>\n");
    }

    #[test]
    fn neutralises_script_links() {
        let html = render_markdown("[a](javascript:alert(1)) [b]( JavaScript:x) [c](https://docs.docker.com/)\n");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://docs.docker.com/\""), "{html}");
    }

    #[test]
    fn renders_gfm_alerts() {
        let html = render_markdown("> [!TIP]\n> Pulsa ↑.\n");
        assert!(html.contains("markdown-alert-tip"), "{html}");
    }

    #[test]
    fn welcome_lesson_renders_its_title_and_example() {
        let html = render_markdown(crate::WELCOME_LESSON);
        assert!(html.starts_with("<h1>Bienvenida a Muelle</h1>"), "{html}");
        assert!(html.contains("docker run hello-world"), "{html}");
    }
}
