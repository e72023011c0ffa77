//! Variables: `export`, `unset` (bash builtins), `env` and `printenv`.

use std::collections::BTreeMap;

use super::{lookup, Invocation, USR_BIN};
use crate::output::Output;
use crate::shell::{ProgramCall, Programs, ShellState};

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A value inside `declare -x NAME="…"`.
fn declare_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// `export [-n] [-p] [NAME[=value] …]`; with no names, lists exported variables as `declare -x`.
pub(super) fn export(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut unexport = false;
    let mut names = Vec::new();
    let mut options_done = false;
    for arg in inv.args() {
        if !options_done && arg == "--" {
            options_done = true;
            continue;
        }
        match arg.strip_prefix('-').filter(|_| !options_done) {
            Some(flags) if !flags.is_empty() => {
                for c in flags.chars() {
                    match c {
                        'n' => unexport = true,
                        'p' | 'f' => {}
                        other => {
                            out.errln(format!("bash: export: -{other}: invalid option"));
                            out.errln("export: usage: export [-fn] [name[=value] ...] or export -p");
                            return out.with_exit(2);
                        }
                    }
                }
            }
            _ => {
                options_done = true;
                names.push(arg.as_str());
            }
        }
    }
    if names.is_empty() {
        // Exported variables with their values, then those exported without one, by name.
        let mut listing: Vec<(&str, Option<&str>)> = Vec::new();
        for (k, v) in &state.env {
            if !state.exported_unset.contains(k) {
                listing.push((k.as_str(), Some(v.as_str())));
            }
        }
        for k in &state.exported_unset {
            listing.push((k.as_str(), None));
        }
        crate::sort::sort_by(&mut listing, |a, b| a.0.cmp(b.0));
        for (name, value) in listing {
            match value {
                Some(v) => out.outln(format!("declare -x {name}={}", declare_quote(v))),
                None => out.outln(format!("declare -x {name}")),
            }
        }
        return out;
    }
    let mut status = 0;
    for arg in names {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg, None),
        };
        let (name, append) = match name.strip_suffix('+') {
            Some(n) if value.is_some() => (n, true),
            _ => (name, false),
        };
        if !is_name(name) {
            out.errln(format!("bash: export: `{arg}': not a valid identifier"));
            status = 1;
            continue;
        }
        if unexport {
            if let Some(v) = state.env.remove(name) {
                state.vars.insert(name.to_string(), v);
            }
            state.exported_unset.remove(name);
            continue;
        }
        let value = value.map(|v| if append { format!("{}{v}", state.var(name).unwrap_or("")) } else { v.to_string() });
        state.export(name, value.as_deref());
    }
    out.with_exit(status)
}

/// `unset [-v] [-f] NAME …`
pub(super) fn unset(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let out = Output::new();
    for arg in inv.args() {
        if arg == "-v" || arg == "-f" || arg == "--" {
            continue;
        }
        // bash 5.2 silently ignores names that cannot be variables.
        if is_name(arg) {
            state.unset(arg);
        }
    }
    out
}

/// `read [-r] [-p PROMPT] [NAME…]`: one line of standard input into variables (`REPLY` without
/// names); the last name takes the rest of the line. No input: exit 1.
pub(super) fn read(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let out = Output::new();
    let mut raw = false;
    let mut names: Vec<&str> = Vec::new();
    let mut args = inv.args().iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-r" => raw = true,
            "-p" | "-t" | "-n" | "-d" | "-u" => {
                args.next();
            }
            "-s" | "-e" => {}
            name => names.push(name),
        }
    }
    let input = inv.stdin.unwrap_or("");
    if input.is_empty() {
        return out.with_exit(1);
    }
    let (mut line, complete) = match input.split_once('\n') {
        Some((line, _)) => (line.to_string(), true),
        None => (input.to_string(), false),
    };
    if !raw {
        let mut unescaped = String::with_capacity(line.len());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(next) = chars.next() {
                    unescaped.push(next);
                }
            } else {
                unescaped.push(c);
            }
        }
        line = unescaped;
    }
    if names.is_empty() {
        state.set_var("REPLY", &line);
    } else {
        let mut rest = line.trim_matches([' ', '\t']);
        for (i, name) in names.iter().enumerate() {
            let value = if i + 1 == names.len() {
                let value = rest.to_string();
                rest = "";
                value
            } else {
                let end = rest.find([' ', '\t']).unwrap_or(rest.len());
                let value = rest.get(..end).unwrap_or("").to_string();
                rest = rest.get(end..).unwrap_or("").trim_start_matches([' ', '\t']);
                value
            };
            if is_name(name) {
                state.set_var(name, &value);
            }
        }
    }
    out.with_exit(if complete { 0 } else { 1 })
}

/// `set`: lists the variables; options (`set -e`, `set -o pipefail`) are accepted and have no effect.
pub(super) fn set(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    if !inv.args().is_empty() {
        return out;
    }
    // Shell variables and exported ones, by name (an exported one wins).
    let mut all: Vec<(&str, &str)> = Vec::new();
    for (k, v) in &state.vars {
        if !state.env.contains_key(k) {
            all.push((k.as_str(), v.as_str()));
        }
    }
    for (k, v) in &state.env {
        all.push((k.as_str(), v.as_str()));
    }
    crate::sort::sort_by(&mut all, |a, b| a.0.cmp(b.0));
    for (name, value) in all {
        let plain = !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "/_.:-,+=@%".contains(c));
        if plain {
            out.outln(format!("{name}={value}"));
        } else {
            out.outln(format!("{name}='{}'", value.replace('\'', "'\\''")));
        }
    }
    out
}

fn print_environment(out: &mut Output, env: &BTreeMap<String, String>) {
    for (k, v) in env {
        out.outln(format!("{k}={v}"));
    }
}

/// `env [-i] [NAME=value …] [command [arg …]]`
pub(super) fn env(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut environment = inv.env.clone();
    let mut args = inv.args();
    loop {
        match args.first().map(String::as_str) {
            Some("-i" | "-" | "--ignore-environment") => environment.clear(),
            Some(a) if a.contains('=') && !a.starts_with('=') && !a.starts_with('-') => {
                if let Some((k, v)) = a.split_once('=') {
                    environment.insert(k.to_string(), v.to_string());
                }
            }
            Some("env") => {}
            Some(other) if other.starts_with('-') => {
                let c = other.chars().nth(1).unwrap_or('-');
                super::usage_error(&mut out, "env", &format!("invalid option -- '{c}'"));
                return out.with_exit(125);
            }
            _ => break,
        }
        args = args.get(1..).unwrap_or_default();
    }
    let Some(name) = args.first() else {
        print_environment(&mut out, &environment);
        return out;
    };
    if USR_BIN.contains(&name.as_str()) {
        if let Some(builtin) = lookup(name) {
            let call = Invocation { argv: args, stdin: inv.stdin, stdin_is_file: inv.stdin_is_file, tty: inv.tty, env: &environment };
            return builtin(&call, state, programs);
        }
    }
    if programs.has_program(name) {
        let cwd = state.cwd.clone();
        return programs.run(ProgramCall { argv: args, stdin: inv.stdin, env: &environment, cwd: &cwd });
    }
    out.errln(format!("env: ‘{name}’: No such file or directory"));
    out.with_exit(127)
}

/// `printenv [NAME …]`
pub(super) fn printenv(inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    if inv.args().is_empty() {
        print_environment(&mut out, inv.env);
        return out;
    }
    let mut status = 0;
    for name in inv.args() {
        match inv.env.get(name) {
            Some(v) => out.outln(v),
            None => status = 1,
        }
    }
    out.with_exit(status)
}
