//! Variable substitution in compose files (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
//! `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`), as compose-go does it.
//!
//! `$$` becomes a single `$` in the loaded model; `config` writes it back as `$$`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::error::{ComposeError, ErrorKind};

/// What interpolation reads and what it reports.
pub struct Interpolator<'a> {
    pub env: &'a BTreeMap<String, String>,
    /// Variables used but not set, in order of first use (each warned once).
    pub missing: Vec<String>,
    seen: BTreeSet<String>,
}

/// Why a string could not be interpolated.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    Invalid,
    Required { name: String, message: String },
}

/// Deeper `${…${…}}` nesting than this is refused as invalid.
const MAX_NESTING: usize = 32;

impl<'a> Interpolator<'a> {
    pub fn new(env: &'a BTreeMap<String, String>) -> Self {
        Self { env, missing: Vec::new(), seen: BTreeSet::new() }
    }

    /// Interpolates every string value of `tree` (keys are left alone). `path` names the value in
    /// errors (`services.web.image`).
    pub fn tree(&mut self, tree: &mut Value, path: &str) -> Result<(), ComposeError> {
        match tree {
            Value::String(s) => {
                let new = self.string(s, path)?;
                *s = new;
            }
            Value::Array(items) => {
                for item in items.iter_mut() {
                    self.tree(item, path)?;
                }
            }
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    let sub = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    self.tree(v, &sub)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Interpolates one string.
    pub fn string(&mut self, s: &str, path: &str) -> Result<String, ComposeError> {
        match self.expand(s, 0) {
            Ok(v) => Ok(v),
            Err(Failure::Invalid) => Err(ComposeError::new(
                ErrorKind::Interpolation,
                format!("invalid interpolation format for {path}.\nYou may need to escape any $ with another $.\n{s}"),
            )),
            Err(Failure::Required { name, message }) => {
                let tail = if message.is_empty() { String::new() } else { format!(": {message}") };
                Err(ComposeError::new(
                    ErrorKind::Interpolation,
                    format!("error while interpolating {path}: required variable {name} is missing a value{tail}"),
                ))
            }
        }
    }

    fn lookup(&mut self, name: &str) -> Option<String> {
        self.env.get(name).cloned()
    }

    fn warn_missing(&mut self, name: &str) {
        if self.seen.insert(name.to_string()) {
            self.missing.push(name.to_string());
        }
    }

    fn expand(&mut self, s: &str, depth: usize) -> Result<String, Failure> {
        if depth > MAX_NESTING {
            return Err(Failure::Invalid);
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if c != '$' {
                out.push(c);
                i += 1;
                continue;
            }
            match chars.get(i + 1) {
                Some('$') => {
                    out.push('$');
                    i += 2;
                }
                Some('{') => {
                    let close = matching_brace(&chars, i + 1).ok_or(Failure::Invalid)?;
                    let inner: String = chars.get(i + 2..close).map(|c| c.iter().collect()).unwrap_or_default();
                    out.push_str(&self.braced(&inner, depth)?);
                    i = close + 1;
                }
                Some(&n) if n == '_' || n.is_ascii_alphabetic() => {
                    let mut j = i + 1;
                    while chars.get(j).is_some_and(|c| *c == '_' || c.is_ascii_alphanumeric()) {
                        j += 1;
                    }
                    let name: String = chars.get(i + 1..j).map(|c| c.iter().collect()).unwrap_or_default();
                    match self.lookup(&name) {
                        Some(v) => out.push_str(&v),
                        None => self.warn_missing(&name),
                    }
                    i = j;
                }
                // A lone `$` (at the end, before a space or a digit) stays as it is.
                _ => {
                    out.push('$');
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    /// The inside of `${…}`.
    fn braced(&mut self, inner: &str, depth: usize) -> Result<String, Failure> {
        let name_len = inner.char_indices().find(|(_, c)| !(*c == '_' || c.is_ascii_alphanumeric())).map_or(inner.len(), |(i, _)| i);
        let name = inner.get(..name_len).unwrap_or_default();
        let rest = inner.get(name_len..).unwrap_or_default();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(Failure::Invalid);
        }
        let value = self.lookup(name);
        let (op, arg) = if let Some(a) = rest.strip_prefix(":-") {
            (":-", a)
        } else if let Some(a) = rest.strip_prefix(":?") {
            (":?", a)
        } else if let Some(a) = rest.strip_prefix(":+") {
            (":+", a)
        } else if let Some(a) = rest.strip_prefix('-') {
            ("-", a)
        } else if let Some(a) = rest.strip_prefix('?') {
            ("?", a)
        } else if let Some(a) = rest.strip_prefix('+') {
            ("+", a)
        } else if rest.is_empty() {
            ("", "")
        } else {
            return Err(Failure::Invalid);
        };
        let set_nonempty = value.as_deref().is_some_and(|v| !v.is_empty());
        match op {
            "" => Ok(value.unwrap_or_else(|| {
                self.warn_missing(name);
                String::new()
            })),
            ":-" if set_nonempty => Ok(value.unwrap_or_default()),
            "-" if value.is_some() => Ok(value.unwrap_or_default()),
            ":-" | "-" => self.expand(arg, depth + 1),
            ":+" if set_nonempty => self.expand(arg, depth + 1),
            "+" if value.is_some() => self.expand(arg, depth + 1),
            ":+" | "+" => Ok(String::new()),
            ":?" if set_nonempty => Ok(value.unwrap_or_default()),
            "?" if value.is_some() => Ok(value.unwrap_or_default()),
            _ => {
                let message = self.expand(arg, depth + 1)?;
                Err(Failure::Required { name: name.to_string(), message })
            }
        }
    }
}

/// Index of the `}` closing the `{` at `open`, counting nested `${`.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while let Some(&c) = chars.get(i) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, env: &[(&str, &str)]) -> (Result<String, String>, Vec<String>) {
        let env: BTreeMap<String, String> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut i = Interpolator::new(&env);
        let r = i.string(s, "services.web.image").map_err(|e| e.message);
        (r, i.missing)
    }

    #[test]
    fn forms() {
        let env = [("A", "a"), ("E", "")];
        assert_eq!(run("x${A}y$A", &env).0, Ok("xaya".into()));
        assert_eq!(run("${E:-d} ${E-d} ${U-d} ${U:-${A}}", &env).0, Ok("d  d a".into()));
        assert_eq!(run("${A:+alt}|${E:+alt}|${E+alt}", &env).0, Ok("alt||alt".into()));
        assert_eq!(run("$$HOME", &env).0, Ok("$HOME".into()));
        assert_eq!(run("${U}${U}$U", &env).1, vec!["U".to_string()]);
    }

    #[test]
    fn errors_as_compose_prints_them() {
        assert_eq!(
            run("busybox:${V:?falta V}", &[]).0,
            Err("error while interpolating services.web.image: required variable V is missing a value: falta V".into())
        );
        assert_eq!(
            run("busybox:${", &[]).0,
            Err("invalid interpolation format for services.web.image.\nYou may need to escape any $ with another $.\nbusybox:${".into())
        );
    }
}
