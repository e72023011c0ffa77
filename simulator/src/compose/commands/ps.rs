//! `docker compose ps`.

use serde_json::{json, Value};

use super::containers::{label, PROJECT, SERVICE};
use super::Ctx;
use crate::docker::listing::Listing;
use crate::engine::container::Container;
use crate::engine::Engine;
use crate::output::Output;

const HEADERS: &[(&str, &str)] = &[
    ("Name", "NAME"),
    ("Image", "IMAGE"),
    ("Command", "COMMAND"),
    ("Service", "SERVICE"),
    ("RunningFor", "CREATED"),
    ("CreatedAt", "CREATED"),
    ("Status", "STATUS"),
    ("Ports", "PORTS"),
    ("State", "STATE"),
    ("ID", "CONTAINER ID"),
    ("Project", "PROJECT"),
    ("Names", "NAMES"),
    ("Labels", "LABELS"),
    ("ExitCode", "EXIT CODE"),
    ("Health", "HEALTH"),
];

const DEFAULT_FORMAT: &str = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";

fn row(engine: &Engine, c: &Container) -> Value {
    let base = crate::docker::ps::row(engine, c, true, false, None);
    let get = |k: &str| base.get(k).cloned().unwrap_or(Value::Null);
    json!({
        "Name": c.name,
        "Names": c.name,
        "Image": c.config.image,
        "Command": get("Command"),
        "Service": label(c, SERVICE),
        "Project": label(c, PROJECT),
        "RunningFor": get("RunningFor"),
        "CreatedAt": get("CreatedAt"),
        "Status": get("Status"),
        "State": get("State"),
        "Ports": get("Ports"),
        "ID": c.id,
        "Labels": get("Labels"),
        "ExitCode": c.state.exit_code,
        "Health": "",
    })
}

pub fn ps(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_services(&mut out) else { return out };
    let all = cx.flags.bool("all");
    let status_filter = cx.flags.list("status");
    let list: Vec<&Container> = super::containers::with_one_offs(cx.engine, &project.name)
        .into_iter()
        .filter(|c| all || c.state.running || !status_filter.is_empty())
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .filter(|c| status_filter.is_empty() || status_filter.iter().any(|s| s == c.status().as_str()))
        .collect();
    if cx.flags.bool("services") {
        let mut names: Vec<&str> = list.iter().map(|c| label(c, SERVICE)).collect();
        names.dedup();
        for n in names {
            out.outln(n);
        }
        return out;
    }
    if cx.flags.bool("quiet") {
        for c in &list {
            out.outln(&c.id);
        }
        return out;
    }
    let format = cx.flags.str("format").unwrap_or("table").to_string();
    let format = if format == "table" { DEFAULT_FORMAT.to_string() } else { format };
    let rows: Vec<Value> = list.iter().map(|c| row(cx.engine, c)).collect();
    Listing::new("api.ContainerSummary", HEADERS).print(&format, &rows, &mut out);
    out
}
