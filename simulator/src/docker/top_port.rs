//! `docker top` and `docker port`: what runs inside a container and where its ports are published.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::Engine;
use crate::output::Output;

/// `docker top CONTAINER` (the daemon runs `ps -ef`; the CLI prints it with minwidth-20 columns).
pub fn top(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    if !c.state.running || c.state.restarting {
        errors::daemon(&mut out, &format!("container {} is not running", c.id));
        return out.with_exit(1);
    }
    let started = c.state.started_at.unwrap_or(c.created);
    let (_, _, _, h, mi, _) = started.civil();
    let stime = format!("{h:02}:{mi:02}");
    let mut rows = vec![["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"].map(String::from).to_vec()];
    let pid = c.state.pid;
    let ppid = pid.saturating_sub(23);
    let tty = if c.config.tty { "pts/0" } else { "?" };
    if let Some(p) = &c.program {
        for (i, (user, cmd)) in p.processes.iter().enumerate() {
            let (this_pid, parent) = if i == 0 { (pid, ppid) } else { (pid + 30 + i as u32, pid) };
            rows.push(vec![user.clone(), this_pid.to_string(), parent.to_string(), "0".into(), stime.clone(), tty.into(), "00:00:00".into(), cmd.clone()]);
        }
    }
    let mut text = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            text.push_str(cell);
            if i < last {
                let width = cell.chars().count() + 3;
                let target = width.max(20);
                text.push_str(&" ".repeat(target - cell.chars().count()));
            }
        }
        text.push('\n');
    }
    out.out(text);
    out
}

/// `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`.
pub fn port(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    let mut bound = c.bound_ports.clone();
    crate::sort::sort_by(&mut bound, |a, b| (a.container_port, &a.proto, a.host_ip.contains(':')).cmp(&(b.container_port, &b.proto, b.host_ip.contains(':'))));
    let fmt_host = |ip: &str, port: u16| if ip.contains(':') { format!("[{ip}]:{port}") } else { format!("{ip}:{port}") };
    match inv.args.get(1) {
        Some(spec) => {
            let (num, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
            let wanted: Option<u16> = num.parse().ok();
            let matches: Vec<String> = bound
                .iter()
                .filter(|b| Some(b.container_port) == wanted && b.proto == proto)
                .map(|b| fmt_host(&b.host_ip, b.host_port))
                .collect();
            if matches.is_empty() {
                out.errln(format!("Error: No public port '{spec}' published for {typed}"));
                return out.with_exit(1);
            }
            for m in matches {
                out.outln(m);
            }
        }
        None => {
            for b in bound {
                out.outln(format!("{}/{} -> {}", b.container_port, b.proto, fmt_host(&b.host_ip, b.host_port)));
            }
        }
    }
    out
}
