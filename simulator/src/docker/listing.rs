//! `--format` for listing commands, on top of [`crate::format::formatter`]: each command names the
//! Go type of its rows and the words its CLI puts before template errors.

use serde_json::{Map, Value};

use crate::cli::Invocation;
use crate::format::formatter::{is_table, json_lines, prepare_format, render_header};
use crate::format::table::tabwrite;
use crate::template::{self, ExecOptions};

/// The template a listing prints: `--format` as given, or `table` (and no `--format`) meaning the
/// command's default `table_format`.
pub fn format_or(inv: &Invocation, table_format: &str) -> String {
    match inv.str("format").filter(|f| !f.is_empty()) {
        Some("table") | None => table_format.to_string(),
        Some(f) => f.to_string(),
    }
}

/// As [`format_or`], for commands with `-q`/`--quiet`, which prints `quiet_format` (the IDs or
/// names) whatever `--format` says.
pub fn quiet_or_format(inv: &Invocation, quiet_format: &str, table_format: &str) -> String {
    if inv.bool("quiet") {
        quiet_format.to_string()
    } else {
        format_or(inv, table_format)
    }
}

/// A template that failed: the CLI's message and exit code, and what was printed before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingError {
    pub message: String,
    pub exit_code: i32,
    /// Standard output written before the failure.
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

impl<'a> Listing<'a> {
    /// A listing whose CLI reports template errors as `template parsing error: …` (most commands).
    pub fn new(row_type: &'a str, headers: &'a [(&'a str, &'a str)]) -> Listing<'a> {
        Listing { row_type, headers, parse_prefix: "template parsing error: ", exec_prefix: "template parsing error: " }
    }

    /// Renders `rows` into `out`, or prints the template error with the CLI's exit code.
    pub fn print(&self, format: &str, rows: &[Value], out: &mut crate::output::Output) {
        match self.render(format, rows) {
            Ok(text) => out.out(text),
            Err(e) => crate::docker::errors::template_error(out, &e),
        }
    }

    /// Renders `rows` with `format` (`table …`, `json` or a Go template).
    pub fn render(&self, format: &str, rows: &[Value]) -> Result<String, ListingError> {
        if format == "json" {
            return Ok(json_lines(rows));
        }
        let error = |prefix: &str, e: template::TemplateError| ListingError {
            message: format!("{prefix}{e}"),
            exit_code: 1,
            partial: String::new(),
        };
        let t = template::parse(&prepare_format(format)).map_err(|e| error(self.parse_prefix, e))?;
        let opts = ExecOptions::for_struct(self.row_type);
        let mut body = String::new();
        for r in rows {
            t.execute_into(r, &opts, &mut body).map_err(|e| error(self.exec_prefix, e))?;
            body.push('\n');
        }
        if is_table(format).is_none() {
            return Ok(body);
        }
        let header: Map<String, Value> =
            self.headers.iter().map(|(k, v)| ((*k).to_string(), Value::String((*v).to_string()))).collect();
        let mut all = render_header(&t, &Value::Object(header), &opts);
        all.push('\n');
        all.push_str(&body);
        Ok(tabwrite(&all))
    }
}
