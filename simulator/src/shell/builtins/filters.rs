//! Text filters: `head`, `tail`, `wc`, `sort`, `uniq`, `cut`, `tr`. They read their file operands or
//! standard input, like GNU coreutils, with its messages.

use std::cmp::Ordering;

use super::input::{self, ReadError};
use super::options::{self, Opts, Spec};
use super::{lines_with_ends, usage_error, Invocation};
use crate::output::Output;
use crate::shell::{Programs, ShellState};

/// Parses options, printing GNU's usage error on failure.
fn parse_options(inv: &Invocation<'_>, args: &[String], spec: &Spec<'_>, out: &mut Output) -> Option<Opts> {
    match options::parse(args, spec) {
        Ok(opts) => Some(opts),
        Err(e) => {
            usage_error(out, inv.name(), &e.message());
            None
        }
    }
}

/// `-5` → `-n 5` (the old form `head` and `tail` still accept).
fn expand_number_option(args: &[String]) -> Vec<String> {
    let mut expanded: Vec<String> = Vec::with_capacity(args.len());
    for arg in args {
        let is_value = expanded.last().is_some_and(|prev| matches!(prev.as_str(), "-n" | "-c" | "--lines" | "--bytes"));
        match arg.strip_prefix('-') {
            Some(n) if !is_value && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                expanded.push("-n".to_string());
                expanded.push(n.to_string());
            }
            _ => expanded.push(arg.clone()),
        }
    }
    expanded
}

fn operands_or_stdin(opts: &Opts) -> Vec<String> {
    if opts.operands.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.operands.clone()
    }
}

fn display_name(name: &str) -> &str {
    if name == "-" {
        "standard input"
    } else {
        name
    }
}

/// A count for `head`/`tail`: `5`, `+5` (tail: from line 5), `-5` (head: all but the last 5).
#[derive(Debug, Clone, Copy)]
struct Count {
    value: usize,
    plus: bool,
    minus: bool,
}

fn parse_count(text: &str) -> Option<Count> {
    let (plus, minus, digits) = match text.strip_prefix('+') {
        Some(d) => (true, false, d),
        None => match text.strip_prefix('-') {
            Some(d) => (false, true, d),
            None => (false, false, text),
        },
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let value = digits.parse::<usize>().unwrap_or(usize::MAX);
    Some(Count { value, plus, minus })
}

const HEAD: Spec<'static> = Spec {
    flags: "qv",
    valued: "nc",
    long: &[("lines", 'n', true), ("bytes", 'c', true), ("quiet", 'q', false), ("verbose", 'v', false)],
};

/// Keeps the first `count` pieces (lines or bytes) of a text, or all but the last ones.
fn take_head(text: &str, count: Count, bytes: bool) -> String {
    if bytes {
        let all = text.as_bytes();
        let n = if count.minus { all.len().saturating_sub(count.value) } else { count.value.min(all.len()) };
        return String::from_utf8_lossy(all.get(..n).unwrap_or_default()).into_owned();
    }
    let lines: Vec<&str> = lines_with_ends(text).collect();
    let n = if count.minus { lines.len().saturating_sub(count.value) } else { count.value.min(lines.len()) };
    lines.get(..n).unwrap_or_default().concat()
}

/// Keeps the last `count` pieces, or everything from piece `+count` on.
fn take_tail(text: &str, count: Count, bytes: bool) -> String {
    if bytes {
        let all = text.as_bytes();
        let start = if count.plus { count.value.saturating_sub(1) } else { all.len().saturating_sub(count.value) };
        return String::from_utf8_lossy(all.get(start.min(all.len())..).unwrap_or_default()).into_owned();
    }
    let lines: Vec<&str> = lines_with_ends(text).collect();
    let start = if count.plus { count.value.saturating_sub(1) } else { lines.len().saturating_sub(count.value) };
    lines.get(start.min(lines.len())..).unwrap_or_default().concat()
}

/// `head [-n N] [-c N] [FILE…]`
pub(super) fn head(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    head_or_tail(inv, state, programs, true)
}

const TAIL: Spec<'static> = Spec {
    flags: "qvfF",
    valued: "nc",
    long: &[("lines", 'n', true), ("bytes", 'c', true), ("quiet", 'q', false), ("verbose", 'v', false), ("follow", 'f', false)],
};

/// `tail [-n N|+N] [-c N] [FILE…]` (`-f` prints what there is: nothing is appended later).
pub(super) fn tail(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    head_or_tail(inv, state, programs, false)
}

fn head_or_tail(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs, is_head: bool) -> Output {
    let mut out = Output::new();
    let name = inv.name();
    let args = expand_number_option(inv.args());
    let Some(opts) = parse_options(inv, &args, if is_head { &HEAD } else { &TAIL }, &mut out) else {
        return out.with_exit(1);
    };
    let bytes = opts.flags.iter().rev().find(|(c, _)| *c == 'n' || *c == 'c').is_some_and(|(c, _)| *c == 'c');
    let raw = if bytes { opts.value('c') } else { opts.value('n') };
    let count = match raw {
        None => Count { value: 10, plus: false, minus: false },
        Some(text) => match parse_count(text) {
            Some(c) => c,
            None => {
                let what = if bytes { "bytes" } else { "lines" };
                out.errln(format!("{name}: invalid number of {what}: ‘{text}’"));
                return out.with_exit(1);
            }
        },
    };
    let operands = operands_or_stdin(&opts);
    let headers = (operands.len() > 1 && !opts.has('q')) || opts.has('v');
    let mut status = 0;
    let mut first = true;
    for operand in &operands {
        match input::read(inv, state, programs, operand) {
            Ok(text) => {
                if headers {
                    out.out(format!("{}==> {} <==\n", if first { "" } else { "\n" }, display_name(operand)));
                }
                first = false;
                out.out(if is_head { take_head(&text, count, bytes) } else { take_tail(&text, count, bytes) });
            }
            Err(ReadError::IsDir) => {
                if headers {
                    out.out(format!("{}==> {} <==\n", if first { "" } else { "\n" }, display_name(operand)));
                }
                first = false;
                out.errln(format!("{name}: error reading '{operand}': Is a directory"));
                status = 1;
            }
            Err(e) => {
                out.errln(format!("{name}: cannot open '{operand}' for reading: {}", e.message()));
                status = 1;
            }
        }
    }
    out.with_exit(status)
}

const WC: Spec<'static> = Spec {
    flags: "lwcmL",
    valued: "",
    long: &[("lines", 'l', false), ("words", 'w', false), ("bytes", 'c', false), ("chars", 'm', false)],
};

/// `wc [-lwcm] [FILE…]`: GNU's column widths (from the files' total size; 7 for pipes).
pub(super) fn wc(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let Some(opts) = parse_options(inv, inv.args(), &WC, &mut out) else {
        return out.with_exit(1);
    };
    let mut selected: Vec<char> = ['l', 'w', 'm', 'c'].into_iter().filter(|c| opts.has(*c)).collect();
    if selected.is_empty() {
        selected = vec!['l', 'w', 'c'];
    }
    let operands = operands_or_stdin(&opts);
    // Read everything first: the width depends on all inputs.
    let mut inputs: Vec<(String, Result<String, ReadError>, bool)> = Vec::new();
    for operand in &operands {
        let result = input::read(inv, state, programs, operand);
        let regular = operand != "-" || inv.stdin_is_file;
        inputs.push((operand.clone(), result, regular));
    }
    let width = if operands.len() == 1 && selected.len() == 1 {
        1
    } else {
        let mut minimum = 1;
        let mut total_size = 0usize;
        for (_, result, regular) in &inputs {
            match result {
                Ok(text) if *regular => total_size += text.len(),
                Ok(_) | Err(ReadError::IsDir) => minimum = 7,
                Err(_) => {}
            }
        }
        total_size.to_string().len().max(minimum)
    };
    let mut totals = [0usize; 4];
    let mut status = 0;
    for (name, result, _) in &inputs {
        let text = match result {
            Ok(text) => text.as_str(),
            Err(ReadError::IsDir) => {
                out.errln(format!("wc: {name}: Is a directory"));
                status = 1;
                ""
            }
            Err(e) => {
                out.errln(format!("wc: {name}: {}", e.message()));
                status = 1;
                continue;
            }
        };
        let counts = [text.matches('\n').count(), text.split_whitespace().count(), text.chars().count(), text.len()];
        for (total, count) in totals.iter_mut().zip(counts) {
            *total += count;
        }
        out.outln(wc_line(&selected, &counts, width, (name != "-").then_some(name.as_str())));
    }
    if inputs.len() > 1 {
        out.outln(wc_line(&selected, &totals, width, Some("total")));
    }
    out.with_exit(status)
}

fn wc_line(selected: &[char], counts: &[usize; 4], width: usize, name: Option<&str>) -> String {
    let mut fields: Vec<String> = Vec::new();
    for c in selected {
        let value = match c {
            'l' => counts[0],
            'w' => counts[1],
            'm' => counts[2],
            _ => counts[3],
        };
        fields.push(format!("{value:>width$}"));
    }
    if let Some(name) = name {
        fields.push(name.to_string());
    }
    fields.join(" ")
}

/// Reads every operand and splits the text into lines (without their `\n`).
fn read_lines(
    inv: &Invocation<'_>,
    state: &mut ShellState,
    programs: &mut dyn Programs,
    operands: &[String],
    out: &mut Output,
    error: impl Fn(&str, ReadError) -> String,
) -> (Vec<String>, bool) {
    let mut lines = Vec::new();
    let mut ok = true;
    for operand in operands {
        match input::read(inv, state, programs, operand) {
            Ok(text) => lines.extend(text.lines().map(str::to_string)),
            Err(e) => {
                out.errln(error(operand, e));
                ok = false;
            }
        }
    }
    (lines, ok)
}

const SORT: Spec<'static> = Spec {
    flags: "rnufbs",
    valued: "kt",
    long: &[
        ("reverse", 'r', false),
        ("numeric-sort", 'n', false),
        ("unique", 'u', false),
        ("ignore-case", 'f', false),
        ("key", 'k', true),
        ("field-separator", 't', true),
    ],
};

/// A leading number as `sort -n` reads it (no number is 0).
fn numeric_prefix(text: &str) -> f64 {
    let trimmed = text.trim_start();
    let mut end = 0;
    for (i, c) in trimmed.char_indices() {
        let ok = c.is_ascii_digit() || (c == '-' && i == 0) || (c == '.' && !trimmed.get(..i).unwrap_or("").contains('.'));
        if !ok {
            break;
        }
        end = i + c.len_utf8();
    }
    trimmed.get(..end).and_then(|n| n.parse().ok()).unwrap_or(0.0)
}

/// The part of a line `-k N` compares: from field N (blank-separated, or by `-t`) to the end.
fn sort_key(line: &str, field: Option<usize>, separator: Option<char>) -> &str {
    let Some(field) = field else { return line };
    let mut rest = line;
    for _ in 1..field {
        let next = match separator {
            Some(sep) => rest.find(sep).map(|p| p + sep.len_utf8()),
            None => {
                let start = rest.len() - rest.trim_start().len();
                rest.get(start..).and_then(|r| r.find(char::is_whitespace)).map(|p| p + start)
            }
        };
        match next {
            Some(p) => rest = rest.get(p..).unwrap_or(""),
            None => return "",
        }
    }
    rest
}

/// `sort [-rnuf] [-k N] [-t SEP] [FILE…]` (C locale: byte order).
pub(super) fn sort(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let Some(opts) = parse_options(inv, inv.args(), &SORT, &mut out) else {
        return out.with_exit(2);
    };
    let field = match opts.value('k') {
        None => None,
        Some(k) => match k.split([',', '.']).next().and_then(|f| f.trim_end_matches(char::is_alphabetic).parse::<usize>().ok()) {
            Some(f) if f > 0 => Some(f),
            _ => {
                out.errln(format!("sort: invalid number at field start: invalid count at start of ‘{k}’"));
                return out.with_exit(2);
            }
        },
    };
    let separator = opts.value('t').and_then(|t| t.chars().next());
    let (numeric, reverse, unique, fold) = (opts.has('n'), opts.has('r'), opts.has('u'), opts.has('f'));
    let (mut lines, ok) = read_lines(inv, state, programs, &operands_or_stdin(&opts), &mut out, |name, e| match e {
        ReadError::IsDir => format!("sort: read failed: {name}: Is a directory"),
        other => format!("sort: cannot read: {name}: {}", other.message()),
    });
    if !ok {
        return out.with_exit(2);
    }
    let compare_keys = |a: &String, b: &String| -> Ordering {
        let (ka, kb) = (sort_key(a, field, separator), sort_key(b, field, separator));
        if numeric {
            numeric_prefix(ka).partial_cmp(&numeric_prefix(kb)).unwrap_or(Ordering::Equal)
        } else if fold {
            ka.to_ascii_uppercase().cmp(&kb.to_ascii_uppercase())
        } else {
            ka.as_bytes().cmp(kb.as_bytes())
        }
    };
    crate::sort::sort_by(&mut lines, |a, b| {
        let ordering = compare_keys(a, b);
        // Equal keys: GNU compares whole lines as a last resort (unless -u).
        let ordering = if ordering == Ordering::Equal && !unique { a.as_bytes().cmp(b.as_bytes()) } else { ordering };
        if reverse {
            ordering.reverse()
        } else {
            ordering
        }
    });
    if unique {
        lines.dedup_by(|a, b| compare_keys(a, b) == Ordering::Equal);
    }
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    out.out(text);
    out
}

const UNIQ: Spec<'static> = Spec {
    flags: "cdui",
    valued: "",
    long: &[("count", 'c', false), ("repeated", 'd', false), ("unique", 'u', false), ("ignore-case", 'i', false)],
};

/// `uniq [-c] [-d] [-u] [-i] [INPUT]`: collapses adjacent equal lines.
pub(super) fn uniq(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let Some(opts) = parse_options(inv, inv.args(), &UNIQ, &mut out) else {
        return out.with_exit(1);
    };
    let operands: Vec<String> = operands_or_stdin(&opts).into_iter().take(1).collect();
    let (lines, ok) = read_lines(inv, state, programs, &operands, &mut out, |name, e| match e {
        ReadError::IsDir => format!("uniq: error reading '{name}'"),
        other => format!("uniq: {name}: {}", other.message()),
    });
    if !ok {
        return out.with_exit(1);
    }
    let same = |a: &str, b: &str| if opts.has('i') { a.eq_ignore_ascii_case(b) } else { a == b };
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for line in &lines {
        match groups.last_mut() {
            Some((first, count)) if same(first, line) => *count += 1,
            _ => groups.push((line, 1)),
        }
    }
    let mut text = String::new();
    for (line, count) in groups {
        if (opts.has('d') && count < 2) || (opts.has('u') && count > 1) {
            continue;
        }
        if opts.has('c') {
            text.push_str(&format!("{count:>7} {line}\n"));
        } else {
            text.push_str(line);
            text.push('\n');
        }
    }
    out.out(text);
    out
}

const CUT: Spec<'static> = Spec {
    flags: "s",
    valued: "dfcb",
    long: &[("delimiter", 'd', true), ("fields", 'f', true), ("characters", 'c', true), ("bytes", 'b', true), ("only-delimited", 's', false)],
};

/// A `cut` list: `1,3`, `2-`, `-3`, `1-3` (1-based, inclusive).
fn parse_list(list: &str) -> Result<Vec<(usize, usize)>, String> {
    let mut ranges = Vec::new();
    for item in list.split(',') {
        let (start, end) = match item.split_once('-') {
            Some((a, b)) => (a, b),
            None => (item, item),
        };
        let parse = |s: &str, default: usize| -> Result<usize, ()> {
            if s.is_empty() {
                Ok(default)
            } else {
                s.parse::<usize>().map_err(|_| ())
            }
        };
        let (Ok(a), Ok(b)) = (parse(start, 1), parse(end, usize::MAX)) else {
            return Err(format!("invalid field value ‘{item}’"));
        };
        if item.is_empty() || (start.is_empty() && end.is_empty()) {
            return Err("invalid range with no endpoint: -".to_string());
        }
        if a == 0 || b == 0 {
            return Err("fields are numbered from 1".to_string());
        }
        if a > b {
            return Err("invalid decreasing range".to_string());
        }
        ranges.push((a, b));
    }
    Ok(ranges)
}

/// `cut -f LIST [-d DELIM] [-s]` or `cut -c LIST`.
pub(super) fn cut(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let Some(opts) = parse_options(inv, inv.args(), &CUT, &mut out) else {
        return out.with_exit(1);
    };
    let (list, by_fields) = match (opts.value('f'), opts.value('c').or(opts.value('b'))) {
        (Some(f), _) => (f, true),
        (None, Some(c)) => (c, false),
        (None, None) => {
            usage_error(&mut out, "cut", "you must specify a list of bytes, characters, or fields");
            return out.with_exit(1);
        }
    };
    let ranges = match parse_list(list) {
        Ok(r) => r,
        Err(message) => {
            usage_error(&mut out, "cut", &message);
            return out.with_exit(1);
        }
    };
    let delimiter = opts.value('d').unwrap_or("\t");
    let mut chars = delimiter.chars();
    let (Some(delim), None) = (chars.next(), chars.next()) else {
        usage_error(&mut out, "cut", "the delimiter must be a single character");
        return out.with_exit(1);
    };
    let selected = |index: usize| ranges.iter().any(|(a, b)| *a <= index && index <= *b);
    let (lines, ok) = read_lines(inv, state, programs, &operands_or_stdin(&opts), &mut out, |name, e| {
        format!("cut: {name}: {}", e.message())
    });
    let mut text = String::new();
    for line in lines {
        if by_fields {
            if !line.contains(delim) {
                if !opts.has('s') {
                    text.push_str(&line);
                    text.push('\n');
                }
                continue;
            }
            let fields: Vec<&str> =
                line.split(delim).enumerate().filter(|(i, _)| selected(i + 1)).map(|(_, f)| f).collect();
            text.push_str(&fields.join(&delim.to_string()));
        } else {
            text.extend(line.chars().enumerate().filter(|(i, _)| selected(i + 1)).map(|(_, c)| c));
        }
        text.push('\n');
    }
    out.out(text);
    out.with_exit(if ok { 0 } else { 1 })
}

/// A `seq` operand: its value and how many decimals it was written with.
fn seq_number(text: &str) -> Option<(f64, usize)> {
    let value: f64 = text.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count());
    Some((value, decimals))
}

/// `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST`
pub(super) fn seq(inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    // Negative numbers are operands, not options.
    let mut separator = "\n".to_string();
    let mut equal_width = false;
    let mut operands: Vec<&String> = Vec::new();
    let mut args = inv.args().iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-s" => separator = args.next().cloned().unwrap_or_default(),
            "-w" => equal_width = true,
            a if a.starts_with("-s") => separator = a.get(2..).unwrap_or("").to_string(),
            _ => operands.push(arg),
        }
    }
    let mut numbers = Vec::new();
    for operand in &operands {
        match seq_number(operand) {
            Some(n) => numbers.push(n),
            None => {
                usage_error(&mut out, "seq", &format!("invalid floating point argument: ‘{operand}’"));
                return out.with_exit(1);
            }
        }
    }
    let ((first, first_dec), (step, step_dec), (last, _)) = match numbers.as_slice() {
        [] => {
            usage_error(&mut out, "seq", "missing operand");
            return out.with_exit(1);
        }
        [last] => ((1.0, 0), (1.0, 0), *last),
        [first, last] => (*first, (1.0, 0), *last),
        [first, step, last] => (*first, *step, *last),
        [_, _, _, ..] => {
            usage_error(&mut out, "seq", &format!("extra operand ‘{}’", operands.get(3).map_or("", |s| s.as_str())));
            return out.with_exit(1);
        }
    };
    if step == 0.0 {
        usage_error(&mut out, "seq", &format!("invalid Zero increment value: ‘{}’", operands.get(1).map_or("0", |s| s.as_str())));
        return out.with_exit(1);
    }
    let decimals = first_dec.max(step_dec);
    let format = |x: f64| format!("{:.*}", decimals, x);
    let width = if equal_width { format(first).len().max(format(last).len()) } else { 0 };
    let mut text = String::new();
    let mut index = 0.0;
    loop {
        let value = first + index * step;
        if (step > 0.0 && value > last + 1e-9) || (step < 0.0 && value < last - 1e-9) {
            break;
        }
        if !text.is_empty() {
            text.push_str(&separator);
        }
        let shown = format(value);
        if shown.len() < width {
            let (sign, digits) = shown.strip_prefix('-').map_or(("", shown.as_str()), |d| ("-", d));
            text.push_str(sign);
            text.extend(std::iter::repeat_n('0', width - shown.len()));
            text.push_str(digits);
        } else {
            text.push_str(&shown);
        }
        if text.len() > crate::shell::MAX_STREAM_BYTES {
            break;
        }
        index += 1.0;
    }
    if !text.is_empty() {
        text.push('\n');
    }
    out.out(text);
    out
}

/// Expands a `tr` set: ranges, escapes and `[:class:]`.
fn tr_set(spec: &str) -> Vec<char> {
    let mut raw: Vec<char> = Vec::new();
    let mut rest = spec;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[:") {
            if let Some(end) = after.find(":]") {
                let class = after.get(..end).unwrap_or("");
                let members: Vec<char> = match class {
                    "lower" => ('a'..='z').collect(),
                    "upper" => ('A'..='Z').collect(),
                    "digit" => ('0'..='9').collect(),
                    "alpha" => ('A'..='Z').chain('a'..='z').collect(),
                    "alnum" => ('0'..='9').chain('A'..='Z').chain('a'..='z').collect(),
                    "space" => vec![' ', '\t', '\n', '\r', '\u{b}', '\u{c}'],
                    "blank" => vec![' ', '\t'],
                    "punct" => (0u8..128).map(char::from).filter(char::is_ascii_punctuation).collect(),
                    _ => Vec::new(),
                };
                raw.extend(members);
                rest = after.get(end + 2..).unwrap_or("");
                continue;
            }
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or('\0');
        let (c, after) = if c == '\\' {
            match chars.next() {
                Some('n') => ('\n', chars.as_str()),
                Some('t') => ('\t', chars.as_str()),
                Some('r') => ('\r', chars.as_str()),
                Some('\\') => ('\\', chars.as_str()),
                Some(other) => (other, chars.as_str()),
                None => ('\\', ""),
            }
        } else {
            (c, chars.as_str())
        };
        // A range `a-z`.
        let mut range_chars = after.chars();
        if range_chars.next() == Some('-') {
            if let Some(end) = range_chars.next() {
                if end >= c {
                    raw.extend((c..=end).take(0x11_0000));
                    rest = range_chars.as_str();
                    continue;
                }
            }
        }
        raw.push(c);
        rest = after;
    }
    raw
}

/// `tr [-d] [-s] SET1 [SET2]`: translates standard input.
pub(super) fn tr(inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let Some(opts) = parse_options(inv, inv.args(), &Spec { flags: "dsc", valued: "", long: &[("delete", 'd', false), ("squeeze-repeats", 's', false)] }, &mut out) else {
        return out.with_exit(1);
    };
    let (delete, squeeze, complement) = (opts.has('d'), opts.has('s'), opts.has('c'));
    let sets = &opts.operands;
    let max = if delete && !squeeze { 1 } else { 2 };
    if sets.is_empty() {
        usage_error(&mut out, "tr", "missing operand");
        return out.with_exit(1);
    }
    if sets.len() == 1 && !delete && !squeeze {
        out.errln(format!("tr: missing operand after ‘{}’", sets.first().map_or("", |s| s.as_str())));
        out.errln("Two strings must be given when translating.");
        out.errln("Try 'tr --help' for more information.");
        return out.with_exit(1);
    }
    if let Some(extra) = sets.get(max) {
        usage_error(&mut out, "tr", &format!("extra operand ‘{extra}’"));
        return out.with_exit(1);
    }
    let set1 = tr_set(sets.first().map_or("", |s| s.as_str()));
    let set2 = sets.get(1).map(|s| tr_set(s));
    let input = inv.stdin.unwrap_or("");
    let mut text = String::with_capacity(input.len());
    let mut last: Option<char> = None;
    let squeeze_set: &[char] = match (&set2, delete) {
        (Some(s2), _) if squeeze => s2,
        (None, false) if squeeze => &set1,
        _ => &[],
    };
    for c in input.chars() {
        let in_set1 = set1.contains(&c) != complement;
        let mapped = if delete {
            if in_set1 {
                continue;
            }
            c
        } else if let Some(s2) = &set2 {
            if complement {
                if in_set1 {
                    s2.last().copied().unwrap_or(c)
                } else {
                    c
                }
            } else {
                match set1.iter().rposition(|x| *x == c) {
                    Some(i) => s2.get(i).or(s2.last()).copied().unwrap_or(c),
                    None => c,
                }
            }
        } else {
            c
        };
        if squeeze && last == Some(mapped) && squeeze_set.contains(&mapped) {
            continue;
        }
        last = Some(mapped);
        text.push(mapped);
    }
    out.out(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_lists_and_errors() {
        assert_eq!(parse_list("1,3-4,6-"), Ok(vec![(1, 1), (3, 4), (6, usize::MAX)]));
        assert_eq!(parse_list("-2"), Ok(vec![(1, 2)]));
        assert_eq!(parse_list("0"), Err("fields are numbered from 1".to_string()));
        assert_eq!(parse_list("x"), Err("invalid field value ‘x’".to_string()));
    }

    #[test]
    fn tr_sets_expand() {
        assert_eq!(tr_set("a-e"), vec!['a', 'b', 'c', 'd', 'e']);
        assert_eq!(tr_set("\\n:"), vec!['\n', ':']);
        assert_eq!(tr_set("[:digit:]x").len(), 11);
    }

    #[test]
    fn head_and_tail_counts() {
        let text = "1\n2\n3\n4";
        let count = |value, plus, minus| Count { value, plus, minus };
        assert_eq!(take_head(text, count(2, false, false), false), "1\n2\n");
        assert_eq!(take_head(text, count(1, false, true), false), "1\n2\n3\n");
        assert_eq!(take_tail(text, count(2, false, false), false), "3\n4");
        assert_eq!(take_tail(text, count(2, true, false), false), "2\n3\n4");
        assert_eq!(take_tail("abc", count(2, false, false), true), "bc");
    }

    #[test]
    fn sort_keys() {
        assert_eq!(sort_key("a b  c", Some(2), None), " b  c");
        assert_eq!(sort_key("a:b:c", Some(3), Some(':')), "c");
        assert_eq!(numeric_prefix(" 10x"), 10.0);
        assert_eq!(numeric_prefix("-1.5"), -1.5);
    }
}
