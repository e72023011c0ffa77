//! One image as a stack of layers, the newest on top: each layer's size and the instruction that
//! made it; a layer that other images share carries the same colour in each of them.

use leptos::prelude::*;
use simulator::snapshot::{LayerView, Snapshot};

use super::changes::layers_text;
use super::Highlight;

/// The longest instruction shown in full on a layer (the whole text is in its tooltip).
const SHOWN_CHARS: usize = 56;

#[component]
pub fn ImageStack(id: String, snapshot: RwSignal<Snapshot>, highlight: Highlight) -> impl IntoView {
    let image = Memo::new(move |_| snapshot.with(|s| s.images.iter().find(|i| i.id == id).cloned()));
    let title = move || image.with(|i| i.as_ref().map(super::changes::image_name).unwrap_or_default());
    let key = move || format!("image:{}", image.with(|i| i.as_ref().map(|i| i.short_id.clone()).unwrap_or_default()));
    let layers = move || {
        let layers = image.with(|i| i.as_ref().map(|i| i.layers.clone()).unwrap_or_default());
        let count = layers.len();
        // Top of the stack first, as a stack is drawn; the base keeps its position number 1.
        layers.into_iter().enumerate().rev().map(move |(i, l)| layer_view(i, count, l)).collect_view()
    };
    view! {
        <li
            class="engine-image"
            id=move || Highlight::dom_id(&key())
            class:highlighted=move || highlight.is(&key())
            data-testid="engine-image"
            data-tags=move || image.with(|i| i.as_ref().map(|i| i.tags.join(" ")).unwrap_or_default())
        >
            <div class="engine-image-head">
                <span class="engine-image-name">{title}</span>
                <span class="engine-image-size">
                    {move || image.with(|i| i.as_ref().map(|i| format!("{} · {}", layers_text(i.layers.len()), i.size_text)).unwrap_or_default())}
                </span>
            </div>
            <ol class="engine-layers" aria-label="Capas, de la más alta a la base">{layers}</ol>
        </li>
    }
}

fn layer_view(index: usize, count: usize, layer: LayerView) -> impl IntoView {
    let shared = layer.shared();
    let instruction = instruction(&layer.created_by);
    let shown = shorten(&instruction, SHOWN_CHARS);
    let style = format!("--layer-hue: {}; --i: {}", hue(&layer.diff_id), count.saturating_sub(index + 1));
    let shared_text = match layer.used_by {
        0 | 1 => None,
        2 => Some("compartida con otra imagen".to_string()),
        n => Some(format!("compartida con otras {} imágenes", n - 1)),
    };
    view! {
        <li
            class="engine-layer"
            class:shared=shared
            style=style
            title=format!("{}\n{}", layer.diff_id, instruction)
            data-testid="engine-layer"
            data-diff-id=layer.diff_id.clone()
        >
            <span class="engine-layer-size">{layer.size_text.clone()}</span>
            <code class="engine-layer-cmd">{shown}</code>
            {shared_text.map(|t| view! { <span class="engine-layer-shared">{t}</span> })}
        </li>
    }
}

/// The Dockerfile instruction behind a history `CREATED BY` text, as a learner would write it.
pub fn instruction(created_by: &str) -> String {
    let text = created_by.trim();
    let text = text.strip_suffix("# buildkit").map(str::trim_end).unwrap_or(text);
    if let Some(rest) = text.strip_prefix("/bin/sh -c #(nop)") {
        return rest.trim().to_string();
    }
    // The classic builder's `/bin/sh -c …` and BuildKit's `RUN /bin/sh -c …` are a shell-form RUN.
    if let Some(rest) = text.strip_prefix("/bin/sh -c ").or_else(|| text.strip_prefix("RUN /bin/sh -c ")) {
        return format!("RUN {}", rest.trim());
    }
    if text.is_empty() {
        return "(sin historial)".to_string();
    }
    text.to_string()
}

/// At most `max` characters, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A stable hue for a layer, from its digest: the same layer has the same colour in every image.
pub fn hue(diff_id: &str) -> u32 {
    let hex = diff_id.strip_prefix("sha256:").unwrap_or(diff_id);
    let byte = hex.get(..2).and_then(|h| u32::from_str_radix(h, 16).ok()).unwrap_or(0);
    byte * 360 / 256
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_read_as_in_a_dockerfile() {
        assert_eq!(instruction("/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]"), "CMD [\"nginx\" \"-g\" \"daemon off;\"]");
        assert_eq!(instruction("/bin/sh -c apt-get update"), "RUN apt-get update");
        assert_eq!(instruction("RUN /bin/sh -c set -x # buildkit"), "RUN set -x");
        assert_eq!(instruction("RUN |1 V=2 /bin/sh -c make # buildkit"), "RUN |1 V=2 /bin/sh -c make");
        assert_eq!(instruction("COPY app.py /app/ # buildkit"), "COPY app.py /app/");
        assert_eq!(instruction(""), "(sin historial)");
    }

    #[test]
    fn long_instructions_are_shortened() {
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abcdefg", 6), "abcde…");
        assert_eq!(shorten("ñññññññ", 3), "ññ…");
    }

    #[test]
    fn hues_come_from_the_digest() {
        assert_eq!(hue("sha256:00ab"), 0);
        assert_eq!(hue("sha256:80ab"), 180);
        assert_eq!(hue("sha256:ff"), 358);
        assert_eq!(hue("x"), 0);
    }
}
