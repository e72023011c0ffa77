//! `docker export` / `docker container export`: a container's files as a tar archive. The
//! simulator cannot write tar data into the project folder: it writes the archive's listing (as
//! `tar -tv` prints it) and says so on stderr.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::host_path::write_archive;
use crate::engine::archives::MAGIC;
use crate::engine::Engine;
use crate::format::units::human_size_precision;
use crate::fs::{Node, Stat};
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// What the CLI says when an archive would go to the terminal.
pub const COWARDLY: &str = "cowardly refusing to save to a terminal. Use the -o flag or redirect";

/// One `tar -tv` line.
fn tar_line(path: &str, stat: &Stat) -> String {
    let t = crate::clock::Timestamp::from_secs(stat.mtime);
    let (y, mo, d, h, mi, _) = t.civil();
    let name = match &stat.link_target {
        Some(target) => format!("{path} -> {target}"),
        None if stat.is_dir() => format!("{path}/"),
        None => path.to_string(),
    };
    let size = if stat.is_file() { stat.size } else { 0 };
    format!("{} {}/{} {size:>12} {y:04}-{mo:02}-{d:02} {h:02}:{mi:02} {name}\n", stat.mode_string(), stat.uid, stat.gid)
}

pub fn export(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let Some(typed) = inv.args.first() else { return out };
    let Some(c) = errors::find_container(engine, typed, &mut out) else { return out.with_exit(1) };
    let target = inv.str("output");
    if target.is_none() && engine.tty {
        out.errln(COWARDLY);
        return out.with_exit(1);
    }
    let flat = c.fs.flatten();
    let mut text = format!("{MAGIC}\n# `docker export {typed}`: the files of container {} a tar archive would hold.\n", c.short_id());
    let mut bytes = 1024u64;
    let entries = flat.entries();
    for (p, node) in &entries {
        let stat = match node {
            Node::File(f) => Stat { file_type: crate::fs::FileType::File, mode: f.meta.mode, uid: f.meta.uid, gid: f.meta.gid, size: f.content.len(), mtime: f.meta.mtime, nlink: 1, link_target: None },
            Node::Dir(d) => Stat { file_type: crate::fs::FileType::Dir, mode: d.meta.mode, uid: d.meta.uid, gid: d.meta.gid, size: 0, mtime: d.meta.mtime, nlink: 2, link_target: None },
            Node::Symlink(s) => Stat { file_type: crate::fs::FileType::Symlink, mode: 0o777, uid: s.meta.uid, gid: s.meta.gid, size: 0, mtime: s.meta.mtime, nlink: 1, link_target: Some(s.target.clone()) },
            Node::Whiteout => continue,
        };
        bytes += 512 + if stat.is_file() { stat.size.div_ceil(512) * 512 } else { 0 };
        text.push_str(&tar_line(p.trim_start_matches('/'), &stat));
    }
    let note = format!(
        "docker export: the simulator cannot write tar data; it wrote the listing of the {} entries ({}) a real archive would hold",
        entries.len(),
        human_size_precision(bytes as f64, 3)
    );
    write_archive(&mut out, project, call.cwd, target, &text, &note, "failed to export container");
    out
}
