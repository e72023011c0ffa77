//! What a container mounts (`-v`, `--mount`, an image's `VOLUME`): named and anonymous volumes,
//! bind mounts of the learner's project folder, tmpfs. Parsing follows the CLI and the daemon,
//! with their messages.

use crate::fs::{path, MergedFs};
use crate::shell::HOME;

/// Where a mount's files come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MountSource {
    /// A volume of the engine, by name.
    Volume(String),
    /// A directory of the project folder (project-relative path; `""` is the folder itself).
    Bind(String),
    /// Memory that lives as long as the container runs.
    Tmpfs,
}

/// One mount of a container.
#[derive(Debug, Clone)]
pub struct MountPoint {
    pub source: MountSource,
    /// Absolute, clean path inside the container.
    pub target: String,
    pub read_only: bool,
    /// The files of a tmpfs, or the copy of the project directory a bind mount shows.
    pub data: Option<MergedFs>,
    /// A bind mount of one file (its data holds it as `/file`).
    pub file: bool,
}

impl MountPoint {
    /// `volume`, `bind` or `tmpfs` (`Mounts[].Type`).
    pub fn kind(&self) -> &'static str {
        match self.source {
            MountSource::Volume(_) => "volume",
            MountSource::Bind(_) => "bind",
            MountSource::Tmpfs => "tmpfs",
        }
    }

    /// The host path (`Mounts[].Source`).
    pub fn host_source(&self) -> String {
        match &self.source {
            MountSource::Volume(name) => format!("/var/lib/docker/volumes/{name}/_data"),
            MountSource::Bind(rel) if rel.is_empty() => HOME.to_string(),
            MountSource::Bind(rel) => format!("{HOME}/{rel}"),
            MountSource::Tmpfs => String::new(),
        }
    }
}

/// What a `-v`/`--mount` asks for, before the engine resolves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    Named(String),
    Anonymous,
    /// A host path (absolute, as the CLI made it).
    Bind(String),
    Tmpfs,
}

/// A parsed `-v`/`--mount`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountRequest {
    pub source: Requested,
    pub target: String,
    pub read_only: bool,
    /// `--mount type=bind` requires the source to exist; `-v` creates it.
    pub must_exist: bool,
}

/// Why a mount spec is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// Printed by the CLI (`docker: invalid spec: …`).
    Cli(String),
    /// The daemon's message (`docker: Error response from daemon: …`).
    Daemon(String),
}

/// The host path of a bind source typed in the project directory `cwd` (project-relative).
fn host_path(cwd: &str, typed: &str) -> String {
    let base = if cwd.is_empty() { HOME.to_string() } else { format!("{HOME}/{cwd}") };
    path::clean(&base, typed)
}

fn check_target(spec: &str, target: &str, kind: &str) -> Result<String, SpecError> {
    if !target.starts_with('/') {
        return Err(SpecError::Daemon(format!(
            "invalid volume specification: '{spec}': invalid mount config for type \"{kind}\": invalid mount path: '{target}' mount path must be absolute"
        )));
    }
    Ok(path::clean("/", target))
}

/// `-v [SOURCE:]TARGET[:OPTIONS]`
pub fn parse_volume_flag(spec: &str, cwd: &str) -> Result<MountRequest, SpecError> {
    let parts: Vec<&str> = spec.split(':').collect();
    if parts.iter().any(|p| p.is_empty()) || parts.len() > 3 {
        let reason = if parts.len() > 3 { "too many colons" } else { "empty section between colons" };
        return Err(SpecError::Cli(format!("invalid spec: {spec}: {reason}")));
    }
    let (source, target, options) = match parts.as_slice() {
        [t] => (None, *t, None),
        [s, t] => (Some(*s), *t, None),
        [s, t, o] => (Some(*s), *t, Some(*o)),
        _ => return Err(SpecError::Cli(format!("invalid spec: {spec}: too many colons"))),
    };
    let mut read_only = false;
    for option in options.map(|o| o.split(',').collect::<Vec<_>>()).unwrap_or_default() {
        match option {
            "ro" => read_only = true,
            "rw" | "z" | "Z" | "nocopy" | "consistent" | "cached" | "delegated" | "private" | "rprivate" | "shared" | "rshared"
            | "slave" | "rslave" => {}
            other => return Err(SpecError::Daemon(format!("invalid mode: {other}"))),
        }
    }
    let kind = match source {
        Some(s) if s.starts_with('/') || s.starts_with('.') || s == "~" => "bind",
        _ => "volume",
    };
    let target = check_target(spec, target, kind)?;
    let source = match source {
        None => Requested::Anonymous,
        Some(s) if kind == "bind" => Requested::Bind(host_path(cwd, s)),
        Some(s) => Requested::Named(s.to_string()),
    };
    Ok(MountRequest { source, target, read_only, must_exist: false })
}

/// `--mount type=volume|bind|tmpfs,source=…,target=…[,readonly]`
pub fn parse_mount_flag(spec: &str, cwd: &str) -> Result<MountRequest, SpecError> {
    let mut kind = "volume".to_string();
    let (mut source, mut target, mut read_only) = (None::<String>, None::<String>, false);
    for field in spec.split(',') {
        let (key, value) = field.split_once('=').map_or((field, None), |(k, v)| (k, Some(v)));
        match (key.to_ascii_lowercase().as_str(), value) {
            ("type", Some(v)) => kind = v.to_string(),
            ("source" | "src", Some(v)) => source = Some(v.to_string()),
            ("target" | "destination" | "dst", Some(v)) => target = Some(v.to_string()),
            ("readonly" | "ro", None) => read_only = true,
            ("readonly" | "ro", Some(v)) => read_only = matches!(v, "1" | "true" | "True" | "TRUE"),
            ("volume-nocopy" | "bind-propagation" | "consistency" | "tmpfs-size" | "tmpfs-mode" | "volume-driver" | "volume-opt" | "volume-label" | "bind-recursive" | "volume-subpath", _) => {}
            (other, _) => {
                return Err(SpecError::Cli(format!("invalid argument \"{spec}\" for \"--mount\" flag: unexpected key '{other}' in '{field}'")));
            }
        }
    }
    let Some(target) = target else {
        return Err(SpecError::Cli(format!("invalid argument \"{spec}\" for \"--mount\" flag: target is required")));
    };
    let source = match kind.as_str() {
        "volume" => match source {
            Some(s) => Requested::Named(s),
            None => Requested::Anonymous,
        },
        "bind" => match source {
            Some(s) => Requested::Bind(host_path(cwd, &s)),
            None => return Err(SpecError::Daemon("invalid mount config for type \"bind\": field Source must not be empty".to_string())),
        },
        "tmpfs" => Requested::Tmpfs,
        other => return Err(SpecError::Daemon(format!("invalid mount config for type \"{other}\": mount type unknown"))),
    };
    if !target.starts_with('/') {
        return Err(SpecError::Daemon(format!("invalid mount config for type \"{kind}\": invalid mount path: '{target}' mount path must be absolute")));
    }
    Ok(MountRequest { source, target: path::clean("/", &target), read_only, must_exist: kind == "bind" })
}

/// The project-relative path of a host path, if it is in the project folder.
pub fn project_relative(host: &str) -> Option<String> {
    if host == HOME {
        return Some(String::new());
    }
    host.strip_prefix(HOME).and_then(|rest| rest.strip_prefix('/')).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_flags_like_docker() {
        let v = |s: &str| parse_volume_flag(s, "app");
        assert_eq!(v("mydata:/data").map(|r| r.source), Ok(Requested::Named("mydata".into())));
        assert_eq!(v("/cache").map(|r| (r.source, r.target)), Ok((Requested::Anonymous, "/cache".into())));
        assert_eq!(v("./site:/www:ro").map(|r| (r.source, r.read_only)), Ok((Requested::Bind("/home/estudiante/app/site".into()), true)));
        assert_eq!(v(":/x"), Err(SpecError::Cli("invalid spec: :/x: empty section between colons".into())));
        assert_eq!(
            v("/x:relative"),
            Err(SpecError::Daemon("invalid volume specification: '/x:relative': invalid mount config for type \"bind\": invalid mount path: 'relative' mount path must be absolute".into()))
        );
        assert_eq!(v("vol3:/data:bogus"), Err(SpecError::Daemon("invalid mode: bogus".into())));
        let m = |s: &str| parse_mount_flag(s, "");
        assert_eq!(m("type=tmpfs,target=/t").map(|r| r.source), Ok(Requested::Tmpfs));
        assert_eq!(m("source=vv"), Err(SpecError::Cli("invalid argument \"source=vv\" for \"--mount\" flag: target is required".into())));
        assert_eq!(m("type=bogus,target=/x"), Err(SpecError::Daemon("invalid mount config for type \"bogus\": mount type unknown".into())));
        assert_eq!(m("type=bind,source=./missing,target=/www").map(|r| (r.source, r.must_exist)), Ok((Requested::Bind("/home/estudiante/missing".into()), true)));
        assert_eq!(project_relative("/home/estudiante/app/site"), Some("app/site".into()));
        assert_eq!(project_relative("/etc"), None);
    }
}
