//! Reading `docker compose [OPTIONS] COMMAND [OPTIONS] [ARGS]` as the plugin's cobra does. Each
//! command's flags come from its help text captured from Compose 2.40 (`help/*.txt`).

/// One flag of a help text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spec {
    long: String,
    short: Option<char>,
    takes_value: bool,
}

/// Flags from the `Options:` lines of a help text (`  -f, --file stringArray   …`).
fn specs(help: &str) -> Vec<Spec> {
    let mut out = Vec::new();
    for line in help.lines() {
        let t = line.trim_start();
        if !t.starts_with('-') || line.len() - t.len() < 2 {
            continue;
        }
        let (short, rest) = match t.strip_prefix('-').and_then(|r| r.chars().next()).filter(|c| *c != '-') {
            Some(c) => (Some(c), t.get(4..).unwrap_or_default().trim_start()),
            None => (None, t),
        };
        let Some(rest) = rest.strip_prefix("--") else { continue };
        let mut words = rest.split_whitespace();
        let long = words.next().unwrap_or_default().to_string();
        // A type word follows the name only when one space separates them.
        let after = rest.get(long.len()..).unwrap_or_default();
        let takes_value = after.starts_with(' ') && !after.starts_with("  ") && words.next().is_some();
        out.push(Spec { long, short, takes_value });
    }
    out
}

/// Parsed flags: (long name, values in order (`"true"` for booleans)), one entry per name, in the
/// order the names first appeared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub values: Vec<(String, Vec<String>)>,
}

impl Flags {
    fn get(&self, long: &str) -> Option<&Vec<String>> {
        self.values.iter().find(|(name, _)| name == long).map(|(_, v)| v)
    }
    pub fn bool(&self, long: &str) -> bool {
        self.get(long).and_then(|v| v.last()).is_some_and(|v| v != "false")
    }
    pub fn str(&self, long: &str) -> Option<&str> {
        self.get(long).and_then(|v| v.last()).map(String::as_str)
    }
    pub fn list(&self, long: &str) -> Vec<String> {
        self.get(long).cloned().unwrap_or_default()
    }
    pub fn has(&self, long: &str) -> bool {
        self.get(long).is_some()
    }
    /// Adds a value to flag `long`.
    pub fn push(&mut self, long: &str, value: String) {
        match self.values.iter_mut().find(|(name, _)| name == long) {
            Some((_, values)) => values.push(value),
            None => self.values.push((long.to_string(), vec![value])),
        }
    }
    /// Sets flag `long` to `values`, replacing what it had.
    pub fn set(&mut self, long: &str, values: Vec<String>) {
        match self.values.iter_mut().find(|(name, _)| name == long) {
            Some(slot) => slot.1 = values,
            None => self.values.push((long.to_string(), values)),
        }
    }
}

/// Parses flags (and `--help`) from `args`. With `stop_at_arg`, parsing stops at the first
/// argument (the command name, or the service of `exec`/`run`); otherwise flags and arguments mix.
/// Returns the flags, the arguments and whether `--help` was asked; errors are cobra's messages.
pub fn parse(help: &str, args: &[String], stop_at_arg: bool) -> Result<(Flags, Vec<String>, bool), String> {
    let mut table = specs(help);
    // Hidden flags Compose still accepts: `exec -it` (a TTY is the default), `run -t`.
    if help.starts_with("Usage:  docker compose exec") || help.starts_with("Usage:  docker compose run") {
        for (long, short) in [("interactive", 'i'), ("tty", 't')] {
            if !table.iter().any(|s| s.short == Some(short)) {
                table.push(Spec { long: long.to_string(), short: Some(short), takes_value: false });
            }
        }
    }
    let mut flags = Flags::default();
    let mut rest = Vec::new();
    let mut wants_help = false;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        if arg == "--" {
            rest.extend(args.get(i..).unwrap_or_default().iter().cloned());
            break;
        }
        if let Some(body) = arg.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            if name == "help" {
                wants_help = true;
                continue;
            }
            let Some(spec) = table.iter().find(|s| s.long == name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            let value = if spec.takes_value {
                match inline {
                    Some(v) => v,
                    None => {
                        let Some(v) = args.get(i) else { return Err(format!("flag needs an argument: --{name}")) };
                        i += 1;
                        v.clone()
                    }
                }
            } else {
                inline.unwrap_or_else(|| "true".to_string())
            };
            flags.push(&spec.long, value);
            continue;
        }
        if let Some(body) = arg.strip_prefix('-').filter(|b| !b.is_empty()) {
            let chars: Vec<char> = body.chars().collect();
            let mut j = 0;
            while let Some(&c) = chars.get(j) {
                j += 1;
                if c == 'h' {
                    wants_help = true;
                    continue;
                }
                let Some(spec) = table.iter().find(|s| s.short == Some(c)) else {
                    return Err(format!("unknown shorthand flag: '{c}' in -{body}"));
                };
                if spec.takes_value {
                    let inline: String = chars.get(j..).unwrap_or_default().iter().collect();
                    let inline = inline.strip_prefix('=').map(str::to_string).unwrap_or(inline);
                    let value = if !inline.is_empty() {
                        inline
                    } else {
                        let Some(v) = args.get(i) else { return Err(format!("flag needs an argument: '{c}' in -{c}")) };
                        i += 1;
                        v.clone()
                    };
                    flags.push(&spec.long, value);
                    break;
                }
                flags.push(&spec.long, "true".to_string());
            }
            continue;
        }
        if stop_at_arg {
            rest.push(arg.clone());
            rest.extend(args.get(i..).unwrap_or_default().iter().cloned());
            break;
        }
        rest.push(arg.clone());
    }
    Ok((flags, rest, wants_help))
}

/// The help text of a command (`compose` for the plugin itself).
pub fn help_text(command: &str) -> Option<&'static str> {
    Some(match command {
        "compose" => include_str!("help/compose.txt"),
        "up" => include_str!("help/up.txt"),
        "down" => include_str!("help/down.txt"),
        "ps" => include_str!("help/ps.txt"),
        "logs" => include_str!("help/logs.txt"),
        "exec" => include_str!("help/exec.txt"),
        "run" => include_str!("help/run.txt"),
        "build" => include_str!("help/build.txt"),
        "pull" => include_str!("help/pull.txt"),
        "push" => include_str!("help/push.txt"),
        "config" => include_str!("help/config.txt"),
        "stop" => include_str!("help/stop.txt"),
        "start" => include_str!("help/start.txt"),
        "restart" => include_str!("help/restart.txt"),
        "pause" => include_str!("help/pause.txt"),
        "unpause" => include_str!("help/unpause.txt"),
        "ls" => include_str!("help/ls.txt"),
        "images" => include_str!("help/images.txt"),
        "top" => include_str!("help/top.txt"),
        "version" => include_str!("help/version.txt"),
        "kill" => include_str!("help/kill.txt"),
        "rm" => include_str!("help/rm.txt"),
        "port" => include_str!("help/port.txt"),
        "create" => include_str!("help/create.txt"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn global_then_command() {
        let help = help_text("compose").unwrap_or_default();
        let (f, rest, h) = parse(help, &args("-f a.yml --file=b.yml -p demo up -d web"), true).unwrap_or_default();
        assert_eq!(f.list("file"), vec!["a.yml", "b.yml"]);
        assert_eq!(f.str("project-name"), Some("demo"));
        assert_eq!(rest, args("up -d web"));
        assert!(!h);
        let up = help_text("up").unwrap_or_default();
        let (f, rest, _) = parse(up, &args("web -d --build"), false).unwrap_or_default();
        assert!(f.bool("detach") && f.bool("build"));
        assert_eq!(rest, args("web"));
        assert_eq!(parse(up, &args("--foo"), false).err(), Some("unknown flag: --foo".to_string()));
        assert_eq!(parse(help, &args("-x up"), true).err(), Some("unknown shorthand flag: 'x' in -x".to_string()));
    }
}
