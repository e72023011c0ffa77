//! Docker networks: the predefined `bridge`, `host` and `none`, and user-defined bridges with
//! their own subnets (172.18.0.0/16, 172.19.0.0/16…), where containers find each other by name.
//! Addresses on the default bridge and published ports stay in [`crate::engine::network`].

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::ids::sha256_hex;

/// The networks every engine starts with.
pub const PREDEFINED: [&str; 3] = ["bridge", "host", "none"];

/// A network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkDef {
    pub id: String,
    pub name: String,
    /// `bridge`, `host` or `null`.
    pub driver: String,
    pub created: Timestamp,
    /// Second octet of a user-defined bridge's `172.N.0.0/16` (17 for the default bridge).
    pub octet: Option<u8>,
    pub internal: bool,
    pub labels: BTreeMap<String, String>,
    /// Host parts of the addresses in use.
    in_use: Vec<u32>,
}

impl NetworkDef {
    pub fn subnet(&self) -> Option<String> {
        self.octet.map(|o| format!("172.{o}.0.0/16"))
    }

    pub fn gateway(&self) -> Option<String> {
        self.octet.map(|o| format!("172.{o}.0.1"))
    }

    /// True for `bridge`, `host` and `none` (they cannot be removed).
    pub fn predefined(&self) -> bool {
        PREDEFINED.contains(&self.name.as_str())
    }

    /// True for networks containers resolve each other's names on.
    pub fn user_defined(&self) -> bool {
        !self.predefined()
    }
}

/// Every network of the engine, by name.
#[derive(Debug, Clone)]
pub struct Networks {
    pub defs: BTreeMap<String, NetworkDef>,
}

impl Networks {
    /// The predefined networks, created when the daemon started.
    pub fn new(started: Timestamp) -> Networks {
        let mut defs = BTreeMap::new();
        for (name, driver) in [("bridge", "bridge"), ("host", "host"), ("none", "null")] {
            let def = NetworkDef {
                id: sha256_hex(format!("network:{name}").as_bytes()),
                name: name.to_string(),
                driver: driver.to_string(),
                created: started,
                octet: (name == "bridge").then_some(17),
                internal: false,
                labels: BTreeMap::new(),
                in_use: Vec::new(),
            };
            defs.insert(name.to_string(), def);
        }
        Networks { defs }
    }

    /// A network by name, full ID or unique ID prefix.
    pub fn find(&self, name_or_id: &str) -> Option<&NetworkDef> {
        if name_or_id.is_empty() {
            return None;
        }
        if let Some(n) = self.defs.get(name_or_id) {
            return Some(n);
        }
        let mut found = self.defs.values().filter(|n| n.id.starts_with(name_or_id));
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// Creates a user-defined bridge on the next free `172.N.0.0/16`.
    pub fn create(&mut self, name: &str, id: String, now: Timestamp, internal: bool, labels: BTreeMap<String, String>) -> Result<&NetworkDef, String> {
        if self.defs.contains_key(name) {
            return Err(format!("network with name {name} already exists"));
        }
        let used: Vec<u8> = self.defs.values().filter_map(|n| n.octet).collect();
        let octet = (18..=31).find(|o| !used.contains(o)).ok_or_else(|| "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network".to_string())?;
        let def = NetworkDef { id, name: name.to_string(), driver: "bridge".to_string(), created: now, octet: Some(octet), internal, labels, in_use: Vec::new() };
        self.defs.insert(name.to_string(), def);
        self.defs.get(name).ok_or_else(|| "network not created".to_string())
    }

    /// The lowest free address on a user-defined network (`.2` first).
    pub fn allocate(&mut self, name: &str) -> Option<String> {
        let def = self.defs.get_mut(name)?;
        let octet = def.octet?;
        let mut host = 2;
        while def.in_use.contains(&host) && host < 65_534 {
            host += 1;
        }
        def.in_use.push(host);
        Some(format!("172.{octet}.{}.{}", host / 256, host % 256))
    }

    pub fn release(&mut self, name: &str, ip: &str) {
        let Some(def) = self.defs.get_mut(name) else { return };
        let host = ip.splitn(3, '.').nth(2).and_then(|rest| rest.split_once('.')).and_then(|(a, b)| Some(a.parse::<u32>().ok()? * 256 + b.parse::<u32>().ok()?));
        if let Some(h) = host {
            def.in_use.retain(|x| *x != h);
        }
    }
}

/// A container's attachment to a user-defined network.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attachment {
    /// The network's name.
    pub network: String,
    /// Extra names it answers to on the network (`--network-alias`).
    pub aliases: Vec<String>,
    /// Its address there while the container runs.
    pub ip: String,
    pub mac: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_networks_get_their_own_subnets() {
        let mut n = Networks::new(Timestamp::from_secs(0));
        assert_eq!(n.defs.len(), 3);
        assert_eq!(n.find("bridge").and_then(NetworkDef::gateway).as_deref(), Some("172.17.0.1"));
        let created = n.create("mynet", "ab".repeat(32), Timestamp::from_secs(1), false, BTreeMap::new()).map(|d| d.subnet());
        assert_eq!(created, Ok(Some("172.18.0.0/16".to_string())));
        assert_eq!(n.create("mynet", "cd".repeat(32), Timestamp::from_secs(1), false, BTreeMap::new()).err(), Some("network with name mynet already exists".to_string()));
        assert_eq!(n.allocate("mynet").as_deref(), Some("172.18.0.2"));
        assert_eq!(n.allocate("mynet").as_deref(), Some("172.18.0.3"));
        n.release("mynet", "172.18.0.2");
        assert_eq!(n.allocate("mynet").as_deref(), Some("172.18.0.2"));
        assert_eq!(n.find("abab").map(|d| d.name.as_str()), Some("mynet"));
    }
}
