//! `docker push` / `docker image push`: uploads a local image (pulled, committed or built) to one
//! of the registries of [`crate::registry`], which keeps it for the rest of the session.

use crate::cli::Invocation;
use crate::docker::login;
use crate::engine::image::Image;
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::Event;
use crate::output::Output;
use crate::registry::{Host, Kind, LayerPush};

const DENIED: &str = "denied: requested access to the resource is denied";
const NO_AUTH: &str = "no basic auth credentials";

/// `docker push [OPTIONS] NAME[:TAG]`.
pub fn push(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(reference) = super::pull::repository_argument(inv, &mut out) else { return out };
    let all_tags = inv.bool("all-tags");
    let quiet = inv.bool("quiet");
    let reference = if all_tags { reference } else { reference.with_default_tag() };
    let repo = reference.familiar_name();
    let mut local_tags: Vec<(String, String)> = engine
        .images
        .iter()
        .flat_map(|i| {
            i.repo_tags.iter().filter_map(|t| {
                let (r, tag) = t.rsplit_once(':')?;
                (r == repo).then(|| (tag.to_string(), i.id.clone()))
            })
        })
        .collect();
    crate::sort::sort(&mut local_tags);
    if !quiet {
        out.outln(format!("The push refers to repository [{}]", reference.full_name()));
    }
    if local_tags.is_empty() {
        out.errln(format!("An image does not exist locally with the tag: {repo}"));
        return out.with_exit(1);
    }
    let to_push: Vec<(String, String)> = match &reference.tag {
        Some(t) => match local_tags.iter().find(|(tag, _)| tag == t) {
            Some(found) => vec![found.clone()],
            None => {
                out.errln(format!("tag does not exist: {}", reference.familiar()));
                return out.with_exit(1);
            }
        },
        None => local_tags,
    };
    let Some(host) = Host::lookup(&reference.domain).filter(|h| !(h.kind == Kind::DockerHub && engine.hub_offline)) else {
        let api = if reference.domain == "docker.io" { "registry-1.docker.io".to_string() } else { reference.domain.clone() };
        out.errln(login::unreachable(engine, &api));
        return out.with_exit(1);
    };
    for (tag, id) in to_push {
        let Some(image) = engine.images.get(&id).cloned() else { continue };
        if let Err(e) = push_one(engine, &host, &reference, &tag, &image, quiet, &mut out) {
            out.errln(e);
            return out.with_exit(1);
        }
    }
    out
}

/// Pushes one tag; on refusal returns the message (after the `Preparing` lines).
fn push_one(engine: &mut Engine, host: &Host, reference: &Reference, tag: &str, image: &Image, quiet: bool, out: &mut Output) -> Result<(), String> {
    let path = &reference.path;
    // Layers top first, each once.
    let mut layers: Vec<(String, String, u64)> = Vec::new();
    for l in image.layers.iter().rev() {
        if !layers.iter().any(|(d, _, _)| *d == l.diff_id) {
            layers.push((l.diff_id.clone(), l.blob_digest.clone(), l.size));
        }
    }
    let short = |d: &str| {
        let hex = d.strip_prefix("sha256:").unwrap_or(d);
        hex.get(..12).unwrap_or(hex).to_string()
    };
    let refusal = match engine.registries.login_for(&host.server_key()) {
        None if host.kind == Kind::DockerHub => Some(DENIED),
        None => Some(NO_AUTH),
        Some(login) if !host.may_push(&login.user, path) => Some(DENIED),
        Some(_) => None,
    };
    if let Some(msg) = refusal {
        if !quiet {
            for (d, _, _) in &layers {
                out.outln(format!("{}: Preparing", short(d)));
            }
        }
        return Err(msg.to_string());
    }
    let hub_sources = hub_sources(image);
    let mut statuses: Vec<(String, LayerPush, u64)> = layers
        .iter()
        .map(|(d, blob, size)| {
            let mut status = engine.registries.layer_status(&host.domain, path, blob);
            if status == LayerPush::Pushed && host.kind == Kind::DockerHub {
                if let Some(src) = hub_sources.first() {
                    status = LayerPush::Mounted(src.clone());
                }
            }
            (short(d), status, *size)
        })
        .collect();
    let manifest = engine.registries.push(&host.domain, path, tag, image);
    if !quiet {
        let line = |(id, status, _): &(String, LayerPush, u64)| match status {
            LayerPush::Exists => format!("{id}: Layer already exists"),
            LayerPush::Mounted(from) => format!("{id}: Mounted from {from}"),
            LayerPush::Pushed => format!("{id}: Pushed"),
        };
        if engine.tty {
            for s in &statuses {
                out.outln(line(s));
            }
        } else {
            for (id, _, _) in &statuses {
                out.outln(format!("{id}: Preparing"));
            }
            // Layers that need no upload finish first, then uploads, smallest first.
            crate::sort::sort_by_key(&mut statuses, |(_, status, size)| match status {
                LayerPush::Pushed => (1, *size),
                _ => (0, 0),
            });
            for s in &statuses {
                out.outln(line(s));
            }
        }
        out.outln(format!("{tag}: digest: {} size: {}", manifest.digest, manifest.size));
    } else {
        out.outln(format!("{}:{tag}", reference.familiar_name()));
    }
    let repo_digest = format!("{}@{}", reference.familiar_name(), manifest.digest);
    if let Some(img) = engine.images.get_mut(&image.id) {
        if !img.repo_digests.contains(&repo_digest) {
            img.repo_digests.push(repo_digest);
        }
    }
    out.events.push(Event::ImagePushed { reference: format!("{}:{tag}", reference.familiar_name()), digest: manifest.digest });
    Ok(())
}

/// Docker Hub repositories the image was pulled from (`library/nginx`): the Hub mounts its layers
/// from there instead of receiving them again.
fn hub_sources(image: &Image) -> Vec<String> {
    image
        .repo_digests
        .iter()
        .filter_map(|d| d.split_once('@').map(|(r, _)| r))
        .filter_map(|r| match Reference::parse(r) {
            Ok(parsed) if parsed.domain == "docker.io" => Some(parsed.path),
            _ => None,
        })
        .collect()
}
