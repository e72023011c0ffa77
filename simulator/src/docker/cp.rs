//! `docker cp` / `docker container cp`: files between a container and the learner's project folder
//! (the host side), with `cp -a`'s rules for where things land.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::fs_tree::text_of;
use crate::engine::Engine;
use crate::format::units::human_size_precision;
use crate::fs::{path, Content, MergedFs};
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::docker::host_path::{host_path, project_path};
use crate::shell::ProgramCall;

/// One side of a copy.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    /// `CONTAINER:PATH`
    Container { name: String, path: String },
    /// A path of the project folder, as typed.
    Local(String),
}

/// Docker's `splitCpArg`: absolute or `.`-relative paths are local, `NAME:PATH` is a container.
fn split(arg: &str) -> Side {
    if arg.starts_with('/') || arg.starts_with('.') {
        return Side::Local(arg.to_string());
    }
    match arg.split_once(':') {
        Some((name, p)) if !name.is_empty() && !name.contains('/') => Side::Container { name: name.to_string(), path: p.to_string() },
        _ => Side::Local(arg.to_string()),
    }
}

fn is_project_dir(project: &dyn ProjectFiles, rel: &str) -> bool {
    rel.is_empty() || project.is_dir(rel)
}

/// Bytes of the tar stream `docker cp` sends (headers, content padded to 512, end marker).
fn tar_size(entries: &[(bool, u64)]) -> u64 {
    entries.iter().map(|(is_file, size)| 512 + if *is_file { size.div_ceil(512) * 512 } else { 0 }).sum::<u64>() + 1024
}

fn base_name(p: &str) -> &str {
    let t = p.trim_end_matches('/');
    t.rsplit('/').next().filter(|b| !b.is_empty()).unwrap_or(t)
}

pub fn cp(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let (Some(src), Some(dst)) = (inv.args.first(), inv.args.get(1)) else { return out };
    match (split(src), split(dst)) {
        (Side::Local(_), Side::Local(_)) => {
            out.errln("must specify at least one container source");
            out.with_exit(1)
        }
        (Side::Container { .. }, Side::Container { .. }) => {
            out.errln("copying between containers is not supported");
            out.with_exit(1)
        }
        (Side::Container { name, path: from }, Side::Local(to)) => {
            if to == "-" {
                out.errln("docker cp: writing a tar archive to standard output is not available in this simulator; copy to a folder instead");
                return out.with_exit(1);
            }
            copy_out(engine, &name, &from, &to, call.cwd, project, &mut out);
            out
        }
        (Side::Local(from), Side::Container { name, path: to }) => {
            if from == "-" {
                out.errln("docker cp: reading a tar archive from standard input is not available in this simulator; copy a file or folder instead");
                return out.with_exit(1);
            }
            copy_in(engine, &from, &name, &to, call.cwd, project, &mut out);
            out
        }
    }
}

/// Container → project folder.
fn copy_out(engine: &mut Engine, name: &str, from: &str, to: &str, cwd: &str, project: &mut dyn ProjectFiles, out: &mut Output) {
    let c = match engine.find_container(name) {
        Ok(c) => c,
        Err(e) => {
            errors::daemon(out, &e.message());
            out.exit_code = 1;
            return;
        }
    };
    let src = path::join("/", from);
    let stat = match c.fs.stat(&src) {
        Ok(s) => s,
        Err(_) => {
            errors::daemon(out, &format!("Could not find the file {from} in container {name}"));
            out.exit_code = 1;
            return;
        }
    };
    let Some(dest) = project_path(cwd, to) else {
        out.errln(format!("open {to}: permission denied"));
        out.exit_code = 1;
        return;
    };
    let contents_only = from.ends_with("/.");
    let into = is_project_dir(project, &dest) && !contents_only;
    let target = if into { join_rel(&dest, base_name(&src)) } else { dest.clone() };
    let mut sizes: Vec<(bool, u64)> = Vec::new();
    if stat.is_dir() {
        let Ok(entries) = c.fs.walk(&src) else { return };
        let root = entries.first().map(|(p, _)| p.clone()).unwrap_or_else(|| src.clone());
        for (p, s) in &entries {
            sizes.push((s.is_file(), s.size));
            if !s.is_file() {
                continue;
            }
            let rel = p.strip_prefix(&root).unwrap_or(p).trim_start_matches('/');
            let content = c.fs.read(p).map(|c| text_of(&c)).unwrap_or_default();
            if let Err(e) = project.write(&join_rel(&target, rel), &content) {
                out.errln(e);
                out.exit_code = 1;
                return;
            }
        }
    } else {
        sizes.push((true, stat.size));
        let content = c.fs.read(&src).map(|c| text_of(&c)).unwrap_or_default();
        if let Err(e) = project.write(&target, &content) {
            out.errln(e);
            out.exit_code = 1;
            return;
        }
    }
    if engine.tty {
        out.errln(format!("Successfully copied {} to {}", human_size_precision(tar_size(&sizes) as f64, 3), host_path(&dest)));
    }
}

fn join_rel(dir: &str, name: &str) -> String {
    match (dir.is_empty(), name.is_empty()) {
        (true, _) => name.to_string(),
        (_, true) => dir.to_string(),
        _ => format!("{dir}/{name}"),
    }
}

/// Project folder → container.
fn copy_in(engine: &mut Engine, from: &str, name: &str, to: &str, cwd: &str, project: &mut dyn ProjectFiles, out: &mut Output) {
    let Some(src) = project_path(cwd, from) else {
        out.errln(format!("lstat {from}: permission denied"));
        out.exit_code = 1;
        return;
    };
    let is_dir = is_project_dir(project, &src);
    let is_file = !is_dir && project.read(&src).is_some();
    if !is_dir && !is_file {
        out.errln(format!("lstat {}: no such file or directory", host_path(&src)));
        out.exit_code = 1;
        return;
    }
    let now = engine.now().secs();
    let tty = engine.tty;
    let id = match engine.resolve_container_id(name) {
        Ok(id) => id,
        Err(e) => {
            errors::daemon(out, &e.message());
            out.exit_code = 1;
            return;
        }
    };
    let Some(c) = engine.containers.get_mut(&id) else { return };
    if c.fs.read_only {
        errors::daemon(out, "container rootfs is marked read-only");
        out.exit_code = 1;
        return;
    }
    let dest = path::join("/", to);
    let fs = &mut c.fs;
    fs.now = now;
    (fs.uid, fs.gid) = (0, 0);
    let dest_is_dir = fs.stat(&dest).is_ok_and(|s| s.is_dir());
    if !dest_is_dir {
        let parent = dest.trim_end_matches('/').rsplit_once('/').map_or("/", |(p, _)| if p.is_empty() { "/" } else { p }).to_string();
        if !fs.stat(&parent).is_ok_and(|s| s.is_dir()) {
            let missing = first_missing(fs, &parent);
            errors::daemon(out, &format!("Could not find the file {missing} in container {name}"));
            out.exit_code = 1;
            return;
        }
    }
    let contents_only = from.ends_with("/.");
    let target = if dest_is_dir && !contents_only { path::join(&dest, base_name(&host_path(&src))) } else { dest.clone() };
    let mut sizes: Vec<(bool, u64)> = Vec::new();
    let result = if is_dir {
        let prefix = if src.is_empty() { String::new() } else { format!("{src}/") };
        let files: Vec<String> = project.list().into_iter().filter(|f| f.starts_with(&prefix)).collect();
        let mut result = fs.mkdir_all(&target);
        sizes.push((false, 0));
        for f in files {
            let rel = f.strip_prefix(&prefix).unwrap_or(&f);
            let content = project.read(&f).unwrap_or_default();
            let p = path::join(&target, rel);
            sizes.push((true, content.len() as u64));
            let dir = p.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d }).to_string();
            result = result.and_then(|()| fs.mkdir_all(&dir)).and_then(|()| fs.write_content(&p, Content::text(&content), Some(0o644)));
        }
        result
    } else {
        let content = project.read(&src).unwrap_or_default();
        sizes.push((true, content.len() as u64));
        fs.write_content(&target, Content::text(&content), Some(0o644))
    };
    if let Err(e) = result {
        errors::daemon(out, &format!("{}: {}", e.path, e.errno.strerror().to_lowercase()));
        out.exit_code = 1;
        return;
    }
    if tty {
        out.errln(format!("Successfully copied {} to {name}:{to}", human_size_precision(tar_size(&sizes) as f64, 3)));
    }
}

/// The first missing directory on the way to `dir` (what Docker names in its error).
fn first_missing(fs: &MergedFs, dir: &str) -> String {
    let mut cur = String::new();
    for c in dir.split('/').filter(|c| !c.is_empty()) {
        cur.push('/');
        cur.push_str(c);
        if fs.stat(&cur).is_err() {
            return cur;
        }
    }
    dir.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arguments_like_the_cli() {
        assert_eq!(split("c1:/tmp"), Side::Container { name: "c1".into(), path: "/tmp".into() });
        assert_eq!(split("./a:b"), Side::Local("./a:b".into()));
        assert_eq!(split("/abs:x"), Side::Local("/abs:x".into()));
        assert_eq!(split("a.txt"), Side::Local("a.txt".into()));
        assert_eq!(project_path("app", "../x/./y"), Some("x/y".to_string()));
        assert_eq!(project_path("", "/home/estudiante/a"), Some("a".to_string()));
        assert_eq!(project_path("", "/etc"), None);
        assert_eq!(tar_size(&[(true, 6)]), 2048);
    }
}
