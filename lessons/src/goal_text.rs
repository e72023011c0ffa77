//! The checker's messages as HTML, at run time: the Spanish sentences of [`crate::GoalStatus`]
//! (a part's description, why it is not met) mark names with backticks (`` `web` ``), and the
//! values in them come from the learner's session, so they only exist at run time.
//!
//! This is the small part of Markdown those sentences use: code spans (CommonMark's rules:
//! a run of backticks closes at the next run of the same length, one space trimmed on both sides),
//! backslash escapes, and text escaped as pulldown-cmark escapes it. Anything else (emphasis,
//! links) stays literal text. With `source`, a test checks that it gives what the full renderer
//! (`render_inline`) gives for every goal of the course.

use crate::text::escape_text;

/// A checker message (one line of Markdown with code spans) as inline HTML.
pub fn goal_text_html(text: &str) -> String {
    let text = text.trim_matches(|c| c == ' ' || c == '\t');
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '\\' => {
                let after = rest.get(1..).unwrap_or_default();
                match after.chars().next() {
                    Some(p) if p.is_ascii_punctuation() => {
                        out.push_str(&escape_text(&p.to_string()));
                        rest = after.get(p.len_utf8()..).unwrap_or_default();
                    }
                    _ => {
                        out.push('\\');
                        rest = after;
                    }
                }
            }
            '`' => {
                let run = rest.len() - rest.trim_start_matches('`').len();
                let after = rest.get(run..).unwrap_or_default();
                match closing_run(after, run) {
                    Some(end) => {
                        out.push_str("<code>");
                        out.push_str(&escape_text(&code_content(after.get(..end).unwrap_or_default())));
                        out.push_str("</code>");
                        rest = after.get(end + run..).unwrap_or_default();
                    }
                    None => {
                        out.push_str(rest.get(..run).unwrap_or_default());
                        rest = after;
                    }
                }
            }
            _ => {
                let end = rest.find(['\\', '`']).unwrap_or(rest.len());
                out.push_str(&escape_text(rest.get(..end).unwrap_or_default()));
                rest = rest.get(end..).unwrap_or_default();
            }
        }
    }
    out
}

/// Byte offset in `text` of the first run of exactly `len` backticks.
fn closing_run(text: &str, len: usize) -> Option<usize> {
    let mut pos = 0;
    while let Some(found) = text.get(pos..)?.find('`') {
        let start = pos + found;
        let tail = text.get(start..)?;
        let run = tail.len() - tail.trim_start_matches('`').len();
        if run == len {
            return Some(start);
        }
        pos = start + run;
    }
    None
}

/// A code span's content: line ends as spaces, one space stripped from both ends when both are
/// spaces and the content is not only spaces.
fn code_content(raw: &str) -> String {
    let content = raw.replace('\n', " ");
    let stripped = content.strip_prefix(' ').and_then(|s| s.strip_suffix(' '));
    match stripped {
        Some(inner) if !content.chars().all(|c| c == ' ') => inner.to_string(),
        _ => content,
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn code_spans_and_escapes() {
        assert_eq!(goal_text_html("El contenedor `web` está <b>detenido</b> & más"), "El contenedor <code>web</code> está &lt;b&gt;detenido&lt;/b&gt; &amp; más");
        assert_eq!(goal_text_html("`` a`b ``"), "<code>a`b</code>");
        assert_eq!(goal_text_html("sin cierre `a"), "sin cierre `a");
        assert_eq!(goal_text_html("\\`no\\` es código"), "`no` es código");
        assert_eq!(goal_text_html("``` a ` b"), "``` a ` b");
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,80}") {
            let _ = goal_text_html(&text);
        }
    }

    #[cfg(feature = "source")]
    proptest! {
        /// For the characters checker messages use, the same HTML as the full Markdown renderer.
        #[test]
        fn agrees_with_the_markdown_renderer(text in "[a-zA-Z0-9 `<>&\"'./=\\\\áñ]{0,40}") {
            let text = format!("El {text}");
            prop_assert_eq!(goal_text_html(&text), crate::markdown::render_inline(&text));
        }
    }
}
