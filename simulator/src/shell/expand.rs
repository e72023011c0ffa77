//! Word expansion, in bash's order: tilde, parameters, command substitution and arithmetic; then
//! field splitting of unquoted results on blanks; then pathname expansion of unquoted globs.

use super::arith;
use super::ast::{Param, ParamOp, ReplaceMode, Word, WordPart};
use super::exec::Exec;
use super::folder;
use super::glob;
use super::{HOME, MAX_STREAM_BYTES};
use crate::output::Output;

/// What `$$` prints: the PID of the learner's shell.
pub(super) const SHELL_PID: &str = "1042";

/// Builtins whose `NAME=value` arguments are expanded like assignments (no splitting, no globs).
const DECLARATION_BUILTINS: [&str; 4] = ["export", "declare", "local", "readonly"];

/// Variables longer than this are not trimmed by `${X%pattern}` (it would be quadratic).
const MAX_TRIM_LEN: usize = 8192;

/// A piece of expanded text and what the later steps may do with it.
#[derive(Debug)]
struct Piece {
    text: String,
    /// Unquoted expansion result: split on blanks.
    split: bool,
    /// Unquoted: `*`, `?`, `[` are globs.
    glob: bool,
}

/// A field after splitting: its text, and the same text as a glob pattern (quoted glob characters
/// escaped).
#[derive(Debug, Default)]
struct Field {
    text: String,
    pattern: String,
    has_glob: bool,
}

impl Field {
    fn push(&mut self, c: char, glob: bool) {
        self.text.push(c);
        if glob {
            self.has_glob |= matches!(c, '*' | '?' | '[');
            self.pattern.push(c);
        } else {
            if matches!(c, '*' | '?' | '[' | ']' | '\\') {
                self.pattern.push('\\');
            }
            self.pattern.push(c);
        }
    }
}

/// Splits pieces into fields: blanks in unquoted expansion results separate fields; a word made only
/// of empty unquoted expansions gives no field at all, `""` gives one empty field.
fn split_fields(pieces: Vec<Piece>) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut current = Field::default();
    let mut started = false;
    for piece in pieces {
        if !piece.split {
            for c in piece.text.chars() {
                current.push(c, piece.glob);
            }
            started = true;
            continue;
        }
        for c in piece.text.chars() {
            if matches!(c, ' ' | '\t' | '\n') {
                if started {
                    fields.push(std::mem::take(&mut current));
                    started = false;
                }
            } else {
                current.push(c, piece.glob);
                started = true;
            }
        }
    }
    if started {
        fields.push(current);
    }
    fields
}

/// True for `NAME=…` / `NAME+=…` words (arguments of `export` and friends).
fn is_assignment_word(word: &Word) -> bool {
    let Some(WordPart::Literal(text)) = word.parts.first() else { return false };
    let Some(eq) = text.find('=') else { return false };
    let name = text.get(..eq).unwrap_or("");
    let name = name.strip_suffix('+').unwrap_or(name);
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Removes the shortest or longest prefix/suffix of `value` matching the glob `pattern`.
fn trim(value: &str, pattern: &str, suffix: bool, longest: bool) -> String {
    if value.len() > MAX_TRIM_LEN {
        return value.to_string();
    }
    let mut bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).collect();
    bounds.push(value.len());
    // Candidate cut points, in the order bash tries them.
    let order: Vec<usize> = match (suffix, longest) {
        (false, false) | (true, true) => bounds,
        (false, true) | (true, false) => bounds.into_iter().rev().collect(),
    };
    for cut in order {
        let (head, tail) = (value.get(..cut).unwrap_or(""), value.get(cut..).unwrap_or(""));
        if suffix && glob::matches(pattern, tail) {
            return head.to_string();
        }
        if !suffix && glob::matches(pattern, head) {
            return tail.to_string();
        }
    }
    value.to_string()
}

/// `${X/pattern/replacement}`: replaces the first (or every, or the anchored) longest match.
fn replace(value: &str, pattern: &str, replacement: &str, mode: ReplaceMode) -> String {
    if pattern.is_empty() || value.len() > MAX_TRIM_LEN {
        return value.to_string();
    }
    let mut bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).collect();
    bounds.push(value.len());
    let slice = |a: usize, b: usize| value.get(a..b).unwrap_or("");
    let longest_from = |start: usize| bounds.iter().rev().copied().filter(|e| *e >= start).find(|e| glob::matches(pattern, slice(start, *e)));
    match mode {
        ReplaceMode::Prefix => match longest_from(0) {
            Some(end) => format!("{replacement}{}", slice(end, value.len())),
            None => value.to_string(),
        },
        ReplaceMode::Suffix => {
            match bounds.iter().copied().find(|s| glob::matches(pattern, slice(*s, value.len()))) {
                Some(start) => format!("{}{replacement}", slice(0, start)),
                None => value.to_string(),
            }
        }
        ReplaceMode::First | ReplaceMode::All => {
            let mut out = String::new();
            let mut index = 0;
            let mut replaced = false;
            while let Some(&start) = bounds.get(index) {
                if start == value.len() {
                    break;
                }
                let found = if replaced && mode == ReplaceMode::First { None } else { longest_from(start).filter(|e| *e > start) };
                match found {
                    Some(end) => {
                        out.push_str(replacement);
                        replaced = true;
                        index = bounds.iter().position(|b| *b == end).unwrap_or(bounds.len());
                    }
                    None => {
                        out.push_str(slice(start, bounds.get(index + 1).copied().unwrap_or(value.len())));
                        index += 1;
                    }
                }
            }
            out
        }
    }
}

impl Exec<'_> {
    /// Expands a command's words into its argv.
    pub(super) fn expand_command_words(&mut self, words: &[Word], out: &mut Output) -> Option<Vec<String>> {
        let mut argv: Vec<String> = Vec::new();
        for word in words {
            let declaration = argv.first().is_some_and(|n| DECLARATION_BUILTINS.contains(&n.as_str()));
            if declaration && is_assignment_word(word) {
                argv.push(self.expand_string(&word.parts, out)?);
            } else {
                argv.extend(self.expand_word_fields(word, out)?);
            }
        }
        Some(argv)
    }

    /// Expands one word into fields (splitting and globbing).
    pub(super) fn expand_word_fields(&mut self, word: &Word, out: &mut Output) -> Option<Vec<String>> {
        let mut pieces = Vec::new();
        self.expand_parts(&word.parts, false, &mut pieces, out)?;
        let fields = split_fields(pieces);
        let mut result = Vec::with_capacity(fields.len());
        for field in fields {
            if field.has_glob {
                let cwd = self.state.cwd.clone();
                let matches = glob::expand_paths(&self.folder(), &cwd, &field.pattern);
                if !matches.is_empty() {
                    result.extend(matches);
                    continue;
                }
            }
            result.push(field.text);
        }
        Some(result)
    }

    /// Expands parts into one string: no splitting, no globbing (assignments, here-documents).
    pub(super) fn expand_string(&mut self, parts: &[WordPart], out: &mut Output) -> Option<String> {
        let mut pieces = Vec::new();
        self.expand_parts(parts, true, &mut pieces, out)?;
        let mut text = String::new();
        for piece in pieces {
            text.push_str(&piece.text);
            if text.len() > MAX_STREAM_BYTES {
                folder::cap(&mut text);
                break;
            }
        }
        Some(text)
    }

    /// Expands parts as a glob pattern: quoted characters match themselves.
    fn expand_pattern(&mut self, parts: &[WordPart], out: &mut Output) -> Option<String> {
        let mut pieces = Vec::new();
        self.expand_parts(parts, false, &mut pieces, out)?;
        Some(pieces.iter().map(|p| if p.glob { p.text.clone() } else { glob::escape(&p.text) }).collect())
    }

    fn expand_parts(&mut self, parts: &[WordPart], quoted: bool, pieces: &mut Vec<Piece>, out: &mut Output) -> Option<()> {
        for part in parts {
            match part {
                WordPart::Literal(text) => pieces.push(Piece { text: text.clone(), split: !quoted, glob: !quoted }),
                WordPart::Quoted(text) => pieces.push(Piece { text: text.clone(), split: false, glob: false }),
                WordPart::DoubleQuoted(inner) if matches!(inner.as_slice(), [WordPart::Param(Param::Plain(n))] if n == "@") => {
                    // "$@": one field per positional parameter, none when there are none.
                    for (i, arg) in self.positional.iter().enumerate() {
                        if i > 0 {
                            pieces.push(Piece { text: " ".to_string(), split: true, glob: false });
                        }
                        pieces.push(Piece { text: arg.clone(), split: false, glob: false });
                    }
                }
                WordPart::DoubleQuoted(inner) => {
                    pieces.push(Piece { text: String::new(), split: false, glob: false });
                    self.expand_parts(inner, true, pieces, out)?;
                }
                WordPart::Tilde => {
                    let home = self.state.var("HOME").unwrap_or(HOME).to_string();
                    pieces.push(Piece { text: home, split: false, glob: false });
                }
                WordPart::Param(param) => self.expand_param(param, quoted, pieces, out)?,
                WordPart::CommandSubst(list) => {
                    let text = self.command_subst(list, out);
                    pieces.push(Piece { text, split: !quoted, glob: !quoted });
                }
                WordPart::Arith(expr) => {
                    let text = self.expand_string(expr, out)?;
                    let n = self.arith(&text, out)?;
                    pieces.push(Piece { text: n.to_string(), split: !quoted, glob: false });
                }
            }
        }
        Some(())
    }

    /// Evaluates an arithmetic expression (already expanded); errors stop the line.
    fn arith(&mut self, text: &str, out: &mut Output) -> Option<i64> {
        let state = &*self.state;
        let value = arith::eval(text, &|name| state.var(name).map(str::to_string));
        match value {
            Ok(n) => Some(n),
            Err(message) => self.fail(out, &message),
        }
    }

    /// Prints `bash: <message>` and stops the line.
    fn fail<T>(&mut self, out: &mut Output, message: &str) -> Option<T> {
        out.errln(format!("bash: {message}"));
        self.aborted = true;
        None
    }

    /// The value of a parameter: special ones (`$?`, `$$`…) or a variable.
    pub(super) fn lookup(&mut self, name: &str) -> Option<String> {
        match name {
            "?" => Some(self.state.last_exit.to_string()),
            "$" => Some(SHELL_PID.to_string()),
            "#" => Some(self.positional.len().to_string()),
            "0" => Some(self.script_name.clone().unwrap_or_else(|| "bash".to_string())),
            "-" => Some("himBHs".to_string()),
            "@" | "*" => Some(self.positional.join(" ")),
            "!" => None,
            n if n.starts_with(|c: char| c.is_ascii_digit()) => {
                let index: usize = n.parse().ok()?;
                self.positional.get(index.checked_sub(1)?).cloned()
            }
            "RANDOM" if self.state.var("RANDOM").is_none() => Some(self.state.next_random().to_string()),
            n => self.state.var(n).map(str::to_string),
        }
    }

    fn expand_param(&mut self, param: &Param, quoted: bool, pieces: &mut Vec<Piece>, out: &mut Output) -> Option<()> {
        let plain = |text: String| Piece { text, split: !quoted, glob: !quoted };
        match param {
            Param::Plain(name) => pieces.push(plain(self.lookup(name).unwrap_or_default())),
            Param::Length(name) => {
                let len = self.lookup(name).map_or(0, |v| v.chars().count());
                pieces.push(plain(len.to_string()));
            }
            Param::Bad(text) => return self.fail(out, &format!("{text}: bad substitution")),
            Param::Trim { name, suffix, longest, pattern } => {
                let value = self.lookup(name).unwrap_or_default();
                let pattern = self.expand_pattern(pattern, out)?;
                pieces.push(plain(trim(&value, &pattern, *suffix, *longest)));
            }
            Param::Replace { name, mode, pattern, replacement } => {
                let value = self.lookup(name).unwrap_or_default();
                let pattern = self.expand_pattern(pattern, out)?;
                let replacement = self.expand_string(replacement, out)?;
                pieces.push(plain(replace(&value, &pattern, &replacement, *mode)));
            }
            Param::Case { name, upper, all } => {
                let value = self.lookup(name).unwrap_or_default();
                let convert = |s: &str| if *upper { s.to_uppercase() } else { s.to_lowercase() };
                let text = if *all {
                    convert(&value)
                } else {
                    let mut chars = value.chars();
                    chars.next().map(|c| convert(&c.to_string()) + chars.as_str()).unwrap_or_default()
                };
                pieces.push(plain(text));
            }
            Param::Substring { name, offset, length } => {
                let value = self.lookup(name).unwrap_or_default();
                let chars: Vec<char> = value.chars().collect();
                let count = i64::try_from(chars.len()).unwrap_or(i64::MAX);
                let offset_text = self.expand_string(offset, out)?;
                let offset = self.arith(&offset_text, out)?;
                let start = if offset < 0 { count.saturating_add(offset) } else { offset };
                let end = match length {
                    None => count,
                    Some(length) => {
                        let length_text = self.expand_string(length, out)?;
                        let length = self.arith(&length_text, out)?;
                        let end = if length < 0 { count.saturating_add(length) } else { start.saturating_add(length) };
                        if end < start.max(0) && length < 0 && (0..=count).contains(&start) {
                            return self.fail(out, &format!("{}: substring expression < 0", length_text.trim()));
                        }
                        end.min(count)
                    }
                };
                let text: String = if start < 0 || start > count || end <= start {
                    String::new()
                } else {
                    let (a, b) = (usize::try_from(start).unwrap_or(0), usize::try_from(end).unwrap_or(0));
                    chars.get(a..b).unwrap_or_default().iter().collect()
                };
                pieces.push(plain(text));
            }
            Param::WithOp { name, op, colon, word } => {
                let value = self.lookup(name);
                let is_set = value.as_ref().is_some_and(|v| !(*colon && v.is_empty()));
                match op {
                    ParamOp::Default if is_set => pieces.push(plain(value.unwrap_or_default())),
                    ParamOp::Default => self.expand_parts(word, quoted, pieces, out)?,
                    ParamOp::Alternative if is_set => self.expand_parts(word, quoted, pieces, out)?,
                    ParamOp::Alternative => {}
                    ParamOp::Assign if is_set => pieces.push(plain(value.unwrap_or_default())),
                    ParamOp::Assign => {
                        let text = self.expand_string(word, out)?;
                        if !is_name(name) {
                            return self.fail(out, &format!("${name}: cannot assign in this way"));
                        }
                        self.state.set_var(name, &text);
                        pieces.push(plain(text));
                    }
                    ParamOp::Error if is_set => pieces.push(plain(value.unwrap_or_default())),
                    ParamOp::Error => {
                        let message = self.expand_string(word, out)?;
                        let message = match (message.is_empty(), colon) {
                            (false, _) => message,
                            (true, true) => "parameter null or not set".to_string(),
                            (true, false) => "parameter not set".to_string(),
                        };
                        return self.fail(out, &format!("{name}: {message}"));
                    }
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, split: bool) -> Piece {
        Piece { text: text.to_string(), split, glob: split }
    }

    fn texts(pieces: Vec<Piece>) -> Vec<String> {
        split_fields(pieces).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn splits_only_unquoted_expansions() {
        assert_eq!(texts(vec![piece("a", true), piece(" b  c ", true)]), ["a", "b", "c"]);
        assert_eq!(texts(vec![piece("", true)]), Vec::<String>::new());
        assert_eq!(texts(vec![piece("", false)]), [""]);
        assert_eq!(texts(vec![piece("x y", false), piece("z", true)]), ["x yz"]);
        assert_eq!(texts(vec![piece(" lead", true)]), ["lead"]);
    }

    #[test]
    fn quoted_globs_are_escaped_in_the_pattern() {
        let fields = split_fields(vec![Piece { text: "*".into(), split: false, glob: false }, piece("*", true)]);
        let field = fields.first();
        assert_eq!(field.map(|f| f.pattern.as_str()), Some("\\**"));
        assert_eq!(field.map(|f| f.has_glob), Some(true));
    }

    #[test]
    fn trims_prefixes_and_suffixes() {
        assert_eq!(trim("archive.tar.gz", ".*", true, false), "archive.tar");
        assert_eq!(trim("archive.tar.gz", ".*", true, true), "archive");
        assert_eq!(trim("/a/b/c", "*/", false, false), "a/b/c");
        assert_eq!(trim("/a/b/c", "*/", false, true), "c");
        assert_eq!(trim("abc", "x", true, true), "abc");
    }

    #[test]
    fn replaces_patterns() {
        assert_eq!(replace("a-b-c", "-", "+", ReplaceMode::First), "a+b-c");
        assert_eq!(replace("a-b-c", "-", "+", ReplaceMode::All), "a+b+c");
        assert_eq!(replace("nginx:latest", ":*", "", ReplaceMode::First), "nginx");
        assert_eq!(replace("abcabc", "abc", "x", ReplaceMode::Prefix), "xabc");
        assert_eq!(replace("abcabc", "abc", "x", ReplaceMode::Suffix), "abcx");
        assert_eq!(replace("abc", "z", "x", ReplaceMode::All), "abc");
        assert_eq!(replace("ñandú", "ú", "u", ReplaceMode::All), "ñandu");
    }

    #[test]
    fn recognizes_assignment_words() {
        let word = |t: &str| Word { parts: vec![WordPart::Literal(t.to_string())], span: Default::default() };
        assert!(is_assignment_word(&word("X=1")));
        assert!(is_assignment_word(&word("PATH+=:/x")));
        assert!(!is_assignment_word(&word("1X=1")));
        assert!(!is_assignment_word(&word("-p")));
    }
}
