//! `docker compose logs`: every container's output, prefixed with `service-N  | `.

use super::containers::{label, of_project, short_name, SERVICE};
use super::Ctx;
use crate::engine::Engine;
use crate::output::{Output, Stream};

/// How `logs` prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogOptions {
    /// `-t`: the time of each line.
    pub timestamps: bool,
    /// `--tail N`: the last N lines of each container.
    pub tail: Option<usize>,
    /// `--no-log-prefix`.
    pub no_prefix: bool,
}

/// Prints the logs of these containers, merged by time.
pub fn print_logs(engine: &Engine, ids: &[String], out: &mut Output, timestamps: bool) {
    print_logs_with(engine, ids, out, LogOptions { timestamps, ..LogOptions::default() });
}

/// [`print_logs`] with every option.
pub fn print_logs_with(engine: &Engine, ids: &[String], out: &mut Output, opts: LogOptions) {
    let timestamps = opts.timestamps;
    let containers: Vec<&crate::engine::container::Container> = ids.iter().filter_map(|id| engine.containers.get(id)).collect();
    // Only containers that printed something take part in the prefix width.
    let width = containers.iter().filter(|c| !c.logs.is_empty()).map(|c| short_name(c).chars().count()).max().unwrap_or(0);
    let mut entries = Vec::new();
    for (i, c) in containers.iter().enumerate() {
        let mut lines: Vec<(usize, &crate::engine::container::LogEntry, String)> = Vec::new();
        for (j, e) in c.logs.iter().enumerate() {
            for line in e.text.replace("\r\n", "\n").lines() {
                lines.push((j, e, line.to_string()));
            }
        }
        let skip = opts.tail.map_or(0, |n| lines.len().saturating_sub(n));
        for (j, e, line) in lines.into_iter().skip(skip) {
            entries.push((e.time, i, j, short_name(c), e.stream, line));
        }
    }
    crate::sort::sort_by_key(&mut entries, |e| (e.0, e.1, e.2));
    for (time, _, _, name, stream, text) in entries {
        let pad = width.saturating_sub(name.chars().count());
        let stamp = if timestamps { format!("{} ", time.rfc3339_nano()) } else { String::new() };
        let stream = if stream == Stream::Stderr { Stream::Stderr } else { Stream::Stdout };
        if opts.no_prefix {
            out.push(stream, &format!("{stamp}{text}\n"));
        } else {
            out.push(stream, &format!("{name}{}  | {stamp}{text}\n", " ".repeat(pad)));
        }
    }
}

pub fn logs(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_services(&mut out) else { return out };
    let ids: Vec<String> = of_project(cx.engine, &project.name, true)
        .into_iter()
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .map(|c| c.id.clone())
        .collect();
    let tail = match cx.flags.str("tail") {
        None | Some("all") => None,
        Some(n) => match n.parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => {
                out.errln(format!("invalid argument \"{n}\" for \"-n, --tail\" flag: strconv.Atoi: parsing \"{n}\": invalid syntax"));
                return out.with_exit(1);
            }
        },
    };
    let opts = LogOptions { timestamps: cx.flags.bool("timestamps"), tail, no_prefix: cx.flags.bool("no-log-prefix") };
    print_logs_with(cx.engine, &ids, &mut out, opts);
    // -f: the terminal keeps following while a container runs.
    if cx.flags.bool("follow") && ids.iter().any(|id| cx.engine.containers.get(id).is_some_and(|c| c.state.running)) {
        out.attached = Some(super::attach::following(cx.engine, &ids));
    }
    out
}
