//! Where a build step touches files: RUN runs the image's own programs (the container userland of
//! the engine) over the step's parent layers, COPY/ADD write into them; the changes become the
//! step's layer. Secrets are mounted for one RUN only and never reach a layer.

use std::sync::Arc;

use crate::build::context::Context;
use crate::clock::Timestamp;
use crate::engine::container_view::BIND_FILE;
use crate::engine::mounted_fs::{Mount, View};
use crate::engine::process::env_map;
use crate::engine::userland::Machine;
use crate::engine::users;
use crate::fs::{self, path, Content, LayerBuilder, MergedFs};

/// The host name of build containers.
pub const HOSTNAME: &str = "buildkitsandbox";

/// What one RUN did.
pub struct RunOutcome {
    /// Lines printed (stdout and stderr, in order).
    pub lines: Vec<String>,
    pub exit_code: i32,
    /// The changes, as a layer.
    pub layer: fs::Layer,
    /// Time the process slept (ns).
    pub slept_ns: i64,
}

/// A secret mounted at `target` during one RUN.
pub struct SecretMount {
    pub target: String,
    pub content: String,
}

/// Runs `argv` as `user` in `workdir` over `layers` with environment `env`.
/// `caches` are the `RUN --mount=type=cache` directories (target, files): the step reads and
/// writes them, and they stay out of its layer.
#[allow(clippy::too_many_arguments)]
pub fn run(
    layers: &[Arc<fs::Layer>],
    argv: &[String],
    env: &[String],
    workdir: &str,
    user: &str,
    secrets: &[SecretMount],
    caches: Vec<(String, &mut MergedFs)>,
    now: Timestamp,
) -> RunOutcome {
    let mut root = MergedFs::new(layers.to_vec());
    root.now = now.secs();
    for (target, _) in &caches {
        if !root.exists(target) {
            let _ = root.mkdir_all(target);
        }
    }
    // Mount points the daemon makes for the secrets, removed again after the step.
    let mut made: Vec<(String, bool)> = Vec::new();
    for s in secrets {
        let mut dirs = Vec::new();
        let mut p = path::clean("/", &s.target);
        while let Some((parent, _)) = p.rsplit_once('/') {
            let parent = if parent.is_empty() { "/".to_string() } else { parent.to_string() };
            if parent == "/" || root.exists(&parent) {
                break;
            }
            dirs.push(parent.clone());
            p = parent;
        }
        for d in dirs.into_iter().rev() {
            if root.mkdir(&d).is_ok() {
                made.push((d, true));
            }
        }
        let target = path::clean("/", &s.target);
        if !root.exists(&target) && root.write(&target, b"").is_ok() {
            made.push((target, false));
        }
    }
    let mut secret_fs: Vec<(String, MergedFs)> = secrets
        .iter()
        .map(|s| {
            let mut b = LayerBuilder::new(now.secs());
            b.file(BIND_FILE, 0o400, Content::text(&s.content));
            (path::clean("/", &s.target), MergedFs::new(vec![Arc::new(b.build())]))
        })
        .collect();
    let user = users::resolve(&root, if user.is_empty() { "0" } else { user }).unwrap_or_else(|_| root_user());
    let cwd = if workdir.is_empty() { "/".to_string() } else { workdir.to_string() };
    let (output, slept_ns) = {
        let mut mounts: Vec<Mount<'_>> = secret_fs.iter_mut().map(|(t, fs)| Mount { target: t.clone(), fs, read_only: true, file: true }).collect();
        for (target, fs) in caches {
            mounts.push(Mount { target: path::clean("/", &target), fs, read_only: false, file: false });
        }
        let mut view = View { root: &mut root, mounts };
        let mut m = Machine::new(&mut view, user, HOSTNAME, now);
        m.env_order = env.to_vec();
        let out = m.run_argv(argv, &env_map(env), &cwd);
        (out, m.slept_ns)
    };
    (root.uid, root.gid, root.read_only) = (0, 0, false);
    for (p, dir) in made.iter().rev() {
        let _ = if *dir { root.rmdir(p) } else { root.remove(p, false) };
    }
    let text = output.combined();
    // The shell names itself as it was started (`/bin/sh: x: not found`).
    let shell_name = argv.first().filter(|a| a.starts_with('/')).and_then(|a| a.rsplit('/').next().map(|b| (a.clone(), format!("{b}: "))));
    let lines = text
        .lines()
        .map(|l| match &shell_name {
            Some((full, short)) => match l.strip_prefix(short.as_str()) {
                Some(rest) => format!("{full}: {rest}"),
                None => l.to_string(),
            },
            None => l.to_string(),
        })
        .collect();
    RunOutcome { lines, exit_code: output.exit_code, layer: root.commit(), slept_ns }
}

fn root_user() -> users::User {
    users::User { uid: 0, gid: 0, name: Some("root".into()), group: Some("root".into()), home: "/root".into(), groups: "0(root)".into() }
}

/// `mkdir -p dir` over `layers` (WORKDIR): the layer it makes.
pub fn make_dir(layers: &[Arc<fs::Layer>], dir: &str, now: Timestamp) -> fs::Layer {
    let mut root = MergedFs::new(layers.to_vec());
    root.now = now.secs();
    if !root.exists(dir) {
        let _ = root.mkdir_all(dir);
    }
    root.commit()
}

/// Where COPY/ADD takes files from.
pub enum CopySource<'a> {
    Context(&'a Context),
    /// Another stage's (or image's) files.
    Layers(Vec<Arc<fs::Layer>>),
}

/// Why a copy failed: the path that is missing (as BuildKit names it, `/nosuch.txt`).
pub struct CopyMissing(pub String);

/// Options of one COPY/ADD.
pub struct CopySpec<'a> {
    pub sources: &'a [String],
    pub dest: &'a str,
    pub workdir: &'a str,
    pub uid: u32,
    pub gid: u32,
    pub mode: Option<u32>,
    /// Inline files (`COPY <<EOF /dest`): name and content.
    pub inline: &'a [(String, String)],
}

/// Copies `spec.sources` from `source` into the filesystem over `layers`; returns the layer.
pub fn copy(layers: &[Arc<fs::Layer>], source: &CopySource<'_>, spec: &CopySpec<'_>, now: Timestamp) -> Result<fs::Layer, CopyMissing> {
    let mut root = MergedFs::new(layers.to_vec());
    root.now = now.secs();
    let dest_abs = path::clean("/", &path::join(if spec.workdir.is_empty() { "/" } else { spec.workdir }, spec.dest));
    let many = spec.sources.len() + spec.inline.len() > 1;
    let into_dir = spec.dest.ends_with('/') || spec.dest == "." || many || root.stat(&dest_abs).is_ok_and(|s| s.is_dir());
    // Every (relative path below the source, content, mode) to write, with the destination.
    let mut writes: Vec<(String, Content, u32)> = Vec::new();
    let mut dirs: Vec<String> = Vec::new();
    if into_dir {
        dirs.push(dest_abs.clone());
    }
    for (name, text) in spec.inline {
        let target = if into_dir { path::join(&dest_abs, name) } else { dest_abs.clone() };
        writes.push((target, Content::text(text), 0o644));
    }
    for src in spec.sources {
        let rel = path::clean("/", src).trim_start_matches('/').to_string();
        match source {
            CopySource::Context(ctx) => {
                let wild = rel.contains(['*', '?', '[']);
                let names: Vec<String> = if wild { ctx.glob(&rel) } else { vec![rel.clone()] };
                if names.is_empty() {
                    return Err(CopyMissing(format!("/{rel}")));
                }
                for name in names {
                    if ctx.is_file(&name) {
                        let base = name.rsplit('/').next().unwrap_or(&name);
                        let target = if into_dir { path::join(&dest_abs, base) } else { dest_abs.clone() };
                        let text = ctx.files.get(&name).cloned().unwrap_or_default();
                        writes.push((target, Content::text(&text), 0o644));
                    } else if ctx.is_dir(&name) {
                        dirs.push(dest_abs.clone());
                        for (sub, text) in ctx.files_under(&name) {
                            let target = path::join(&dest_abs, &sub);
                            writes.push((target, Content::text(text), 0o644));
                        }
                    } else {
                        return Err(CopyMissing(format!("/{name}")));
                    }
                }
            }
            CopySource::Layers(from) => {
                let src_fs = MergedFs::new(from.clone());
                let abs = format!("/{rel}");
                let Ok(stat) = src_fs.stat(&abs) else { return Err(CopyMissing(abs)) };
                if stat.is_dir() {
                    dirs.push(dest_abs.clone());
                    let entries = src_fs.walk(&abs).unwrap_or_default();
                    for (p, s) in entries.iter().skip(1) {
                        let sub = p.strip_prefix(&abs).unwrap_or(p).trim_start_matches('/');
                        let target = path::join(&dest_abs, sub);
                        if s.is_dir() {
                            dirs.push(target);
                        } else if let Ok(content) = src_fs.read(p) {
                            writes.push((target, content, s.mode & 0o7777));
                        }
                    }
                } else {
                    let base = abs.rsplit('/').next().unwrap_or(&abs);
                    let target = if into_dir { path::join(&dest_abs, base) } else { dest_abs.clone() };
                    let content = src_fs.read(&abs).map_err(|_| CopyMissing(abs.clone()))?;
                    writes.push((target, content, stat.mode & 0o7777));
                }
            }
        }
    }
    (root.uid, root.gid) = (spec.uid, spec.gid);
    for d in &dirs {
        let _ = root.mkdir_all(d);
    }
    for (target, content, mode) in writes {
        if let Some((parent, _)) = target.rsplit_once('/') {
            if !parent.is_empty() {
                let _ = root.mkdir_all(parent);
            }
        }
        let _ = root.write_content(&target, content, Some(spec.mode.unwrap_or(mode)));
    }
    Ok(root.commit())
}

/// The relative paths a layer adds or changes (for the UI's layer panel).
pub fn layer_files(layer: &fs::Layer) -> Vec<String> {
    layer.entries().into_iter().map(|(p, _)| p).take(200).collect()
}
