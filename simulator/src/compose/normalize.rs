//! One file's tree → Compose's canonical form (the long syntax `config` prints): short syntax
//! expanded, paths made absolute, env files read, values cast; plus the schema checks Compose runs
//! on each file before merging.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::dotenv;
use super::error::{ComposeError, ErrorKind};
use crate::format::ram_in_bytes;
use crate::json_object::Put;

/// What normalising needs from outside the file.
pub struct Context<'a> {
    /// Absolute path of the file (for messages).
    pub file: &'a str,
    /// Absolute project directory (relative paths are resolved against it).
    pub project_dir: &'a str,
    /// The variables `environment: [KEY]` takes values from.
    pub env: &'a BTreeMap<String, String>,
    /// Reads a file by absolute path.
    pub read: &'a dyn Fn(&str) -> Option<String>,
    /// The user's home, for `~`.
    pub home: &'a str,
}

const TOP_LEVEL: &[&str] = &["version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"];

/// Service attributes in the order compose-go's `ServiceConfig` declares (and `config` prints) them.
pub const SERVICE_KEYS: &[&str] = &[
    "profiles", "annotations", "attach", "build", "develop", "blkio_config", "cap_add", "cap_drop", "cgroup_parent", "cgroup",
    "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares",
    "command", "configs", "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices", "dns",
    "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint", "provider", "environment", "env_file", "expose", "extends",
    "external_links", "extra_hosts", "group_add", "gpus", "hostname", "healthcheck", "image", "init", "ipc", "isolation", "labels",
    "label_file", "links", "logging", "mac_address", "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "models",
    "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
    "pre_stop", "privileged", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size",
    "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user",
    "userns_mode", "uts", "volume_driver", "volumes", "volumes_from", "working_dir",
];

/// Checks and normalises one file's tree in place. Returns the paths of attributes that were
/// obsolete (`version`).
pub fn file(tree: &mut Map<String, Value>, cx: &Context<'_>) -> Result<(), ComposeError> {
    for key in tree.keys() {
        if !TOP_LEVEL.contains(&key.as_str()) && !key.starts_with("x-") {
            return Err(ComposeError::schema(cx.file, "", &format!("additional properties '{key}' not allowed")));
        }
    }
    if let Some(services) = tree.get_mut("services") {
        match services {
            Value::Object(map) => {
                for (name, svc) in map.iter_mut() {
                    if svc.is_null() {
                        *svc = Value::Object(Map::new());
                    }
                    let Value::Object(s) = svc else {
                        return Err(ComposeError::schema(cx.file, &format!("services.{name}"), "must be a mapping"));
                    };
                    service(name, s, cx)?;
                }
            }
            Value::Null => *services = Value::Object(Map::new()),
            _ => return Err(ComposeError::new(ErrorKind::Schema, "services must be a mapping").at(cx.file, None)),
        }
    }
    for section in ["networks", "volumes", "secrets", "configs"] {
        if let Some(v) = tree.get_mut(section) {
            match v {
                Value::Null => *v = Value::Object(Map::new()),
                Value::Object(map) => {
                    for (name, def) in map.iter_mut() {
                        if def.is_null() {
                            *def = Value::Object(Map::new());
                        }
                        let Value::Object(d) = def else {
                            return Err(ComposeError::schema(cx.file, &format!("{section}.{name}"), "must be a mapping"));
                        };
                        if section == "secrets" || section == "configs" {
                            if let Some(Value::String(f)) = d.get("file") {
                                let abs = absolute(f, cx);
                                d.put("file", Value::String(abs));
                            }
                        }
                    }
                }
                _ => return Err(ComposeError::schema(cx.file, section, "must be a mapping")),
            }
        }
    }
    Ok(())
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "mapping",
    }
}

fn expect(v: &Value, ok: &[&str], cx: &Context<'_>, path: &str, want: &str) -> Result<(), ComposeError> {
    if ok.contains(&type_name(v)) {
        Ok(())
    } else {
        Err(ComposeError::schema(cx.file, path, &format!("must be a {want}")))
    }
}

/// A scalar as the string Compose keeps (`1` → `"1"`, `true` → `"true"`).
pub fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn service(name: &str, s: &mut Map<String, Value>, cx: &Context<'_>) -> Result<(), ComposeError> {
    let p = |k: &str| format!("services.{name}.{k}");
    for key in s.keys() {
        if !SERVICE_KEYS.contains(&key.as_str()) && !key.starts_with("x-") {
            return Err(ComposeError::schema(cx.file, &format!("services.{name}"), &format!("additional properties '{key}' not allowed")));
        }
    }
    for (key, want, types) in [
        ("image", "string", &["string"][..]),
        ("container_name", "string", &["string"][..]),
        ("restart", "string", &["string"][..]),
        ("hostname", "string", &["string"][..]),
        ("working_dir", "string", &["string"][..]),
        ("user", "string", &["string"][..]),
        ("ports", "array", &["array"][..]),
        ("volumes", "array", &["array"][..]),
        ("secrets", "array", &["array"][..]),
        ("profiles", "array", &["array"][..]),
        ("environment", "mapping", &["array", "mapping"][..]),
        ("labels", "mapping", &["array", "mapping"][..]),
        ("networks", "mapping", &["array", "mapping"][..]),
        ("depends_on", "mapping", &["array", "mapping"][..]),
        ("deploy", "mapping", &["mapping", "null"][..]),
        ("command", "string", &["string", "array", "null"][..]),
        ("entrypoint", "string", &["string", "array", "null"][..]),
        ("build", "string", &["string", "mapping"][..]),
        ("env_file", "string", &["string", "array"][..]),
    ] {
        if let Some(v) = s.get(key) {
            expect(v, types, cx, &p(key), want)?;
        }
    }
    if let Some(b) = s.get("build").cloned() {
        s.put("build", build(&b, cx));
    }
    for key in ["command", "entrypoint"] {
        match s.get(key).cloned() {
            Some(Value::String(cmd)) => {
                s.insert(key.into(), Value::Array(shell_split(&cmd).into_iter().map(Value::String).collect()));
            }
            Some(Value::Array(items)) => {
                s.insert(key.into(), Value::Array(items.iter().map(|i| Value::String(scalar_string(i).unwrap_or_default())).collect()));
            }
            _ => {}
        }
    }
    if let Some(d) = s.get("depends_on").cloned() {
        s.put("depends_on", depends_on(&d));
    }
    if let Some(d) = s.get_mut("deploy") {
        deploy(d, name, cx)?;
    }
    for key in ["mem_limit", "mem_reservation", "memswap_limit", "shm_size"] {
        if let Some(v) = s.get(key).cloned() {
            if let Some(bytes) = scalar_string(&v).and_then(|t| ram_in_bytes(&t).ok()) {
                s.insert(key.into(), Value::String(bytes.to_string()));
            }
        }
    }
    // Environment: env files first, then `environment` overrides.
    let mut env: Map<String, Value> = Map::new();
    if let Some(files) = s.remove("env_file") {
        let list = match files {
            Value::Array(a) => a,
            other => vec![other],
        };
        for f in list {
            let (path, required) = match &f {
                Value::Object(m) => (m.get("path").and_then(scalar_string).unwrap_or_default(), m.get("required").and_then(Value::as_bool).unwrap_or(true)),
                other => (scalar_string(other).unwrap_or_default(), true),
            };
            let abs = absolute(&path, cx);
            match (cx.read)(&abs) {
                Some(text) => {
                    for (k, v) in dotenv::parse(&text) {
                        let v = v.or_else(|| cx.env.get(&k).cloned());
                        if let Some(v) = v {
                            env.insert(k, Value::String(v));
                        }
                    }
                }
                None if required => {
                    return Err(ComposeError::new(ErrorKind::EnvFile, format!("env file {abs} not found: stat {abs}: no such file or directory")))
                }
                None => {}
            }
        }
    }
    if let Some(e) = s.get("environment").cloned() {
        for (k, v) in key_values(&e) {
            let v = match v {
                Some(v) => Value::String(v),
                None => cx.env.get(&k).map_or(Value::Null, |x| Value::String(x.clone())),
            };
            env.insert(k, v);
        }
    }
    if s.contains_key("environment") || !env.is_empty() {
        // Declaration order is kept for the container; `config` prints it sorted.
        s.put("environment", Value::Object(env));
    }
    if let Some(l) = s.get("labels").cloned() {
        let labels: Map<String, Value> = key_values(&l).into_iter().map(|(k, v)| (k, Value::String(v.unwrap_or_default()))).collect();
        s.put("labels", Value::Object(sorted(labels)));
    }
    if let Some(n) = s.get("networks").cloned() {
        let nets: Map<String, Value> = match n {
            Value::Array(a) => a.iter().filter_map(scalar_string).map(|k| (k, Value::Null)).collect(),
            Value::Object(m) => m,
            _ => Map::new(),
        };
        s.put("networks", Value::Object(sorted(nets)));
    }
    if let Some(Value::Array(ports)) = s.get("ports").cloned() {
        let mut out = Vec::new();
        for port in &ports {
            out.extend(port_entries(port)?);
        }
        s.put("ports", Value::Array(out));
    }
    if let Some(Value::Array(vols)) = s.get("volumes").cloned() {
        let out: Vec<Value> = vols.iter().map(|v| volume_entry(v, cx)).collect();
        s.put("volumes", Value::Array(out));
    }
    if let Some(Value::Array(secrets)) = s.get("secrets").cloned() {
        let out: Vec<Value> = secrets
            .iter()
            .map(|v| match v {
                Value::Object(m) => {
                    let source = m.get("source").and_then(scalar_string).unwrap_or_default();
                    let mut e = Map::new();
                    e.put("source", Value::String(source.clone()));
                    let target = m.get("target").and_then(scalar_string).unwrap_or_else(|| format!("/run/secrets/{source}"));
                    e.put("target", Value::String(target));
                    for (k, v) in m {
                        if k != "source" && k != "target" {
                            e.insert(k.clone(), v.clone());
                        }
                    }
                    Value::Object(e)
                }
                other => {
                    let source = scalar_string(other).unwrap_or_default();
                    json!({ "source": source, "target": format!("/run/secrets/{source}") })
                }
            })
            .collect();
        s.put("secrets", Value::Array(out));
    }
    if let Some(Value::Array(p)) = s.get("profiles").cloned() {
        s.put("profiles", Value::Array(p.iter().filter_map(scalar_string).map(Value::String).collect()));
    }
    Ok(())
}

fn sorted(m: Map<String, Value>) -> Map<String, Value> {
    let mut v: Vec<(String, Value)> = m.into_iter().collect();
    crate::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
    v.into_iter().collect()
}

/// `KEY=value` lists and `KEY: value` maps → pairs (a list item without `=` has no value).
pub fn key_values(v: &Value) -> Vec<(String, Option<String>)> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(scalar_string)
            .map(|item| match item.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (item, None),
            })
            .collect(),
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), scalar_string(v))).collect(),
        _ => Vec::new(),
    }
}

fn build(b: &Value, cx: &Context<'_>) -> Value {
    let mut out = Map::new();
    let (context, rest) = match b {
        Value::Object(m) => (m.get("context").and_then(scalar_string).unwrap_or_else(|| ".".into()), Some(m)),
        other => (scalar_string(other).unwrap_or_else(|| ".".into()), None),
    };
    out.put("context", Value::String(absolute(&context, cx)));
    let dockerfile = rest.and_then(|m| m.get("dockerfile")).and_then(scalar_string).unwrap_or_else(|| "Dockerfile".into());
    out.put("dockerfile", Value::String(dockerfile));
    if let Some(m) = rest {
        for (k, v) in m {
            match k.as_str() {
                "context" | "dockerfile" => {}
                "args" | "labels" => {
                    let kv: Map<String, Value> = key_values(v).into_iter().map(|(k, v)| (k, v.map_or(Value::Null, Value::String))).collect();
                    out.insert(k.clone(), Value::Object(sorted(kv)));
                }
                _ => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Value::Object(out)
}

fn depends_on(d: &Value) -> Value {
    let mut out = Map::new();
    let entry = |cond: &str, restart: Option<&Value>, required: bool| {
        let mut e = Map::new();
        e.put("condition", Value::String(cond.to_string()));
        if let Some(r) = restart {
            e.put("restart", r.clone());
        }
        e.put("required", Value::Bool(required));
        Value::Object(e)
    };
    match d {
        Value::Array(a) => {
            for name in a.iter().filter_map(scalar_string) {
                out.insert(name, entry("service_started", None, true));
            }
        }
        Value::Object(m) => {
            for (name, v) in m {
                let cond = v.get("condition").and_then(scalar_string).unwrap_or_else(|| "service_started".into());
                let required = v.get("required").and_then(Value::as_bool).unwrap_or(true);
                out.insert(name.clone(), entry(&cond, v.get("restart"), required));
            }
        }
        _ => {}
    }
    Value::Object(sorted(out))
}

fn deploy(d: &mut Value, name: &str, cx: &Context<'_>) -> Result<(), ComposeError> {
    let _ = cx;
    let Value::Object(m) = d else { return Ok(()) };
    if let Some(r) = m.get("replicas").cloned() {
        let n = match &r {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => match s.trim().parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    return Err(ComposeError::new(
                        ErrorKind::Interpolation,
                        format!("error while interpolating services.{name}.deploy.replicas: failed to cast to expected type: strconv.Atoi: parsing \"{s}\": invalid syntax"),
                    ))
                }
            },
            _ => None,
        };
        if let Some(n) = n {
            m.put("replicas", Value::Number(n.into()));
        }
    }
    if let Some(Value::Object(res)) = m.get_mut("resources") {
        for kind in ["limits", "reservations"] {
            if let Some(Value::Object(l)) = res.get_mut(kind) {
                if let Some(c) = l.get("cpus").cloned() {
                    if let Some(f) = scalar_string(&c).and_then(|s| s.trim().parse::<f64>().ok()) {
                        if let Some(num) = serde_json::Number::from_f64(f) {
                            let v = if f.fract() == 0.0 { Value::Number((f as i64).into()) } else { Value::Number(num) };
                            l.put("cpus", v);
                        }
                    }
                }
                if let Some(mem) = l.get("memory").cloned() {
                    if let Some(bytes) = scalar_string(&mem).and_then(|s| ram_in_bytes(&s).ok()) {
                        l.put("memory", Value::String(bytes.to_string()));
                    }
                }
            }
        }
    }
    Ok(())
}

/// go-shellwords: split a command string on blanks, honouring quotes and backslashes.
pub fn shell_split(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some('"') if c == '\\' => {
                if let Some(n) = chars.next() {
                    if !matches!(n, '"' | '\\' | '$' | '`') {
                        cur.push('\\');
                    }
                    cur.push(n);
                }
            }
            Some(_) => cur.push(c),
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    in_word = true;
                }
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                    in_word = true;
                }
                c if c.is_whitespace() => {
                    if in_word {
                        words.push(std::mem::take(&mut cur));
                        in_word = false;
                    }
                }
                c => {
                    cur.push(c);
                    in_word = true;
                }
            },
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// A `ports:` entry → its long form(s) (a range gives one entry per port).
fn port_entries(p: &Value) -> Result<Vec<Value>, ComposeError> {
    let text = match p {
        Value::Object(m) => {
            let mut e = Map::new();
            e.put("mode", m.get("mode").cloned().unwrap_or_else(|| Value::String("ingress".into())));
            if let Some(ip) = m.get("host_ip") {
                e.put("host_ip", ip.clone());
            }
            let target = m.get("target").and_then(scalar_string).and_then(|t| t.parse::<u64>().ok()).unwrap_or(0);
            e.put("target", Value::Number(target.into()));
            if let Some(pubd) = m.get("published").and_then(scalar_string) {
                e.put("published", Value::String(pubd));
            }
            e.put("protocol", m.get("protocol").cloned().unwrap_or_else(|| Value::String("tcp".into())));
            for (k, v) in m {
                if !e.contains_key(k) {
                    e.insert(k.clone(), v.clone());
                }
            }
            return Ok(vec![Value::Object(e)]);
        }
        other => scalar_string(other).unwrap_or_default(),
    };
    let (spec, proto) = match text.rsplit_once('/') {
        Some((s, p)) => (s.to_string(), p.to_string()),
        None => (text.clone(), "tcp".to_string()),
    };
    // [ip:][published:]target, where ip may be [::1].
    let (ip, rest) = if let Some(r) = spec.strip_prefix('[') {
        match r.split_once("]:") {
            Some((ip, rest)) => (Some(ip.to_string()), rest.to_string()),
            None => (None, spec.clone()),
        }
    } else {
        let parts: Vec<&str> = spec.split(':').collect();
        if parts.len() == 3 {
            (parts.first().map(|s| s.to_string()), parts.get(1..).map(|p| p.join(":")).unwrap_or_default())
        } else {
            (None, spec.clone())
        }
    };
    let (published, target) = match rest.rsplit_once(':') {
        Some((p, t)) => (Some(p.to_string()), t.to_string()),
        None => (None, rest.clone()),
    };
    let invalid = || ComposeError::new(ErrorKind::InvalidProject, format!("Invalid containerPort: {target}"));
    let (t_lo, t_hi) = port_range(&target).ok_or_else(invalid)?;
    let pub_range = match published.as_deref() {
        None | Some("") => None,
        Some(p) => Some(port_range(p).ok_or_else(|| ComposeError::new(ErrorKind::InvalidProject, format!("Invalid hostPort: {p}")))?),
    };
    let mut out = Vec::new();
    for (i, t) in (t_lo..=t_hi).enumerate() {
        let mut e = Map::new();
        e.put("mode", Value::String("ingress".into()));
        if let Some(ip) = ip.as_ref().filter(|ip| !ip.is_empty()) {
            e.put("host_ip", Value::String(ip.clone()));
        }
        e.put("target", Value::Number(t.into()));
        if let Some((lo, hi)) = pub_range {
            let published = if hi > lo && t_hi > t_lo { (lo + i as u32).to_string() } else if hi > lo { format!("{lo}-{hi}") } else { lo.to_string() };
            e.put("published", Value::String(published));
        }
        e.put("protocol", Value::String(proto.clone()));
        out.push(Value::Object(e));
    }
    Ok(out)
}

fn port_range(s: &str) -> Option<(u32, u32)> {
    let (lo, hi) = match s.split_once('-') {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => {
            let n = s.parse().ok()?;
            (n, n)
        }
    };
    if lo > hi || hi > 65535 || hi - lo > 1000 {
        return None;
    }
    Some((lo, hi))
}

fn volume_entry(v: &Value, cx: &Context<'_>) -> Value {
    if let Value::Object(m) = v {
        let mut e = m.clone();
        if e.get("type").and_then(Value::as_str) == Some("bind") {
            if let Some(src) = e.get("source").and_then(scalar_string) {
                e.put("source", Value::String(absolute(&src, cx)));
            }
        }
        return Value::Object(e);
    }
    let text = scalar_string(v).unwrap_or_default();
    let parts: Vec<&str> = text.split(':').collect();
    let (source, target, mode) = match parts.as_slice() {
        [t] => (None, (*t).to_string(), None),
        [s, t] => (Some((*s).to_string()), (*t).to_string(), None),
        [s, t, m, ..] => (Some((*s).to_string()), (*t).to_string(), Some((*m).to_string())),
        [] => (None, String::new(), None),
    };
    let read_only = mode.as_deref().is_some_and(|m| m.split(',').any(|o| o == "ro"));
    let mut e = Map::new();
    match source {
        Some(src) if src.starts_with('.') || src.starts_with('/') || src.starts_with('~') => {
            e.put("type", Value::String("bind".into()));
            e.put("source", Value::String(absolute(&src, cx)));
            e.put("target", Value::String(target));
            if read_only {
                e.put("read_only", Value::Bool(true));
            }
            e.put("bind", json!({ "create_host_path": true }));
        }
        Some(src) => {
            e.put("type", Value::String("volume".into()));
            e.put("source", Value::String(src));
            e.put("target", Value::String(target));
            if read_only {
                e.put("read_only", Value::Bool(true));
            }
            e.put("volume", json!({}));
        }
        None => {
            e.put("type", Value::String("volume".into()));
            e.put("target", Value::String(target));
            e.put("volume", json!({}));
        }
    }
    Value::Object(e)
}

/// An absolute, cleaned path for `p` relative to the project directory (`~` is the home).
pub fn absolute(p: &str, cx: &Context<'_>) -> String {
    let joined = if let Some(rest) = p.strip_prefix('~') {
        format!("{}{rest}", cx.home)
    } else if p.starts_with('/') {
        p.to_string()
    } else {
        format!("{}/{p}", cx.project_dir)
    };
    clean(&joined)
}

/// Go's `filepath.Clean` for absolute paths.
pub fn clean(p: &str) -> String {
    crate::fs::path::clean("/", p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_words() {
        assert_eq!(ram_in_bytes("512M").ok(), Some(536_870_912));
        assert_eq!(ram_in_bytes("50M").ok(), Some(52_428_800));
        assert_eq!(ram_in_bytes("1g").ok(), Some(1_073_741_824));
        assert_eq!(ram_in_bytes("x").ok(), None);
        assert_eq!(shell_split("sh -c \"echo hola; sleep 1000\""), vec!["sh", "-c", "echo hola; sleep 1000"]);
        assert_eq!(shell_split("httpd -f -p 80"), vec!["httpd", "-f", "-p", "80"]);
        assert_eq!(clean("/a/b/../c/./d"), "/a/c/d");
    }
}
