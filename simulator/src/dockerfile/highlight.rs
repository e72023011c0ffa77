//! Tokens for syntax highlighting, from a tolerant line scanner that follows the parser's rules
//! (directives, comments, escape character, continuations, heredoc bodies) but never fails: it
//! works on files that do not parse, for editors and lesson blocks.

use super::ast::Span;
use super::instruction::INSTRUCTIONS;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// An instruction keyword (`RUN`, `from`).
    Keyword,
    /// A builder flag (`--from=build`, `--mount=type=cache,target=/root/.npm`).
    Flag,
    /// A quoted string (quotes included).
    String,
    /// `$VAR` or `${VAR…}`.
    Variable,
    /// A comment line.
    Comment,
    /// A parser directive line (`# syntax=docker/dockerfile:1`).
    Directive,
    /// The image of `FROM`.
    Image,
    /// The stage name after `AS` (and the `AS` itself is left plain).
    StageName,
    /// A heredoc marker (`<<EOF`), body line or terminator.
    Heredoc,
    /// Something BuildKit rejects: an unknown instruction keyword.
    Error,
}

/// A highlighted piece of the text: `span` is a byte range into it. Text between tokens is plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub class: TokenClass,
}

/// Tokens in text order, non-overlapping.
pub fn highlight(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut escape = '\\';
    let mut directives_open = true;
    let mut continued = false;
    let mut current: Option<String> = None; // lower-case keyword of the instruction being continued
    let mut from_state = FromState::default();
    let mut pending_heredocs: Vec<(String, bool)> = Vec::new();
    let mut in_heredoc: Option<(String, bool)> = None;
    let mut offset = 0usize;
    let mut first = true;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let mut body = raw_line.trim_end_matches(['\n', '\r']);
        let mut start = line_start;
        if first {
            if let Some(b) = body.strip_prefix('\u{feff}') {
                start += '\u{feff}'.len_utf8();
                body = b;
            }
            first = false;
        }
        if let Some((name, chomp)) = in_heredoc.clone() {
            push(&mut out, start, body.len(), TokenClass::Heredoc);
            let candidate = if chomp { body.trim_start_matches('\t') } else { body };
            if candidate == name {
                in_heredoc = if pending_heredocs.is_empty() { None } else { Some(pending_heredocs.remove(0)) };
            }
            continue;
        }
        let trimmed = body.trim_start();
        let lead = body.len() - trimmed.len();
        let tstart = start + lead;
        if trimmed.starts_with('#') {
            let class = if directives_open && !continued && is_directive(trimmed) {
                if let Some(v) = directive_value(trimmed, "escape") {
                    if v == "`" {
                        escape = '`';
                    } else if v == "\\" {
                        escape = '\\';
                    }
                }
                TokenClass::Directive
            } else {
                directives_open = false;
                TokenClass::Comment
            };
            push(&mut out, tstart, trimmed.len(), class);
            continue;
        }
        directives_open = false;
        if trimmed.is_empty() {
            continue;
        }
        let mut rest_start = tstart;
        let mut rest = trimmed;
        if !continued {
            let word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
            let word = trimmed.get(..word_end).unwrap_or_default();
            let upper = word.to_ascii_uppercase();
            let known = INSTRUCTIONS.contains(&upper.as_str());
            push(&mut out, tstart, word.len(), if known { TokenClass::Keyword } else { TokenClass::Error });
            current = Some(word.to_ascii_lowercase());
            from_state = FromState { active: word.eq_ignore_ascii_case("from"), ..FromState::default() };
            rest_start = tstart + word.len();
            rest = trimmed.get(word_end..).unwrap_or_default();
            // ONBUILD RUN …: the trigger keyword too.
            if word.eq_ignore_ascii_case("onbuild") {
                let inner = rest.trim_start();
                let skip = rest.len() - inner.len();
                let iw_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
                let iw = inner.get(..iw_end).unwrap_or_default();
                if !iw.is_empty() {
                    let known = INSTRUCTIONS.contains(&iw.to_ascii_uppercase().as_str());
                    push(&mut out, rest_start + skip, iw.len(), if known { TokenClass::Keyword } else { TokenClass::Error });
                    current = Some(iw.to_ascii_lowercase());
                    rest_start += skip + iw.len();
                    rest = inner.get(iw_end..).unwrap_or_default();
                }
            }
        }
        let heredoc_ok = matches!(current.as_deref(), Some("run" | "copy" | "add"));
        arguments(&mut out, rest, rest_start, &mut from_state, heredoc_ok, &mut pending_heredocs);
        continued = ends_with_continuation(body, escape);
        if !continued && !pending_heredocs.is_empty() {
            in_heredoc = Some(pending_heredocs.remove(0));
        }
    }
    out
}

#[derive(Default)]
struct FromState {
    active: bool,
    image_done: bool,
    expect_stage: bool,
}

fn push(out: &mut Vec<Token>, start: usize, len: usize, class: TokenClass) {
    if len > 0 {
        out.push(Token { span: Span { start, end: start + len }, class });
    }
}

fn is_directive(trimmed: &str) -> bool {
    let after = trimmed.trim_start_matches('#').trim_start();
    let key_end = after.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(after.len());
    let key = after.get(..key_end).unwrap_or_default().to_ascii_lowercase();
    matches!(key.as_str(), "syntax" | "escape" | "check")
        && after.get(key_end..).unwrap_or_default().trim_start().starts_with('=')
}

fn directive_value<'a>(trimmed: &'a str, key: &str) -> Option<&'a str> {
    let after = trimmed.strip_prefix('#')?.trim_start();
    let k = after.get(..key.len())?;
    if !k.eq_ignore_ascii_case(key) {
        return None;
    }
    Some(after.get(key.len()..)?.trim_start().strip_prefix('=')?.trim())
}

fn ends_with_continuation(body: &str, escape: char) -> bool {
    let t = body.trim_end_matches([' ', '\t']);
    match t.strip_suffix(escape) {
        Some(before) => before.is_empty() || !before.ends_with(escape),
        None => false,
    }
}

fn arguments(
    out: &mut Vec<Token>,
    mut rest: &str,
    mut at: usize,
    from: &mut FromState,
    heredoc_ok: bool,
    heredocs: &mut Vec<(String, bool)>,
) {
    while let Some(c) = rest.chars().next() {
        let len = if c == '"' || c == '\'' {
            let len = quoted_len(rest);
            push(out, at, len, TokenClass::String);
            len
        } else if c == '$' {
            let len = variable_len(rest);
            push(out, at, len, if len > 1 { TokenClass::Variable } else { TokenClass::Error });
            len
        } else if c.is_whitespace() {
            rest.find(|ch: char| !ch.is_whitespace()).unwrap_or(rest.len())
        } else if heredoc_ok && rest.starts_with("<<") {
            let (len, name, chomp) = heredoc_marker(rest);
            push(out, at, len, TokenClass::Heredoc);
            if let Some(n) = name {
                heredocs.push((n, chomp));
            }
            len
        } else {
            let len = rest.find(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\'' || ch == '$').unwrap_or(rest.len());
            let len = len.max(c.len_utf8());
            let word = rest.get(..len).unwrap_or(rest);
            if word.starts_with("--") {
                // A flag runs to the next whitespace, quotes and variables included.
                let flen = rest.find(char::is_whitespace).unwrap_or(rest.len());
                push(out, at, flen, TokenClass::Flag);
                flen
            } else {
                if from.active {
                    if !from.image_done {
                        from.image_done = true;
                        push(out, at, len, TokenClass::Image);
                    } else if from.expect_stage {
                        from.expect_stage = false;
                        push(out, at, len, TokenClass::StageName);
                    } else if word.eq_ignore_ascii_case("as") {
                        from.expect_stage = true;
                    }
                }
                len
            }
        };
        let len = len.max(c.len_utf8()).min(rest.len());
        rest = rest.get(len..).unwrap_or_default();
        at += len;
    }
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: length, terminator name, chomp.
fn heredoc_marker(s: &str) -> (usize, Option<String>, bool) {
    let mut len = 2;
    let mut rest = s.get(2..).unwrap_or_default();
    let chomp = rest.starts_with('-');
    if chomp {
        len += 1;
        rest = rest.get(1..).unwrap_or_default();
    }
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
    if let Some(q) = quote {
        len += 1;
        rest = rest.get(1..).unwrap_or_default();
        let end = rest.find(q).unwrap_or(rest.len());
        let name = rest.get(..end).unwrap_or_default().to_string();
        len += end + usize::from(end < rest.len());
        return (len, (!name.is_empty()).then_some(name), chomp);
    }
    let end = rest.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '|' | '&' | ';')).unwrap_or(rest.len());
    let name = rest.get(..end).unwrap_or_default().to_string();
    (len + end, (!name.is_empty()).then_some(name), chomp)
}

/// Length of a quoted string at the start of `s` (`"…"` with `\` escapes, or `'…'`), quotes
/// included; to the end when unclosed.
pub fn quoted_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, q)) = chars.next() else { return 0 };
    let mut escaped = false;
    for (i, c) in chars {
        if escaped {
            escaped = false;
        } else if c == '\\' && q == '"' {
            escaped = true;
        } else if c == q {
            return i + c.len_utf8();
        }
    }
    s.len()
}

/// Length of `$NAME` or `${…}` at the start of `s` (at least the `$`).
fn variable_len(s: &str) -> usize {
    let after = s.get(1..).unwrap_or_default();
    if after.starts_with('{') {
        return after.find('}').map_or(s.len(), |i| i + 2);
    }
    1 + after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len())
}
