//! BuildKit's line parser (`frontend/dockerfile/parser`): physical lines → logical instruction
//! nodes. Handles the BOM, parser directives, comments, the escape character and line
//! continuations, empty continuation lines (a warning), heredoc bodies, and the per-instruction
//! argument shapes (JSON arrays, whitespace lists, `KEY=value` pairs, ONBUILD sub-commands).

use super::ast::{Directives, Heredoc, Span, Warning};
use super::error::ParseError;
use super::lexer::Lexer;
use super::words::{extract_builder_flags, parse_json, parse_words, split_two, split_whitespace, Json, NOT_STRING_ARRAY};

/// One logical instruction before it is typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    /// The keyword as written.
    pub keyword: String,
    pub keyword_span: Span,
    pub flags: Vec<String>,
    /// BuildKit's `nodeArgs`: for ENV/LABEL, triples `key, value, sep` (`sep` empty for the
    /// legacy form); for ONBUILD, the sub-command's keyword then its arguments.
    pub args: Vec<String>,
    /// Arguments came from a JSON array.
    pub json: bool,
    /// The logical line (continuations joined).
    pub original: String,
    pub start_line: usize,
    pub end_line: usize,
    pub span: Span,
    pub heredocs: Vec<Heredoc>,
    pub comments: Vec<String>,
    /// ONBUILD's trigger.
    pub child: Option<Box<Node>>,
}

pub(crate) struct Scanned {
    pub nodes: Vec<Node>,
    pub directives: Directives,
    pub escape: char,
    pub warnings: Vec<Warning>,
}

/// A physical line: byte offset and text with its line ending.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        out.push(Line { start, text: piece });
        start += piece.len();
    }
    out
}

fn trim_newline(s: &str) -> &str {
    s.trim_end_matches(['\r', '\n'])
}

fn is_comment(s: &str) -> bool {
    s.trim_start().starts_with('#')
}

/// The directive parser state (BuildKit's `DirectiveParser`).
struct DirectiveState {
    done: bool,
    seen: Vec<String>,
    escape: char,
    directives: Directives,
}

impl DirectiveState {
    /// Returns whether the line was a directive.
    fn parse_line(&mut self, line: &str) -> Result<bool, String> {
        if self.done {
            return Ok(false);
        }
        let Some(after) = line.strip_prefix('#') else {
            self.done = true;
            return Ok(false);
        };
        let after = after.trim_start();
        let Some((key, value)) = directive_match(after) else {
            self.done = true;
            return Ok(false);
        };
        let key = key.to_ascii_lowercase();
        if !matches!(key.as_str(), "syntax" | "escape" | "check") {
            self.done = true;
            return Ok(false);
        }
        if self.seen.contains(&key) {
            return Err(format!("only one {key} parser directive can be used"));
        }
        self.seen.push(key.clone());
        match key.as_str() {
            "escape" => {
                if value != "`" && value != "\\" {
                    return Err(format!("invalid escape token '{value}' does not match ` or \\"));
                }
                let c = if value == "`" { '`' } else { '\\' };
                self.escape = c;
                self.directives.escape = Some(c);
            }
            "syntax" => self.directives.syntax = Some(value),
            _ => self.directives.check = Some(value),
        }
        Ok(true)
    }
}

/// `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`
fn directive_match(s: &str) -> Option<(String, String)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let key_end = s.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(s.len());
    let key = s.get(..key_end)?;
    let rest = s.get(key_end..)?.trim_start();
    let value = rest.strip_prefix('=')?.trim();
    if value.is_empty() {
        return None;
    }
    Some((key.to_string(), value.to_string()))
}

/// BuildKit's `trimContinuationCharacter`: `(line without the escape, ends the instruction?)`.
fn trim_continuation(line: &str, escape: char) -> (String, bool) {
    let t = line.trim_end_matches([' ', '\t']);
    if let Some(before) = t.strip_suffix(escape) {
        if before.is_empty() || !before.ends_with(escape) {
            return (before.to_string(), false);
        }
    }
    (line.to_string(), true)
}

pub(crate) fn scan(text: &str) -> Result<Scanned, ParseError> {
    let lines = split_lines(text);
    let mut d = DirectiveState { done: false, seen: Vec::new(), escape: '\\', directives: Directives::default() };
    let mut nodes = Vec::new();
    let mut warnings = Vec::new();
    let mut comments: Vec<String> = Vec::new();
    let mut current_line = 0usize;
    let mut i = 0usize;
    let line_span = |l: &Line<'_>| Span { start: l.start, end: l.start + trim_newline(l.text).len() };

    while let Some(line) = lines.get(i) {
        i += 1;
        let mut raw = line.text;
        let mut raw_start = line.start;
        if current_line == 0 {
            if let Some(r) = raw.strip_prefix('\u{feff}') {
                raw = r;
                raw_start += '\u{feff}'.len_utf8();
            }
        }
        if is_comment(raw) {
            // BuildKit drops the first byte (not the `#`) before trimming.
            let mut cs = raw.chars();
            cs.next();
            let comment = cs.as_str().trim();
            if comment.is_empty() {
                comments.clear();
            } else {
                comments.push(comment.to_string());
            }
        }
        let body = trim_newline(raw);
        let trimmed = body.trim_start();
        let lead = body.len() - trimmed.len();
        current_line += 1;
        match d.parse_line(trimmed) {
            Ok(true) => {
                comments.pop();
            }
            Ok(false) => {}
            Err(m) => return Err(ParseError::lines(current_line, current_line, line_span(line), m)),
        }
        let content = if is_comment(trimmed) { "" } else { trimmed };
        let start_line = current_line;
        let first_start = raw_start + lead;
        let mut end_offset = raw_start + body.len();
        let (first, mut end_of_line) = trim_continuation(content, d.escape);
        if end_of_line && first.is_empty() {
            continue;
        }
        let mut buf = first;
        let mut empty_continuation = false;
        while !end_of_line {
            let Some(next) = lines.get(i) else { break };
            i += 1;
            let body = trim_newline(next.text);
            if let Err(m) = d.parse_line(body) {
                return Err(ParseError::lines(current_line + 1, current_line + 1, line_span(next), m));
            }
            current_line += 1;
            end_offset = next.start + body.len();
            if is_comment(body) {
                continue;
            }
            if body.trim_start().is_empty() {
                empty_continuation = true;
                continue;
            }
            let (piece, eol) = trim_continuation(body, d.escape);
            end_of_line = eol;
            buf.push_str(&piece);
        }
        let span = Span { start: first_start, end: end_offset.max(first_start) };
        if empty_continuation {
            warnings.push(Warning {
                line: current_line,
                span,
                short: format!("Empty continuation line found in: {buf}"),
                url: "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/".into(),
                rule: "NoEmptyContinuation".into(),
                message: "Empty continuation line".into(),
            });
        }
        let mut node = match node_from_line(&buf, d.escape, std::mem::take(&mut comments), 0) {
            Ok(n) => n,
            Err(m) => return Err(ParseError::lines(start_line, current_line, span, m)),
        };
        node.keyword_span = Span { start: first_start, end: first_start + node.keyword.len() };
        if can_contain_heredoc(&node) && buf.contains("<<") {
            let docs = heredocs_from_line(&buf);
            for mut doc in docs {
                let mut terminated = false;
                let mut content = String::new();
                while let Some(next) = lines.get(i) {
                    i += 1;
                    current_line += 1;
                    end_offset = next.start + trim_newline(next.text).len();
                    let mut candidate = trim_newline(next.text);
                    if doc.chomp {
                        candidate = candidate.trim_start_matches('\t');
                    }
                    if candidate == doc.name {
                        terminated = true;
                        break;
                    }
                    content.push_str(next.text);
                }
                let span = Span { start: first_start, end: end_offset.max(first_start) };
                if !terminated {
                    return Err(ParseError::lines(start_line, current_line, span, "unterminated heredoc"));
                }
                doc.content = content;
                node.heredocs.push(doc);
            }
        }
        node.start_line = start_line;
        node.end_line = current_line;
        node.span = Span { start: first_start, end: end_offset.max(first_start) };
        nodes.push(node);
    }
    if nodes.is_empty() {
        let end = text.len();
        return Err(ParseError::lines(current_line.max(1), current_line.max(1), Span { start: end, end }, "file with no instructions"));
    }
    Ok(Scanned { nodes, directives: d.directives, escape: d.escape, warnings })
}

fn can_contain_heredoc(node: &Node) -> bool {
    let n = match (&node.child, node.keyword.eq_ignore_ascii_case("onbuild")) {
        (Some(c), true) => c.as_ref(),
        _ => node,
    };
    let k = n.keyword.to_ascii_lowercase();
    matches!(k.as_str(), "add" | "copy" | "run") && !n.json
}

/// Nesting limit of `ONBUILD ONBUILD …` (BuildKit rejects chains later anyway).
const MAX_SUBCOMMAND_DEPTH: usize = 8;

/// BuildKit's `newNodeFromLine`: keyword, builder flags and the arguments in the shape of the
/// instruction.
fn node_from_line(line: &str, escape: char, comments: Vec<String>, depth: usize) -> Result<Node, String> {
    let (cmd, rest) = split_two(line.trim());
    let (args_text, flags) = match rest {
        Some(r) => {
            let (a, f) = extract_builder_flags(&r, escape);
            (a.trim().to_string(), f)
        }
        None => (String::new(), Vec::new()),
    };
    let mut node = Node { keyword: cmd.clone(), flags, original: line.to_string(), comments, ..Node::default() };
    match cmd.to_ascii_lowercase().as_str() {
        "add" | "copy" | "volume" => match parse_json(&args_text) {
            Json::Strings(v) => {
                node.args = v;
                node.json = true;
            }
            Json::NotStrings => return Err(NOT_STRING_ARRAY.into()),
            Json::Plain => node.args = split_whitespace(&args_text),
        },
        "cmd" | "entrypoint" | "run" | "shell" if !args_text.is_empty() => match parse_json(&args_text) {
            Json::Strings(v) => {
                node.args = v;
                node.json = true;
            }
            Json::NotStrings => return Err(NOT_STRING_ARRAY.into()),
            Json::Plain => node.args = vec![args_text],
        },
        "arg" => node.args = parse_words(&args_text, escape),
        "env" | "label" => node.args = parse_name_val(&args_text, &cmd, escape)?,
        "expose" | "from" => node.args = split_whitespace(&args_text),
        "maintainer" | "stopsignal" | "user" | "workdir" if !args_text.is_empty() => node.args = vec![args_text],
        "healthcheck" => {
            let sep = args_text.find(|c: char| c.is_ascii_whitespace()).unwrap_or(args_text.len());
            if sep > 0 {
                let typ = args_text.get(..sep).unwrap_or_default().to_string();
                let after = args_text.get(sep..).unwrap_or_default().trim_start();
                node.args.push(typ);
                if !after.is_empty() {
                    match parse_json(after) {
                        Json::Strings(v) => {
                            node.args.extend(v);
                            node.json = true;
                        }
                        Json::NotStrings => return Err(NOT_STRING_ARRAY.into()),
                        Json::Plain => node.args.push(after.to_string()),
                    }
                }
            }
        }
        "onbuild" if !args_text.is_empty() && depth < MAX_SUBCOMMAND_DEPTH => {
            let child = node_from_line(&args_text, escape, Vec::new(), depth + 1)?;
            node.args.push(child.keyword.clone());
            node.args.extend(child.args.iter().cloned());
            node.child = Some(Box::new(child));
        }
        _ => {}
    }
    Ok(node)
}

/// BuildKit's `parseNameVal` for ENV and LABEL: triples `key, value, sep`.
fn parse_name_val(rest: &str, key: &str, escape: char) -> Result<Vec<String>, String> {
    let words = parse_words(rest, escape);
    let Some(first) = words.first() else { return Ok(Vec::new()) };
    let key = key.to_ascii_uppercase();
    let key = if key == "LABEL" { "LABEL".to_string() } else { "ENV".to_string() };
    if !first.contains('=') {
        let (name, value) = split_two(rest);
        let Some(value) = value else { return Err(format!("{key} must have two arguments")) };
        return Ok(vec![name, value, String::new()]);
    }
    let mut out = Vec::new();
    for w in &words {
        let Some((k, v)) = w.split_once('=') else {
            return Err(format!("Syntax error - can't find = in {}. Must be of the form: name=value", go_quote(w)));
        };
        out.extend([k.to_string(), v.to_string(), "=".to_string()]);
    }
    Ok(out)
}

/// Go's `%q` for the strings we print.
pub(crate) fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// BuildKit's `heredocsFromLine`.
fn heredocs_from_line(line: &str) -> Vec<Heredoc> {
    let lex = Lexer { escape: '\\', raw_quotes: true, raw_escapes: true, skip_unset: true };
    let none = |_: &str| None;
    let words = lex.process(line, &none).map(|(_, w)| w).unwrap_or_default();
    words.iter().filter_map(|w| parse_heredoc(w)).collect()
}

/// BuildKit's `ParseHeredoc`: `^(\d*)<<(-?)\s*([^<]*)$`.
pub(crate) fn parse_heredoc(src: &str) -> Option<Heredoc> {
    let digits = src.find(|c: char| !c.is_ascii_digit()).unwrap_or(src.len());
    let fd_text = src.get(..digits)?;
    let rest = src.get(digits..)?.strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.trim_start();
    if rest.contains('<') || rest.is_empty() {
        return None;
    }
    let none = |_: &str| None;
    let mut lex = Lexer { escape: '\\', raw_quotes: false, raw_escapes: false, skip_unset: true };
    let words = lex.process(rest, &none).ok()?.1;
    if words.len() != 1 {
        return None;
    }
    lex.raw_quotes = true;
    let raw = lex.process(rest, &none).ok()?.1;
    let name = words.first()?.clone();
    let quotes = |s: &str| s.matches(['\'', '"']).count();
    let expand = raw.first().map_or(0, |r| quotes(r)) == quotes(&name);
    Some(Heredoc { fd: fd_text.parse().unwrap_or(0), chomp, expand, name, content: String::new() })
}
