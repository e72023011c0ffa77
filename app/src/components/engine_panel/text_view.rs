//! The engine's state in words, for screen readers and for anyone who prefers text: one sentence
//! per container, image, volume and network.

use leptos::prelude::*;
use simulator::snapshot::{ContainerView, ImageView, NetworkView, Snapshot, VolumeView};

use super::changes::{image_name, layers_text, state_label};
use super::image_stack::instruction;

#[component]
pub fn TextView(snapshot: RwSignal<Snapshot>) -> impl IntoView {
    let list = |items: Vec<String>, empty: &'static str| {
        if items.is_empty() {
            return view! { <p class="engine-empty">{empty}</p> }.into_any();
        }
        view! { <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <div class="engine-text" data-testid="engine-text">
            <h3 class="engine-section-title">"Contenedores"</h3>
            {move || list(snapshot.with(|s| s.containers.iter().map(container_sentence).collect()), "No hay contenedores.")}
            <h3 class="engine-section-title">"Imágenes"</h3>
            {move || list(snapshot.with(|s| s.images.iter().map(image_sentence).collect()), "No hay imágenes.")}
            <h3 class="engine-section-title">"Volúmenes"</h3>
            {move || list(snapshot.with(|s| s.volumes.iter().map(volume_sentence).collect()), "No hay volúmenes.")}
            <h3 class="engine-section-title">"Redes"</h3>
            {move || list(snapshot.with(|s| s.networks.iter().map(network_sentence).collect()), "No hay redes.")}
        </div>
    }
}

/// "web: en ejecución. Imagen nginx. Puerto 8080 del equipo → 80/tcp del contenedor. Red bridge."
pub fn container_sentence(c: &ContainerView) -> String {
    let mut s = format!("{}: {}", c.name, state_label(c.state));
    if let Some(code) = c.exit_code {
        s.push_str(&format!(" (código de salida {code})"));
    }
    s.push_str(&format!(". Imagen {}.", c.image));
    for p in &c.ports {
        if p.active {
            s.push_str(&format!(" Puerto {} del equipo → {} del contenedor.", p.host_port, p.container_port));
        } else {
            s.push_str(&format!(" Puerto {} del contenedor, publicado cuando esté en ejecución.", p.container_port));
        }
    }
    for m in &c.mounts {
        let ro = if m.read_only { ", solo lectura" } else { "" };
        match m.kind.as_str() {
            "volume" => s.push_str(&format!(" Volumen {} en {}{ro}.", m.source, m.target)),
            "bind" => s.push_str(&format!(" Carpeta {} en {}{ro}.", m.source, m.target)),
            _ => s.push_str(&format!(" tmpfs en {}.", m.target)),
        }
    }
    match c.networks.as_slice() {
        [] => {}
        [one] => s.push_str(&format!(" Red {one}.")),
        many => s.push_str(&format!(" Redes {}.", many.join(", "))),
    }
    s
}

/// "nginx:latest: 7 capas, 192MB. De la base hacia arriba: 1) 77.8MB, ADD …; 2) …"
pub fn image_sentence(i: &ImageView) -> String {
    let mut s = format!("{}: {}, {}.", image_name(i), layers_text(i.layers.len()), i.size_text);
    if !i.tags.is_empty() && i.tags.len() > 1 {
        s.push_str(&format!(" También se llama {}.", i.tags.get(1..).unwrap_or_default().join(", ")));
    }
    let layers: Vec<String> = i
        .layers
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let shared = if l.shared() { ", compartida con otra imagen" } else { "" };
            format!("{}) {}, {}{shared}", n + 1, l.size_text, instruction(&l.created_by))
        })
        .collect();
    if !layers.is_empty() {
        s.push_str(&format!(" De la base hacia arriba: {}.", layers.join("; ")));
    }
    s
}

pub fn volume_sentence(v: &VolumeView) -> String {
    let kind = if v.anonymous { "anónimo, " } else { "" };
    match v.used_by.as_slice() {
        [] => format!("{}: {kind}sin usar.", v.name),
        users => format!("{}: {kind}montado en {}.", v.name, users.join(", ")),
    }
}

pub fn network_sentence(n: &NetworkView) -> String {
    let subnet = n.subnet.as_ref().map(|s| format!(", subred {s}")).unwrap_or_default();
    match n.containers.as_slice() {
        [] => format!("{} ({}{subnet}): sin contenedores.", n.name, n.driver),
        users => format!("{} ({}{subnet}): {}.", n.name, n.driver, users.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use simulator::{MemoryProject, Session, SessionConfig};

    #[test]
    fn the_state_reads_as_sentences() {
        let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
        s.run_line("docker volume create datos");
        s.run_line("docker run -d --name web -p 8080:80 -v datos:/datos:ro nginx");
        let snap = s.snapshot();
        let web = snap.container("web").map(container_sentence).unwrap_or_default();
        assert_eq!(
            web,
            "web: en ejecución. Imagen nginx. Puerto 8080 del equipo → 80/tcp del contenedor. Volumen datos en /datos, solo lectura. Red bridge."
        );
        s.run_line("docker stop web");
        let stopped = s.snapshot().container("web").map(container_sentence).unwrap_or_default();
        assert!(stopped.starts_with("web: detenido (código de salida 0). Imagen nginx. Puerto 80/tcp del contenedor, publicado cuando"), "{stopped}");
        let nginx = snap.image("nginx").map(image_sentence).unwrap_or_default();
        assert!(nginx.starts_with("nginx:latest: "), "{nginx}");
        assert!(nginx.contains(" De la base hacia arriba: 1) "), "{nginx}");
        let datos = snap.volumes.first().map(volume_sentence).unwrap_or_default();
        assert_eq!(datos, "datos: montado en web.");
        let bridge = snap.networks.first().map(network_sentence).unwrap_or_default();
        assert_eq!(bridge, "bridge (bridge, subred 172.17.0.0/16): web.");
    }
}
