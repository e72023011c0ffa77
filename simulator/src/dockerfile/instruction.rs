//! BuildKit's instruction parser (`frontend/dockerfile/instructions/parse.go`): a scanned node →
//! a typed [`Instruction`], with BuildKit's argument checks, builder flags and error texts.

use super::ast::{
    ArgDecl, CommandLine, Copy, From, Healthcheck, HealthcheckCmd, Instruction, InstructionKind, KeyValue, Mount,
    MountKind, Onbuild, Run,
};
use super::duration::parse_go_duration;
use super::scan::{go_quote, parse_heredoc, Node};
use super::suggest;

/// Every instruction name (for "did you mean").
pub(crate) const INSTRUCTIONS: &[&str] = &[
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
    "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagType {
    Bool,
    Str,
    Strs,
}

/// Parsed builder flags (BuildKit's `BFlags`).
struct Flags {
    values: Vec<(String, String)>,
}

impl Flags {
    fn parse(raw: &[String], defs: &[(&str, FlagType)]) -> Result<Self, String> {
        let mut values: Vec<(String, String)> = Vec::new();
        for a in raw {
            if a == "--" {
                break;
            }
            let Some(stripped) = a.strip_prefix("--") else {
                return Err(format!("arg should start with -- : {a}"));
            };
            let (name, value) = match stripped.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (stripped, None),
            };
            let flag_name = format!("--{name}");
            let Some((_, ty)) = defs.iter().find(|(n, _)| *n == name) else {
                let names: Vec<&str> = defs.iter().map(|(n, _)| *n).collect();
                return Err(suggest::wrap(format!("unknown flag: {flag_name}"), name, &names, true));
            };
            if *ty != FlagType::Strs && values.iter().any(|(n, _)| n == name) {
                return Err(format!("duplicate flag specified: {flag_name}"));
            }
            let v = match ty {
                FlagType::Bool => {
                    if value == Some("") {
                        return Err(format!("missing a value on flag: {flag_name}"));
                    }
                    match value.map(str::to_ascii_lowercase).as_deref() {
                        None | Some("true") => "true".to_string(),
                        Some("false") => "false".to_string(),
                        Some(_) => {
                            return Err(format!(
                                "expecting boolean value for flag {flag_name}, not: {}",
                                value.unwrap_or_default()
                            ))
                        }
                    }
                }
                FlagType::Str | FlagType::Strs => match value {
                    None => return Err(format!("missing a value on flag: {flag_name}")),
                    Some(v) => v.to_string(),
                },
            };
            values.push((name.to_string(), v));
        }
        Ok(Self { values })
    }

    fn string(&self, name: &str) -> Option<String> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    fn strings(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    fn boolean(&self, name: &str) -> Option<bool> {
        self.string(name).map(|v| v == "true")
    }
}

fn at_least_one(cmd: &str) -> String {
    format!("{cmd} requires at least one argument")
}

fn exactly_one(cmd: &str) -> String {
    format!("{cmd} requires exactly one argument")
}

/// Types one node. Errors are the message only (the caller adds the location).
pub(crate) fn typed(node: &Node) -> Result<Instruction, String> {
    let args = &node.args;
    let no_flags = |raw: &[String]| Flags::parse(raw, &[]).map(|_| ());
    let kind = match node.keyword.to_ascii_lowercase().as_str() {
        "env" | "label" => {
            let name = if node.keyword.eq_ignore_ascii_case("env") { "ENV" } else { "LABEL" };
            no_flags(&node.flags)?;
            let pairs = kvps(args, name)?;
            if name == "ENV" {
                InstructionKind::Env(pairs)
            } else {
                InstructionKind::Label(pairs)
            }
        }
        "maintainer" => {
            let [m] = args.as_slice() else { return Err(exactly_one("MAINTAINER")) };
            no_flags(&node.flags)?;
            InstructionKind::Maintainer(m.clone())
        }
        "add" | "copy" => typed_copy(node, node.keyword.eq_ignore_ascii_case("add"))?,
        "from" => {
            let stage_name = match args.as_slice() {
                [_, as_kw, name] if as_kw.eq_ignore_ascii_case("as") => {
                    let lower = name.to_lowercase();
                    if !valid_stage_name(&lower) {
                        return Err(format!(
                            "invalid name for build stage: {}, name can't start with a number or contain symbols",
                            go_quote(name)
                        ));
                    }
                    Some(lower)
                }
                [_] => None,
                _ => return Err("FROM requires either one or three arguments".into()),
            };
            let flags = Flags::parse(&node.flags, &[("platform", FlagType::Str)])?;
            InstructionKind::From(From {
                image: args.first().cloned().unwrap_or_default(),
                platform: flags.string("platform"),
                stage_name,
            })
        }
        "onbuild" => {
            let Some(first) = args.first() else { return Err(at_least_one("ONBUILD")) };
            no_flags(&node.flags)?;
            let trigger = first.trim().to_uppercase();
            match trigger.as_str() {
                "ONBUILD" => return Err("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into()),
                "MAINTAINER" | "FROM" => return Err(format!("{trigger} isn't allowed as an ONBUILD trigger")),
                _ => {}
            }
            let mut expression = strip_onbuild(&node.original);
            for h in &node.heredocs {
                expression.push('\n');
                expression.push_str(&h.content);
                expression.push_str(&h.name);
            }
            let inner = node.child.as_ref().and_then(|c| {
                let mut c = (**c).clone();
                c.heredocs = node.heredocs.clone();
                c.start_line = node.start_line;
                c.end_line = node.end_line;
                c.span = node.span;
                typed(&c).ok().map(Box::new)
            });
            InstructionKind::Onbuild(Onbuild { expression, inner })
        }
        "workdir" => {
            let [p] = args.as_slice() else { return Err(exactly_one("WORKDIR")) };
            no_flags(&node.flags)?;
            InstructionKind::Workdir(p.clone())
        }
        "run" => {
            let flags = Flags::parse(
                &node.flags,
                // `--security` and `COPY --parents` are labs features: unknown flags in Docker 28.5's
                // stable frontend; `--device` is known but refused (see `mount_error`).
                &[("mount", FlagType::Strs), ("network", FlagType::Str), ("device", FlagType::Strs)],
            )?;
            // Invalid mounts are reported by `mount_error` (BuildKit checks them at dispatch).
            let mounts = flags.strings("mount").iter().filter_map(|raw| parse_mount(raw).ok()).collect();
            let network = flags.string("network");
            if let Some(n) = &network {
                if !matches!(n.as_str(), "default" | "none" | "host") {
                    return Err(format!("invalid network mode {}", go_quote(n)));
                }
            }
            let security = None;
            InstructionKind::Run(Run { command: command_line(node), mounts, network, security, heredocs: node.heredocs.clone() })
        }
        "cmd" => {
            no_flags(&node.flags)?;
            InstructionKind::Cmd(command_line(node))
        }
        "entrypoint" => {
            no_flags(&node.flags)?;
            InstructionKind::Entrypoint(command_line(node))
        }
        "healthcheck" => typed_healthcheck(node)?,
        "expose" => {
            if args.is_empty() {
                return Err(at_least_one("EXPOSE"));
            }
            no_flags(&node.flags)?;
            let mut ports = args.clone();
            crate::sort::sort(&mut ports);
            InstructionKind::Expose(ports)
        }
        "user" => {
            let [u] = args.as_slice() else { return Err(exactly_one("USER")) };
            no_flags(&node.flags)?;
            InstructionKind::User(u.clone())
        }
        "volume" => {
            if args.is_empty() {
                return Err(at_least_one("VOLUME"));
            }
            no_flags(&node.flags)?;
            let mut vols = Vec::new();
            for v in args {
                let v = v.trim();
                if v.is_empty() {
                    return Err("VOLUME specified can not be an empty string".into());
                }
                vols.push(v.to_string());
            }
            InstructionKind::Volume(vols)
        }
        "stopsignal" => {
            let [s] = args.as_slice() else { return Err(exactly_one("STOPSIGNAL")) };
            InstructionKind::StopSignal(s.clone())
        }
        "arg" => {
            if args.is_empty() {
                return Err(at_least_one("ARG"));
            }
            let mut decls = Vec::new();
            for a in args {
                match a.split_once('=') {
                    Some((k, v)) => {
                        if k.is_empty() {
                            return Err("ARG names can not be blank".into());
                        }
                        decls.push(ArgDecl { name: k.to_string(), default: Some(v.to_string()) });
                    }
                    None => decls.push(ArgDecl { name: a.clone(), default: None }),
                }
            }
            InstructionKind::Arg(decls)
        }
        "shell" => {
            no_flags(&node.flags)?;
            if args.is_empty() {
                return Err(at_least_one("SHELL"));
            }
            if !node.json {
                return Err("SHELL requires the arguments to be in JSON form".into());
            }
            InstructionKind::Shell(args.clone())
        }
        _ => {
            return Err(suggest::wrap(format!("unknown instruction: {}", node.keyword), &node.keyword, INSTRUCTIONS, false));
        }
    };
    Ok(Instruction {
        line: node.start_line,
        end_line: node.end_line,
        span: node.span,
        keyword_span: node.keyword_span,
        keyword: node.keyword.clone(),
        original: node.original.trim().to_string(),
        flags: node.flags.clone(),
        comments: node.comments.clone(),
        kind,
    })
}

/// `(?i)^\s*ONBUILD\s*` removed.
fn strip_onbuild(original: &str) -> String {
    let t = original.trim_start();
    match t.get(..7) {
        Some(k) if k.eq_ignore_ascii_case("onbuild") => t.get(7..).unwrap_or_default().trim_start().to_string(),
        _ => original.to_string(),
    }
}

/// `^[a-z][a-z0-9-_.]*$`
fn valid_stage_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

fn kvps(args: &[String], cmd: &str) -> Result<Vec<KeyValue>, String> {
    if args.is_empty() {
        return Err(at_least_one(cmd));
    }
    if !args.chunks_exact(3).remainder().is_empty() {
        return Err(format!("Bad input to {cmd}, too many arguments"));
    }
    let mut out = Vec::new();
    for chunk in args.chunks(3) {
        let [k, v, sep] = chunk else { continue };
        if k.is_empty() {
            return Err(format!("{cmd} names can not be blank"));
        }
        out.push(KeyValue { key: k.clone(), value: v.clone(), legacy: sep.is_empty() });
    }
    Ok(out)
}

/// BuildKit's `handleJSONArgs`: exec form as is, shell form as one string.
fn command_line(node: &Node) -> CommandLine {
    if node.json {
        CommandLine::Exec(node.args.clone())
    } else {
        CommandLine::Shell(node.args.join(" "))
    }
}

fn typed_copy(node: &Node, is_add: bool) -> Result<InstructionKind, String> {
    let name = if is_add { "ADD" } else { "COPY" };
    if node.args.len() < 2 {
        return Err(format!("{name} requires at least two arguments, but only one was provided. Destination could not be determined"));
    }
    let defs: &[(&str, FlagType)] = if is_add {
        &[
            ("chown", FlagType::Str),
            ("chmod", FlagType::Str),
            ("link", FlagType::Bool),
            ("keep-git-dir", FlagType::Bool),
            ("checksum", FlagType::Str),
            ("unpack", FlagType::Bool),
            ("exclude", FlagType::Strs),
        ]
    } else {
        &[
            ("chown", FlagType::Str),
            ("from", FlagType::Str),
            ("chmod", FlagType::Str),
            ("link", FlagType::Bool),
            ("exclude", FlagType::Strs),
        ]
    };
    let flags = Flags::parse(&node.flags, defs)?;
    let (srcs, dest) = node.args.split_at(node.args.len() - 1);
    let dest = dest.first().cloned().unwrap_or_default();
    if parse_heredoc(&dest).is_some() {
        return Err(format!("{name} cannot accept a heredoc as a destination"));
    }
    let mut sources = Vec::new();
    let mut heredocs = Vec::new();
    for src in srcs {
        match parse_heredoc(src) {
            Some(h) => {
                let mut doc = node.heredocs.iter().find(|d| d.name == h.name).cloned().unwrap_or(h);
                if doc.chomp {
                    doc.content = doc.content.split_inclusive('\n').map(|l| l.trim_start_matches('\t')).collect();
                }
                heredocs.push(doc);
            }
            None => sources.push(src.clone()),
        }
    }
    let copy = Copy {
        sources,
        heredocs,
        dest,
        from: if is_add { None } else { flags.string("from").filter(|s| !s.is_empty()) },
        chown: flags.string("chown").filter(|s| !s.is_empty()),
        chmod: flags.string("chmod").filter(|s| !s.is_empty()),
        link: flags.boolean("link").unwrap_or(false),
        parents: flags.boolean("parents").unwrap_or(false),
        exclude: flags.strings("exclude"),
        checksum: flags.string("checksum").filter(|s| !s.is_empty()),
        keep_git_dir: if is_add { flags.boolean("keep-git-dir") } else { None },
        unpack: if is_add { flags.boolean("unpack") } else { None },
        json: node.json,
    };
    Ok(if is_add { InstructionKind::Add(copy) } else { InstructionKind::Copy(copy) })
}

fn typed_healthcheck(node: &Node) -> Result<InstructionKind, String> {
    let Some(first) = node.args.first() else { return Err(at_least_one("HEALTHCHECK")) };
    let typ = first.to_uppercase();
    let rest = node.args.get(1..).unwrap_or_default();
    if typ == "NONE" {
        if !rest.is_empty() {
            return Err("HEALTHCHECK NONE takes no arguments".into());
        }
        return Ok(InstructionKind::Healthcheck(Healthcheck::None));
    }
    let flags = Flags::parse(
        &node.flags,
        &[
            ("interval", FlagType::Str),
            ("timeout", FlagType::Str),
            ("start-period", FlagType::Str),
            ("start-interval", FlagType::Str),
            ("retries", FlagType::Str),
        ],
    )?;
    if typ != "CMD" {
        return Err(format!("Unknown type {} in HEALTHCHECK (try CMD)", go_quote(&typ)));
    }
    let command = if node.json {
        CommandLine::Exec(rest.to_vec())
    } else {
        CommandLine::Shell(rest.join(" "))
    };
    let empty = match &command {
        CommandLine::Exec(v) => v.is_empty(),
        CommandLine::Shell(s) => s.is_empty(),
    };
    if empty {
        return Err("Missing command after HEALTHCHECK CMD".into());
    }
    let interval = |name: &str| -> Result<u64, String> {
        let Some(v) = flags.string(name).filter(|v| !v.is_empty()) else { return Ok(0) };
        let d = parse_go_duration(&v)?;
        if d == 0 {
            return Ok(0);
        }
        if d < 1_000_000 {
            return Err(format!("Interval {} cannot be less than 1ms", go_quote(name)));
        }
        Ok(u64::try_from(d).unwrap_or(0))
    };
    let retries = match flags.string("retries").filter(|v| !v.is_empty()) {
        None => 0,
        Some(v) => {
            let n: i64 = v.parse().map_err(|_| format!("strconv.ParseInt: parsing {}: invalid syntax", go_quote(&v)))?;
            if n < 0 {
                return Err(format!("--retries cannot be negative ({n})"));
            }
            u64::try_from(n).unwrap_or(0)
        }
    };
    Ok(InstructionKind::Healthcheck(Healthcheck::Cmd(HealthcheckCmd {
        command,
        interval: interval("interval")?,
        timeout: interval("timeout")?,
        start_period: interval("start-period")?,
        start_interval: interval("start-interval")?,
        retries,
    })))
}

/// Signal names `signal.ParseSignal` accepts (with or without `SIG`).
const SIGNALS: &[&str] = &[
    "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF",
    "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2",
    "VTALRM", "WINCH", "XCPU", "XFSZ",
];

fn valid_signal(s: &str) -> bool {
    if let Ok(n) = s.parse::<u32>() {
        return n != 0;
    }
    let upper = s.to_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    if SIGNALS.contains(&name) {
        return true;
    }
    // RTMIN, RTMIN+n, RTMAX-n
    name == "RTMIN" || name == "RTMAX" || name.strip_prefix("RTMIN+").or(name.strip_prefix("RTMAX-")).is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n <= 15))
}

/// The dispatch-time error of an instruction BuildKit accepted at parse time (invalid
/// `--mount`, `--device`, a STOPSIGNAL that is not a signal), unprefixed as BuildKit prints it.
/// A STOPSIGNAL with a variable is checked by the builder after expansion.
pub(crate) fn mount_error(ins: &Instruction) -> Option<String> {
    if let InstructionKind::StopSignal(s) = &ins.kind {
        if !s.contains('$') && !valid_signal(s) {
            return Some(format!("invalid signal: {s}"));
        }
        return None;
    }
    if !matches!(ins.kind, InstructionKind::Run(_)) {
        return None;
    }
    if ins.flags.iter().any(|f| f == "--device" || f.starts_with("--device=")) {
        return Some("device feature is only supported in Dockerfile frontend 1.14.0-labs or later".into());
    }
    ins.flags.iter().filter_map(|f| f.strip_prefix("--mount=")).find_map(|raw| parse_mount(raw).err())
}

/// `RUN --mount=` value (comma-separated `key=value`), checked as BuildKit does.
fn parse_mount(raw: &str) -> Result<Mount, String> {
    let mut m = Mount { raw: raw.to_string(), ..Mount::default() };
    let mut ro_auto = true;
    let mut sharing_set = false;
    for field in csv_fields(raw) {
        let (key, value) = match field.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), Some(v.to_string())),
            None => (field.to_ascii_lowercase(), None),
        };
        let Some(value) = value else {
            match key.as_str() {
                "readonly" | "ro" => {
                    m.readonly = true;
                    ro_auto = false;
                }
                "readwrite" | "rw" => {
                    m.readonly = false;
                    ro_auto = false;
                }
                "required" if matches!(m.kind, MountKind::Secret | MountKind::Ssh) => m.required = true,
                "required" => {
                    return Err(format!("unexpected key '{key}' for mount type '{}'", m.kind.as_str()));
                }
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
            continue;
        };
        match key.as_str() {
            "type" => {
                m.kind = match value.to_ascii_lowercase().as_str() {
                    "bind" => MountKind::Bind,
                    "cache" => MountKind::Cache,
                    "tmpfs" => MountKind::Tmpfs,
                    "secret" => MountKind::Secret,
                    "ssh" => MountKind::Ssh,
                    _ => {
                        return Err(suggest::wrap(
                            format!("unsupported mount type {}", go_quote(&value)),
                            &value,
                            &["bind", "cache", "tmpfs", "secret", "ssh"],
                            true,
                        ))
                    }
                }
            }
            "from" => m.from = Some(value),
            "source" | "src" => m.source = Some(value),
            "target" | "dst" | "destination" => m.target = Some(value),
            "readonly" | "ro" | "readwrite" | "rw" => {
                let b = match value.to_ascii_lowercase().as_str() {
                    "1" | "t" | "true" => true,
                    "0" | "f" | "false" => false,
                    _ => return Err(format!("invalid value for {key}: {value}")),
                };
                m.readonly = if matches!(key.as_str(), "readonly" | "ro") { b } else { !b };
                ro_auto = false;
            }
            "required" => {
                if !matches!(m.kind, MountKind::Secret | MountKind::Ssh) {
                    return Err(format!("unexpected key '{key}' for mount type '{}'", m.kind.as_str()));
                }
                m.required = match value.to_ascii_lowercase().as_str() {
                    "1" | "t" | "true" => true,
                    "0" | "f" | "false" => false,
                    _ => return Err(format!("invalid value for {key}: {value}")),
                };
            }
            "size" => {
                if m.kind != MountKind::Tmpfs {
                    return Err(format!("unexpected key '{key}' for mount type '{}'", m.kind.as_str()));
                }
            }
            "id" => m.id = Some(value),
            "sharing" => {
                if !matches!(value.to_ascii_lowercase().as_str(), "shared" | "private" | "locked") {
                    return Err(suggest::wrap(
                        format!("unsupported sharing value {}", go_quote(&value)),
                        &value,
                        &["shared", "private", "locked"],
                        true,
                    ));
                }
                sharing_set = true;
                m.sharing = Some(value.to_ascii_lowercase());
            }
            "mode" => {
                m.mode = Some(u32::from_str_radix(&value, 8).map_err(|_| format!("invalid value {value} for mode"))?);
            }
            "uid" => m.uid = Some(value.parse().map_err(|_| format!("invalid value {value} for uid"))?),
            "gid" => m.gid = Some(value.parse().map_err(|_| format!("invalid value {value} for gid"))?),
            "env" => m.env = Some(value),
            _ => {
                let keys = [
                    "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw",
                    "required", "size", "id", "sharing", "mode", "uid", "gid", "env",
                ];
                return Err(suggest::wrap(format!("unexpected key '{key}' in '{field}'"), &key, &keys, true));
            }
        }
    }
    if matches!(m.kind, MountKind::Bind | MountKind::Cache | MountKind::Tmpfs)
        && m.target.as_deref().is_none_or(|t| t.trim_end_matches('/').is_empty())
    {
        return Err("invalid mount target \"/\"".into());
    }
    // (BuildKit also refuses `from` on secret mounts, but only after resolving `from` as an
    // image, which fails first.)
    if m.kind == MountKind::Secret {
        if sharing_set {
            return Err("secret mount should not define sharing".into());
        }
        if m.source.is_none() && m.target.is_none() && m.id.is_none() {
            return Err("invalid secret mount. one of source, target required".into());
        }
        if m.source.is_some() && m.id.is_some() {
            return Err("both source and id can't be set".into());
        }
    }
    if ro_auto {
        m.readonly = !matches!(m.kind, MountKind::Cache | MountKind::Tmpfs);
    }
    if sharing_set && m.kind != MountKind::Cache {
        return Err(format!("invalid cache sharing set for {} mount", m.kind.as_str()));
    }
    Ok(m)
}

/// Comma-separated fields with `"…"` quoting (Go's csv reader as BuildKit uses it).
fn csv_fields(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().filter(|f| !f.is_empty()).collect()
}
