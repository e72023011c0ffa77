//! Reading one compose file's YAML into a tree, with the errors Compose (go-yaml v3) prints.
//!
//! The tree is a `serde_json::Value` (the workspace keeps insertion order): mapping keys become
//! strings, tags are dropped, `<<` merge keys are applied.

use serde_json::{Map, Number, Value};

use super::error::{ComposeError, ErrorKind};

/// Parses `text` (the file at absolute path `file`).
pub fn parse(text: &str, file: &str) -> Result<Value, ComposeError> {
    let mut doc: yaml_serde::Value = match yaml_serde::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(yaml_error(&e.to_string(), text, file)),
    };
    if let Err(e) = doc.apply_merge() {
        return Err(ComposeError::new(ErrorKind::Yaml, format!("yaml: {}", strip_position(&e.to_string()))).at(file, None));
    }
    match convert(doc, 0) {
        Value::Null => Err(ComposeError::new(ErrorKind::EmptyFile, "empty compose file").at(file, None)),
        Value::Object(m) => Ok(Value::Object(m)),
        _ => Err(ComposeError::new(ErrorKind::Schema, "Top-level object must be a mapping").at(file, None)),
    }
}

/// Nesting beyond this is cut (the YAML parser already refuses much deeper documents).
const MAX_DEPTH: usize = 200;

fn convert(v: yaml_serde::Value, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    match v {
        yaml_serde::Value::Null => Value::Null,
        yaml_serde::Value::Bool(b) => Value::Bool(b),
        yaml_serde::Value::Number(n) => number(&n),
        yaml_serde::Value::String(s) => Value::String(s),
        yaml_serde::Value::Sequence(seq) => Value::Array(seq.into_iter().map(|x| convert(x, depth + 1)).collect()),
        yaml_serde::Value::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(key_string(&k), convert(v, depth + 1));
            }
            Value::Object(out)
        }
        yaml_serde::Value::Tagged(t) => convert(t.value, depth + 1),
    }
}

fn number(n: &yaml_serde::Number) -> Value {
    if let Some(i) = n.as_i64() {
        return Value::Number(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Value::Number(u.into());
    }
    match n.as_f64().and_then(Number::from_f64) {
        Some(f) => Value::Number(f),
        None => Value::String(n.to_string()),
    }
}

fn key_string(k: &yaml_serde::Value) -> String {
    match k {
        yaml_serde::Value::String(s) => s.clone(),
        yaml_serde::Value::Bool(b) => b.to_string(),
        yaml_serde::Value::Number(n) => n.to_string(),
        yaml_serde::Value::Null => "null".to_string(),
        yaml_serde::Value::Tagged(t) => key_string(&t.value),
        other => yaml_serde::to_string(other).unwrap_or_default().trim().to_string(),
    }
}

fn strip_position(msg: &str) -> &str {
    msg.split(" at line ").next().unwrap_or(msg).split(" at position ").next().unwrap_or(msg)
}

/// `(line, column)` (1-based) of the first `at line L column C` in `s`.
fn mark_in(s: &str) -> Option<(usize, usize)> {
    let rest = s.split(" at line ").nth(1)?;
    let mut words = rest.split_whitespace();
    let line = words.next()?.parse().ok()?;
    let _ = words.next();
    let col = words.next().map(|w| w.trim_end_matches(',')).and_then(|w| w.parse().ok()).unwrap_or(1);
    Some((line, col))
}

/// Turns the YAML library's message (libyaml's problem, mark and context) into go-yaml's:
/// `yaml: line N: PROBLEM`, where N is the context's 0-based line for parser errors and the
/// 1-based one for scanner errors (go-yaml's own quirk).
fn yaml_error(display: &str, text: &str, file: &str) -> ComposeError {
    if let Some((_, rest)) = display.split_once("duplicate entry with key ") {
        return duplicate_key(rest, text, file);
    }
    let (problem_part, context_part) = match display.split_once(", while ") {
        Some((p, c)) => (p, Some(format!("while {c}"))),
        None => (display, None),
    };
    let problem = strip_position(problem_part).to_string();
    let problem_line0 = mark_in(problem_part).map_or(0, |(l, _)| l.saturating_sub(1));
    let scanner = match &context_part {
        Some(c) => c.starts_with("while scanning"),
        None => !problem.starts_with("did not find expected"),
    };
    let context_line0 = match &context_part {
        Some(c) => mark_in(c).map_or(problem_line0, |(l, _)| l.saturating_sub(1)),
        None => 0,
    };
    let line = if context_line0 != 0 {
        context_line0 + usize::from(scanner)
    } else if problem_line0 != 0 {
        problem_line0 + usize::from(scanner)
    } else {
        0
    };
    let message = if line != 0 { format!("yaml: line {line}: {problem}") } else { format!("yaml: {problem}") };
    let shown_line = if problem_line0 != 0 || line != 0 { Some(problem_line0 + 1) } else { None };
    ComposeError::new(ErrorKind::Yaml, message).at(file, shown_line)
}

/// `failed to parse FILE: line 4: mapping key "image" already defined at line 3`.
fn duplicate_key(rest: &str, text: &str, file: &str) -> ComposeError {
    let key = rest.split(" at line ").next().unwrap_or(rest).trim().trim_matches('"').to_string();
    let lines: Vec<&str> = text.lines().collect();
    // The library marks the mapping; find the two lines that define the key inside it.
    let start = mark_in(rest).map_or(1, |(l, _)| l).max(1);
    let is_key_line = |l: &str, indent: usize| {
        let trimmed = l.trim_start();
        let this_indent = l.len() - trimmed.len();
        this_indent == indent
            && (trimmed.strip_prefix(key.as_str()).is_some_and(|r| r.trim_start().starts_with(':'))
                || trimmed.strip_prefix(&format!("\"{key}\"")).is_some_and(|r| r.trim_start().starts_with(':'))
                || trimmed.strip_prefix(&format!("'{key}'")).is_some_and(|r| r.trim_start().starts_with(':')))
    };
    let mut found: Option<(usize, usize)> = None;
    'outer: for (i, l) in lines.iter().enumerate().skip(start.saturating_sub(1)) {
        let trimmed = l.trim_start();
        let indent = l.len() - trimmed.len();
        if !is_key_line(l, indent) {
            continue;
        }
        for (j, m) in lines.iter().enumerate().skip(i + 1) {
            let t = m.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let ind = m.len() - t.len();
            if ind < indent {
                continue 'outer;
            }
            if is_key_line(m, indent) {
                found = Some((i + 1, j + 1));
                break 'outer;
            }
        }
    }
    let (first, second) = found.unwrap_or((start, start));
    ComposeError::new(
        ErrorKind::DuplicateKey,
        format!("failed to parse {file}: line {second}: mapping key \"{key}\" already defined at line {first}"),
    )
    .at(file, Some(second))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match parse(text, "/p/compose.yaml") {
            Err(e) => e.message,
            Ok(v) => format!("ok {v}"),
        }
    }

    #[test]
    fn go_yaml_line_numbers() {
        assert_eq!(err("services:\n  web:\n    image: busybox\n   ports: x\n"), "yaml: line 1: did not find expected key");
        assert_eq!(err("services:\n  web:\n    image: \"busybox\n"), "yaml: line 3: found unexpected end of stream");
        assert_eq!(err("\tservices:\n"), "yaml: found character that cannot start any token");
        assert_eq!(err(""), "empty compose file");
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        assert_eq!(
            err("services:\n  web:\n    image: busybox\n    image: nginx\n"),
            "failed to parse /p/compose.yaml: line 4: mapping key \"image\" already defined at line 3"
        );
        assert_eq!(
            err("services:\n  web:\n    image: busybox\n  web:\n    image: x\n"),
            "failed to parse /p/compose.yaml: line 4: mapping key \"web\" already defined at line 2"
        );
    }
}
