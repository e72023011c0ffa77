//! Docker Compose v2 (2.40): the compose model, its loader and the `docker compose` commands.
//!
//! # Loading
//!
//! [`load`] (or [`load_with`] for every option) reads a project as Compose does:
//!
//! 1. **Files**: the `-f` files in order, or the first of `compose.yaml`, `compose.yml`,
//!    `docker-compose.yml`, `docker-compose.yaml` found in the working folder (then its parents),
//!    plus its `compose.override.yaml`/`docker-compose.override.yml` sibling if present.
//! 2. **Variables**: `.env` in the project folder, overridden by the caller's environment.
//! 3. Each file is parsed ([`yaml_source`], go-yaml's errors with line numbers), interpolated
//!    ([`interpolate`]: `${VAR:-default}`…, one warning per unset variable), checked against the
//!    schema and normalised to the long syntax ([`normalize`]).
//! 4. Files are merged in order ([`merge`]), profiles select the services, the project is named
//!    ([`project_name`]) and checked ([`model::check`]).
//!
//! The result is a [`Project`]: the canonical tree (`docker compose config` prints it with
//! [`yaml_out::document`]) and typed [`Service`]s for the commands. `docker stack deploy -c` uses
//! the same [`load_with`] with its own files. Errors are [`ComposeError`]s: Compose's exact message,
//! an [`ErrorKind`] (whose key names its Spanish explanation in `lessons/content/errores.toml`) and,
//! for YAML errors, the line.
//!
//! # Commands
//!
//! The docker CLI hands `docker compose …` to [`commands::run`] (the plugin): its own flags are read
//! from the help texts captured from Compose 2.40.3 (`help/*.txt`, [`cli`]), then one family per file
//! in [`commands`]. Containers are made through the engine's own `docker create` with Compose's
//! names (`project-service-N`) and `com.docker.compose.*` labels; networks (`project_default`) and
//! volumes (`project_name`) carry the same labels. Progress lines are Compose's non-TTY lines, or its
//! final `[+] Running N/N` screen when the session is a terminal. An attached `up` and `logs -f`
//! stay attached ([`crate::output::AttachKind::Compose`]) until the containers stop or Ctrl+C.
//!
//! Goldens 60–69 (`tests/goldens/docker/6*`) were captured from Compose 2.40.3; where real Compose
//! works on several containers concurrently its line order varies, and the simulator prints one
//! plausible order (all containers of a dependency level announced first).

pub mod cli;
pub mod commands;
pub mod dotenv;
pub mod error;
pub mod interpolate;
pub mod merge;
pub mod model;
pub mod normalize;
pub mod project_name;
pub mod yaml_out;
pub mod yaml_source;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

pub use error::{ComposeError, ErrorKind};
pub use model::{Project, Service};

use crate::json_object::Put;
use crate::project::ProjectFiles;
use crate::shell::HOME;

/// The file names Compose looks for, in order of preference.
pub const DEFAULT_FILES: &[&str] = &["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
/// Their override siblings.
pub const OVERRIDE_FILES: &[&str] = &["compose.override.yaml", "compose.override.yml", "docker-compose.override.yml", "docker-compose.override.yaml"];

/// Everything that decides how a project loads.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The folder the command runs in, relative to the project folder (`""` is its root).
    pub cwd: String,
    /// `-f` files as typed (relative to `cwd` or absolute); empty = the default files.
    pub files: Vec<String>,
    /// `-p`.
    pub project_name: Option<String>,
    /// `--profile` (plus `COMPOSE_PROFILES`).
    pub profiles: Vec<String>,
    /// `--project-directory`.
    pub project_directory: Option<String>,
    /// Services named on the command line: enabled even when their profile is not.
    pub named_services: Vec<String>,
    /// `--env-file`: read instead of the project folder's `.env` (relative to `cwd`).
    pub env_files: Vec<String>,
}

/// Loads the project of the `files` (as `-f` would name them, relative to the project folder's
/// root; empty = the default files) with `env` as the environment. See [`load_with`].
pub fn load(project_files: &dyn ProjectFiles, files: &[String], env: &BTreeMap<String, String>) -> Result<Project, ComposeError> {
    load_with(project_files, &LoadOptions { files: files.to_vec(), ..LoadOptions::default() }, env)
}

/// Absolute path (under the learner's home) of a project-relative path.
pub fn host_path(rel: &str) -> String {
    if rel.is_empty() {
        HOME.to_string()
    } else {
        format!("{HOME}/{rel}")
    }
}

/// Project-relative path of an absolute path, if it is inside the project folder.
pub fn project_rel(abs: &str) -> Option<String> {
    let rest = abs.strip_prefix(HOME)?;
    if rest.is_empty() {
        return Some(String::new());
    }
    rest.strip_prefix('/').map(|r| r.trim_end_matches('/').to_string())
}

fn parent(abs: &str) -> String {
    match abs.rsplit_once('/') {
        Some(("", _)) | None => "/".to_string(),
        Some((p, _)) => p.to_string(),
    }
}

/// The files to load (absolute) and warnings about the choice.
fn find_files(project_files: &dyn ProjectFiles, opts: &LoadOptions, env: &BTreeMap<String, String>) -> Result<(Vec<String>, Vec<String>), ComposeError> {
    let cwd_abs = host_path(&opts.cwd);
    let exists = |abs: &str| project_rel(abs).is_some_and(|r| project_files.read(&r).is_some());
    let typed: Vec<String> = if !opts.files.is_empty() {
        opts.files.clone()
    } else if let Some(list) = env.get("COMPOSE_FILE").filter(|l| !l.is_empty()) {
        list.split(':').map(str::to_string).collect()
    } else {
        Vec::new()
    };
    if !typed.is_empty() {
        let mut abs = Vec::new();
        for f in &typed {
            let a = if f.starts_with('/') { normalize::clean(f) } else { normalize::clean(&format!("{cwd_abs}/{f}")) };
            if !exists(&a) {
                return Err(ComposeError::new(ErrorKind::FileNotFound, format!("open {a}: no such file or directory")));
            }
            abs.push(a);
        }
        return Ok((abs, Vec::new()));
    }
    let mut dir = cwd_abs;
    loop {
        let found: Vec<String> = DEFAULT_FILES.iter().map(|f| format!("{dir}/{f}")).filter(|p| exists(p)).collect();
        if let Some(first) = found.first() {
            let mut warnings = Vec::new();
            if found.len() > 1 {
                warnings.push(format!("Found multiple config files with supported names: {}", found.join(", ")));
                warnings.push(format!("Using {first}"));
            }
            let mut files = vec![first.clone()];
            if let Some(o) = OVERRIDE_FILES.iter().map(|f| format!("{dir}/{f}")).find(|p| exists(p)) {
                files.push(o);
            }
            return Ok((files, warnings));
        }
        if dir == HOME || !dir.starts_with(HOME) {
            break;
        }
        dir = parent(&dir);
    }
    Err(ComposeError::new(ErrorKind::NoConfigFile, "no configuration file provided: not found"))
}

/// Loads a project: see the module documentation for the steps.
pub fn load_with(project_files: &dyn ProjectFiles, opts: &LoadOptions, env: &BTreeMap<String, String>) -> Result<Project, ComposeError> {
    let (files, mut warnings) = find_files(project_files, opts, env)?;
    let first = files.first().cloned().unwrap_or_default();
    let project_dir = match &opts.project_directory {
        Some(d) if d.starts_with('/') => normalize::clean(d),
        Some(d) => normalize::clean(&format!("{}/{d}", host_path(&opts.cwd))),
        None => parent(&first),
    };
    // Variables: .env of the project folder, then the environment wins.
    let mut vars: BTreeMap<String, String> = BTreeMap::new();
    let mut env_texts = Vec::new();
    if opts.env_files.is_empty() {
        if let Some(text) = project_rel(&format!("{project_dir}/.env")).and_then(|r| project_files.read(&r)) {
            env_texts.push(text);
        }
    }
    for f in &opts.env_files {
        let abs = if f.starts_with('/') { normalize::clean(f) } else { normalize::clean(&format!("{}/{f}", host_path(&opts.cwd))) };
        match project_rel(&abs).and_then(|r| project_files.read(&r)) {
            Some(text) => env_texts.push(text),
            None => return Err(ComposeError::new(ErrorKind::EnvFile, format!("couldn't find env file: {abs}"))),
        }
    }
    for text in env_texts {
        for (k, v) in dotenv::parse(&text) {
            if let Some(v) = v {
                vars.insert(k, v);
            }
        }
    }
    for (k, v) in env {
        vars.insert(k.clone(), v.clone());
    }
    let read = |abs: &str| project_rel(abs).and_then(|r| project_files.read(&r));
    let home = env.get("HOME").cloned().unwrap_or_else(|| HOME.to_string());
    let mut merged: Option<Map<String, Value>> = None;
    let mut interp = interpolate::Interpolator::new(&vars);
    let mut obsolete = Vec::new();
    for f in &files {
        let text = read(f).unwrap_or_default();
        let tree = yaml_source::parse(&text, f)?;
        let Value::Object(mut map) = tree else { continue };
        if map.contains_key("version") {
            obsolete.push(format!("{f}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"));
        }
        for (k, v) in map.iter_mut() {
            if k.starts_with("x-") {
                continue;
            }
            interp.tree(v, k)?;
        }
        let cx = normalize::Context { file: f, project_dir: &project_dir, env: &vars, read: &read, home: &home };
        normalize::file(&mut map, &cx)?;
        match merged.as_mut() {
            None => merged = Some(map),
            Some(base) => merge::files(base, map),
        }
    }
    for name in &interp.missing {
        warnings.push(format!("The {name:?} variable is not set. Defaulting to a blank string."));
    }
    warnings.extend(obsolete);
    let mut tree = merged.unwrap_or_default();
    // Name: -p, COMPOSE_PROJECT_NAME, name:, folder.
    let name = match (&opts.project_name, vars.get("COMPOSE_PROJECT_NAME").filter(|n| !n.is_empty()), tree.get("name").and_then(normalize::scalar_string)) {
        (Some(p), _, _) => project_name::check(p)?,
        (None, Some(e), _) => project_name::check(e)?,
        (None, None, Some(n)) => project_name::check(&n)?,
        _ => project_name::from_dir(&project_dir),
    };
    // Profiles.
    let mut profiles = opts.profiles.clone();
    if let Some(p) = vars.get("COMPOSE_PROFILES") {
        profiles.extend(p.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_string));
    }
    let mut services_tree: Map<String, Value> = match tree.remove("services") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let mut keys: Vec<String> = services_tree.keys().cloned().collect();
    crate::sort::sort(&mut keys);
    let mut disabled = Vec::new();
    let mut typed: Vec<Service> = Vec::new();
    let mut all_profiles: Vec<String> = Vec::new();
    let mut sorted_services = Map::new();
    for k in keys {
        let Some(Value::Object(mut s)) = services_tree.remove(&k) else { continue };
        let svc_profiles: Vec<String> = match s.get("profiles") {
            Some(Value::Array(a)) => a.iter().filter_map(normalize::scalar_string).collect(),
            _ => Vec::new(),
        };
        all_profiles.extend(svc_profiles.iter().cloned());
        let enabled = svc_profiles.is_empty()
            || svc_profiles.iter().any(|p| profiles.contains(p) || p == "*")
            || profiles.iter().any(|p| p == "*")
            || opts.named_services.contains(&k);
        if !enabled {
            disabled.push(k);
            continue;
        }
        if !s.contains_key("networks") && !s.contains_key("network_mode") {
            let mut n = Map::new();
            n.put("default", Value::Null);
            s.put("networks", Value::Object(n));
        }
        typed.push(model::service_of(&k, &s));
        // Go maps print sorted (merging may have appended keys).
        for key in ["environment", "labels", "networks", "depends_on"] {
            if let Some(Value::Object(m)) = s.get_mut(key) {
                crate::sort::sort_json_keys(m);
            }
        }
        if let Some(Value::Object(m)) = s.get_mut("build").and_then(|b| b.get_mut("args")) {
            crate::sort::sort_json_keys(m);
        }
        sorted_services.insert(k, Value::Object(model::order_service(&s)));
    }
    let services: Vec<Service> = typed;
    model::check(&tree, &services)?;
    // Top-level resources that some service uses, with their engine names.
    let used_networks: Vec<String> = services.iter().flat_map(|s| s.networks.iter().map(|n| n.key.clone())).collect();
    let used_volumes: Vec<String> = services
        .iter()
        .flat_map(|s| s.volumes.iter().filter(|v| v.kind == "volume").filter_map(|v| v.source.clone()))
        .collect();
    let used_secrets: Vec<String> = services.iter().flat_map(|s| s.secrets.iter().map(|x| x.source.clone())).collect();
    let mut networks_tree = section(&tree, "networks");
    if used_networks.iter().any(|n| n == "default") && !networks_tree.contains_key("default") {
        networks_tree.put("default", Value::Object(Map::new()));
    }
    let (networks_tree, networks) = resources(networks_tree, &used_networks, &name);
    let (volumes_tree, volumes) = resources(section(&tree, "volumes"), &used_volumes, &name);
    let (secrets_tree, secrets) = secrets_of(section(&tree, "secrets"), &used_secrets, &name);
    let mut out = Map::new();
    out.put("name", Value::String(name.clone()));
    out.put("services", Value::Object(sorted_services));
    if !networks_tree.is_empty() {
        out.put("networks", Value::Object(networks_tree));
    }
    if !volumes_tree.is_empty() {
        out.put("volumes", Value::Object(volumes_tree));
    }
    if !secrets_tree.is_empty() {
        out.put("secrets", Value::Object(secrets_tree));
    }
    if let Some(Value::Object(c)) = tree.get("configs") {
        if !c.is_empty() {
            out.put("configs", Value::Object(c.clone()));
        }
    }
    Ok(Project {
        name,
        working_dir: project_dir,
        config_files: files,
        services,
        disabled_services: disabled,
        profiles: {
            crate::sort::sort(&mut all_profiles);
            all_profiles.dedup();
            all_profiles
        },
        networks,
        volumes,
        secrets,
        warnings,
        tree: Value::Object(out),
    })
}

fn section(tree: &Map<String, Value>, name: &str) -> Map<String, Value> {
    match tree.get(name) {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// Used networks or volumes, sorted, each with `name` first.
fn resources(defs: Map<String, Value>, used: &[String], project: &str) -> (Map<String, Value>, Vec<model::Resource>) {
    let mut keys: Vec<&String> = defs.keys().filter(|k| used.contains(k)).collect();
    crate::sort::sort(&mut keys);
    let mut tree = Map::new();
    let mut list = Vec::new();
    for k in keys {
        let def = defs.get(k).cloned().unwrap_or(Value::Null);
        let external = def.get("external").and_then(Value::as_bool).unwrap_or(false);
        let engine_name = def.get("name").and_then(normalize::scalar_string).unwrap_or_else(|| if external { k.clone() } else { format!("{project}_{k}") });
        let mut entry = Map::new();
        entry.put("name", Value::String(engine_name.clone()));
        if let Value::Object(m) = &def {
            for (dk, dv) in m {
                if dk != "name" {
                    entry.insert(dk.clone(), dv.clone());
                }
            }
        }
        list.push(model::Resource { key: k.clone(), name: engine_name, external, driver: def.get("driver").and_then(normalize::scalar_string) });
        tree.insert(k.clone(), Value::Object(entry));
    }
    (tree, list)
}

fn secrets_of(defs: Map<String, Value>, used: &[String], project: &str) -> (Map<String, Value>, Vec<model::Secret>) {
    let (tree, list) = resources(defs.clone(), used, project);
    let secrets = list
        .into_iter()
        .map(|r| {
            let def = defs.get(&r.key);
            model::Secret {
                file: def.and_then(|d| d.get("file")).and_then(normalize::scalar_string),
                environment: def.and_then(|d| d.get("environment")).and_then(normalize::scalar_string),
                key: r.key,
                name: r.name,
                external: r.external,
            }
        })
        .collect();
    (tree, secrets)
}
