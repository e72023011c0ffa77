//! `docker images` / `docker image ls` (the classic table of Docker ≤ 28).

use serde_json::Value;

use crate::json_object::JsonObject;

use crate::cli::Invocation;
use crate::docker::listing;
use crate::engine::image::Image;
use crate::engine::image_store::ImageStore;
use crate::engine::Engine;
use crate::format::units::{human_duration, human_size_precision};
use crate::output::Output;

const DEFAULT_FORMAT: &str = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
const DIGESTS_FORMAT: &str = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

const HEADERS: &[(&str, &str)] = &[
    ("Containers", "CONTAINERS"),
    ("CreatedAt", "CREATED AT"),
    ("CreatedSince", "CREATED"),
    ("Digest", "DIGEST"),
    ("ID", "IMAGE ID"),
    ("Repository", "REPOSITORY"),
    ("SharedSize", "SHARED SIZE"),
    ("Size", "SIZE"),
    ("Tag", "TAG"),
    ("UniqueSize", "UNIQUE SIZE"),
    ("VirtualSize", "VIRTUAL SIZE"),
];

struct Filters {
    dangling: Option<bool>,
    reference: Vec<String>,
    label: Vec<String>,
    before: Vec<String>,
    since: Vec<String>,
}

fn parse_filters(specs: &[String]) -> Result<Filters, String> {
    let mut f = Filters { dangling: None, reference: Vec::new(), label: Vec::new(), before: Vec::new(), since: Vec::new() };
    for spec in specs {
        let Some((k, v)) = spec.split_once('=') else {
            return Err("bad format of filter (expected name=value)".to_string());
        };
        match k.to_ascii_lowercase().as_str() {
            "dangling" => match v.to_ascii_lowercase().as_str() {
                "true" | "1" => f.dangling = Some(true),
                "false" | "0" => f.dangling = Some(false),
                _ => return Err(format!("Error response from daemon: invalid filter 'dangling=[{v}]'")),
            },
            "reference" => f.reference.push(v.to_string()),
            "label" => f.label.push(v.to_string()),
            "before" => f.before.push(v.to_string()),
            "since" => f.since.push(v.to_string()),
            "until" => {}
            other => return Err(format!("Error response from daemon: invalid filter '{other}'")),
        }
    }
    Ok(f)
}

/// Go's `path.Match` for the simple patterns people use (`*`, `?`, literal text).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn rec(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) => (0..=t.len()).any(|i| !t.get(..i).is_some_and(|s| s.contains(&'/')) && rec(rest, t.get(i..).unwrap_or(&[]))),
            Some(('?', rest)) => t.split_first().is_some_and(|(c, tr)| *c != '/' && rec(rest, tr)),
            Some((c, rest)) => t.split_first().is_some_and(|(tc, tr)| tc == c && rec(rest, tr)),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    rec(&p, &t)
}

fn reference_matches(pattern: &str, repo: &str, tag: &str) -> bool {
    if glob_match(pattern, repo) {
        return true;
    }
    tag != "<none>" && glob_match(pattern, &format!("{repo}:{tag}"))
}

/// One listing row per tag (or per digest-only repository, or `<none>` for dangling images).
fn rows_for(engine: &Engine, img: &Image, trunc: bool) -> Vec<(String, String, String, Value)> {
    let now = engine.now();
    let id = if trunc { img.short_id().to_string() } else { img.id.clone() };
    let containers = engine.containers.values().filter(|c| c.image_id == img.id).count();
    let mut names: Vec<(String, String)> = img
        .repo_tags
        .iter()
        .map(|t| t.rsplit_once(':').map_or((t.clone(), "<none>".to_string()), |(r, tag)| (r.to_string(), tag.to_string())))
        .collect();
    // The daemon lists an image's references sorted: tags of one repository come in lexical order.
    let first_seen: Vec<String> = names.iter().map(|(r, _)| r.clone()).collect();
    crate::sort::sort_by_key(&mut names, |(r, t)| (first_seen.iter().position(|x| x == r).unwrap_or(0), t.clone()));
    // Repositories the image is only known to by digest get a `<none>` row of their own (the CLI's
    // "rows for remaining digest-only repositories"), even when other repositories tag it.
    for d in &img.repo_digests {
        if let Some((r, _)) = d.split_once('@') {
            if !names.iter().any(|(n, _)| n == r) {
                names.push((r.to_string(), "<none>".to_string()));
            }
        }
    }
    if names.is_empty() {
        names.push(("<none>".to_string(), "<none>".to_string()));
    }
    names
        .into_iter()
        .map(|(repo, tag)| {
            let digest = img
                .repo_digests
                .iter()
                .find_map(|d| d.split_once('@').filter(|(r, _)| *r == repo).map(|(_, dg)| dg.to_string()))
                .unwrap_or_else(|| "<none>".to_string());
            let size = human_size_precision(img.size() as f64, 3);
            let mut m = JsonObject::new();
            m.string("Containers", if containers == 0 { "N/A".to_string() } else { containers.to_string() });
            m.string("CreatedAt", img.created.go_default());
            m.string("CreatedSince", format!("{} ago", human_duration(now.since(img.created))));
            m.str("Digest", &digest);
            m.str("ID", &id);
            m.str("Repository", &repo);
            m.str("SharedSize", "N/A");
            m.str("Size", &size);
            m.str("Tag", &tag);
            m.str("UniqueSize", "N/A");
            m.string("VirtualSize", size);
            (repo, tag, digest, m.into_value())
        })
        .collect()
}

pub fn images(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let filters = match parse_filters(inv.list("filter")) {
        Ok(f) => f,
        Err(e) => {
            out.errln(&e);
            return out.with_exit(if e.starts_with("Error response") { 1 } else { 125 });
        }
    };
    // The optional REPOSITORY[:TAG] argument acts as a reference filter.
    let mut reference_patterns = filters.reference.clone();
    if let Some(arg) = inv.args.first() {
        reference_patterns.push(arg.clone());
    }
    // before=/since= compare creation times with a named image.
    let mut bounds = Vec::new();
    for (name, is_before) in filters.before.iter().map(|b| (b, true)).chain(filters.since.iter().map(|s| (s, false))) {
        match engine.images.resolve(name) {
            Ok(img) => bounds.push((img.created, is_before)),
            Err(e) => {
                crate::docker::errors::daemon(&mut out, &e.message());
                return out.with_exit(1);
            }
        }
    }
    let trunc = !inv.bool("no-trunc");
    let mut rows = Vec::new();
    for img in engine.images.list() {
        if !bounds.iter().all(|(t, is_before)| if *is_before { img.created < *t } else { img.created > *t }) {
            continue;
        }
        let dangling = ImageStore::is_dangling(img);
        // Intermediate images (untagged parents of other images, as the legacy builder leaves
        // them) show only with `-a`.
        if dangling && !inv.bool("all") && engine.images.iter().any(|c| c.parent == img.id) {
            continue;
        }
        if let Some(d) = filters.dangling {
            if d != dangling {
                continue;
            }
        }
        if !filters.label.is_empty()
            && !filters.label.iter().all(|l| match l.split_once('=') {
                Some((k, v)) => img.config.labels.get(k).is_some_and(|x| x == v),
                None => img.config.labels.contains_key(l),
            })
        {
            continue;
        }
        for (repo, tag, _digest, row) in rows_for(engine, img, trunc) {
            if !reference_patterns.is_empty() && !reference_patterns.iter().any(|p| reference_matches(p, &repo, &tag)) {
                continue;
            }
            rows.push(row);
        }
    }
    let quiet = inv.bool("quiet");
    let mut format = inv.str("format").unwrap_or("").to_string();
    if quiet && !format.is_empty() {
        out.errln("WARNING: Ignoring custom format, because both --format and --quiet are set.");
        format.clear();
    }
    if quiet {
        format = "{{.ID}}".to_string();
    } else if format.is_empty() || format == "table" {
        format = if inv.bool("digests") { DIGESTS_FORMAT } else { DEFAULT_FORMAT }.to_string();
    }
    let listing = listing::Listing::new("*formatter.imageContext", HEADERS);
    listing.print(&format, &rows, &mut out);
    if rows.is_empty() && !quiet {
        if let Some(arg) = inv.args.first() {
            if matches!(arg.as_str(), "ls" | "list" | "rm" | "prune" | "inspect" | "pull" | "push" | "tag" | "history") {
                out.errln(format!("No images found matching \"{arg}\": did you mean \"docker image {arg}\"?"));
            }
        }
    }
    out
}
