//! A command's flags, read from the "Options:" section of its captured `--help` text, so that the
//! help text is the single source of truth for names, shorthands and value types.
//!
//! A flag line in Docker's help looks like `  -a, --all             Show all…` or
//! `      --format string   Format…`: the optional shorthand, the long name, then (for
//! non-booleans) one space and the type word; the description starts after at least two spaces.
//! Continuation lines are indented further and are skipped.
//!
//! Flags that exist but that the help does not show (hidden flags such as `--net`, flags the help
//! hides because the daemon runs on Linux) come from [`ExtraFlag`] lists in the command table.

use super::flag_values::ValueKind;

/// Why a flag is refused after parsing (Docker's `isSupported` check, with a Linux daemon without
/// experimental features).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsupported {
    /// Annotated `ostype: windows`.
    WindowsOnly,
    /// Annotated `experimental`.
    Experimental,
}

/// A flag the help text does not show.
#[derive(Debug, Clone, Copy)]
pub struct ExtraFlag {
    pub long: &'static str,
    pub short: Option<u8>,
    /// The type word as the help would print it (`""` for a boolean).
    pub type_word: &'static str,
    /// The key the value is stored under (another flag's long name for aliases like `--net`).
    pub key: &'static str,
    /// pflag's `Deprecated` text (`use --timeout instead`).
    pub deprecated: Option<&'static str>,
    pub unsupported: Option<Unsupported>,
}

impl ExtraFlag {
    /// A hidden flag stored under its own name.
    pub const fn hidden(long: &'static str, type_word: &'static str) -> ExtraFlag {
        ExtraFlag {
            long,
            short: None,
            type_word,
            key: long,
            deprecated: None,
            unsupported: None,
        }
    }

    /// A hidden alias of another flag (same value, stored under `key`).
    pub const fn alias(long: &'static str, type_word: &'static str, key: &'static str) -> ExtraFlag {
        ExtraFlag {
            long,
            short: None,
            type_word,
            key,
            deprecated: None,
            unsupported: None,
        }
    }

    /// A flag refused after parsing (`"--cpu-count" is only supported on …`).
    pub const fn unsupported(long: &'static str, type_word: &'static str, why: Unsupported) -> ExtraFlag {
        ExtraFlag {
            long,
            short: None,
            type_word,
            key: long,
            deprecated: None,
            unsupported: Some(why),
        }
    }

    /// A deprecated alias of another flag: parsing prints `Flag --<long> has been deprecated, <note>`.
    pub const fn deprecated(long: &'static str, type_word: &'static str, key: &'static str, note: &'static str) -> ExtraFlag {
        ExtraFlag {
            long,
            short: None,
            type_word,
            key,
            deprecated: Some(note),
            unsupported: None,
        }
    }
}

/// One flag of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagSpec {
    pub long: &'static str,
    pub short: Option<u8>,
    pub kind: ValueKind,
    /// Key in [`Invocation::flags`](super::Invocation::flags).
    pub key: &'static str,
    pub deprecated: Option<&'static str>,
    pub shorthand_deprecated: Option<&'static str>,
    pub unsupported: Option<Unsupported>,
}

impl FlagSpec {
    /// How pflag names the flag in `invalid argument … for "-n, --last" flag`.
    pub fn display_name(&self) -> String {
        match (self.short, self.shorthand_deprecated) {
            (Some(c), None) => format!("-{}, --{}", char::from(c), self.long),
            _ => format!("--{}", self.long),
        }
    }
}

/// The flags of one command (or of the global options).
#[derive(Debug, Clone, Default)]
pub struct FlagTable {
    pub flags: Vec<FlagSpec>,
    /// Type words of the help text that are not known value types (must stay empty; tested).
    pub unknown_types: Vec<&'static str>,
}

impl FlagTable {
    pub fn long(&self, name: &str) -> Option<&FlagSpec> {
        self.flags.iter().find(|f| f.long == name)
    }

    pub fn short(&self, c: u8) -> Option<&FlagSpec> {
        self.flags.iter().find(|f| f.short == Some(c))
    }

    /// Builds the table from the flag lines under `section` (`"Options:"` or `"Global Options:"`)
    /// of `help`, plus `extras`, plus cobra's `--help` (shorthand `-h`, deprecated, when free).
    pub fn from_help(help: &'static str, section: &str, extras: &[ExtraFlag]) -> FlagTable {
        let mut table = FlagTable::default();
        let mut in_section = false;
        for line in help.lines() {
            if !in_section {
                in_section = line == section;
                continue;
            }
            if line.is_empty() {
                break;
            }
            let Some((short, long, type_word)) = parse_flag_line(line) else {
                continue;
            };
            let kind = ValueKind::from_type_word(type_word, long).unwrap_or_else(|| {
                table.unknown_types.push(type_word);
                ValueKind::String
            });
            table.flags.push(FlagSpec {
                long,
                short,
                kind,
                key: long,
                deprecated: None,
                shorthand_deprecated: None,
                unsupported: None,
            });
        }
        for extra in extras {
            let kind = ValueKind::from_type_word(extra.type_word, extra.key).unwrap_or(ValueKind::String);
            table.flags.push(FlagSpec {
                long: extra.long,
                short: extra.short,
                kind,
                key: extra.key,
                deprecated: extra.deprecated,
                shorthand_deprecated: None,
                unsupported: extra.unsupported,
            });
        }
        let h_free = table.short(b'h').is_none();
        let help_short = if h_free { Some(b'h') } else { None };
        let help_deprecation = if h_free { Some("use --help") } else { None };
        match table.flags.iter_mut().find(|f| f.long == "help") {
            Some(existing) => {
                existing.short = help_short;
                existing.shorthand_deprecated = help_deprecation;
            }
            None => table.flags.push(FlagSpec {
                long: "help",
                short: help_short,
                kind: ValueKind::Bool,
                key: "help",
                deprecated: None,
                shorthand_deprecated: help_deprecation,
                unsupported: None,
            }),
        }
        table
    }
}

/// Splits `  -a, --all   Show…` / `      --format string   Format…` into
/// (shorthand, long name, type word). Other lines give `None`.
fn parse_flag_line(line: &'static str) -> Option<(Option<u8>, &'static str, &'static str)> {
    let (short, rest) = if let Some(rest) = line.strip_prefix("      --") {
        (None, rest)
    } else {
        let b = line.as_bytes();
        if line.starts_with("  -") && line.get(4..8) == Some(", --") {
            (b.get(3).copied(), line.get(8..)?)
        } else {
            return None;
        }
    };
    let name_end = rest.find(' ').unwrap_or(rest.len());
    let long = rest.get(..name_end)?;
    if long.is_empty() {
        return None;
    }
    let after = rest.get(name_end..).unwrap_or_default();
    let type_word = match after.strip_prefix(' ') {
        Some(t) if !t.starts_with(' ') && !t.is_empty() => t.split(' ').next().unwrap_or_default(),
        _ => "",
    };
    Some((short, long, type_word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flag_lines() {
        assert_eq!(
            parse_flag_line("  -a, --all             Show all containers"),
            Some((Some(b'a'), "all", ""))
        );
        assert_eq!(
            parse_flag_line("      --format string   Format output"),
            Some((None, "format", "string"))
        );
        assert_eq!(
            parse_flag_line("  -n, --last int        Show n last"),
            Some((Some(b'n'), "last", "int"))
        );
        assert_eq!(parse_flag_line("      --no-trunc"), Some((None, "no-trunc", "")));
        assert_eq!(parse_flag_line("                        'table':   Print output"), None);
        assert_eq!(parse_flag_line("Options:"), None);
    }

    #[test]
    fn adds_help_with_deprecated_shorthand() {
        const HELP: &str = "Usage:  docker x\n\nOptions:\n  -a, --all   All\n  -f, --filter filter   F\n";
        let t = FlagTable::from_help(HELP, "Options:", &[]);
        let help = t.long("help").copied();
        assert_eq!(
            help.map(|h| (h.short, h.shorthand_deprecated)),
            Some((Some(b'h'), Some("use --help")))
        );
        assert_eq!(t.short(b'f').map(|f| f.kind), Some(ValueKind::Filter));
        assert!(t.unknown_types.is_empty());
    }
}
