//! `echo` and `printf` (bash's builtins).

use super::Invocation;
use crate::output::Output;
use crate::shell::escapes::{self, EscapeStyle};
use crate::shell::folder;
use crate::shell::{Programs, ShellState};

/// `echo [-neE] [arg …]`
pub(super) fn echo(inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let args = inv.args();
    let mut newline = true;
    let mut interpret = false;
    let mut first = 0;
    for arg in args {
        let Some(flags) = arg.strip_prefix('-') else { break };
        if flags.is_empty() || !flags.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
            break;
        }
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => interpret = true,
                _ => interpret = false,
            }
        }
        first += 1;
    }
    let mut text = args.get(first..).unwrap_or_default().join(" ");
    if interpret {
        let (decoded, stop) = escapes::decode(&text, EscapeStyle::Echo);
        text = decoded;
        if stop {
            newline = false;
        }
    }
    if newline {
        text.push('\n');
    }
    let mut out = Output::new();
    out.out(text);
    out
}

/// `printf [-v var] format [arguments]`: the format is reused while arguments remain.
pub(super) fn printf(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut args = inv.args();
    let mut var = None;
    if args.first().map(String::as_str) == Some("-v") {
        let Some(name) = args.get(1) else {
            out.errln("bash: printf: -v: option requires an argument");
            out.errln("printf: usage: printf [-v var] format [arguments]");
            return out.with_exit(2);
        };
        var = Some(name.clone());
        args = args.get(2..).unwrap_or_default();
    }
    if args.first().map(String::as_str) == Some("--") {
        args = args.get(1..).unwrap_or_default();
    }
    let Some(format) = args.first() else {
        out.errln("printf: usage: printf [-v var] format [arguments]");
        return out.with_exit(2);
    };
    let mut printer = Printer { args: args.get(1..).unwrap_or_default(), next: 0, text: String::new(), errors: Vec::new(), stop: false };
    loop {
        let before = printer.next;
        if let Err(message) = printer.format_once(format) {
            out.out(&printer.text);
            out.errln(format!("bash: printf: {message}"));
            return out.with_exit(1);
        }
        folder::cap(&mut printer.text);
        if printer.stop || printer.next >= printer.args.len() || printer.next == before {
            break;
        }
    }
    let status = i32::from(!printer.errors.is_empty());
    // bash reports bad numbers as it meets them, before its buffered output.
    for error in &printer.errors {
        out.errln(format!("bash: printf: {error}"));
    }
    match var {
        Some(name) => state.set_var(&name, &printer.text),
        None => out.out(&printer.text),
    }
    out.with_exit(status)
}

/// One conversion specification: `%-10.3s`.
#[derive(Debug, Default, Clone)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

struct Printer<'a> {
    args: &'a [String],
    next: usize,
    text: String,
    /// Non-fatal errors (`invalid number`), printed after the output.
    errors: Vec<String>,
    /// `\c` was seen: no more output at all.
    stop: bool,
}

impl Printer<'_> {
    fn next_arg(&mut self) -> Option<&str> {
        let arg = self.args.get(self.next).map(String::as_str);
        if arg.is_some() {
            self.next += 1;
        }
        arg
    }

    /// Prints the format once; `Err` is a fatal format error.
    fn format_once(&mut self, format: &str) -> Result<(), String> {
        let chars: Vec<char> = format.chars().collect();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if self.stop {
                return Ok(());
            }
            i += 1;
            match c {
                '\\' => {
                    let len = escape_len(&chars, i);
                    let sequence: String = std::iter::once('\\').chain(chars.iter().skip(i).take(len).copied()).collect();
                    i += len;
                    let (decoded, _) = escapes::decode(&sequence, EscapeStyle::Printf);
                    self.text.push_str(&decoded);
                }
                '%' => i = self.conversion(&chars, i)?,
                other => self.text.push(other),
            }
            if self.text.len() > crate::shell::MAX_STREAM_BYTES {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Handles the conversion whose `%` ends right before `i`; returns the index after it.
    fn conversion(&mut self, chars: &[char], mut i: usize) -> Result<usize, String> {
        let start = i;
        let mut spec = Spec::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => spec.left = true,
                '0' => spec.zero = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alternate = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i) == Some(&'*') {
            i += 1;
            let arg = self.next_arg().unwrap_or("").to_string();
            let w = self.integer(&arg);
            spec.left |= w < 0;
            spec.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(0).min(4096));
        } else {
            let digits: String = chars.iter().skip(i).take_while(|c| c.is_ascii_digit()).collect();
            i += digits.len();
            spec.width = digits.parse::<usize>().ok().map(|w| w.min(4096));
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                i += 1;
                let arg = self.next_arg().unwrap_or("").to_string();
                spec.precision = Some(usize::try_from(self.integer(&arg).max(0)).unwrap_or(0).min(4096));
            } else {
                let digits: String = chars.iter().skip(i).take_while(|c| c.is_ascii_digit()).collect();
                i += digits.len();
                spec.precision = Some(digits.parse::<usize>().unwrap_or(0).min(4096));
            }
        }
        while chars.get(i).is_some_and(|c| matches!(c, 'h' | 'l' | 'L' | 'j' | 'z' | 't')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            let written: String = chars.iter().skip(start.saturating_sub(1)).collect();
            return Err(format!("`{written}': missing format character"));
        };
        i += 1;
        match conv {
            '%' => self.text.push('%'),
            'q' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                self.pad(&spec, &shell_quote(&arg));
            }
            's' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let shown: String = match spec.precision {
                    Some(p) => arg.chars().take(p).collect(),
                    None => arg,
                };
                self.pad(&spec, &shown);
            }
            'b' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let (decoded, stop) = escapes::decode(&arg, EscapeStyle::Echo);
                self.pad(&spec, &decoded);
                self.stop |= stop;
            }
            'c' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let shown: String = arg.chars().take(1).collect();
                self.pad(&spec, &shown);
            }
            'd' | 'i' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let n = self.integer(&arg);
                let mut digits = n.unsigned_abs().to_string();
                if let Some(p) = spec.precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let sign = if n < 0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else if spec.space {
                    " "
                } else {
                    ""
                };
                self.pad_number(&spec, sign, &digits);
            }
            'u' | 'o' | 'x' | 'X' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let n = self.integer(&arg) as u64;
                let (digits, prefix) = match conv {
                    'o' => (format!("{n:o}"), if spec.alternate { "0" } else { "" }),
                    'x' => (format!("{n:x}"), if spec.alternate && n != 0 { "0x" } else { "" }),
                    'X' => (format!("{n:X}"), if spec.alternate && n != 0 { "0X" } else { "" }),
                    _ => (n.to_string(), ""),
                };
                self.pad_number(&spec, prefix, &digits);
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let arg = self.next_arg().unwrap_or("").to_string();
                let x = self.float(&arg);
                let precision = spec.precision.unwrap_or(6);
                let body = match conv {
                    'e' | 'E' => exponent_form(x.abs(), precision, conv == 'E'),
                    'g' | 'G' => format!("{}", x.abs()),
                    _ => format!("{:.*}", precision, x.abs()),
                };
                let sign = if x.is_sign_negative() && x != 0.0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else if spec.space {
                    " "
                } else {
                    ""
                };
                self.pad_number(&spec, sign, &body);
            }
            other => return Err(format!("`{other}': invalid format character")),
        }
        Ok(i)
    }

    fn pad(&mut self, spec: &Spec, text: &str) {
        let len = text.chars().count();
        let fill = spec.width.unwrap_or(0).saturating_sub(len);
        if spec.left {
            self.text.push_str(text);
            self.text.extend(std::iter::repeat_n(' ', fill));
        } else {
            self.text.extend(std::iter::repeat_n(' ', fill));
            self.text.push_str(text);
        }
    }

    fn pad_number(&mut self, spec: &Spec, sign: &str, digits: &str) {
        let len = sign.len() + digits.len();
        let fill = spec.width.unwrap_or(0).saturating_sub(len);
        if spec.left {
            self.text.push_str(sign);
            self.text.push_str(digits);
            self.text.extend(std::iter::repeat_n(' ', fill));
        } else if spec.zero && spec.precision.is_none() {
            self.text.push_str(sign);
            self.text.extend(std::iter::repeat_n('0', fill));
            self.text.push_str(digits);
        } else {
            self.text.extend(std::iter::repeat_n(' ', fill));
            self.text.push_str(sign);
            self.text.push_str(digits);
        }
    }

    /// An integer argument as bash's printf reads it (`42`, `-0x1f`, `017`, `'A`); records errors.
    fn integer(&mut self, arg: &str) -> i64 {
        let trimmed = arg.trim_start();
        if trimmed.is_empty() {
            return 0;
        }
        if let Some(rest) = trimmed.strip_prefix(['\'', '"']) {
            return rest.chars().next().map_or(0, |c| i64::from(u32::from(c)));
        }
        let (negative, body) = match trimmed.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        let (radix, digits) = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, hex)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, body.get(1..).unwrap_or(""))
        } else {
            (10, body)
        };
        let valid: String = digits.chars().take_while(|c| c.is_digit(radix)).collect();
        let mut value = i64::from_str_radix(&valid, radix).unwrap_or(if valid.is_empty() { 0 } else { i64::MAX });
        if negative {
            value = value.wrapping_neg();
        }
        if valid.len() != digits.len() || (valid.is_empty() && radix == 10) {
            self.errors.push(format!("{arg}: invalid number"));
        }
        value
    }

    fn float(&mut self, arg: &str) -> f64 {
        let trimmed = arg.trim();
        if trimmed.is_empty() {
            return 0.0;
        }
        match trimmed.parse::<f64>() {
            Ok(x) => x,
            Err(_) => {
                self.errors.push(format!("{arg}: invalid number"));
                0.0
            }
        }
    }
}

/// `printf %q`: quotes a string so bash reads it back as one word (`a\ b`, `$'a\tb'`, `''`).
fn shell_quote(text: &str) -> String {
    if text.is_empty() {
        return "''".to_string();
    }
    if text.chars().any(char::is_control) {
        let mut out = String::from("$'");
        for c in text.chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\u{7}' => out.push_str("\\a"),
                '\u{8}' => out.push_str("\\b"),
                '\u{1b}' => out.push_str("\\E"),
                '\u{c}' => out.push_str("\\f"),
                '\u{b}' => out.push_str("\\v"),
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                c if c.is_control() => out.push_str(&format!("\\{:03o}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('\'');
        return out;
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in text.chars().enumerate() {
        let special = matches!(
            c,
            ' ' | '!' | '"' | '$' | '&' | '\'' | '(' | ')' | '*' | ',' | ';' | '<' | '>' | '?' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}'
        ) || (i == 0 && matches!(c, '#' | '~'));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `1.500000e+00`
fn exponent_form(x: f64, precision: usize, upper: bool) -> String {
    let formatted = format!("{:.*e}", precision, x);
    let (mantissa, exponent) = formatted.split_once('e').unwrap_or((&formatted, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

/// How many characters after a backslash form one escape sequence.
fn escape_len(chars: &[char], i: usize) -> usize {
    let count_while = |from: usize, max: usize, radix: u32| {
        chars.iter().skip(from).take(max).take_while(|c| c.is_digit(radix)).count()
    };
    match chars.get(i) {
        None => 0,
        Some('0'..='7') => 1 + count_while(i + 1, 2, 8),
        Some('x') => 1 + count_while(i + 1, 2, 16),
        Some('u') => 1 + count_while(i + 1, 4, 16),
        Some('U') => 1 + count_while(i + 1, 8, 16),
        Some(_) => 1,
    }
}
