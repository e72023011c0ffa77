//! The legacy builder (`DOCKER_BUILDKIT=0 docker build`): its deprecation notice, the
//! `Sending build context` and `Step 1/9 :` output, one intermediate image per instruction (the
//! dangling `<none>` images of `docker images -a`, chained by `Parent`) and its cache
//! (`---> Using cache`: an image with the same parent made by the same instruction).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::build::context::Context;
use crate::build::sandbox::{self, CopySource, CopySpec};
use crate::build::BuildRequest;
use crate::dockerfile::{self, Instruction, InstructionKind};
use crate::engine::image::{HistoryEntry, Image, Layer};
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::Event;
use crate::format::units::human_size_precision;
use crate::fs::path;
use crate::ids::sha256_hex;
use crate::output::Output;
use crate::project::ProjectFiles;

/// The deprecation notice the CLI prints before a legacy build.
pub const DEPRECATION: &str = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.
";

/// Size of the context as the CLI sends it: a tar archive (512-byte headers and blocks, two
/// empty blocks at the end).
fn tar_size(ctx: &Context) -> u64 {
    let files: u64 = ctx.files.values().map(|c| 512 + (c.len() as u64).div_ceil(512) * 512).sum();
    files + 1024
}

/// Runs a legacy build; the output is what the CLI prints.
pub fn build(engine: &mut Engine, project: &dyn ProjectFiles, req: &BuildRequest) -> Output {
    let mut out = Output::new();
    out.err(format!("{DEPRECATION}\n"));
    let quiet = req.progress == crate::build::Progress::Quiet;
    let mut tags = Vec::new();
    for t in &req.tags {
        match Reference::parse(t) {
            Ok(r) => tags.push(r.with_default_tag().familiar()),
            Err(e) => {
                out.errln(format!("invalid argument \"{t}\" for \"-t, --tag\" flag: {e}"));
                return out.with_exit(125);
            }
        }
    }
    let ctx_dir = req.context_dir.trim_matches('/').to_string();
    if !ctx_dir.is_empty() && !project.is_dir(&ctx_dir) {
        out.errln(format!("unable to prepare context: path \"{ctx_dir}\" not found"));
        return out.with_exit(1);
    }
    let ctx = Context::load(project, &ctx_dir);
    let file_path = req.dockerfile.clone().unwrap_or_else(|| if ctx_dir.is_empty() { "Dockerfile".to_string() } else { format!("{ctx_dir}/Dockerfile") });
    let Some(text) = project.read(&file_path) else {
        out.errln(format!("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat {}: no such file or directory", file_path));
        return out.with_exit(1);
    };
    let say = |out: &mut Output, text: String| {
        if !quiet {
            out.out(text);
        }
    };
    // The CLI redraws this line as it sends (carriage returns); a terminal shows the last one.
    let end = if engine.tty { "\n" } else { "\r\r\n" };
    say(&mut out, format!("Sending build context to Docker daemon  {}{end}", human_size_precision(tar_size(&ctx) as f64, 4)));
    let df = match dockerfile::parse(&text) {
        Ok(df) => df,
        Err(e) => {
            out.errln(format!("Error response from daemon: {e}"));
            return out.with_exit(1);
        }
    };
    let total = df.instructions.len();
    let mut current: Option<Image> = None;
    let mut stages: BTreeMap<String, Image> = BTreeMap::new();
    let mut stage_index = 0usize;
    for (i, ins) in df.instructions.iter().enumerate() {
        say(&mut out, format!("Step {}/{total} : {}\n", i + 1, ins.original));
        match &ins.kind {
            InstructionKind::From(f) => {
                let name = f.image.clone();
                let img = match stages.get(&name.to_ascii_lowercase()).cloned() {
                    Some(s) => s,
                    None => match engine.images.resolve(&name) {
                        Ok(img) => img.clone(),
                        Err(_) => match Reference::parse(&name).ok().and_then(|r| {
                            let r = r.with_default_tag();
                            crate::hub::find(&r.familiar_name(), r.tag.as_deref().unwrap_or("latest")).filter(|_| !engine.hub_offline)
                        }) {
                            Some(h) => {
                                let img = h.to_image();
                                engine.images.insert(img.clone());
                                img
                            }
                            None => {
                                out.errln(format!(
                                    "Error response from daemon: pull access denied for {name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
                                ));
                                return out.with_exit(1);
                            }
                        },
                    },
                };
                if let Some(prev) = current.take() {
                    stages.insert(stage_index.to_string(), prev);
                    stage_index += 1;
                }
                say(&mut out, format!(" ---> {}\n", img.short_id()));
                if let Some(n) = &f.stage_name {
                    stages.insert(n.clone(), img.clone());
                }
                current = Some(img);
            }
            _ => {
                let Some(parent) = current.clone() else {
                    out.errln("Error response from daemon: no build stage in current context");
                    return out.with_exit(1);
                };
                match step(engine, &parent, ins, &ctx, &stages, req.no_cache, &mut out, quiet) {
                    Ok(img) => {
                        say(&mut out, format!(" ---> {}\n", img.short_id()));
                        current = Some(img);
                    }
                    Err(code) => return out.with_exit(code),
                }
            }
        }
    }
    let Some(image) = current else {
        out.errln("Error response from daemon: No image was generated. Is your Dockerfile empty?");
        return out.with_exit(1);
    };
    let now = engine.now();
    if quiet {
        out.outln(&image.id);
    } else {
        out.outln(format!("Successfully built {}", image.short_id()));
    }
    for t in &tags {
        engine.images.tag(&image.id, t, now);
        out.events.push(Event::ImageTagged { reference: t.clone(), id: image.id.clone() });
        if !quiet {
            out.outln(format!("Successfully tagged {t}"));
        }
    }
    out.events.push(Event::ImageBuilt { id: image.id.clone(), tags });
    out
}

/// One non-FROM instruction: from the cache or run; returns the new image (stored, untagged).
#[allow(clippy::too_many_arguments)]
fn step(
    engine: &mut Engine,
    parent: &Image,
    ins: &Instruction,
    ctx: &Context,
    stages: &BTreeMap<String, Image>,
    no_cache: bool,
    out: &mut Output,
    quiet: bool,
) -> Result<Image, i32> {
    let mut config = parent.config.clone();
    let parent_env = parent.config.env.clone();
    let lookup = |k: &str| parent_env.iter().rev().find_map(|e| e.split_once('=').filter(|(n, _)| *n == k).map(|(_, v)| v.to_string()));
    let expand = |w: &str| dockerfile::expand(w, &lookup, '\\').unwrap_or_else(|_| w.to_string());
    let shell = vec!["/bin/sh".to_string(), "-c".to_string()];
    let workdir = if config.working_dir.is_empty() { "/".to_string() } else { config.working_dir.clone() };
    // What the step does to the config, and how `docker history` shows it.
    enum Work {
        Meta,
        Run(Vec<String>),
        Copy(Vec<String>, String, Option<String>),
    }
    let (created_by, work) = match &ins.kind {
        InstructionKind::Run(r) => {
            let argv = r.command.to_argv(&shell);
            (argv.join(" "), Work::Run(argv))
        }
        InstructionKind::Copy(c) | InstructionKind::Add(c) => {
            let sources: Vec<String> = c.sources.iter().map(|s| expand(s)).collect();
            let dest = expand(&c.dest);
            let kw = if matches!(ins.kind, InstructionKind::Add(_)) { "ADD" } else { "COPY" };
            let infos: Vec<String> = sources.iter().map(|s| copy_info(ctx, s)).collect();
            let info = match infos.as_slice() {
                [one] => one.clone(),
                many => format!("multi:{}", sha256_hex(many.join(",").as_bytes())),
            };
            (format!("/bin/sh -c #(nop) {kw} {info} in {dest} "), Work::Copy(sources, dest, c.from.clone()))
        }
        InstructionKind::Workdir(d) => {
            let abs = path::clean("/", &path::join(&workdir, &expand(d)));
            config.working_dir = abs.clone();
            (format!("/bin/sh -c #(nop) WORKDIR {abs}"), Work::Meta)
        }
        InstructionKind::Env(kvs) => {
            let mut shown = Vec::new();
            for kv in kvs {
                let v = expand(&kv.value);
                let entry = format!("{}={v}", kv.key);
                match config.env.iter_mut().find(|e| e.split('=').next() == Some(kv.key.as_str())) {
                    Some(e) => *e = entry.clone(),
                    None => config.env.push(entry.clone()),
                }
                shown.push(entry);
            }
            (format!("/bin/sh -c #(nop)  ENV {}", shown.join(" ")), Work::Meta)
        }
        InstructionKind::Cmd(c) => {
            let argv = c.to_argv(&shell);
            config.cmd = Some(argv.clone());
            (format!("/bin/sh -c #(nop)  CMD {}", quoted(&argv)), Work::Meta)
        }
        InstructionKind::Entrypoint(c) => {
            let argv = c.to_argv(&shell);
            config.entrypoint = Some(argv.clone());
            (format!("/bin/sh -c #(nop)  ENTRYPOINT {}", quoted(&argv)), Work::Meta)
        }
        InstructionKind::Label(kvs) => {
            let mut shown = Vec::new();
            for kv in kvs {
                let v = expand(&kv.value);
                config.labels.insert(kv.key.clone(), v.clone());
                shown.push(format!("{}={v}", kv.key));
            }
            (format!("/bin/sh -c #(nop)  LABEL {}", shown.join(" ")), Work::Meta)
        }
        InstructionKind::Expose(ports) => {
            let mut shown = Vec::new();
            for p in ports {
                let p = expand(p);
                let port = if p.contains('/') { p } else { format!("{p}/tcp") };
                if !config.exposed_ports.contains(&port) {
                    config.exposed_ports.push(port.clone());
                }
                shown.push(port);
            }
            crate::sort::sort(&mut config.exposed_ports);
            (format!("/bin/sh -c #(nop)  EXPOSE {}", shown.join(" ")), Work::Meta)
        }
        InstructionKind::User(u) => {
            config.user = expand(u);
            (format!("/bin/sh -c #(nop)  USER {}", config.user), Work::Meta)
        }
        InstructionKind::Volume(v) => {
            let vols: Vec<String> = v.iter().map(|x| expand(x)).collect();
            for x in &vols {
                if !config.volumes.contains(x) {
                    config.volumes.push(x.clone());
                }
            }
            (format!("/bin/sh -c #(nop)  VOLUME [{}]", vols.join(" ")), Work::Meta)
        }
        _ => (format!("/bin/sh -c #(nop)  {}", ins.original), Work::Meta),
    };
    // The cache: an image whose parent is `parent` made by the same instruction.
    if !no_cache {
        let hit = engine
            .images
            .iter()
            .find(|i| i.parent == parent.id && i.history.last().is_some_and(|h| h.created_by == created_by) && i.config == config)
            .cloned();
        if let Some(img) = hit {
            if !quiet {
                out.out(" ---> Using cache\n");
            }
            return Ok(img);
        }
    }
    let now = engine.now();
    let mut layers = parent.layers.clone();
    let runs_container = matches!(work, Work::Meta | Work::Run(_));
    let container = engine.ids.next_id();
    if runs_container && !quiet {
        out.out(format!(" ---> Running in {}\n", container.get(..12).unwrap_or(&container)));
    }
    let fs_layers: Vec<Arc<crate::fs::Layer>> = layers.iter().map(|l| l.files.clone()).collect();
    let mut empty = true;
    match work {
        Work::Meta => {}
        Work::Run(argv) => {
            let mut env = config.env.clone();
            if !env.iter().any(|e| e.starts_with("PATH=")) {
                env.insert(0, format!("PATH={}", crate::engine::userland::DEFAULT_PATH));
            }
            let outcome = sandbox::run(&fs_layers, &argv, &env, &workdir, &config.user, &[], Vec::new(), now);
            if !quiet {
                for l in &outcome.lines {
                    out.out(format!("{l}\n"));
                }
            }
            engine.advance_to(now.plus_nanos(outcome.slept_ns.max(0).saturating_add(200_000_000)));
            if outcome.exit_code != 0 {
                // The daemon keeps the failed step's container (no --force-rm): `docker ps -a`
                // shows it exited, with what the step wrote.
                keep_failed_container(engine, parent, &container, &argv, &env, &workdir, &config.user, outcome.layer, outcome.exit_code, &outcome.lines, now);
                out.errln(format!("The command '{}' returned a non-zero code: {}", argv.join(" "), outcome.exit_code));
                return Err(outcome.exit_code);
            }
            if !outcome.layer.is_empty() {
                empty = false;
                layers.push(Arc::new(Layer::new(Arc::new(outcome.layer))));
            }
        }
        Work::Copy(sources, dest, from) => {
            let source = match from.as_ref().and_then(|f| stages.get(&f.to_ascii_lowercase())) {
                Some(img) => CopySource::Layers(img.fs_layers()),
                None => CopySource::Context(ctx),
            };
            let spec = CopySpec { sources: &sources, dest: &dest, workdir: &workdir, uid: 0, gid: 0, mode: None, inline: &[] };
            match sandbox::copy(&fs_layers, &source, &spec, now) {
                Ok(layer) => {
                    if !layer.is_empty() {
                        empty = false;
                        layers.push(Arc::new(Layer::new(Arc::new(layer))));
                    }
                }
                Err(sandbox::CopyMissing(p)) => {
                    let p = p.trim_start_matches('/');
                    out.errln(format!("COPY failed: file not found in build context or excluded by .dockerignore: stat {p}: file does not exist"));
                    return Err(1);
                }
            }
        }
    }
    if runs_container && !quiet {
        out.out(format!(" ---> Removed intermediate container {}\n", container.get(..12).unwrap_or(&container)));
    }
    let mut history = parent.history.clone();
    history.push(HistoryEntry { created: now, created_by, comment: String::new(), empty_layer: empty });
    let mut image = Image {
        id: String::new(),
        repo_tags: Vec::new(),
        repo_digests: Vec::new(),
        parent: parent.id.clone(),
        comment: String::new(),
        created: now,
        docker_version: crate::docker::version::ENGINE_VERSION.to_string(),
        author: parent.author.clone(),
        config,
        architecture: parent.architecture.clone(),
        os: parent.os.clone(),
        layers,
        history,
        last_tag_time: None,
    };
    image.compute_id();
    engine.images.insert(image.clone());
    engine.advance_to(now.plus_nanos(50_000_000));
    Ok(image)
}

/// `["cat" "hello.txt"]`.
fn quoted(argv: &[String]) -> String {
    let words: Vec<String> = argv.iter().map(|a| serde_json::to_string(a).unwrap_or_default()).collect();
    format!("[{}]", words.join(" "))
}

/// The daemon's tarsum of one context entry: the selected tar header fields, then the content.
fn tarsum(name: &str, mode: u32, size: usize, typeflag: char, content: &str) -> String {
    let mut text = String::new();
    for (k, v) in [
        ("name", name.to_string()),
        ("mode", mode.to_string()),
        ("uid", "0".to_string()),
        ("gid", "0".to_string()),
        ("size", size.to_string()),
        ("typeflag", typeflag.to_string()),
        ("linkname", String::new()),
        ("uname", String::new()),
        ("gname", String::new()),
        ("devmajor", "0".to_string()),
        ("devminor", "0".to_string()),
    ] {
        text.push_str(k);
        text.push_str(&v);
    }
    text.push_str(content);
    sha256_hex(text.as_bytes())
}

/// `file:<tarsum>` for a file, `dir:<sha256 of the sorted entry sums>` for a directory, as the
/// legacy builder writes them in `docker history`.
fn copy_info(ctx: &Context, source: &str) -> String {
    let rel = path::clean("/", source).trim_start_matches('/').to_string();
    if let Some(content) = ctx.files.get(&rel) {
        return format!("file:{}", tarsum(&rel, 0o644, content.len(), '0', content));
    }
    let mut sums: Vec<String> = Vec::new();
    let mut dirs: Vec<String> = Vec::new();
    for (sub, content) in ctx.files_under(&rel) {
        let full = if rel.is_empty() { sub.clone() } else { format!("{rel}/{sub}") };
        sums.push(tarsum(&full, 0o644, content.len(), '0', content));
        let mut parent = full.as_str();
        while let Some((p, _)) = parent.rsplit_once('/') {
            if p.len() <= rel.len() {
                break;
            }
            if !dirs.iter().any(|d| d == p) {
                dirs.push(p.to_string());
            }
            parent = p;
        }
    }
    for d in &dirs {
        sums.push(tarsum(d, 0o755, 0, '5', ""));
    }
    crate::sort::sort(&mut sums);
    format!("dir:{}", sha256_hex(sums.join(",").as_bytes()))
}

/// Records the container of a failed RUN as an exited container.
#[allow(clippy::too_many_arguments)]
fn keep_failed_container(
    engine: &mut Engine,
    image: &Image,
    id: &str,
    argv: &[String],
    env: &[String],
    workdir: &str,
    user: &str,
    changes: crate::fs::Layer,
    code: i32,
    lines: &[String],
    started: crate::clock::Timestamp,
) {
    use crate::engine::container::{Container, ContainerConfig, HostConfig, LogEntry, State};
    let name = {
        let mut name = String::new();
        for retry in 0..10 {
            let (a, b) = (engine.ids.next_u64(), engine.ids.next_u64());
            let candidate = crate::engine::names::generate(a, b, retry);
            if !engine.containers.values().any(|c| c.name == candidate) {
                name = candidate;
                break;
            }
        }
        if name.is_empty() {
            name = id.get(..12).unwrap_or(id).to_string();
        }
        name
    };
    let hostname = id.get(..12).unwrap_or(id).to_string();
    let (mut fs, image_layers) = crate::engine::container_fs::create(image, &hostname, started.secs(), false);
    // The step's changes sit in the container's writable layer.
    let changed = crate::fs::MergedFs::new(vec![Arc::new(changes)]);
    for (p, st) in changed.walk("/").unwrap_or_default().iter().skip(1) {
        if st.is_dir() {
            let _ = fs.mkdir_all(p);
        } else if let Ok(content) = changed.read(p) {
            let _ = fs.write_content(p, content, Some(st.mode));
        }
    }
    let finished = engine.now();
    let config = ContainerConfig {
        hostname,
        user: user.to_string(),
        env: env.to_vec(),
        cmd: Some(argv.to_vec()),
        // `docker ps` shows the image by its short ID.
        image: image.short_id().to_string(),
        working_dir: workdir.to_string(),
        attach_stdout: true,
        attach_stderr: true,
        ..ContainerConfig::default()
    };
    let container = Container {
        id: id.to_string(),
        name: name.clone(),
        created: started,
        image_id: image.id.clone(),
        path: argv.first().cloned().unwrap_or_default(),
        args: argv.get(1..).map(<[String]>::to_vec).unwrap_or_default(),
        config,
        host_config: HostConfig { network_mode: "bridge".to_string(), ..HostConfig::default() },
        state: State { exit_code: code, started_at: Some(started), finished_at: Some(finished), ..State::default() },
        restart_count: 0,
        manually_stopped: false,
        logs: lines.iter().map(|l| LogEntry { time: started, stream: crate::output::Stream::Stdout, text: format!("{l}\n") }).collect(),
        bound_ports: Vec::new(),
        ip_address: String::new(),
        mac_address: String::new(),
        program: None,
        run_id: 1,
        restart_delay: 0,
        fs,
        image_layers,
        mounts: Vec::new(),
        attachments: Vec::new(),
    };
    engine.containers.insert(id.to_string(), container);
}
