//! `docker build` / `docker image build` / `docker builder build` (the buildx plugin's
//! `docker buildx build`): reads the flags, the secrets and the context path, then calls
//! [`crate::build::build_image`] (or the legacy builder when `DOCKER_BUILDKIT=0`).

use crate::build::{self, BuildRequest, Progress, Secret};
use crate::cli::Invocation;
use crate::docker::host_path::project_path;
use crate::engine::Engine;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// True when the client's environment turns BuildKit off (`DOCKER_BUILDKIT=0` or `false`).
pub fn legacy_requested(call: &ProgramCall<'_>) -> bool {
    call.env.get("DOCKER_BUILDKIT").is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "0" | "false"))
}

pub fn build(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let legacy = legacy_requested(&call);
    let req = match request(inv, &call, &*project, legacy) {
        Ok(r) => r,
        Err(out) => return *out,
    };
    if legacy {
        return build::legacy::build(engine, &*project, &req);
    }
    build::build_image(engine, &*project, &req).output
}

/// The build request of a `docker build` command line, or the CLI's error.
fn request(inv: &Invocation, call: &ProgramCall<'_>, project: &dyn ProjectFiles, legacy: bool) -> Result<BuildRequest, Box<Output>> {
    let fail = |msg: String| -> Box<Output> {
        let mut out = Output::new();
        if legacy {
            out.errln(msg);
        } else {
            out.errln(format!("ERROR: {msg}"));
        }
        Box::new(out.with_exit(1))
    };
    let path = inv.args.first().cloned().unwrap_or_else(|| ".".to_string());
    if path == "-" || path.contains("://") || path.starts_with("git@") {
        return Err(fail("failed to build: the course's builder only reads a folder of your project as build context".to_string()));
    }
    let Some(context_dir) = project_path(call.cwd, &path) else {
        return Err(fail(format!("failed to build: unable to prepare context: path \"{path}\" not found")));
    };
    let (dockerfile, dockerfile_display) = match inv.str("file") {
        Some(f) => (project_path(call.cwd, f), Some(f.rsplit('/').next().unwrap_or(f).to_string())),
        None => (None, None),
    };
    let mut secrets = Vec::new();
    for spec in inv.list("secret") {
        let mut id = None;
        let mut src = None;
        let mut env = None;
        for part in spec.split(',') {
            match part.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(v.to_string()),
                Some(("env", v)) => env = Some(v.to_string()),
                Some(("type", _)) => {}
                _ => return Err(fail(format!("failed to build: invalid secret: unexpected key '{part}' in '{spec}'"))),
            }
        }
        let Some(id) = id.or_else(|| src.as_deref().map(|s| s.rsplit('/').next().unwrap_or(s).to_string())) else {
            return Err(fail(format!("failed to build: secret ID missing for \"{spec}\"")));
        };
        let content = match (&src, &env) {
            (Some(s), _) => {
                let text = project_path(call.cwd, s).and_then(|rel| project.read(&rel));
                match text {
                    Some(t) => t,
                    None => return Err(fail(format!("failed to build: failed to stat {s}: stat {s}: no such file or directory"))),
                }
            }
            (None, Some(e)) => call.env.get(e).cloned().unwrap_or_default(),
            (None, None) => match call.env.get(&id) {
                Some(v) => v.clone(),
                None => {
                    let s = id.clone();
                    match project_path(call.cwd, &s).and_then(|rel| project.read(&rel)) {
                        Some(t) => t,
                        None => return Err(fail(format!("failed to build: failed to stat {s}: stat {s}: no such file or directory"))),
                    }
                }
            },
        };
        secrets.push(Secret { id, content });
    }
    let progress = if inv.bool("quiet") {
        Progress::Quiet
    } else {
        match inv.str("progress") {
            Some("plain") | Some("rawjson") => Progress::Plain,
            Some("tty") => Progress::Tty,
            Some("quiet") | Some("none") => Progress::Quiet,
            _ => Progress::Auto,
        }
    };
    Ok(BuildRequest {
        context_dir,
        dockerfile,
        dockerfile_display,
        tags: inv.list("tag").to_vec(),
        target: inv.str("target").map(str::to_string),
        build_args: inv.list("build-arg").to_vec(),
        env: call.env.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        no_cache: inv.bool("no-cache"),
        secrets,
        labels: inv.list("label").to_vec(),
        progress,
    })
}

/// `docker builder prune [-a] [-f]`: removes the build cache records no image uses (`-a`: all),
/// listing them as buildx does (the header and the first row aligned together, each later row
/// on its own), then `Total:`.
pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    let all = inv.bool("all");
    if !inv.bool("force") {
        let warning = if all {
            "WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] "
        } else {
            "WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] "
        };
        out.out(warning);
        let answer = stdin.and_then(|s| s.lines().next()).unwrap_or("").trim().to_ascii_lowercase();
        if answer != "y" && answer != "yes" {
            return out;
        }
    }
    let tops: Vec<String> = engine.images.iter().filter_map(|i| i.layers.last().map(|l| l.diff_id.clone())).collect();
    let now = engine.now();
    let victims: Vec<(String, String, u64, String)> = engine
        .images
        .build_cache
        .records()
        .into_iter()
        .rev()
        .filter(|(_, r)| all || r.layer.as_ref().is_none_or(|l| !tops.contains(&l.diff_id)))
        .map(|(k, r)| {
            let size = r.layer.as_ref().map_or(0, |l| l.size);
            let ago = format!("{} ago", crate::format::units::human_duration(now.since(r.created)));
            (k.clone(), crate::build::cache::record_id(k), size, ago)
        })
        .collect();
    let mut total = 0;
    for (i, (key, id, size, ago)) in victims.iter().enumerate() {
        engine.images.build_cache.remove(key);
        total += size;
        let size_text = format!("{:<10}", crate::format::units::human_size_precision(*size as f64, 4));
        if i == 0 {
            out.out("ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED\n");
            out.out(format!("{id:<40}\ttrue \t\t{size_text}\t{ago}\n"));
        } else {
            out.out(format!("{id:<40}\ttrue \t{size_text}\t{ago}\n"));
        }
    }
    total += engine.images.build_cache.clear_mounts();
    out.out(format!("Total:\t{}\n", crate::format::units::human_size_precision(total as f64, 4)));
    out
}
