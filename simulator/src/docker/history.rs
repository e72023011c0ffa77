//! `docker history` / `docker image history`.

use crate::cli::Invocation;
use crate::docker::{errors, listing};
use crate::engine::Engine;
use crate::json_object::JsonObject;
use crate::format::ellipsis;
use crate::format::units::{human_duration, human_size_precision};
use crate::output::Output;

const DEFAULT_FORMAT: &str = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
const RAW_FORMAT: &str = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

const HEADERS: &[(&str, &str)] = &[
    ("ID", "IMAGE"),
    ("CreatedSince", "CREATED"),
    ("CreatedAt", "CREATED AT"),
    ("CreatedBy", "CREATED BY"),
    ("Size", "SIZE"),
    ("Comment", "COMMENT"),
];

pub fn history(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(name) = inv.args.first() else { return out };
    let img = match engine.images.resolve(name) {
        Ok(i) => i.clone(),
        Err(e) => {
            errors::daemon(&mut out, &e.message());
            return out.with_exit(1);
        }
    };
    let human = inv.str("human").is_none_or(|h| h != "false") && !matches!(inv.flags.get("human"), Some(crate::cli::FlagValue::Bool(false)));
    let trunc = !inv.bool("no-trunc");
    let now = engine.now();
    // Pair every history entry with its layer's size (metadata-only entries have 0B).
    let mut layers = img.layers.iter();
    let mut entries: Vec<(String, u64, &crate::engine::image::HistoryEntry)> = Vec::new();
    for h in &img.history {
        let size = if h.empty_layer { 0 } else { layers.next().map_or(0, |l| l.size) };
        entries.push((String::new(), size, h));
    }
    let count = entries.len();
    // The classic store names each row that is the top of a local image in the parent chain
    // (a committed image shows its parent's ID); the others are `<missing>`.
    // (row, image ID): the first image found for a row names it.
    let mut ids_at: Vec<(usize, String)> = vec![(count.saturating_sub(1), img.id.clone())];
    let mut parent = img.parent.clone();
    for _ in 0..128 {
        let Some(p) = engine.images.get(&parent) else { break };
        if let Some(top) = p.history.len().checked_sub(1) {
            if !ids_at.iter().any(|(row, _)| *row == top) {
                ids_at.push((top, p.id.clone()));
            }
        }
        parent = p.parent.clone();
    }
    let mut rows = Vec::new();
    for (i, (_, size, h)) in entries.into_iter().enumerate().rev() {
        let id = match ids_at.iter().find(|(row, _)| *row == i).map(|(_, id)| id) {
            Some(full) if trunc => full.strip_prefix("sha256:").unwrap_or(full).get(..12).unwrap_or(full).to_string(),
            Some(full) => full.clone(),
            None => "<missing>".to_string(),
        };
        let created_by = h.created_by.replace('\t', " ");
        let created_by = if trunc { ellipsis(&created_by, 45) } else { created_by };
        let mut m = JsonObject::new();
        m.str("Comment", &h.comment);
        m.string("CreatedAt", h.created.rfc3339());
        m.string("CreatedBy", created_by);
        m.string("CreatedSince", format!("{} ago", human_duration(now.since(h.created))));
        m.string("ID", id);
        m.string("Size", if human { human_size_precision(size as f64, 3) } else { size.to_string() });
        rows.push(m.into_value());
    }
    let quiet = inv.bool("quiet");
    let mut format = inv.str("format").unwrap_or("").to_string();
    if quiet {
        format = "{{.ID}}".to_string();
    } else if format.is_empty() || format == "table" {
        format = if human { DEFAULT_FORMAT } else { RAW_FORMAT }.to_string();
    }
    let listing = listing::Listing::new("*image.historyContext", HEADERS);
    listing.print(&format, &rows, &mut out);
    out
}
