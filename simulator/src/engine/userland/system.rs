//! What a process can learn about its container: `env`, `id`, `whoami`, `hostname`, `uname`,
//! `which`, `ps`, `df`, `du`, `sleep`, `date`.

use std::collections::BTreeMap;

use super::files::{busybox_banner, usage, Args};
use super::{Machine, Userland};
use crate::clock::Timestamp;
use crate::output::Output;
use crate::shell::ProgramCall;

/// The kernel every simulated container runs on (as `docker info` reports).
const KERNEL_RELEASE: &str = "6.1.0-28-amd64";
const KERNEL_VERSION: &str = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)";

/// `env [NAME=VALUE…] [COMMAND…]`, `printenv [NAME…]`.
pub(super) fn env(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let printenv = call.argv.first().is_some_and(|a| a.ends_with("printenv"));
    let args = call.argv.get(1..).unwrap_or_default();
    if printenv && !args.is_empty() {
        let mut status = 0;
        for name in args {
            match call.env.get(name) {
                Some(v) => out.outln(v),
                None => status = 1,
            }
        }
        return out.with_exit(status);
    }
    let mut vars = call.env.clone();
    let mut rest = args.iter().skip_while(|a| *a == "-" || *a == "-i").peekable();
    if args.iter().any(|a| a == "-i" || a == "-") {
        vars.clear();
    }
    let mut command: Vec<String> = Vec::new();
    for a in rest.by_ref() {
        match a.split_once('=') {
            Some((k, v)) if command.is_empty() && !k.is_empty() => {
                vars.insert(k.to_string(), v.to_string());
            }
            _ => command.push(a.clone()),
        }
    }
    if !command.is_empty() {
        let cwd = format!("/{}", call.cwd);
        return m.run_argv(&command, &vars, &cwd);
    }
    for line in ordered(&m.env_order, &vars) {
        out.outln(line);
    }
    out
}

/// `vars` as `NAME=value` lines: the process environment's order first, then the rest by name.
fn ordered(order: &[String], vars: &BTreeMap<String, String>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut printed: Vec<&str> = Vec::new();
    for kv in order {
        let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k);
        if let Some(v) = vars.get(key) {
            if !printed.contains(&key) {
                lines.push(format!("{key}={v}"));
                printed.push(key);
            }
        }
    }
    for (k, v) in vars {
        if !printed.contains(&k.as_str()) {
            lines.push(format!("{k}={v}"));
        }
    }
    lines
}

/// `id [-u|-g|-G] [-n]`
pub(super) fn id(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    let u = &m.user;
    let name = args.has('n');
    let line = if args.has('u') {
        if name { u.display_name() } else { u.uid.to_string() }
    } else if args.has('g') {
        if name { u.group.clone().unwrap_or_else(|| u.gid.to_string()) } else { u.gid.to_string() }
    } else {
        u.id_line()
    };
    out.outln(line);
    out
}

/// `whoami`
pub(super) fn whoami(m: &mut Machine<'_, '_>, _call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    match &m.user.name {
        Some(n) => out.outln(n),
        None if m.userland.is_busybox() => {
            out.errln(format!("whoami: unknown uid {}", m.user.uid));
            return out.with_exit(1);
        }
        None => {
            out.errln(format!("whoami: cannot find name for user ID {}", m.user.uid));
            return out.with_exit(1);
        }
    }
    out
}

/// `hostname`
pub(super) fn hostname(m: &mut Machine<'_, '_>, _call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    out.outln(&m.hostname);
    out
}

/// `uname [-asnrvm]`
pub(super) fn uname(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    let all = args.has('a');
    let mut fields: Vec<&str> = Vec::new();
    if all || args.has('s') || args.flags.is_empty() {
        fields.push("Linux");
    }
    if all || args.has('n') {
        fields.push(&m.hostname);
    }
    if all || args.has('r') {
        fields.push(KERNEL_RELEASE);
    }
    if all || args.has('v') {
        fields.push(KERNEL_VERSION);
    }
    if all || args.has('m') {
        fields.push("x86_64");
    }
    if all {
        fields.push("GNU/Linux");
    }
    out.outln(fields.join(" "));
    out
}

/// `which PROGRAM…`: the path the shell would run; nothing (exit 1) when missing.
pub(super) fn which(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let path_var = call.env.get("PATH").map_or(super::DEFAULT_PATH, String::as_str);
    let mut status = 0;
    for name in call.argv.get(1..).unwrap_or_default().iter().filter(|a| !a.starts_with('-')) {
        let lookup = if name.contains('/') { Machine::absolute(call.cwd, name) } else { name.clone() };
        match m.fs.which(&lookup, path_var) {
            Some(p) => out.outln(if name.contains('/') { name.clone() } else { p }),
            None => status = 1,
        }
    }
    out.with_exit(status)
}

/// The Debian build of busybox (the capture fixture) leaves `TIME` out of `ps`.
fn ps_has_time(m: &Machine<'_, '_>) -> bool {
    !busybox_banner(m).contains("Debian")
}

/// `ps [-o FIELDS]`, `ps aux`/`ps -ef` (GNU).
pub(super) fn ps(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let mut procs = m.processes.clone();
    let own = procs.iter().map(|p| p.0).max().map_or(1, |max| max + 6);
    procs.push((own, m.user.display_name(), "ps".to_string()));
    let args = call.argv.get(1..).unwrap_or_default();
    let fields: Option<Vec<String>> = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .map(|f| f.split(',').map(str::to_string).collect());
    let comm = |cmd: &str| cmd.split_whitespace().next().map(|c| c.rsplit('/').next().unwrap_or(c).to_string()).unwrap_or_default();
    if let Some(fields) = fields {
        let header: Vec<String> = fields
            .iter()
            .map(|f| match f.as_str() {
                "pid" => "PID  ".to_string(),
                "ppid" => "PPID ".to_string(),
                "user" => "USER    ".to_string(),
                "comm" | "args" => "COMMAND".to_string(),
                "time" => "TIME ".to_string(),
                other => other.to_uppercase(),
            })
            .collect();
        out.outln(header.join(" ").trim_end());
        for (pid, user, cmd) in &procs {
            let row: Vec<String> = fields
                .iter()
                .map(|f| match f.as_str() {
                    "pid" => format!("{pid:>5}"),
                    "ppid" => format!("{:>5}", if *pid == 1 { 0 } else { 1 }),
                    "user" => format!("{user:<8}"),
                    "comm" => comm(cmd),
                    "args" => cmd.clone(),
                    "time" => " 0:00".to_string(),
                    _ => String::new(),
                })
                .collect();
            out.outln(row.join(" ").trim_end());
        }
        return out;
    }
    if m.userland == Userland::Gnu {
        out.outln("    PID TTY          TIME CMD");
        for (pid, _, cmd) in &procs {
            out.outln(format!("{pid:>7} ?        00:00:00 {}", comm(cmd)));
        }
        return out;
    }
    if ps_has_time(m) {
        out.outln("PID   USER     TIME  COMMAND");
        for (pid, user, cmd) in &procs {
            out.outln(format!("{pid:>5} {user:<8} {:>5} {cmd}", "0:00"));
        }
    } else {
        out.outln("PID   USER     COMMAND");
        for (pid, user, cmd) in &procs {
            out.outln(format!("{pid:>5} {user:<8} {cmd}"));
        }
    }
    out
}

/// `df [-h]`: the container's root filesystem and its tmpfs mounts.
pub(super) fn df(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let human = call.argv.iter().any(|a| a == "-h");
    // A 60 GB disk, a third used, plus what the container wrote.
    let used_kb = 20_541_324 + m.fs.upper_size() / 1024;
    let total_kb = 61_202_244u64;
    let avail_kb = total_kb.saturating_sub(used_kb + 3_141_332);
    let pct = (used_kb * 100).div_ceil(used_kb + avail_kb);
    let rows: [(&str, u64, u64, u64, u64, &str); 4] = [
        ("overlay", total_kb, used_kb, avail_kb, pct, "/"),
        ("tmpfs", 65_536, 0, 65_536, 0, "/dev"),
        ("shm", 65_536, 0, 65_536, 0, "/dev/shm"),
        ("/dev/sda1", total_kb, used_kb, avail_kb, pct, "/etc/hosts"),
    ];
    let size = |kb: u64| if human { human_kb(kb) } else { kb.to_string() };
    if m.userland.is_busybox() {
        out.outln(if human {
            "Filesystem                Size      Used Available Use% Mounted on"
        } else {
            "Filesystem           1K-blocks      Used Available Use% Mounted on"
        });
        for (fs, total, used, avail, pct, at) in rows {
            let w = if human { 25 } else { 20 };
            let first = if human { format!("{fs:<w$}{:>5}", size(total)) } else { format!("{fs:<w$}{:>10}", size(total)) };
            out.outln(format!("{first} {:>9} {:>9} {pct:>3}% {at}", size(used), size(avail)));
        }
    } else {
        out.outln(if human { "Filesystem      Size  Used Avail Use% Mounted on" } else { "Filesystem     1K-blocks     Used Available Use% Mounted on" });
        for (fs, total, used, avail, pct, at) in rows {
            if human {
                out.outln(format!("{fs:<15} {:>4} {:>5} {:>5} {pct:>3}% {at}", size(total), size(used), size(avail)));
            } else {
                out.outln(format!("{fs:<14} {total:>9} {used:>8} {avail:>9} {pct:>3}% {at}"));
            }
        }
    }
    out
}

/// `64.0M`, `58.4G` (BusyBox and GNU agree closely enough for a course).
fn human_kb(kb: u64) -> String {
    let mut value = kb as f64;
    let mut unit = 'K';
    for u in ['M', 'G', 'T'] {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = u;
    }
    if kb == 0 {
        "0".to_string()
    } else {
        format!("{value:.1}{unit}")
    }
}

/// `du [-s] [-h] [PATH…]`: KiB in 4 KiB blocks, directories after their contents.
pub(super) fn du(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "d");
    let (summary, human, all) = (args.has('s'), args.has('h'), args.has('a'));
    let operands = if args.operands.is_empty() { vec![".".to_string()] } else { args.operands.clone() };
    let bb = m.userland.is_busybox();
    let shown_size = |kb: u64| {
        if !human {
            kb.to_string()
        } else if bb {
            if kb < 1024 { format!("{kb}.0K") } else { human_kb(kb) }
        } else if kb < 1024 {
            format!("{kb}K")
        } else {
            human_kb(kb)
        }
    };
    let mut status = 0;
    for name in &operands {
        let root = Machine::absolute(call.cwd, name);
        let entries = match m.fs.walk(&root) {
            Ok(e) => e,
            Err(e) => {
                let msg = m.userland.strerror(e.errno);
                out.errln(if bb { format!("du: {name}: {msg}") } else { format!("du: cannot access '{name}': {msg}") });
                status = 1;
                continue;
            }
        };
        let canon = entries.first().map(|(p, _)| p.clone()).unwrap_or_else(|| root.clone());
        // Sizes, by entry: each entry's own blocks plus, for directories, everything below.
        let mut sizes: Vec<u64> = vec![0; entries.len()];
        // (directory, blocks below it so far): the walk lists a directory before what it holds, so
        // going backwards only the current entry's ancestors are waiting here.
        let mut below: Vec<(String, u64)> = Vec::new();
        for (i, (p, st)) in entries.iter().enumerate().rev() {
            let own = if st.is_symlink() { 0 } else { st.size.div_ceil(4096) * 4 };
            let under = below.iter().position(|(d, _)| d == p).map_or(0, |at| below.swap_remove(at).1);
            let total = own + under;
            if let Some(slot) = sizes.get_mut(i) {
                *slot = total;
            }
            if p != &canon {
                let parent = parent_of(p);
                match below.iter_mut().find(|(d, _)| *d == parent) {
                    Some(slot) => slot.1 += total,
                    None => below.push((parent, total)),
                }
            }
        }
        let show = |p: &str, size: u64, out: &mut Output| {
            out.outln(format!("{}\t{}", shown_size(size), shown_path(name, &canon, p)));
        };
        if summary {
            show(&canon, sizes.first().copied().unwrap_or(0), &mut out);
            continue;
        }
        // Depth first, each directory after what it holds.
        let mut open: Vec<(&str, u64)> = Vec::new();
        for ((p, st), size) in entries.iter().zip(sizes.iter().copied()) {
            while let Some(&(top, top_size)) = open.last() {
                let inside = p.strip_prefix(top).is_some_and(|r| r.starts_with('/')) || top == "/";
                if inside {
                    break;
                }
                show(top, top_size, &mut out);
                open.pop();
            }
            if st.is_dir() {
                open.push((p, size));
            } else if all {
                show(p, size, &mut out);
            }
        }
        while let Some((top, top_size)) = open.pop() {
            show(top, top_size, &mut out);
        }
    }
    out.with_exit(status)
}

/// The path as `du` prints it: the operand as typed, then the path below it.
fn shown_path(operand: &str, canon: &str, p: &str) -> String {
    let rest = p.strip_prefix(canon).unwrap_or("");
    if rest.is_empty() {
        operand.to_string()
    } else {
        format!("{}{rest}", operand.trim_end_matches('/'))
    }
}

/// The parent directory of an absolute path.
fn parent_of(p: &str) -> String {
    match p.rsplit_once('/') {
        Some(("", _)) | None => "/".to_string(),
        Some((parent, _)) => parent.to_string(),
    }
}

/// Seconds of a `sleep` operand (`5`, `1.5`, `2m`, `1h`, `infinity`).
pub fn parse_duration_secs(s: &str) -> Option<f64> {
    let (num, mult) = match s.chars().last()? {
        's' => (s.get(..s.len() - 1)?, 1.0),
        'm' => (s.get(..s.len() - 1)?, 60.0),
        'h' => (s.get(..s.len() - 1)?, 3600.0),
        'd' => (s.get(..s.len() - 1)?, 86400.0),
        _ => (s, 1.0),
    };
    let v: f64 = if num == "infinity" { 1e12 } else { num.parse().ok()? };
    (v.is_finite() && v >= 0.0).then_some((v * mult).min(1e12))
}

/// `sleep N…`
pub(super) fn sleep(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = call.argv.get(1..).unwrap_or_default();
    if args.is_empty() {
        return usage(m, "sleep");
    }
    let mut total = 0.0;
    for a in args {
        match parse_duration_secs(a) {
            Some(s) => total += s,
            None => {
                if m.userland.is_busybox() {
                    out.errln(format!("sleep: invalid number '{a}'"));
                } else {
                    out.errln(format!("sleep: invalid time interval '{a}'"));
                    out.errln("Try 'sleep --help' for more information.");
                }
                return out.with_exit(1);
            }
        }
    }
    crate::shell::Programs::sleep(m, total);
    out
}

/// `date`: `Sun Nov 30 00:26:51 UTC 2026`.
pub(super) fn date(m: &mut Machine<'_, '_>, _call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    out.outln(date_line(m.now.plus_nanos(m.slept_ns)));
    out
}

fn date_line(t: Timestamp) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, mo, d, h, mi, s) = t.civil();
    let dow = DAYS.get(t.secs().div_euclid(86_400).rem_euclid(7) as usize).copied().unwrap_or("Mon");
    let month = MONTHS.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
    format!("{dow} {month} {d:>2} {h:02}:{mi:02}:{s:02} UTC {y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_dates() {
        assert_eq!(parse_duration_secs("1.5"), Some(1.5));
        assert_eq!(parse_duration_secs("2m"), Some(120.0));
        assert_eq!(parse_duration_secs("x"), None);
        assert_eq!(date_line(Timestamp::from_secs(1_796_000_000)), "Mon Nov 30 00:53:20 UTC 2026");
    }
}
