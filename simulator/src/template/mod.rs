//! Go's `text/template`, as Docker uses it for `--format` and `inspect -f`, over `serde_json::Value`
//! data.
//!
//! Supported: text and actions, `{{- trim -}}` markers, comments, fields (`.A.B`), variables
//! (`$x := …`, `$x = …`, `$`), pipelines with arguments, parentheses, string/raw/char/number/bool
//! literals, `nil`, `if`/`else if`/`else`/`with`/`else with`/`range` (arrays, maps in sorted key
//! order, integers; `$i, $v :=`; `else`), `break`/`continue`, `define`/`template`/`block`; Go's
//! builtins (`and or not len index slice print printf println eq ne lt le gt ge html js urlquery
//! call`) and Docker's (`json split join title lower upper pad truncate`, plus their header
//! variants). Parse and execution errors carry Go's exact text. Complex numbers are rejected.
//!
//! ## Data model and the choices made
//!
//! Data is a JSON value, so a template sees what Go sees for JSON decoded into `interface{}`:
//! objects are `map[string]interface {}`, arrays `[]interface {}`, JSON integers `int64`, other
//! numbers `float64`. Printing follows `fmt`: strings raw, `[a b c]`, `map[k:v]` with sorted keys,
//! `<nil>` for a null inside a container, and `<no value>` for a missing key or a null result.
//!
//! What a missing field does depends on what the data stands for, so it is an option
//! ([`ExecOptions`]):
//! - Go's default for maps (`missingkey=default`): `<no value>` ([`MissingKey::Default`]); this is
//!   what Docker's table headers get, and what a template over decoded JSON prints;
//! - `missingkey=error` ([`MissingKey::Error`]): `map has no entry for key "Foo"`. `docker inspect -f`
//!   runs the template on the typed Go struct first and, if that fails (as it does for an unknown
//!   field), again on the raw JSON with this option, so its error for `{{.Foo}}` is
//!   `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`. Use this option for
//!   inspect;
//! - a Go struct (`struct_type: Some("*formatter.ContainerContext")`): the top-level object stands
//!   for Docker's row type of `docker ps`/`images`/…, so an unknown field is
//!   `can't evaluate field Foo in type *formatter.ContainerContext`, and an object-valued field
//!   called with one string argument acts like the `Label "key"` methods (`{{.Label "com.x"}}`).
//!
//! Known differences with typed Go data: a nested object prints as `map[…]` (Go prints a struct as
//! `{…}`), a null prints `<no value>` (a typed nil slice would print `[]`), `json` keeps the object's
//! key order (typed structs do; Go sorts real maps), a JSON array of strings is accepted where a
//! `[]string` is expected (`join .Config.Env ","`), and `index` of a missing key in an object whose
//! values are all strings gives `""` (Docker's labels are `map[string]string`).
//!
//! Execution is bounded: at most [`ExecOptions::max_steps`] nodes, calls and iterations, at most
//! [`ExecOptions::max_output`] bytes of output, `{{template}}` recursion at most 100 deep, and
//! parentheses or blocks nested at most 100 deep (the parser rejects deeper ones with Go's
//! `max expression depth exceeded`).

mod ast;
mod exec;
mod funcs;
mod lex;
mod number;
mod parse;
mod printf;
mod value;

#[cfg(test)]
mod tests;

pub use funcs::row_json;

use serde_json::Value;

/// What a field lookup on a map does when the key is missing (Go's `missingkey` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingKey {
    /// `<no value>` (Go's default).
    Default,
    /// An error: `map has no entry for key "Foo"` (Go's `missingkey=error`).
    Error,
}

/// How to execute a template.
#[derive(Clone, Debug)]
pub struct ExecOptions {
    /// Behaviour for missing map keys.
    pub missing_key: MissingKey,
    /// When set, the top-level object stands for a Go struct of this type name (for error messages
    /// such as `can't evaluate field Foo in type *formatter.ContainerContext`).
    pub struct_type: Option<String>,
    /// Use Docker's header functions (`json`, `split`, `join`, `title`, `lower`, `upper`, `truncate`
    /// return their first argument) as docker/cli does when it renders a table header.
    pub header_funcs: bool,
    /// Largest output, in bytes, before execution stops with an error.
    pub max_output: usize,
    /// Largest number of steps (nodes walked, calls, iterations) before execution stops.
    pub max_steps: u64,
}

impl Default for ExecOptions {
    fn default() -> Self {
        ExecOptions {
            missing_key: MissingKey::Default,
            struct_type: None,
            header_funcs: false,
            max_output: 1 << 20,
            max_steps: 100_000,
        }
    }
}

impl ExecOptions {
    /// Options for `docker inspect -f` (Go's `missingkey=error` on the raw JSON).
    pub fn inspect() -> ExecOptions {
        ExecOptions { missing_key: MissingKey::Error, ..ExecOptions::default() }
    }

    /// Options for a row of a Docker listing whose Go type is `struct_type`
    /// (e.g. `*formatter.ContainerContext`).
    pub fn for_struct(struct_type: &str) -> ExecOptions {
        ExecOptions { struct_type: Some(struct_type.to_string()), ..ExecOptions::default() }
    }
}

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateErrorKind {
    /// The template text is invalid (`template: :1: …`).
    Parse,
    /// Execution failed (`template: :1:2: executing "" at <…>: …`).
    Exec,
    /// Execution hit a Muelle safety limit (steps or output size).
    Limit,
}

/// A template error; `Display` gives Go's message, which Docker prints after its own prefix
/// (`template parsing error: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub kind: TemplateErrorKind,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TemplateError {}

/// A parsed template.
#[derive(Clone, Debug)]
pub struct Template {
    source: String,
    trees: parse::Trees,
}

/// Parses `src` with Docker's function set (`templates.Parse` in docker/cli).
pub fn parse(src: &str) -> Result<Template, TemplateError> {
    match parse::parse(src, &funcs::exists) {
        Ok(trees) => Ok(Template { source: src.to_string(), trees }),
        Err(message) => Err(TemplateError { kind: TemplateErrorKind::Parse, message }),
    }
}

impl Template {
    /// The text the template was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Executes with the default options (Go's defaults: missing keys print `<no value>`).
    pub fn execute(&self, data: &Value) -> Result<String, TemplateError> {
        self.execute_with(data, &ExecOptions::default())
    }

    /// Executes with `opts`.
    pub fn execute_with(&self, data: &Value, opts: &ExecOptions) -> Result<String, TemplateError> {
        let mut out = String::new();
        self.execute_into(data, opts, &mut out)?;
        Ok(out)
    }

    /// Executes with `opts`, appending to `out`. On error, the output written before the error
    /// stays in `out` (Go writes as it goes; Docker's table header relies on it).
    pub fn execute_into(&self, data: &Value, opts: &ExecOptions, out: &mut String) -> Result<(), TemplateError> {
        exec::execute(&self.trees, &self.source, data, opts, out).map_err(|e| TemplateError {
            kind: if e.limit { TemplateErrorKind::Limit } else { TemplateErrorKind::Exec },
            message: e.message,
        })
    }
}
