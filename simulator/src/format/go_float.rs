//! Go's float formatting (`strconv.FormatFloat` with `'e'`, `'f'`, `'g'`), which `fmt`'s `%e %f %g
//! %v`, go-units' sizes and `encoding/json` build on.
//!
//! Digits come from Rust's own exact formatter (`{:e}` gives the shortest round-trip digits, `{:.*e}`
//! correctly rounded significant digits, round-half-even on exact ties), exactly the digits Go's
//! Ryū/`decimal` code produces; the layout rules (when `%g` switches to an exponent, trailing zero
//! removal, two-digit exponents) are Go's.

/// A decimal number `0.d1d2d3… × 10^dp`, with trailing zeros removed (Go's `decimalSlice`).
struct Decimal {
    digits: Vec<u8>,
    dp: i32,
    neg: bool,
}

impl Decimal {
    fn from_sci(neg: bool, sci: &str) -> Decimal {
        // `sci` looks like "1.2345e-7", "5e0" or "0e0".
        let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Decimal { digits, dp: 0, neg };
        }
        Decimal { digits, dp: exp + 1, neg }
    }

    /// Shortest digits that round-trip.
    fn shortest(x: f64) -> Decimal {
        Decimal::from_sci(x.is_sign_negative(), &format!("{:e}", x.abs()))
    }

    /// `n` (≥ 1) significant digits, correctly rounded.
    fn significant(x: f64, n: usize) -> Decimal {
        let n = n.clamp(1, 800);
        Decimal::from_sci(x.is_sign_negative(), &format!("{:.*e}", n - 1, x.abs()))
    }

    fn nd(&self) -> i32 {
        self.digits.len() as i32
    }

    fn digit(&self, i: i32) -> char {
        if i < 0 {
            return '0';
        }
        self.digits.get(i as usize).map_or('0', |&b| char::from(b))
    }
}

fn fmt_e(d: &Decimal, prec: i32, upper: bool) -> String {
    let mut out = String::new();
    if d.neg {
        out.push('-');
    }
    out.push(d.digit(0));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(d.digit(i));
        }
    }
    out.push(if upper { 'E' } else { 'e' });
    let exp = if d.digits.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
    out
}

fn fmt_f(d: &Decimal, prec: i32) -> String {
    let mut out = String::new();
    if d.neg {
        out.push('-');
    }
    if d.dp > 0 {
        for i in 0..d.dp {
            out.push(d.digit(i));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(d.digit(d.dp + i - 1));
        }
    }
    out
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".to_string())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "+Inf" } else { "-Inf" }.to_string())
    } else {
        None
    }
}

/// Go's `strconv.FormatFloat(x, fmt, prec, 64)` for `fmt` in `e E f F g G`; `prec < 0` means the
/// shortest representation that round-trips.
pub fn format_float(x: f64, fmt: char, prec: i32) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let upper = fmt.is_ascii_uppercase();
    match fmt.to_ascii_lowercase() {
        'e' => {
            if prec < 0 {
                let d = Decimal::shortest(x);
                fmt_e(&d, (d.nd() - 1).max(0), upper)
            } else {
                let d = Decimal::significant(x, prec as usize + 1);
                fmt_e(&d, prec, upper)
            }
        }
        'f' => {
            if prec < 0 {
                let d = Decimal::shortest(x);
                fmt_f(&d, (d.nd() - d.dp).max(0))
            } else {
                let prec = prec.min(1000) as usize;
                let body = format!("{:.*}", prec, x.abs());
                if x.is_sign_negative() {
                    format!("-{body}")
                } else {
                    body
                }
            }
        }
        _ => {
            let shortest = prec < 0;
            let (d, mut prec) = if shortest {
                let d = Decimal::shortest(x);
                let nd = d.nd();
                (d, nd)
            } else {
                let p = prec.max(1);
                (Decimal::significant(x, p as usize), p)
            };
            let mut eprec = prec;
            if eprec > d.nd() && d.nd() >= d.dp {
                eprec = d.nd();
            }
            if shortest {
                eprec = 6;
            }
            let exp = d.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > d.nd() {
                    prec = d.nd();
                }
                return fmt_e(&d, (prec - 1).max(0), upper);
            }
            if prec > d.dp {
                prec = d.nd();
            }
            fmt_f(&d, (prec - d.dp).max(0))
        }
    }
}

/// How `encoding/json` writes a float64: shortest digits, positional unless the magnitude is below
/// 1e-6 or at least 1e21, and exponents without a leading zero (`1e-7`, `1e+21`).
pub fn json_float(x: f64) -> String {
    let abs = x.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let mut s = format_float(x, 'e', -1);
        let n = s.len();
        let bytes = s.as_bytes();
        if n >= 4
            && bytes.get(n - 4) == Some(&b'e')
            && bytes.get(n - 3) == Some(&b'-')
            && bytes.get(n - 2) == Some(&b'0')
        {
            s.remove(n - 2);
        }
        return s;
    }
    format_float(x, 'f', -1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g_with_precision() {
        assert_eq!(format_float(77.8, 'g', 3), "77.8");
        assert_eq!(format_float(191.7, 'g', 3), "192");
        assert_eq!(format_float(999.999, 'g', 3), "1e+03");
        assert_eq!(format_float(0.0, 'g', 3), "0");
        assert_eq!(format_float(1.234, 'g', 3), "1.23");
        assert_eq!(format_float(100.0, 'g', 3), "100");
        assert_eq!(format_float(1.5, 'g', 3), "1.5");
        assert_eq!(format_float(0.000012345, 'g', 3), "1.23e-05");
        assert_eq!(format_float(0.00012345, 'g', 3), "0.000123");
        assert_eq!(format_float(2.5, 'g', 1), "2");
        assert_eq!(format_float(3.5, 'g', 1), "4");
        assert_eq!(format_float(123456.0, 'g', 0), "1e+05");
        assert_eq!(format_float(-1.25, 'g', 2), "-1.2");
    }

    #[test]
    fn g_shortest_is_fmt_v() {
        assert_eq!(format_float(1234567.0, 'g', -1), "1.234567e+06");
        assert_eq!(format_float(123456.0, 'g', -1), "123456");
        assert_eq!(format_float(1e21, 'g', -1), "1e+21");
        assert_eq!(format_float(100.0, 'g', -1), "100");
        assert_eq!(format_float(0.1, 'g', -1), "0.1");
        assert_eq!(format_float(0.00001, 'g', -1), "1e-05");
        assert_eq!(format_float(-0.0, 'g', -1), "-0");
        assert_eq!(format_float(f64::INFINITY, 'g', -1), "+Inf");
        assert_eq!(format_float(f64::NAN, 'g', -1), "NaN");
    }

    #[test]
    fn e_and_f() {
        assert_eq!(format_float(1234.5678, 'e', 6), "1.234568e+03");
        assert_eq!(format_float(1234.5678, 'E', 2), "1.23E+03");
        assert_eq!(format_float(0.0, 'e', 2), "0.00e+00");
        assert_eq!(format_float(1e100, 'e', -1), "1e+100");
        assert_eq!(format_float(3.14259, 'f', 2), "3.14");
        assert_eq!(format_float(-3.14259, 'f', 0), "-3");
        assert_eq!(format_float(2.5, 'f', 0), "2");
        assert_eq!(format_float(1e21, 'f', -1), "1000000000000000000000");
        assert_eq!(format_float(0.000001, 'f', -1), "0.000001");
    }

    #[test]
    fn json_floats() {
        assert_eq!(json_float(1.0), "1");
        assert_eq!(json_float(1.5), "1.5");
        assert_eq!(json_float(1e21), "1e+21");
        assert_eq!(json_float(1e20), "100000000000000000000");
        assert_eq!(json_float(0.0000001), "1e-7");
        assert_eq!(json_float(0.000001), "0.000001");
        assert_eq!(json_float(-2.5e-10), "-2.5e-10");
        assert_eq!(json_float(0.0), "0");
    }
}
