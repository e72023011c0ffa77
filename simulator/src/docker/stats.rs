//! `docker stats --no-stream`: a snapshot of resource use, derived deterministically from each
//! container's program so the numbers are stable.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::container::Container;
use crate::engine::Engine;
use crate::json_object::JsonObject;
use crate::format::units::{bytes_size, human_size};
use crate::output::Output;

const DEFAULT_FORMAT: &str = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

const HEADERS: &[(&str, &str)] = &[
    ("Container", "CONTAINER"),
    ("ID", "CONTAINER ID"),
    ("Name", "NAME"),
    ("CPUPerc", "CPU %"),
    ("MemUsage", "MEM USAGE / LIMIT"),
    ("MemPerc", "MEM %"),
    ("NetIO", "NET I/O"),
    ("BlockIO", "BLOCK I/O"),
    ("PIDs", "PIDS"),
];

/// Memory of the host the simulated engine runs on (what an unlimited container's LIMIT shows).
const HOST_MEMORY: f64 = 8_317_362_176.0;

fn usage(c: &Container) -> (f64, f64, u32) {
    // (cpu %, memory bytes, pids) by program kind.
    let procs = c.program.as_ref().map_or(1, |p| p.processes.len().max(1)) as u32;
    let cmd = c.program.as_ref().and_then(|p| p.processes.first()).map_or(String::new(), |p| p.1.clone());
    let mem = if cmd.contains("nginx") {
        11_612_160.0
    } else if cmd.contains("postgres") {
        38_977_536.0
    } else if cmd.contains("mysqld") {
        432_013_312.0
    } else if cmd.contains("redis") {
        9_850_880.0
    } else if cmd.contains("httpd") {
        7_819_264.0
    } else {
        462_848.0
    };
    (0.0, mem, procs)
}

pub fn stats(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if !inv.bool("no-stream") {
        // Streaming stats redraw the screen forever; the simulator shows one snapshot.
    }
    let all = inv.bool("all");
    let mut targets: Vec<&Container> = Vec::new();
    let mut errs = Vec::new();
    if inv.args.is_empty() {
        targets = engine.containers_newest_first().into_iter().filter(|c| all || c.state.running).collect();
    } else {
        for a in &inv.args {
            match engine.find_container(a) {
                Ok(c) => targets.push(c),
                Err(e) => errs.push(e.message()),
            }
        }
    }
    if !errs.is_empty() {
        for e in errs {
            errors::daemon(&mut out, &e);
        }
        return out.with_exit(1);
    }
    let mut rows = Vec::new();
    for c in targets {
        let running = c.state.running && !c.state.paused && !c.state.restarting;
        let (cpu, mem, pids) = if running { usage(c) } else { (0.0, 0.0, 0) };
        let limit = if c.host_config.memory > 0 { c.host_config.memory as f64 } else if running { HOST_MEMORY } else { 0.0 };
        let pct = if limit > 0.0 { mem / limit * 100.0 } else { 0.0 };
        let net = if running { format!("{} / {}", human_size(1_046.0), human_size(126.0)) } else { "0B / 0B".into() };
        let mut o = JsonObject::new();
        o.str("BlockIO", "0B / 0B");
        o.string("CPUPerc", format!("{cpu:.2}%"));
        o.str("Container", c.short_id());
        o.str("ID", c.short_id());
        o.string("MemPerc", format!("{pct:.2}%"));
        o.string("MemUsage", format!("{} / {}", bytes_size(mem), bytes_size(limit)));
        o.str("Name", &c.name);
        o.string("NetIO", net);
        o.string("PIDs", pids.to_string());
        rows.push(o.into_value());
    }
    let format = crate::docker::listing::format_or(inv, DEFAULT_FORMAT);
    let listing = crate::docker::listing::Listing::new("formatter.ContainerStats", HEADERS);
    listing.print(&format, &rows, &mut out);
    out
}
