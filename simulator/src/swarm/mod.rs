//! A single-node Docker Swarm, as far as the course needs it: the node becomes a manager with
//! `docker swarm init`, keeps secrets, runs services as ordinary containers (one per task, named
//! `service.slot.taskid` as Swarm names them) and groups services, secrets and networks in stacks.

use crate::clock::Timestamp;
use crate::ids::IdGen;

/// Lowercase letters and digits: the alphabet of Swarm's object IDs.
const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A Swarm object ID: 25 characters of `[0-9a-z]` (as SwarmKit's `identity.NewID`).
pub fn new_id(ids: &mut IdGen) -> String {
    random_chars(ids, 25)
}

fn random_chars(ids: &mut IdGen, n: usize) -> String {
    (0..n)
        .map(|_| {
            let i = usize::try_from(ids.below(ALPHABET.len() as u64)).unwrap_or(0);
            char::from(*ALPHABET.get(i).unwrap_or(&b'0'))
        })
        .collect()
}

/// The node's swarm state (`docker swarm init` makes it a manager).
#[derive(Debug, Clone, Default)]
pub struct SwarmState {
    /// Set while the node is the manager of a swarm.
    pub cluster: Option<Cluster>,
}

/// The swarm this node manages.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// This node's ID.
    pub node_id: String,
    /// The cluster's ID.
    pub cluster_id: String,
    /// `--advertise-addr` (without port).
    pub advertise_addr: String,
    pub worker_token: String,
    pub manager_token: String,
    pub created: Timestamp,
    /// Secrets in creation order.
    pub secrets: Vec<Secret>,
    /// Services in creation order.
    pub services: Vec<Service>,
    /// Overlay networks stacks created (`demo_default`), with their IDs.
    pub networks: Vec<(String, String)>,
}

/// A swarm secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub id: String,
    pub name: String,
    pub data: Vec<u8>,
    pub labels: Vec<(String, String)>,
    pub created: Timestamp,
}

/// A secret given to a service: its name and where the file goes inside the containers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretMount {
    pub secret: String,
    /// Absolute path inside the container (`/run/secrets/<name>` by default).
    pub target: String,
}

/// A replicated service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// The image as the service records it (`busybox:latest`).
    pub image: String,
    /// Arguments after the image (`sleep 3600`).
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub secrets: Vec<SecretMount>,
    pub replicas: u32,
    /// Running tasks, by slot.
    pub tasks: Vec<Task>,
    /// The stack the service belongs to, if any.
    pub stack: Option<String>,
    pub created: Timestamp,
    /// Extra `docker run` options for its containers (`--memory 512m`…).
    pub run_options: Vec<String>,
    /// Published ports as `(published, target)`: the routing mesh answers on the published port,
    /// which the first task's container publishes.
    pub ports: Vec<(u16, u16)>,
}

/// One replica of a service, run by a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    pub id: String,
    /// 1-based slot (`app.1`).
    pub slot: u32,
    pub container_id: String,
    pub created: Timestamp,
}

impl Cluster {
    /// A new single-node swarm advertised on `addr`.
    pub fn new(ids: &mut IdGen, addr: &str, now: Timestamp) -> Cluster {
        let node_id = new_id(ids);
        let cluster_id = new_id(ids);
        let root = random_chars(ids, 50);
        let worker_token = format!("SWMTKN-1-{root}-{}", random_chars(ids, 25));
        let manager_token = format!("SWMTKN-1-{root}-{}", random_chars(ids, 25));
        Cluster {
            node_id,
            cluster_id,
            advertise_addr: addr.to_string(),
            worker_token,
            manager_token,
            created: now,
            secrets: Vec::new(),
            services: Vec::new(),
            networks: Vec::new(),
        }
    }

    /// A secret by name, ID or unique ID prefix.
    pub fn secret(&self, key: &str) -> Option<&Secret> {
        self.secrets
            .iter()
            .find(|s| s.name == key || s.id == key)
            .or_else(|| unique(self.secrets.iter().filter(|s| !key.is_empty() && s.id.starts_with(key))))
    }

    /// A service by name, ID or unique ID prefix.
    pub fn service(&self, key: &str) -> Option<&Service> {
        self.services
            .iter()
            .find(|s| s.name == key || s.id == key)
            .or_else(|| unique(self.services.iter().filter(|s| !key.is_empty() && s.id.starts_with(key))))
    }

    pub fn service_mut(&mut self, key: &str) -> Option<&mut Service> {
        let id = self.service(key)?.id.clone();
        self.services.iter_mut().find(|s| s.id == id)
    }

    /// Names of the stacks that have services, sorted.
    pub fn stacks(&self) -> Vec<String> {
        let mut names: Vec<String> = self.services.iter().filter_map(|s| s.stack.clone()).collect();
        crate::sort::sort(&mut names);
        names.dedup();
        names
    }
}

fn unique<'a, T>(mut it: impl Iterator<Item = &'a T>) -> Option<&'a T> {
    let first = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_look_like_swarmkit_ids() {
        let mut ids = IdGen::new(7);
        let id = new_id(&mut ids);
        assert_eq!(id.len(), 25);
        assert!(id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        let c = Cluster::new(&mut ids, "127.0.0.1", Timestamp::from_secs(0));
        assert!(c.worker_token.starts_with("SWMTKN-1-") && c.worker_token.len() == 85);
        assert_ne!(c.worker_token, c.manager_token);
    }
}
