//! Backslash escape sequences shared by `echo -e`, `printf` and `$'…'`.

/// Which flavour of escapes to decode: they differ only in how octal is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EscapeStyle {
    /// `echo -e` and `printf %b`: octal is `\0nnn`, `\c` stops all output.
    Echo,
    /// `printf` formats and `$'…'`: octal is `\nnn`.
    Printf,
}

/// The decoded text, and whether a `\c` asked to stop producing output.
pub(super) fn decode(text: &str, style: EscapeStyle) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'e' | 'E' => out.push('\u{1b}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            'c' if style == EscapeStyle::Echo => return (out, true),
            '\'' | '"' | '?' if style == EscapeStyle::Printf => out.push(e),
            'x' => {
                let digits = take_digits(&mut chars, 16, 2);
                if digits.is_empty() {
                    out.push_str("\\x");
                } else {
                    push_code(&mut out, u32::from_str_radix(&digits, 16).unwrap_or(0));
                }
            }
            'u' | 'U' => {
                let digits = take_digits(&mut chars, 16, if e == 'u' { 4 } else { 8 });
                if digits.is_empty() {
                    out.push('\\');
                    out.push(e);
                } else {
                    let code = u32::from_str_radix(&digits, 16).unwrap_or(0);
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
            }
            '0' if style == EscapeStyle::Echo => {
                let digits = take_digits(&mut chars, 8, 3);
                push_code(&mut out, u32::from_str_radix(&digits, 8).unwrap_or(0));
            }
            '0'..='7' if style == EscapeStyle::Printf => {
                let mut digits = e.to_string();
                digits.push_str(&take_digits(&mut chars, 8, 2));
                push_code(&mut out, u32::from_str_radix(&digits, 8).unwrap_or(0));
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    (out, false)
}

fn take_digits(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, radix: u32, max: usize) -> String {
    let mut digits = String::new();
    while digits.len() < max {
        match chars.peek() {
            Some(d) if d.is_digit(radix) => {
                digits.push(*d);
                chars.next();
            }
            _ => break,
        }
    }
    digits
}

/// A byte value from `\xHH` or octal: ASCII as is, anything else as the Latin-1 character.
fn push_code(out: &mut String, code: u32) {
    out.push(char::from_u32(code & 0xff).unwrap_or('\u{fffd}'));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_escapes() {
        assert_eq!(decode(r"a\tb\nc\\d", EscapeStyle::Echo), ("a\tb\nc\\d".to_string(), false));
        assert_eq!(decode(r"\x41\0101\q", EscapeStyle::Echo), ("AA\\q".to_string(), false));
        assert_eq!(decode(r"\101\'", EscapeStyle::Printf), ("A'".to_string(), false));
        assert_eq!(decode(r"ab\cde", EscapeStyle::Echo), ("ab".to_string(), true));
        assert_eq!(decode("end\\", EscapeStyle::Echo), ("end\\".to_string(), false));
    }
}
