//! Spanish explanations of Docker's architecture for the "Qué acaba de pasar" strip: one entry per
//! part (`cli`, `dockerd`, `registry`, `containerd`, `runc`) and one short text per thing a part
//! does (`create-container`, `start-task`…), as the engine's traces name them
//! ([`simulator::trace`]). The texts live in `content/arquitectura.toml`.

use std::collections::BTreeMap;
#[cfg(feature = "source")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use simulator::trace::Hop;

#[cfg(feature = "source")]
use crate::markdown::{render_inline, render_markdown};
#[cfg(feature = "source")]
use crate::problem::Problem;

/// The file, relative to `content/`.
pub const ARCHITECTURE_FILE: &str = "arquitectura.toml";

/// A part of the architecture, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// The explanation, rendered from Markdown (raw HTML escaped).
    pub html: String,
}

/// Every part and action of `arquitectura.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Architecture {
    pub(crate) parts: Vec<Part>,
    /// part → action → HTML of the text.
    pub(crate) actions: BTreeMap<String, BTreeMap<String, String>>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    pieza: Vec<PartEntry>,
    #[serde(default)]
    accion: Vec<ActionEntry>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartEntry {
    id: String,
    nombre: String,
    resumen: String,
    explicacion: String,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionEntry {
    pieza: String,
    id: String,
    texto: String,
}

impl Architecture {
    /// Reads the file; problems name what is wrong in Spanish.
    #[cfg(feature = "source")]
    pub fn load(path: &str, text: &str) -> Result<Architecture, Vec<Problem>> {
        let file: File = toml::from_str(text).map_err(|e| vec![Problem::toml(path, text, 0, &e)])?;
        let mut problems = Vec::new();
        let known: Vec<&str> = Hop::ALL.iter().map(|h| h.key()).collect();
        let mut parts = Vec::new();
        for p in file.pieza {
            if !known.contains(&p.id.as_str()) {
                problems.push(Problem::file(path, format!("pieza desconocida «{}»: usa una de {}", p.id, known.join(", "))));
                continue;
            }
            if parts.iter().any(|x: &Part| x.id == p.id) {
                problems.push(Problem::file(path, format!("la pieza «{}» aparece dos veces", p.id)));
                continue;
            }
            parts.push(Part { id: p.id, name: p.nombre, summary: p.resumen, html: render_markdown(&p.explicacion) });
        }
        for missing in known.iter().filter(|k| !parts.iter().any(|p| p.id == **k)) {
            problems.push(Problem::file(path, format!("falta la pieza «{missing}»")));
        }
        let mut actions: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for a in file.accion {
            if !known.contains(&a.pieza.as_str()) {
                problems.push(Problem::file(path, format!("la acción «{}» es de una pieza desconocida, «{}»", a.id, a.pieza)));
                continue;
            }
            if actions.entry(a.pieza.clone()).or_default().insert(a.id.clone(), render_inline(&a.texto)).is_some() {
                problems.push(Problem::file(path, format!("la acción «{}» de «{}» aparece dos veces", a.id, a.pieza)));
            }
        }
        // Parts in the order of the path a request takes.
        simulator::sort::sort_by_key(&mut parts, |p| known.iter().position(|k| *k == p.id));
        if problems.is_empty() {
            Ok(Architecture { parts, actions })
        } else {
            Err(problems)
        }
    }

    /// The course's file, read once (empty if it is broken; the tests make sure it is not).
    #[cfg(feature = "source")]
    pub fn shared() -> &'static Architecture {
        static SHARED: OnceLock<Architecture> = OnceLock::new();
        SHARED.get_or_init(|| {
            crate::embedded::file(ARCHITECTURE_FILE)
                .and_then(|text| Architecture::load(ARCHITECTURE_FILE, text).ok())
                .unwrap_or_default()
        })
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    pub fn part(&self, hop: Hop) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == hop.key())
    }

    /// The HTML of what `hop` does for `action`, if the file explains it.
    pub fn action(&self, hop: Hop, action: &str) -> Option<&str> {
        self.actions.get(hop.key())?.get(action).map(String::as_str)
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use simulator::{Session, SessionConfig};

    fn course_file() -> Architecture {
        let text = crate::embedded::file(ARCHITECTURE_FILE).unwrap_or_default();
        match Architecture::load(ARCHITECTURE_FILE, text) {
            Ok(a) => a,
            Err(ps) => panic!("{ps:#?}"),
        }
    }

    #[test]
    fn every_part_is_explained_in_path_order() {
        let a = course_file();
        let ids: Vec<&str> = a.parts().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["cli", "dockerd", "registry", "containerd", "runc"]);
        assert_eq!(a.part(Hop::Runc).map(|p| p.name.as_str()), Some("runc"));
        assert!(a.part(Hop::Dockerd).is_some_and(|p| p.html.contains("<code>/var/run/docker.sock</code>")));
        assert_eq!(Architecture::shared(), &a);
    }

    #[test]
    fn every_step_of_common_commands_has_a_spanish_text() {
        let a = course_file();
        let mut s = Session::new(SessionConfig::default(), Box::new(simulator::MemoryProject::new()));
        let lines = [
            "docker --version",
            "docker ps --help",
            "docker ps --nope",
            "docker run -d --name web -p 8080:80 nginx",
            "docker run --rm busybox echo hola",
            "docker ps -a",
            "docker images",
            "docker pause web",
            "docker unpause web",
            "docker exec web ls",
            "docker logs web",
            "docker stop web",
            "docker restart web",
            "docker kill web",
            "docker start web",
            "docker inspect web",
            "docker image inspect nginx",
            "docker history nginx",
            "docker diff web",
            "docker commit web copia:1",
            "docker tag nginx mio:1",
            "docker rmi mio:1",
            "docker rm -f web",
            "docker stop nada",
            "docker volume create datos",
            "docker network create red",
            "docker network connect red nada",
            "docker container prune -f",
            "docker logout",
            "docker search nginx",
            "docker pull alpine",
            "docker swarm init",
            "docker service create --name api --replicas 2 nginx",
            "docker service ls",
            "docker service scale api=1",
            "docker service rm api",
            "docker compose version",
        ];
        for line in lines {
            s.run_line(line);
            for t in s.last_traces() {
                assert!(a.action(Hop::Cli, t.cli_action).is_some(), "{line}: cli {}", t.cli_action);
                for r in &t.requests {
                    for step in &r.steps {
                        assert!(a.action(step.hop, step.action).is_some(), "{line}: {} {}", step.hop.key(), step.action);
                    }
                }
            }
        }
    }

    #[test]
    fn unknown_parts_duplicates_and_gaps_are_reported() {
        let text = r#"
[[pieza]]
id = "kubelet"
nombre = "x"
resumen = "x"
explicacion = "x"
"#;
        let problems = match Architecture::load("a.toml", text) {
            Ok(a) => panic!("{a:?}"),
            Err(ps) => ps,
        };
        let messages: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        assert!(messages.iter().any(|m| m.starts_with("pieza desconocida «kubelet»")), "{messages:?}");
        assert!(messages.iter().any(|m| m == "falta la pieza «runc»"), "{messages:?}");
    }

    #[test]
    fn raw_html_is_escaped() {
        let text = crate::embedded::file(ARCHITECTURE_FILE).unwrap_or_default().replacen(
            "texto = \"Crea el contenedor:",
            "texto = \"<script>alert(1)</script> Crea el contenedor:",
            1,
        );
        let a = Architecture::load(ARCHITECTURE_FILE, &text).unwrap_or_default();
        let html = a.action(Hop::Dockerd, "create-container").unwrap_or_default();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
    }
}
