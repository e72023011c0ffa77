//! The PORTS column of `docker ps` (`formatter.DisplayablePorts` in docker/cli 28).

use std::collections::HashMap;

/// One port of a container as the daemon lists it (`container.Port`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Port {
    /// Host address of a published port (`0.0.0.0`, `::`, `127.0.0.1`); `None` when not published.
    pub ip: Option<String>,
    /// Port inside the container.
    pub private: u16,
    /// Host port; `None` when not published (Go's zero value).
    pub public: Option<u16>,
    /// `tcp`, `udp` or `sctp`.
    pub proto: String,
}

impl Port {
    /// An exposed, unpublished port (`EXPOSE 6379` → `6379/tcp`).
    pub fn exposed(private: u16, proto: &str) -> Port {
        Port { ip: None, private, public: None, proto: proto.to_string() }
    }

    /// A published port (`-p 127.0.0.1:8080:80` → `Port::published("127.0.0.1", 8080, 80, "tcp")`).
    pub fn published(ip: &str, public: u16, private: u16, proto: &str) -> Port {
        Port { ip: Some(ip.to_string()), private, public: Some(public), proto: proto.to_string() }
    }

    /// The two bindings the daemon creates for `-p 8080:80` without a host address: `0.0.0.0` and
    /// its implicit `::` twin.
    pub fn published_dual_stack(public: u16, private: u16, proto: &str) -> [Port; 2] {
        [Port::published("0.0.0.0", public, private, proto), Port::published("::", public, private, proto)]
    }

    fn ip_str(&self) -> &str {
        self.ip.as_deref().unwrap_or("")
    }

    fn public_port(&self) -> u16 {
        self.public.unwrap_or(0)
    }
}

/// Go's `net.JoinHostPort`: brackets hosts that contain a colon.
fn join_host_port(host: &str, port: &str) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

fn form_group(key: &str, first: u16, last: u16) -> String {
    let (ip, proto) = match key.split_once('/') {
        Some((ip, proto)) => (ip, proto),
        None => ("", key),
    };
    let mut group = first.to_string();
    if first != last {
        group = format!("{group}-{last}");
    }
    if !ip.is_empty() {
        group = format!("{}->{group}", join_host_port(ip, &group));
    }
    format!("{group}/{proto}")
}

/// Docker's PORTS text: ports sorted by (private port, host IP as a string, public port, protocol);
/// ports published on the same port number are grouped into ranges per `ip/proto` and printed as
/// `IP:range->range/proto`, exposed ports as `port/proto` (ranges too); ports published on a
/// different host port are printed one by one as `IP:public->private/proto` after the groups. IPv6
/// hosts are bracketed. Entries are joined with `", "`.
///
/// `-p 8080:80` gives `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`.
pub fn displayable_ports(ports: &[Port]) -> String {
    let mut sorted: Vec<&Port> = ports.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| {
        a.private
            .cmp(&b.private)
            .then_with(|| a.ip_str().cmp(b.ip_str()))
            .then_with(|| a.public_port().cmp(&b.public_port()))
            .then_with(|| a.proto.cmp(&b.proto))
    });

    let mut groups: HashMap<String, (u16, u16)> = HashMap::new();
    let mut group_keys: Vec<String> = Vec::new();
    let mut result: Vec<String> = Vec::new();
    let mut host_mappings: Vec<String> = Vec::new();
    for port in sorted {
        let current = port.private;
        let mut key = port.proto.clone();
        if !port.ip_str().is_empty() {
            if port.public_port() != current {
                let host = join_host_port(port.ip_str(), &port.public_port().to_string());
                host_mappings.push(format!("{host}->{}/{}", port.private, port.proto));
                continue;
            }
            key = format!("{}/{}", port.ip_str(), port.proto);
        }
        match groups.get_mut(&key) {
            None => {
                groups.insert(key.clone(), (current, current));
                group_keys.push(key);
            }
            Some(group) => {
                if u32::from(current) == u32::from(group.1) + 1 {
                    group.1 = current;
                } else {
                    result.push(form_group(&key, group.0, group.1));
                    *group = (current, current);
                }
            }
        }
    }
    for key in &group_keys {
        if let Some(&(first, last)) = groups.get(key) {
            result.push(form_group(key, first, last));
        }
    }
    result.extend(host_mappings);
    result.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tcp(private: u16) -> Port {
        Port::exposed(private, "tcp")
    }

    #[test]
    fn default_publish_shows_both_stacks() {
        let ports = Port::published_dual_stack(8080, 80, "tcp");
        assert_eq!(displayable_ports(&ports), "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
        let ports = Port::published_dual_stack(80, 80, "tcp");
        assert_eq!(displayable_ports(&ports), "0.0.0.0:80->80/tcp, [::]:80->80/tcp");
    }

    #[test]
    fn exposed_and_ranges() {
        assert_eq!(displayable_ports(&[tcp(6379)]), "6379/tcp");
        let range: Vec<Port> = (3300..=3310).map(tcp).collect();
        assert_eq!(displayable_ports(&range), "3300-3310/tcp");
        assert_eq!(displayable_ports(&[]), "");
    }

    fn p(ip: &str, public: u16, private: u16, proto: &str) -> Port {
        Port {
            ip: if ip.is_empty() { None } else { Some(ip.to_string()) },
            private,
            public: if public == 0 { None } else { Some(public) },
            proto: proto.to_string(),
        }
    }

    #[test]
    fn docker_cli_test_cases() {
        // cli/command/formatter/container_test.go TestDisplayablePorts.
        let cases: Vec<(Vec<Port>, &str)> = vec![
            (vec![p("", 0, 9988, "tcp")], "9988/tcp"),
            (vec![p("", 0, 9988, "udp")], "9988/udp"),
            (vec![p("0.0.0.0", 0, 9988, "tcp")], "0.0.0.0:0->9988/tcp"),
            (vec![p("::", 0, 9988, "tcp")], "[::]:0->9988/tcp"),
            (vec![p("", 8899, 9988, "tcp")], "9988/tcp"),
            (vec![p("4.3.2.1", 8899, 9988, "tcp")], "4.3.2.1:8899->9988/tcp"),
            (vec![p("::1", 8899, 9988, "tcp")], "[::1]:8899->9988/tcp"),
            (vec![p("4.3.2.1", 9988, 9988, "tcp")], "4.3.2.1:9988->9988/tcp"),
            (vec![p("", 0, 9988, "udp"), p("", 0, 9988, "udp")], "9988/udp, 9988/udp"),
            (
                vec![p("1.2.3.4", 9998, 9998, "udp"), p("1.2.3.4", 9999, 9999, "udp")],
                "1.2.3.4:9998-9999->9998-9999/udp",
            ),
            (
                vec![p("1.2.3.4", 8887, 9998, "udp"), p("1.2.3.4", 8888, 9999, "udp")],
                "1.2.3.4:8887->9998/udp, 1.2.3.4:8888->9999/udp",
            ),
            (vec![p("", 0, 9998, "udp"), p("", 0, 9999, "udp")], "9998-9999/udp"),
            (
                vec![p("1.2.3.4", 7766, 6677, "tcp"), p("", 8899, 9988, "udp")],
                "9988/udp, 1.2.3.4:7766->6677/tcp",
            ),
            (
                vec![p("1.2.3.4", 8899, 9988, "udp"), p("1.2.3.4", 8899, 9988, "tcp"), p("4.3.2.1", 3322, 2233, "tcp")],
                "4.3.2.1:3322->2233/tcp, 1.2.3.4:8899->9988/tcp, 1.2.3.4:8899->9988/udp",
            ),
            (
                vec![p("", 8899, 9988, "udp"), p("1.2.3.4", 7766, 6677, "tcp"), p("4.3.2.1", 3322, 2233, "tcp")],
                "9988/udp, 4.3.2.1:3322->2233/tcp, 1.2.3.4:7766->6677/tcp",
            ),
            (
                vec![
                    p("", 0, 80, "tcp"),
                    p("", 0, 1024, "tcp"),
                    p("", 0, 80, "udp"),
                    p("", 0, 1024, "udp"),
                    p("1.1.1.1", 80, 1024, "tcp"),
                    p("1.1.1.1", 80, 1024, "udp"),
                    p("1.1.1.1", 1024, 80, "tcp"),
                    p("1.1.1.1", 1024, 80, "udp"),
                    p("2.1.1.1", 80, 1024, "tcp"),
                    p("2.1.1.1", 80, 1024, "udp"),
                    p("2.1.1.1", 1024, 80, "tcp"),
                    p("2.1.1.1", 1024, 80, "udp"),
                    p("", 0, 12345, "sctp"),
                ],
                "80/tcp, 80/udp, 1024/tcp, 1024/udp, 12345/sctp, 1.1.1.1:1024->80/tcp, \
                 1.1.1.1:1024->80/udp, 2.1.1.1:1024->80/tcp, 2.1.1.1:1024->80/udp, 1.1.1.1:80->1024/tcp, \
                 1.1.1.1:80->1024/udp, 2.1.1.1:80->1024/tcp, 2.1.1.1:80->1024/udp",
            ),
        ];
        for (ports, want) in cases {
            assert_eq!(displayable_ports(&ports), want, "{ports:?}");
        }
    }

    #[test]
    fn loopback_publish() {
        let p = Port::published("127.0.0.1", 5000, 5000, "tcp");
        assert_eq!(displayable_ports(&[p]), "127.0.0.1:5000->5000/tcp");
    }
}
