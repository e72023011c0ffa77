//! The word-level helpers of BuildKit's line parser: builder flags (`--from=x`), quoted words
//! (ENV/LABEL/ARG), whitespace lists (FROM/EXPOSE/COPY) and JSON arrays (exec form).

/// BuildKit's `reWhitespace` (`[\t\v\f\r ]+`).
fn is_split_space(c: char) -> bool {
    matches!(c, '\t' | '\u{b}' | '\u{c}' | '\r' | ' ')
}

/// Splits on runs of `[\t\v\f\r ]` as Go's `regexp.Split(s, -1)` (empty leading/trailing
/// pieces kept). `None` for an empty string (BuildKit keeps no argument then).
pub(crate) fn split_whitespace(rest: &str) -> Vec<String> {
    if rest.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_space = false;
    for c in rest.chars() {
        if is_split_space(c) {
            if !in_space {
                out.push(std::mem::take(&mut cur));
                in_space = true;
            }
        } else {
            in_space = false;
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// Splits in two at the first run of whitespace (Go's `reWhitespace.Split(s, 2)`).
pub(crate) fn split_two(s: &str) -> (String, Option<String>) {
    match s.find(is_split_space) {
        None => (s.to_string(), None),
        Some(i) => {
            let head = s.get(..i).unwrap_or_default().to_string();
            let tail = s.get(i..).unwrap_or_default().trim_start_matches(is_split_space).to_string();
            (head, Some(tail))
        }
    }
}

/// BuildKit's `parseWords`: words separated by whitespace, quotes kept, the escape character
/// kept together with the character it escapes.
pub(crate) fn parse_words(rest: &str, escape: char) -> Vec<String> {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut buf = String::new();
    let mut pos = 0;
    loop {
        let at_end = pos >= chars.len();
        let ch = chars.get(pos).copied().unwrap_or('\0');
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if ch.is_whitespace() {
                pos += 1;
                continue;
            }
            phase = Phase::Word;
        }
        if at_end {
            if blank_ok || !buf.is_empty() {
                words.push(std::mem::take(&mut buf));
            }
            break;
        }
        if phase == Phase::Word {
            if ch.is_whitespace() {
                phase = Phase::Spaces;
                if blank_ok || !buf.is_empty() {
                    words.push(std::mem::take(&mut buf));
                }
                buf.clear();
                blank_ok = false;
                pos += 1;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
            }
            let mut c = ch;
            if ch == escape {
                if pos + 1 == chars.len() {
                    pos += 1;
                    continue;
                }
                buf.push(ch);
                pos += 1;
                c = chars.get(pos).copied().unwrap_or('\0');
            }
            buf.push(c);
            pos += 1;
            continue;
        }
        // Phase::Quote
        if ch == quote {
            phase = Phase::Word;
        }
        let mut c = ch;
        if ch == escape && quote != '\'' {
            if pos + 1 == chars.len() {
                phase = Phase::Word;
                pos += 1;
                continue;
            }
            pos += 1;
            buf.push(ch);
            c = chars.get(pos).copied().unwrap_or('\0');
        }
        buf.push(c);
        pos += 1;
    }
    words
}

/// BuildKit's `extractBuilderFlags`: leading `--flag` words (quotes removed); returns the rest of
/// the line and the flags.
pub(crate) fn extract_builder_flags(line: &str, escape: char) -> (String, Vec<String>) {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let rest_from = |i: usize| -> String {
        chars.get(i).and_then(|(b, _)| line.get(*b..)).unwrap_or_default().to_string()
    };
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut buf = String::new();
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut pos = 0;
    loop {
        let at_end = pos >= chars.len();
        let ch = chars.get(pos).map_or('\0', |(_, c)| *c);
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if ch.is_whitespace() {
                pos += 1;
                continue;
            }
            let next = chars.get(pos + 1).map(|(_, c)| *c);
            if ch != '-' || next != Some('-') {
                return (rest_from(pos), words);
            }
            phase = Phase::Word;
        }
        if at_end {
            if buf != "--" && (blank_ok || !buf.is_empty()) {
                words.push(std::mem::take(&mut buf));
            }
            break;
        }
        if phase == Phase::Word {
            if ch.is_whitespace() {
                phase = Phase::Spaces;
                if buf == "--" {
                    return (rest_from(pos), words);
                }
                if blank_ok || !buf.is_empty() {
                    words.push(std::mem::take(&mut buf));
                }
                buf.clear();
                blank_ok = false;
                pos += 1;
                continue;
            }
            if ch == '\'' || ch == '"' {
                quote = ch;
                blank_ok = true;
                phase = Phase::Quote;
                pos += 1;
                continue;
            }
            let mut c = ch;
            if ch == escape {
                if pos + 1 == chars.len() {
                    pos += 1;
                    continue;
                }
                pos += 1;
                c = chars.get(pos).map_or('\0', |(_, c)| *c);
            }
            buf.push(c);
            pos += 1;
            continue;
        }
        if ch == quote {
            phase = Phase::Word;
            pos += 1;
            continue;
        }
        let mut c = ch;
        if ch == escape {
            if pos + 1 == chars.len() {
                phase = Phase::Word;
                pos += 1;
                continue;
            }
            pos += 1;
            c = chars.get(pos).map_or('\0', |(_, c)| *c);
        }
        buf.push(c);
        pos += 1;
    }
    (String::new(), words)
}

/// The outcome of trying the JSON (exec) form.
pub(crate) enum Json {
    /// A JSON array of strings.
    Strings(Vec<String>),
    /// Not JSON: use the shell/list form.
    Plain,
    /// A JSON array with a non-string element: BuildKit's error.
    NotStrings,
}

pub(crate) const NOT_STRING_ARRAY: &str = "when using JSON array syntax, arrays must be comprised of strings only";

/// BuildKit's `parseJSON`.
pub(crate) fn parse_json(rest: &str) -> Json {
    let rest = rest.trim_start();
    if !rest.starts_with('[') {
        return Json::Plain;
    }
    match serde_json::from_str::<Vec<serde_json::Value>>(rest) {
        Err(_) => Json::Plain,
        Ok(values) => {
            let mut out = Vec::with_capacity(values.len());
            for v in values {
                match v {
                    serde_json::Value::String(s) => out.push(s),
                    _ => return Json::NotStrings,
                }
            }
            Json::Strings(out)
        }
    }
}
