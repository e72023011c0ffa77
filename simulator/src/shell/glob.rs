//! Glob patterns (`*`, `?`, `[a-z]`, `[!x]`, `[[:digit:]]`, `\*`): matching, and pathname expansion
//! over the project folder. Matching is linear-time per star (no exponential backtracking).

use super::char_class::{CharClass, ClassItem, Dialect};
use super::folder::{self, Folder, Kind};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(char),
    AnyChar,
    Star,
    Class(CharClass),
}

/// True if the pattern has an unescaped `*`, `?` or `[`.
pub(super) fn has_meta(pattern: &str) -> bool {
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if matches!(c, '*' | '?' | '[') {
            return true;
        }
    }
    false
}

/// Removes the backslashes that quote characters in a pattern.
pub(super) fn unescape(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped || c != '\\' {
            out.push(c);
            escaped = false;
        } else {
            escaped = true;
        }
    }
    if escaped {
        out.push('\\');
    }
    out
}

/// Escapes glob characters so a text matches only itself.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn compile(pattern: &str) -> Vec<Token> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '\\' => match chars.get(i) {
                Some(&e) => {
                    tokens.push(Token::Literal(e));
                    i += 1;
                }
                None => tokens.push(Token::Literal('\\')),
            },
            '*' => {
                if tokens.last() != Some(&Token::Star) {
                    tokens.push(Token::Star);
                }
            }
            '?' => tokens.push(Token::AnyChar),
            '[' => match bracket(&chars, i) {
                Some((token, next)) => {
                    tokens.push(token);
                    i = next;
                }
                None => tokens.push(Token::Literal('[')),
            },
            other => tokens.push(Token::Literal(other)),
        }
    }
    tokens
}

/// Reads a bracket expression whose `[` ends right before `start`; `None` if it is not closed.
///
/// Not the same grammar as `grep`'s bracket parser (`builtins::regex`, `Parser::bracket`): here
/// `!` negates too, `\` quotes, and an unclosed `[` or `[:` is text, never an error; class names
/// and range order are not checked. Only the parsed form and its matching are shared
/// (`shell::char_class`).
fn bracket(chars: &[char], start: usize) -> Option<(Token, usize)> {
    let mut i = start;
    let negated = matches!(chars.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && !first {
            return Some((Token::Class(CharClass { negated, items }), i + 1));
        }
        first = false;
        if c == '[' && chars.get(i + 1) == Some(&':') {
            let rest: String = chars.get(i + 2..)?.iter().collect();
            if let Some(end) = rest.find(":]") {
                let name = rest.get(..end).unwrap_or("").to_string();
                i += 2 + name.chars().count() + 2;
                items.push(ClassItem::Named(name));
                continue;
            }
        }
        let c = if c == '\\' {
            i += 1;
            *chars.get(i)?
        } else {
            c
        };
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|e| *e != ']') {
            let end = *chars.get(i + 2)?;
            items.push(ClassItem::Range(c, end));
            i += 3;
        } else {
            items.push(ClassItem::Char(c));
            i += 1;
        }
    }
}

fn token_matches(token: &Token, c: char) -> bool {
    match token {
        Token::Literal(l) => *l == c,
        Token::AnyChar => true,
        Token::Star => false,
        Token::Class(class) => class.matches(c, Dialect::Glob),
    }
}

/// True if the whole `text` matches the glob `pattern`.
pub(super) fn matches(pattern: &str, text: &str) -> bool {
    let tokens = compile(pattern);
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        let (token, c) = (tokens.get(p), text.get(t).copied().unwrap_or('\0'));
        match token {
            Some(Token::Star) => {
                star = Some((p, t));
                p += 1;
            }
            Some(tok) if token_matches(tok, c) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    while tokens.get(p) == Some(&Token::Star) {
        p += 1;
    }
    p == tokens.len()
}

/// Pathname expansion: the paths (as the learner would write them) matching `pattern`, sorted; empty
/// when nothing matches. Hidden names match only a pattern segment that starts with `.`.
pub(super) fn expand_paths(folder: &Folder<'_>, cwd: &str, pattern: &str) -> Vec<String> {
    let root = folder.root();
    let absolute = pattern.starts_with('/');
    // Absolute patterns only name something where the folder is mounted at `/` (in a container).
    if absolute && root != "/" {
        return Vec::new();
    }
    let dirs_only = pattern.ends_with('/');
    let segments: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        return Vec::new();
    }
    let mut candidates = vec![if absolute { "/".to_string() } else { String::new() }];
    for segment in segments {
        let mut next = Vec::new();
        for prefix in &candidates {
            let join = |name: &str| match prefix.as_str() {
                "" => name.to_string(),
                "/" => format!("/{name}"),
                _ => format!("{prefix}/{name}"),
            };
            if has_meta(segment) {
                let Ok(dir) = folder::resolve_in(root, cwd, if prefix.is_empty() { "." } else { prefix }) else { continue };
                if folder.kind(&dir) != Some(Kind::Dir) {
                    continue;
                }
                for (name, _) in folder.children(&dir) {
                    if name.starts_with('.') && !segment.starts_with('.') {
                        continue;
                    }
                    if matches(segment, &name) {
                        next.push(join(&name));
                    }
                }
            } else {
                next.push(join(&unescape(segment)));
            }
        }
        candidates = next;
        if candidates.len() > 10_000 {
            candidates.truncate(10_000);
        }
    }
    let mut found: Vec<String> = candidates
        .into_iter()
        .filter(|path| {
            let kind = folder::resolve_in(root, cwd, path).ok().and_then(|p| folder.kind(&p));
            if dirs_only {
                kind == Some(Kind::Dir)
            } else {
                kind.is_some()
            }
        })
        .map(|p| if dirs_only { format!("{p}/") } else { p })
        .collect();
    crate::sort::sort(&mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::MemoryProject;
    use std::collections::BTreeSet;

    #[test]
    fn matches_globs() {
        assert!(matches("*.txt", "a.txt"));
        assert!(!matches("*.txt", "a.txt.bak"));
        assert!(matches("a?c", "abc"));
        assert!(matches("[a-c]x", "bx"));
        assert!(!matches("[!a-c]x", "bx"));
        assert!(matches("[[:digit:]]*", "9lives"));
        assert!(matches("\\*", "*"));
        assert!(!matches("\\*", "a"));
        assert!(matches("*", ""));
        assert!(matches("[]]", "]"));
        assert!(matches("[", "["));
        assert!(matches("*a*b", "xxaxxb"));
        assert!(!matches("*a*b", "xxbxxa"));
        assert!(!matches(&"*a".repeat(50), &"b".repeat(10_000)));
    }

    #[test]
    fn bracket_details() {
        // `\` quotes inside brackets; `[:` without `:]` is text; unknown names and reversed ranges
        // match nothing (where grep would report an error).
        assert!(matches("[\\]]", "]"));
        assert!(matches("[[:x]", "x"));
        assert!(matches("[[:x]", "["));
        assert!(!matches("[[:nope:]]", "n"));
        assert!(!matches("[z-a]", "m"));
        assert!(matches("[^a]", "b"));
        assert!(!matches("[[:word:]]", "a"));
        assert!(matches("[[:graph:]]", "\u{a0}"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(pattern in "[\\[\\]!^:a-c*?\\\\-]{0,12}", text in "[\\[\\]a-c:-]{0,8}") {
            let _ = matches(&pattern, &text);
            let _ = has_meta(&pattern);
            let _ = unescape(&pattern);
        }
    }

    #[test]
    fn expands_paths_in_the_folder() {
        let mut project = MemoryProject::new()
            .with_file("a.txt", "")
            .with_file("b.txt", "")
            .with_file(".env", "")
            .with_file("app/x.js", "")
            .with_file("app/y.js", "");
        let mut dirs = BTreeSet::new();
        let folder = Folder::new(&mut project, &mut dirs);
        assert_eq!(expand_paths(&folder, "", "*.txt"), ["a.txt", "b.txt"]);
        assert_eq!(expand_paths(&folder, "", "*"), ["a.txt", "app", "b.txt"]);
        assert_eq!(expand_paths(&folder, "", ".*"), [".env"]);
        assert_eq!(expand_paths(&folder, "", "*/"), ["app/"]);
        assert_eq!(expand_paths(&folder, "", "app/*.js"), ["app/x.js", "app/y.js"]);
        assert_eq!(expand_paths(&folder, "app", "*.js"), ["x.js", "y.js"]);
        assert_eq!(expand_paths(&folder, "app", "../*.txt"), ["../a.txt", "../b.txt"]);
        assert!(expand_paths(&folder, "", "*.md").is_empty());
    }
}
