//! `docker system df` and `docker system prune`.

use crate::cli::Invocation;
use crate::docker::{prompt, rm, rmi};
use crate::engine::Engine;
use crate::format::units::human_size;
use crate::format::table::render;
use crate::output::Output;

fn percent(part: u64, total: u64) -> String {
    (part * 100).checked_div(total).map_or_else(String::new, |p| format!(" ({p}%)"))
}

pub fn df(engine: &mut Engine, _inv: &Invocation) -> Output {
    let mut out = Output::new();
    let images = engine.images.list();
    let active_ids: Vec<&String> = engine.containers.values().map(|c| &c.image_id).collect();
    // Every layer counts once, however many images share it.
    let mut seen = std::collections::BTreeSet::new();
    let mut total = 0u64;
    for img in &images {
        for l in &img.layers {
            if seen.insert(l.diff_id.clone()) {
                total += l.size;
            }
        }
    }
    let mut active_unique = 0u64;
    let mut active = 0;
    for img in &images {
        if !active_ids.contains(&&img.id) {
            continue;
        }
        active += 1;
        for l in &img.layers {
            let shared = images.iter().any(|o| o.id != img.id && o.layers.iter().any(|x| x.diff_id == l.diff_id));
            if !shared {
                active_unique += l.size;
            }
        }
    }
    let reclaim_images = total.saturating_sub(active_unique);
    let containers: Vec<_> = engine.containers.values().collect();
    let running = containers.iter().filter(|c| c.state.running).count();
    let c_size: u64 = containers.iter().map(|c| c.size_rw()).sum();
    let c_reclaim: u64 = containers.iter().filter(|c| !c.state.running).map(|c| c.size_rw()).sum();
    let rows = vec![
        vec!["TYPE".into(), "TOTAL".into(), "ACTIVE".into(), "SIZE".into(), "RECLAIMABLE".into()],
        vec![
            "Images".into(),
            images.len().to_string(),
            active.to_string(),
            human_size(total as f64),
            format!("{}{}", human_size(reclaim_images as f64), percent(reclaim_images, total)),
        ],
        vec![
            "Containers".into(),
            containers.len().to_string(),
            running.to_string(),
            human_size(c_size as f64),
            format!("{}{}", human_size(c_reclaim as f64), percent(c_reclaim, c_size)),
        ],
        {
            let total: u64 = engine.volumes.values().map(|v| v.size()).sum();
            let active = engine.volumes.keys().filter(|n| !engine.volume_users(n).is_empty()).count();
            let reclaim: u64 = engine.volumes.values().filter(|v| engine.volume_users(&v.name).is_empty()).map(|v| v.size()).sum();
            vec![
                "Local Volumes".into(),
                engine.volumes.len().to_string(),
                active.to_string(),
                human_size(total as f64),
                format!("{}{}", human_size(reclaim as f64), percent(reclaim, total)),
            ]
        },
        {
            // The builder's cache records (`docker build`), all reclaimable.
            let cache = &engine.images.build_cache;
            let size = human_size(cache.size() as f64);
            vec!["Build Cache".into(), cache.len().to_string(), "0".into(), size.clone(), size]
        },
    ];
    out.out(render(&rows));
    out
}

/// `docker system prune [-a] [-f]`: stopped containers, unused networks, dangling (or all unused)
/// images and the build cache.
pub fn prune(engine: &mut Engine, inv: &Invocation, stdin: Option<&str>) -> Output {
    let mut out = Output::new();
    let all = inv.bool("all");
    if !inv.bool("force") {
        let images = if all { "all images without at least one container associated to them" } else { "all dangling images" };
        out.out(format!(
            "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - {images}\n  - unused build cache\n\nAre you sure you want to continue? [y/N] "
        ));
        if !prompt::confirmed(stdin) {
            return out;
        }
    }
    let (containers_text, c_bytes) = rm::prune_stopped(engine, &mut out.events);
    let (images_text, i_bytes) = rmi::prune_images(engine, all, &mut out.events);
    out.out(containers_text);
    out.out(images_text);
    out.outln(format!("Total reclaimed space: {}", human_size((c_bytes + i_bytes) as f64)));
    out
}
