//! `docker compose config`: the merged, interpolated model as Compose prints it.

use serde_json::Value;

use super::Ctx;
use crate::compose::yaml_out;
use crate::output::Output;

pub fn config(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load(&mut out) else { return out };
    for name in &cx.args {
        if project.service(name).is_none() {
            out.errln(format!("no such service: {name}"));
            out.exit_code = 1;
            return out;
        }
    }
    let section = |name: &str| -> Vec<String> {
        match project.tree.get(name) {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        }
    };
    if cx.flags.bool("services") {
        for s in &project.services {
            out.outln(&s.name);
        }
        return out;
    }
    if cx.flags.bool("images") {
        for s in &project.services {
            out.outln(s.image.clone().unwrap_or_else(|| format!("{}-{}", project.name, s.name)));
        }
        return out;
    }
    if cx.flags.bool("volumes") {
        for v in section("volumes") {
            out.outln(v);
        }
        return out;
    }
    if cx.flags.bool("networks") {
        for v in section("networks") {
            out.outln(v);
        }
        return out;
    }
    if cx.flags.bool("profiles") {
        for p in &project.profiles {
            out.outln(p);
        }
        return out;
    }
    if cx.flags.bool("quiet") {
        return out;
    }
    let mut tree = project.tree.clone();
    if !cx.args.is_empty() {
        if let Some(Value::Object(services)) = tree.get_mut("services") {
            services.retain(|k, _| cx.args.contains(k));
        }
        // Only the resources the chosen services use.
        let kept: Vec<&crate::compose::Service> = project.services.iter().filter(|s| cx.args.contains(&s.name)).collect();
        let used = |section: &str, key: &str| -> bool {
            kept.iter().any(|s| match section {
                "networks" => s.networks.iter().any(|n| n.key == key),
                "volumes" => s.volumes.iter().any(|m| m.kind == "volume" && m.source.as_deref() == Some(key)),
                _ => s.secrets.iter().any(|x| x.source == key),
            })
        };
        if let Value::Object(top) = &mut tree {
            for section in ["networks", "volumes", "secrets"] {
                if let Some(Value::Object(m)) = top.get_mut(section) {
                    m.retain(|k, _| used(section, k));
                }
                if top.get(section).is_some_and(|v| v.as_object().is_some_and(|m| m.is_empty())) {
                    top.remove(section);
                }
            }
        }
    }
    let text = if cx.flags.str("format") == Some("json") {
        crate::format::go_json::marshal_indent(&tree, "", "  ")
    } else {
        yaml_out::document(&tree)
    };
    match cx.flags.str("output") {
        Some(file) => {
            let rel = crate::docker::host_path::project_path(cx.call.cwd, file);
            if let Some(rel) = rel {
                if let Err(e) = cx.project_files.write(&rel, &text) {
                    out.errln(e);
                    out.exit_code = 1;
                }
            }
        }
        None => out.out(text),
    }
    out
}
