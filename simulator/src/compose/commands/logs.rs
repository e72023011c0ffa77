//! `docker compose logs`: every container's output, prefixed with `service-N  | `.

use super::containers::{label, of_project, short_name, SERVICE};
use super::Ctx;
use crate::engine::Engine;
use crate::output::{Output, Stream};

/// Prints the logs of these containers, merged by time; `timestamps` adds the time.
pub fn print_logs(engine: &Engine, ids: &[String], out: &mut Output, timestamps: bool) {
    let containers: Vec<&crate::engine::container::Container> = ids.iter().filter_map(|id| engine.containers.get(id)).collect();
    // Only containers that printed something take part in the prefix width.
    let width = containers.iter().filter(|c| !c.logs.is_empty()).map(|c| short_name(c).chars().count()).max().unwrap_or(0);
    let mut entries = Vec::new();
    for (i, c) in containers.iter().enumerate() {
        for (j, e) in c.logs.iter().enumerate() {
            entries.push((e.time, i, j, short_name(c), e.stream, e.text.clone()));
        }
    }
    entries.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    for (time, _, _, name, stream, text) in entries {
        let pad = width.saturating_sub(name.chars().count());
        let stamp = if timestamps { format!("{} ", time.rfc3339_nano()) } else { String::new() };
        for line in text.replace("\r\n", "\n").lines() {
            let stream = if stream == Stream::Stderr { Stream::Stderr } else { Stream::Stdout };
            out.push(stream, &format!("{name}{}  | {stamp}{line}\n", " ".repeat(pad)));
        }
    }
}

pub fn logs(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let project = match cx.try_load(&[]) {
        Ok(p) => p,
        Err(e) => {
            super::fail(&mut out, &e);
            return out;
        }
    };
    for w in &project.warnings {
        super::warn(cx.engine, &mut out, w);
    }
    for n in &cx.args {
        if project.service(n).is_none() {
            out.errln(format!("no such service: {n}"));
            return out.with_exit(1);
        }
    }
    let ids: Vec<String> = of_project(cx.engine, &project.name, true)
        .into_iter()
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .map(|c| c.id.clone())
        .collect();
    print_logs(cx.engine, &ids, &mut out, cx.flags.bool("timestamps"));
    out
}
