//! `docker tag` / `docker image tag`.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::reference::Reference;
use crate::engine::Engine;
use crate::events::Event;
use crate::output::Output;

pub fn tag(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let (Some(source), Some(target)) = (inv.args.first(), inv.args.get(1)) else { return out };
    let target_ref = match Reference::parse(target) {
        Ok(r) if r.digest.is_none() => r.with_default_tag(),
        Ok(_) => {
            out.errln("Error response from daemon: refusing to create a tag with a digest reference");
            return out.with_exit(1);
        }
        Err(e) => {
            out.errln(format!("Error parsing reference: \"{target}\" is not a valid repository/tag: {e}"));
            return out.with_exit(1);
        }
    };
    let id = match engine.images.resolve(source) {
        Ok(img) => img.id.clone(),
        Err(e) => {
            errors::daemon(&mut out, &e.message());
            return out.with_exit(1);
        }
    };
    let now = engine.now();
    let familiar = target_ref.familiar();
    engine.images.tag(&id, &familiar, now);
    out.events.push(Event::ImageTagged { reference: familiar, id });
    out
}
