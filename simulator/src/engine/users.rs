//! Users and groups inside images (`/etc/passwd`, `/etc/group`), for `-u` and `id`.

/// A resolved user: what `id` prints and where `HOME` points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub uid: u32,
    pub gid: u32,
    pub name: Option<String>,
    pub group: Option<String>,
    pub home: String,
    /// Supplementary groups as `id` lists them (`0(root),10(wheel)`).
    pub groups: String,
}

/// (name, uid, gid, group, home) known in every image; plus a few per lineage.
const BASE: &[(&str, u32, u32, &str, &str)] = &[
    ("root", 0, 0, "root", "/root"),
    ("daemon", 1, 1, "daemon", "/usr/sbin"),
    ("bin", 2, 2, "bin", "/bin"),
    ("nobody", 65534, 65534, "nogroup", "/nonexistent"),
];

fn extra(lineage: &str) -> &'static [(&'static str, u32, u32, &'static str, &'static str)] {
    match lineage.strip_suffix("-alpine").unwrap_or(lineage) {
        "nginx" => &[("nginx", 101, 101, "nginx", "/nonexistent"), ("www-data", 33, 33, "www-data", "/var/www")],
        "httpd" | "debian" | "ubuntu" => &[("www-data", 33, 33, "www-data", "/var/www")],
        "node" => &[("node", 1000, 1000, "node", "/home/node")],
        "postgres" => &[("postgres", 999, 999, "postgres", "/var/lib/postgresql")],
        "redis" => &[("redis", 999, 999, "redis", "/home/redis")],
        "mysql" => &[("mysql", 999, 999, "mysql", "/var/lib/mysql")],
        "rabbitmq" => &[("rabbitmq", 999, 999, "rabbitmq", "/var/lib/rabbitmq")],
        _ => &[],
    }
}

fn by_name(lineage: &str, name: &str) -> Option<(&'static str, u32, u32, &'static str, &'static str)> {
    BASE.iter().chain(extra(lineage)).find(|u| u.0 == name).copied()
}

fn by_uid(lineage: &str, uid: u32) -> Option<(&'static str, u32, u32, &'static str, &'static str)> {
    BASE.iter().chain(extra(lineage)).find(|u| u.1 == uid).copied()
}

fn group_name(lineage: &str, gid: u32) -> Option<&'static str> {
    BASE.iter().chain(extra(lineage)).find(|u| u.2 == gid).map(|u| u.3)
}

/// Resolves `-u` (`name`, `uid`, `name:group`, `uid:gid`) as the daemon does at start.
pub fn resolve(lineage: &str, spec: &str) -> Result<User, String> {
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let user_part = if user_part.is_empty() { "root" } else { user_part };
    let (uid, mut gid, name, home) = match user_part.parse::<u32>() {
        Ok(uid) => match by_uid(lineage, uid) {
            Some(u) => (uid, u.2, Some(u.0.to_string()), u.4.to_string()),
            None => (uid, uid, None, "/".to_string()),
        },
        Err(_) => match by_name(lineage, user_part) {
            Some(u) => (u.1, u.2, Some(u.0.to_string()), u.4.to_string()),
            None => return Err(format!("unable to find user {user_part}: no matching entries in passwd file")),
        },
    };
    if let Some(g) = group_part {
        gid = match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => match BASE.iter().chain(extra(lineage)).find(|u| u.3 == g) {
                Some(u) => u.2,
                None => return Err(format!("unable to find group {g}: no matching entries in group file")),
            },
        };
    }
    let group = group_name(lineage, gid).map(str::to_string);
    let fmt = |id: u32, n: &Option<String>| match n {
        Some(n) => format!("{id}({n})"),
        None => id.to_string(),
    };
    let mut groups = fmt(gid, &group);
    if uid == 0 && gid == 0 {
        groups.push_str(",10(wheel)");
    }
    Ok(User { uid, gid, name, group, home, groups })
}

impl User {
    /// What `id` prints.
    pub fn id_line(&self) -> String {
        let fmt = |id: u32, n: &Option<String>| match n {
            Some(n) => format!("{id}({n})"),
            None => id.to_string(),
        };
        format!("uid={} gid={} groups={}", fmt(self.uid, &self.name), fmt(self.gid, &self.group), self.groups)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_the_daemon() {
        assert_eq!(resolve("busybox", "nobody").unwrap().id_line(), "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)");
        assert_eq!(resolve("busybox", "1234:5678").unwrap().id_line(), "uid=1234 gid=5678 groups=5678");
        assert_eq!(resolve("busybox", "").unwrap().id_line(), "uid=0(root) gid=0(root) groups=0(root),10(wheel)");
        assert_eq!(
            resolve("busybox", "nosuchuser").unwrap_err(),
            "unable to find user nosuchuser: no matching entries in passwd file"
        );
    }
}
