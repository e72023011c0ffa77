//! GNU-style option parsing (`getopt_long` with argument permutation): `-la`, `-n 5`, `-n5`,
//! `--lines=5`, `--lines 5`, `--` ends options, `-` is an operand.

/// The options a command accepts.
pub(super) struct Spec<'a> {
    /// Short options without a value.
    pub flags: &'a str,
    /// Short options that take a value.
    pub valued: &'a str,
    /// Long options: name, the short option it stands for, whether it takes a value.
    pub long: &'a [(&'a str, char, bool)],
}

/// Parsed options, in the order given, and the operands.
#[derive(Debug, Default)]
pub(super) struct Opts {
    pub flags: Vec<(char, Option<String>)>,
    pub operands: Vec<String>,
}

impl Opts {
    pub(super) fn has(&self, c: char) -> bool {
        self.flags.iter().any(|(f, _)| *f == c)
    }

    /// The last value given to a valued option.
    pub(super) fn value(&self, c: char) -> Option<&str> {
        self.flags.iter().rev().find(|(f, _)| *f == c).and_then(|(_, v)| v.as_deref())
    }
}

/// Why the options were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum OptError {
    Invalid(char),
    MissingValue(char),
    Unrecognized(String),
    Ambiguous(String),
    LongMissingValue(String),
    LongTakesNoValue(String),
}

impl OptError {
    /// The message GNU getopt prints after `prog: `.
    pub(super) fn message(&self) -> String {
        match self {
            OptError::Invalid(c) => format!("invalid option -- '{c}'"),
            OptError::MissingValue(c) => format!("option requires an argument -- '{c}'"),
            OptError::Unrecognized(arg) => format!("unrecognized option '{arg}'"),
            OptError::Ambiguous(arg) => format!("option '{arg}' is ambiguous"),
            OptError::LongMissingValue(name) => format!("option '--{name}' requires an argument"),
            OptError::LongTakesNoValue(name) => format!("option '--{name}' doesn't allow an argument"),
        }
    }
}

/// Parses `args` (without the command name).
pub(super) fn parse(args: &[String], spec: &Spec<'_>) -> Result<Opts, OptError> {
    let mut opts = Opts::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            opts.operands.extend(iter.cloned());
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = spec.long.iter().find(|(n, _, _)| *n == name);
            let candidates: Vec<&(&str, char, bool)> = spec.long.iter().filter(|(n, _, _)| n.starts_with(name)).collect();
            let option = match (exact, candidates.as_slice()) {
                (Some(o), _) => o,
                (None, [only]) => *only,
                (None, []) => return Err(OptError::Unrecognized(arg.clone())),
                (None, _) => return Err(OptError::Ambiguous(format!("--{name}"))),
            };
            let (full, short, takes_value) = *option;
            let value = match (takes_value, inline) {
                (true, Some(v)) => Some(v),
                (true, None) => Some(iter.next().cloned().ok_or_else(|| OptError::LongMissingValue(full.to_string()))?),
                (false, Some(_)) => return Err(OptError::LongTakesNoValue(full.to_string())),
                (false, None) => None,
            };
            opts.flags.push((short, value));
            continue;
        }
        let Some(cluster) = arg.strip_prefix('-').filter(|c| !c.is_empty()) else {
            opts.operands.push(arg.clone());
            continue;
        };
        for (pos, c) in cluster.char_indices() {
            if spec.flags.contains(c) {
                opts.flags.push((c, None));
            } else if spec.valued.contains(c) {
                let rest = cluster.get(pos + c.len_utf8()..).unwrap_or("");
                let value = if rest.is_empty() {
                    iter.next().cloned().ok_or(OptError::MissingValue(c))?
                } else {
                    rest.to_string()
                };
                opts.flags.push((c, Some(value)));
                break;
            } else {
                return Err(OptError::Invalid(c));
            }
        }
    }
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec<'static> = Spec { flags: "la", valued: "n", long: &[("lines", 'n', true), ("all", 'a', false)] };

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_clusters_values_and_permuted_operands() {
        let opts = parse(&args(&["x", "-la", "-n5", "y", "--lines=7", "--", "-z"]), &SPEC).unwrap_or_default();
        assert!(opts.has('l') && opts.has('a'));
        assert_eq!(opts.value('n'), Some("7"));
        assert_eq!(opts.operands, ["x", "y", "-z"]);
        let opts = parse(&args(&["-n", "3", "-", "--al"]), &SPEC).unwrap_or_default();
        assert_eq!(opts.value('n'), Some("3"));
        assert!(opts.has('a'));
        assert_eq!(opts.operands, ["-"]);
    }

    #[test]
    fn reports_errors_like_getopt() {
        assert_eq!(parse(&args(&["-z"]), &SPEC).map(|_| ()), Err(OptError::Invalid('z')));
        assert_eq!(parse(&args(&["-n"]), &SPEC).map(|_| ()), Err(OptError::MissingValue('n')));
        assert_eq!(
            parse(&args(&["--nope"]), &SPEC).map_err(|e| e.message()).map(|_| ()),
            Err("unrecognized option '--nope'".to_string())
        );
        assert_eq!(
            parse(&args(&["--lines"]), &SPEC).map_err(|e| e.message()).map(|_| ()),
            Err("option '--lines' requires an argument".to_string())
        );
    }
}
