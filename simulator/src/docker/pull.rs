//! `docker pull` / `docker image pull`, and the implicit pull of `docker run`/`create`.

use crate::cli::Invocation;
use crate::docker::{errors, login};
use crate::engine::image::Image;
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::Event;
use crate::hub;
use crate::output::{Output, Stream};
use crate::registry::{Host, Kind};

/// Why a pull failed: the daemon's message.
pub type PullError = String;

/// Pulls `reference` into the local store, writing progress to `stream`. `announce_default_tag`
/// prints `Using default tag: latest` (only `docker pull` does). Returns the image ID.
pub fn pull_reference(
    engine: &mut Engine,
    reference: &Reference,
    out: &mut Output,
    stream: Stream,
    quiet: bool,
) -> Result<String, PullError> {
    let tagged = reference.clone().with_default_tag();
    if engine.hub_offline && tagged.domain == "docker.io" {
        return Err("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: dial udp 10.255.255.53:53: connect: network is unreachable".to_string());
    }
    let (mut image, digest) = find_remote(engine, &tagged)?;
    if let Some(d) = &tagged.digest {
        if *d != digest {
            return Err(format!("manifest for {} not found: manifest unknown: manifest unknown", tagged.familiar()));
        }
    }
    // `Pulling from` is announced under the tag, or under the whole reference when pulling by digest.
    let label = tagged.tag.clone().unwrap_or_else(|| tagged.full());
    let familiar_tagged = tagged.familiar();
    let repo_digest = format!("{}@{digest}", tagged.familiar_name());
    let already = engine.images.get(&image.id).is_some_and(|i| {
        tagged.tag.as_ref().is_none_or(|_| i.repo_tags.contains(&familiar_tagged)) && i.repo_digests.contains(&repo_digest)
    });
    let mut text = String::new();
    if !quiet {
        text.push_str(&format!("{label}: Pulling from {}\n", tagged.path));
    }
    // When the image itself is already here (under another name), no layer is fetched.
    let have_image = engine.images.get(&image.id).is_some();
    if !already && !have_image && !quiet {
        let present: Vec<String> = engine.images.iter().flat_map(|i| i.layers.iter().map(|l| l.diff_id.clone())).collect();
        let ids: Vec<(String, bool)> = image
            .layers
            .iter()
            .map(|l| (short(&l.blob_digest), present.contains(&l.diff_id)))
            .collect();
        if engine.tty {
            for (id, exists) in &ids {
                text.push_str(&format!("{id}: {}\n", if *exists { "Already exists" } else { "Pull complete" }));
            }
        } else {
            for (id, exists) in &ids {
                text.push_str(&format!("{id}: {}\n", if *exists { "Already exists" } else { "Pulling fs layer" }));
            }
            let fresh: Vec<&String> = ids.iter().filter(|(_, e)| !e).map(|(id, _)| id).collect();
            for id in fresh.iter().skip(3) {
                text.push_str(&format!("{id}: Waiting\n"));
            }
            for id in &fresh {
                text.push_str(&format!("{id}: Verifying Checksum\n{id}: Download complete\n"));
            }
            for id in &fresh {
                text.push_str(&format!("{id}: Pull complete\n"));
            }
        }
    }
    if !quiet {
        text.push_str(&format!("Digest: {digest}\n"));
        if already {
            text.push_str(&format!("Status: Image is up to date for {familiar_tagged}\n"));
        } else {
            text.push_str(&format!("Status: Downloaded newer image for {familiar_tagged}\n"));
        }
    }
    out.push(stream, &text);
    if let Some(t) = &tagged.tag {
        image.repo_tags.push(format!("{}:{t}", tagged.familiar_name()));
    }
    image.repo_digests.push(repo_digest);
    let id = image.id.clone();
    let now = engine.now();
    engine.images.insert(image);
    if let Some(img) = engine.images.get_mut(&id) {
        if img.last_tag_time.is_none() {
            img.last_tag_time = Some(now);
        }
    }
    out.events.push(Event::ImagePulled { reference: familiar_tagged, id: id.clone() });
    Ok(id)
}

/// The tags a repository offers, in the order `docker pull --all-tags` pulls them.
fn remote_tags(engine: &Engine, reference: &Reference) -> Result<Vec<String>, PullError> {
    if engine.hub_offline && reference.domain == "docker.io" {
        return Err(login::unreachable(engine, "registry-1.docker.io"));
    }
    let host = Host::lookup(&reference.domain).ok_or_else(|| login::unreachable(engine, &reference.domain))?;
    let mut tags: Vec<String> =
        engine.registries.repository(&host.domain, &reference.path).map(|r| r.tags.keys().cloned().collect()).unwrap_or_default();
    if host.kind == Kind::DockerHub {
        let repo = reference.familiar_name();
        for img in hub::CATALOG.iter().filter(|i| i.repo == repo) {
            tags.extend(img.tags.iter().map(|t| (*t).to_string()));
        }
        if tags.is_empty() {
            return Err(format!(
                "pull access denied for {repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
            ));
        }
    } else {
        if engine.registries.login_for(&host.server_key()).is_none() {
            return Err(format!("Get \"{}://{}/v2/{}/tags/list\": no basic auth credentials", host.scheme(), host.domain, reference.path));
        }
        if tags.is_empty() {
            return Err("name unknown: repository name not known to registry".to_string());
        }
    }
    crate::sort::sort(&mut tags);
    tags.dedup();
    tags.reverse();
    Ok(tags)
}

/// `docker pull --all-tags REPOSITORY`: every tag, one `Status:` line at the end.
fn pull_all_tags(engine: &mut Engine, reference: &Reference, quiet: bool, mut out: Output) -> Output {
    let tags = match remote_tags(engine, reference) {
        Ok(t) => t,
        Err(e) => {
            errors::daemon(&mut out, &e);
            return out.with_exit(1);
        }
    };
    let mut downloaded = false;
    for tag in tags {
        let mut tagged = reference.clone();
        tagged.tag = Some(tag);
        let mut one = Output::new();
        if let Err(e) = pull_reference(engine, &tagged, &mut one, Stream::Stdout, quiet) {
            errors::daemon(&mut out, &e);
            return out.with_exit(1);
        }
        let text = one.stdout();
        downloaded |= text.contains("Status: Downloaded newer image");
        for line in text.lines().filter(|l| !l.starts_with("Status: ")) {
            out.outln(line);
        }
        out.events.extend(one.events);
    }
    let name = reference.familiar_name();
    if !quiet {
        if downloaded {
            out.outln(format!("Status: Downloaded newer image for {name}"));
        } else {
            out.outln(format!("Status: Image is up to date for {name}"));
        }
    }
    out.outln(reference.full_name());
    out
}

/// Finds what a registry would serve for `reference` (the image without local names, and its
/// manifest digest), or the daemon's error.
fn find_remote(engine: &Engine, reference: &Reference) -> Result<(Image, String), PullError> {
    let host = Host::lookup(&reference.domain).ok_or_else(|| login::unreachable(engine, &reference.domain))?;
    let stored = engine.registries.find(&host.domain, &reference.path, reference.tag.as_deref(), reference.digest.as_deref());
    if host.kind != Kind::DockerHub {
        if engine.registries.login_for(&host.server_key()).is_none() {
            let (verb, what) = match (&reference.digest, &reference.tag) {
                (Some(d), _) => ("Get", d.clone()),
                (None, t) => ("Head", t.clone().unwrap_or_default()),
            };
            return Err(format!(
                "{verb} \"{}://{}/v2/{}/manifests/{what}\": no basic auth credentials",
                host.scheme(),
                host.domain,
                reference.path
            ));
        }
        return stored
            .map(|(img, manifest)| (img.clone(), manifest.digest.clone()))
            .ok_or_else(|| format!("manifest for {} not found: manifest unknown: manifest unknown", reference.familiar()));
    }
    if let Some((img, manifest)) = stored {
        return Ok((img.clone(), manifest.digest.clone()));
    }
    let hub_image = find_hub(reference)?;
    let image = hub_image.to_image();
    let digest = hub_image.manifest_digest(&image);
    Ok((image, digest))
}

/// Finds an image of the simulated Docker Hub's catalog.
fn find_hub(reference: &Reference) -> Result<&'static hub::HubImage, PullError> {
    let repo = reference.familiar_name();
    let known_repo = hub::CATALOG.iter().any(|i| i.repo == repo);
    if !known_repo {
        return Err(format!(
            "pull access denied for {repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
        ));
    }
    if let Some(tag) = &reference.tag {
        return hub::find(&repo, tag).ok_or_else(|| format!("manifest for {repo}:{tag} not found: manifest unknown: manifest unknown"));
    }
    // By digest only: search every tag of the repository.
    let wanted = reference.digest.clone().unwrap_or_default();
    hub::CATALOG
        .iter()
        .filter(|i| i.repo == repo)
        .find(|i| i.manifest_digest(&i.to_image()) == wanted)
        .ok_or_else(|| format!("manifest for {} not found: manifest unknown: manifest unknown", reference.familiar()))
}

fn short(digest: &str) -> String {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    hex.get(..12).unwrap_or(hex).to_string()
}

/// The `NAME[:TAG|@DIGEST]` argument of `pull` and `push`, parsed and checked against
/// `--all-tags`, with the CLI's `Using default tag: latest` notice. `None` when there is nothing to
/// do: `out` then holds the CLI's error and exit code.
pub(super) fn repository_argument(inv: &Invocation, out: &mut Output) -> Option<Reference> {
    let name = inv.args.first()?;
    let reference = match Reference::parse(name) {
        Ok(r) => r,
        Err(e) => {
            out.errln(e);
            out.exit_code = 1;
            return None;
        }
    };
    let all_tags = inv.bool("all-tags");
    let untagged = reference.tag.is_none() && reference.digest.is_none();
    if all_tags && !untagged {
        out.errln("tag can't be used with --all-tags/-a");
        out.exit_code = 1;
        return None;
    }
    if untagged && !all_tags && !inv.bool("quiet") {
        out.outln("Using default tag: latest");
    }
    Some(reference)
}

/// `docker pull [OPTIONS] NAME[:TAG|@DIGEST]`.
pub fn pull(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(reference) = repository_argument(inv, &mut out) else { return out };
    let quiet = inv.bool("quiet");
    if inv.bool("all-tags") {
        return pull_all_tags(engine, &reference, quiet, out);
    }
    match pull_reference(engine, &reference, &mut out, Stream::Stdout, quiet) {
        Ok(_) => out.outln(reference.with_default_tag().full()),
        Err(e) => {
            errors::daemon(&mut out, &e);
            out.exit_code = 1;
        }
    }
    out
}
