//! Flag value types as the help text names them (`string`, `int`, `list`, `bytes`…) and what
//! their `Set` does in Docker: validation with Docker's exact messages, and how the value is kept
//! in the [`Invocation`](super::Invocation).
//!
//! Stored values: bools as `Bool`; `int`/`uint`/`uint16` as `Int`; every other single-valued type
//! as `Str` holding the text the learner typed (validated, not converted: `--memory 512m` stays
//! `"512m"`); every repeatable type as `List`, one entry per occurrence (`strings` also splits on
//! commas), as Docker's option type keeps them (see [`ListCheck`] for the few that normalise).

use std::net::IpAddr;

use super::go_syntax;
use super::invocation::FlagValue;

/// Extra validation of a repeatable `list`/`map` flag, chosen by the flag's long name
/// (the same validator backs a given name in every Docker command).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCheck {
    None,
    /// `--attach`: stdin/stdout/stderr, stored lower-case.
    Attach,
    /// `--env`, `--build-arg` (legacy builder): a non-empty name.
    Env,
    /// `--dns`: an IP address, stored canonical.
    IpAddress,
    /// `--dns-search`: a domain name.
    DnsSearch,
    /// `--add-host`: `host:ip` or `host=ip`, stored as `host:ip`.
    ExtraHost,
    /// `--label`: a name without whitespace.
    Label,
    /// `--link`: `name[:alias]`.
    Link,
    /// `--sysctl`: a namespaced sysctl.
    Sysctl,
    /// `--blkio-weight-device`: `/dev/x:weight`.
    WeightDevice,
    /// `--device-read-bps` / `--device-write-bps`: `/dev/x:rate[unit]`.
    ThrottleBps,
    /// `--device-read-iops` / `--device-write-iops`: `/dev/x:number`.
    ThrottleIops,
    /// `--device-cgroup-rule`: `type major:minor access`.
    DeviceCgroupRule,
}

impl ListCheck {
    pub fn for_flag(long: &str) -> ListCheck {
        match long {
            "attach" => ListCheck::Attach,
            "env" => ListCheck::Env,
            "dns" => ListCheck::IpAddress,
            "dns-search" => ListCheck::DnsSearch,
            "add-host" => ListCheck::ExtraHost,
            "label" => ListCheck::Label,
            "link" => ListCheck::Link,
            "sysctl" => ListCheck::Sysctl,
            "blkio-weight-device" => ListCheck::WeightDevice,
            "device-read-bps" | "device-write-bps" => ListCheck::ThrottleBps,
            "device-read-iops" | "device-write-iops" => ListCheck::ThrottleIops,
            "device-cgroup-rule" => ListCheck::DeviceCgroupRule,
            _ => ListCheck::None,
        }
    }
}

/// A flag's value type, named as in the help text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// No type word in the help: a boolean (`--all`, `--all=false`).
    Bool,
    /// `string`: the last occurrence wins.
    String,
    /// `int`: Go `strconv.ParseInt(s, 0, 64)`.
    Int,
    /// `uint`: Go `strconv.ParseUint(s, 0, 64)`.
    Uint,
    /// `uint16`: Go `strconv.ParseUint(s, 0, 16)`.
    Uint16,
    /// `bytes`: `units.RAMInBytes` (`--memory-swap` also takes `-1`).
    Bytes,
    /// `decimal`: `--cpus`, a rational number.
    Decimal,
    /// `duration`: Go `time.ParseDuration`.
    Duration,
    /// `list`, `map`: one value per occurrence, with an optional check.
    List(ListCheck),
    /// `stringArray`: one value per occurrence, unchecked.
    StringArray,
    /// `strings`: comma-separated values, accumulated.
    Strings,
    /// `filter`: `name=value` (an empty value is ignored).
    Filter,
    /// `mount`: the `--mount` CSV syntax.
    Mount,
    /// `network`, `ulimit`, `gpu-request` and other repeatable option types.
    Ulimit,
    OtherList,
}

impl ValueKind {
    /// The kind for a help-text type word, or `None` if the word is not a known type.
    pub fn from_type_word(word: &str, long: &str) -> Option<ValueKind> {
        Some(match word {
            "" => ValueKind::Bool,
            "string" => ValueKind::String,
            "int" => ValueKind::Int,
            "uint" => ValueKind::Uint,
            "uint16" => ValueKind::Uint16,
            "bytes" => ValueKind::Bytes,
            "decimal" => ValueKind::Decimal,
            "duration" => ValueKind::Duration,
            "list" | "map" => ValueKind::List(ListCheck::for_flag(long)),
            "stringArray" => ValueKind::StringArray,
            "strings" => ValueKind::Strings,
            "filter" => ValueKind::Filter,
            "mount" => ValueKind::Mount,
            "ulimit" => ValueKind::Ulimit,
            "network" | "gpu-request" => ValueKind::OtherList,
            // Swarm option types (`docker service create`, `docker swarm init`).
            "secret" | "config" | "port" | "pref" | "external-ca" | "ipNetSlice" => ValueKind::OtherList,
            "command" | "credential-spec" | "node-addr" | "float" => ValueKind::String,
            "uint32" => ValueKind::Uint,
            _ => return None,
        })
    }

    /// True for booleans: `--flag` alone means `--flag=true` (pflag's `NoOptDefVal`).
    pub fn is_bool(self) -> bool {
        self == ValueKind::Bool
    }
}

fn push(previous: Option<FlagValue>, items: impl IntoIterator<Item = String>) -> FlagValue {
    let mut list = match previous {
        Some(FlagValue::List(v)) => v,
        _ => Vec::new(),
    };
    list.extend(items);
    FlagValue::List(list)
}

/// Applies one occurrence of a flag: checks `value` as Docker's option type does and returns the
/// new stored value (repeatable kinds append to `previous`). The error is the bare reason, e.g.
/// `strconv.ParseInt: parsing "x": invalid syntax`; the caller wraps it in pflag's
/// `invalid argument … for … flag:`.
pub fn apply(kind: ValueKind, long: &str, value: &str, previous: Option<FlagValue>) -> Result<FlagValue, String> {
    match kind {
        ValueKind::Bool => go_syntax::parse_bool(value).map(FlagValue::Bool),
        ValueKind::String => Ok(FlagValue::Str(value.to_string())),
        ValueKind::Int => go_syntax::parse_int(value, 0, 64).map(FlagValue::Int),
        ValueKind::Uint => go_syntax::parse_uint(value, 0, 64).map(|n| FlagValue::Int(i64::try_from(n).unwrap_or(i64::MAX))),
        ValueKind::Uint16 => go_syntax::parse_uint(value, 0, 16).map(|n| FlagValue::Int(n as i64)),
        ValueKind::Bytes => {
            if long == "memory-swap" && value == "-1" {
                return Ok(FlagValue::Str(value.to_string()));
            }
            go_syntax::ram_in_bytes(value).map(|_| FlagValue::Str(value.to_string()))
        }
        ValueKind::Decimal => go_syntax::parse_nano_cpus(value).map(|_| FlagValue::Str(value.to_string())),
        ValueKind::Duration => go_syntax::parse_duration(value).map(|_| FlagValue::Str(value.to_string())),
        ValueKind::List(check) => check_list_item(check, value).map(|v| push(previous, [v])),
        ValueKind::StringArray | ValueKind::OtherList => Ok(push(previous, [value.to_string()])),
        ValueKind::Strings => go_syntax::csv_list(value).map(|items| push(previous, items)),
        ValueKind::Filter => {
            if value.is_empty() {
                return Ok(previous.unwrap_or(FlagValue::List(Vec::new())));
            }
            match value.split_once('=') {
                None => Err("bad format of filter (expected name=value)".to_string()),
                Some((name, val)) => {
                    let item = format!("{}={}", name.trim().to_lowercase(), val.trim());
                    Ok(push(previous, [item]))
                }
            }
        }
        ValueKind::Mount => check_mount(value).map(|()| push(previous, [value.to_string()])),
        ValueKind::Ulimit => check_ulimit(value).map(|()| push(previous, [value.to_string()])),
    }
}

const WHITESPACE: &[char] = &[' ', '\t', '\n', '\u{b}', '\u{c}', '\r'];

fn check_list_item(check: ListCheck, value: &str) -> Result<String, String> {
    match check {
        ListCheck::None => Ok(value.to_string()),
        ListCheck::Attach => {
            let lower = value.to_lowercase();
            if matches!(lower.as_str(), "stdin" | "stdout" | "stderr") {
                Ok(lower)
            } else {
                Err("valid streams are STDIN, STDOUT and STDERR".to_string())
            }
        }
        ListCheck::Env => {
            let key = value.split_once('=').map_or(value, |(k, _)| k);
            if key.is_empty() {
                Err(format!("invalid environment variable: {value}"))
            } else {
                Ok(value.to_string())
            }
        }
        ListCheck::IpAddress => match value.trim().parse::<IpAddr>() {
            Ok(ip) => Ok(ip.to_string()),
            Err(_) => Err(format!("IP address is not correctly formatted: {value}")),
        },
        ListCheck::DnsSearch => {
            let v = value.trim_matches(' ');
            if v == "." {
                return Ok(v.to_string());
            }
            check_domain(v)
        }
        ListCheck::ExtraHost => {
            let split = value.split_once('=').or_else(|| value.split_once(':'));
            let Some((host, ip)) = split.filter(|(k, _)| !k.is_empty() && !k.contains(':')) else {
                return Err(format!("bad format for add-host: {}", go_syntax::quote(value)));
            };
            if ip != "host-gateway" {
                let bare = if ip.len() > 2 && ip.starts_with('[') && ip.ends_with(']') {
                    ip.get(1..ip.len() - 1).unwrap_or(ip)
                } else {
                    ip
                };
                if bare.trim().parse::<IpAddr>().is_err() {
                    return Err(format!("invalid IP address in add-host: {}", go_syntax::quote(bare)));
                }
                return Ok(format!("{host}:{bare}"));
            }
            Ok(format!("{host}:{ip}"))
        }
        ListCheck::Label => {
            let key = value.split_once('=').map_or(value, |(k, _)| k);
            let key = key.trim_start_matches(WHITESPACE);
            if key.is_empty() {
                Err(format!("invalid label '{value}': empty name"))
            } else if key.contains(WHITESPACE) {
                Err(format!("label '{key}' contains whitespaces"))
            } else {
                Ok(value.to_string())
            }
        }
        ListCheck::Link => {
            if value.is_empty() {
                return Err("empty string specified for links".to_string());
            }
            if value.splitn(3, ':').count() > 2 {
                return Err(format!("bad format for links: {value}"));
            }
            Ok(value.to_string())
        }
        ListCheck::Sysctl => {
            const ALLOWED: &[&str] = &[
                "kernel.msgmax",
                "kernel.msgmnb",
                "kernel.msgmni",
                "kernel.sem",
                "kernel.shmall",
                "kernel.shmmax",
                "kernel.shmmni",
                "kernel.shm_rmid_forced",
            ];
            match value.split_once('=') {
                Some((k, _))
                    if !k.is_empty() && (ALLOWED.contains(&k) || k.starts_with("net.") || k.starts_with("fs.mqueue.")) =>
                {
                    Ok(value.to_string())
                }
                _ => Err(format!("sysctl '{value}' is not allowed")),
            }
        }
        ListCheck::WeightDevice => {
            let (k, v) = device_pair(value)?;
            let weight = go_syntax::parse_uint(v, 10, 16).map_err(|_| format!("invalid weight for device: {value}"))?;
            if weight > 0 && !(10..=1000).contains(&weight) {
                return Err(format!("invalid weight for device: {value}"));
            }
            let _ = k;
            Ok(value.to_string())
        }
        ListCheck::ThrottleBps => {
            let (_, v) = device_pair(value)?;
            match go_syntax::ram_in_bytes(v) {
                Ok(rate) if rate >= 0 => Ok(value.to_string()),
                _ => Err(format!(
                    "invalid rate for device: {value}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb"
                )),
            }
        }
        ListCheck::ThrottleIops => {
            let (_, v) = device_pair(value)?;
            go_syntax::parse_uint(v, 10, 64).map(|_| value.to_string()).map_err(|_| {
                format!("invalid rate for device: {value}. The correct format is <device-path>:<number>. Number must be a positive integer")
            })
        }
        ListCheck::DeviceCgroupRule => {
            if device_cgroup_rule_ok(value) {
                Ok(value.to_string())
            } else {
                Err(format!("invalid device cgroup format '{value}'"))
            }
        }
    }
}

fn device_pair(value: &str) -> Result<(&str, &str), String> {
    match value.split_once(':') {
        Some((k, v)) if !k.is_empty() => {
            if k.starts_with("/dev/") {
                Ok((k, v))
            } else {
                Err(format!("bad format for device path: {value}"))
            }
        }
        _ => Err(format!("bad format: {value}")),
    }
}

/// `^([acb]) ([0-9]+|\*):([0-9]+|\*) ([rwm]{1,3})$`
fn device_cgroup_rule_ok(value: &str) -> bool {
    let mut parts = value.split(' ');
    let (Some(t), Some(nums), Some(access), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let num_ok = |s: &str| s == "*" || (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()));
    matches!(t, "a" | "c" | "b")
        && nums.split_once(':').is_some_and(|(a, b)| num_ok(a) && num_ok(b))
        && (1..=3).contains(&access.len())
        && access.bytes().all(|c| matches!(c, b'r' | b'w' | b'm'))
}

/// `opts.validateDomain`: at least one letter, and dot-separated labels of letters, digits and
/// inner dashes (an optional final dot and trailing whitespace are allowed).
fn check_domain(val: &str) -> Result<String, String> {
    let bad = || format!("{val} is not a valid domain");
    if !val.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let trimmed = val.trim_end_matches(|c: char| c.is_ascii_whitespace());
    let name = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
            && b.first().is_some_and(u8::is_ascii_alphanumeric)
            && b.last().is_some_and(u8::is_ascii_alphanumeric)
    };
    if !name.is_empty() && name.split('.').all(label_ok) && name.len() < 255 {
        Ok(name.to_string())
    } else {
        Err(bad())
    }
}

/// `units.ParseUlimit`.
fn check_ulimit(val: &str) -> Result<(), String> {
    const NAMES: &[&str] = &[
        "core",
        "cpu",
        "data",
        "fsize",
        "locks",
        "memlock",
        "msgqueue",
        "nice",
        "nofile",
        "nproc",
        "rss",
        "rtprio",
        "rttime",
        "sigpending",
        "stack",
    ];
    let Some((name, limits)) = val.split_once('=') else {
        return Err(format!("invalid ulimit argument: {val}"));
    };
    if !NAMES.contains(&name) {
        return Err(format!("invalid ulimit type: {name}"));
    }
    let parts: Vec<&str> = limits.split(':').collect();
    let (soft, hard) = match parts.as_slice() {
        [soft] => {
            let s = go_syntax::parse_int(soft, 10, 64)?;
            (s, s)
        }
        [soft, hard] => {
            let h = go_syntax::parse_int(hard, 10, 64)?;
            let s = go_syntax::parse_int(soft, 10, 64)?;
            (s, h)
        }
        _ => {
            return Err(format!(
                "too many limit value arguments - {limits}, can only have up to two, `soft[:hard]`"
            ));
        }
    };
    if hard != -1 {
        if soft == -1 {
            return Err(format!(
                "ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: {hard}"
            ));
        }
        if soft > hard {
            return Err(format!(
                "ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}"
            ));
        }
    }
    Ok(())
}

/// `opts.MountOpt.Set`: validates one `--mount` value.
fn check_mount(value: &str) -> Result<(), String> {
    let fields = go_syntax::csv_record(value)?;
    let mut mount_type = "volume".to_string();
    let mut target = false;
    let mut read_only = false;
    let (mut volume_opts, mut image_opts, mut bind_opts, mut tmpfs_opts) = (false, false, false, false);
    let (mut ro_nonrecursive, mut ro_force, mut propagation) = (false, false, String::new());
    for field in &fields {
        let (key, val) = match field.split_once('=') {
            Some((k, v)) => (k.to_lowercase(), Some(v)),
            None => (field.to_lowercase(), None),
        };
        let Some(val) = val else {
            match key.as_str() {
                "readonly" | "ro" => read_only = true,
                "volume-nocopy" => volume_opts = true,
                "bind-nonrecursive" => bind_opts = true,
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
            continue;
        };
        let invalid = || format!("invalid value for {key}: {val}");
        match key.as_str() {
            "type" => mount_type = val.to_lowercase(),
            "source" | "src" => {}
            "target" | "dst" | "destination" => target = !val.is_empty(),
            "readonly" | "ro" => read_only = go_syntax::parse_bool(val).map_err(|_| invalid())?,
            "consistency" => {}
            "bind-propagation" => {
                bind_opts = true;
                propagation = val.to_lowercase();
            }
            "bind-nonrecursive" => {
                bind_opts = true;
                go_syntax::parse_bool(val).map_err(|_| invalid())?;
            }
            "bind-recursive" => {
                bind_opts = true;
                match val {
                    "enabled" | "disabled" => {}
                    "writable" => ro_nonrecursive = true,
                    "readonly" => ro_force = true,
                    _ => {
                        return Err(format!(
                            "invalid value for {key}: {val} (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")"
                        ))
                    }
                }
            }
            "volume-subpath" | "volume-label" | "volume-driver" | "volume-opt" => volume_opts = true,
            "volume-nocopy" => {
                volume_opts = true;
                go_syntax::parse_bool(val).map_err(|_| format!("invalid value for volume-nocopy: {val}"))?;
            }
            "image-subpath" => image_opts = true,
            "tmpfs-size" => {
                tmpfs_opts = true;
                go_syntax::ram_in_bytes(val).map_err(|_| invalid())?;
            }
            "tmpfs-mode" => {
                tmpfs_opts = true;
                go_syntax::parse_uint(val, 8, 32).map_err(|_| invalid())?;
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if mount_type.is_empty() {
        return Err("type is required".to_string());
    }
    if !target {
        return Err("target is required".to_string());
    }
    for (set, kind, prefix) in [
        (volume_opts, "volume", "volume"),
        (image_opts, "image", "image"),
        (bind_opts, "bind", "bind"),
        (tmpfs_opts, "tmpfs", "tmpfs"),
    ] {
        if set && mount_type != kind {
            return Err(format!("cannot mix '{prefix}-*' options with mount type '{mount_type}'"));
        }
    }
    if ro_nonrecursive && !read_only {
        return Err("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction".to_string());
    }
    if ro_force {
        if !read_only {
            return Err("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction".to_string());
        }
        if propagation != "rprivate" {
            return Err(
                "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction"
                    .to_string(),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> FlagValue {
        FlagValue::List(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn repeatable_values_accumulate() {
        let k = ValueKind::List(ListCheck::None);
        let v = apply(k, "publish", "80:80", None).unwrap();
        let v = apply(k, "publish", "443:443", Some(v)).unwrap();
        assert_eq!(v, list(&["80:80", "443:443"]));
        let s = apply(ValueKind::Strings, "add-host", "a:1.2.3.4,b:5.6.7.8", None).unwrap();
        assert_eq!(s, list(&["a:1.2.3.4", "b:5.6.7.8"]));
    }

    #[test]
    fn checks_use_dockers_messages() {
        let env = ValueKind::List(ListCheck::Env);
        assert_eq!(apply(env, "env", "=x", None), Err("invalid environment variable: =x".into()));
        let label = ValueKind::List(ListCheck::Label);
        assert_eq!(
            apply(label, "label", "a b=1", None),
            Err("label 'a b' contains whitespaces".into())
        );
        let host = ValueKind::List(ListCheck::ExtraHost);
        assert_eq!(apply(host, "add-host", "db=10.0.0.1", None), Ok(list(&["db:10.0.0.1"])));
        assert_eq!(
            apply(host, "add-host", "db", None),
            Err("bad format for add-host: \"db\"".into())
        );
        assert_eq!(
            apply(ValueKind::Filter, "filter", "status", None),
            Err("bad format of filter (expected name=value)".into())
        );
        assert_eq!(
            apply(ValueKind::Filter, "filter", " Status = exited ", None),
            Ok(list(&["status=exited"]))
        );
        assert_eq!(
            apply(ValueKind::Mount, "mount", "type=bind,source=/a", None),
            Err("target is required".into())
        );
        assert_eq!(
            apply(ValueKind::Mount, "mount", "type=bind,src=/a,dst=/b", None),
            Ok(list(&["type=bind,src=/a,dst=/b"]))
        );
        assert_eq!(
            apply(ValueKind::Mount, "mount", "foo", None),
            Err("invalid field 'foo' must be a key=value pair".into())
        );
        assert_eq!(
            apply(ValueKind::Ulimit, "ulimit", "nofile=2:1", None),
            Err("ulimit soft limit must be less than or equal to hard limit: 2 > 1".into())
        );
        assert_eq!(
            apply(ValueKind::Bytes, "memory", "1z", None),
            Err("invalid suffix: 'z'".into())
        );
        assert_eq!(
            apply(ValueKind::Bytes, "memory", "512m", None),
            Ok(FlagValue::Str("512m".into()))
        );
    }
}
