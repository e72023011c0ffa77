//! What changed between two snapshots of the engine, said in Spanish for the panel's live region
//! ("Contenedor web: en ejecución → en pausa"), and the Spanish names of container states.

use simulator::snapshot::{ImageView, Snapshot};
use simulator::ContainerState;

/// At most this many changes are read out at once; the rest are counted.
const MAX_SAID: usize = 6;

/// The Spanish name of a state (as in the course's glossary).
pub fn state_label(state: ContainerState) -> &'static str {
    match state {
        ContainerState::Created => "creado",
        ContainerState::Running => "en ejecución",
        ContainerState::Paused => "en pausa",
        ContainerState::Restarting => "reiniciando",
        ContainerState::Removing => "eliminándose",
        ContainerState::Exited => "detenido",
        ContainerState::Dead => "muerto",
    }
}

/// An image's name for a sentence: its first tag, or its short ID when it has none.
pub fn image_name(image: &ImageView) -> String {
    match image.tags.first() {
        Some(tag) => tag.clone(),
        None => format!("sin etiqueta {}", image.short_id),
    }
}

/// "1 capa", "7 capas".
pub fn layers_text(n: usize) -> String {
    if n == 1 {
        "1 capa".to_string()
    } else {
        format!("{n} capas")
    }
}

/// Every change from `before` to `after`, one sentence each, in a stable order: containers,
/// images, volumes, networks.
pub fn changes(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut said = Vec::new();
    for c in &after.containers {
        match before.containers.iter().find(|b| b.id == c.id) {
            None if c.state == ContainerState::Created => said.push(format!("Contenedor {} creado", c.name)),
            None => said.push(format!("Contenedor {} creado: {}", c.name, state_label(c.state))),
            Some(b) => {
                if b.name != c.name {
                    said.push(format!("Contenedor {} renombrado: ahora se llama {}", b.name, c.name));
                }
                if b.state != c.state {
                    said.push(format!("Contenedor {}: {} → {}", c.name, state_label(b.state), state_label(c.state)));
                }
            }
        }
    }
    for b in &before.containers {
        if !after.containers.iter().any(|c| c.id == b.id) {
            said.push(format!("Contenedor {} eliminado", b.name));
        }
    }
    for i in &after.images {
        match before.images.iter().find(|b| b.id == i.id) {
            None => said.push(format!("Imagen {} añadida: {}, {}", image_name(i), layers_text(i.layers.len()), i.size_text)),
            Some(b) => {
                for t in i.tags.iter().filter(|t| !b.tags.contains(t)) {
                    said.push(format!("Imagen {}: nueva etiqueta {t}", image_name(b)));
                }
                for t in b.tags.iter().filter(|t| !i.tags.contains(t)) {
                    said.push(format!("Imagen {}: etiqueta {t} quitada", image_name(i)));
                }
            }
        }
    }
    for b in &before.images {
        if !after.images.iter().any(|i| i.id == b.id) {
            said.push(format!("Imagen {} eliminada", image_name(b)));
        }
    }
    for v in &after.volumes {
        if !before.volumes.iter().any(|b| b.name == v.name) {
            said.push(format!("Volumen {} creado", v.name));
        }
    }
    for b in &before.volumes {
        if !after.volumes.iter().any(|v| v.name == b.name) {
            said.push(format!("Volumen {} eliminado", b.name));
        }
    }
    for n in &after.networks {
        if !before.networks.iter().any(|b| b.name == n.name) {
            said.push(format!("Red {} creada", n.name));
        }
    }
    for b in &before.networks {
        if !after.networks.iter().any(|n| n.name == b.name) {
            said.push(format!("Red {} eliminada", b.name));
        }
    }
    said
}

/// The sentence for the live region: the changes joined, the rest counted.
pub fn announcement(before: &Snapshot, after: &Snapshot) -> Option<String> {
    let all = changes(before, after);
    if all.is_empty() {
        return None;
    }
    let mut text = all.iter().take(MAX_SAID).cloned().collect::<Vec<_>>().join(". ");
    let rest = all.len().saturating_sub(MAX_SAID);
    if rest == 1 {
        text.push_str(". Y 1 cambio más");
    } else if rest > 1 {
        text.push_str(&format!(". Y {rest} cambios más"));
    }
    text.push('.');
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use simulator::{MemoryProject, Session, SessionConfig};

    fn session() -> Session {
        Session::new(SessionConfig::default(), Box::new(MemoryProject::new()))
    }

    /// What the live region says after `line`.
    fn after(s: &mut Session, line: &str) -> Option<String> {
        let before = s.snapshot();
        s.run_line(line);
        announcement(&before, &s.snapshot())
    }

    #[test]
    fn a_run_then_pause_is_announced_in_spanish() {
        let mut s = session();
        let run = after(&mut s, "docker run -d --name web -p 8080:80 nginx").unwrap_or_default();
        assert!(run.starts_with("Contenedor web creado: en ejecución. Imagen nginx:latest añadida: "), "{run}");
        assert!(run.contains(" capas, "), "{run}");
        assert_eq!(after(&mut s, "docker pause web").as_deref(), Some("Contenedor web: en ejecución → en pausa."));
        assert_eq!(after(&mut s, "docker ps").as_deref(), None);
        s.run_line("docker unpause web");
        assert_eq!(after(&mut s, "docker stop web").as_deref(), Some("Contenedor web: en ejecución → detenido."));
        assert_eq!(after(&mut s, "docker rename web web2").as_deref(), Some("Contenedor web renombrado: ahora se llama web2."));
        assert_eq!(after(&mut s, "docker rm web2").as_deref(), Some("Contenedor web2 eliminado."));
    }

    #[test]
    fn tags_volumes_and_networks_are_announced() {
        let mut s = session();
        s.run_line("docker pull busybox");
        assert_eq!(after(&mut s, "docker tag busybox mia:1").as_deref(), Some("Imagen busybox:latest: nueva etiqueta mia:1."));
        assert_eq!(after(&mut s, "docker rmi mia:1").as_deref(), Some("Imagen busybox:latest: etiqueta mia:1 quitada."));
        assert_eq!(after(&mut s, "docker volume create datos").as_deref(), Some("Volumen datos creado."));
        assert_eq!(after(&mut s, "docker network create red").as_deref(), Some("Red red creada."));
        assert_eq!(after(&mut s, "docker network rm red").as_deref(), Some("Red red eliminada."));
    }

    #[test]
    fn many_changes_are_counted_not_read_out() {
        let mut s = session();
        s.run_line("docker pull busybox");
        let line = (1..=8).map(|i| format!("docker create --name c{i} busybox")).collect::<Vec<_>>().join("; ");
        let said = after(&mut s, &line).unwrap_or_default();
        // Created in the same instant, they come in ID order: count them, not their names.
        assert_eq!(said.matches(" creado. ").count(), 6, "{said}");
        assert!(said.starts_with("Contenedor c") && said.ends_with(" creado. Y 2 cambios más."), "{said}");
    }

    #[test]
    fn every_state_has_a_spanish_name() {
        assert_eq!(state_label(ContainerState::Exited), "detenido");
        assert_eq!(layers_text(1), "1 capa");
        assert_eq!(layers_text(3), "3 capas");
    }
}
