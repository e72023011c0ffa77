//! A single-node Docker Swarm: whether this node is a manager, its secrets, services and stacks.

/// The node's swarm state (`docker swarm init` makes it a manager).
#[derive(Debug, Clone, Default)]
pub struct SwarmState {
    /// Set while the node is the manager of a swarm.
    pub cluster: Option<Cluster>,
}

/// The swarm this node manages.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// The node ID (25 characters of lowercase letters and digits).
    pub node_id: String,
}
