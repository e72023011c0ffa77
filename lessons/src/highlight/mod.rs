//! Syntax highlighting for the file blocks of lessons (` ```dockerfile `, ` ```yaml `): small
//! line-oriented tokenizers of our own that wrap tokens in `<span class="tok-…">`. They never
//! fail: text they do not understand is written as it is (escaped).
//!
//! Token classes: `tok-keyword` (Dockerfile instructions), `tok-comment`, `tok-string`,
//! `tok-variable` (`$X`, `${X}`), `tok-flag` (`--from=…`), `tok-image` (the image of `FROM`),
//! `tok-key` (YAML keys), `tok-literal` (numbers, booleans, `null`), `tok-punct` (`-`, `|`, `>`).

mod dockerfile;
mod yaml;

use crate::text::escape_html;

/// Highlights `code` written in `lang`, or `None` if the language has no highlighter.
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    match lang {
        "dockerfile" | "containerfile" => Some(dockerfile::highlight(code)),
        "yaml" | "yml" | "compose" => Some(yaml::highlight(code)),
        _ => None,
    }
}

/// Appends `text` wrapped in a token span (or plain when `class` is empty).
fn span(out: &mut String, class: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    if class.is_empty() {
        out.push_str(&escape_html(text));
    } else {
        out.push_str("<span class=\"tok-");
        out.push_str(class);
        out.push_str("\">");
        out.push_str(&escape_html(text));
        out.push_str("</span>");
    }
}

/// Splits off a quoted string at the start of `s` (`"…"` with `\` escapes, or `'…'`), returning
/// the string with its quotes and the rest. An unclosed quote runs to the end.
fn quoted(s: &str) -> (&str, &str) {
    let end = simulator::dockerfile::quoted_len(s);
    (s.get(..end).unwrap_or(s), s.get(end..).unwrap_or_default())
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Removing the spans and unescaping gives back the source: highlighting never loses text.
    fn strip(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(rest.get(..i).unwrap_or_default());
            let after = rest.get(i..).unwrap_or_default();
            let close = after.find('>').map_or(after.len(), |j| j + 1);
            rest = after.get(close..).unwrap_or_default();
        }
        out.push_str(rest);
        out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
    }

    #[test]
    fn unknown_languages_are_not_highlighted() {
        assert_eq!(highlight("python", "x"), None);
    }

    proptest! {
        #[test]
        fn highlighters_keep_every_character(code in "\\PC{0,200}") {
            for lang in ["dockerfile", "yaml"] {
                let html = highlight(lang, &code).unwrap_or_default();
                prop_assert_eq!(strip(&html), code.clone());
            }
        }
    }
}
