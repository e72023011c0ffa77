//! Dockerfile tokens: instructions, comments, strings, variables, flags and the image of `FROM`.

use super::{quoted, span};

const INSTRUCTIONS: &[&str] = &[
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
    "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

pub fn highlight(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut continued = false;
    for line in code.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let trimmed = body.trim_start();
        let indent = body.get(..body.len() - trimmed.len()).unwrap_or_default();
        span(&mut out, "", indent);
        if trimmed.starts_with('#') {
            span(&mut out, "comment", trimmed);
        } else if continued {
            arguments(&mut out, trimmed, false);
        } else {
            let word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
            let word = trimmed.get(..word_end).unwrap_or_default();
            let rest = trimmed.get(word_end..).unwrap_or_default();
            if INSTRUCTIONS.contains(&word.to_ascii_uppercase().as_str()) {
                span(&mut out, "keyword", word);
                arguments(&mut out, rest, word.eq_ignore_ascii_case("FROM"));
            } else {
                arguments(&mut out, trimmed, false);
            }
        }
        continued = (!trimmed.starts_with('#') && body.trim_end().ends_with('\\')) || (continued && trimmed.starts_with('#'));
        span(&mut out, "", newline);
    }
    out
}

/// The arguments of an instruction: strings, variables, flags; for `FROM`, the first plain word
/// is the image.
fn arguments(out: &mut String, mut rest: &str, is_from: bool) {
    let mut image_pending = is_from;
    while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\'' {
            let (s, r) = quoted(rest);
            span(out, "string", s);
            rest = r;
        } else if c == '$' {
            let len = variable_len(rest);
            span(out, "variable", rest.get(..len).unwrap_or(rest));
            rest = rest.get(len..).unwrap_or_default();
        } else if c.is_whitespace() {
            let len = rest.find(|ch: char| !ch.is_whitespace()).unwrap_or(rest.len());
            span(out, "", rest.get(..len).unwrap_or(rest));
            rest = rest.get(len..).unwrap_or_default();
        } else {
            let len = rest.find(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\'' || ch == '$').unwrap_or(rest.len());
            let len = len.max(c.len_utf8());
            let word = rest.get(..len).unwrap_or(rest);
            let class = if word.starts_with("--") {
                "flag"
            } else if image_pending {
                image_pending = false;
                "image"
            } else {
                ""
            };
            span(out, class, word);
            rest = rest.get(len..).unwrap_or_default();
        }
    }
}

/// Length of `$NAME` or `${…}` at the start of `s` (at least the `$`).
fn variable_len(s: &str) -> usize {
    let after = s.get(1..).unwrap_or_default();
    if after.starts_with('{') {
        return after.find('}').map_or(s.len(), |i| i + 2);
    }
    1 + after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len())
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn instructions_strings_variables_and_comments() {
        let html = highlight("# base\nFROM node:20-alpine AS build\nENV PORT=3000\nCMD [\"npm\", \"start\"]\nCOPY --from=build $APP /app\n");
        assert_eq!(
            html,
            "<span class=\"tok-comment\"># base</span>\n\
             <span class=\"tok-keyword\">FROM</span> <span class=\"tok-image\">node:20-alpine</span> AS build\n\
             <span class=\"tok-keyword\">ENV</span> PORT=3000\n\
             <span class=\"tok-keyword\">CMD</span> [<span class=\"tok-string\">&quot;npm&quot;</span>, <span class=\"tok-string\">&quot;start&quot;</span>]\n\
             <span class=\"tok-keyword\">COPY</span> <span class=\"tok-flag\">--from=build</span> <span class=\"tok-variable\">$APP</span> /app\n"
        );
    }

    #[test]
    fn continuation_lines_are_not_instructions() {
        let html = highlight("RUN apt-get update && \\\n    run-this\n");
        assert!(html.ends_with("    run-this\n"), "{html}");
    }
}
