//! Users and groups inside a container, read from its `/etc/passwd` and `/etc/group` as the
//! daemon does at start (`-u`, `docker exec -u`) and as `id` does.

use crate::fs::MergedFs;

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

/// One line of `/etc/passwd`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PasswdEntry {
    name: String,
    uid: u32,
    gid: u32,
    home: String,
}

/// One line of `/etc/group`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GroupEntry {
    name: String,
    gid: u32,
    members: Vec<String>,
}

fn passwd(fs: &MergedFs) -> Vec<PasswdEntry> {
    let text = fs.read_to_string("/etc/passwd").ok().flatten().unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            let name = f.first().filter(|n| !n.is_empty())?;
            Some(PasswdEntry {
                name: (*name).to_string(),
                uid: f.get(2)?.parse().ok()?,
                gid: f.get(3)?.parse().ok()?,
                home: f.get(5).map_or_else(String::new, |h| (*h).to_string()),
            })
        })
        .collect()
}

fn groups(fs: &MergedFs) -> Vec<GroupEntry> {
    let text = fs.read_to_string("/etc/group").ok().flatten().unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            let name = f.first().filter(|n| !n.is_empty())?;
            Some(GroupEntry {
                name: (*name).to_string(),
                gid: f.get(2)?.parse().ok()?,
                members: f.get(3).map_or_else(Vec::new, |m| m.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()),
            })
        })
        .collect()
}

/// The name of user `uid` in the container, if its `/etc/passwd` has one.
pub fn user_name(fs: &MergedFs, uid: u32) -> Option<String> {
    passwd(fs).into_iter().find(|p| p.uid == uid).map(|p| p.name)
}

/// The name of group `gid` in the container, if its `/etc/group` has one.
pub fn group_name(fs: &MergedFs, gid: u32) -> Option<String> {
    groups(fs).into_iter().find(|g| g.gid == gid).map(|g| g.name)
}

/// Resolves `-u` (`name`, `uid`, `name:group`, `uid:gid`; empty is root) against the container's
/// files, as the daemon does at start.
pub fn resolve(fs: &MergedFs, spec: &str) -> Result<User, String> {
    let users = passwd(fs);
    let all_groups = groups(fs);
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let user_part = if user_part.is_empty() { "0" } else { user_part };
    let entry = match user_part.parse::<u32>() {
        Ok(uid) => users.iter().find(|u| u.uid == uid).cloned().ok_or(uid),
        Err(_) => match users.iter().find(|u| u.name == user_part) {
            Some(u) => Ok(u.clone()),
            None => return Err(format!("unable to find user {user_part}: no matching entries in passwd file")),
        },
    };
    let (uid, mut gid, name, home) = match entry {
        Ok(u) => (u.uid, u.gid, Some(u.name), u.home),
        // A numeric user the image does not know: its own group, home `/`.
        Err(uid) => (uid, uid, None, "/".to_string()),
    };
    if let Some(g) = group_part {
        gid = match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => match all_groups.iter().find(|e| e.name == g) {
                Some(e) => e.gid,
                None => return Err(format!("unable to find group {g}: no matching entries in group file")),
            },
        };
    }
    let group = all_groups.iter().find(|g| g.gid == gid).map(|g| g.name.clone());
    let fmt = |id: u32, n: &Option<String>| match n {
        Some(n) => format!("{id}({n})"),
        None => id.to_string(),
    };
    let mut listed = fmt(gid, &group);
    // Supplementary groups: those that name the user as a member (an explicit group drops them).
    if group_part.is_none() {
        if let Some(n) = &name {
            for g in all_groups.iter().filter(|g| g.gid != gid && g.members.iter().any(|m| m == n)) {
                listed.push(',');
                listed.push_str(&fmt(g.gid, &Some(g.name.clone())));
            }
        }
    }
    Ok(User { uid, gid, name, group, home, groups: listed })
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

    /// The user's name, or its number when the image does not know it.
    pub fn display_name(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.uid.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::LayerBuilder;
    use std::sync::Arc;

    fn fixture() -> MergedFs {
        MergedFs::new(vec![Arc::new(crate::docker::fixture_rootfs::layer(0))])
    }

    #[test]
    fn resolves_like_the_daemon() {
        let fs = fixture();
        let id = |spec: &str| resolve(&fs, spec).map(|u| u.id_line());
        assert_eq!(id("nobody"), Ok("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)".to_string()));
        assert_eq!(id("1234:5678"), Ok("uid=1234 gid=5678 groups=5678".to_string()));
        assert_eq!(id(""), Ok("uid=0(root) gid=0(root) groups=0(root),10(wheel)".to_string()));
        assert_eq!(id("www-data"), Ok("uid=33(www-data) gid=33(www-data) groups=33(www-data)".to_string()));
        assert_eq!(id("nosuchuser"), Err("unable to find user nosuchuser: no matching entries in passwd file".to_string()));
        assert_eq!(id("root:nogroup_x"), Err("unable to find group nogroup_x: no matching entries in group file".to_string()));
        assert_eq!(resolve(&fs, "nobody").map(|u| u.home), Ok("/home".to_string()));
    }

    #[test]
    fn an_image_without_passwd_knows_only_numbers() {
        let mut b = LayerBuilder::new(0);
        b.text("/hello", 0o755, "x");
        let fs = MergedFs::new(vec![Arc::new(b.build())]);
        assert_eq!(resolve(&fs, "").map(|u| u.id_line()), Ok("uid=0 gid=0 groups=0".to_string()));
        assert!(resolve(&fs, "nginx").is_err());
    }

    #[test]
    fn users_added_in_the_container_resolve() {
        let mut fs = fixture();
        let passwd = fs.read_to_string("/etc/passwd").ok().flatten().unwrap_or_default();
        assert!(fs.write("/etc/passwd", format!("{passwd}app:x:1000:1000::/home/app:/bin/sh\n").as_bytes()).is_ok());
        assert_eq!(resolve(&fs, "app").map(|u| (u.uid, u.home)), Ok((1000, "/home/app".to_string())));
    }
}
