//! The flag parser Docker uses (`spf13/pflag` v1.0.6 `FlagSet.Parse`), with its exact errors.
//!
//! - `--name=value`, `--name value`, `--bool`, `--bool=false`;
//! - `-x value`, `-xvalue`, `-x=value`, grouped booleans `-it`, `-qn3`;
//! - `--` ends the flags; a lone `-` is an argument;
//! - non-interspersed sets (`run`, `create`, `exec`…) stop at the first argument.

use std::collections::BTreeMap;

use super::flag_table::{FlagSpec, FlagTable};
use super::flag_values;
use super::go_syntax::{quote, quote_byte};
use super::invocation::FlagValue;

/// What parsing a command's flags accumulates. Several parses (group level, then command level)
/// share one state, as cobra's persistent `--help` flag is shared.
#[derive(Debug, Default, Clone)]
pub struct FlagState {
    /// Values of the flags set, by key (`--help` excluded).
    pub values: BTreeMap<&'static str, FlagValue>,
    /// The `--help` flag's value, if given.
    pub help: Option<bool>,
    /// Flags set that Docker refuses later (`isSupported`), in the order given.
    pub unsupported: Vec<FlagSpec>,
    /// Deprecation warnings pflag printed (`Flag shorthand -h has been deprecated, use --help`).
    pub notices: Vec<String>,
}

impl FlagState {
    /// Sets `spec` from `value` as pflag's `FlagSet.Set` does; the error is pflag's
    /// `invalid argument "x" for "-n, --last" flag: …`.
    fn set(&mut self, spec: &FlagSpec, value: &str) -> Result<(), String> {
        let wrap = |reason: String| {
            format!(
                "invalid argument {} for {} flag: {reason}",
                quote(value),
                quote(&spec.display_name())
            )
        };
        if spec.long == "help" {
            let v = flag_values::apply(spec.kind, spec.long, value, None).map_err(wrap)?;
            self.help = Some(matches!(v, FlagValue::Bool(true)));
        } else {
            let previous = self.values.remove(spec.key);
            let kept = previous.clone();
            match flag_values::apply(spec.kind, spec.long, value, previous) {
                Ok(v) => {
                    self.values.insert(spec.key, v);
                }
                Err(reason) => {
                    if let Some(p) = kept {
                        self.values.insert(spec.key, p);
                    }
                    return Err(wrap(reason));
                }
            }
        }
        if spec.unsupported.is_some() && !self.unsupported.iter().any(|u| u.long == spec.long) {
            self.unsupported.push(*spec);
        }
        if let Some(note) = spec.deprecated {
            self.notices.push(format!("Flag --{} has been deprecated, {note}", spec.long));
        }
        Ok(())
    }
}

/// Parses `args` against `table` into `state`; returns the non-flag arguments, or pflag's error
/// message (`unknown flag: --foo`, `flag needs an argument: 'n' in -n`, …).
pub fn parse(table: &FlagTable, args: &[String], interspersed: bool, state: &mut FlagState) -> Result<Vec<String>, String> {
    let mut positional = Vec::new();
    let mut i = 0;
    while let Some(s) = args.get(i) {
        i += 1;
        let b = s.as_bytes();
        if b.len() < 2 || b.first() != Some(&b'-') {
            positional.push(s.clone());
            if !interspersed {
                positional.extend(args.iter().skip(i).cloned());
                return Ok(positional);
            }
            continue;
        }
        if b.get(1) == Some(&b'-') {
            if b.len() == 2 {
                positional.extend(args.iter().skip(i).cloned());
                return Ok(positional);
            }
            i = parse_long(table, s, args, i, state)?;
        } else {
            i = parse_short(table, s, args, i, state)?;
        }
    }
    Ok(positional)
}

/// `--name[=value]`; `next` is the index of the argument after `s`. Returns the new index.
fn parse_long(table: &FlagTable, s: &str, args: &[String], next: usize, state: &mut FlagState) -> Result<usize, String> {
    let name = s.get(2..).unwrap_or_default();
    if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
        return Err(format!("bad flag syntax: {s}"));
    }
    let (name, inline) = match name.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (name, None),
    };
    let Some(spec) = table.long(name) else {
        return Err(format!("unknown flag: --{name}"));
    };
    let (value, next) = match inline {
        Some(v) => (v, next),
        None if spec.kind.is_bool() => ("true", next),
        None => match args.get(next) {
            Some(v) => (v.as_str(), next + 1),
            None => return Err(format!("flag needs an argument: {s}")),
        },
    };
    state.set(spec, value)?;
    Ok(next)
}

/// `-abc`, `-n3`, `-n 3`, `-n=3`; `next` is the index of the argument after `s`.
fn parse_short(table: &FlagTable, s: &str, args: &[String], next: usize, state: &mut FlagState) -> Result<usize, String> {
    let mut shorthands = s.get(1..).unwrap_or_default();
    let mut next_out = next;
    while let Some(&c) = shorthands.as_bytes().first() {
        let Some(spec) = table.short(c) else {
            return Err(format!("unknown shorthand flag: {} in -{shorthands}", quote_byte(c)));
        };
        // `c` is an ASCII shorthand, so index 1 is a char boundary.
        let after = shorthands.get(1..).unwrap_or_default();
        let value: &str;
        if after.len() > 1 && after.starts_with('=') {
            value = after.get(1..).unwrap_or_default();
            shorthands = "";
        } else if spec.kind.is_bool() {
            value = "true";
            shorthands = after;
        } else if !after.is_empty() {
            value = after;
            shorthands = "";
        } else if let Some(v) = args.get(next) {
            value = v.as_str();
            next_out = next + 1;
            shorthands = "";
        } else {
            return Err(format!("flag needs an argument: {} in -{shorthands}", quote_byte(c)));
        }
        if let Some(note) = spec.shorthand_deprecated {
            state
                .notices
                .push(format!("Flag shorthand -{} has been deprecated, {note}", char::from(c)));
        }
        state.set(spec, value)?;
    }
    Ok(next_out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const HELP: &str = "Usage:  docker ps [OPTIONS]\n\nOptions:\n  -a, --all             Show all\n  -f, --filter filter   Filter\n      --format string   Format\n  -n, --last int        Last\n  -q, --quiet           Quiet\n";

    fn run(args: &[&str], interspersed: bool) -> (Result<Vec<String>, String>, FlagState) {
        let table = FlagTable::from_help(HELP, "Options:", &[]);
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut state = FlagState::default();
        let r = parse(&table, &args, interspersed, &mut state);
        (r, state)
    }

    #[test]
    fn parses_every_form() {
        let (r, st) = run(
            &[
                "-aq", "--last=3", "x", "--format", "{{.ID}}", "-f", "a=b", "-fc=d", "--", "-z",
            ],
            true,
        );
        assert_eq!(r.unwrap(), vec!["x".to_string(), "-z".to_string()]);
        assert_eq!(st.values.get("all"), Some(&FlagValue::Bool(true)));
        assert_eq!(st.values.get("quiet"), Some(&FlagValue::Bool(true)));
        assert_eq!(st.values.get("last"), Some(&FlagValue::Int(3)));
        assert_eq!(st.values.get("format"), Some(&FlagValue::Str("{{.ID}}".into())));
        assert_eq!(
            st.values.get("filter"),
            Some(&FlagValue::List(vec!["a=b".into(), "c=d".into()]))
        );
    }

    #[test]
    fn non_interspersed_stops_at_first_argument() {
        let (r, st) = run(&["-a", "img", "-q", "--last", "x"], false);
        assert_eq!(r.unwrap(), vec!["img", "-q", "--last", "x"]);
        assert!(!st.values.contains_key("quiet"));
    }

    #[test]
    fn errors_are_pflags() {
        assert_eq!(run(&["--foo"], true).0, Err("unknown flag: --foo".into()));
        assert_eq!(run(&["-az"], true).0, Err("unknown shorthand flag: 'z' in -z".into()));
        assert_eq!(run(&["-n"], true).0, Err("flag needs an argument: 'n' in -n".into()));
        assert_eq!(run(&["--last"], true).0, Err("flag needs an argument: --last".into()));
        assert_eq!(run(&["---x"], true).0, Err("bad flag syntax: ---x".into()));
        assert_eq!(
            run(&["-n", "x"], true).0,
            Err("invalid argument \"x\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"x\": invalid syntax".into())
        );
        assert_eq!(
            run(&["--all=maybe"], true).0,
            Err("invalid argument \"maybe\" for \"-a, --all\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax".into())
        );
    }

    #[test]
    fn help_shorthand_is_deprecated() {
        let (r, st) = run(&["-h"], true);
        assert!(r.is_ok());
        assert_eq!(st.help, Some(true));
        assert_eq!(
            st.notices,
            vec!["Flag shorthand -h has been deprecated, use --help".to_string()]
        );
    }
}
