//! `docker ps` / `docker container ls`.

use serde_json::Value;

use crate::json_object::JsonObject;

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::listing;
use crate::engine::container::Container;
use crate::engine::Engine;
use crate::format::ports::{displayable_ports, Port};
use crate::format::units::{human_duration, human_size_precision};
use crate::format::{ellipsis, go_quote};
use crate::output::Output;

const DEFAULT_FORMAT: &str = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

const HEADERS: &[(&str, &str)] = &[
    ("ID", "CONTAINER ID"),
    ("Image", "IMAGE"),
    ("Command", "COMMAND"),
    ("CreatedAt", "CREATED AT"),
    ("RunningFor", "CREATED"),
    ("Ports", "PORTS"),
    ("State", "STATE"),
    ("Status", "STATUS"),
    ("Size", "SIZE"),
    ("Names", "NAMES"),
    ("Labels", "LABELS"),
    ("Mounts", "MOUNTS"),
    ("Networks", "NETWORKS"),
    ("LocalVolumes", "LOCAL VOLUMES"),
    ("Platform", "PLATFORM"),
];

const STATES: &[&str] = &["created", "running", "paused", "restarting", "removing", "exited", "dead"];

/// A parsed `--filter`.
struct Filters {
    status: Vec<String>,
    name: Vec<String>,
    id: Vec<String>,
    ancestor: Vec<String>,
    exited: Vec<i32>,
    label: Vec<String>,
    before: Vec<String>,
    since: Vec<String>,
    publish: Vec<String>,
    expose: Vec<String>,
}

fn parse_filters(engine: &Engine, specs: &[String]) -> Result<Filters, String> {
    let mut f = Filters {
        status: vec![],
        name: vec![],
        id: vec![],
        ancestor: vec![],
        exited: vec![],
        label: vec![],
        before: vec![],
        since: vec![],
        publish: vec![],
        expose: vec![],
    };
    for spec in specs {
        let Some((k, v)) = spec.split_once('=') else {
            return Err("bad format of filter (expected name=value)".to_string());
        };
        let key = k.trim().to_ascii_lowercase();
        let v = v.trim().to_string();
        match key.as_str() {
            "status" => {
                if !STATES.contains(&v.as_str()) {
                    return Err(format!(
                        "Error response from daemon: invalid filter 'status={v}': invalid value for state ({v}): must be one of created, running, paused, restarting, removing, exited, dead"
                    ));
                }
                f.status.push(v);
            }
            "name" => f.name.push(v),
            "id" => f.id.push(v),
            "ancestor" => {
                let _ = engine;
                f.ancestor.push(v);
            }
            "exited" => {
                let code: i32 = v.parse().map_err(|_| format!("Error response from daemon: invalid filter 'exited={v}': strconv.Atoi: parsing \"{v}\": invalid syntax"))?;
                f.exited.push(code);
            }
            "label" => f.label.push(v),
            "before" => f.before.push(v),
            "since" => f.since.push(v),
            "publish" => f.publish.push(v),
            "expose" => f.expose.push(v),
            "health" | "isolation" | "volume" | "network" | "is-task" => {}
            other => return Err(format!("Error response from daemon: invalid filter '{other}'")),
        }
    }
    Ok(f)
}

fn matches(engine: &Engine, c: &Container, f: &Filters) -> bool {
    if !f.status.is_empty() && !f.status.iter().any(|s| s == c.status().as_str()) {
        return false;
    }
    if !f.name.is_empty() && !f.name.iter().any(|n| name_matches(n, &c.name)) {
        return false;
    }
    for (bound, is_before) in f.before.iter().map(|b| (b, true)).chain(f.since.iter().map(|b| (b, false))) {
        match engine.find_container(bound) {
            Ok(other) if is_before && c.created >= other.created => return false,
            Ok(other) if !is_before && c.created <= other.created => return false,
            _ => {}
        }
    }
    let port_of = |spec: &str| {
        let (p, proto) = spec.split_once('/').unwrap_or((spec, "tcp"));
        (p.parse::<u16>().unwrap_or(0), proto.to_string())
    };
    if !f.publish.is_empty()
        && !f.publish.iter().any(|p| {
            let (port, proto) = port_of(p);
            c.host_config.port_bindings.iter().any(|b| b.host_port == port.to_string() && b.container_port.ends_with(&format!("/{proto}")))
                || c.bound_ports.iter().any(|b| b.host_port == port && b.proto == proto)
        })
    {
        return false;
    }
    if !f.expose.is_empty()
        && !f.expose.iter().any(|p| {
            let (port, proto) = port_of(p);
            c.config.exposed_ports.iter().any(|e| *e == format!("{port}/{proto}"))
        })
    {
        return false;
    }
    if !f.id.is_empty() && !f.id.iter().any(|i| c.id.starts_with(i.as_str())) {
        return false;
    }
    if !f.exited.is_empty() && (c.status().as_str() != "exited" || !f.exited.contains(&c.state.exit_code)) {
        return false;
    }
    if !f.ancestor.is_empty() {
        let ok = f.ancestor.iter().any(|a| match engine.images.resolve(a) {
            Ok(img) => img.id == c.image_id,
            Err(_) => false,
        });
        if !ok {
            return false;
        }
    }
    if !f.label.is_empty() {
        let ok = f.label.iter().all(|l| match l.split_once('=') {
            Some((k, v)) => c.config.labels.get(k).is_some_and(|x| x == v),
            None => c.config.labels.contains_key(l),
        });
        if !ok {
            return false;
        }
    }
    true
}

/// Docker matches `name=` filters as regular expressions; the anchors, `.` and `.*` people use are
/// supported, everything else is literal.
fn name_matches(pattern: &str, name: &str) -> bool {
    let p = pattern.trim_start_matches('/');
    let (anchored_start, p) = match p.strip_prefix('^') {
        Some(rest) => (true, rest.strip_prefix('/').unwrap_or(rest)),
        None => (false, p),
    };
    let (anchored_end, p) = match p.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    let pat: Vec<char> = p.chars().collect();
    let text: Vec<char> = name.chars().collect();
    fn here(p: &[char], t: &[char], end: bool) -> bool {
        match p {
            [] => !end || t.is_empty(),
            ['.', '*', rest @ ..] => (0..=t.len()).any(|i| here(rest, t.get(i..).unwrap_or(&[]), end)),
            [c, rest @ ..] => t.split_first().is_some_and(|(tc, tr)| (*c == '.' || c == tc) && here(rest, tr, end)),
        }
    }
    if anchored_start {
        here(&pat, &text, anchored_end)
    } else {
        (0..=text.len()).any(|i| here(&pat, text.get(i..).unwrap_or(&[]), anchored_end))
    }
}

/// Which row fields a format reads: only those are computed (a listing of 1,000 containers stays
/// fast). `None` means every field (`json`, `{{json .}}`, a bare `.`).
pub fn fields_used(format: &str) -> Option<Vec<&'static str>> {
    if format == "json" || format.contains("json .}}") || format.contains("{{.}}") || format.contains(" . ") {
        return None;
    }
    Some(HEADERS.iter().map(|(field, _)| *field).filter(|f| format.contains(&format!(".{f}"))).collect())
}

/// The row a template sees for one container (every field is already a display string).
/// `fields` limits which fields are computed (see [`fields_used`]).
pub fn row(engine: &Engine, c: &Container, trunc: bool, with_size: bool, fields: Option<&[&str]>) -> Value {
    let now = engine.now();
    let want = |f: &str| fields.is_none_or(|list| list.contains(&f));
    let mut m = JsonObject::new();
    if want("Command") {
        let command = c.command_line();
        let command = if trunc { ellipsis(&command, 20) } else { command };
        m.string("Command", go_quote(&command));
    }
    if want("CreatedAt") {
        m.string("CreatedAt", c.created.go_default());
    }
    if want("ID") {
        m.str("ID", if trunc { c.short_id() } else { c.id.as_str() });
    }
    if want("Image") {
        m.str("Image", &c.config.image);
    }
    if want("Labels") {
        let labels: Vec<String> = c.config.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        m.string("Labels", labels.join(","));
    }
    if want("LocalVolumes") {
        let local = c.mounts.iter().filter(|mp| matches!(mp.source, crate::engine::mounts::MountSource::Volume(_))).count();
        m.string("LocalVolumes", local.to_string());
    }
    if want("Mounts") {
        // Volume names, bind sources (as the CLI shortens them to 15 characters).
        let names: Vec<String> = c
            .mounts
            .iter()
            .filter(|mp| !matches!(mp.source, crate::engine::mounts::MountSource::Tmpfs))
            .map(|mp| match &mp.source {
                crate::engine::mounts::MountSource::Volume(n) => crate::format::ellipsis(n, 15),
                _ => crate::format::ellipsis(&mp.host_source(), 15),
            })
            .collect();
        m.string("Mounts", names.join(","));
    }
    if want("Names") {
        m.str("Names", &c.name);
    }
    if want("Networks") {
        let mut names: Vec<&str> = Vec::new();
        if c.attachments.is_empty() {
            names.push(&c.host_config.network_mode);
        }
        names.extend(c.attachments.iter().map(|a| a.network.as_str()));
        m.string("Networks", names.join(","));
    }
    if want("Platform") {
        m.null("Platform");
    }
    if want("Ports") {
        m.string("Ports", displayable_ports(&ports_of(engine, c)));
    }
    if want("RunningFor") {
        m.string("RunningFor", format!("{} ago", human_duration(now.since(c.created))));
    }
    if want("Size") {
        let size = if with_size {
            let virt = engine.images.get(&c.image_id).map_or(0, |i| i.size());
            format!("{} (virtual {})", human_size_precision(c.size_rw() as f64, 3), human_size_precision((virt + c.size_rw()) as f64, 3))
        } else {
            "0B".to_string()
        };
        m.string("Size", size);
    }
    if want("State") {
        m.str("State", c.status().as_str());
    }
    if want("Status") {
        m.string("Status", c.state.describe(now));
    }
    m.into_value()
}

/// `docker ps`'s default columns (plus SIZE with `-s`), straight from the containers.
fn default_table(engine: &Engine, list: &[&Container], trunc: bool, with_size: bool) -> String {
    let fields: &[&str] = if with_size {
        &["ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names", "Size"]
    } else {
        &["ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names"]
    };
    let title = |f: &&str| HEADERS.iter().find(|(k, _)| k == f).map_or("", |(_, v)| v).to_string();
    let mut rows = Vec::with_capacity(list.len() + 1);
    rows.push(fields.iter().map(title).collect::<Vec<String>>());
    for c in list {
        let row = row(engine, c, trunc, with_size, Some(fields));
        rows.push(fields.iter().map(|f| row.get(*f).and_then(Value::as_str).unwrap_or("").to_string()).collect());
    }
    crate::format::table::render(&rows)
}

/// Published ports while running, else the exposed ports.
pub fn ports_of(engine: &Engine, c: &Container) -> Vec<Port> {
    if c.state.running && !c.bound_ports.is_empty() {
        return c
            .bound_ports
            .iter()
            .map(|b| Port { ip: Some(b.host_ip.clone()), private: b.container_port, public: Some(b.host_port), proto: b.proto.clone() })
            .collect();
    }
    let _ = engine;
    if !c.state.running {
        return Vec::new();
    }
    c.config
        .exposed_ports
        .iter()
        .map(|p| {
            let (n, proto) = p.split_once('/').unwrap_or((p, "tcp"));
            Port { ip: None, private: n.parse().unwrap_or(0), public: None, proto: proto.to_string() }
        })
        .collect()
}

pub fn ps(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let filters = match parse_filters(engine, inv.list("filter")) {
        Ok(f) => f,
        Err(e) => {
            let code = if e.starts_with("Error response") { 1 } else { 125 };
            out.errln(e);
            return out.with_exit(code);
        }
    };
    let last = if inv.bool("latest") { 1 } else { inv.int("last").unwrap_or(-1) };
    let all = inv.bool("all") || !filters.status.is_empty() || last > 0;
    let trunc = !inv.bool("no-trunc");
    let mut list: Vec<&Container> = engine
        .containers_newest_first()
        .into_iter()
        .filter(|c| all || c.state.running)
        .filter(|c| matches(engine, c, &filters))
        .collect();
    if last > 0 {
        list.truncate(last as usize);
    }
    let quiet = inv.bool("quiet");
    let mut format = inv.str("format").unwrap_or("").to_string();
    if quiet && !format.is_empty() {
        out.errln("WARNING: Ignoring custom format, because both --format and --quiet are set.");
        format.clear();
    }
    if quiet {
        format = "{{.ID}}".into();
    } else if format.is_empty() || format == "table" {
        format = DEFAULT_FORMAT.to_string();
        if inv.bool("size") {
            format.push_str("\t{{.Size}}");
        }
    }
    let with_size = inv.bool("size") || format.contains(".Size");
    if format.starts_with(DEFAULT_FORMAT) {
        // The default table, rendered without the template engine (same cells, much faster).
        out.out(default_table(engine, &list, trunc, with_size));
        return out;
    }
    let fields = fields_used(&format);
    let rows: Vec<Value> = list.iter().map(|c| row(engine, c, trunc, with_size, fields.as_deref())).collect();
    let listing = listing::Listing {
        row_type: "*formatter.ContainerContext",
        headers: HEADERS,
        parse_prefix: "failed to parse template: ",
        exec_prefix: "failed to execute template: ",
    };
    match listing.render(&format, &rows) {
        Ok(text) => out.out(text),
        Err(e) => {
            errors::template_error(&mut out, &e);
        }
    }
    out
}
