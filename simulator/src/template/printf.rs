//! Go's `fmt` for template values: `%v` printing (what `{{.}}` writes), `print`, `println` and
//! `printf` with flags, width, precision, argument indexes and Go's error forms (`%!d(string=x)`,
//! `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`…).

use serde_json::Value;

use super::value::{concrete_json, V};
use crate::format::go_float::format_float;
use crate::format::go_quote::{can_backquote, go_quote, go_quote_ascii, go_quote_rune};
use crate::format::width::is_print;

/// Printing state of one verb (Go's `fmt.fmt` flags).
#[derive(Default, Clone, Copy)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

struct Printer<'o> {
    out: &'o mut String,
    f: Flags,
}

/// A value as an `interface{}` argument of a `fmt` function: `None` is a nil interface.
fn arg_of<'a>(v: &V<'a>) -> Option<V<'a>> {
    match v {
        V::Invalid => None,
        V::Iface(Value::Null) => None,
        V::Iface(j) => Some(concrete_json(j)),
        other => Some(other.clone()),
    }
}

impl Printer<'_> {
    fn write_padding(&mut self, n: usize) {
        let pad = if self.f.zero && !self.f.minus { '0' } else { ' ' };
        for _ in 0..n {
            self.out.push(pad);
        }
    }

    fn pad(&mut self, s: &str) {
        let Some(wid) = self.f.wid.filter(|&w| w > 0) else {
            self.out.push_str(s);
            return;
        };
        let width = wid.saturating_sub(s.chars().count());
        if self.f.minus {
            self.out.push_str(s);
            self.write_padding(width);
        } else {
            self.write_padding(width);
            self.out.push_str(s);
        }
    }

    fn bad_verb(&mut self, verb: char, arg: Option<&V>) {
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push('(');
        match arg {
            Some(v) => {
                self.out.push_str(&v.dynamic_type_name());
                self.out.push('=');
                self.print_arg(Some(v), 'v');
            }
            None => self.out.push_str("<nil>"),
        }
        self.out.push(')');
    }

    fn fmt_integer(&mut self, u: u64, negative: bool, base: u32, verb: char, upper: bool) {
        let f = self.f;
        let mut prec = 0usize;
        if let Some(p) = f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                self.write_padding(f.wid.unwrap_or(0));
                self.f.zero = old;
                return;
            }
        } else if f.zero && !f.minus && f.wid.is_some() {
            prec = f.wid.unwrap_or(0);
            if negative || f.plus || f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut digits = match base {
            2 => format!("{u:b}"),
            8 => format!("{u:o}"),
            16 if upper => format!("{u:X}"),
            16 => format!("{u:x}"),
            _ => u.to_string(),
        };
        if digits.len() < prec {
            digits = format!("{}{}", "0".repeat(prec - digits.len()), digits);
        }
        let mut prefix = String::new();
        if f.sharp {
            match base {
                2 => prefix.push_str("0b"),
                8 if !digits.starts_with('0') => prefix.push('0'),
                16 => prefix.push_str(if upper { "0X" } else { "0x" }),
                _ => {}
            }
        }
        if verb == 'O' {
            prefix.insert_str(0, "0o");
        }
        let sign = if negative {
            "-"
        } else if f.plus {
            "+"
        } else if f.space {
            " "
        } else {
            ""
        };
        let text = format!("{sign}{prefix}{digits}");
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&text);
        self.f.zero = old;
    }

    fn fmt_int_verb(&mut self, v: &V, u: u64, negative: bool, verb: char) {
        match verb {
            'v' | 'd' => self.fmt_integer(u, negative, 10, verb, false),
            'b' => self.fmt_integer(u, negative, 2, verb, false),
            'o' | 'O' => self.fmt_integer(u, negative, 8, verb, false),
            'x' => self.fmt_integer(u, negative, 16, verb, false),
            'X' => self.fmt_integer(u, negative, 16, verb, true),
            'c' | 'q' | 'U' => {
                let code = if negative { u64::MAX } else { u };
                let c = u32::try_from(code).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                let text = match verb {
                    'c' => c.to_string(),
                    'q' => {
                        if self.f.plus && !c.is_ascii() {
                            let q = go_quote_ascii(&c.to_string());
                            format!("'{}'", q.get(1..q.len() - 1).unwrap_or(""))
                        } else {
                            go_quote_rune(c)
                        }
                    }
                    _ => {
                        let mut s = format!("U+{:04X}", if negative { u64::MAX } else { u });
                        if self.f.sharp && is_print(c) && u <= 0x10FFFF {
                            s.push_str(&format!(" '{c}'"));
                        }
                        s
                    }
                };
                let old = self.f.zero;
                self.f.zero = false;
                self.pad(&text);
                self.f.zero = old;
            }
            _ => self.bad_verb(verb, Some(v)),
        }
    }

    fn fmt_float(&mut self, x: f64, verb: char) {
        let (fmt_verb, default_prec) = match verb {
            'v' => ('g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb, -1),
            'f' | 'e' | 'E' | 'F' => (verb, 6),
            _ => {
                self.bad_verb(verb, Some(&V::Float(x)));
                return;
            }
        };
        let prec = self.f.prec.map_or(default_prec, |p| p.min(1_000_000) as i32);
        let body = match fmt_verb {
            'b' => binary_float(x),
            'x' | 'X' => hex_float(x, prec, fmt_verb == 'X'),
            'F' => format_float(x, 'f', prec),
            _ => format_float(x, fmt_verb, prec),
        };
        let mut num = if body.starts_with('-') || body.starts_with('+') { body } else { format!("+{body}") };
        if self.f.space && num.starts_with('+') && !self.f.plus {
            num.replace_range(..1, " ");
        }
        let second = num.chars().nth(1);
        if second == Some('I') || second == Some('N') {
            let old = self.f.zero;
            self.f.zero = false;
            if second == Some('N') && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.plus || !num.starts_with('+') {
            let len = num.chars().count();
            if self.f.zero && !self.f.minus && self.f.wid.is_some_and(|w| w > len) {
                let sign = num.remove(0);
                self.out.push(sign);
                self.write_padding(self.f.wid.unwrap_or(0) - len);
                self.out.push_str(&num);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(num.get(1..).unwrap_or(""));
    }

    fn fmt_string(&mut self, s: &str, verb: char, v: &V) {
        let truncated: String = match self.f.prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        };
        match verb {
            'v' if self.f.sharp_v => self.fmt_q(&truncated),
            'v' | 's' => self.pad(&truncated),
            'q' => self.fmt_q(&truncated),
            'x' | 'X' => {
                let bytes = match self.f.prec {
                    Some(p) => s.as_bytes().get(..p.min(s.len())).unwrap_or_default(),
                    None => s.as_bytes(),
                };
                let mut text = String::new();
                for (i, b) in bytes.iter().enumerate() {
                    if self.f.space && i > 0 {
                        text.push(' ');
                    }
                    if self.f.sharp && (self.f.space || i == 0) {
                        text.push_str(if verb == 'X' { "0X" } else { "0x" });
                    }
                    if verb == 'X' {
                        text.push_str(&format!("{b:02X}"));
                    } else {
                        text.push_str(&format!("{b:02x}"));
                    }
                }
                self.pad(&text);
            }
            _ => self.bad_verb(verb, Some(v)),
        }
    }

    fn fmt_q(&mut self, s: &str) {
        let q = if self.f.sharp && can_backquote(s) {
            format!("`{s}`")
        } else if self.f.plus {
            go_quote_ascii(s)
        } else {
            go_quote(s)
        };
        self.pad(&q);
    }

    /// Go's `pp.printArg` (and `printValue` for elements of slices and maps).
    fn print_arg(&mut self, arg: Option<&V>, verb: char) {
        let Some(arg) = arg else {
            match verb {
                'T' | 'v' => self.pad("<nil>"),
                _ => self.bad_verb(verb, None),
            }
            return;
        };
        if verb == 'T' {
            let t = arg.dynamic_type_name();
            self.fmt_string(&t, 's', arg);
            return;
        }
        if verb == 'p' {
            self.bad_verb(verb, Some(arg));
            return;
        }
        match arg {
            V::Invalid | V::Iface(Value::Null) => self.print_arg(None, verb),
            V::Iface(j) => {
                let c = concrete_json(j);
                self.print_arg(Some(&c), verb);
            }
            V::Bool(b) => match verb {
                't' | 'v' => self.pad(if *b { "true" } else { "false" }),
                _ => self.bad_verb(verb, Some(arg)),
            },
            V::Int(i, _) => self.fmt_int_verb(arg, i.unsigned_abs(), *i < 0, verb),
            V::Uint(u, _) => self.fmt_int_verb(arg, *u, false, verb),
            V::Float(x) => self.fmt_float(*x, verb),
            V::Str(s) => self.fmt_string(s, verb, arg),
            V::Arr(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    self.print_element(item, verb);
                }
                self.out.push(']');
            }
            V::Strs(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    let v = V::Str(item.as_str().into());
                    self.fmt_string(item, verb, &v);
                }
                self.out.push(']');
            }
            V::Obj(map) => {
                self.out.push_str("map[");
                let mut keys: Vec<&String> = map.keys().collect();
                crate::sort::sort(&mut keys);
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    let kv = V::Str(k.as_str().into());
                    self.fmt_string(k, verb, &kv);
                    self.out.push(':');
                    if let Some(item) = map.get(k.as_str()) {
                        self.print_element(item, verb);
                    }
                }
                self.out.push(']');
            }
        }
    }

    /// An element of a `[]interface{}` or `map[string]interface{}`: a nil element prints `<nil>`
    /// whatever the verb.
    fn print_element(&mut self, item: &Value, verb: char) {
        if item.is_null() {
            self.pad("<nil>");
            return;
        }
        let v = concrete_json(item);
        self.print_arg(Some(&v), verb);
    }
}

/// `%b` of a float: decimal mantissa and binary exponent (`4503599627370496p-52`).
fn binary_float(x: f64) -> String {
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let mut mant = bits & ((1 << 52) - 1);
    let e = if exp == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        exp - 1075
    };
    format!("{}{}p{}{}", if neg { "-" } else { "" }, mant, if e >= 0 { "+" } else { "" }, e)
}

/// `%x` of a float: `0x1.8p+01`, with `prec` hex digits after the point (`-1`: as few as needed).
fn hex_float(x: f64, prec: i32, upper: bool) -> String {
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let exp_bits = ((bits >> 52) & 0x7FF) as i64;
    let mut mant = bits & ((1 << 52) - 1);
    let mut exp;
    if exp_bits == 0 && mant == 0 {
        exp = 0;
    } else if exp_bits == 0 {
        exp = -1022;
        while mant & (1 << 52) == 0 {
            mant <<= 1;
            exp -= 1;
        }
        mant &= (1 << 52) - 1;
    } else {
        exp = exp_bits - 1023;
    }
    let lead = if exp_bits == 0 && mant == 0 { 0 } else { 1u64 };
    // 52 fraction bits = 13 hex digits.
    let mut frac = mant;
    let mut lead_digit = lead;
    let mut ndigits = 13i32;
    if (0..13).contains(&prec) {
        let shift = (13 - prec) * 4;
        let full = (lead << 52) | frac;
        let half = 1u64 << (shift - 1);
        let mask = (1u64 << shift) - 1;
        let rem = full & mask;
        let mut kept = full >> shift;
        if rem > half || (rem == half && kept & 1 == 1) {
            kept += 1;
        }
        let frac_bits = (prec * 4) as u32;
        lead_digit = kept >> frac_bits;
        frac = kept & ((1u64 << frac_bits) - 1);
        if lead_digit > 1 {
            lead_digit >>= 1;
            frac >>= 1;
            exp += 1;
        }
        ndigits = prec;
    }
    let mut digits = if ndigits > 0 { format!("{:0width$x}", frac, width = ndigits as usize) } else { String::new() };
    if prec < 0 {
        while digits.ends_with('0') {
            digits.pop();
        }
    } else {
        while (digits.len() as i32) < prec {
            digits.push('0');
        }
    }
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    s.push_str("0x");
    s.push_str(&lead_digit.to_string());
    if !digits.is_empty() {
        s.push('.');
        s.push_str(&digits);
    }
    s.push('p');
    s.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        s.push('0');
    }
    s.push_str(&e.to_string());
    if upper {
        s = s.to_uppercase();
    }
    s
}

/// `fmt.Fprint(w, v)` of one value: what `{{.}}` writes for a valid value.
pub(crate) fn fmt_v(out: &mut String, v: &V) {
    let mut p = Printer { out, f: Flags::default() };
    let arg = arg_of(v);
    p.print_arg(arg.as_ref(), 'v');
}

fn is_string_arg(v: &V) -> bool {
    matches!(arg_of(v), Some(V::Str(_)))
}

/// `fmt.Sprint`: operands formatted with `%v`, a space between two operands when neither is a
/// string.
pub(crate) fn sprint(args: &[V]) -> String {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = is_string_arg(a);
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        fmt_v(&mut out, a);
        prev_string = is_string;
    }
    out
}

/// `fmt.Sprintln`: operands with `%v`, always separated by spaces, then a newline.
pub(crate) fn sprintln(args: &[V]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        fmt_v(&mut out, a);
    }
    out.push('\n');
    out
}

fn too_large(x: usize) -> bool {
    x > 1_000_000
}

/// Go's `parsenum`: digits at `i`, returning (number, found, new index).
fn parse_num(format: &[u8], mut i: usize) -> (usize, bool, usize) {
    let mut num = 0usize;
    let mut found = false;
    while let Some(&c) = format.get(i) {
        if !c.is_ascii_digit() {
            break;
        }
        if too_large(num) {
            return (0, false, format.len());
        }
        num = num * 10 + usize::from(c - b'0');
        found = true;
        i += 1;
    }
    (num, found, i)
}

/// Go's `intFromArg`: an integer argument for `*` widths and precisions.
fn int_from_arg(args: &[V], arg_num: usize) -> (i64, bool, usize) {
    let Some(a) = args.get(arg_num) else {
        return (0, false, arg_num);
    };
    let (mut num, mut ok) = match arg_of(a) {
        Some(V::Int(i, _)) => (i, true),
        Some(V::Uint(u, _)) => match i64::try_from(u) {
            Ok(i) => (i, true),
            Err(_) => (0, false),
        },
        _ => (0, false),
    };
    if num.unsigned_abs() > 1_000_000 {
        num = 0;
        ok = false;
    }
    (num, ok, arg_num + 1)
}

/// `fmt.Sprintf(format, args...)`.
pub(crate) fn sprintf(format: &str, args: &[V]) -> String {
    let mut out = String::new();
    let bytes = format.as_bytes();
    let end = bytes.len();
    let mut arg_num = 0usize;
    let mut reordered = false;
    let mut i = 0usize;
    'format: while i < end {
        let mut good_arg_num = true;
        let last = i;
        while i < end && bytes.get(i) != Some(&b'%') {
            i += 1;
        }
        if i > last {
            out.push_str(format.get(last..i).unwrap_or(""));
        }
        if i >= end {
            break;
        }
        i += 1;
        let mut f = Flags::default();
        // Flags, and the fast path for a simple lower-case verb.
        while let Some(&c) = bytes.get(i) {
            match c {
                b'#' => f.sharp = true,
                b'0' => f.zero = !f.minus,
                b'+' => f.plus = true,
                b'-' => {
                    f.minus = true;
                    f.zero = false;
                }
                b' ' => f.space = true,
                _ => {
                    if c.is_ascii_lowercase() && arg_num < args.len() {
                        if c == b'v' {
                            f.sharp_v = f.sharp;
                            f.sharp = false;
                            f.plus = false;
                        }
                        let mut p = Printer { out: &mut out, f };
                        let arg = args.get(arg_num).and_then(arg_of);
                        p.print_arg(arg.as_ref(), char::from(c));
                        arg_num += 1;
                        i += 1;
                        continue 'format;
                    }
                    break;
                }
            }
            i += 1;
        }

        // Explicit argument index `[n]`.
        let mut after_index;
        let mut arg_number = |arg_num: usize, i: usize, good: &mut bool| -> (usize, usize, bool) {
            if bytes.get(i) != Some(&b'[') {
                return (arg_num, i, false);
            }
            reordered = true;
            let rest = bytes.get(i..).unwrap_or_default();
            if rest.len() < 3 {
                *good = false;
                return (arg_num, i + 1, false);
            }
            for j in 1..rest.len() {
                if rest.get(j) == Some(&b']') {
                    let (n, ok, newi) = parse_num(rest, 1);
                    if !ok || newi != j {
                        *good = false;
                        return (arg_num, i + j + 1, false);
                    }
                    if n >= 1 && n - 1 < args.len() {
                        return (n - 1, i + j + 1, true);
                    }
                    *good = false;
                    return (arg_num, i + j + 1, true);
                }
            }
            *good = false;
            (arg_num, i + 1, false)
        };
        (arg_num, i, after_index) = arg_number(arg_num, i, &mut good_arg_num);

        // Width.
        if bytes.get(i) == Some(&b'*') {
            i += 1;
            let (w, ok, n) = int_from_arg(args, arg_num);
            arg_num = n;
            if !ok {
                out.push_str("%!(BADWIDTH)");
            } else if w < 0 {
                f.wid = Some(w.unsigned_abs() as usize);
                f.minus = true;
                f.zero = false;
            } else {
                f.wid = Some(w as usize);
            }
            after_index = false;
        } else {
            let (w, ok, ni) = parse_num(bytes, i);
            i = ni;
            if ok {
                f.wid = Some(w);
                if after_index {
                    good_arg_num = false;
                }
            }
        }

        // Precision.
        if i + 1 < end && bytes.get(i) == Some(&b'.') {
            i += 1;
            if after_index {
                good_arg_num = false;
            }
            (arg_num, i, after_index) = arg_number(arg_num, i, &mut good_arg_num);
            if bytes.get(i) == Some(&b'*') {
                i += 1;
                let (p, ok, n) = int_from_arg(args, arg_num);
                arg_num = n;
                if p < 0 || !ok {
                    f.prec = None;
                } else {
                    f.prec = Some(p as usize);
                }
                if !ok {
                    out.push_str("%!(BADPREC)");
                }
                after_index = false;
            } else {
                let (p, ok, ni) = parse_num(bytes, i);
                i = ni;
                f.prec = Some(if ok { p } else { 0 });
            }
        }

        if !after_index {
            (arg_num, i, _) = arg_number(arg_num, i, &mut good_arg_num);
        }

        let Some(verb) = format.get(i..).and_then(|s| s.chars().next()) else {
            out.push_str("%!(NOVERB)");
            break;
        };
        i += verb.len_utf8();

        if verb == '%' {
            out.push('%');
            continue;
        }
        if !good_arg_num {
            out.push_str(&format!("%!{verb}(BADINDEX)"));
            continue;
        }
        if arg_num >= args.len() {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        }
        if verb == 'v' {
            f.sharp_v = f.sharp;
            f.sharp = false;
            f.plus = false;
        }
        let mut p = Printer { out: &mut out, f };
        let arg = args.get(arg_num).and_then(arg_of);
        p.print_arg(arg.as_ref(), verb);
        arg_num += 1;
    }

    if !reordered && arg_num < args.len() {
        out.push_str("%!(EXTRA ");
        for (k, a) in args.iter().skip(arg_num).enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            match arg_of(a) {
                None => out.push_str("<nil>"),
                Some(v) => {
                    out.push_str(&v.dynamic_type_name());
                    out.push('=');
                    let mut p = Printer { out: &mut out, f: Flags::default() };
                    p.print_arg(Some(&v), 'v');
                }
            }
        }
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s(x: &str) -> V<'static> {
        V::Str(x.to_string().into())
    }

    fn int(i: i64) -> V<'static> {
        V::Int(i, "int")
    }

    #[test]
    fn v_printing() {
        let data = json!({"b": [1, "x", null, {"k": true}], "a": 1.5, "c": 1234567.0});
        let mut out = String::new();
        fmt_v(&mut out, &concrete_json(&data));
        assert_eq!(out, "map[a:1.5 b:[1 x <nil> map[k:true]] c:1.234567e+06]");
        let mut out = String::new();
        fmt_v(&mut out, &V::Iface(&Value::Null));
        assert_eq!(out, "<nil>");
    }

    #[test]
    fn sprint_spacing() {
        assert_eq!(sprint(&[int(1), int(2)]), "1 2");
        assert_eq!(sprint(&[s("a"), int(1), s("b")]), "a1b");
        assert_eq!(sprint(&[int(1), s("a")]), "1a");
        assert_eq!(sprintln(&[s("a"), s("b")]), "a b\n");
        assert_eq!(sprint(&[V::Invalid, V::Bool(true)]), "<nil> true");
    }

    #[test]
    fn printf_verbs() {
        assert_eq!(sprintf("%s=%d", &[s("a"), int(5)]), "a=5");
        assert_eq!(sprintf("%5s|%-5s|", &[s("ab"), s("cd")]), "   ab|cd   |");
        assert_eq!(sprintf("%05d %+d %x %X %o %b %#x", &[int(42), int(7), int(255), int(255), int(8), int(5), int(255)]), "00042 +7 ff FF 10 101 0xff");
        assert_eq!(sprintf("%.2f %e %g %v", &[V::Float(3.14259), V::Float(1234.5678), V::Float(0.00001), V::Float(2.0)]), "3.14 1.234568e+03 1e-05 2");
        assert_eq!(sprintf("%q %v %t", &[s("a\"b"), V::Bool(false), V::Bool(true)]), "\"a\\\"b\" false true");
        assert_eq!(sprintf("%c %q %U", &[int(65), int(66), int(0x1F433)]), "A 'B' U+1F433");
        assert_eq!(sprintf("%.3s|%8.3f|%-8.2f|", &[s("abcdef"), V::Float(3.14259), V::Float(2.5)]), "abc|   3.143|2.50    |");
        assert_eq!(sprintf("%x %X % x", &[s("hi"), s("hi"), s("hi")]), "6869 6869 68 69");
        assert_eq!(sprintf("%T %T %T %T", &[s("a"), int(1), V::Float(1.0), V::Invalid]), "string int float64 <nil>");
        assert_eq!(sprintf("100%%", &[]), "100%");
        assert_eq!(sprintf("%*d|%-*d|", &[int(4), int(7), int(3), int(8)]), "   7|8  |");
        assert_eq!(sprintf("%[2]s %[1]s", &[s("a"), s("b")]), "b a");
        assert_eq!(sprintf("%06.2f|%+.1e", &[V::Float(-3.14259), V::Float(12345.0)]), "-03.14|+1.2e+04");
    }

    #[test]
    fn printf_errors() {
        assert_eq!(sprintf("%d", &[s("x")]), "%!d(string=x)");
        assert_eq!(sprintf("%s", &[int(3)]), "%!s(int=3)");
        assert_eq!(sprintf("%s %s", &[s("a")]), "a %!s(MISSING)");
        assert_eq!(sprintf("%s", &[s("a"), int(1), s("b")]), "a%!(EXTRA int=1, string=b)");
        assert_eq!(sprintf("%", &[]), "%!(NOVERB)");
        assert_eq!(sprintf("%d", &[V::Invalid]), "%!d(<nil>)");
        assert_eq!(sprintf("%*d", &[s("x"), int(1)]), "%!(BADWIDTH)1");
        assert_eq!(sprintf("%[3]d", &[int(1)]), "%!d(BADINDEX)");
        assert_eq!(sprintf("%!", &[int(1)]), "%!!(int=1)");
        assert_eq!(sprintf("%z", &[int(1)]), "%!z(int=1)");
    }

    #[test]
    fn containers_with_verbs() {
        let data = json!(["a", 1]);
        let v = concrete_json(&data);
        assert_eq!(sprintf("%s", std::slice::from_ref(&v)), "[a %!s(int64=1)]");
        assert_eq!(sprintf("%q", &[v]), "[\"a\" '\\x01']");
    }

    #[test]
    fn floats_special() {
        assert_eq!(sprintf("%x %b", &[V::Float(1.5), V::Float(1.0)]), "0x1.8p+00 4503599627370496p-52");
        assert_eq!(sprintf("%.1x", &[V::Float(1.96875)]), "0x1.0p+01");
        assert_eq!(sprintf("%v %5.1f %f", &[V::Float(f64::INFINITY), V::Float(f64::NAN), V::Float(-0.0)]), "+Inf   NaN -0.000000");
    }
}
