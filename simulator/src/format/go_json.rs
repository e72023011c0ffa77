//! Go's `encoding/json` output for a `serde_json::Value` (object key order preserved: the workspace
//! enables serde_json's `preserve_order`, which is what Go does for structs).
//!
//! Which escaping applies where in Docker:
//! - `json.Marshal` / `json.MarshalIndent` escape `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`
//!   ([`marshal`], [`marshal_indent`]);
//! - the daemon answers with `SetEscapeHTML(false)` and `docker inspect` only re-indents that text
//!   (`json.Indent(dst, raw, "", "    ")`), so inspect output keeps `<>&` as they are
//!   ([`inspect_indent`]); the `json` template function does not escape HTML either.
//!
//! U+2028 and U+2029 are always escaped, control characters use `\n \r \t \b \f` or `\u00XX`.

use serde_json::{Number, Value};

use super::go_float::json_float;

fn hex_digit(nibble: u32) -> char {
    char::from_digit(nibble & 0xF, 16).unwrap_or('0')
}

/// Appends `s` as a JSON string literal with Go's escaping.
pub fn write_string(out: &mut String, s: &str, escape_html: bool) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            _ => None,
        };
        let needs_hex = escape.is_none()
            && ((c as u32) < 0x20
                || c == '\u{2028}'
                || c == '\u{2029}'
                || (escape_html && matches!(c, '<' | '>' | '&')));
        if escape.is_none() && !needs_hex {
            continue;
        }
        out.push_str(s.get(start..i).unwrap_or(""));
        if let Some(e) = escape {
            out.push_str(e);
        } else {
            let u = c as u32;
            out.push_str("\\u");
            for shift in [12u32, 8, 4, 0] {
                out.push(hex_digit((u >> shift) & 0xF));
            }
        }
        start = i + c.len_utf8();
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

/// Go's JSON text of a number: integers as they are, floats in `encoding/json`'s float format.
pub fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    json_float(n.as_f64().unwrap_or(0.0))
}

fn write_compact(out: &mut String, v: &Value, escape_html: bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => write_string(out, s, escape_html),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, item, escape_html);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k, escape_html);
                out.push(':');
                write_compact(out, item, escape_html);
            }
            out.push('}');
        }
    }
}

fn newline(out: &mut String, prefix: &str, indent: &str, depth: usize) {
    out.push('\n');
    out.push_str(prefix);
    for _ in 0..depth {
        out.push_str(indent);
    }
}

fn write_indented(out: &mut String, v: &Value, prefix: &str, indent: &str, depth: usize, escape_html: bool) {
    match v {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, prefix, indent, depth + 1);
                write_indented(out, item, prefix, indent, depth + 1, escape_html);
            }
            newline(out, prefix, indent, depth);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, prefix, indent, depth + 1);
                write_string(out, k, escape_html);
                out.push_str(": ");
                write_indented(out, item, prefix, indent, depth + 1, escape_html);
            }
            newline(out, prefix, indent, depth);
            out.push('}');
        }
        _ => write_compact(out, v, escape_html),
    }
}

/// Compact JSON, Go style (no spaces); `escape_html` chooses `json.Marshal` behaviour (true) or an
/// encoder with `SetEscapeHTML(false)` (false). No trailing newline.
pub fn compact(v: &Value, escape_html: bool) -> String {
    let mut out = String::new();
    write_compact(&mut out, v, escape_html);
    out
}

/// Indented JSON as `json.MarshalIndent(v, prefix, indent)` / `json.Indent` write it: one element
/// per line, `": "` after keys, empty arrays and objects as `[]` and `{}`. No trailing newline.
pub fn indent(v: &Value, prefix: &str, indent: &str, escape_html: bool) -> String {
    let mut out = String::new();
    write_indented(&mut out, v, prefix, indent, 0, escape_html);
    out
}

/// `json.Marshal(v)`.
pub fn marshal(v: &Value) -> String {
    compact(v, true)
}

/// `json.MarshalIndent(v, prefix, indent)`.
pub fn marshal_indent(v: &Value, prefix: &str, indent_str: &str) -> String {
    indent(v, prefix, indent_str, true)
}

/// What `docker inspect` prints for a value (the daemon's JSON re-indented with four spaces), without
/// the final newline the CLI adds.
pub fn inspect_indent(v: &Value) -> String {
    indent(v, "", "    ", false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn marshal_escapes_html_and_separators() {
        let v = json!({"Cmd": ["sh", "-c", "a && b > c < d"], "Sep": "x\u{2028}y\u{2029}"});
        assert_eq!(
            marshal(&v),
            r#"{"Cmd":["sh","-c","a \u0026\u0026 b \u003e c \u003c d"],"Sep":"x\u2028y\u2029"}"#
        );
        assert_eq!(
            compact(&v, false),
            r#"{"Cmd":["sh","-c","a && b > c < d"],"Sep":"x\u2028y\u2029"}"#
        );
    }

    #[test]
    fn control_characters() {
        let v = json!("a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{1}i\u{1f}j\u{7f}");
        let want = format!("{}\u{7f}\"", r#""a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj"#);
        assert_eq!(marshal(&v), want);
    }

    #[test]
    fn key_order_is_preserved() {
        let v = json!({"Id": "abc", "Created": "2026", "Args": []});
        assert_eq!(marshal(&v), r#"{"Id":"abc","Created":"2026","Args":[]}"#);
    }

    #[test]
    fn numbers() {
        let v = json!([0, -1, 12345, 18446744073709551615u64, 1.5, 1e21, 1.0, 0.0000001]);
        assert_eq!(marshal(&v), "[0,-1,12345,18446744073709551615,1.5,1e+21,1,1e-7]");
    }

    #[test]
    fn inspect_indentation() {
        let v = json!([{
            "Id": "abc",
            "Args": [],
            "State": {"Status": "running", "Running": true, "Pid": 12345},
            "Env": ["PATH=/usr/bin", "A=<b>"],
            "Labels": {},
            "Entrypoint": null
        }]);
        let want = r#"[
    {
        "Id": "abc",
        "Args": [],
        "State": {
            "Status": "running",
            "Running": true,
            "Pid": 12345
        },
        "Env": [
            "PATH=/usr/bin",
            "A=<b>"
        ],
        "Labels": {},
        "Entrypoint": null
    }
]"#;
        assert_eq!(inspect_indent(&v), want);
        assert_eq!(inspect_indent(&json!([])), "[]");
    }

    #[test]
    fn marshal_indent_with_prefix() {
        let v = json!({"a": [1, 2]});
        assert_eq!(marshal_indent(&v, ">", "  "), "{\n>  \"a\": [\n>    1,\n>    2\n>  ]\n>}");
    }
}
