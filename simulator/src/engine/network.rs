//! The default bridge network: container IP addresses and published host ports.

/// Address allocation on the default `bridge` network and the host ports in use.
#[derive(Debug, Clone)]
pub struct Network {
    /// Last host part handed out on 172.17.0.0/16 (allocation is serial, as Docker's IPAM).
    last_ip: u32,
    in_use_ips: Vec<u32>,
    /// `(host_ip, host_port, proto, container ID)`, one entry per address, port and protocol.
    pub ports: Vec<(String, u16, String, String)>,
    /// Next ephemeral port for `-P` / `-p 80`.
    next_ephemeral: u16,
}

impl Default for Network {
    fn default() -> Self {
        Self { last_ip: 1, in_use_ips: Vec::new(), ports: Vec::new(), next_ephemeral: 32768 }
    }
}

pub const BRIDGE_GATEWAY: &str = "172.17.0.1";

impl Network {
    /// Allocates the lowest free address (`172.17.0.2` first; released addresses are reused).
    pub fn allocate_ip(&mut self) -> String {
        let mut candidate = 2;
        while self.in_use_ips.contains(&candidate) && candidate < 65_534 {
            candidate += 1;
        }
        self.last_ip = candidate;
        self.in_use_ips.push(candidate);
        format!("172.17.{}.{}", candidate / 256, candidate % 256)
    }

    pub fn release_ip(&mut self, ip: &str) {
        let host = ip
            .strip_prefix("172.17.")
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(a, b)| Some(a.parse::<u32>().ok()? * 256 + b.parse::<u32>().ok()?));
        if let Some(h) = host {
            self.in_use_ips.retain(|x| *x != h);
        }
    }

    /// True if `port/proto` is taken on `ip` (or on any address when either side is a wildcard).
    pub fn port_taken(&self, ip: &str, port: u16, proto: &str) -> bool {
        self.ports.iter().any(|(i, p, pr, _)| {
            *p == port && pr == proto && is_v6(i) == is_v6(ip) && (i == ip || is_wildcard(i) || is_wildcard(ip))
        })
    }

    /// A free ephemeral port.
    pub fn ephemeral_port(&mut self, proto: &str) -> u16 {
        for _ in 0..28_000 {
            let p = self.next_ephemeral;
            self.next_ephemeral = if p >= 60_999 { 32768 } else { p + 1 };
            if !self.port_taken("0.0.0.0", p, proto) && !self.port_taken("::", p, proto) {
                return p;
            }
        }
        self.next_ephemeral
    }

    /// Records that `container_id` holds `port/proto` on `ip`.
    pub fn bind_port(&mut self, ip: &str, port: u16, proto: &str, container_id: &str) {
        match self.ports.iter_mut().find(|(i, p, pr, _)| i == ip && *p == port && pr == proto) {
            Some(slot) => slot.3 = container_id.to_string(),
            None => self.ports.push((ip.to_string(), port, proto.to_string(), container_id.to_string())),
        }
    }

    pub fn release_ports_of(&mut self, container_id: &str) {
        self.ports.retain(|(_, _, _, id)| id != container_id);
    }
}

fn is_wildcard(ip: &str) -> bool {
    ip == "0.0.0.0" || ip == "::" || ip.is_empty()
}

fn is_v6(ip: &str) -> bool {
    ip.contains(':')
}
