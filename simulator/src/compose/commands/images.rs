//! `docker compose images | build | pull | push`, and the image steps of `up`.

use super::containers::{self, label, of_project, SERVICE};
use super::columns::wide_table;
use super::progress::Progress;
use super::Ctx;
use crate::compose::model::{Project, Service};
use crate::compose::project_rel;
use crate::output::Output;

pub fn images(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_named(&mut out, &[]) else { return out };
    let now = cx.engine.now();
    let mut rows = vec![["CONTAINER", "REPOSITORY", "TAG", "PLATFORM", "IMAGE ID", "SIZE", "CREATED"].map(String::from).to_vec()];
    for c in of_project(cx.engine, &project.name, true) {
        if !(cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE))) {
            continue;
        }
        let Some(img) = cx.engine.images.get(&c.image_id) else { continue };
        let (repo, tag) = match c.config.image.rsplit_once(':').filter(|(_, t)| !t.contains('/')) {
            Some((r, t)) => (r.to_string(), t.to_string()),
            None => (c.config.image.clone(), "latest".to_string()),
        };
        let id = img.id.trim_start_matches("sha256:").get(..12).unwrap_or_default().to_string();
        let created = format!("{} ago", crate::format::units::human_duration(now.since(img.created)));
        rows.push(vec![c.name.clone(), repo, tag, "linux/amd64".into(), id, crate::format::units::human_size(img.size() as f64), created]);
    }
    out.out(wide_table(&rows));
    out
}

/// Builds a service's image with the engine's builder, tagged `image:` or `project-service`.
pub fn build_service(cx: &mut Ctx<'_, '_>, project: &Project, svc: &Service, out: &mut Output) -> bool {
    let Some(b) = &svc.build else { return true };
    let Some(context_dir) = project_rel(&b.context) else {
        out.errln(format!("unable to prepare context: path {:?} not found", b.context));
        out.exit_code = 1;
        return false;
    };
    let dockerfile = if b.dockerfile.starts_with('/') {
        project_rel(&b.dockerfile)
    } else if context_dir.is_empty() {
        Some(b.dockerfile.clone())
    } else {
        Some(format!("{context_dir}/{}", b.dockerfile))
    };
    let req = crate::build::BuildRequest {
        context_dir,
        dockerfile,
        dockerfile_display: Some(b.dockerfile.clone()),
        tags: vec![containers::image_of(project, svc)],
        target: b.target.clone(),
        build_args: b.args.iter().map(|(k, v)| v.as_ref().map_or_else(|| k.clone(), |v| format!("{k}={v}"))).collect(),
        env: cx.call.env.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        ..crate::build::BuildRequest::default()
    };
    let quiet = cx.flags.bool("quiet") || cx.flags.bool("quiet-build");
    let req = crate::build::BuildRequest {
        no_cache: cx.flags.bool("no-cache"),
        progress: if quiet { crate::build::Progress::Quiet } else { crate::build::Progress::Auto },
        ..req
    };
    let result = crate::build::build_image(cx.engine, &*cx.project_files, &req);
    let ok = result.image_id.is_some() && result.output.exit_code == 0;
    let mut o = result.output;
    o.chunks.retain(|c| c.stream == crate::output::Stream::Stderr && !(quiet && ok));
    out.append(o);
    if !ok {
        out.exit_code = 1;
        return false;
    }
    out.exit_code = 0;
    if !quiet {
        let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
        progress.event_plain(out, &containers::image_of(project, svc), "Built");
        progress.finish(out);
    }
    true
}

/// Pulls a service's image: ` app Pulling `, ` app Pulled `, or ` app Error …` and the daemon's error.
pub fn pull_service(cx: &mut Ctx<'_, '_>, svc: &Service, image: &str, out: &mut Output) -> bool {
    let mut progress = Progress::with_mode(cx.engine.tty, cx.globals.str("progress"));
    progress.service_event(out, &svc.name, "Pulling");
    let r = containers::docker(cx, vec!["pull".into(), "-q".into(), image.to_string()]);
    if r.exit_code != 0 {
        let err = r.stderr();
        let msg = err.lines().find_map(|l| l.strip_prefix("Error response from daemon: ")).unwrap_or(err.trim_end()).to_string();
        if cx.engine.tty {
            progress.service_event(out, &svc.name, "Error");
        } else {
            out.errln(format!(" {} Error {msg}", svc.name));
        }
        progress.finish(out);
        out.errln(format!("Error response from daemon: {msg}"));
        out.exit_code = 1;
        return false;
    }
    progress.service_event(out, &svc.name, "Pulled");
    progress.finish(out);
    true
}

/// Pushes a built service's image: ` Pushing IMAGE: LAYER Preparing ` and each layer's end.
fn push_service(cx: &mut Ctx<'_, '_>, svc: &Service, out: &mut Output) -> bool {
    let Some(image) = svc.image.clone().filter(|_| svc.build.is_some()) else {
        out.errln(format!(" {} Skipped ", svc.name));
        return true;
    };
    let r = containers::docker(cx, vec!["push".into(), image.clone()]);
    if r.exit_code != 0 {
        let err = r.stderr();
        out.errln(err.trim_end());
        out.exit_code = 1;
        return false;
    }
    let text = r.stdout();
    for line in text.lines() {
        let Some((layer, status)) = line.split_once(": ") else { continue };
        if layer.len() != 12 || !layer.chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        if status == "Preparing" || status == "Pushed" || status == "Layer already exists" || status.starts_with("Mounted from") {
            out.errln(format!(" Pushing {image}: {layer} {status} "));
        }
    }
    true
}

pub fn build_pull_push(cx: &mut Ctx<'_, '_>, command: &str) -> Output {
    let mut out = Output::new();
    let named = cx.args.clone();
    let Some(project) = cx.load_named(&mut out, &named) else { return out };
    let services = match super::up_down::selected(&project, &named, false) {
        Ok(s) => s,
        Err(e) => {
            out.errln(e);
            return out.with_exit(1);
        }
    };
    let mut services: Vec<&Service> = services;
    crate::sort::sort_by(&mut services, |a, b| a.name.cmp(&b.name));
    // Services with nothing to do answer at once, before the others finish.
    let skipped = |s: &Service| match command {
        "pull" => s.image.is_none(),
        "push" => s.image.is_none() || s.build.is_none(),
        _ => false,
    };
    crate::sort::sort_by_key(&mut services, |s| !skipped(s));
    for svc in services {
        let image = containers::image_of(&project, svc);
        let ok = match command {
            "build" => build_service(cx, &project, svc, &mut out),
            "pull" if svc.image.is_some() => pull_service(cx, svc, &image, &mut out),
            "pull" => {
                out.errln(format!(" {} Skipped - No image to be pulled ", svc.name));
                true
            }
            "push" => push_service(cx, svc, &mut out),
            _ => true,
        };
        if !ok {
            if out.exit_code == 0 {
                out.exit_code = 1;
            }
            return out;
        }
    }
    out
}
