//! Go's `strconv.ParseInt(s, 0, 64)`, `ParseUint(s, 0, 64)` and `ParseFloat(s, 64)` for template
//! number literals (`42`, `-7`, `0x1F`, `0o17`, `017`, `0b101`, `1_000`, `1.5e3`, `0x1p-2`).

use super::ast::Number;
use crate::cli::go_syntax::{self, underscore_ok};
use crate::format::go_quote::{go_quote, go_unquote_char};

/// `strconv.ParseUint(s, 0, 64)`.
pub(crate) fn parse_uint(s: &str) -> Option<u64> {
    go_syntax::parse_uint_raw(s, 0, 64).ok()
}

/// `strconv.ParseInt(s, 0, 64)`.
pub(crate) fn parse_int(s: &str) -> Option<i64> {
    go_syntax::parse_int_raw(s, 0, 64).ok()
}

fn parse_hex_float(neg: bool, body: &str) -> Option<f64> {
    // body: hex mantissa (digits, optional '.') then 'p' exponent (required).
    let (mantissa, exp) = body.split_once(['p', 'P'])?;
    let exp: i32 = {
        let e: String = exp.chars().filter(|&c| c != '_').collect();
        let digits = e.strip_prefix(['+', '-']).unwrap_or(&e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        e.parse::<i64>().ok()?.clamp(-10_000, 10_000) as i32
    };
    let mut value = 0f64;
    let mut scale = 0i32;
    let mut seen_dot = false;
    let mut digits = 0;
    for c in mantissa.chars() {
        match c {
            '_' => {}
            '.' if !seen_dot => seen_dot = true,
            c => {
                let d = c.to_digit(16)?;
                value = value * 16.0 + f64::from(d);
                digits += 1;
                if seen_dot {
                    scale -= 4;
                }
            }
        }
    }
    if digits == 0 {
        return None;
    }
    let v = value * 2f64.powi(exp + scale);
    Some(if neg { -v } else { v })
}

/// `strconv.ParseFloat(s, 64)` for number literals: `Err(true)` means out of range, `Err(false)`
/// invalid syntax.
pub(crate) fn parse_float(s: &str) -> Result<f64, bool> {
    if s.contains('_') && !underscore_ok(s) {
        return Err(false);
    }
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        return parse_hex_float(neg, hex).ok_or(false);
    }
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    let valid = {
        let (mantissa, exp) = match cleaned.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e)),
            None => (cleaned.as_str(), None),
        };
        let mut parts = mantissa.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next().unwrap_or("");
        let digits_ok = int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit())
            && !(int.is_empty() && frac.is_empty());
        let exp_ok = exp.is_none_or(|e| {
            let d = e.strip_prefix(['+', '-']).unwrap_or(e);
            !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
        });
        digits_ok && exp_ok
    };
    if !valid {
        return Err(false);
    }
    let v: f64 = cleaned.parse().map_err(|_| false)?;
    if v.is_infinite() {
        return Err(true);
    }
    Ok(if neg { -v } else { v })
}

fn fits_i64(f: f64) -> bool {
    (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f)
}

fn fits_u64(f: f64) -> bool {
    (0.0..18_446_744_073_709_551_616.0).contains(&f)
}

/// Go's `parse.Tree.newNumber` for number and character literals (complex numbers are not
/// supported: they are rejected as illegal number syntax). The error is the message Go reports.
pub(crate) fn new_number(text: &str, is_char: bool) -> Result<Number, String> {
    let mut n = Number {
        text: text.to_string(),
        is_int: false,
        is_uint: false,
        is_float: false,
        int: 0,
        uint: 0,
        float: 0.0,
    };
    if is_char {
        let inner = text.get(1..).unwrap_or("");
        let (rune, tail) = go_unquote_char(inner, '\'').ok_or_else(|| "invalid syntax".to_string())?;
        if tail != "'" {
            return Err(format!("malformed character constant: {text}"));
        }
        n.int = i64::from(rune);
        n.is_int = true;
        n.uint = u64::from(rune);
        n.is_uint = true;
        n.float = f64::from(rune);
        n.is_float = true;
        return Ok(n);
    }
    let lower = text.to_ascii_lowercase();
    if text.ends_with('i') && !lower.starts_with("0x") && !lower.starts_with("-0x") && !lower.starts_with("+0x") {
        return Err(format!("illegal number syntax: {}", go_quote(text)));
    }
    let u = parse_uint(text);
    if let Some(u) = u {
        n.is_uint = true;
        n.uint = u;
    }
    if let Some(i) = parse_int(text) {
        n.is_int = true;
        n.int = i;
        if i == 0 {
            n.is_uint = true;
            n.uint = u.unwrap_or(0);
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float = n.int as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float = n.uint as f64;
    } else if let Ok(f) = parse_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", go_quote(text)));
        }
        n.is_float = true;
        n.float = f;
        if fits_i64(f) && (f as i64) as f64 == f {
            n.is_int = true;
            n.int = f as i64;
        }
        if fits_u64(f) && (f as u64) as f64 == f {
            n.is_uint = true;
            n.uint = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", go_quote(text)));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("-7"), Some(-7));
        assert_eq!(parse_int("+7"), Some(7));
        assert_eq!(parse_int("0x1F"), Some(31));
        assert_eq!(parse_int("0o17"), Some(15));
        assert_eq!(parse_int("017"), Some(15));
        assert_eq!(parse_int("0b101"), Some(5));
        assert_eq!(parse_int("1_000"), Some(1000));
        assert_eq!(parse_int("1__000"), None);
        assert_eq!(parse_int("089"), None);
        assert_eq!(parse_int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int("9223372036854775808"), None);
        assert_eq!(parse_uint("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_uint("-1"), None);
        // Edge cases of Go's prefix and underscore rules, now shared with `cli::go_syntax`.
        assert_eq!(parse_uint("0x_1F"), Some(31));
        assert_eq!(parse_uint("0_7"), Some(7));
        assert_eq!(parse_uint("0"), Some(0));
        for bad in ["", "0x", "0b", "_1", "1_", "0x1_", "+5", "1e3", "٣"] {
            assert_eq!(parse_uint(bad), None, "{bad}");
        }
        assert_eq!(parse_int("-"), None);
        assert_eq!(parse_int("+-5"), None);
        assert_eq!(parse_int("-0x8000000000000000"), Some(i64::MIN));
        assert_eq!(parse_int("0x8000000000000000"), None);
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float("1.5e3"), Ok(1500.0));
        assert_eq!(parse_float(".5"), Ok(0.5));
        assert_eq!(parse_float("1."), Ok(1.0));
        assert_eq!(parse_float("0x1p-2"), Ok(0.25));
        assert_eq!(parse_float("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_float("1e400"), Err(true));
        assert_eq!(parse_float("."), Err(false));
        assert_eq!(parse_float("-"), Err(false));
        assert_eq!(parse_float("089"), Ok(89.0));
    }

    #[test]
    fn literals() {
        let n = new_number("3", false).ok();
        assert!(n.as_ref().is_some_and(|n| n.is_int && n.int == 3 && n.is_float));
        let n = new_number("1.0", false).ok();
        assert!(n.as_ref().is_some_and(|n| n.is_float && n.is_int && n.int == 1));
        let n = new_number("'a'", true).ok();
        assert!(n.as_ref().is_some_and(|n| n.int == 97));
        assert_eq!(new_number("'ab'", true).err().as_deref(), Some("malformed character constant: 'ab'"));
        assert_eq!(new_number("-", false).err().as_deref(), Some("illegal number syntax: \"-\""));
        assert_eq!(
            new_number("99999999999999999999", false).err().as_deref(),
            Some("integer overflow: \"99999999999999999999\"")
        );
        assert_eq!(new_number("1i", false).err().as_deref(), Some("illegal number syntax: \"1i\""));
    }
}
