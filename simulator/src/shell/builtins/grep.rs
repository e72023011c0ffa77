//! `grep`: GNU grep's options that learners use (`-i -v -c -n -l -q -w -x -E -F -r -e -h -H`), its
//! output prefixes, exit codes (0 found, 1 not found, 2 trouble) and messages.

use super::input::{self, ReadError};
use super::options::{self, Spec};
use super::regex::{self, Regex, Syntax};
use super::Invocation;
use crate::output::Output;
use crate::shell::folder::{self, Folder};
use crate::shell::{Programs, ShellState};

const GREP: Spec<'static> = Spec {
    flags: "ivcnEFGqslhHwxrRo",
    valued: "e",
    long: &[
        ("ignore-case", 'i', false),
        ("invert-match", 'v', false),
        ("count", 'c', false),
        ("line-number", 'n', false),
        ("extended-regexp", 'E', false),
        ("fixed-strings", 'F', false),
        ("basic-regexp", 'G', false),
        ("quiet", 'q', false),
        ("silent", 'q', false),
        ("no-messages", 's', false),
        ("files-with-matches", 'l', false),
        ("no-filename", 'h', false),
        ("with-filename", 'H', false),
        ("word-regexp", 'w', false),
        ("line-regexp", 'x', false),
        ("recursive", 'r', false),
        ("only-matching", 'o', false),
        ("regexp", 'e', true),
    ],
};

fn usage(out: &mut Output) {
    out.errln("Usage: grep [OPTION]... PATTERNS [FILE]...");
    out.errln("Try 'grep --help' for more information.");
}

/// One input: the name grep prints and its text (or why it could not be read).
struct Source {
    name: String,
    text: Result<String, ReadError>,
}

/// `grep [OPTION…] PATTERNS [FILE…]`
pub(super) fn grep(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let args: Vec<String> = inv.args().iter().filter(|a| !a.starts_with("--color")).cloned().collect();
    let opts = match options::parse(&args, &GREP) {
        Ok(opts) => opts,
        Err(e) => {
            out.errln(format!("grep: {}", e.message()));
            usage(&mut out);
            return out.with_exit(2);
        }
    };
    let mut operands = opts.operands.clone();
    let patterns: Vec<String> = {
        let given: Vec<String> = opts.flags.iter().filter(|(c, _)| *c == 'e').filter_map(|(_, v)| v.clone()).collect();
        if given.is_empty() {
            if operands.is_empty() {
                usage(&mut out);
                return out.with_exit(2);
            }
            vec![operands.remove(0)]
        } else {
            given
        }
    };
    let syntax = Syntax {
        extended: opts.has('E'),
        fixed: opts.has('F'),
        ignore_case: opts.has('i'),
        whole_word: opts.has('w'),
        whole_line: opts.has('x'),
    };
    let mut matchers: Vec<Regex> = Vec::new();
    for pattern in patterns.iter().flat_map(|p| p.split('\n')) {
        match regex::compile(pattern, syntax) {
            Ok((regex, warnings)) => {
                for warning in warnings {
                    out.errln(format!("grep: {warning}"));
                }
                matchers.push(regex);
            }
            Err(message) => {
                out.errln(format!("grep: {message}"));
                return out.with_exit(2);
            }
        }
    }
    let recursive = opts.has('r') || opts.has('R');
    let sources = gather(inv, state, programs, &operands, recursive);
    let with_names = if opts.has('h') {
        false
    } else {
        opts.has('H') || sources.len() > 1 || recursive
    };
    let (invert, count, numbers, quiet, list) = (opts.has('v'), opts.has('c'), opts.has('n'), opts.has('q'), opts.has('l'));
    let only_matching = opts.has('o');
    let mut matched_any = false;
    let mut trouble = false;
    let mut text_out = String::new();
    for source in &sources {
        let text = match &source.text {
            Ok(text) => text,
            Err(e) => {
                if !opts.has('s') {
                    out.out(&text_out);
                    text_out.clear();
                    out.errln(format!("grep: {}: {}", source.name, e.message()));
                }
                trouble = true;
                continue;
            }
        };
        let mut hits = 0usize;
        for (index, line) in text.lines().enumerate() {
            let selected = matchers.iter().any(|m| m.is_match(line)) != invert;
            if !selected {
                continue;
            }
            hits += 1;
            matched_any = true;
            if quiet || count || list {
                continue;
            }
            let mut prefix = String::new();
            if with_names {
                prefix.push_str(&source.name);
                prefix.push(':');
            }
            if numbers {
                prefix.push_str(&(index + 1).to_string());
                prefix.push(':');
            }
            if only_matching {
                if !invert {
                    for part in matches_in(&matchers, line) {
                        text_out.push_str(&prefix);
                        text_out.push_str(&part);
                        text_out.push('\n');
                    }
                }
            } else {
                text_out.push_str(&prefix);
                text_out.push_str(line);
                text_out.push('\n');
            }
            if text_out.len() > crate::shell::MAX_STREAM_BYTES {
                break;
            }
        }
        if quiet {
            if matched_any {
                break;
            }
            continue;
        }
        if list {
            if hits > 0 {
                text_out.push_str(&source.name);
                text_out.push('\n');
            }
        } else if count {
            if with_names {
                text_out.push_str(&format!("{}:{hits}\n", source.name));
            } else {
                text_out.push_str(&format!("{hits}\n"));
            }
        }
    }
    out.out(text_out);
    let status = if trouble && !(quiet && matched_any) {
        2
    } else if matched_any {
        0
    } else {
        1
    };
    out.with_exit(status)
}

/// `-o`: the non-empty leftmost-longest matches of any pattern in a line, left to right.
fn matches_in(matchers: &[Regex], line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut pos = 0;
    while pos <= chars.len() {
        let best = matchers
            .iter()
            .filter_map(|m| m.find_at(&chars, pos))
            .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((start, end)) = best else { break };
        if end > start {
            found.push(chars.get(start..end).unwrap_or_default().iter().collect());
            pos = end;
        } else {
            pos = start + 1;
        }
    }
    found
}

/// The inputs: operands (`-` and none are standard input), or with `-r` every file below them.
fn gather(
    inv: &Invocation<'_>,
    state: &mut ShellState,
    programs: &mut dyn Programs,
    operands: &[String],
    recursive: bool,
) -> Vec<Source> {
    let mut sources = Vec::new();
    if operands.is_empty() {
        if recursive {
            collect_tree(state, programs, ".", "", &mut sources);
        } else {
            sources.push(Source { name: "(standard input)".to_string(), text: Ok(inv.stdin.unwrap_or("").to_string()) });
        }
        return sources;
    }
    for operand in operands {
        let result = input::read(inv, state, programs, operand);
        match result {
            Err(ReadError::IsDir) if recursive => {
                let shown = format!("{}/", operand.trim_end_matches('/'));
                collect_tree(state, programs, operand, &shown, &mut sources);
            }
            text => {
                let name = if operand == "-" { "(standard input)".to_string() } else { operand.clone() };
                sources.push(Source { name, text });
            }
        }
    }
    sources
}

/// Every file below `dir`, named `prefix` + its path below `dir`.
fn collect_tree(state: &mut ShellState, programs: &mut dyn Programs, dir: &str, prefix: &str, sources: &mut Vec<Source>) {
    let Ok(base) = folder::resolve_in(state.root, &state.cwd, dir) else { return };
    let below = if base.is_empty() { String::new() } else { format!("{base}/") };
    let folder = Folder::open(programs, &mut state.dirs, state.root);
    for path in folder.file_list() {
        let Some(rest) = path.strip_prefix(&below) else { continue };
        let text = folder.read(&path).ok_or(ReadError::NotFound);
        sources.push(Source { name: format!("{prefix}{rest}"), text });
    }
}
