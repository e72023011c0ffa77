//! Docker's `--format` machinery: `formatter.Context.Write` (listings: `ps`, `images`, `volume ls`…)
//! and `inspect.Inspect` (`docker inspect`, `-f`, `--format json`), from docker/cli 28
//! (`cli/command/formatter/formatter.go`, `cli/command/inspect/inspector.go`).
//!
//! Listing rules reproduced:
//! - a format starting with `table` drops that word; the format `json` becomes `{{json .}}` over
//!   each row with its keys sorted (Docker marshals rows as maps, with `json.Marshal`'s HTML escaping);
//! - spaces around the format are trimmed, the two-character sequences `\t` and `\n` become a tab and
//!   a newline;
//! - each row is executed and followed by `\n`; any error aborts with nothing printed and the message
//!   `template parsing error: <Go error>` (Docker wraps execution errors with the same words);
//! - for tables, the template is executed once more against the header map (column titles by
//!   field name) with Docker's header functions; that header output is kept even when execution
//!   fails half-way; header, `\n` and rows then go through the table writer.

use serde_json::Value;

use super::go_json;
use super::table::tabwrite;
use crate::template::{self, ExecOptions, MissingKey, Template};

/// The template text of a `table …` format (what follows the `table` keyword), or `None`.
pub fn is_table(format: &str) -> Option<&str> {
    format.strip_prefix("table")
}

/// Docker's `preFormat`: the template text actually parsed for a listing format.
pub fn prepare_format(format: &str) -> String {
    let body = if let Some(rest) = is_table(format) {
        rest
    } else if format == "json" {
        "{{json .}}"
    } else {
        format
    };
    replace_escapes(body.trim_matches(' '))
}

/// `strings.NewReplacer(`\t`, "\t", `\n`, "\n")`: one left-to-right pass.
fn replace_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        if let Some(tail) = after.strip_prefix('t') {
            out.push('\t');
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('n') {
            out.push('\n');
            rest = tail;
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The lines of `--format json`: one compact object per row, keys sorted, `<>&` escaped, and
/// object-valued entries (methods with an argument such as `Label`) left out, as Docker does.
pub fn json_lines(rows: &[Value]) -> String {
    let mut out = String::new();
    for row in rows {
        match row {
            Value::Object(m) => out.push_str(&template::row_json(m)),
            other => out.push_str(&go_json::compact(other, false)),
        }
        out.push('\n');
    }
    out
}

/// Renders a Docker listing: `format` as the user gave it (`table {{.ID}}\t{{.Names}}`, `json`,
/// `{{.ID}}`…), `header` the object of column titles by field name (`{"ID": "CONTAINER ID", …}`),
/// `rows` one object per row, executed with `row_opts` (typically
/// `ExecOptions::for_struct("*formatter.ContainerContext")`). Returns stdout, or Docker's error
/// message (`template parsing error: …`, printed on stderr; `docker ps` exits 1).
pub fn render_listing(format: &str, header: &Value, rows: &[Value], row_opts: &ExecOptions) -> Result<String, String> {
    if format == "json" {
        return Ok(json_lines(rows));
    }
    let text = prepare_format(format);
    let tmpl = template::parse(&text).map_err(|e| format!("template parsing error: {e}"))?;
    let mut body = String::new();
    for row in rows {
        tmpl.execute_into(row, row_opts, &mut body).map_err(|e| format!("template parsing error: {e}"))?;
        body.push('\n');
    }
    if is_table(format).is_none() {
        return Ok(body);
    }
    let mut all = render_header(&tmpl, header, row_opts);
    all.push('\n');
    all.push_str(&body);
    Ok(tabwrite(&all))
}

/// The header line of a table format (without its newline): the template executed against the
/// header titles with Docker's header functions; whatever was written before an error is kept.
pub fn render_header(tmpl: &Template, header: &Value, row_opts: &ExecOptions) -> String {
    let opts = ExecOptions {
        missing_key: MissingKey::Default,
        struct_type: None,
        header_funcs: true,
        max_output: row_opts.max_output,
        max_steps: row_opts.max_steps,
    };
    let mut out = String::new();
    let _ = tmpl.execute_into(header, &opts, &mut out);
    out
}

/// What `docker inspect` prints for a set of objects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectOutput {
    pub stdout: String,
    /// The errors, joined with newlines, for stderr (empty when none).
    pub stderr: String,
    pub exit_code: i32,
}

enum InspectKind {
    Indented,
    Json,
    Template(Template),
}

/// Docker's inspector (`inspect.Inspect`): feed it the objects found (and the lookup errors, in
/// argument order), then [`Inspector::finish`].
pub struct Inspector {
    kind: InspectKind,
    elements: Vec<Value>,
    buffer: String,
    errors: Vec<String>,
}

impl Inspector {
    /// An inspector for `format` (`""` for the indented JSON array, `json`, or a Go template).
    /// A template that does not parse gives `Err` with Docker's message; the command then exits
    /// with status 64 and prints nothing on stdout.
    pub fn new(format: &str) -> Result<Inspector, String> {
        let kind = match format {
            "" => InspectKind::Indented,
            "json" => InspectKind::Json,
            f => InspectKind::Template(template::parse(f).map_err(|e| format!("template parsing error: {e}"))?),
        };
        Ok(Inspector { kind, elements: Vec::new(), buffer: String::new(), errors: Vec::new() })
    }

    /// Adds one object's raw JSON (as the daemon returns it).
    pub fn inspect(&mut self, value: &Value) {
        match &self.kind {
            InspectKind::Indented | InspectKind::Json => self.elements.push(value.clone()),
            InspectKind::Template(t) => {
                let mut out = String::new();
                match t.execute_into(value, &ExecOptions::inspect(), &mut out) {
                    Ok(()) => {
                        self.buffer.push_str(&out);
                        self.buffer.push('\n');
                    }
                    Err(e) => self.errors.push(format!("template parsing error: {e}")),
                }
            }
        }
    }

    /// Records a lookup error (`Error: No such object: x`), reported after the output.
    pub fn error(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    /// Stdout (`[]` when nothing was found, a lone newline when a template printed nothing), the
    /// joined errors, and the exit code (1 when there was any error).
    pub fn finish(self) -> InspectOutput {
        let stdout = match self.kind {
            InspectKind::Indented => {
                if self.elements.is_empty() {
                    "[]\n".to_string()
                } else {
                    format!("{}\n", go_json::inspect_indent(&Value::Array(self.elements)))
                }
            }
            InspectKind::Json => {
                if self.elements.is_empty() {
                    "[]\n".to_string()
                } else {
                    format!("{}\n", go_json::compact(&Value::Array(self.elements), false))
                }
            }
            InspectKind::Template(_) => {
                if self.buffer.is_empty() {
                    "\n".to_string()
                } else {
                    self.buffer
                }
            }
        };
        let exit_code = if self.errors.is_empty() { 0 } else { 1 };
        InspectOutput { stdout, stderr: self.errors.join("\n"), exit_code }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ps_header() -> Value {
        json!({
            "ID": "CONTAINER ID", "Image": "IMAGE", "Command": "COMMAND", "RunningFor": "CREATED",
            "Status": "STATUS", "Ports": "PORTS", "Names": "NAMES", "Label": "LABEL"
        })
    }

    fn ps_rows() -> Vec<Value> {
        vec![
            json!({
                "ID": "3f2a1b9c8d7e", "Image": "nginx:1.27", "Command": "\"/docker-entrypoint.…\"",
                "RunningFor": "2 minutes ago", "Status": "Up 2 minutes",
                "Ports": "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", "Names": "web",
                "Label": {"com.example.tier": "<front>"}
            }),
            json!({
                "ID": "1c2d3e4f5a6b", "Image": "alpine", "Command": "\"sleep 5\"",
                "RunningFor": "3 hours ago", "Status": "Exited (0) 3 hours ago", "Ports": "", "Names": "tmp",
                "Label": {}
            }),
        ]
    }

    const PS_DEFAULT: &str = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";

    fn ps(format: &str) -> Result<String, String> {
        render_listing(format, &ps_header(), &ps_rows(), &ExecOptions::for_struct("*formatter.ContainerContext"))
    }

    #[test]
    fn default_ps_table() {
        let want = "\
CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS                   PORTS                                     NAMES
3f2a1b9c8d7e   nginx:1.27   \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes             0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
1c2d3e4f5a6b   alpine       \"sleep 5\"                3 hours ago     Exited (0) 3 hours ago                                             tmp
";
        assert_eq!(ps(PS_DEFAULT).as_deref(), Ok(want));
        // Real tab characters work too (the shell may have expanded them).
        assert_eq!(ps(&PS_DEFAULT.replace("\\t", "\t")).as_deref(), Ok(want));
    }

    #[test]
    fn empty_listing_prints_the_header() {
        let out = render_listing(PS_DEFAULT, &ps_header(), &[], &ExecOptions::default());
        assert_eq!(out.as_deref(), Ok("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n"));
    }

    #[test]
    fn custom_formats() {
        assert_eq!(ps("{{.Names}}").as_deref(), Ok("web\ntmp\n"));
        assert_eq!(ps("  {{.Names}}: {{.Status}}  ").as_deref(), Ok("web: Up 2 minutes\ntmp: Exited (0) 3 hours ago\n"));
        assert_eq!(ps("{{.ID}}\\n").as_deref(), Ok("3f2a1b9c8d7e\n\n1c2d3e4f5a6b\n\n"));
        assert_eq!(ps("table {{.Names}}\\t{{.Label \"com.example.tier\"}}").as_deref(), Ok("NAMES     \nweb       <front>\ntmp       \n"));
        assert_eq!(ps("{{json .}}").as_deref(), Ok(concat!(
            r#"{"Command":"\"/docker-entrypoint.…\"","ID":"3f2a1b9c8d7e","Image":"nginx:1.27","Names":"web","#,
            r#""Ports":"0.0.0.0:8080-\u003e80/tcp, [::]:8080-\u003e80/tcp","RunningFor":"2 minutes ago","Status":"Up 2 minutes"}"#, "\n",
            r#"{"Command":"\"sleep 5\"","ID":"1c2d3e4f5a6b","Image":"alpine","Names":"tmp","Ports":"","#,
            r#""RunningFor":"3 hours ago","Status":"Exited (0) 3 hours ago"}"#, "\n")));
        assert_eq!(ps("table {{.ID | upper}}\\t{{json .Names}}").as_deref(), Ok("CONTAINER ID   NAMES\n3F2A1B9C8D7E   \"web\"\n1C2D3E4F5A6B   \"tmp\"\n"));
        assert_eq!(ps("table").as_deref(), Ok("\n\n\n"));
        assert_eq!(ps("tableau {{.Names}}").as_deref(), Ok("au NAMES\nau web\nau tmp\n"));
    }

    #[test]
    fn json_rows_have_sorted_keys_and_html_escaping() {
        // Rows marshal themselves with json.Marshal: `docker ps --format json` prints
        // `0.0.0.0:8080-\u003e80/tcp` (tests/goldens/docker/10-ps.txt).
        let rows = vec![json!({"Names": "web", "ID": "abc", "Labels": "a=<b>&c", "Label": {"a": "<b>"}})];
        assert_eq!(
            render_listing("json", &json!({}), &rows, &ExecOptions::default()).as_deref(),
            Ok("{\"ID\":\"abc\",\"Labels\":\"a=\\u003cb\\u003e\\u0026c\",\"Names\":\"web\"}\n")
        );
    }

    #[test]
    fn listing_errors() {
        assert_eq!(ps("{{.ID}"), Err("template parsing error: template: :1: bad character U+007D '}'".to_string()));
        assert_eq!(ps("table {{ .ID }"), Err("template parsing error: template: :1: unexpected \"}\" in operand".to_string()));
        assert_eq!(
            ps("{{.Foo}}"),
            Err("template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext".to_string())
        );
    }

    #[test]
    fn header_stops_at_an_error_but_keeps_what_was_written() {
        let tmpl = template::parse("{{.ID}}\t{{.Label \"x\"}}\t{{.Names}}").ok();
        let header = tmpl.map(|t| render_header(&t, &ps_header(), &ExecOptions::default()));
        assert_eq!(header.as_deref(), Some("CONTAINER ID\t"));
    }

    #[test]
    fn escapes_are_replaced_in_one_pass() {
        assert_eq!(replace_escapes("a\\tb\\nc\\\\td\\x"), "a\tb\nc\\\td\\x");
        assert_eq!(prepare_format("table  {{.ID}}\\t{{.Names}} "), "{{.ID}}\t{{.Names}}");
        assert_eq!(prepare_format("json"), "{{json .}}");
    }

    #[test]
    fn inspect_flows() {
        let a = json!({"Id": "aaa", "Name": "/web", "State": {"Status": "running"}, "Cmd": ["a && b"]});
        let b = json!({"Id": "bbb", "Name": "/db", "State": {"Status": "exited"}});

        let mut i = Inspector::new("").ok();
        if let Some(i) = i.as_mut() {
            i.inspect(&a);
        }
        let out = i.map(Inspector::finish);
        let want = "[\n    {\n        \"Id\": \"aaa\",\n        \"Name\": \"/web\",\n        \"State\": {\n            \"Status\": \"running\"\n        },\n        \"Cmd\": [\n            \"a && b\"\n        ]\n    }\n]\n";
        assert_eq!(out.map(|o| o.stdout).as_deref(), Some(want));

        let mut i = Inspector::new("").ok();
        if let Some(i) = i.as_mut() {
            i.error("Error: No such object: nope");
        }
        let out = i.map(Inspector::finish);
        assert_eq!(
            out,
            Some(InspectOutput { stdout: "[]\n".into(), stderr: "Error: No such object: nope".into(), exit_code: 1 })
        );

        let mut i = Inspector::new("json").ok();
        if let Some(i) = i.as_mut() {
            i.inspect(&b);
        }
        let out = i.map(Inspector::finish);
        assert_eq!(
            out.map(|o| o.stdout).as_deref(),
            Some("[{\"Id\":\"bbb\",\"Name\":\"/db\",\"State\":{\"Status\":\"exited\"}}]\n")
        );

        let mut i = Inspector::new("{{.Name}} {{.State.Status}}").ok();
        if let Some(i) = i.as_mut() {
            i.inspect(&a);
            i.error("Error: No such object: nope");
            i.inspect(&b);
        }
        let out = i.map(Inspector::finish);
        assert_eq!(
            out,
            Some(InspectOutput {
                stdout: "/web running\n/db exited\n".into(),
                stderr: "Error: No such object: nope".into(),
                exit_code: 1
            })
        );

        let mut i = Inspector::new("{{.Foo}}").ok();
        if let Some(i) = i.as_mut() {
            i.inspect(&a);
        }
        let out = i.map(Inspector::finish);
        assert_eq!(
            out,
            Some(InspectOutput {
                stdout: "\n".into(),
                stderr: "template parsing error: template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"".into(),
                exit_code: 1
            })
        );

        assert_eq!(
            Inspector::new("{{.Foo").err().as_deref(),
            Some("template parsing error: template: :1: unclosed action")
        );
    }
}
