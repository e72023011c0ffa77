//! The terminal session: `true`, `false`, `clear`, `history`, `sleep`, `type`, `which`, `whoami`,
//! `hostname`.

use super::{Invocation, SHELL_BUILTINS, SHELL_KEYWORDS, USR_BIN};
use crate::events::Event;
use crate::output::Output;
use crate::shell::{Programs, ShellState, HOSTNAME, USER};

/// The longest `sleep` the clock is advanced by (a `sleep infinity` would never end).
const MAX_SLEEP_SECS: f64 = 365.0 * 24.0 * 3600.0;

pub(super) fn true_(_inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    Output::new()
}

pub(super) fn false_(_inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    Output::new().with_exit(1)
}

/// `clear`: the screen is cleared by the terminal on [`Event::ClearScreen`].
pub(super) fn clear(_inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    out.events.push(Event::ClearScreen);
    out
}

/// `history [N]`, `history -c`: bash's numbered list (`    1  cmd`).
pub(super) fn history(inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut count = state.history.len();
    match inv.args().first().map(String::as_str) {
        Some("-c") => {
            state.history.clear();
            return out;
        }
        Some(arg) => match arg.parse::<usize>() {
            Ok(n) => count = n,
            Err(_) => {
                out.errln(format!("bash: history: {arg}: numeric argument required"));
                return out.with_exit(1);
            }
        },
        None => {}
    }
    let skip = state.history.len().saturating_sub(count);
    for (index, line) in state.history.iter().enumerate().skip(skip) {
        out.outln(format!("{:>5}  {line}", index + 1));
    }
    out
}

/// One `sleep` operand: a number with an optional `s`, `m`, `h` or `d` suffix.
fn interval(arg: &str) -> Option<f64> {
    let (number, factor) = match arg.char_indices().last() {
        Some((pos, 's')) => (arg.get(..pos)?, 1.0),
        Some((pos, 'm')) => (arg.get(..pos)?, 60.0),
        Some((pos, 'h')) => (arg.get(..pos)?, 3600.0),
        Some((pos, 'd')) => (arg.get(..pos)?, 86400.0),
        _ => (arg, 1.0),
    };
    if number.is_empty() || number.starts_with(['+', '-']) || number.contains(char::is_whitespace) {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    (value >= 0.0 && !value.is_nan()).then_some(value * factor)
}

/// `sleep NUMBER[SUFFIX]…`: advances the simulated clock by the sum.
pub(super) fn sleep(inv: &Invocation<'_>, _state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let args = inv.args();
    if let Some(option) = args.iter().find(|a| a.starts_with('-') && a.len() > 1 && *a != "--") {
        let c = option.chars().nth(1).unwrap_or('-');
        super::usage_error(&mut out, "sleep", &format!("invalid option -- '{c}'"));
        return out.with_exit(1);
    }
    let operands: Vec<&String> = args.iter().filter(|a| *a != "--").collect();
    if operands.is_empty() {
        super::usage_error(&mut out, "sleep", "missing operand");
        return out.with_exit(1);
    }
    let mut total = 0.0;
    let mut bad = false;
    for arg in operands {
        match interval(arg) {
            Some(secs) => total += secs,
            None => {
                out.errln(format!("sleep: invalid time interval ‘{arg}’"));
                bad = true;
            }
        }
    }
    if bad {
        out.errln("Try 'sleep --help' for more information.");
        return out.with_exit(1);
    }
    programs.sleep(total.min(MAX_SLEEP_SECS));
    out
}

fn is_program(name: &str, programs: &dyn Programs) -> bool {
    USR_BIN.contains(&name) || programs.has_program(name)
}

/// `type NAME…`
pub(super) fn type_(inv: &Invocation<'_>, _state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut status = 0;
    for name in inv.args() {
        if SHELL_KEYWORDS.contains(&name.as_str()) {
            out.outln(format!("{name} is a shell keyword"));
        } else if SHELL_BUILTINS.contains(&name.as_str()) {
            out.outln(format!("{name} is a shell builtin"));
        } else if is_program(name, programs) {
            out.outln(format!("{name} is /usr/bin/{name}"));
        } else {
            out.errln(format!("bash: type: {name}: not found"));
            status = 1;
        }
    }
    out.with_exit(status)
}

/// `which NAME…`: the path of each program; nothing for unknown ones (exit 1).
pub(super) fn which(inv: &Invocation<'_>, _state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let mut status = 0;
    for name in inv.args() {
        if is_program(name, programs) {
            out.outln(format!("/usr/bin/{name}"));
        } else {
            status = 1;
        }
    }
    out.with_exit(status)
}

pub(super) fn whoami(_inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    out.outln(USER);
    out
}

pub(super) fn hostname(_inv: &Invocation<'_>, _state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    out.outln(HOSTNAME);
    out
}
