//! Writing the model as `docker compose config` does (go-yaml v3, 2-space indent, lists indented
//! under their key, `$` written as `$$`).

use serde_json::Value;

/// The whole document.
pub fn document(tree: &Value) -> String {
    let mut out = String::new();
    if let Value::Object(m) = tree {
        for (k, v) in m {
            entry(&mut out, 0, k, v);
        }
    }
    out
}

fn pad(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

fn entry(out: &mut String, indent: usize, key: &str, v: &Value) {
    pad(out, indent);
    out.push_str(&scalar_text(key, false));
    out.push(':');
    value_after_key(out, indent, v);
}

fn value_after_key(out: &mut String, indent: usize, v: &Value) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            for (k, v) in m {
                entry(out, indent + 2, k, v);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            for item in a {
                list_item(out, indent + 2, item);
            }
        }
        other => {
            out.push(' ');
            inline(out, indent, other);
            out.push('\n');
        }
    }
}

fn list_item(out: &mut String, indent: usize, v: &Value) {
    pad(out, indent);
    out.push_str("- ");
    match v {
        Value::Object(m) if !m.is_empty() => {
            let mut first = true;
            for (k, val) in m {
                if first {
                    out.push_str(&scalar_text(k, false));
                    out.push(':');
                    value_after_key(out, indent + 2, val);
                    first = false;
                } else {
                    entry(out, indent + 2, k, val);
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            // A list in a list: go-yaml starts it on the same line.
            let mut first = true;
            for item in a {
                if first {
                    let mut sub = String::new();
                    list_item(&mut sub, indent + 2, item);
                    out.push_str(sub.trim_start());
                    first = false;
                } else {
                    list_item(out, indent + 2, item);
                }
            }
        }
        other => {
            inline(out, indent, other);
            out.push('\n');
        }
    }
}

fn inline(out: &mut String, indent: usize, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) if s.contains('\n') => {
            let s = s.replace('$', "$$");
            out.push_str(if s.ends_with('\n') { "|" } else { "|-" });
            for line in s.trim_end_matches('\n').split('\n') {
                out.push('\n');
                if !line.is_empty() {
                    pad(out, indent + 2);
                    out.push_str(line);
                }
            }
        }
        Value::String(s) => out.push_str(&scalar_text(&s.replace('$', "$$"), true)),
        Value::Object(_) => out.push_str("{}"),
        Value::Array(_) => out.push_str("[]"),
    }
}

/// A string as go-yaml v3 writes it: plain when it reads back as the same string; double-quoted
/// when plain would read as another type (`"80"`, `"true"`, `""`) or holds control characters;
/// single-quoted when plain is not allowed (`'myapp:'`, `': x'`).
fn scalar_text(s: &str, _value: bool) -> String {
    if s.chars().any(|c| c.is_control()) || resolves_to_other_type(s) {
        quoted(s)
    } else if plain_not_allowed(s) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        s.to_string()
    }
}

fn resolves_to_other_type(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~" | ".inf" | "-.inf" | "+.inf" | ".nan"
    ) || looks_numeric(s)
}

fn plain_not_allowed(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    if matches!(first, '-' | '?' | ':') {
        // `-f` is fine, `- x`, `-` and `:x`… are not.
        let second = s.chars().nth(1);
        if second.is_none() || second == Some(' ') || first == ':' {
            return true;
        }
    } else if matches!(first, ',' | '[' | ']' | '{' | '}' | '#' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%' | '@' | '`') {
        return true;
    }
    s.starts_with(' ') || s.ends_with(' ') || s.contains(": ") || s.contains(" #") || s.ends_with(':')
}

fn looks_numeric(s: &str) -> bool {
    let t = s.strip_prefix(['-', '+']).unwrap_or(s);
    if t.is_empty() {
        return false;
    }
    let t = t.replace('_', "");
    if t.starts_with("0x") || t.starts_with("0o") || t.starts_with("0b") {
        return t.len() > 2;
    }
    t.parse::<f64>().is_ok() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        || (t.contains(':') && t.split(':').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) && s.split(':').skip(1).all(|p| p.len() <= 2))
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layout() {
        let tree = json!({
            "name": "t",
            "services": { "web": {
                "command": ["httpd", "-f", "-p", "80", "$HOME", "y"],
                "environment": { "A": "1", "B": "", "C": null },
                "ports": [{ "mode": "ingress", "target": 80, "published": "8080", "protocol": "tcp" }],
                "volumes": [{ "type": "volume", "target": "/x", "volume": {} }]
            }}
        });
        let expected = "name: t\nservices:\n  web:\n    command:\n      - httpd\n      - -f\n      - -p\n      - \"80\"\n      - $$HOME\n      - \"y\"\n    environment:\n      A: \"1\"\n      B: \"\"\n      C: null\n    ports:\n      - mode: ingress\n        target: 80\n        published: \"8080\"\n        protocol: tcp\n    volumes:\n      - type: volume\n        target: /x\n        volume: {}\n";
        assert_eq!(document(&tree), expected);
    }
}
