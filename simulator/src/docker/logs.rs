//! `docker logs`.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::Engine;
use crate::output::Output;

pub fn logs(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    if c.state.dead || c.state.removal_in_progress {
        errors::daemon(&mut out, "can not get logs from container which is dead or marked for removal");
        return out.with_exit(1);
    }
    let timestamps = inv.bool("timestamps");
    // Split every entry into lines, keeping the stream and time of each.
    let mut lines: Vec<(crate::clock::Timestamp, crate::output::Stream, String)> = Vec::new();
    for e in &c.logs {
        for piece in e.text.split_inclusive('\n') {
            lines.push((e.time, e.stream, piece.to_string()));
        }
    }
    let tail = match inv.str("tail") {
        None | Some("all") => None,
        Some(n) => match n.parse::<i64>() {
            Ok(v) if v >= 0 => Some(v as usize),
            Ok(_) => None,
            Err(_) => None,
        },
    };
    let skip = tail.map_or(0, |n| lines.len().saturating_sub(n));
    for (time, stream, text) in lines.into_iter().skip(skip) {
        if timestamps {
            out.push(stream, &format!("{} {text}", time.rfc3339_nano_fixed()));
        } else {
            out.push(stream, &text);
        }
    }
    // `--follow` ends at once: the simulated terminal does not stream.
    out
}
