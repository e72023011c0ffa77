//! `docker compose ps`.

use serde_json::Value;

use super::containers::{label, PROJECT, SERVICE};
use super::Ctx;
use crate::docker::listing::Listing;
use crate::engine::container::Container;
use crate::engine::Engine;
use crate::json_object::JsonObject;
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
    let mut o = JsonObject::new();
    o.str("Name", &c.name);
    o.str("Names", &c.name);
    o.str("Image", &c.config.image);
    o.value("Command", get("Command"));
    o.str("Service", label(c, SERVICE));
    o.str("Project", label(c, PROJECT));
    for key in ["RunningFor", "CreatedAt", "Status", "State", "Ports"] {
        o.value(key, get(key));
    }
    o.str("ID", &c.id);
    o.value("Labels", get("Labels"));
    o.int("ExitCode", i64::from(c.state.exit_code));
    o.str("Health", "");
    o.into_value()
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
