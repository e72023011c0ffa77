//! The options of `docker run` / `docker create`, validated as the CLI does (`cli/command/container/opts.go`).

use std::collections::BTreeMap;

use crate::cli::Invocation;
use crate::engine::container::{PortBinding, RestartPolicy};
use crate::format::ram_in_bytes;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// Everything `run`/`create` need to make a container.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub image: String,
    pub cmd: Vec<String>,
    pub name: Option<String>,
    pub detach: bool,
    pub interactive: bool,
    pub tty: bool,
    pub rm: bool,
    pub env: Vec<String>,
    pub ports: Vec<PortBinding>,
    pub publish_all: bool,
    pub exposed: Vec<String>,
    pub restart: RestartPolicy,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub entrypoint: Option<String>,
    pub init: bool,
    pub memory: i64,
    pub binds: Vec<String>,
    pub mounts: Vec<String>,
    /// `--read-only`
    pub read_only: bool,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: Option<String>,
    pub network: Option<String>,
    /// `missing` (default), `always`, `never`.
    pub pull: String,
    pub quiet: bool,
}

/// Parses and validates; errors are the CLI's messages (printed with `docker: … Run '… --help'`).
pub fn parse(inv: &Invocation, call: ProgramCall<'_>, project: &dyn ProjectFiles, is_run: bool) -> Result<CreateOptions, String> {
    let mut o = CreateOptions { pull: "missing".into(), ..CreateOptions::default() };
    o.image = inv.args.first().cloned().unwrap_or_default();
    o.cmd = inv.args.get(1..).map(<[String]>::to_vec).unwrap_or_default();
    o.name = inv.str("name").map(str::to_string);
    o.detach = is_run && inv.bool("detach");
    o.interactive = inv.bool("interactive");
    o.tty = inv.bool("tty");
    o.rm = inv.bool("rm");
    o.publish_all = inv.bool("publish-all");
    o.init = inv.bool("init");
    o.quiet = inv.bool("quiet");
    o.workdir = inv.str("workdir").map(str::to_string);
    o.user = inv.str("user").map(str::to_string);
    o.hostname = inv.str("hostname").map(str::to_string);
    o.entrypoint = inv.str("entrypoint").map(str::to_string);
    o.stop_signal = inv.str("stop-signal").map(str::to_string);
    o.network = inv.last("network").map(str::to_string);
    o.binds = inv.list("volume").to_vec();
    o.mounts = inv.list("mount").to_vec();
    o.read_only = inv.bool("read-only");
    if let Some(p) = inv.str("pull") {
        if !matches!(p, "missing" | "always" | "never") {
            return Err(format!("invalid pull option: '{p}': must be one of \"always\", \"missing\" or \"never\""));
        }
        o.pull = p.to_string();
    }
    if let Some(w) = &o.workdir {
        if !w.starts_with('/') {
            return Err(format!("Error response from daemon: the working directory '{w}' is invalid, it needs to be an absolute path"));
        }
    }
    // Environment: env files first, then -e, as the CLI merges them.
    for file in inv.list("env-file") {
        let content = project.read(file).ok_or_else(|| format!("open {file}: no such file or directory"))?;
        for line in content.lines() {
            let line = line.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            push_env(&mut o.env, line, call)?;
        }
    }
    for e in inv.list("env") {
        push_env(&mut o.env, e, call)?;
    }
    for spec in inv.list("publish") {
        o.ports.extend(parse_publish(spec)?);
    }
    for spec in inv.list("expose") {
        let (p, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
        let (start, end) = parse_range(p).ok_or_else(|| format!("invalid range format for --expose: {spec}, error: Invalid range specified for port: {p}"))?;
        for n in start..=end {
            o.exposed.push(format!("{n}/{proto}"));
        }
    }
    for l in inv.list("label") {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        o.labels.insert(k.to_string(), v.to_string());
    }
    if let Some(r) = inv.str("restart") {
        o.restart = parse_restart(r)?;
    }
    if o.rm && o.restart.name != "no" {
        return Err("conflicting options: cannot specify both --restart and --rm".to_string());
    }
    if let Some(m) = inv.str("memory") {
        let bytes = ram_in_bytes(m).map_err(|_| format!("invalid argument \"{m}\" for \"-m, --memory\" flag: invalid size: '{m}'"))?;
        if bytes != 0 && bytes < 6 * 1024 * 1024 {
            return Err("Error response from daemon: Minimum memory limit allowed is 6MB".to_string());
        }
        o.memory = bytes;
    }
    if is_run && o.detach && !inv.list("attach").is_empty() {
        return Err("conflicting options: cannot specify both --attach and --detach".to_string());
    }
    Ok(o)
}

/// `-e KEY=VALUE` is taken as is; `-e KEY` takes the value from the client's environment, or is
/// dropped when the variable is unset.
fn push_env(env: &mut Vec<String>, spec: &str, call: ProgramCall<'_>) -> Result<(), String> {
    let (key, value) = match spec.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (spec, None),
    };
    if key.is_empty() {
        return Err(format!("invalid environment variable: {spec}"));
    }
    if key.contains(char::is_whitespace) {
        return Err(format!("variable '{key}' contains whitespaces"));
    }
    match value {
        Some(_) => env.push(spec.to_string()),
        None => {
            if let Some(v) = call.env.get(key) {
                env.push(format!("{key}={v}"));
            }
        }
    }
    Ok(())
}

/// `[ip:][hostPort:]containerPort[/proto]` with ranges, as `nat.ParsePortSpec`.
pub fn parse_publish(spec: &str) -> Result<Vec<PortBinding>, String> {
    let (rest, proto) = match spec.rsplit_once('/') {
        Some((r, p)) => (r, p),
        None => (spec, "tcp"),
    };
    if !matches!(proto, "tcp" | "udp" | "sctp") {
        return Err(format!("invalid proto: {proto}"));
    }
    // Split off an IPv6 host in brackets first.
    let (ip, remainder) = if let Some(stripped) = rest.strip_prefix('[') {
        match stripped.split_once("]:") {
            Some((ip, r)) => (ip.to_string(), r.to_string()),
            None => return Err(format!("invalid IP address: {rest}")),
        }
    } else {
        let parts: Vec<&str> = rest.split(':').collect();
        match parts.len() {
            1 | 2 => (String::new(), rest.to_string()),
            3 => (parts.first().copied().unwrap_or("").to_string(), format!("{}:{}", parts.get(1).copied().unwrap_or(""), parts.get(2).copied().unwrap_or(""))),
            _ => return Err(format!("invalid port format for --publish: {spec}")),
        }
    };
    if !ip.is_empty() && !valid_ip(&ip) {
        return Err(format!("invalid IP address: {ip}"));
    }
    let (host, container) = match remainder.split_once(':') {
        Some((h, c)) => (h.to_string(), c.to_string()),
        None => (String::new(), remainder.clone()),
    };
    if container.is_empty() {
        return Err(format!("no port specified: {spec}<empty>"));
    }
    let (cs, ce) = parse_range(&container).ok_or_else(|| format!("invalid containerPort: {container}"))?;
    let host_range = if host.is_empty() {
        None
    } else {
        Some(parse_range(&host).ok_or_else(|| format!("invalid hostPort: {host}"))?)
    };
    let mut out = Vec::new();
    if let Some((hs, he)) = host_range {
        let clen = ce - cs;
        let hlen = he - hs;
        if clen != hlen && !(clen == 0 && hlen > 0) {
            return Err(format!("invalid ranges specified for container and host Ports: {container} and {host}"));
        }
        if clen == 0 && hlen > 0 {
            out.push(PortBinding { container_port: format!("{cs}/{proto}"), host_ip: ip.clone(), host_port: format!("{hs}-{he}") });
            return Ok(out);
        }
    }
    for (i, port) in (cs..=ce).enumerate() {
        let host_port = match host_range {
            Some((hs, _)) => (hs + i as u32).to_string(),
            None => String::new(),
        };
        out.push(PortBinding { container_port: format!("{port}/{proto}"), host_ip: ip.clone(), host_port });
    }
    Ok(out)
}

fn valid_ip(ip: &str) -> bool {
    let v4: Vec<&str> = ip.split('.').collect();
    (v4.len() == 4 && v4.iter().all(|p| p.parse::<u8>().is_ok())) || (ip.contains(':') && ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':'))
}

fn parse_range(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let a: u32 = a.parse().ok()?;
    let b: u32 = b.parse().ok()?;
    (a <= b && b <= 65535).then_some((a, b))
}

/// `no`, `always`, `unless-stopped`, `on-failure[:N]` (`opts.ParseRestartPolicy` + daemon validation).
pub fn parse_restart(spec: &str) -> Result<RestartPolicy, String> {
    if spec.is_empty() {
        return Ok(RestartPolicy::default());
    }
    let (name, count) = match spec.split_once(':') {
        Some(("", _)) => return Err("invalid restart policy format: no policy provided before colon".to_string()),
        Some((n, c)) => {
            let count: i64 = c.parse().map_err(|_| "invalid restart policy format: maximum retry count must be an integer".to_string())?;
            (n, Some(count))
        }
        None => (spec, None),
    };
    match name {
        "no" | "always" | "unless-stopped" => {
            if count.is_some_and(|c| c != 0) {
                return Err("Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'".to_string());
            }
        }
        "on-failure" => {
            if count.is_some_and(|c| c < 0) {
                return Err("Error response from daemon: invalid restart policy: maximum retry count cannot be negative".to_string());
            }
        }
        other => {
            return Err(format!(
                "Error response from daemon: invalid restart policy: unknown policy '{other}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"
            ))
        }
    }
    Ok(RestartPolicy { name: name.to_string(), max_retries: count.unwrap_or(0) })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code: a failed unwrap or index is a failed test
mod tests {
    use super::*;

    #[test]
    fn publish_specs() {
        let b = parse_publish("8080:80").unwrap();
        assert_eq!(b, vec![PortBinding { container_port: "80/tcp".into(), host_ip: "".into(), host_port: "8080".into() }]);
        let b = parse_publish("127.0.0.1:5000:5000/udp").unwrap();
        assert_eq!((b[0].host_ip.as_str(), b[0].container_port.as_str()), ("127.0.0.1", "5000/udp"));
        assert_eq!(parse_publish("8000-8002:8000-8002").unwrap().len(), 3);
        assert_eq!(parse_publish("80").unwrap()[0].host_port, "");
        assert!(parse_publish("abc:80").is_err());
    }

    #[test]
    fn restart_policies() {
        assert_eq!(parse_restart("on-failure:3").unwrap(), RestartPolicy { name: "on-failure".into(), max_retries: 3 });
        assert!(parse_restart("sometimes").unwrap_err().contains("unknown policy 'sometimes'"));
        assert_eq!(ram_in_bytes("512m").ok(), Some(512 * 1024 * 1024));
        assert_eq!(ram_in_bytes("1G").ok(), Some(1024 * 1024 * 1024));
        assert_eq!(ram_in_bytes("x").ok(), None);
    }
}
