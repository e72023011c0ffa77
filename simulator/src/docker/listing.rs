//! `--format` handling shared by every listing command (docker/cli `formatter.Context`):
//! `table …` templates get a header row and the tabwriter, `json` prints one object per line,
//! anything else is a plain Go template executed once per row.

use serde_json::{Map, Value};

use crate::format::table::tabwrite;
use crate::template::{self, ExecOptions, TemplateErrorKind};

/// A template that failed: the CLI's message and exit code, and what was printed before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingError {
    pub message: String,
    pub exit_code: i32,
    /// Standard output written before the failure (Go writes as it executes).
    pub partial: String,
}

/// How a listing command reports template errors and which Go type its rows stand for.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    /// Go type of a row, for `can't evaluate field X in type …` (`*formatter.ContainerContext`).
    pub row_type: &'a str,
    /// Column titles by field name.
    pub headers: &'a [(&'a str, &'a str)],
    /// Prefixes of parse and execution errors (`failed to parse template: `…).
    pub parse_prefix: &'a str,
    pub exec_prefix: &'a str,
}

/// docker/cli turns the two-character sequences `\t` and `\n` of a format into real characters.
fn unescape(format: &str) -> String {
    format.replace("\\t", "\t").replace("\\n", "\n")
}

impl Listing<'_> {
    /// Renders `rows` with `format`.
    pub fn render(&self, format: &str, rows: &[Value]) -> Result<String, ListingError> {
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
        let t = template::parse(&unescape(&body)).map_err(|e| ListingError {
            message: format!("{}{e}", self.parse_prefix),
            exit_code: 1,
            partial: String::new(),
        })?;
        let mut text = String::new();
        if is_table {
            let header: Map<String, Value> =
                self.headers.iter().map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string()))).collect();
            let opts = ExecOptions { header_funcs: true, ..ExecOptions::for_struct(self.row_type) };
            let mut head = String::new();
            let _ = t.execute_into(&Value::Object(header), &opts, &mut head);
            if !head.is_empty() {
                text.push_str(&head);
                text.push('\n');
            }
        }
        let opts = ExecOptions::for_struct(self.row_type);
        for r in rows {
            if let Err(e) = t.execute_into(r, &opts, &mut text) {
                return Err(ListingError { message: format!("{}{e}", self.exec_prefix), exit_code: 1, partial: String::new() });
            }
            text.push('\n');
        }
        Ok(if is_table { tabwrite(&text) } else { text })
    }
}

/// Executes a template once per object (`docker inspect -f`), one line each, on the raw JSON
/// (missing keys are errors). Parse errors exit 64; execution errors exit 1 after the partial line.
pub fn execute_each(format: &str, values: &[Value]) -> Result<String, ListingError> {
    if format == "json" {
        let mut s = String::new();
        for v in values {
            s.push_str(&crate::format::go_json::marshal(v));
            s.push('\n');
        }
        return Ok(s);
    }
    let t = template::parse(&unescape(format))
        .map_err(|e| ListingError { message: format!("template parsing error: {e}"), exit_code: 64, partial: String::new() })?;
    let mut s = String::new();
    for v in values {
        if let Err(e) = t.execute_into(v, &ExecOptions::inspect(), &mut s) {
            s.push('\n');
            let exit_code = if e.kind == TemplateErrorKind::Parse { 64 } else { 1 };
            return Err(ListingError { message: format!("template parsing error: {e}"), exit_code, partial: s });
        }
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
