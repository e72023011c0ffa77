//! BuildKit's solve of a parsed Dockerfile: stages, the steps of each, the cache, the vertices it
//! prints and the image it writes.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::build::cache::{chain, CacheRecord};
use crate::build::context::Context;
use crate::build::progress::{self, Status, Vertex};
use crate::build::sandbox::{self, CopySource, CopySpec, SecretMount};
use crate::build::{BuildRequest, BuildResult, Progress};
use crate::clock::Timestamp;
use crate::dockerfile::{self as lexer, CommandLine, Copy as CopyArgs, Instruction, InstructionKind, Lexer, MountKind};
use crate::engine::image::{HistoryEntry, Image, ImageConfig, Layer};
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::Event;
use crate::fs::path;
use crate::hub;
use crate::output::Output;
use crate::project::ProjectFiles;

/// The comment BuildKit writes on every history entry it makes.
pub const BUILDKIT_COMMENT: &str = "buildkit.dockerfile.v0";

/// A stage of the Dockerfile.
struct StageDef<'a> {
    index: usize,
    name: Option<String>,
    /// The expanded base (`busybox`, or a stage name).
    base: String,
    from: &'a Instruction,
    steps: Vec<&'a Instruction>,
}

/// The state of a stage between steps.
#[derive(Clone)]
struct State {
    layers: Vec<Arc<Layer>>,
    config: ImageConfig,
    history: Vec<HistoryEntry>,
    /// Indices in `history` made by this build that take the image's time at the end.
    timeless: Vec<usize>,
    key: String,
    shell: Vec<String>,
    /// ARGs in scope, in order, with their values.
    args: Vec<(String, Option<String>)>,
    /// Latest time a step of this stage ran.
    latest: Option<Timestamp>,
    author: String,
    /// True while every step so far came from the cache.
    all_cached: bool,
}

impl State {
    fn fs_layers(&self) -> Vec<Arc<crate::fs::Layer>> {
        self.layers.iter().map(|l| l.files.clone()).collect()
    }

    fn env_value(&self, name: &str) -> Option<String> {
        self.config.env.iter().rev().find_map(|e| e.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    }

    /// Value of a variable for expansion: ENV first, then ARG.
    fn lookup(&self, name: &str) -> Option<String> {
        self.env_value(name).or_else(|| self.args.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.clone()))
    }

    /// ARGs with values, as RUN sees them (`KEY=value`).
    fn arg_env(&self) -> Vec<String> {
        self.args.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}"))).collect()
    }
}

/// Why the solve stopped.
struct Failure {
    /// The message after `failed to solve: `.
    message: String,
    /// Lines of the instruction to show (start, end).
    lines: Option<(usize, usize)>,
    /// The vertex that failed (its box is printed).
    vertex: Option<usize>,
    /// `failed to build: <message>` without `failed to solve: `.
    before_solve: bool,
}

impl Failure {
    fn solve(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), lines: None, vertex: None, before_solve: false }
    }

    fn at(mut self, ins: &Instruction) -> Failure {
        self.lines = Some((ins.line, ins.end_line.max(ins.line)));
        self
    }
}

pub(super) struct Builder<'e> {
    engine: &'e mut Engine,
    req: &'e BuildRequest,
    vertices: Vec<Vertex>,
    warnings: Vec<String>,
    events: Vec<Event>,
    source: String,
    file_name: String,
    escape: char,
    /// Finished stages: (stage index, final state), one entry per stage.
    done: Vec<(usize, State)>,
    /// Resolved external images: (reference as written, (image, full reference)), one entry per
    /// reference.
    images: Vec<(String, (Box<Image>, String))>,
    context: Option<Context>,
    /// Clock of the build (advanced as steps run).
    now: Timestamp,
}

impl<'e> Builder<'e> {
    /// A finished stage's state.
    fn done_stage(&self, index: usize) -> Option<&State> {
        self.done.iter().find(|(i, _)| *i == index).map(|(_, st)| st)
    }

    /// A resolved external image (and its full reference) by the reference as written.
    fn base_image(&self, written: &str) -> Option<&(Box<Image>, String)> {
        self.images.iter().find(|(w, _)| w == written).map(|(_, v)| v)
    }

    pub(super) fn run(engine: &'e mut Engine, project: &dyn ProjectFiles, req: &'e BuildRequest) -> BuildResult {
        let now = engine.now();
        let mut b = Builder {
            engine,
            req,
            vertices: Vec::new(),
            warnings: Vec::new(),
            events: Vec::new(),
            source: String::new(),
            file_name: String::new(),
            escape: '\\',
            done: Vec::new(),
            images: Vec::new(),
            context: None,
            now,
        };
        let result = b.solve(project);
        b.finish(result)
    }

    fn quiet(&self) -> bool {
        self.req.progress == Progress::Quiet
    }

    fn finish(mut self, result: Result<String, Failure>) -> BuildResult {
        let mut out = Output::new();
        let tty = match self.req.progress {
            Progress::Tty => true,
            Progress::Auto => self.engine.tty,
            _ => false,
        };
        let progress_text = if self.quiet() || self.vertices.is_empty() {
            String::new()
        } else if tty {
            progress::tty(&self.vertices, result.is_err())
        } else {
            progress::plain(&self.vertices)
        };
        if self.now > self.engine.now() {
            self.engine.advance_to(self.now);
        }
        out.events.append(&mut self.events);
        match result {
            Ok(id) => {
                out.err(progress_text);
                if !self.quiet() {
                    out.err(progress::warnings_summary(&self.warnings));
                } else {
                    out.outln(&id);
                }
                BuildResult { output: out, image_id: Some(id) }
            }
            Err(f) => {
                let mut text = progress_text;
                if let Some(v) = f.vertex.and_then(|i| self.vertices.get(i)) {
                    if !self.quiet() {
                        text.push_str(&progress::failed_vertex_box(v));
                    }
                }
                if let Some((start, end)) = f.lines {
                    text.push_str(&progress::source_excerpt(&self.file_name, &self.source, start, end));
                }
                if f.before_solve {
                    text.push_str(&format!("ERROR: failed to build: {}\n", f.message));
                } else {
                    text.push_str(&format!("ERROR: failed to build: failed to solve: {}\n", f.message));
                }
                out.err(text);
                BuildResult { output: out.with_exit(1), image_id: None }
            }
        }
    }

    fn vertex(&mut self, v: Vertex) -> usize {
        self.vertices.push(v);
        self.vertices.len() - 1
    }

    fn tick(&mut self, ms: u32) {
        self.now = self.now.plus_nanos(i64::from(ms) * 1_000_000);
    }

    fn solve(&mut self, project: &dyn ProjectFiles) -> Result<String, Failure> {
        let req = self.req;
        // Tags first: the CLI checks them before it talks to the builder.
        let mut tags = Vec::new();
        for t in &req.tags {
            match Reference::parse(t) {
                Ok(r) if r.digest.is_none() => tags.push(r.with_default_tag()),
                Ok(_) => return Err(before_solve(format!("invalid tag \"{t}\": invalid reference format"))),
                Err(e) if e.contains("lowercase") => {
                    return Err(before_solve(format!("invalid tag \"{t}\": repository name must be lowercase")));
                }
                Err(_) => return Err(before_solve(format!("invalid tag \"{t}\": invalid reference format"))),
            }
        }
        let ctx_dir = req.context_dir.trim_matches('/').to_string();
        if !ctx_dir.is_empty() && !project.is_dir(&ctx_dir) && project.read(&ctx_dir).is_none() {
            let shown = if ctx_dir.is_empty() { ".".to_string() } else { ctx_dir.clone() };
            return Err(before_solve(format!("unable to prepare context: path \"{shown}\" not found")));
        }
        if !ctx_dir.is_empty() && project.read(&ctx_dir).is_some() {
            return Err(before_solve(format!("unable to prepare context: context must be a directory: {ctx_dir}")));
        }
        let file_path = req.dockerfile.clone().unwrap_or_else(|| if ctx_dir.is_empty() { "Dockerfile".to_string() } else { format!("{ctx_dir}/Dockerfile") });
        self.file_name = req.dockerfile_display.clone().unwrap_or_else(|| "Dockerfile".to_string());
        let text = project.read(&file_path);
        let size = text.as_ref().map_or(2, |t| dockerfile_transfer_size(t.len()));
        let defv = self.vertex(
            Vertex::new(format!("[internal] load build definition from {}", self.file_name))
                .log(format!("transferring dockerfile: {size}B done")),
        );
        let Some(text) = text else {
            return Err(Failure::solve(format!("failed to read dockerfile: open {}: no such file or directory", self.file_name)));
        };
        self.source = text.clone();
        if text.trim().is_empty() {
            return Err(Failure::solve("the Dockerfile cannot be empty"));
        }
        let df = match crate::dockerfile::parse(&text) {
            Ok(df) => df,
            Err(e) => {
                return Err(Failure { message: e.to_string(), lines: Some((e.line, e.end_line.max(e.line))), vertex: None, before_solve: false });
            }
        };
        self.escape = df.escape;
        for w in &df.warnings {
            self.warnings.push(format!("{} (line {})", w.short, w.line));
        }
        // Stages and the ARGs before the first FROM.
        let build_args = self.build_args();
        let mut global: Vec<(String, Option<String>)> = Vec::new();
        let mut stages: Vec<StageDef<'_>> = Vec::new();
        for ins in &df.instructions {
            match &ins.kind {
                InstructionKind::From(f) => {
                    let lookup = |k: &str| global.iter().rev().find(|(n, _)| n == k).and_then(|(_, v)| v.clone());
                    let base = lexer::expand(&f.image, &lookup, df.escape).map_err(|e| Failure::solve(e.to_string()).at(ins))?;
                    stages.push(StageDef { index: stages.len(), name: f.stage_name.clone(), base, from: ins, steps: Vec::new() });
                }
                InstructionKind::Arg(decls) if stages.is_empty() => {
                    for d in decls {
                        let value = build_args.get(&d.name).cloned().or_else(|| d.default.clone());
                        global.push((d.name.clone(), value));
                    }
                }
                _ => match stages.last_mut() {
                    Some(s) => s.steps.push(ins),
                    None => return Err(Failure::solve("no build stage in current context").at(ins)),
                },
            }
        }
        if stages.is_empty() {
            return Err(Failure::solve("no build stage in current context"));
        }
        self.lint(&stages);
        let vertices_warned: Vec<String> = self.warnings.clone();
        if let Some(v) = self.vertices.get_mut(defv) {
            v.warnings = vertices_warned;
        }
        let target = match &req.target {
            Some(t) => stages
                .iter()
                .position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(t)))
                .ok_or_else(|| Failure::solve(format!("target stage \"{t}\" could not be found")))?,
            None => stages.len() - 1,
        };
        // Which stages the target needs.
        let find_stage = |name: &str, before: usize| -> Option<usize> {
            let lower = name.to_ascii_lowercase();
            stages.iter().take(before).position(|s| s.name.as_deref() == Some(lower.as_str())).or_else(|| {
                name.parse::<usize>().ok().filter(|i| *i < before)
            })
        };
        let mut needed = vec![false; stages.len()];
        let mut todo = vec![target];
        while let Some(i) = todo.pop() {
            let Some(flag) = needed.get_mut(i) else { continue };
            if *flag {
                continue;
            }
            *flag = true;
            let Some(s) = stages.get(i) else { continue };
            if let Some(j) = find_stage(&s.base, i) {
                todo.push(j);
            }
            for ins in &s.steps {
                if let InstructionKind::Copy(c) | InstructionKind::Add(c) = &ins.kind {
                    if let Some(from) = &c.from {
                        if let Some(j) = find_stage(from, i) {
                            todo.push(j);
                        }
                    }
                }
            }
        }
        let named = stages.len() > 1
            || df.instructions.iter().any(|i| matches!(&i.kind, InstructionKind::Run(r) if !r.mounts.is_empty()));
        // Load the metadata of every external image the needed stages use.
        let mut refs: Vec<(String, &Instruction)> = Vec::new();
        for s in stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)) {
            if find_stage(&s.base, s.index).is_none() && !s.base.eq_ignore_ascii_case("scratch") {
                refs.push((s.base.clone(), s.from));
            }
            for ins in &s.steps {
                if let InstructionKind::Copy(c) | InstructionKind::Add(c) = &ins.kind {
                    if let Some(from) = &c.from {
                        if find_stage(from, s.index).is_none() {
                            refs.push((from.clone(), ins));
                        }
                    }
                }
            }
        }
        let mut loaded: Vec<String> = Vec::new();
        for (r, ins) in &refs {
            let Ok(parsed) = Reference::parse(r) else {
                return Err(Failure::solve(format!("failed to parse stage name \"{r}\": invalid reference format: repository name (library/{r}) must be lowercase")).at(ins));
            };
            let full = parsed.clone().with_default_tag().full();
            if loaded.contains(&full) {
                continue;
            }
            loaded.push(full.clone());
            let vi = self.vertex(Vertex::new(format!("[internal] load metadata for {full}")));
            match self.resolve_image(&parsed) {
                Ok(img) => {
                    self.images.retain(|(written, _)| written != r);
                    self.images.push((r.clone(), (Box::new(img), full)));
                }
                Err((vertex_msg, solve_msg)) => {
                    if let Some(v) = self.vertices.get_mut(vi) {
                        v.status = Status::Error(vertex_msg);
                    }
                    let mut f = Failure::solve(format!("{r}: failed to resolve source metadata for {full}: {solve_msg}")).at(ins);
                    f.vertex = Some(vi);
                    return Err(f);
                }
            }
        }
        let ignore_size = {
            let ctx = Context::load(project, &ctx_dir);
            let size = if ctx.ignore_size == 0 { 2 } else { ctx.ignore_size + 31 };
            self.context = Some(ctx);
            size
        };
        self.vertex(Vertex::new("[internal] load .dockerignore").log(format!("transferring context: {ignore_size}B done")));
        // EXPOSE values are checked when the stages are converted, before anything runs.
        for s in stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)) {
            for ins in &s.steps {
                if let InstructionKind::Expose(ports) = &ins.kind {
                    for p in ports {
                        let value = lexer::expand(p, &|_| None, df.escape).unwrap_or_else(|_| p.clone());
                        if let Err(msg) = normalise_port(&value) {
                            return Err(Failure::solve(msg).at(ins));
                        }
                    }
                }
            }
        }
        // FROM vertices, then the build context, then the steps.
        // (stage index, vertex), one entry per stage.
        let mut from_vertex: Vec<(usize, usize)> = Vec::new();
        for s in stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)) {
            if let Some((_, full)) = self.base_image(&s.base) {
                let label = step_label(named, s, 1, total_steps(s));
                let full = full.clone();
                let vertex = self.vertex(Vertex::new(format!("{label}FROM {full}")));
                from_vertex.push((s.index, vertex));
            } else if s.base.eq_ignore_ascii_case("scratch") {
                // `FROM scratch` has no vertex.
            }
        }
        let uses_context = stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)).any(|s| {
            s.steps.iter().any(|i| matches!(&i.kind, InstructionKind::Copy(c) | InstructionKind::Add(c) if c.from.is_none() && !c.sources.is_empty()))
        });
        if uses_context {
            let size = self.context.as_ref().map_or(2, Context::transfer_size);
            self.vertex(Vertex::new("[internal] load build context").log(format!("transferring context: {size}B done")));
        }
        let mut target_state: Option<State> = None;
        for s in stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)) {
            let base_state = match find_stage(&s.base, s.index) {
                Some(j) => match self.done_stage(j) {
                    Some(st) => {
                        let mut st = st.clone();
                        st.timeless.clear();
                        st.all_cached = true;
                        st
                    }
                    None => return Err(Failure::solve(format!("circular dependency detected on stage: {}", s.base)).at(s.from)),
                },
                None => match self.base_image(&s.base) {
                    Some((img, _)) => image_state(img, &global),
                    None => scratch_state(),
                },
            };
            let state = self.run_stage(s, base_state, named, &build_args, &global, &stages, from_vertex.iter().find(|(i, _)| *i == s.index).map(|(_, v)| *v))?;
            if s.index == target {
                target_state = Some(state.clone());
            }
            self.done.retain(|(i, _)| *i != s.index);
            self.done.push((s.index, state));
        }
        let state = target_state.ok_or_else(|| Failure::solve("no build stage in current context"))?;
        let base_id = self.base_image(&stages.get(target).map(|s| s.base.clone()).unwrap_or_default()).map(|(i, _)| i.id.clone());
        if let Some(id) = &base_id {
            self.engine.images.build_cache.mark_base(id);
        }
        for s in stages.iter().filter(|s| needed.get(s.index).copied().unwrap_or(false)) {
            if let Some((img, _)) = self.base_image(&s.base) {
                let id = img.id.clone();
                self.engine.images.build_cache.mark_base(&id);
            }
        }
        Ok(self.export(state, &tags))
    }

    /// `--build-arg` values.
    fn build_args(&self) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        for a in &self.req.build_args {
            match a.split_once('=') {
                Some((k, v)) => {
                    m.insert(k.to_string(), v.to_string());
                }
                None => {
                    if let Some((_, v)) = self.req.env.iter().find(|(k, _)| k == a) {
                        m.insert(a.clone(), v.clone());
                    }
                }
            }
        }
        m
    }

    /// Finds a base image: the local store first, then Docker Hub (BuildKit keeps what it pulls in
    /// its own store: it does not appear in `docker images`).
    fn resolve_image(&self, r: &Reference) -> Result<Image, (String, String)> {
        let tagged = r.clone().with_default_tag();
        if let Ok(img) = self.engine.images.resolve(&tagged.familiar()) {
            return Ok(img.clone());
        }
        let repo = tagged.familiar_name();
        let tag = tagged.tag.clone().unwrap_or_else(|| "latest".to_string());
        if self.engine.hub_offline || tagged.domain != "docker.io" {
            let host = if tagged.domain == "docker.io" { "registry-1.docker.io".to_string() } else { tagged.domain.clone() };
            let msg = format!(
                "failed to do request: Head \"https://{host}/v2/{}/manifests/{tag}\": dial tcp: lookup {host} on 10.255.255.53:53: dial udp 10.255.255.53:53: connect: network is unreachable",
                tagged.path
            );
            return Err((msg.clone(), msg));
        }
        match hub::find(&repo, &tag) {
            Some(h) => Ok(h.to_image()),
            None if hub::CATALOG.iter().any(|i| i.repo == repo) => {
                let msg = format!("{}: not found", tagged.full());
                Err((msg.clone(), msg))
            }
            None => {
                let msg = "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_string();
                Err((msg.clone(), msg))
            }
        }
    }

    /// BuildKit's checks that print warnings (`JSONArgsRecommended`, `SecretsUsedInArgOrEnv`).
    fn lint(&mut self, stages: &[StageDef<'_>]) {
        for s in stages {
            for ins in &s.steps {
                match &ins.kind {
                    InstructionKind::Cmd(CommandLine::Shell(_)) | InstructionKind::Entrypoint(CommandLine::Shell(_)) => {
                        self.warnings.push(format!(
                            "JSONArgsRecommended: JSON arguments recommended for {} to prevent unintended behavior related to OS signals (line {})",
                            ins.name(),
                            ins.line
                        ));
                    }
                    InstructionKind::Env(kvs) => {
                        for kv in kvs.iter().filter(|kv| lint_secret_name(&kv.key)) {
                            self.warnings.push(format!(
                                "SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"{}\") (line {})",
                                kv.key, ins.line
                            ));
                        }
                    }
                    InstructionKind::Arg(decls) => {
                        for d in decls.iter().filter(|d| lint_secret_name(&d.name)) {
                            self.warnings.push(format!(
                                "SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG \"{}\") (line {})",
                                d.name, ins.line
                            ));
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_stage(
        &mut self,
        s: &StageDef<'_>,
        mut st: State,
        named: bool,
        build_args: &BTreeMap<String, String>,
        global: &[(String, Option<String>)],
        stages: &[StageDef<'_>],
        from_vertex: Option<usize>,
    ) -> Result<State, Failure> {
        let total = total_steps(s);
        let stage_start = self.vertices.len();
        let mut index = 1;
        let mut first_step_missed: Option<bool> = None;
        st.args.clear();
        for ins in &s.steps {
            let makes_vertex = matches!(ins.kind, InstructionKind::Run(_) | InstructionKind::Copy(_) | InstructionKind::Add(_) | InstructionKind::Workdir(_));
            if makes_vertex {
                index += 1;
            }
            let label = step_label(named, s, index, total);
            let escape = self.escape;
            let expand = |st: &State, word: &str| -> Result<String, Failure> {
                lexer::expand(word, &|k: &str| st.lookup(k), escape).map_err(|e| Failure::solve(e.to_string()).at(ins))
            };
            match &ins.kind {
                InstructionKind::Arg(decls) => {
                    let mut shown = Vec::new();
                    for d in decls {
                        let default = match &d.default {
                            Some(v) => Some(expand(&st, v)?),
                            None => global.iter().rev().find(|(k, _)| *k == d.name).and_then(|(_, v)| v.clone()),
                        };
                        let value = build_args.get(&d.name).cloned().or(default);
                        shown.push(match &value {
                            Some(v) => format!("{}={v}", d.name),
                            None => d.name.clone(),
                        });
                        st.key = chain(&st.key, &format!("ARG {}={:?}", d.name, value));
                        st.args.push((d.name.clone(), value));
                    }
                    self.meta(&mut st, format!("ARG {}", shown.join(" ")));
                }
                InstructionKind::Env(kvs) => {
                    let mut shown = Vec::new();
                    for kv in kvs {
                        let value = expand(&st, &kv.value)?;
                        set_env(&mut st.config.env, &kv.key, &value);
                        shown.push(format!("{}={value}", kv.key));
                    }
                    let text = format!("ENV {}", shown.join(" "));
                    st.key = chain(&st.key, &text);
                    self.meta(&mut st, text);
                }
                InstructionKind::Label(kvs) => {
                    let mut shown = Vec::new();
                    for kv in kvs {
                        let key = expand(&st, &kv.key)?;
                        let value = expand(&st, &kv.value)?;
                        shown.push(format!("{key}={value}"));
                        st.config.labels.insert(key, value);
                    }
                    let text = format!("LABEL {}", shown.join(" "));
                    st.key = chain(&st.key, &text);
                    self.meta(&mut st, text);
                }
                InstructionKind::Maintainer(name) => {
                    st.author = name.clone();
                    self.meta(&mut st, format!("MAINTAINER {name}"));
                }
                InstructionKind::Expose(ports) => {
                    let mut shown = Vec::new();
                    for p in ports {
                        let value = expand(&st, p)?;
                        for w in value.split_whitespace() {
                            let port = normalise_port(w).map_err(|m| Failure::solve(m).at(ins))?;
                            if !st.config.exposed_ports.contains(&port) {
                                st.config.exposed_ports.push(port.clone());
                            }
                            shown.push(port);
                        }
                    }
                    crate::sort::sort(&mut st.config.exposed_ports);
                    let text = format!("EXPOSE [{}]", shown.join(" "));
                    st.key = chain(&st.key, &text);
                    self.meta(&mut st, text);
                }
                InstructionKind::User(u) => {
                    let u = expand(&st, u)?;
                    st.config.user = u.clone();
                    st.key = chain(&st.key, &format!("USER {u}"));
                    self.meta(&mut st, format!("USER {u}"));
                }
                InstructionKind::Volume(vols) => {
                    let mut shown = Vec::new();
                    for v in vols {
                        let v = expand(&st, v)?;
                        if !st.config.volumes.contains(&v) {
                            st.config.volumes.push(v.clone());
                        }
                        shown.push(v);
                    }
                    crate::sort::sort(&mut st.config.volumes);
                    let text = format!("VOLUME [{}]", shown.join(" "));
                    st.key = chain(&st.key, &text);
                    self.meta(&mut st, text);
                }
                InstructionKind::StopSignal(sig) => {
                    let sig = expand(&st, sig)?;
                    st.config.stop_signal = Some(sig.clone());
                    self.meta(&mut st, format!("STOPSIGNAL {sig}"));
                }
                InstructionKind::Shell(sh) => {
                    st.shell = sh.clone();
                    st.key = chain(&st.key, &format!("SHELL {sh:?}"));
                    self.meta(&mut st, format!("SHELL [{}]", sh.join(" ")));
                }
                InstructionKind::Cmd(c) => {
                    let argv = c.to_argv(&st.shell);
                    st.config.cmd = Some(argv.clone());
                    st.config.args_escaped = true;
                    self.meta(&mut st, format!("CMD {}", go_quoted_list(&argv)));
                }
                InstructionKind::Entrypoint(c) => {
                    let argv = c.to_argv(&st.shell);
                    st.config.entrypoint = Some(argv.clone());
                    if !cmd_set_in(s, ins) {
                        st.config.cmd = None;
                    }
                    st.config.args_escaped = true;
                    self.meta(&mut st, format!("ENTRYPOINT {}", go_quoted_list(&argv)));
                }
                InstructionKind::Healthcheck(_) => {
                    self.meta(&mut st, ins.original.clone());
                }
                InstructionKind::Onbuild(o) => {
                    st.config.on_build.push(o.expression.clone());
                    self.meta(&mut st, format!("ONBUILD {}", o.expression));
                }
                InstructionKind::From(_) => {}
                InstructionKind::Workdir(dir) => {
                    let dir = expand(&st, dir)?;
                    let cwd = if st.config.working_dir.is_empty() { "/".to_string() } else { st.config.working_dir.clone() };
                    let abs = path::clean("/", &path::join(&cwd, &dir));
                    st.config.working_dir = abs.clone();
                    let name = format!("{label}{}", display(ins, &st, self.escape));
                    let key = chain(&st.key, &format!("WORKDIR {abs}"));
                    // BuildKit keeps WORKDIR's directory even with --no-cache.
                    let missed = self.step(&mut st, name, key, format!("WORKDIR {abs}"), false, true, |b, st| {
                        let layer = sandbox::make_dir(&st.fs_layers(), &abs, b.now);
                        Ok((layer, Vec::new(), 20))
                    })?;
                    first_step_missed.get_or_insert(missed);
                }
                InstructionKind::Run(r) => {
                    let argv = r.command.to_argv(&st.shell);
                    let argv = match (&r.command, r.heredocs.first()) {
                        (CommandLine::Shell(_), Some(h)) => {
                            let mut a: Vec<String> = st.shell.clone();
                            a.push(h.content.clone());
                            a
                        }
                        _ => argv,
                    };
                    let arg_env = st.arg_env();
                    let mut created_by = String::from("RUN");
                    if !arg_env.is_empty() {
                        created_by.push_str(&format!(" |{} {}", arg_env.len(), arg_env.join(" ")));
                    }
                    created_by.push_str(&format!(" {} # buildkit", argv.join(" ")));
                    let mut secrets = Vec::new();
                    for m in r.mounts.iter().filter(|m| m.kind == MountKind::Secret) {
                        let id = m.id.clone().or_else(|| m.target.as_deref().map(|t| t.rsplit('/').next().unwrap_or(t).to_string())).unwrap_or_default();
                        let target = m.target.clone().unwrap_or_else(|| format!("/run/secrets/{id}"));
                        match self.req.secrets.iter().find(|s| s.id == id) {
                            Some(sec) => secrets.push(SecretMount { target, content: sec.content.clone() }),
                            None if m.required => {
                                let name = format!("{label}{}", display(ins, &st, self.escape));
                                let mut v = Vertex::new(name);
                                v.status = Status::Error(format!("secret {id}: not found"));
                                let vi = self.vertex(v);
                                if let Some(fv) = from_vertex {
                                    self.set_from_status(fv, &st, true);
                                }
                                let mut f = Failure::solve(format!("secret {id}: not found")).at(ins);
                                f.vertex = Some(vi);
                                return Err(f);
                            }
                            None => {}
                        }
                    }
                    let mut env = st.config.env.clone();
                    if !env.iter().any(|e| e.starts_with("PATH=")) {
                        env.insert(0, format!("PATH={}", crate::engine::userland::DEFAULT_PATH));
                    }
                    for a in &arg_env {
                        let k = a.split('=').next().unwrap_or("");
                        if !env.iter().any(|e| e.split('=').next() == Some(k)) {
                            env.push(a.clone());
                        }
                    }
                    let name = format!("{label}{}", display(ins, &st, self.escape));
                    if !st.config.user.is_empty() {
                        let fs = crate::fs::MergedFs::new(st.fs_layers());
                        if crate::engine::users::resolve(&fs, &st.config.user).is_err() {
                            let user = st.config.user.split(':').next().unwrap_or("").to_string();
                            let msg = format!("unable to find user {user}: no matching entries in passwd file");
                            let mut v = Vertex::new(name);
                            v.status = Status::Error(msg.clone());
                            let vi = self.vertex(v);
                            let mut f = Failure::solve(msg).at(ins);
                            f.vertex = Some(vi);
                            return Err(f);
                        }
                    }
                    let key = chain(&st.key, &format!("RUN {arg_env:?} {argv:?} {:?} {}", r.mounts.iter().map(|m| &m.raw).collect::<Vec<_>>(), st.config.user));
                    let workdir = st.config.working_dir.clone();
                    let user = st.config.user.clone();
                    let process = argv.join(" ");
                    let caches: Vec<(String, String)> = r
                        .mounts
                        .iter()
                        .filter(|m| m.kind == MountKind::Cache)
                        .filter_map(|m| m.target.clone().map(|t| (m.id.clone().unwrap_or_else(|| t.clone()), t)))
                        .collect();
                    let missed = self.step(&mut st, name, key, created_by, self.req.no_cache, false, |b, st| {
                        let mut taken: Vec<(String, String, crate::fs::MergedFs)> =
                            caches.iter().map(|(id, t)| (id.clone(), t.clone(), b.engine.images.build_cache.take_mount(id))).collect();
                        let mounts = taken.iter_mut().map(|(_, t, fs)| (t.clone(), fs)).collect();
                        let outcome = sandbox::run(&st.fs_layers(), &argv, &env, &workdir, &user, &secrets, mounts, b.now);
                        for (id, _, fs) in taken {
                            b.engine.images.build_cache.put_mount(&id, fs);
                        }
                        let ms = 150u32;
                        let lines: Vec<(u32, String)> = outcome.lines.into_iter().map(|l| (ms, l)).collect();
                        let duration = 200u32.saturating_add(u32::try_from(outcome.slept_ns / 1_000_000).unwrap_or(u32::MAX / 2));
                        if outcome.exit_code != 0 {
                            return Err((
                                lines,
                                format!("process \"{process}\" did not complete successfully: exit code: {}", outcome.exit_code),
                            ));
                        }
                        Ok((outcome.layer, lines, duration))
                    });
                    let missed = match missed {
                        Ok(m) => m,
                        Err(mut f) => {
                            f.lines = Some((ins.line, ins.end_line.max(ins.line)));
                            if let Some(fv) = from_vertex {
                                self.set_from_status(fv, &st, true);
                            }
                            return Err(f);
                        }
                    };
                    first_step_missed.get_or_insert(missed);
                }
                InstructionKind::Copy(c) | InstructionKind::Add(c) => {
                    let keyword = if matches!(ins.kind, InstructionKind::Add(_)) { "ADD" } else { "COPY" };
                    let name = format!("{label}{}", display(ins, &st, self.escape));
                    let missed = self.copy_step(&mut st, ins, c, keyword, name, stages, s.index, stage_start);
                    let missed = match missed {
                        Ok(m) => m,
                        Err(f) => {
                            if let Some(fv) = from_vertex {
                                self.set_from_status(fv, &st, true);
                            }
                            return Err(f);
                        }
                    };
                    first_step_missed.get_or_insert(missed);
                }
            }
        }
        if let Some(fv) = from_vertex {
            self.set_from_status(fv, &st, first_step_missed.unwrap_or(true));
        }
        Ok(st)
    }

    /// FROM shows `CACHED` when a build loaded the image before and this build needs its files.
    fn set_from_status(&mut self, fv: usize, _st: &State, first_missed: bool) {
        let Some(v) = self.vertices.get(fv) else { return };
        if !matches!(v.status, Status::Done(_)) {
            return;
        }
        let full = v.name.rsplit(' ').next().unwrap_or("").to_string();
        let ids: Vec<String> = self.images.iter().map(|(_, v)| v).filter(|(_, f)| *f == full).map(|(img, _)| img.id.clone()).collect();
        let seen = ids.iter().any(|id| self.engine.images.build_cache.base_seen(id));
        for id in &ids {
            self.engine.images.build_cache.mark_base(id);
        }
        if seen && first_missed {
            if let Some(v) = self.vertices.get_mut(fv) {
                v.status = Status::Cached;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn copy_step(
        &mut self,
        st: &mut State,
        ins: &Instruction,
        c: &CopyArgs,
        keyword: &str,
        name: String,
        stages: &[StageDef<'_>],
        stage_index: usize,
        stage_start: usize,
    ) -> Result<bool, Failure> {
        let escape = self.escape;
        let expand = |st: &State, word: &str| -> Result<String, Failure> {
            lexer::expand(word, &|k: &str| st.lookup(k), escape).map_err(|e| Failure::solve(e.to_string()).at(ins))
        };
        let mut sources = Vec::new();
        for s in &c.sources {
            sources.push(expand(st, s)?);
        }
        let dest = expand(st, &c.dest)?;
        let inline: Vec<(String, String)> = c.heredocs.iter().map(|h| (h.name.clone(), h.content.clone())).collect();
        let (uid, gid) = match &c.chown {
            Some(spec) => {
                let fs = crate::fs::MergedFs::new(st.fs_layers());
                match crate::engine::users::resolve(&fs, spec) {
                    Ok(u) => (u.uid, u.gid),
                    Err(_) => {
                        return Err(Failure::solve(format!("unable to convert uid/gid chown string to host mapping: can't find uid for user {spec}: no such user: {spec}")).at(ins));
                    }
                }
            }
            None => (0, 0),
        };
        let mode = c.chmod.as_deref().and_then(|m| u32::from_str_radix(m, 8).ok());
        // The source: another stage, an image, or the context.
        let from_layers: Option<(Vec<Arc<crate::fs::Layer>>, String)> = match &c.from {
            Some(from) => {
                let lower = from.to_ascii_lowercase();
                let stage = stages
                    .iter()
                    .take(stage_index)
                    .position(|s| s.name.as_deref() == Some(lower.as_str()))
                    .or_else(|| from.parse::<usize>().ok().filter(|i| *i < stage_index));
                match stage.and_then(|j| self.done_stage(j)) {
                    Some(src) => Some((src.fs_layers(), src.key.clone())),
                    None => match self.base_image(from) {
                        Some((img, _)) => Some((img.fs_layers(), img.id.clone())),
                        None => return Err(Failure::solve(format!("failed to resolve source metadata for {from}")).at(ins)),
                    },
                }
            }
            None => None,
        };
        let checksum = match &from_layers {
            Some((_, key)) => key.clone(),
            None => {
                let ctx = self.context.clone().unwrap_or_default();
                let mut selected = Vec::new();
                for s in &sources {
                    let rel = path::clean("/", s).trim_start_matches('/').to_string();
                    if rel.contains(['*', '?', '[']) {
                        selected.extend(ctx.glob(&rel));
                    } else {
                        selected.push(rel);
                    }
                }
                ctx.checksum(&selected)
            }
        };
        let created_by = format!("{keyword} {}{} # buildkit", sources.iter().map(|s| format!("{s} ")).collect::<String>(), dest);
        let key = chain(&st.key, &format!("{keyword} {sources:?} {dest} {} {uid}:{gid} {mode:?} {checksum} {inline:?}", st.config.working_dir));
        let workdir = st.config.working_dir.clone();
        let ctx = self.context.clone().unwrap_or_default();
        let result = self.step(st, name, key, created_by, self.req.no_cache, false, |b, st| {
            let source = match &from_layers {
                Some((layers, _)) => CopySource::Layers(layers.clone()),
                None => CopySource::Context(&ctx),
            };
            let spec = CopySpec { sources: &sources, dest: &dest, workdir: &workdir, uid, gid, mode, inline: &inline };
            match sandbox::copy(&st.fs_layers(), &source, &spec, b.now) {
                Ok(layer) => Ok((layer, Vec::new(), 40)),
                Err(sandbox::CopyMissing(p)) => Err((Vec::new(), format!("failed to calculate checksum of ref {}: \"{p}\": not found", fake_ref(&st.key)))),
            }
        });
        match result {
            Ok(m) => Ok(m),
            Err(mut f) => {
                f.lines = Some((ins.line, ins.end_line.max(ins.line)));
                if f.message.starts_with("failed to calculate checksum") {
                    f.message = format!("failed to compute cache key: {}", f.message);
                    // The checksum is computed before the earlier steps finish: BuildKit prints
                    // the error first, then the steps that were still running.
                    if let Some(vi) = f.vertex {
                        let ran = (stage_start..vi).find(|i| self.vertices.get(*i).is_some_and(|v| matches!(v.status, Status::Done(_)) && v.name.starts_with('[') && !v.name.starts_with("[internal]")));
                        if let Some(at) = ran {
                            let v = self.vertices.remove(vi);
                            self.vertices.insert(at, v);
                            f.vertex = Some(at);
                        }
                    }
                }
                Err(f)
            }
        }
    }

    /// A step that makes a vertex: from the cache, or run by `work`. Returns true on a cache miss.
    #[allow(clippy::too_many_arguments)]
    #[allow(clippy::type_complexity)]
    fn step(
        &mut self,
        st: &mut State,
        name: String,
        key: String,
        created_by: String,
        no_cache: bool,
        _sticky: bool,
        work: impl FnOnce(&mut Self, &State) -> Result<(crate::fs::Layer, Vec<(u32, String)>, u32), (Vec<(u32, String)>, String)>,
    ) -> Result<bool, Failure> {
        self.events.push(Event::BuildStepStarted { step: name.clone() });
        let cached = if no_cache { None } else { self.engine.images.build_cache.get(&key).cloned() };
        let (record, missed) = match cached {
            Some(r) if st.all_cached || !no_cache => {
                let mut v = Vertex::new(name.clone());
                v.status = Status::Cached;
                self.vertex(v);
                self.events.push(Event::BuildStepCached { step: name.clone() });
                (r, false)
            }
            _ => {
                let started = self.now;
                match work(self, st) {
                    Ok((layer, output, ms)) => {
                        self.tick(ms);
                        let mut v = Vertex::new(name.clone());
                        v.output = output;
                        v.status = Status::Done(ms);
                        self.vertex(v);
                        let layer = if layer.is_empty() { None } else { Some(Arc::new(Layer::new(Arc::new(layer)))) };
                        if let Some(l) = &layer {
                            self.events.push(Event::BuildLayerCreated {
                                step: name.clone(),
                                size: l.size,
                                files: sandbox::layer_files(&l.files),
                            });
                        }
                        let record = CacheRecord { layer, created: started };
                        self.engine.images.build_cache.put(key.clone(), record.clone());
                        (record, true)
                    }
                    Err((output, msg)) => {
                        self.tick(200);
                        let mut v = Vertex::new(name);
                        v.output = output;
                        v.status = Status::Error(msg.clone());
                        let vi = self.vertex(v);
                        let mut f = Failure::solve(msg);
                        f.vertex = Some(vi);
                        return Err(f);
                    }
                }
            }
        };
        if missed {
            st.all_cached = false;
        }
        st.key = chain(&key, &format!("{} {}", record.created.rfc3339_nano(), record.layer.as_ref().map_or("", |l| l.diff_id.as_str())));
        st.latest = Some(st.latest.map_or(record.created, |t| t.max(record.created)));
        if let Some(l) = &record.layer {
            st.layers.push(l.clone());
        }
        st.history.push(HistoryEntry { created: record.created, created_by, comment: BUILDKIT_COMMENT.to_string(), empty_layer: record.layer.is_none() });
        Ok(missed)
    }

    /// A metadata step: a history entry, no layer.
    fn meta(&mut self, st: &mut State, created_by: String) {
        st.timeless.push(st.history.len());
        st.history.push(HistoryEntry { created: self.now, created_by, comment: BUILDKIT_COMMENT.to_string(), empty_layer: true });
    }

    /// Writes the image, tags it, and adds the `exporting to image` vertex. Returns its ID.
    fn export(&mut self, mut st: State, tags: &[Reference]) -> String {
        let created = st.latest.unwrap_or(self.now);
        for i in &st.timeless {
            if let Some(h) = st.history.get_mut(*i) {
                h.created = created;
            }
        }
        for l in &self.req.labels {
            let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
            st.config.labels.insert(k.to_string(), v.to_string());
        }
        let mut image = Image {
            id: String::new(),
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            parent: String::new(),
            comment: BUILDKIT_COMMENT.to_string(),
            created,
            docker_version: String::new(),
            author: st.author.clone(),
            config: st.config.clone(),
            architecture: "amd64".to_string(),
            os: "linux".to_string(),
            layers: st.layers.clone(),
            history: st.history.clone(),
            last_tag_time: None,
        };
        image.compute_id();
        let id = image.id.clone();
        // BuildKit times the export when it has layers to register for a new image.
        let new_image = self.engine.images.get(&id).is_none();
        let new_layers = st.history.iter().any(|h| h.comment == BUILDKIT_COMMENT && ["RUN ", "COPY ", "ADD ", "WORKDIR "].iter().any(|k| h.created_by.starts_with(k)));
        let mut v = Vertex::new("exporting to image");
        v.logs.push(if new_image && new_layers { "exporting layers 0.0s done".to_string() } else { "exporting layers done".to_string() });
        v.logs.push(format!("writing image {id} done"));
        for t in tags {
            v.logs.push(format!("naming to {} done", t.full()));
        }
        self.vertex(v);
        self.engine.images.insert(image);
        let now = self.now;
        let mut names = Vec::new();
        for t in tags {
            let familiar = t.familiar();
            if let Some(previous) = self.engine.images.tag(&id, &familiar, now) {
                self.events.push(Event::ImageUntagged { reference: familiar.clone(), id: previous });
            }
            self.events.push(Event::ImageTagged { reference: familiar.clone(), id: id.clone() });
            names.push(familiar);
        }
        self.events.push(Event::ImageBuilt { id: id.clone(), tags: names });
        id
    }
}

fn before_solve(message: String) -> Failure {
    Failure { message, lines: None, vertex: None, before_solve: true }
}

/// BuildKit's `[stage 2/4] ` prefix of a step.
fn step_label(named: bool, s: &StageDef<'_>, index: usize, total: usize) -> String {
    if named {
        let name = s.name.clone().unwrap_or_else(|| format!("stage-{}", s.index));
        format!("[{name} {index}/{total}] ")
    } else {
        format!("[{index}/{total}] ")
    }
}

/// 1 (FROM) plus the steps that make a vertex.
fn total_steps(s: &StageDef<'_>) -> usize {
    1 + s
        .steps
        .iter()
        .filter(|i| matches!(i.kind, InstructionKind::Run(_) | InstructionKind::Copy(_) | InstructionKind::Add(_) | InstructionKind::Workdir(_)))
        .count()
}

/// How BuildKit names a step: the instruction as written, with the build arguments that have a
/// value substituted (`RUN echo "version=1.0 who=$WHO"`).
fn display(ins: &Instruction, st: &State, escape: char) -> String {
    let text = ins.original.clone();
    let lex = Lexer { escape, raw_quotes: true, raw_escapes: true, skip_unset: true };
    let args = |k: &str| st.args.iter().rev().find(|(n, _)| n == k).and_then(|(_, v)| v.clone());
    match text.split_once(char::is_whitespace) {
        Some((kw, rest)) => match lex.process(rest, &args) {
            Ok((expanded, _)) => format!("{} {expanded}", kw.to_ascii_uppercase()),
            Err(_) => text,
        },
        None => text,
    }
}

/// True if a CMD comes before `ins` in stage `s` (ENTRYPOINT then keeps it).
fn cmd_set_in(s: &StageDef<'_>, ins: &Instruction) -> bool {
    s.steps.iter().take_while(|i| !std::ptr::eq(**i, ins)).any(|i| matches!(i.kind, InstructionKind::Cmd(_)))
}

/// `["cat" "/app/hello.txt"]`: Go's `%q` of each word, in brackets.
fn go_quoted_list(argv: &[String]) -> String {
    let words: Vec<String> = argv.iter().map(|a| serde_json::to_string(a).unwrap_or_default()).collect();
    format!("[{}]", words.join(" "))
}

/// Sets `KEY=value` in an environment list, replacing an earlier value.
fn set_env(env: &mut Vec<String>, key: &str, value: &str) {
    let entry = format!("{key}={value}");
    match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
        Some(e) => *e = entry,
        None => env.push(entry),
    }
}

/// `8080` → `8080/tcp`; Docker's error for anything that is not a port.
pub(crate) fn normalise_port(p: &str) -> Result<String, String> {
    let (port, proto) = match p.split_once('/') {
        Some((a, b)) => (a, b.to_ascii_lowercase()),
        None => (p, "tcp".to_string()),
    };
    let ok = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| n <= 65535);
    let valid = match port.split_once('-') {
        Some((a, b)) => ok(a) && ok(b),
        None => ok(port),
    };
    if !valid {
        return Err(format!("invalid containerPort: {port}"));
    }
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        return Err(format!("invalid proto: {proto}"));
    }
    Ok(format!("{port}/{proto}"))
}

/// The config and history of a base image, for a stage built on it.
fn image_state(img: &Image, _global: &[(String, Option<String>)]) -> State {
    let mut config = img.config.clone();
    if config.env.is_empty() {
        config.env.push(format!("PATH={}", crate::engine::userland::DEFAULT_PATH));
    }
    State {
        layers: img.layers.clone(),
        config,
        history: img.history.clone(),
        timeless: Vec::new(),
        key: chain("image", &img.id),
        shell: vec!["/bin/sh".to_string(), "-c".to_string()],
        args: Vec::new(),
        latest: None,
        author: String::new(),
        all_cached: true,
    }
}

fn scratch_state() -> State {
    State {
        layers: Vec::new(),
        config: ImageConfig { env: vec![format!("PATH={}", crate::engine::userland::DEFAULT_PATH)], ..ImageConfig::default() },
        history: Vec::new(),
        timeless: Vec::new(),
        key: chain("scratch", ""),
        shell: vec!["/bin/sh".to_string(), "-c".to_string()],
        args: Vec::new(),
        latest: None,
        author: String::new(),
        all_cached: true,
    }
}

/// BuildKit's `transferring dockerfile: NB` (the file plus its metadata record).
fn dockerfile_transfer_size(len: usize) -> usize {
    match len {
        0 => 31,
        1..=127 => len + 37,
        _ => len + 39,
    }
}

/// A reference name like BuildKit's `<session>::<ref>` (random there; derived from the key here).
fn fake_ref(key: &str) -> String {
    let hex = crate::ids::sha256_hex(key.as_bytes());
    let g = |a: usize, b: usize| hex.get(a..b).unwrap_or("0").to_string();
    format!("{}-{}-{}-{}-{}::{}", g(0, 8), g(8, 12), g(12, 16), g(16, 20), g(20, 32), g(32, 57))
}

/// BuildKit's `SecretsUsedInArgOrEnv` rule: a name that looks like it holds a secret.
pub fn lint_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    const WORDS: &[&str] = &["apikey", "auth", "credential", "credentials", "key", "password", "pass", "pword", "passwd", "secret", "token"];
    lower.split(['_', '-']).any(|part| WORDS.contains(&part))
}
