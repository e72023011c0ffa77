//! Spanish explanations of the Dockerfile linter's rules, keyed by the code the linter prints
//! (`DL3008`, `SecretsUsedInArgOrEnv`, `DL1000`). The table lives in `content/reglas.toml`.
//!
//! For the editor: lint with `simulator::lint::lint(text)`, then for each finding look up
//! [`rule`]`(finding.rule)` and show `titulo`, `explicacion`, `por_que` and the fixed form
//! `bien` in the underline's tooltip (all Markdown; `explicacion` and `por_que` also come
//! rendered, in `explicacion_html` and `por_que_html`).
//!
//! Reading the table ([`parse`], [`all`], [`rule`]) needs the feature `source`; at run time the
//! table comes with the compiled course ([`crate::Compiled::lint_rule`], [`find`]).

#[cfg(feature = "source")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

#[cfg(feature = "source")]
use crate::embedded;

/// The file of rule explanations, relative to `content/`.
pub const LINT_RULES_FILE: &str = "reglas.toml";

/// One rule's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LintRule {
    /// The code the linter prints (`DL3008`).
    pub codigo: String,
    /// A short title.
    pub titulo: String,
    /// What the finding means (Markdown).
    pub explicacion: String,
    /// Why it matters (Markdown).
    pub por_que: String,
    /// A Dockerfile fragment that triggers the rule.
    pub mal: String,
    /// The same fragment fixed.
    pub bien: String,
    /// `explicacion` rendered as inline HTML (filled by [`parse`], not written in the file).
    #[serde(default)]
    pub explicacion_html: String,
    /// `por_que` rendered as inline HTML (filled by [`parse`], not written in the file).
    #[serde(default)]
    pub por_que_html: String,
}

#[cfg(feature = "source")]
#[derive(Debug, Deserialize)]
struct RulesFile {
    regla: Vec<LintRule>,
}

/// Parses the table (an error message when it is malformed) and renders its Markdown.
#[cfg(feature = "source")]
pub fn parse(text: &str) -> Result<Vec<LintRule>, String> {
    let file: RulesFile = toml::from_str(text).map_err(|e| format!("{LINT_RULES_FILE}: {e}"))?;
    let mut rules = file.regla;
    for r in &mut rules {
        r.explicacion_html = crate::markdown::render_inline(&r.explicacion);
        r.por_que_html = crate::markdown::render_inline(&r.por_que);
    }
    Ok(rules)
}

/// The explanation of a rule code in `rules`, if there is one.
pub fn find<'r>(rules: &'r [LintRule], code: &str) -> Option<&'r LintRule> {
    rules.iter().find(|r| r.codigo == code)
}

/// Every explanation of the embedded table.
#[cfg(feature = "source")]
pub fn all() -> &'static [LintRule] {
    static RULES: OnceLock<Vec<LintRule>> = OnceLock::new();
    RULES.get_or_init(|| embedded::file(LINT_RULES_FILE).and_then(|t| parse(t).ok()).unwrap_or_default())
}

/// The explanation of a rule code, if there is one.
#[cfg(feature = "source")]
pub fn rule(code: &str) -> Option<&'static LintRule> {
    find(all(), code)
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_covers_every_linter_rule() {
        let text = embedded::file(LINT_RULES_FILE).unwrap_or_default();
        let rules = parse(text).unwrap_or_else(|e| panic!("{e}"));
        for r in simulator::lint::RULES {
            assert!(rules.iter().any(|x| x.codigo == r.code), "no explanation for {}", r.code);
        }
        assert!(rule("DL1000").is_some());
        for r in &rules {
            assert!(!r.titulo.is_empty() && !r.explicacion.is_empty() && !r.por_que.is_empty(), "{}", r.codigo);
        }
    }

    /// Every `mal` example triggers its rule and every `bien` form does not.
    #[test]
    fn bad_examples_trigger_and_fixed_forms_do_not() {
        for r in all() {
            if r.codigo == "DL1000" {
                continue;
            }
            let wrap = |body: &str| {
                if body.lines().any(|l| l.starts_with("FROM")) {
                    format!("{body}\n")
                } else {
                    format!("FROM debian:12\nWORKDIR /app\n{body}\n")
                }
            };
            let config = simulator::lint::Config {
                overrides: vec![("DL3057".into(), simulator::lint::Level::Warning)],
                ..Default::default()
            };
            let codes = |text: &str| match simulator::lint::lint_with(text, &config) {
                simulator::lint::Outcome::Findings(f) => f.into_iter().map(|f| f.rule).collect::<Vec<_>>(),
                simulator::lint::Outcome::ParseError { message, .. } => panic!("{}: {message}", r.codigo),
            };
            let bad = codes(&wrap(&r.mal));
            assert!(bad.contains(&r.codigo.as_str()), "{}: `mal` gives {bad:?}", r.codigo);
            let good = codes(&wrap(&r.bien));
            assert!(!good.contains(&r.codigo.as_str()), "{}: `bien` gives {good:?}", r.codigo);
        }
    }
}
