//! The few pieces of Go's standard library whose exact behaviour shows in Docker's parse errors:
//! `strconv` quoting and number parsing, `time.ParseDuration`, and `encoding/csv` for one record.
//!
//! Each function documents the Go function it reproduces. Messages are Go's, byte for byte.

pub use crate::format::go_quote::go_quote as quote;

/// Go's `fmt` `%q` on a byte (pflag quotes the first byte of `-xyz` this way): the byte is taken
/// as the code point U+0000..U+00FF and quoted as a rune literal.
pub fn quote_byte(b: u8) -> String {
    crate::format::go_quote::go_quote_rune(char::from(b))
}

/// The `quote` of Go's `time` package: non-ASCII and control bytes become `\xNN`.
fn time_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if (c as u32) >= 0x80 || c < ' ' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

fn num_error(func: &str, s: &str, range: bool) -> String {
    let what = if range { "value out of range" } else { "invalid syntax" };
    format!("strconv.{func}: parsing {}: {what}", quote(s))
}

/// Go's `underscoreOK`: underscores only between digits or after a base prefix. Also checks the
/// template package's number literals (`template::number`), which Go parses with the same rule.
pub(crate) fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let b = match b.first() {
        Some(b'-') | Some(b'+') => b.get(1..).unwrap_or_default(),
        _ => b,
    };
    let mut hex = false;
    if b.len() >= 2 && b.first() == Some(&b'0') {
        let p = b.get(1).map(u8::to_ascii_lowercase);
        if matches!(p, Some(b'b') | Some(b'o') | Some(b'x')) {
            i = 2;
            saw = b'0';
            hex = p == Some(b'x');
        }
    }
    while let Some(&c) = b.get(i) {
        i += 1;
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// Why a Go integer did not parse: `strconv.ErrSyntax` or `strconv.ErrRange`.
pub(crate) enum UintError {
    Syntax,
    Range,
}

/// The core of Go's `strconv.ParseUint(s, base, bit_size)`; `base` is 0 (prefix-detected) or 2..=36.
/// The template package's number literals use it as `ParseUint(s, 0, 64)`.
pub(crate) fn parse_uint_raw(s: &str, base: u32, bit_size: u32) -> Result<u64, UintError> {
    if s.is_empty() {
        return Err(UintError::Syntax);
    }
    let base0 = base == 0;
    let mut digits = s.as_bytes();
    let mut base = base;
    if base0 {
        base = 10;
        if digits.first() == Some(&b'0') {
            let second = digits.get(1).map(u8::to_ascii_lowercase);
            if digits.len() >= 3 && second == Some(b'b') {
                base = 2;
                digits = digits.get(2..).unwrap_or_default();
            } else if digits.len() >= 3 && second == Some(b'o') {
                base = 8;
                digits = digits.get(2..).unwrap_or_default();
            } else if digits.len() >= 3 && second == Some(b'x') {
                base = 16;
                digits = digits.get(2..).unwrap_or_default();
            } else {
                base = 8;
                digits = digits.get(1..).unwrap_or_default();
            }
        }
    }
    let max_val: u64 = if bit_size >= 64 { u64::MAX } else { (1u64 << bit_size) - 1 };
    let cutoff = u64::MAX / u64::from(base) + 1;
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            _ if c.to_ascii_lowercase().is_ascii_lowercase() => c.to_ascii_lowercase() - b'a' + 10,
            _ => return Err(UintError::Syntax),
        };
        if u32::from(d) >= base {
            return Err(UintError::Syntax);
        }
        if n >= cutoff {
            return Err(UintError::Range);
        }
        n *= u64::from(base);
        let n1 = n.wrapping_add(u64::from(d));
        if n1 < n || n1 > max_val {
            return Err(UintError::Range);
        }
        n = n1;
    }
    if underscores && !underscore_ok(s) {
        return Err(UintError::Syntax);
    }
    Ok(n)
}

/// Go's `strconv.ParseUint`, with Go's error message.
pub fn parse_uint(s: &str, base: u32, bit_size: u32) -> Result<u64, String> {
    parse_uint_raw(s, base, bit_size).map_err(|e| num_error("ParseUint", s, matches!(e, UintError::Range)))
}

/// Go's `strconv.ParseInt`, with Go's error message.
pub fn parse_int(s: &str, base: u32, bit_size: u32) -> Result<i64, String> {
    parse_int_raw(s, base, bit_size).map_err(|e| num_error("ParseInt", s, matches!(e, UintError::Range)))
}

/// The core of Go's `strconv.ParseInt(s, base, bit_size)`: an optional sign, then `parse_uint_raw`.
/// The template package's number literals use it as `ParseInt(s, 0, 64)`.
pub(crate) fn parse_int_raw(s: &str, base: u32, bit_size: u32) -> Result<i64, UintError> {
    if s.is_empty() {
        return Err(UintError::Syntax);
    }
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..).unwrap_or_default()),
        Some(b'-') => (true, s.get(1..).unwrap_or_default()),
        _ => (false, s),
    };
    let un = parse_uint_raw(rest, base, bit_size)?;
    let cutoff: u64 = 1u64 << (bit_size.clamp(1, 64) - 1);
    if (!neg && un >= cutoff) || (neg && un > cutoff) {
        return Err(UintError::Range);
    }
    Ok(if neg { (un as i64).wrapping_neg() } else { un as i64 })
}

/// Go's `strconv.ParseBool`, with Go's error message.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(num_error("ParseBool", s, false)),
    }
}

/// `units.RAMInBytes` (docker/go-units v0.5.0): `512m`, `1.5GiB`, `100` (bytes). Binary multiples.
pub fn ram_in_bytes(size: &str) -> Result<i64, String> {
    crate::format::units::ram_in_bytes(size).map_err(|e| e.to_string())
}

/// Go's `time.ParseDuration`, returning nanoseconds.
pub fn parse_duration(orig: &str) -> Result<i64, String> {
    let invalid = || format!("time: invalid duration {}", time_quote(orig));
    let mut s = orig;
    let mut neg = false;
    if let Some(c) = s.chars().next() {
        if c == '-' || c == '+' {
            neg = c == '-';
            s = s.get(1..).unwrap_or_default();
        }
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    const LIMIT: u64 = 1 << 63;
    let mut d: u64 = 0;
    while !s.is_empty() {
        let b = s.as_bytes();
        if !(b.first() == Some(&b'.') || b.first().is_some_and(u8::is_ascii_digit)) {
            return Err(invalid());
        }
        // Leading integer.
        let mut i = 0;
        let mut v: u64 = 0;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if v > (LIMIT - 1) / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(c - b'0');
            if v > LIMIT {
                return Err(invalid());
            }
            i += 1;
        }
        let pre = i > 0;
        // Fraction.
        let mut f: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut post = false;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            let mut overflow = false;
            while let Some(&c) = b.get(i) {
                if !c.is_ascii_digit() {
                    break;
                }
                if !overflow {
                    if f > (LIMIT - 1) / 10 {
                        overflow = true;
                    } else {
                        let y = f * 10 + u64::from(c - b'0');
                        if y > LIMIT {
                            overflow = true;
                        } else {
                            f = y;
                            scale *= 10.0;
                        }
                    }
                }
                i += 1;
            }
            post = i > start;
        }
        if !pre && !post {
            return Err(invalid());
        }
        // Unit.
        let unit_start = i;
        while let Some(&c) = b.get(i) {
            if c == b'.' || c.is_ascii_digit() {
                break;
            }
            i += 1;
        }
        if i == unit_start {
            return Err(format!("time: missing unit in duration {}", time_quote(orig)));
        }
        let u = s.get(unit_start..i).unwrap_or_default();
        s = s.get(i..).unwrap_or_default();
        let unit: u64 = match u {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    time_quote(u),
                    time_quote(orig)
                ))
            }
        };
        if v > LIMIT / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v = v.saturating_add((f as f64 * (unit as f64 / scale)) as u64);
            if v > LIMIT {
                return Err(invalid());
            }
        }
        d = d.saturating_add(v);
        if d > LIMIT {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

/// `opts.ParseCPUs` (`--cpus`): a rational number (`1.5`, `3/2`, `2e-1`) times 10^9, which must be
/// an integer. Returns nano-CPUs.
pub fn parse_nano_cpus(value: &str) -> Result<i64, String> {
    let not_rational = || format!("failed to parse {value} as a rational number");
    let too_precise = || "value is too precise".to_string();
    if let Some((num, den)) = value.split_once('/') {
        let n = parse_int(num, 0, 64).map_err(|_| not_rational())?;
        if den.is_empty() || !den.bytes().all(|c| c.is_ascii_digit()) {
            return Err(not_rational());
        }
        let d = parse_uint(den, 10, 64).map_err(|_| not_rational())?;
        if d == 0 {
            return Err(not_rational());
        }
        let scaled = i128::from(n) * 1_000_000_000;
        if scaled % i128::from(d) != 0 {
            return Err(too_precise());
        }
        return Ok((scaled / i128::from(d)) as i64);
    }
    // Decimal: [+-] digits [. digits] [e [+-] digits]
    let b = value.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut mantissa: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut any = false;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        mantissa.push(c - b'0');
        any = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            mantissa.push(c - b'0');
            frac_digits += 1;
            any = true;
            i += 1;
        }
    }
    if !any {
        return Err(not_rational());
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        let mut eneg = false;
        if let Some(&c) = b.get(i) {
            if c == b'-' || c == b'+' {
                eneg = c == b'-';
                i += 1;
            }
        }
        let start = i;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            exp = exp.saturating_mul(10).saturating_add(i64::from(c - b'0'));
            i += 1;
        }
        if i == start {
            return Err(not_rational());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(not_rational());
    }
    // value = mantissa * 10^(exp - frac_digits); nano = value * 10^9.
    while mantissa.len() > 1 && mantissa.first() == Some(&0) {
        mantissa.remove(0);
    }
    let mut shift = exp.saturating_add(9).saturating_sub(frac_digits);
    while shift < 0 && mantissa.last() == Some(&0) && mantissa.len() > 1 {
        mantissa.pop();
        shift += 1;
    }
    if mantissa.iter().all(|d| *d == 0) {
        return Ok(0);
    }
    if shift < 0 {
        return Err(too_precise());
    }
    let mut n: i128 = 0;
    for d in mantissa {
        n = n.saturating_mul(10).saturating_add(i128::from(d));
    }
    for _ in 0..shift.min(40) {
        n = n.saturating_mul(10);
    }
    // big.Int.Int64() keeps the low 64 bits.
    let n = n as i64;
    Ok(if neg { n.wrapping_neg() } else { n })
}

/// Go's `encoding/csv` reading the first record of `value` (default settings), as
/// `MountOpt.Set` and friends use it.
pub fn csv_record(value: &str) -> Result<Vec<String>, String> {
    if value.is_empty() {
        return Err("EOF".to_string());
    }
    let line: &str = value.split('\n').next().unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut fields = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    // Go counts columns in bytes, 1-based.
    let col = |idx: usize| -> usize { chars.get(..idx).map_or(0, |s| s.iter().map(|c| c.len_utf8()).sum::<usize>()) + 1 };
    loop {
        if chars.get(i) == Some(&'"') {
            // Quoted field.
            let mut field = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    Some('"') => match chars.get(i + 1) {
                        Some('"') => {
                            field.push('"');
                            i += 2;
                        }
                        Some(',') => {
                            i += 2;
                            fields.push(field);
                            break;
                        }
                        None => {
                            fields.push(field);
                            return Ok(fields);
                        }
                        Some(_) => {
                            return Err(format!(
                                "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                                col(i + 1)
                            ));
                        }
                    },
                    Some(c) => {
                        field.push(*c);
                        i += 1;
                    }
                    None => {
                        return Err(format!(
                            "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                            col(i)
                        ));
                    }
                }
            }
        } else {
            let start = i;
            while let Some(c) = chars.get(i) {
                if *c == ',' {
                    break;
                }
                if *c == '"' {
                    return Err(format!(
                        "parse error on line 1, column {}: bare \" in non-quoted-field",
                        col(i)
                    ));
                }
                i += 1;
            }
            fields.push(chars.get(start..i).unwrap_or_default().iter().collect());
            if chars.get(i) == Some(&',') {
                i += 1;
                continue;
            }
            return Ok(fields);
        }
    }
}

/// pflag's `stringSlice` reading of one value: a CSV record; the empty string is no value at all.
pub fn csv_list(value: &str) -> Result<Vec<String>, String> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    csv_record(value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quoting_matches_go() {
        assert_eq!(quote("abc"), "\"abc\"");
        assert_eq!(quote("a\"b\\c\n\t\u{1}"), "\"a\\\"b\\\\c\\n\\t\\x01\"");
        assert_eq!(quote("ñé日本"), "\"ñé日本\"");
        assert_eq!(quote("\u{ad}\u{feff}"), "\"\\u00ad\\ufeff\"");
        assert_eq!(quote_byte(b'z'), "'z'");
        assert_eq!(quote_byte(b'\''), "'\\''");
        assert_eq!(quote_byte(0xC3), "'Ã'");
        assert_eq!(quote_byte(0), "'\\x00'");
        assert_eq!(quote_byte(0x85), "'\\u0085'");
    }

    #[test]
    fn ints_match_go() {
        assert_eq!(parse_int("42", 0, 64), Ok(42));
        assert_eq!(parse_int("-0x10", 0, 64), Ok(-16));
        assert_eq!(parse_int("010", 0, 64), Ok(8));
        assert_eq!(parse_int("1_000", 0, 64), Ok(1000));
        assert_eq!(parse_int("0b101", 0, 64), Ok(5));
        assert_eq!(
            parse_int("abc", 0, 64),
            Err("strconv.ParseInt: parsing \"abc\": invalid syntax".into())
        );
        assert_eq!(
            parse_int("", 0, 64),
            Err("strconv.ParseInt: parsing \"\": invalid syntax".into())
        );
        assert_eq!(
            parse_int("-", 0, 64),
            Err("strconv.ParseInt: parsing \"-\": invalid syntax".into())
        );
        assert_eq!(
            parse_int("_1", 0, 64),
            Err("strconv.ParseInt: parsing \"_1\": invalid syntax".into())
        );
        assert_eq!(
            parse_int("9223372036854775808", 0, 64),
            Err("strconv.ParseInt: parsing \"9223372036854775808\": value out of range".into())
        );
        assert_eq!(parse_int("-9223372036854775808", 0, 64), Ok(i64::MIN));
        assert_eq!(
            parse_uint("70000", 0, 16),
            Err("strconv.ParseUint: parsing \"70000\": value out of range".into())
        );
        assert_eq!(
            parse_uint("-1", 0, 64),
            Err("strconv.ParseUint: parsing \"-1\": invalid syntax".into())
        );
        assert_eq!(
            parse_int("08", 0, 64),
            Err("strconv.ParseInt: parsing \"08\": invalid syntax".into())
        );
    }

    #[test]
    fn sizes_match_go_units() {
        assert_eq!(ram_in_bytes("512m"), Ok(512 * 1024 * 1024));
        assert_eq!(ram_in_bytes("1.5GiB"), Ok(1536 * 1024 * 1024));
        assert_eq!(ram_in_bytes("100"), Ok(100));
        assert_eq!(ram_in_bytes("10 kb"), Ok(10240));
        assert_eq!(ram_in_bytes("abc"), Err("invalid size: 'abc'".into()));
        assert_eq!(ram_in_bytes("10x"), Err("invalid suffix: 'x'".into()));
        assert_eq!(ram_in_bytes("10KBB"), Err("invalid suffix: 'kbb'".into()));
        assert_eq!(ram_in_bytes("-1"), Err("invalid size: '-1'".into()));
        assert_eq!(
            ram_in_bytes("1.2.3m"),
            Err("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax".into())
        );
    }

    #[test]
    fn durations_match_go() {
        assert_eq!(parse_duration("1m30s"), Ok(90_000_000_000));
        assert_eq!(parse_duration("1.5h"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("0"), Ok(0));
        assert_eq!(parse_duration("-2ms"), Ok(-2_000_000));
        assert_eq!(parse_duration("5"), Err("time: missing unit in duration \"5\"".into()));
        assert_eq!(
            parse_duration("5x"),
            Err("time: unknown unit \"x\" in duration \"5x\"".into())
        );
        assert_eq!(parse_duration("abc"), Err("time: invalid duration \"abc\"".into()));
        assert_eq!(parse_duration(""), Err("time: invalid duration \"\"".into()));
    }

    #[test]
    fn cpus_match_docker() {
        assert_eq!(parse_nano_cpus("1.5"), Ok(1_500_000_000));
        assert_eq!(parse_nano_cpus("3/2"), Ok(1_500_000_000));
        assert_eq!(parse_nano_cpus("2e-1"), Ok(200_000_000));
        assert_eq!(parse_nano_cpus("0.0000000001"), Err("value is too precise".into()));
        assert_eq!(parse_nano_cpus("abc"), Err("failed to parse abc as a rational number".into()));
    }

    #[test]
    fn csv_matches_go() {
        assert_eq!(csv_record("a,b,c"), Ok(vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(csv_record("\"a,b\",c"), Ok(vec!["a,b".into(), "c".into()]));
        assert_eq!(csv_record("a,"), Ok(vec!["a".into(), String::new()]));
        assert_eq!(csv_record(""), Err("EOF".into()));
        assert_eq!(
            csv_record("a\"b"),
            Err("parse error on line 1, column 2: bare \" in non-quoted-field".into())
        );
    }
}
