//! YAML tokens (Compose files): keys, comments, strings, literals, list dashes, variables.

use super::{quoted, span};

pub fn highlight(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for line in code.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let trimmed = body.trim_start();
        let indent = body.get(..body.len() - trimmed.len()).unwrap_or_default();
        span(&mut out, "", indent);
        let mut rest = trimmed;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
            span(&mut out, "punct", "-");
            span(&mut out, "", if rest.len() > 1 { " " } else { "" });
            rest = r;
        }
        if rest.starts_with('#') {
            span(&mut out, "comment", rest);
        } else if let Some(colon) = key_end(rest) {
            span(&mut out, "key", rest.get(..colon).unwrap_or_default());
            span(&mut out, "punct", ":");
            value(&mut out, rest.get(colon + 1..).unwrap_or_default());
        } else {
            value(&mut out, rest);
        }
        span(&mut out, "", newline);
    }
    out
}

/// The byte index of the `:` ending a mapping key at the start of `s`, if any.
fn key_end(s: &str) -> Option<usize> {
    if s.starts_with('"') || s.starts_with('\'') {
        let (q, rest) = quoted(s);
        return rest.starts_with(':').then_some(q.len());
    }
    let mut prev = None;
    for (i, c) in s.char_indices() {
        if c == ':' {
            let next = s.get(i + 1..).and_then(|r| r.chars().next());
            if next.is_none_or(char::is_whitespace) {
                return Some(i);
            }
        }
        if c == '#' && prev.is_some_and(char::is_whitespace) {
            return None;
        }
        prev = Some(c);
    }
    None
}

/// A scalar value, possibly followed by a comment.
fn value(out: &mut String, s: &str) {
    let lead = s.len() - s.trim_start().len();
    span(out, "", s.get(..lead).unwrap_or_default());
    let rest = s.get(lead..).unwrap_or_default();
    if rest.starts_with('#') {
        span(out, "comment", rest);
        return;
    }
    if rest.starts_with('"') || rest.starts_with('\'') {
        let (q, after) = quoted(rest);
        span(out, "string", q);
        value_tail(out, after);
        return;
    }
    let comment = rest.find(" #").map_or(rest.len(), |i| i);
    let (scalar, tail) = (rest.get(..comment).unwrap_or(rest), rest.get(comment..).unwrap_or_default());
    let bare = scalar.trim_end();
    let class = match bare {
        "|" | ">" | "|-" | ">-" => "punct",
        "true" | "false" | "null" | "~" | "yes" | "no" => "literal",
        b if !b.is_empty() && b.chars().all(|c| c.is_ascii_digit() || c == '.') => "literal",
        _ => "",
    };
    if class.is_empty() {
        variables(out, bare);
    } else {
        span(out, class, bare);
    }
    span(out, "", scalar.get(bare.len()..).unwrap_or_default());
    value_tail(out, tail);
}

fn value_tail(out: &mut String, tail: &str) {
    let lead = tail.len() - tail.trim_start().len();
    span(out, "", tail.get(..lead).unwrap_or_default());
    let rest = tail.get(lead..).unwrap_or_default();
    if rest.starts_with('#') {
        span(out, "comment", rest);
    } else {
        span(out, "", rest);
    }
}

/// Plain text with `${VAR}` interpolations marked.
fn variables(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        span(out, "", rest.get(..i).unwrap_or_default());
        let after = rest.get(i..).unwrap_or_default();
        let len = after.find('}').map_or(after.len(), |j| j + 1);
        span(out, "variable", after.get(..len).unwrap_or(after));
        rest = after.get(len..).unwrap_or_default();
    }
    span(out, "", rest);
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn keys_lists_strings_literals_and_comments() {
        let html = highlight("services:\n  app:\n    image: myapp:${VERSION}\n    ports:\n      - \"3000:3000\" # web\n    replicas: 3\n");
        assert_eq!(
            html,
            "<span class=\"tok-key\">services</span><span class=\"tok-punct\">:</span>\n\
             \x20\x20<span class=\"tok-key\">app</span><span class=\"tok-punct\">:</span>\n\
             \x20\x20\x20\x20<span class=\"tok-key\">image</span><span class=\"tok-punct\">:</span> myapp:<span class=\"tok-variable\">${VERSION}</span>\n\
             \x20\x20\x20\x20<span class=\"tok-key\">ports</span><span class=\"tok-punct\">:</span>\n\
             \x20\x20\x20\x20\x20\x20<span class=\"tok-punct\">-</span> <span class=\"tok-string\">&quot;3000:3000&quot;</span> <span class=\"tok-comment\"># web</span>\n\
             \x20\x20\x20\x20<span class=\"tok-key\">replicas</span><span class=\"tok-punct\">:</span> <span class=\"tok-literal\">3</span>\n"
        );
    }
}
