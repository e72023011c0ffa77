//! `docker save` and `docker load`: images to and from an archive. The simulator keeps the saved
//! images in memory and writes a readable file naming them (not tar data, as its note says);
//! `docker load` restores them from that file during the session.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::docker::export::COWARDLY;
use crate::docker::host_path::{project_path, write_archive};
use crate::engine::archives::MAGIC;
use crate::engine::image::Image;
use crate::engine::Engine;
use crate::events::Event;
use crate::format::units::human_size_precision;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

pub fn save(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let mut images: Vec<Image> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for typed in &inv.args {
        match engine.images.resolve(typed) {
            Ok(img) => {
                if !images.iter().any(|i| i.id == img.id) {
                    images.push(img.clone());
                }
                names.push(typed.clone());
            }
            Err(_) => {
                errors::daemon(&mut out, &format!("No such image: {typed}"));
                return out.with_exit(1);
            }
        }
    }
    let target = inv.str("output");
    if target.is_none() && engine.tty {
        out.errln(COWARDLY);
        return out.with_exit(1);
    }
    let size: u64 = images.iter().map(Image::size).sum();
    let mut text = format!("{MAGIC}\n# `docker save {}`: the simulator keeps these images in memory; `docker load` restores them.\n", names.join(" "));
    let token = engine.archives.keep_images(images.clone());
    text.push_str(&format!("archive: images {token}\n"));
    for img in &images {
        text.push_str(&format!("image: {} {}\n", img.id, img.repo_tags.join(" ")));
        for l in &img.layers {
            text.push_str(&format!("  layer: {} {}\n", l.diff_id, l.size));
        }
    }
    let note = format!("docker save: the simulator cannot write tar data; it wrote a file naming {} image(s) ({}) that `docker load` restores", images.len(), human_size_precision(size as f64, 3));
    write_archive(&mut out, project, call.cwd, target, &text, &note, "failed to save image");
    out
}

pub fn load(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    let text = match inv.str("input") {
        Some(file) => match project_path(call.cwd, file).and_then(|rel| project.read(&rel)) {
            Some(text) => text,
            None => {
                out.errln(format!("open {file}: no such file or directory"));
                return out.with_exit(1);
            }
        },
        None => match call.stdin.filter(|s| !s.is_empty()) {
            Some(s) => s.to_string(),
            None => {
                out.errln("requested load from stdin, but stdin is empty");
                return out.with_exit(1);
            }
        },
    };
    let Some(images) = engine.archives.images_in(&text).map(<[Image]>::to_vec) else {
        out.errln("unexpected EOF");
        return out.with_exit(1);
    };
    let now = engine.now();
    for img in images {
        let id = img.id.clone();
        let tags = img.repo_tags.clone();
        let mut fresh = img;
        fresh.repo_tags.clear();
        engine.images.insert(fresh);
        if tags.is_empty() && !inv.bool("quiet") {
            out.outln(format!("Loaded image ID: {id}"));
        }
        for tag in tags {
            if let Some(previous) = engine.images.tag(&id, &tag, now) {
                if !inv.bool("quiet") {
                    out.outln(format!("The image {tag} already exists, renaming the old one with ID {previous} to empty string"));
                }
            }
            out.events.push(Event::ImageTagged { reference: tag.clone(), id: id.clone() });
            if !inv.bool("quiet") {
                out.outln(format!("Loaded image: {tag}"));
            }
        }
    }
    out
}
