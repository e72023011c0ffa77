//! A picture of the engine's state for the visual panel: images as stacks of layers (with the
//! instruction that made each one, and which layers several images share), containers with their
//! lifecycle state, published ports, mounts and networks, volumes and networks.
//!
//! Plain data, serialisable and cheap to compare: the app diffs two snapshots to animate and
//! announce what changed. Nothing here is Docker output; sizes are formatted as `docker images`
//! prints them so the panel and the terminal agree.

use serde::Serialize;

use crate::engine::container::Container;
use crate::engine::image::Image;
use crate::engine::mounts::MountSource;
use crate::engine::Engine;
use crate::events::ContainerState;
use crate::format::units::human_size;
use crate::session::Session;

/// The whole engine, as the panel shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// Newest first, as `docker images` lists them.
    pub images: Vec<ImageView>,
    /// Oldest first (cards keep their place as new containers arrive).
    pub containers: Vec<ContainerView>,
    /// By name.
    pub volumes: Vec<VolumeView>,
    /// By name, the predefined ones included.
    pub networks: Vec<NetworkView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageView {
    /// `sha256:<hex>`.
    pub id: String,
    /// The 12-character ID `docker images` shows.
    pub short_id: String,
    /// `repo:tag` names; empty for a dangling image.
    pub tags: Vec<String>,
    pub size: u64,
    /// As `docker images` prints it (`187MB`).
    pub size_text: String,
    /// Bottom (base) first.
    pub layers: Vec<LayerView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerView {
    /// `sha256:<hex>` of the content (`RootFS.Layers`): the same ID in two images is one layer on disk.
    pub diff_id: String,
    /// The first 12 hex digits of `diff_id`.
    pub short_id: String,
    pub size: u64,
    pub size_text: String,
    /// The history's `CREATED BY` for this layer (`""` when the image has no history for it).
    pub created_by: String,
    /// How many local images have this layer (1: only this one).
    pub used_by: usize,
}

impl LayerView {
    /// True when another local image has the same layer.
    pub fn shared(&self) -> bool {
        self.used_by > 1
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContainerView {
    pub id: String,
    pub short_id: String,
    pub name: String,
    /// The image as the learner typed it (`Config.Image`).
    pub image: String,
    /// `sha256:<hex>` of the image.
    pub image_id: String,
    pub state: ContainerState,
    /// The exit code once it has stopped.
    pub exit_code: Option<i32>,
    pub ports: Vec<PortView>,
    pub mounts: Vec<MountView>,
    /// Networks it is attached to (`bridge` by default; `host`, `none`, user-defined ones).
    pub networks: Vec<String>,
}

/// A published port: host → container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortView {
    /// `0.0.0.0` when it listens on every interface.
    pub host_ip: String,
    /// The host port; `""` while a port to be chosen at start is not bound yet.
    pub host_port: String,
    /// e.g. `80/tcp`.
    pub container_port: String,
    /// True while the host port is really bound (the container runs).
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MountView {
    /// `volume`, `bind` or `tmpfs`.
    pub kind: String,
    /// The volume's name, the host path of a bind mount, `""` for tmpfs.
    pub source: String,
    /// Path inside the container.
    pub target: String,
    pub read_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolumeView {
    pub name: String,
    pub anonymous: bool,
    pub size: u64,
    /// Names of the containers that mount it.
    pub used_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkView {
    pub name: String,
    pub driver: String,
    pub subnet: Option<String>,
    pub predefined: bool,
    /// Names of the containers attached to it.
    pub containers: Vec<String>,
}

impl Snapshot {
    pub fn image(&self, reference: &str) -> Option<&ImageView> {
        let tagged = if reference.contains(':') { reference.to_string() } else { format!("{reference}:latest") };
        self.images.iter().find(|i| i.tags.contains(&tagged) || i.id == reference || i.short_id == reference)
    }

    pub fn container(&self, name: &str) -> Option<&ContainerView> {
        self.containers.iter().find(|c| c.name == name)
    }
}

impl Session {
    /// The engine's state for the visual panel.
    pub fn snapshot(&self) -> Snapshot {
        of(&self.engine)
    }
}

/// The snapshot of an engine.
pub fn of(engine: &Engine) -> Snapshot {
    let images = engine.images.list();
    // (layer diff ID, images using it): an image counts once even if it repeats a layer (the
    // listed images have distinct IDs).
    let mut layer_users: Vec<(&str, usize)> = Vec::new();
    for image in &images {
        for (i, layer) in image.layers.iter().enumerate() {
            let diff_id = layer.diff_id.as_str();
            if image.layers.iter().take(i).any(|l| l.diff_id == diff_id) {
                continue;
            }
            match layer_users.iter_mut().find(|(d, _)| *d == diff_id) {
                Some(slot) => slot.1 += 1,
                None => layer_users.push((diff_id, 1)),
            }
        }
    }
    let image_views = images.iter().map(|i| image_view(i, &layer_users)).collect();

    let mut containers: Vec<&Container> = engine.containers.values().collect();
    crate::sort::sort_by(&mut containers, |a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    let container_views: Vec<ContainerView> = containers.iter().map(|c| container_view(c)).collect();

    let volumes = engine
        .volumes
        .values()
        .map(|v| VolumeView {
            name: v.name.clone(),
            anonymous: v.anonymous,
            size: v.size(),
            used_by: container_views
                .iter()
                .filter(|c| c.mounts.iter().any(|m| m.kind == "volume" && m.source == v.name))
                .map(|c| c.name.clone())
                .collect(),
        })
        .collect();

    let networks = engine
        .networks
        .defs
        .values()
        .map(|n| NetworkView {
            name: n.name.clone(),
            driver: n.driver.clone(),
            subnet: n.subnet(),
            predefined: n.predefined(),
            containers: container_views.iter().filter(|c| c.networks.contains(&n.name)).map(|c| c.name.clone()).collect(),
        })
        .collect();

    Snapshot { images: image_views, containers: container_views, volumes, networks }
}

fn image_view(image: &Image, layer_users: &[(&str, usize)]) -> ImageView {
    // Each layer was made by one history entry that is not `empty_layer`, in order.
    let mut makers = image.history.iter().filter(|h| !h.empty_layer).map(|h| h.created_by.as_str());
    let layers = image
        .layers
        .iter()
        .map(|l| LayerView {
            diff_id: l.diff_id.clone(),
            short_id: short_hex(&l.diff_id),
            size: l.size,
            size_text: human_size(l.size as f64),
            created_by: makers.next().unwrap_or_default().to_string(),
            used_by: layer_users.iter().find(|(d, _)| *d == l.diff_id).map_or(1, |(_, n)| *n),
        })
        .collect();
    ImageView {
        id: image.id.clone(),
        short_id: image.short_id().to_string(),
        tags: image.repo_tags.clone(),
        size: image.size(),
        size_text: human_size(image.size() as f64),
        layers,
    }
}

fn container_view(c: &Container) -> ContainerView {
    let state = c.status();
    let running = c.state.running;
    let mut ports: Vec<PortView> = Vec::new();
    if running && !c.bound_ports.is_empty() {
        for b in &c.bound_ports {
            let view = PortView {
                host_ip: if b.host_ip.is_empty() || b.host_ip == "::" { "0.0.0.0".to_string() } else { b.host_ip.clone() },
                host_port: b.host_port.to_string(),
                container_port: format!("{}/{}", b.container_port, b.proto),
                active: true,
            };
            // IPv4 and IPv6 bindings of the same port are one mapping for the learner.
            if !ports.iter().any(|p| p.host_port == view.host_port && p.container_port == view.container_port) {
                ports.push(view);
            }
        }
    } else {
        for b in &c.host_config.port_bindings {
            ports.push(PortView {
                host_ip: if b.host_ip.is_empty() { "0.0.0.0".to_string() } else { b.host_ip.clone() },
                host_port: b.host_port.clone(),
                container_port: b.container_port.clone(),
                active: false,
            });
        }
    }
    let mounts = c
        .mounts
        .iter()
        .map(|m| MountView {
            kind: m.kind().to_string(),
            source: match &m.source {
                MountSource::Volume(name) => name.clone(),
                MountSource::Bind(_) => m.host_source(),
                MountSource::Tmpfs => String::new(),
            },
            target: m.target.clone(),
            read_only: m.read_only,
        })
        .collect();
    let mut networks = Vec::new();
    let mode = c.host_config.network_mode.as_str();
    match mode {
        "" | "default" | "bridge" => networks.push("bridge".to_string()),
        m if m.starts_with("container:") => {}
        m => networks.push(m.to_string()),
    }
    for a in &c.attachments {
        if !networks.contains(&a.network) {
            networks.push(a.network.clone());
        }
    }
    let exit_code = matches!(state, ContainerState::Exited | ContainerState::Dead).then_some(c.state.exit_code);
    ContainerView {
        id: c.id.clone(),
        short_id: c.short_id().to_string(),
        name: c.name.clone(),
        image: c.config.image.clone(),
        image_id: c.image_id.clone(),
        state,
        exit_code,
        ports,
        mounts,
        networks,
    }
}

fn short_hex(id: &str) -> String {
    let hex = id.strip_prefix("sha256:").unwrap_or(id);
    hex.get(..12).unwrap_or(hex).to_string()
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use crate::SessionConfig;

    fn session() -> Session {
        Session::new(SessionConfig::default(), Box::new(crate::MemoryProject::new()))
    }

    fn run(s: &mut Session, line: &str) {
        let out = s.run_line(line);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.combined());
    }

    fn container<'a>(snap: &'a Snapshot, name: &str) -> &'a ContainerView {
        match snap.container(name) {
            Some(c) => c,
            None => panic!("no container {name} in {snap:#?}"),
        }
    }

    #[test]
    fn an_empty_engine_has_only_the_predefined_networks() {
        let snap = session().snapshot();
        assert!(snap.images.is_empty() && snap.containers.is_empty() && snap.volumes.is_empty());
        let names: Vec<&str> = snap.networks.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["bridge", "host", "none"]);
        assert_eq!(snap.networks.first().and_then(|n| n.subnet.clone()).as_deref(), Some("172.17.0.0/16"));
    }

    #[test]
    fn a_published_container_shows_state_port_image_and_network() {
        let mut s = session();
        run(&mut s, "docker run -d --name web -p 8080:80 nginx");
        let snap = s.snapshot();
        let web = container(&snap, "web");
        assert_eq!(web.state, ContainerState::Running);
        assert_eq!(web.image, "nginx");
        assert_eq!(web.exit_code, None);
        assert_eq!(
            web.ports,
            vec![PortView { host_ip: "0.0.0.0".into(), host_port: "8080".into(), container_port: "80/tcp".into(), active: true }]
        );
        assert_eq!(web.networks, ["bridge"]);
        let bridge = snap.networks.iter().find(|n| n.name == "bridge");
        assert_eq!(bridge.map(|n| n.containers.clone()), Some(vec!["web".to_string()]));
        assert!(snap.image("nginx").is_some_and(|i| i.id == web.image_id));
    }

    #[test]
    fn lifecycle_states_follow_pause_stop_and_create() {
        let mut s = session();
        run(&mut s, "docker run -d --name web -p 8080:80 nginx");
        run(&mut s, "docker pause web");
        assert_eq!(container(&s.snapshot(), "web").state, ContainerState::Paused);
        run(&mut s, "docker unpause web");
        run(&mut s, "docker stop web");
        let snap = s.snapshot();
        let web = container(&snap, "web");
        assert_eq!(web.state, ContainerState::Exited);
        assert_eq!(web.exit_code, Some(0));
        // A stopped container keeps its configured mapping, no longer bound.
        assert_eq!(web.ports.first().map(|p| (p.host_port.as_str(), p.active)), Some(("8080", false)));
        run(&mut s, "docker create --name later nginx");
        assert_eq!(container(&s.snapshot(), "later").state, ContainerState::Created);
        let names: Vec<String> = s.snapshot().containers.iter().map(|c| c.name.clone()).collect();
        assert_eq!(names, ["web", "later"], "oldest first");
    }

    #[test]
    fn layers_carry_their_instruction_and_sharing_between_images() {
        let mut s = session();
        run(&mut s, "docker pull nginx");
        run(&mut s, "docker run -d --name obra nginx");
        run(&mut s, "docker exec obra touch /marker");
        run(&mut s, "docker commit -m extra obra nginx:extra");
        let snap = s.snapshot();
        let (Some(base), Some(extra)) = (snap.image("nginx"), snap.image("nginx:extra")) else {
            panic!("{snap:#?}")
        };
        assert!(!base.layers.is_empty());
        assert_eq!(extra.layers.len(), base.layers.len() + 1);
        assert!(base.layers.iter().all(|l| l.shared() && l.used_by == 2), "{:#?}", base.layers);
        let top = extra.layers.last();
        assert!(top.is_some_and(|l| !l.shared() && l.used_by == 1));
        // The base image's layers were made by Dockerfile steps; the committed one by the commit.
        assert!(base.layers.iter().all(|l| !l.created_by.is_empty()), "{:#?}", base.layers);
        assert_eq!(base.layers.first().map(|l| l.short_id.len()), Some(12));
        assert_eq!(base.size, base.layers.iter().map(|l| l.size).sum::<u64>());
        assert_eq!(base.size_text, human_size(base.size as f64));
    }

    #[test]
    fn volumes_and_networks_link_to_their_containers() {
        let mut s = session();
        run(&mut s, "docker network create red");
        run(&mut s, "docker volume create datos");
        run(&mut s, "docker run -d --name db --network red -v datos:/data:ro busybox sleep 100");
        let snap = s.snapshot();
        let db = container(&snap, "db");
        assert_eq!(db.networks, ["red"]);
        assert_eq!(
            db.mounts,
            vec![MountView { kind: "volume".into(), source: "datos".into(), target: "/data".into(), read_only: true }]
        );
        let datos = snap.volumes.iter().find(|v| v.name == "datos");
        assert_eq!(datos.map(|v| v.used_by.clone()), Some(vec!["db".to_string()]));
        let red = snap.networks.iter().find(|n| n.name == "red");
        assert!(red.is_some_and(|n| n.containers == ["db"] && !n.predefined && n.driver == "bridge"));
    }

    #[test]
    fn the_snapshot_serialises() {
        let mut s = session();
        run(&mut s, "docker run -d --name web nginx");
        let json = serde_json::to_value(s.snapshot()).unwrap_or_default();
        let first = json.get("containers").and_then(|c| c.get(0));
        assert_eq!(first.and_then(|c| c.get("state")), Some(&serde_json::json!("running")));
        assert_eq!(first.and_then(|c| c.get("name")), Some(&serde_json::json!("web")));
    }
}
