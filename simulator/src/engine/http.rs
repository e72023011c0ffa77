//! The network as a client sees it (the host's `curl`, `wget`/`curl`/`ping` inside a container):
//! which names resolve, which address and port a server listens on, and what it answers. The
//! servers are the web servers the images run (nginx, Apache httpd, busybox `httpd`,
//! `python -m http.server`), serving files from their container's filesystem.
//!
//! A [`Net`] is taken before the request runs (a snapshot of the servers' filesystems), so a
//! process inside one container can reach another while its own filesystem is in use.

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::engine::container::Container;
use crate::engine::fs_tree::text_of;
use crate::engine::mounted_fs::{Mount, View};
use crate::engine::mounts::MountSource;
use crate::engine::Engine;
use crate::fs::{path, MergedFs};

/// What kind of web server a container runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerKind {
    Nginx,
    Apache,
    BusyboxHttpd,
    Python,
}

/// A server reachable on the network, with a copy of the files it serves.
#[derive(Debug, Clone)]
pub struct Server {
    pub container_id: String,
    pub kind: ServerKind,
    /// Addresses it answers on (every network of its container).
    pub ips: Vec<String>,
    pub port: u16,
    /// Document root.
    pub root: String,
    fs: MergedFs,
    mounts: Vec<(String, MergedFs, bool)>,
}

/// A published host port: `host_port` forwards to `container_port` of a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub host_port: u16,
    pub container_id: String,
    pub container_port: u16,
}

/// The network seen from the host or from one container.
#[derive(Debug, Clone, Default)]
pub struct Net {
    /// Names the client resolves (container names, IDs, aliases on shared user networks).
    pub dns: BTreeMap<String, String>,
    /// The client's own addresses (`localhost` and its own IPs reach its own servers).
    pub own_ips: Vec<String>,
    /// The client's container, if it is one.
    pub own_id: Option<String>,
    pub servers: Vec<Server>,
    /// Published ports (for the host's `localhost`).
    pub published: Vec<Published>,
    /// Every running container's addresses (reachable by IP), by container ID.
    pub addresses: Vec<(String, String)>,
    pub now: Timestamp,
    /// nginx access log lines to add to the servers' logs: (container ID, line).
    pub access_log: Vec<(String, String)>,
}

/// An HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// Why a request got no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    /// The name does not resolve.
    Unresolved,
    /// Nothing listens at `ip:port`.
    Refused { ip: String },
}

/// The web server a container's main process is, and where it listens.
fn server_of(c: &Container) -> Option<(ServerKind, u16, String)> {
    let mut argv = vec![c.path.as_str()];
    argv.extend(c.args.iter().map(String::as_str));
    let base = |a: &str| a.rsplit('/').next().unwrap_or(a).to_string();
    let words: Vec<String> = argv.iter().map(|a| base(a)).collect();
    let workdir = if c.config.working_dir.is_empty() { "/".to_string() } else { c.config.working_dir.clone() };
    if words.iter().any(|w| w == "nginx" || w == "nginx-debug") {
        return Some((ServerKind::Nginx, 80, "/usr/share/nginx/html".to_string()));
    }
    if words.iter().any(|w| w == "httpd-foreground") || (words.first().is_some_and(|w| w == "httpd") && argv.iter().any(|a| a.contains("FOREGROUND"))) {
        return Some((ServerKind::Apache, 80, "/usr/local/apache2/htdocs".to_string()));
    }
    if let Some(i) = words.iter().position(|w| w == "httpd") {
        let args = argv.get(i + 1..).unwrap_or_default();
        let value = |flag: &str| args.iter().position(|a| *a == flag).and_then(|j| args.get(j + 1)).map(|v| v.to_string());
        let port = value("-p").and_then(|p| p.rsplit(':').next().and_then(|n| n.parse().ok())).unwrap_or(80);
        let home = value("-h").map_or(workdir.clone(), |h| path::join(&workdir, &h));
        return Some((ServerKind::BusyboxHttpd, port, home));
    }
    if words.first().is_some_and(|w| w.starts_with("python")) && argv.contains(&"http.server") {
        let port = argv.iter().skip_while(|a| **a != "http.server").nth(1).and_then(|p| p.parse().ok()).unwrap_or(8000);
        return Some((ServerKind::Python, port, workdir));
    }
    None
}

/// Every address of a running container.
fn addresses(c: &Container) -> Vec<String> {
    let mut ips: Vec<String> = Vec::new();
    if !c.ip_address.is_empty() {
        ips.push(c.ip_address.clone());
    }
    ips.extend(c.attachments.iter().filter(|a| !a.ip.is_empty()).map(|a| a.ip.clone()));
    ips
}

impl Engine {
    /// The network seen from `from` (a container ID, or the host).
    pub fn net_from(&self, from: Option<&str>) -> Net {
        let mut net = Net { now: self.now(), own_id: from.map(str::to_string), ..Net::default() };
        let running: Vec<&Container> = self.containers.values().filter(|c| c.state.running && !c.state.restarting && !c.state.paused).collect();
        for c in &running {
            for ip in addresses(c) {
                net.addresses.push((c.id.clone(), ip));
            }
            if let Some((kind, port, root)) = server_of(c) {
                let mounts = c
                    .mounts
                    .iter()
                    .filter_map(|m| {
                        let fs = match &m.source {
                            MountSource::Volume(n) => self.volumes.get(n).map(|v| v.fs.clone()),
                            _ => m.data.clone(),
                        }?;
                        Some((m.target.clone(), fs, m.file))
                    })
                    .collect();
                net.servers.push(Server { container_id: c.id.clone(), kind, ips: addresses(c), port, root, fs: c.fs.clone(), mounts });
            }
            for b in &c.bound_ports {
                if b.proto == "tcp" && !net.published.iter().any(|p| p.host_port == b.host_port) {
                    net.published.push(Published { host_port: b.host_port, container_id: c.id.clone(), container_port: b.container_port });
                }
            }
        }
        if let Some(me) = from.and_then(|id| self.containers.get(id)) {
            net.own_ips = addresses(me);
            // Names on the user-defined networks it shares with other running containers.
            for a in &me.attachments {
                for other in &running {
                    if let Some(theirs) = other.attachments.iter().find(|b| b.network == a.network && !b.ip.is_empty()) {
                        let mut names = vec![other.name.clone(), other.short_id().to_string(), other.config.hostname.clone()];
                        names.extend(theirs.aliases.iter().cloned());
                        for n in names {
                            net.dns.entry(n).or_insert_with(|| theirs.ip.clone());
                        }
                    }
                }
            }
            if let Some(ip) = net.own_ips.first() {
                net.dns.insert(me.config.hostname.clone(), ip.clone());
            }
        }
        net
    }

    /// Adds the access-log lines a request left to the servers' logs.
    pub fn apply_access_log(&mut self, net: &mut Net) {
        let now = self.now();
        for (id, line) in std::mem::take(&mut net.access_log) {
            if let Some(c) = self.containers.get_mut(&id) {
                c.logs.push(crate::engine::container::LogEntry { time: now, stream: crate::output::Stream::Stdout, text: format!("{line}\n") });
            }
        }
    }
}

fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| p.parse::<u8>().is_ok())
}

/// `Sat, 15 Nov 2025 10:00:00 GMT`
pub fn http_date(t: Timestamp) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, mo, d, h, mi, s) = t.civil();
    let dow = DAYS.get(t.secs().div_euclid(86_400).rem_euclid(7) as usize).copied().unwrap_or("Mon");
    let month = MONTHS.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
    format!("{dow}, {d:02} {month} {y} {h:02}:{mi:02}:{s:02} GMT")
}

impl Net {
    /// The address `host` resolves to, for this client.
    pub fn resolve(&self, host: &str) -> Option<String> {
        if is_ipv4(host) {
            return Some(host.to_string());
        }
        if host == "localhost" {
            return Some("127.0.0.1".to_string());
        }
        self.dns.get(host).cloned()
    }

    /// `GET http://host:port/path` with `user_agent` (for the access log).
    pub fn get(&mut self, host: &str, port: u16, target: &str, user_agent: &str) -> Result<Response, NetError> {
        let ip = self.resolve(host).ok_or(NetError::Unresolved)?;
        let refused = || NetError::Refused { ip: ip.clone() };
        let local = ip == "127.0.0.1" || ip == "0.0.0.0" || self.own_ips.contains(&ip);
        // Who answers: the host's published ports, the client's own servers, or a container by IP.
        let (container, port) = if local && self.own_id.is_none() {
            let p = self.published.iter().find(|p| p.host_port == port).ok_or_else(refused)?;
            (p.container_id.clone(), p.container_port)
        } else if local {
            (self.own_id.clone().unwrap_or_default(), port)
        } else {
            let id = self.addresses.iter().find(|(_, a)| *a == ip).map(|(id, _)| id.clone()).ok_or_else(refused)?;
            (id, port)
        };
        let client_ip = if self.own_id.is_none() { "172.17.0.1".to_string() } else { self.own_ips.first().cloned().unwrap_or_else(|| "127.0.0.1".to_string()) };
        let now = self.now;
        let server = self.servers.iter_mut().find(|s| s.container_id == container && s.port == port).ok_or_else(refused)?;
        let response = server.serve(target, now);
        if server.kind == ServerKind::Nginx {
            let (y, mo, d, h, mi, s) = now.civil();
            const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let month = MONTHS.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
            let line = format!(
                "{client_ip} - - [{d:02}/{month}/{y}:{h:02}:{mi:02}:{s:02} +0000] \"GET {target} HTTP/1.1\" {} {} \"-\" \"{user_agent}\" \"-\"",
                response.status,
                response.body.len()
            );
            self.access_log.push((container, line));
        }
        Ok(response)
    }
}

impl Server {
    /// Answers `GET target`.
    fn serve(&mut self, target: &str, now: Timestamp) -> Response {
        let clean = path::clean("/", target.split(['?', '#']).next().unwrap_or("/"));
        let root = self.root.clone();
        let kind = self.kind;
        let view = View {
            root: &mut self.fs,
            mounts: self.mounts.iter_mut().map(|(t, fs, file)| Mount { target: t.clone(), fs, read_only: true, file: *file }).collect(),
        };
        let rel = clean.trim_start_matches('/');
        let mut p = if rel.is_empty() { root.clone() } else { path::join(&root, rel) };
        if view.stat(&p).is_ok_and(|s| s.is_dir()) {
            p = path::join(&p, "index.html");
        }
        let found = view.stat(&p).ok().filter(|s| s.is_file()).and_then(|s| view.read(&p).ok().map(|c| (s, c)));
        let server_name = match kind {
            ServerKind::Nginx => "nginx/1.27.3",
            ServerKind::Apache => "Apache/2.4.62 (Unix)",
            ServerKind::BusyboxHttpd => "",
            ServerKind::Python => "SimpleHTTP/0.6 Python/3.12.8",
        };
        let mut headers: Vec<(String, String)> = Vec::new();
        if !server_name.is_empty() {
            headers.push(("Server".into(), server_name.into()));
        }
        headers.push(("Date".into(), http_date(now)));
        match found {
            Some((stat, content)) => {
                let body = text_of(&content);
                let kind_of = if p.ends_with(".html") || p.ends_with(".htm") {
                    "text/html"
                } else if p.ends_with(".css") {
                    "text/css"
                } else if p.ends_with(".js") {
                    "application/javascript"
                } else {
                    "text/plain"
                };
                headers.push(("Content-Type".into(), kind_of.into()));
                headers.push(("Content-Length".into(), body.len().to_string()));
                headers.push(("Last-Modified".into(), http_date(Timestamp::from_secs(stat.mtime))));
                if kind == ServerKind::Nginx {
                    headers.push(("Connection".into(), "keep-alive".into()));
                    headers.push(("ETag".into(), format!("\"{:x}-{:x}\"", stat.mtime, body.len())));
                }
                headers.push(("Accept-Ranges".into(), "bytes".into()));
                Response { status: 200, reason: "OK", headers, body }
            }
            None => {
                let body = match kind {
                    ServerKind::Nginx => "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n".to_string(),
                    ServerKind::Apache => "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n".to_string(),
                    ServerKind::BusyboxHttpd => "<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n".to_string(),
                    ServerKind::Python => "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n    </body>\n</html>\n".to_string(),
                };
                headers.push(("Content-Type".into(), "text/html".into()));
                headers.push(("Content-Length".into(), body.len().to_string()));
                if kind == ServerKind::Nginx {
                    headers.push(("Connection".into(), "keep-alive".into()));
                }
                Response { status: 404, reason: "Not Found", headers, body }
            }
        }
    }
}

/// A parsed `http://host[:port][/path]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    pub host: String,
    pub port: u16,
    pub path: String,
}

/// Parses a URL as curl and wget accept it (the scheme defaults to `http`).
pub fn parse_url(text: &str) -> Option<Url> {
    let (scheme, rest) = text.split_once("://").map_or(("http", text), |(s, r)| (s, r));
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (rest.get(..i)?, rest.get(i..)?.to_string()),
        None => (rest, "/".to_string()),
    };
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().ok()?),
        None => (authority, default_port),
    };
    if host.is_empty() {
        return None;
    }
    Some(Url { scheme, host: host.to_string(), port, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_dates() {
        assert_eq!(parse_url("http://localhost:8080/x?y=1"), Some(Url { scheme: "http".into(), host: "localhost".into(), port: 8080, path: "/x?y=1".into() }));
        assert_eq!(parse_url("web").map(|u| (u.host, u.port, u.path)), Some(("web".into(), 80, "/".into())));
        assert_eq!(parse_url("ftp://x"), None);
        assert_eq!(parse_url("http://:80"), None);
        assert_eq!(http_date(Timestamp::from_secs(1_763_200_800)), "Sat, 15 Nov 2025 10:00:00 GMT");
    }
}
