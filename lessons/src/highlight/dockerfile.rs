//! Dockerfile tokens: instructions, comments, strings, variables, flags and the image of `FROM`.
//! Rendered from the simulator's Dockerfile tokenizer ([`simulator::dockerfile::highlight`]), which
//! follows BuildKit's line rules (directives, escape character, continuations, heredocs).

use super::span;
use simulator::dockerfile::{self, TokenClass};

/// The CSS class (without `tok-`) of a token class; empty for plain text.
fn class(c: TokenClass) -> &'static str {
    match c {
        TokenClass::Keyword => "keyword",
        TokenClass::Flag => "flag",
        TokenClass::String | TokenClass::Heredoc => "string",
        TokenClass::Variable => "variable",
        TokenClass::Comment | TokenClass::Directive => "comment",
        TokenClass::Image => "image",
        TokenClass::StageName | TokenClass::Error => "",
    }
}

pub fn highlight(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut at = 0;
    for t in dockerfile::highlight(code) {
        span(&mut out, "", code.get(at..t.span.start).unwrap_or_default());
        span(&mut out, class(t.class), code.get(t.span.start..t.span.end).unwrap_or_default());
        at = t.span.end;
    }
    span(&mut out, "", code.get(at..).unwrap_or_default());
    out
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
