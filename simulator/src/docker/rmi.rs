//! `docker rmi` / `docker image rm` and `docker image prune` (classic image store rules).

use crate::cli::Invocation;
use crate::engine::image::Image;
use crate::engine::image_store::ImageStore;
use crate::engine::reference::{is_full_hex_id, Reference};
use crate::engine::Engine;
use crate::events::Event;
use crate::format::units::human_size;
use crate::output::Output;

fn short(id: &str) -> String {
    let hex = id.strip_prefix("sha256:").unwrap_or(id);
    hex.get(..12).unwrap_or(hex).to_string()
}

/// True when the learner named the image by (a prefix of) its ID rather than by a reference.
fn named_by_id(typed: &str, img: &Image) -> bool {
    let hex = typed.strip_prefix("sha256:").unwrap_or(typed);
    is_full_hex_id(hex) || (img.id.get(7..).is_some_and(|h| h.starts_with(hex)) && !img.repo_tags.iter().any(|t| t == typed || t.strip_suffix(":latest") == Some(typed)))
}

/// Removes one image reference or image; returns the lines to print.
fn remove_one(engine: &mut Engine, typed: &str, force: bool, events: &mut Vec<Event>) -> Result<Vec<String>, String> {
    let img = engine.images.resolve(typed).map_err(|e| e.message())?.clone();
    let users: Vec<(String, bool)> = engine
        .containers_newest_first()
        .iter()
        .filter(|c| c.image_id == img.id)
        .map(|c| (c.id.clone(), c.state.running))
        .collect();
    let mut lines = Vec::new();
    if !named_by_id(typed, &img) {
        let reference = Reference::parse(typed)?;
        let tagged = reference.clone().with_default_tag().familiar();
        let other_refs = img.repo_tags.iter().filter(|t| **t != tagged).count();
        if other_refs > 0 || (!users.is_empty() && force) {
            // Only the reference goes.
            if reference.digest.is_some() {
                // A digest reference (`repo@sha256:…`).
                if let Some(image) = engine.images.get_mut(&img.id) {
                    let before = image.repo_digests.len();
                    image.repo_digests.retain(|d| *d != tagged);
                    if image.repo_digests.len() != before {
                        lines.push(format!("Untagged: {tagged}"));
                        events.push(Event::ImageUntagged { reference: tagged, id: img.id.clone() });
                    }
                }
                return Ok(lines);
            }
            if engine.images.untag(&img.id, &tagged) {
                lines.push(format!("Untagged: {tagged}"));
                events.push(Event::ImageUntagged { reference: tagged, id: img.id.clone() });
                // The repository's last tag took its digest references with it (the store drops
                // them): Docker reports each one.
                let still = engine.images.get(&img.id).map(|i| i.repo_digests.clone()).unwrap_or_default();
                for d in img.repo_digests.iter().filter(|d| !still.contains(d)) {
                    lines.push(format!("Untagged: {d}"));
                }
            }
            return Ok(lines);
        }
        if let Some((cid, _)) = users.first() {
            return Err(format!(
                "conflict: unable to remove repository reference \"{typed}\" (must force) - container {} is using its referenced image {}",
                short(cid),
                short(&img.id)
            ));
        }
    } else {
        if let Some((cid, _)) = users.iter().find(|(_, running)| *running) {
            return Err(format!(
                "conflict: unable to delete {} (cannot be forced) - image is being used by running container {}",
                short(&img.id),
                short(cid)
            ));
        }
        if img.repo_tags.len() > 1 && !force {
            return Err(format!("conflict: unable to delete {} (must be forced) - image is referenced in multiple repositories", short(&img.id)));
        }
        if let Some((cid, _)) = users.first() {
            if !force {
                return Err(format!(
                    "conflict: unable to delete {} (must be forced) - image is being used by stopped container {}",
                    short(&img.id),
                    short(cid)
                ));
            }
        }
    }
    for t in &img.repo_tags {
        lines.push(format!("Untagged: {t}"));
        events.push(Event::ImageUntagged { reference: t.clone(), id: img.id.clone() });
    }
    for d in &img.repo_digests {
        lines.push(format!("Untagged: {d}"));
    }
    if !users.is_empty() {
        // Forced while a stopped container uses it: the tags go, the image stays.
        if let Some(i) = engine.images.get_mut(&img.id) {
            i.repo_tags.clear();
            i.repo_digests.clear();
        }
        return Ok(lines);
    }
    lines.extend(delete_image(engine, &img.id, events));
    Ok(lines)
}

/// Deletes an image and the layers no other image uses; returns the `Deleted:` lines.
fn delete_image(engine: &mut Engine, id: &str, events: &mut Vec<Event>) -> Vec<String> {
    let Some(img) = engine.images.remove(id) else { return Vec::new() };
    let mut lines = vec![format!("Deleted: {}", img.id)];
    let still_used: Vec<String> = engine.images.iter().flat_map(chain_ids).collect();
    for chain in chain_ids(&img).into_iter().rev() {
        if !still_used.contains(&chain) {
            lines.push(format!("Deleted: {chain}"));
        }
    }
    events.push(Event::ImageDeleted { id: img.id });
    lines
}

/// Layer chain IDs (what the classic store names layers by), bottom first.
pub fn chain_ids(img: &Image) -> Vec<String> {
    let mut chain = String::new();
    img.layers
        .iter()
        .map(|l| {
            chain = if chain.is_empty() {
                l.diff_id.clone()
            } else {
                format!("sha256:{}", crate::ids::sha256_hex(format!("{chain} {}", l.diff_id).as_bytes()))
            };
            chain.clone()
        })
        .collect()
}

pub fn rmi(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let force = inv.bool("force");
    let mut errs = Vec::new();
    for typed in &inv.args {
        let mut events = Vec::new();
        match remove_one(engine, typed, force, &mut events) {
            Ok(lines) => {
                for l in lines {
                    out.outln(l);
                }
            }
            Err(e) => errs.push(format!("Error response from daemon: {e}")),
        }
        out.events.extend(events);
    }
    if !errs.is_empty() {
        out.errln(errs.join("\n"));
        out.exit_code = 1;
    }
    out
}

/// `docker image prune [-a] [-f]`.
pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    let all = inv.bool("all");
    if !inv.bool("force") {
        let what = if all { "all images without at least one container associated to them" } else { "all dangling images" };
        out.out(format!("WARNING! This will remove {what}.\nAre you sure you want to continue? [y/N] "));
        if !crate::docker::prompt::confirmed(stdin) {
            return out;
        }
    }
    let (text, reclaimed) = prune_images(engine, all, &mut out.events);
    out.out(text);
    out.outln(format!("Total reclaimed space: {}", human_size(reclaimed as f64)));
    out
}

/// Deletes dangling (or, with `all`, every unused) image; returns the `Deleted Images:` section
/// and the bytes freed.
pub fn prune_images(engine: &mut Engine, all: bool, events: &mut Vec<Event>) -> (String, u64) {
    let candidates: Vec<Image> = engine
        .images
        .list()
        .into_iter()
        .filter(|i| all || ImageStore::is_dangling(i))
        .filter(|i| !engine.containers.values().any(|c| c.image_id == i.id))
        .cloned()
        .collect();
    let mut lines = Vec::new();
    let mut reclaimed = 0u64;
    for img in candidates {
        for t in &img.repo_tags {
            lines.push(format!("untagged: {t}"));
        }
        for d in &img.repo_digests {
            lines.push(format!("untagged: {d}"));
        }
        let shared_before: Vec<String> = engine.images.iter().filter(|i| i.id != img.id).flat_map(chain_ids).collect();
        reclaimed += img
            .layers
            .iter()
            .zip(chain_ids(&img))
            .filter(|(_, c)| !shared_before.contains(c))
            .map(|(l, _)| l.size)
            .sum::<u64>();
        for l in delete_image(engine, &img.id, events) {
            lines.push(l.replacen("Deleted:", "deleted:", 1));
        }
    }
    if lines.is_empty() {
        return (String::new(), 0);
    }
    let mut text = String::from("Deleted Images:\n");
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    text.push('\n');
    (text, reclaimed)
}
