//! Human-readable durations and sizes, as `github.com/docker/go-units` v0.5.0 (vendored by Docker CLI
//! 28) prints and parses them.

use super::go_float::format_float;
use super::go_quote::go_quote;

const NANOS_PER_SECOND: i64 = 1_000_000_000;
const NANOS_PER_MINUTE: i64 = 60 * NANOS_PER_SECOND;
const NANOS_PER_HOUR: i64 = 60 * NANOS_PER_MINUTE;

/// Go's `time.Duration.Seconds()`, bit for bit.
fn seconds(d: i64) -> f64 {
    (d / NANOS_PER_SECOND) as f64 + (d % NANOS_PER_SECOND) as f64 / 1e9
}

/// Go's `time.Duration.Minutes()`.
fn minutes(d: i64) -> f64 {
    (d / NANOS_PER_MINUTE) as f64 + (d % NANOS_PER_MINUTE) as f64 / (60.0 * 1e9)
}

/// Go's `time.Duration.Hours()`.
fn hours(d: i64) -> f64 {
    (d / NANOS_PER_HOUR) as f64 + (d % NANOS_PER_HOUR) as f64 / (60.0 * 60.0 * 1e9)
}

/// go-units `HumanDuration`: `Less than a second`, `1 second`, `5 seconds`, `About a minute`,
/// `12 minutes`, `About an hour` (60–89 minutes, because hours are rounded with `+0.5`), `3 hours`,
/// `2 days`, `3 weeks`, `4 months`, `2 years`. Negative durations are "Less than a second".
pub fn human_duration(nanos: i64) -> String {
    let secs = seconds(nanos) as i64;
    if secs < 1 {
        return "Less than a second".to_string();
    }
    if secs == 1 {
        return "1 second".to_string();
    }
    if secs < 60 {
        return format!("{secs} seconds");
    }
    let mins = minutes(nanos) as i64;
    if mins == 1 {
        return "About a minute".to_string();
    }
    if mins < 60 {
        return format!("{mins} minutes");
    }
    let hrs = (hours(nanos) + 0.5) as i64;
    if hrs == 1 {
        return "About an hour".to_string();
    }
    if hrs < 48 {
        return format!("{hrs} hours");
    }
    if hrs < 24 * 7 * 2 {
        return format!("{} days", hrs / 24);
    }
    if hrs < 24 * 30 * 2 {
        return format!("{} weeks", hrs / 24 / 7);
    }
    if hrs < 24 * 365 * 2 {
        return format!("{} months", hrs / 24 / 30);
    }
    format!("{} years", (hours(nanos) as i64) / 24 / 365)
}

const DECIMAL_ABBRS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const BINARY_ABBRS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

fn size_and_unit(mut size: f64, base: f64, units: &[&'static str; 9]) -> (f64, &'static str) {
    let mut i = 0;
    while size >= base && i < units.len() - 1 {
        size /= base;
        i += 1;
    }
    (size, units.get(i).copied().unwrap_or("B"))
}

/// Go's `fmt.Sprintf("%.*g", precision, x)`: a negative precision means "shortest".
fn sprintf_g(x: f64, precision: i32) -> String {
    format_float(x, 'g', precision.min(1_000_000))
}

/// go-units `HumanSizeWithPrecision`: decimal units (`B kB MB GB TB PB EB ZB YB`, base 1000) printed
/// with Go's `%.*g`, quirks included: `999_999.0` at precision 3 is `1e+03kB`.
pub fn human_size_precision(bytes: f64, precision: i32) -> String {
    let (size, unit) = size_and_unit(bytes, 1000.0, &DECIMAL_ABBRS);
    format!("{}{unit}", sprintf_g(size, precision))
}

/// go-units `HumanSize`: [`human_size_precision`] with precision 4.
pub fn human_size(bytes: f64) -> String {
    human_size_precision(bytes, 4)
}

/// go-units `BytesSize`: binary units (`B KiB MiB GiB …`, base 1024) with `%.4g`, as `docker stats`
/// prints memory (`1.5GiB`, `512MiB`, `0B`).
pub fn bytes_size(bytes: f64) -> String {
    let (size, unit) = size_and_unit(bytes, 1024.0, &BINARY_ABBRS);
    format!("{}{unit}", sprintf_g(size, 4))
}

/// Why a size string was rejected, with go-units' own wording as its `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    /// `invalid size: '<input>'` (no digit at all, or a negative number).
    InvalidSize(String),
    /// `invalid suffix: '<suffix>'` (lower-cased unless it was longer than 3 bytes).
    InvalidSuffix(String),
    /// `strconv.ParseFloat: parsing "<number>": invalid syntax`.
    Syntax(String),
    /// `strconv.ParseFloat: parsing "<number>": value out of range`.
    Range(String),
}

impl std::fmt::Display for SizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SizeError::InvalidSize(s) => write!(f, "invalid size: '{s}'"),
            SizeError::InvalidSuffix(s) => write!(f, "invalid suffix: '{s}'"),
            SizeError::Syntax(n) => {
                write!(f, "strconv.ParseFloat: parsing {}: invalid syntax", go_quote(n))
            }
            SizeError::Range(n) => {
                write!(f, "strconv.ParseFloat: parsing {}: value out of range", go_quote(n))
            }
        }
    }
}

impl std::error::Error for SizeError {}

/// Whether `s` is a decimal float in Go's syntax (sign, digits with `_` separators, `.`, exponent),
/// or `inf`/`infinity`/`nan`.
fn go_decimal_float_syntax(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" || lower == "nan" {
        return true;
    }
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut digits = 0;
    let mut prev_underscore = false;
    let mut prev_digit = false;
    let mut seen_dot = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                prev_digit = true;
                prev_underscore = false;
            }
            b'_' => {
                if !prev_digit {
                    return false;
                }
                prev_underscore = true;
                prev_digit = false;
            }
            b'.' if !seen_dot => {
                if prev_underscore {
                    return false;
                }
                seen_dot = true;
                prev_digit = false;
            }
            b'e' | b'E' => break,
            _ => return false,
        }
        i += 1;
    }
    if digits == 0 || prev_underscore {
        return false;
    }
    if i < bytes.len() {
        let exp = bytes.get(i + 1..).unwrap_or_default();
        let exp = exp.strip_prefix(b"+").or_else(|| exp.strip_prefix(b"-")).unwrap_or(exp);
        return !exp.is_empty() && exp.iter().all(u8::is_ascii_digit);
    }
    true
}

/// Go's `strconv.ParseFloat(s, 64)` for decimal input (hexadecimal floats are rejected as syntax
/// errors, which only differs from Go for inputs like `0x1p4`).
fn parse_go_float(s: &str) -> Result<f64, SizeError> {
    if !go_decimal_float_syntax(s) {
        return Err(SizeError::Syntax(s.to_string()));
    }
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    let value: f64 = cleaned.parse().map_err(|_| SizeError::Syntax(s.to_string()))?;
    let lower = cleaned.to_ascii_lowercase();
    if value.is_infinite() && !lower.contains("inf") {
        return Err(SizeError::Range(s.to_string()));
    }
    Ok(value)
}

/// Go's `int64(f)` on amd64: out-of-range values and NaN become `i64::MIN`.
fn go_f64_to_i64(f: f64) -> i64 {
    if f.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

fn parse_size(input: &str, binary: bool) -> Result<i64, SizeError> {
    let sep = input.rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let Some(sep) = sep else {
        return Err(SizeError::InvalidSize(input.to_string()));
    };
    let (num, suffix) = if input.as_bytes().get(sep) == Some(&b' ') {
        (input.get(..sep).unwrap_or(""), input.get(sep + 1..).unwrap_or(""))
    } else {
        (input.get(..=sep).unwrap_or(""), input.get(sep + 1..).unwrap_or(""))
    };
    let mut size = parse_go_float(num)?;
    if size < 0.0 {
        return Err(SizeError::InvalidSize(input.to_string()));
    }
    if suffix.is_empty() {
        return Ok(go_f64_to_i64(size));
    }
    if suffix.len() > 3 {
        return Err(SizeError::InvalidSuffix(suffix.to_string()));
    }
    let lower = suffix.to_lowercase();
    let bad = || SizeError::InvalidSuffix(lower.clone());
    let bytes = lower.as_bytes();
    let first = bytes.first().copied().unwrap_or(0);
    if first == b'b' {
        if bytes.len() > 1 {
            return Err(bad());
        }
        return Ok(go_f64_to_i64(size));
    }
    let base: f64 = if binary { 1024.0 } else { 1000.0 };
    let power = match first {
        b'k' => 1,
        b'm' => 2,
        b'g' => 3,
        b't' => 4,
        b'p' => 5,
        _ => return Err(bad()),
    };
    size *= base.powi(power);
    match bytes.len() {
        2 if bytes.get(1) != Some(&b'b') => return Err(bad()),
        3 if bytes.get(1..) != Some(b"ib".as_slice()) => return Err(bad()),
        _ => {}
    }
    Ok(go_f64_to_i64(size))
}

/// go-units `RAMInBytes`, used for `--memory 512m`, `--shm-size` and friends: a number, an optional
/// space, and an optional case-insensitive suffix `b`, `k`, `m`, `g`, `t`, `p` (binary multiples),
/// optionally followed by `b` or `ib` (`512m`, `1.5GiB`, `100 MB`, `2048`).
pub fn ram_in_bytes(input: &str) -> Result<i64, SizeError> {
    parse_size(input, true)
}

/// go-units `FromHumanSize`: like [`ram_in_bytes`] with decimal multiples (`1kB` = 1000).
pub fn from_human_size(input: &str) -> Result<i64, SizeError> {
    parse_size(input, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i64 = NANOS_PER_SECOND;
    const M: i64 = NANOS_PER_MINUTE;
    const H: i64 = NANOS_PER_HOUR;

    #[test]
    fn durations_follow_go_units() {
        let cases: &[(i64, &str)] = &[
            (-5 * S, "Less than a second"),
            (0, "Less than a second"),
            (999_999_999, "Less than a second"),
            (S, "1 second"),
            (2 * S, "2 seconds"),
            (59 * S + 999_999_999, "59 seconds"),
            (60 * S, "About a minute"),
            (119 * S, "About a minute"),
            (2 * M, "2 minutes"),
            (59 * M + 59 * S, "59 minutes"),
            (60 * M, "About an hour"),
            (89 * M + 59 * S, "About an hour"),
            (90 * M, "2 hours"),
            (47 * H, "47 hours"),
            (47 * H + 30 * M, "2 days"),
            (48 * H, "2 days"),
            (13 * 24 * H, "13 days"),
            (14 * 24 * H, "2 weeks"),
            (59 * 24 * H, "8 weeks"),
            (60 * 24 * H, "2 months"),
            (729 * 24 * H, "24 months"),
            (730 * 24 * H, "2 years"),
            (3 * 365 * 24 * H, "3 years"),
            (i64::MAX, "292 years"),
        ];
        for (d, want) in cases {
            assert_eq!(human_duration(*d), *want, "duration {d}");
        }
    }

    #[test]
    fn sizes_precision_three() {
        assert_eq!(human_size_precision(77_800_000.0, 3), "77.8MB");
        assert_eq!(human_size_precision(191_700_000.0, 3), "192MB");
        assert_eq!(human_size_precision(7_800_000.0, 3), "7.8MB");
        assert_eq!(human_size_precision(0.0, 3), "0B");
        assert_eq!(human_size_precision(1234.0, 3), "1.23kB");
        assert_eq!(human_size_precision(2.0, 3), "2B");
        assert_eq!(human_size_precision(999.0, 3), "999B");
        assert_eq!(human_size_precision(999_999.0, 3), "1e+03kB");
        assert_eq!(human_size_precision(999_500.0, 3), "1e+03kB");
        assert_eq!(human_size_precision(1000.0, 3), "1kB");
        assert_eq!(human_size_precision(12_300.0, 3), "12.3kB");
        assert_eq!(human_size_precision(21_500_000.0, 3), "21.5MB");
        assert_eq!(human_size_precision(-5.0, 3), "-5B");
        assert_eq!(human_size_precision(1e30, 3), "1e+06YB");
    }

    #[test]
    fn sizes_precision_four() {
        assert_eq!(human_size(2_746_000.0), "2.746MB");
        assert_eq!(human_size(796_000.0), "796kB");
        assert_eq!(human_size(1_000_000_000.0), "1GB");
        assert_eq!(human_size(9_999_900.0), "10MB");
        assert_eq!(human_size(999_950.0), "1000kB");
        assert_eq!(human_size(999_999.0), "1000kB");
    }

    #[test]
    fn binary_sizes() {
        assert_eq!(bytes_size(0.0), "0B");
        assert_eq!(bytes_size(1024.0), "1KiB");
        assert_eq!(bytes_size(1536.0), "1.5KiB");
        assert_eq!(bytes_size(536_870_912.0), "512MiB");
        assert_eq!(bytes_size(1_610_612_736.0), "1.5GiB");
        assert_eq!(bytes_size(7_896_000.0), "7.53MiB");
        assert_eq!(bytes_size(1023.0), "1023B");
        assert_eq!(bytes_size(1_048_063.0), "1023KiB");
        assert_eq!(bytes_size(1_048_575.0), "1024KiB");
    }

    #[test]
    fn ram_in_bytes_accepts_docker_forms() {
        assert_eq!(ram_in_bytes("512m"), Ok(536_870_912));
        assert_eq!(ram_in_bytes("512M"), Ok(536_870_912));
        assert_eq!(ram_in_bytes("1g"), Ok(1_073_741_824));
        assert_eq!(ram_in_bytes("1.5GiB"), Ok(1_610_612_736));
        assert_eq!(ram_in_bytes("100 MB"), Ok(104_857_600));
        assert_eq!(ram_in_bytes("2048"), Ok(2048));
        assert_eq!(ram_in_bytes("32kb"), Ok(32_768));
        assert_eq!(ram_in_bytes("32b"), Ok(32));
        assert_eq!(ram_in_bytes("0.5k"), Ok(512));
        assert_eq!(ram_in_bytes("1p"), Ok(1_125_899_906_842_624));
        assert_eq!(ram_in_bytes("1_000"), Ok(1000));
        assert_eq!(from_human_size("1kB"), Ok(1000));
        assert_eq!(from_human_size("1.5MB"), Ok(1_500_000));
    }

    #[test]
    fn ram_in_bytes_errors_are_go_units_wording() {
        let err = |s: &str| ram_in_bytes(s).map_err(|e| e.to_string());
        assert_eq!(err("abc"), Err("invalid size: 'abc'".to_string()));
        assert_eq!(err(""), Err("invalid size: ''".to_string()));
        assert_eq!(err("-1"), Err("invalid size: '-1'".to_string()));
        assert_eq!(err("12x"), Err("invalid suffix: 'x'".to_string()));
        assert_eq!(err("12XB"), Err("invalid suffix: 'xb'".to_string()));
        assert_eq!(err("12mbb"), Err("invalid suffix: 'mbb'".to_string()));
        assert_eq!(err("12MBYTE"), Err("invalid suffix: 'MBYTE'".to_string()));
        assert_eq!(err("12bb"), Err("invalid suffix: 'bb'".to_string()));
        assert_eq!(err("12mi"), Err("invalid suffix: 'mi'".to_string()));
        assert_eq!(
            err("1.2.3m"),
            Err("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax".to_string())
        );
        assert_eq!(
            err("m5"),
            Err("strconv.ParseFloat: parsing \"m5\": invalid syntax".to_string())
        );
        assert_eq!(
            err("1e400"),
            Err("strconv.ParseFloat: parsing \"1e400\": value out of range".to_string())
        );
    }
}
