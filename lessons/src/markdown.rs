//! Markdown → HTML for lessons. The only place that configures pulldown-cmark.
//!
//! Lessons are data written by course authors, but they are still treated as untrusted text:
//! raw HTML in the Markdown is escaped (shown, never interpreted) and `javascript:`-style link
//! targets are neutralised, so the rendered HTML can be inserted into the page as it is.
//!
//! On top of CommonMark + GFM tables, lessons get:
//! - an `id` on every heading (a slug of its text, unique in the lesson) so the UI can link to it;
//! - admonitions `> [!TIP]`, `> [!WARNING]`, `> [!NOTE]` (and `[!IMPORTANT]`, `[!CAUTION]`)
//!   rendered as labelled boxes: `<aside class="admonition admonition-tip">` with the Spanish
//!   label ("Consejo", "Cuidado", "Nota"…) as its first paragraph;
//! - fenced blocks with meaning: ` ```docker ` / ` ```sh ` are runnable examples
//!   (`<pre class="code-block runnable" data-run="…" data-example="N">`), ` ```dockerfile ` and
//!   ` ```yaml ` are highlighted by [`crate::highlight`], and the blocks the caller claims
//!   (exercises and quizzes) become slots the UI fills with its own components.

use pulldown_cmark::{html, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use crate::lesson_body::{FileBlock, Heading, Segment};

use crate::highlight;
use crate::text::{escape_html, fold};

/// The pulldown-cmark extensions lessons may use.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Languages whose fenced blocks are runnable examples.
pub const RUNNABLE_LANGS: &[&str] = &["docker", "sh"];
/// The info-string attribute that marks a runnable example as expected to fail.
pub const EXPECT_FAILURE_ATTR: &str = "falla";

/// A fenced code block as written in the lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FencedBlock {
    /// The first word of the info string, lowercased (`sh`, `dockerfile`, `ejercicio`…).
    pub lang: String,
    /// The other words of the info string (`falla`, `archivo=Dockerfile`…).
    pub attrs: Vec<String>,
    /// The block's text, as written.
    pub code: String,
    /// Byte offset of the block's first content line in the Markdown source.
    pub offset: usize,
    /// False when the block sits inside a list, a quote or another container.
    pub top_level: bool,
}

impl FencedBlock {
    /// The value of an attribute written `name=value`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find_map(|a| a.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')))
    }

    /// True if the bare attribute `name` is present.
    pub fn has_attr(&self, name: &str) -> bool {
        self.attrs.iter().any(|a| a == name)
    }
}

/// What the caller wants in place of a fenced block it claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// A slot for a UI component: the placeholder HTML and the segment that marks it.
    Slot { placeholder: String, segment: Segment },
    /// Plain HTML (e.g. an error box when the block could not be read).
    Html(String),
}

/// A runnable block found while rendering (a ` ```docker ` or ` ```sh ` block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunnableBlock {
    pub lang: String,
    pub code: String,
    pub expect_failure: bool,
    /// Byte offset of its content in the source.
    pub offset: usize,
}

/// A rendered lesson body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The whole body as HTML (slots included as their placeholders).
    pub html: String,
    /// The same HTML split around the slots.
    pub segments: Vec<Segment>,
    pub headings: Vec<Heading>,
    pub runnable: Vec<RunnableBlock>,
    pub files: Vec<FileBlock>,
}

/// Renders a lesson's Markdown to HTML, with raw HTML escaped. A leading front matter block
/// (`+++ … +++`) is skipped.
pub fn render_markdown(markdown: &str) -> String {
    let body = crate::front_matter::split(markdown).map_or(markdown, |(_, body, _)| body);
    render(body, &mut |_| None).html
}

/// Renders a short piece of Markdown (an option of a quiz, a hint): one paragraph comes out
/// without its `<p>` wrapper.
pub fn render_inline(markdown: &str) -> String {
    let html = render(markdown, &mut |_| None).html;
    let trimmed = html.trim_end_matches('\n');
    match trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Renders Markdown; `claim` is asked about every fenced block and may take it over.
pub fn render(markdown: &str, claim: &mut dyn FnMut(&FencedBlock) -> Option<Claimed>) -> Rendered {
    let mut state = RenderState::default();
    let mut pending: Vec<Event<'_>> = Vec::new();
    let mut events = Parser::new_ext(markdown, options()).into_offset_iter();
    let mut depth = 0usize;
    while let Some((event, range)) = events.next() {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => pending.push(Event::Text(raw)),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                pending.push(Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id }));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                pending.push(Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id }));
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let mut inner = Vec::new();
                let mut text = String::new();
                for (e, _) in events.by_ref() {
                    match e {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(ref t) | Event::Code(ref t) => text.push_str(t),
                        _ => {}
                    }
                    inner.push(match e {
                        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
                        other => other,
                    });
                }
                let slug = state.unique_slug(id.as_deref().map_or_else(|| slugify(&text), ToString::to_string));
                state.headings.push(Heading { level: level_number(level), id: slug.clone(), text: text.trim().to_string() });
                pending.push(Event::Start(Tag::Heading { level, id: Some(CowStr::from(slug)), classes, attrs }));
                pending.extend(inner);
                pending.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                depth += 1;
                let (class, label) = admonition(kind);
                pending.push(Event::Html(CowStr::from(format!(
                    "<aside class=\"admonition admonition-{class}\" role=\"note\">\n<p class=\"admonition-title\">{label}</p>\n"
                ))));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                depth = depth.saturating_sub(1);
                pending.push(Event::Html(CowStr::Borrowed("</aside>\n")));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut code = String::new();
                let mut offset = range.end;
                let mut first = true;
                for (e, r) in events.by_ref() {
                    match e {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => {
                            if first {
                                offset = r.start;
                                first = false;
                            }
                            code.push_str(&t);
                        }
                        _ => {}
                    }
                }
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut words = info.split_whitespace();
                let lang = words.next().unwrap_or_default().to_lowercase();
                let attrs = words.map(str::to_string).collect();
                let block = FencedBlock { lang, attrs, code, offset, top_level: depth == 0 };
                match claim(&block) {
                    Some(Claimed::Slot { placeholder, segment }) => {
                        state.flush(&mut pending);
                        state.html.push_str(&placeholder);
                        state.segment_start = state.html.len();
                        state.segments.push(segment);
                    }
                    Some(Claimed::Html(h)) => pending.push(Event::Html(CowStr::from(h))),
                    None => pending.push(Event::Html(CowStr::from(state.code_block(&block)))),
                }
            }
            Event::Start(ref tag) => {
                if is_container(tag) {
                    depth += 1;
                }
                pending.push(event);
            }
            Event::End(ref tag) => {
                if is_container_end(tag) {
                    depth = depth.saturating_sub(1);
                }
                pending.push(event);
            }
            other => pending.push(other),
        }
    }
    state.flush(&mut pending);
    Rendered {
        html: state.html,
        segments: state.segments,
        headings: state.headings,
        runnable: state.runnable,
        files: state.files,
    }
}

#[derive(Default)]
struct RenderState {
    html: String,
    /// HTML written since the last slot.
    segment_start: usize,
    segments: Vec<Segment>,
    headings: Vec<Heading>,
    runnable: Vec<RunnableBlock>,
    files: Vec<FileBlock>,
}

impl RenderState {
    /// Writes the pending events as HTML and closes the current HTML segment.
    fn flush(&mut self, pending: &mut Vec<Event<'_>>) {
        html::push_html(&mut self.html, pending.drain(..));
        let piece = self.html.get(self.segment_start..).unwrap_or_default();
        if !piece.is_empty() {
            self.segments.push(Segment::Html(piece.to_string()));
        }
        self.segment_start = self.html.len();
    }

    fn unique_slug(&self, base: String) -> String {
        let taken = |s: &str| self.headings.iter().any(|h| h.id == s);
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|s| !taken(s)).unwrap_or(base)
    }

    /// The HTML of a fenced block nobody claimed.
    fn code_block(&mut self, block: &FencedBlock) -> String {
        let lang = escape_html(&block.lang);
        let code_class = if block.lang.is_empty() { String::new() } else { format!(" class=\"language-{lang}\"") };
        if RUNNABLE_LANGS.contains(&block.lang.as_str()) {
            let expect_failure = block.has_attr(EXPECT_FAILURE_ATTR);
            let index = self.runnable.len();
            self.runnable.push(RunnableBlock {
                lang: block.lang.clone(),
                code: block.code.clone(),
                expect_failure,
                offset: block.offset,
            });
            let run = escape_html(block.code.trim_end_matches('\n'));
            let expect = if expect_failure { " data-expect=\"falla\"" } else { "" };
            return format!(
                "<pre class=\"code-block runnable\" data-lang=\"{lang}\" data-example=\"{index}\" data-run=\"{run}\"{expect}><code{code_class}>{}</code></pre>\n",
                escape_html(&block.code)
            );
        }
        if let Some(highlighted) = highlight::highlight(&block.lang, &block.code) {
            let name = block.attr("archivo").map(str::to_string);
            let file_attr = name.as_deref().map(|n| format!(" data-file=\"{}\"", escape_html(n))).unwrap_or_default();
            let index = self.files.len();
            self.files.push(FileBlock { lang: block.lang.clone(), name, code: block.code.clone() });
            return format!(
                "<pre class=\"code-block highlighted\" data-lang=\"{lang}\" data-snippet=\"{index}\"{file_attr}><code{code_class}>{highlighted}</code></pre>\n"
            );
        }
        format!("<pre class=\"code-block\"><code{code_class}>{}</code></pre>\n", escape_html(&block.code))
    }
}

fn is_container(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
    )
}

fn is_container_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
    )
}

/// The CSS class suffix and the Spanish label of an admonition.
fn admonition(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "Nota"),
        BlockQuoteKind::Tip => ("tip", "Consejo"),
        BlockQuoteKind::Important => ("important", "Importante"),
        BlockQuoteKind::Warning => ("warning", "Cuidado"),
        BlockQuoteKind::Caution => ("caution", "Precaución"),
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A heading's anchor: lowercase ASCII letters and digits joined by `-`, accents removed
/// (`"El ciclo de vida"` → `el-ciclo-de-vida`, `"¿Qué es?"` → `que-es`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "seccion".to_string()
    } else {
        slug
    }
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
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn renders_headings_with_anchors_code_and_lists() {
        let html = render_markdown("# Hola\n\nUsa `docker ps`.\n\n- uno\n- dos\n");
        assert_eq!(
            html,
            "<h1 id=\"hola\">Hola</h1>\n<p>Usa <code>docker ps</code>.</p>\n<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>\n"
        );
    }

    #[test]
    fn heading_anchors_fold_accents_and_stay_unique() {
        let r = render("## ¿Qué es una capa?\n\n## ¿Qué es una capa?\n\n## Otra {#mia}\n", &mut |_| None);
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["que-es-una-capa", "que-es-una-capa-2", "mia"]);
        assert!(r.html.contains("<h2 id=\"que-es-una-capa-2\">"), "{}", r.html);
        assert_eq!(r.headings.first().map(|h| h.text.as_str()), Some("¿Qué es una capa?"));
    }

    #[test]
    fn runnable_blocks_carry_their_commands() {
        let html = render_markdown("```sh\ndocker run hello-world\n```\n");
        assert_eq!(
            html,
            "<pre class=\"code-block runnable\" data-lang=\"sh\" data-example=\"0\" data-run=\"docker run hello-world\"><code class=\"language-sh\">docker run hello-world\n</code></pre>\n"
        );
    }

    #[test]
    fn runnable_attribute_is_escaped_and_failure_marked() {
        let r = render("```docker falla\ndocker run --name \"a&b\" <x>\n```\n", &mut |_| None);
        assert!(r.html.contains("data-run=\"docker run --name &quot;a&amp;b&quot; &lt;x&gt;\""), "{}", r.html);
        assert!(r.html.contains("data-expect=\"falla\""), "{}", r.html);
        assert_eq!(r.runnable.len(), 1);
        assert!(r.runnable.first().is_some_and(|b| b.expect_failure));
    }

    #[test]
    fn dockerfile_blocks_are_highlighted_and_recorded() {
        let r = render("```dockerfile archivo=Dockerfile\nFROM alpine\n```\n", &mut |_| None);
        assert_eq!(
            r.html,
            "<pre class=\"code-block highlighted\" data-lang=\"dockerfile\" data-snippet=\"0\" data-file=\"Dockerfile\"><code class=\"language-dockerfile\"><span class=\"tok-keyword\">FROM</span> <span class=\"tok-image\">alpine</span>\n</code></pre>\n"
        );
        assert_eq!(r.files.first().and_then(|f| f.name.as_deref()), Some("Dockerfile"));
    }

    #[test]
    fn other_code_blocks_are_plain() {
        let html = render_markdown("```text\n<b>\n```\n");
        assert_eq!(html, "<pre class=\"code-block\"><code class=\"language-text\">&lt;b&gt;\n</code></pre>\n");
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
    fn escapes_html_inside_headings() {
        let html = render_markdown("## Hola <img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn neutralises_script_links() {
        let html = render_markdown("[a](javascript:alert(1)) [b]( JavaScript:x) [c](https://docs.docker.com/)\n");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://docs.docker.com/\""), "{html}");
    }

    #[test]
    fn renders_admonitions_as_labelled_boxes() {
        let html = render_markdown("> [!TIP]\n> Pulsa ↑.\n\n> [!WARNING]\n> Ojo.\n\n> [!NOTE]\n> Dato.\n");
        assert_eq!(
            html,
            "<aside class=\"admonition admonition-tip\" role=\"note\">\n<p class=\"admonition-title\">Consejo</p>\n<p>Pulsa ↑.</p>\n</aside>\n\
             <aside class=\"admonition admonition-warning\" role=\"note\">\n<p class=\"admonition-title\">Cuidado</p>\n<p>Ojo.</p>\n</aside>\n\
             <aside class=\"admonition admonition-note\" role=\"note\">\n<p class=\"admonition-title\">Nota</p>\n<p>Dato.</p>\n</aside>\n"
        );
    }

    #[test]
    fn renders_tables() {
        let html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.starts_with("<table>"), "{html}");
        assert!(html.contains("<td>2</td>"), "{html}");
    }

    #[test]
    fn claimed_blocks_become_slots_between_html_segments() {
        let md = "Antes\n\n```ejercicio\nid = \"x\"\n```\n\nDespués\n";
        let mut seen = Vec::new();
        let r = render(md, &mut |b| {
            seen.push((b.lang.clone(), b.code.clone(), b.top_level, b.offset));
            (b.lang == "ejercicio").then(|| Claimed::Slot {
                placeholder: "<div data-exercise=\"x\"></div>\n".into(),
                segment: Segment::Exercise("x".into()),
            })
        });
        assert_eq!(seen, [("ejercicio".to_string(), "id = \"x\"\n".to_string(), true, 20)]);
        assert_eq!(
            r.segments,
            [
                Segment::Html("<p>Antes</p>\n".into()),
                Segment::Exercise("x".into()),
                Segment::Html("<p>Después</p>\n".into())
            ]
        );
        assert_eq!(r.html, "<p>Antes</p>\n<div data-exercise=\"x\"></div>\n<p>Después</p>\n");
    }

    #[test]
    fn blocks_inside_lists_are_not_top_level() {
        let mut top = Vec::new();
        render("- item\n\n  ```sh\n  ls\n  ```\n", &mut |b| {
            top.push(b.top_level);
            None
        });
        assert_eq!(top, [false]);
    }

    #[test]
    fn inline_rendering_drops_the_paragraph() {
        assert_eq!(render_inline("Usa `docker ps`"), "Usa <code>docker ps</code>");
        assert_eq!(render_inline("<i>x</i>"), "&lt;i&gt;x&lt;/i&gt;");
    }

    #[test]
    fn front_matter_is_not_rendered() {
        let html = render_markdown("+++\ntitulo = \"X\"\n+++\n# Hola\n");
        assert_eq!(html, "<h1 id=\"hola\">Hola</h1>\n");
    }

    #[test]
    fn welcome_lesson_renders_its_title_and_example() {
        let html = render_markdown(crate::WELCOME_LESSON);
        assert!(html.starts_with("<h1 id=\"bienvenida-a-muelle\">Bienvenida a Muelle</h1>"), "{html}");
        assert!(html.contains("data-run=\"docker run hello-world\""), "{html}");
    }
}
