//! Go's `strconv.Quote`, `strconv.QuoteRune` and `strconv.Unquote`.

use super::width::is_print;

fn push_hex(out: &mut String, value: u32, digits: u32) {
    for i in (0..digits).rev() {
        let nibble = (value >> (i * 4)) & 0xF;
        out.push(char::from_digit(nibble, 16).unwrap_or('0'));
    }
}

/// Appends `c` escaped as Go's `appendEscapedRune` does for a literal quoted with `quote`.
fn push_escaped(out: &mut String, c: char, quote: char, ascii_only: bool) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if ascii_only {
        if c.is_ascii() && is_print(c) {
            out.push(c);
            return;
        }
    } else if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        _ => {
            let u = c as u32;
            if u < 0x20 || u == 0x7F {
                out.push_str("\\x");
                push_hex(out, u, 2);
            } else if u < 0x10000 {
                out.push_str("\\u");
                push_hex(out, u, 4);
            } else {
                out.push_str("\\U");
                push_hex(out, u, 8);
            }
        }
    }
}

/// Go's `strconv.Quote`: a double-quoted string with `\"`, `\\`, the C escapes (`\a \b \f \n \r \t
/// \v`), `\xHH` for other controls, and `\uHHHH` / `\UHHHHHHHH` for other non-printable runes.
/// Printable Unicode is kept as is.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"', false);
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteToASCII`: like [`go_quote`] but every non-ASCII rune is escaped.
pub fn go_quote_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"', true);
    }
    out.push('"');
    out
}

/// Go's `strconv.QuoteRune`: a single-quoted character literal.
pub fn go_quote_rune(c: char) -> String {
    let mut out = String::with_capacity(6);
    out.push('\'');
    push_escaped(&mut out, c, '\'', false);
    out.push('\'');
    out
}

/// Go's `strconv.CanBackquote`: the string can be written as a raw (backquoted) literal.
pub fn can_backquote(s: &str) -> bool {
    s.chars().all(|c| c != '`' && c != '\u{FEFF}' && (c == '\t' || !(c < ' ' || c == '\u{7F}')))
}

/// Decodes one escaped or plain character at the start of `s` inside a literal quoted with
/// `quote` (Go's `strconv.UnquoteChar`). Returns the produced bytes (a `\x` or octal escape is one
/// raw byte, anything else a UTF-8 encoded rune) and the rest of the input.
fn unquote_char(s: &str, quote: char) -> Option<(Vec<u8>, &str)> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if c == quote && (quote == '\'' || quote == '"') {
        return None;
    }
    if c != '\\' {
        let mut buf = [0u8; 4];
        return Some((c.encode_utf8(&mut buf).as_bytes().to_vec(), chars.as_str()));
    }
    let e = chars.next()?;
    let rest = chars.as_str();
    let simple = |b: u8| Some((vec![b], rest));
    match e {
        'a' => simple(7),
        'b' => simple(8),
        'f' => simple(12),
        'n' => simple(b'\n'),
        'r' => simple(b'\r'),
        't' => simple(b'\t'),
        'v' => simple(11),
        '\\' => simple(b'\\'),
        '\'' | '"' => {
            if e != quote {
                return None;
            }
            simple(e as u8)
        }
        'x' | 'u' | 'U' => {
            let n = match e {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let digits = rest.get(..n)?;
            let v = u32::from_str_radix(digits, 16).ok()?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let rest = rest.get(n..)?;
            if e == 'x' {
                return Some((vec![v as u8], rest));
            }
            let c = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            Some((c.encode_utf8(&mut buf).as_bytes().to_vec(), rest))
        }
        '0'..='7' => {
            let digits = s.get(1..4)?;
            if !digits.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                return None;
            }
            let v = u32::from_str_radix(digits, 8).ok()?;
            if v > 255 {
                return None;
            }
            Some((vec![v as u8], s.get(4..)?))
        }
        _ => None,
    }
}

/// Go's `strconv.Unquote` for `"…"`, `` `…` `` and `'…'` literals. Returns `None` on invalid
/// syntax. Escapes that produce invalid UTF-8 (such as `"\xff"`) become U+FFFD.
pub fn go_unquote(s: &str) -> Option<String> {
    let quote = s.chars().next()?;
    if s.len() < 2 || !s.ends_with(quote) {
        return None;
    }
    let inner = s.get(1..s.len() - 1)?;
    match quote {
        '`' => {
            if inner.contains('`') {
                return None;
            }
            Some(inner.chars().filter(|&c| c != '\r').collect())
        }
        '"' | '\'' => {
            if inner.contains('\n') {
                return None;
            }
            let mut bytes = Vec::with_capacity(inner.len());
            let mut rest = inner;
            let mut count = 0;
            while !rest.is_empty() {
                let (b, r) = unquote_char(rest, quote)?;
                bytes.extend_from_slice(&b);
                rest = r;
                count += 1;
            }
            if quote == '\'' && count != 1 {
                return None;
            }
            Some(String::from_utf8_lossy(&bytes).into_owned())
        }
        _ => None,
    }
}

/// Go's `strconv.UnquoteChar(s, quote)`: the value of the first (possibly escaped) character of `s`
/// and the rest of `s`. A `\x` or octal escape yields the byte value. `None` on invalid syntax.
pub fn go_unquote_char(s: &str, quote: char) -> Option<(u32, &str)> {
    let (bytes, rest) = unquote_char(s, quote)?;
    if bytes.len() == 1 {
        return Some((u32::from(*bytes.first()?), rest));
    }
    let c = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((c as u32, rest))
}

/// Go's `strconv.UnquoteChar` applied to a whole character literal such as `'a'` or `'\n'`
/// (the template parser's char constants). Returns the rune, or `None` on invalid syntax.
pub fn go_unquote_char_literal(s: &str) -> Option<char> {
    let inner = s.strip_prefix('\'')?;
    let (bytes, tail) = unquote_char(inner, '\'')?;
    if tail != "'" {
        return None;
    }
    if bytes.len() == 1 {
        return Some(char::from(bytes.first().copied()?));
    }
    std::str::from_utf8(&bytes).ok()?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_like_go() {
        assert_eq!(go_quote("/docker-entrypoint.…"), "\"/docker-entrypoint.…\"");
        assert_eq!(go_quote("sleep 5"), "\"sleep 5\"");
        assert_eq!(go_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(go_quote("tab\there\nnl"), "\"tab\\there\\nnl\"");
        assert_eq!(go_quote("\u{7}\u{8}\u{c}\r\u{b}"), "\"\\a\\b\\f\\r\\v\"");
        assert_eq!(go_quote("\u{1}\u{7f}"), "\"\\x01\\x7f\"");
        assert_eq!(go_quote("nbsp\u{a0}"), "\"nbsp\\u00a0\"");
        assert_eq!(go_quote("\u{feff}"), "\"\\ufeff\"");
        assert_eq!(go_quote("\u{e0001}"), "\"\\U000e0001\"");
        assert_eq!(go_quote("año 日本 🐳"), "\"año 日本 🐳\"");
        assert_eq!(go_quote(""), "\"\"");
    }

    #[test]
    fn quote_ascii_and_rune() {
        assert_eq!(go_quote_ascii("año"), "\"a\\u00f1o\"");
        assert_eq!(go_quote_ascii("🐳"), "\"\\U0001f433\"");
        assert_eq!(go_quote_rune('a'), "'a'");
        assert_eq!(go_quote_rune('\''), "'\\''");
        assert_eq!(go_quote_rune('"'), "'\"'");
        assert_eq!(go_quote_rune('\n'), "'\\n'");
    }

    #[test]
    fn unquote_like_go() {
        assert_eq!(go_unquote("\"a\\tb\"").as_deref(), Some("a\tb"));
        assert_eq!(go_unquote("\"\\u00f1\\x41\\101\"").as_deref(), Some("ñAA"));
        assert_eq!(go_unquote("`raw\\n\r`").as_deref(), Some("raw\\n"));
        assert_eq!(go_unquote("'x'").as_deref(), Some("x"));
        assert_eq!(go_unquote("\"\\'\""), None);
        assert_eq!(go_unquote("'ab'"), None);
        assert_eq!(go_unquote("\"\\q\""), None);
        assert_eq!(go_unquote("\"abc"), None);
        assert_eq!(go_unquote("\""), None);
        assert_eq!(go_unquote("\"\\xff\"").as_deref(), Some("\u{fffd}"));
        assert_eq!(go_unquote_char_literal("'a'"), Some('a'));
        assert_eq!(go_unquote_char_literal("'\\n'"), Some('\n'));
        assert_eq!(go_unquote_char_literal("'ñ'"), Some('ñ'));
        assert_eq!(go_unquote_char_literal("'\\377'"), Some('\u{ff}'));
        assert_eq!(go_unquote_char_literal("'ab'"), None);
    }

    #[test]
    fn backquote() {
        assert!(can_backquote("a\tb"));
        assert!(!can_backquote("a`b"));
        assert!(!can_backquote("a\nb"));
    }
}
