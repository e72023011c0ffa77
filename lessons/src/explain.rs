//! Spanish explanations of engine errors, looked up by error kind.
//!
//! The table lives in `content/errores.toml`: each entry has a kind (`tipo`), one or more
//! patterns written as Docker prints the message, with `{placeholders}` for the parts that vary,
//! a title and an explanation in Markdown that may reuse the placeholders:
//!
//! ```toml
//! [[error]]
//! tipo = "name-conflict"
//! patrones = ['The container name "/{nombre}" is already in use by container "{id}"']
//! titulo = "Ese nombre ya está en uso"
//! explicacion = "Ya existe un contenedor llamado `{nombre}`…"
//! ```
//!
//! A pattern matches a line of the command's stderr when its literal parts appear in order;
//! a placeholder captures the text between them (to the end of the line when it is last). The
//! first entry with a matching pattern wins, so specific entries go before general ones.
//!
//! The explanation's Markdown is rendered when the table is loaded (with `source`), placeholders
//! and all (`{nombre}` is plain text to Markdown); at run time the captured values are escaped
//! and put in the HTML's holes, so no Markdown is rendered in the browser.

use std::collections::BTreeMap;
#[cfg(feature = "source")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use simulator::Output;

#[cfg(feature = "source")]
use crate::problem::Problem;

/// A Spanish explanation of an error the learner just got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The error kind (`name-conflict`, `port-allocated`…), stable for the UI and for statistics.
    pub kind: String,
    pub title: String,
    /// The explanation with the placeholders filled in, as Markdown and as HTML.
    pub markdown: String,
    pub html: String,
    /// What the placeholders captured.
    pub captures: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) kind: String,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) title: String,
    /// The explanation as written (Markdown with `{placeholders}`).
    pub(crate) text: String,
    /// The same, rendered to HTML with the placeholders left in.
    pub(crate) html: String,
}

/// The table of explanations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ErrorTable {
    pub(crate) entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Piece {
    Literal(String),
    Hole(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Pattern {
    pub(crate) pieces: Vec<Piece>,
}

impl Pattern {
    #[cfg(feature = "source")]
    fn parse(text: &str) -> Result<Pattern, String> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let lit = rest.get(..open).unwrap_or_default();
            if !lit.is_empty() {
                pieces.push(Piece::Literal(lit.to_string()));
            }
            let after = rest.get(open + 1..).unwrap_or_default();
            let Some(close) = after.find('}') else { return Err(format!("falta la llave de cierre en «{text}»")) };
            let name = after.get(..close).unwrap_or_default();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(format!("«{{{name}}}» no es un hueco válido (usa minúsculas sin tildes, como {{nombre}})"));
            }
            if matches!(pieces.last(), Some(Piece::Hole(_))) {
                return Err(format!("en «{text}» hay dos huecos seguidos: sepáralos con texto"));
            }
            pieces.push(Piece::Hole(name.to_string()));
            rest = after.get(close + 1..).unwrap_or_default();
        }
        if !rest.is_empty() {
            pieces.push(Piece::Literal(rest.to_string()));
        }
        if !pieces.iter().any(|p| matches!(p, Piece::Literal(_))) {
            return Err(format!("el patrón «{text}» necesita algo de texto fijo"));
        }
        Ok(Pattern { pieces })
    }

    #[cfg(feature = "source")]
    fn holes(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Hole(h) => Some(h.as_str()),
            Piece::Literal(_) => None,
        })
    }

    /// Matches the pattern somewhere in `line`, returning the captures.
    fn matches(&self, line: &str) -> Option<BTreeMap<String, String>> {
        let mut captures = BTreeMap::new();
        // Byte position after the last literal found; a pending hole captures from there.
        let mut pos = 0usize;
        let mut pending: Option<&str> = None;
        for piece in &self.pieces {
            match piece {
                Piece::Hole(name) => pending = Some(name),
                Piece::Literal(lit) => {
                    let hay = line.get(pos..)?;
                    let found = hay.find(lit.as_str())?;
                    if let Some(name) = pending.take() {
                        let value = hay.get(..found)?;
                        if value.is_empty() {
                            return None;
                        }
                        captures.insert(name.to_string(), value.to_string());
                    }
                    pos += found + lit.len();
                }
            }
        }
        if let Some(name) = pending {
            let value = line.get(pos..)?.trim_end();
            if value.is_empty() {
                return None;
            }
            captures.insert(name.to_string(), value.to_string());
        }
        Some(captures)
    }
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    error: Vec<EntryFile>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    tipo: String,
    patrones: Vec<String>,
    titulo: String,
    explicacion: String,
}

impl ErrorTable {
    /// Reads the table from TOML (`file` names it in problems).
    #[cfg(feature = "source")]
    pub fn load(file: &str, text: &str) -> Result<ErrorTable, Vec<Problem>> {
        let raw: TableFile = toml::from_str(text).map_err(|e| vec![Problem::toml(file, text, 0, &e)])?;
        let mut problems = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        for e in raw.error {
            let who = format!("error `{}`", e.tipo);
            let at = |m: String| {
                let offset = text.find(&format!("\"{}\"", e.tipo)).unwrap_or(0);
                Problem::at(file, text, offset, m)
            };
            if entries.iter().any(|x| x.kind == e.tipo) {
                problems.push(at(format!("{who}: el tipo está repetido")));
            }
            if e.patrones.is_empty() {
                problems.push(at(format!("{who}: necesita al menos un patrón")));
            }
            let mut patterns = Vec::new();
            for p in &e.patrones {
                match Pattern::parse(p) {
                    Ok(p) => patterns.push(p),
                    Err(m) => problems.push(at(format!("{who}: {m}"))),
                }
            }
            for hole in placeholders(&e.explicacion).into_iter().chain(placeholders(&e.titulo)) {
                if !patterns.iter().all(|p| p.holes().any(|h| h == hole)) {
                    problems.push(at(format!("{who}: la explicación usa {{{hole}}}, pero no todos los patrones lo capturan")));
                }
            }
            let html = render_template(&e.explicacion);
            entries.push(Entry { kind: e.tipo, patterns, title: e.titulo, text: e.explicacion, html });
        }
        if problems.is_empty() {
            Ok(ErrorTable { entries })
        } else {
            Err(problems)
        }
    }

    /// The explanation of a failed command's error, if the table knows it.
    pub fn explain(&self, output: &Output) -> Option<Explanation> {
        if output.exit_code == 0 {
            return None;
        }
        let stderr = output.stderr();
        let text = if stderr.trim().is_empty() { output.combined() } else { stderr };
        for entry in &self.entries {
            for line in text.lines() {
                for pattern in &entry.patterns {
                    if let Some(captures) = pattern.matches(line) {
                        return Some(Explanation {
                            kind: entry.kind.clone(),
                            title: fill(&entry.title, &captures),
                            html: fill_html(&entry.html, &captures),
                            markdown: fill(&entry.text, &captures),
                            captures,
                        });
                    }
                }
            }
        }
        None
    }

    /// The error kinds, in table order.
    pub fn kinds(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.kind.as_str()).collect()
    }
}

/// `{name}` placeholders used in a text.
#[cfg(feature = "source")]
fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or_default();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.push(name.to_string());
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    out
}

/// Replaces `{name}` with what was captured (backticks removed, so code spans stay closed).
fn fill(text: &str, captures: &BTreeMap<String, String>) -> String {
    let mut out = text.to_string();
    for (name, value) in captures {
        out = out.replace(&format!("{{{name}}}"), &value.replace('`', "'"));
    }
    out
}

/// What marks a hole in the rendered template: `{name` + this + `}`. Rendered, it stays as it is
/// in text and code spans (escaped as text: `&`, `<`, `>`) and becomes [`HOLE_IN_CODE_BLOCK`] in
/// code blocks (escaped with quotes), so each hole says how its value must be escaped.
const HOLE_IN_TEXT: &str = "\"'";
const HOLE_IN_CODE_BLOCK: &str = "&quot;&#39;";

/// The explanation's Markdown rendered with marked holes (see [`HOLE_IN_TEXT`]).
#[cfg(feature = "source")]
fn render_template(markdown: &str) -> String {
    let mut marked = markdown.to_string();
    for hole in placeholders(markdown) {
        marked = marked.replace(&format!("{{{hole}}}"), &format!("{{{hole}{HOLE_IN_TEXT}}}"));
    }
    crate::markdown::render_markdown(&marked)
}

/// The rendered template with its holes filled with what was captured (backticks turned into
/// `'` as in [`fill`]), escaped as the renderer escapes text where the hole is.
fn fill_html(html: &str, captures: &BTreeMap<String, String>) -> String {
    let mut out = html.to_string();
    for (name, value) in captures {
        let value = value.replace('`', "'");
        out = out.replace(&format!("{{{name}{HOLE_IN_TEXT}}}"), &crate::text::escape_text(&value));
        out = out.replace(&format!("{{{name}{HOLE_IN_CODE_BLOCK}}}"), &crate::text::escape_html(&value));
    }
    out
}

/// The course's table (`content/errores.toml`), read once.
#[cfg(feature = "source")]
pub fn table() -> &'static ErrorTable {
    static TABLE: OnceLock<ErrorTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::embedded::file(crate::embedded::ERRORS_FILE)
            .and_then(|text| ErrorTable::load(crate::embedded::ERRORS_FILE, text).ok())
            .unwrap_or_default()
    })
}

/// A Spanish explanation of the error in `output`, from the course's table.
#[cfg(feature = "source")]
pub fn explain(output: &Output) -> Option<Explanation> {
    table().explain(output)
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use simulator::Session;

    proptest! {
        #[test]
        fn patterns_never_panic(pattern in "[a-z {}:\"/]{0,30}", line in "\\PC{0,60}") {
            if let Ok(p) = Pattern::parse(&pattern) {
                if let Some(c) = p.matches(&line) {
                    prop_assert!(c.values().all(|v| line.contains(v.as_str())));
                }
            }
        }

        #[test]
        fn explaining_never_panics(stderr in "\\PC{0,120}", code in 0i32..200) {
            let mut out = Output::new();
            out.errln(&stderr);
            let _ = explain(&out.with_exit(code));
        }
    }

    fn fail(stderr: &str) -> Output {
        let mut out = Output::new();
        out.errln(stderr);
        out.with_exit(1)
    }

    #[test]
    fn patterns_capture_between_literals() {
        let p = Pattern::parse("Bind for {ip}:{puerto} failed: port is already allocated").unwrap_or(Pattern { pieces: vec![] });
        let line = "docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (x): Bind for 0.0.0.0:8080 failed: port is already allocated";
        let c = p.matches(line).unwrap_or_default();
        assert_eq!(c.get("ip").map(String::as_str), Some("0.0.0.0"));
        assert_eq!(c.get("puerto").map(String::as_str), Some("8080"));
        assert_eq!(p.matches("Bind for failed"), None);
    }

    #[test]
    fn bad_patterns_are_rejected() {
        assert!(Pattern::parse("{a}{b} x").is_err());
        assert!(Pattern::parse("{a}").is_err());
        assert!(Pattern::parse("x {A}").is_err());
        assert!(Pattern::parse("x {a").is_err());
    }

    #[test]
    fn the_course_table_loads() {
        let text = crate::embedded::file(crate::embedded::ERRORS_FILE).unwrap_or_default();
        match ErrorTable::load("errores.toml", text) {
            Ok(t) => assert!(t.kinds().len() >= 20, "{:?}", t.kinds()),
            Err(p) => panic!("{p:?}"),
        }
    }

    #[test]
    fn successful_output_needs_no_explanation() {
        let mut out = Output::new();
        out.errln("No such container: x");
        assert_eq!(explain(&out), None);
    }

    /// Every kind the issue lists, produced by the real simulator where it can.
    #[test]
    fn engine_errors_are_explained() {
        let mut s = Session::new(
            simulator::SessionConfig { tty: false, ..simulator::SessionConfig::default() },
            Box::new(simulator::MemoryProject::new()),
        );
        let mut kind = |line: &str| {
            let out = s.run_line(line);
            crate::exercise::settle(&mut s);
            explain(&out).map(|e| e.kind)
        };
        assert_eq!(kind("docker run -d --name web -p 8080:80 nginx"), None);
        assert_eq!(kind("docker run -d --name web nginx").as_deref(), Some("name-conflict"));
        assert_eq!(kind("docker run -d --name web2 -p 8080:80 nginx").as_deref(), Some("port-allocated"));
        assert_eq!(kind("docker stop nada").as_deref(), Some("no-such-container"));
        assert_eq!(kind("docker image inspect nada").as_deref(), Some("no-such-image"));
        assert_eq!(kind("docker run nada").as_deref(), Some("pull-access-denied"));
        assert_eq!(kind("docker run nginx:nope").as_deref(), Some("manifest-unknown"));
        assert_eq!(kind("docker rm web").as_deref(), Some("rm-running"));
        assert_eq!(kind("docker pause web"), None);
        assert_eq!(kind("docker rm web").as_deref(), Some("rm-paused"));
        assert_eq!(kind("docker exec web ls").as_deref(), Some("container-paused"));
        assert_eq!(kind("docker pause web").as_deref(), Some("already-paused"));
        assert_eq!(kind("docker stop web"), None);
        assert_eq!(kind("docker unpause web").as_deref(), Some("not-paused"));
        assert_eq!(kind("docker kill web").as_deref(), Some("not-running"));
        assert_eq!(kind("docker frob").as_deref(), Some("unknown-command"));
        assert_eq!(kind("docker run --frob alpine").as_deref(), Some("unknown-flag"));
        assert_eq!(kind("docker ps -z").as_deref(), Some("unknown-shorthand-flag"));
        assert_eq!(kind("docker run -it alpine sh").as_deref(), Some("not-a-tty"));
        assert_eq!(kind("docker run alpine nosuchcmd").as_deref(), Some("executable-not-found"));
        assert_eq!(kind("docker run MyImage").as_deref(), Some("reference-uppercase"));
        assert_eq!(kind("docker rmi nginx").as_deref(), Some("image-in-use"));
        assert_eq!(kind("docker rm").as_deref(), Some("missing-arguments"));
        assert_eq!(kind("docker ps x").as_deref(), Some("no-arguments-allowed"));
        assert_eq!(kind("dokcer ps").as_deref(), Some("command-not-found"));
        assert_eq!(kind("docker run -d --rm --restart always nginx").as_deref(), Some("restart-with-rm"));
        assert_eq!(kind("docker run --name \"a b\" nginx").as_deref(), Some("invalid-container-name"));
    }

    #[test]
    fn explanations_fill_in_what_was_captured() {
        let out = fail("docker: Error response from daemon: Conflict. The container name \"/web\" is already in use by container \"07f0\". You have to remove (or rename) that container to be able to reuse that name.");
        let e = explain(&out);
        assert_eq!(e.as_ref().map(|e| e.kind.as_str()), Some("name-conflict"));
        assert!(e.as_ref().is_some_and(|e| e.markdown.contains("`web`") && !e.markdown.contains("{nombre}")), "{e:?}");
        let out = fail("docker: Error response from daemon: no command specified");
        assert_eq!(explain(&out).map(|e| e.kind).as_deref(), Some("no-command"));
    }

    /// The HTML rendered at load time with the captures put in its holes is what rendering the
    /// filled-in Markdown gives, for every entry of the course's table.
    #[test]
    fn holes_in_the_rendered_html_match_rendering_the_filled_markdown() {
        let text = crate::embedded::file(crate::embedded::ERRORS_FILE).unwrap_or_default();
        let table = ErrorTable::load("errores.toml", text).unwrap_or_else(|p| panic!("{p:?}"));
        let values = ["web", "0.0.0.0", "nginx:latest", "/app/datos", "mi_app-1.2", "07f0c2a1b3", "a<b>&c", "say \"hi\" it's", "x`y"];
        for entry in &table.entries {
            for value in values {
                let captures: BTreeMap<String, String> =
                    entry.patterns.iter().flat_map(|p| p.holes()).map(|h| (h.to_string(), value.to_string())).collect();
                let expected = crate::markdown::render_markdown(&fill(&entry.text, &captures));
                assert_eq!(fill_html(&entry.html, &captures), expected, "{} with {value}", entry.kind);
            }
        }
    }

    #[test]
    fn captured_text_cannot_inject_html() {
        let out = fail("Error response from daemon: No such container: <img src=x onerror=alert(1)>");
        let e = explain(&out);
        assert!(e.is_some_and(|e| !e.html.contains("<img")));
    }
}
