//! `--format` handling shared by every listing command (docker/cli `formatter.Context`):
//! `table …` templates get a header row and the tabwriter, `json` prints one object per line,
//! anything else is a plain Go template executed once per row.

use serde_json::{Map, Value};

use crate::format::table::tabwrite;
use crate::template;

/// A template that failed: the CLI's message and exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingError {
    pub message: String,
    pub exit_code: i32,
}

/// docker/cli turns the two-character sequences `\t` and `\n` of a format into real characters.
fn unescape(format: &str) -> String {
    format.replace("\\t", "\t").replace("\\n", "\n")
}

fn parse(src: &str) -> Result<template::Template, ListingError> {
    template::parse(src).map_err(|e| ListingError { message: format!("template parsing error: {e}"), exit_code: 64 })
}

fn exec(t: &template::Template, v: &Value) -> Result<String, ListingError> {
    t.execute(v).map_err(|e| ListingError { message: e.to_string(), exit_code: 1 })
}

/// Renders `rows` with `format`. `headers` maps each field to its column title.
pub fn render(format: &str, headers: &[(&str, &str)], rows: &[Value]) -> Result<String, ListingError> {
    if format == "json" {
        let mut s = String::new();
        for r in rows {
            s.push_str(&crate::format::go_json::marshal(&sorted(r)));
            s.push('\n');
        }
        return Ok(s);
    }
    let (is_table, body) = match format.strip_prefix("table") {
        Some(rest) => (true, rest.trim_start_matches(' ').to_string()),
        None => (false, format.to_string()),
    };
    let body = unescape(&body);
    let t = parse(&body)?;
    let mut text = String::new();
    if is_table {
        let header: Map<String, Value> = headers.iter().map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string()))).collect();
        let head = exec(&t, &Value::Object(header))?;
        if !head.is_empty() {
            text.push_str(&head);
            text.push('\n');
        }
    }
    for r in rows {
        text.push_str(&exec(&t, r)?);
        text.push('\n');
    }
    Ok(if is_table { tabwrite(&text) } else { text })
}

/// Executes a template once per object (`docker inspect -f`), one line each.
pub fn execute_each(format: &str, values: &[Value]) -> Result<String, ListingError> {
    if format == "json" {
        let mut s = String::new();
        for v in values {
            s.push_str(&crate::format::go_json::marshal(v));
            s.push('\n');
        }
        return Ok(s);
    }
    let t = parse(&unescape(format))?;
    let mut s = String::new();
    for v in values {
        s.push_str(&exec(&t, v)?);
        s.push('\n');
    }
    Ok(s)
}

fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(keys.into_iter().map(|k| (k.clone(), m.get(k).cloned().unwrap_or(Value::Null))).collect())
        }
        other => other.clone(),
    }
}
