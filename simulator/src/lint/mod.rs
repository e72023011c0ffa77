//! A hadolint-style Dockerfile linter (rules and texts of hadolint 2.12.0) plus BuildKit's
//! `SecretsUsedInArgOrEnv` check, for the `hadolint` program in the terminal and for underlines
//! in the Dockerfile editor.
//!
//! # API
//!
//! - [`lint`]`(text) -> Vec<`[`Finding`]`>` with hadolint's default configuration: every finding
//!   has the 1-based `line` hadolint prints, the `rule` code (`"DL3008"`), the [`Level`], the
//!   English `message` exactly as hadolint prints it, and the byte `span` of the instruction for
//!   underlining. Sorted by line. A file that does not parse gives one `DL1000` finding at the
//!   parse error (see [`lint_with`] / [`Outcome`] to tell the two apart).
//! - [`lint_with`]`(text, &`[`Config`]`)`: with ignored rules and severity overrides (what
//!   `hadolint --ignore DL3008 --error DL3057` does).
//! - [`RULES`]: every rule with its code, default level and message, e.g. to list them; Spanish
//!   explanations for learners live in `lessons` (`lessons::lint_rules`), keyed by the code.
//! - [`command::run`]: the `hadolint` command line (`simulator::session` dispatches to it).

pub mod command;
mod rules;
mod shell_script;

use crate::dockerfile::{self, Span};

/// hadolint's severities, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    Info,
    Style,
    /// Rules that are off unless their level is overridden (DL3057).
    Ignore,
}

impl Level {
    /// The word hadolint prints (`error`, `warning`, `info`, `style`, `ignore`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
            Self::Style => "style",
            Self::Ignore => "ignore",
        }
    }

    /// Parses hadolint's level names (also `none` for "never fail" thresholds).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "error" => Self::Error,
            "warning" => Self::Warning,
            "info" => Self::Info,
            "style" => Self::Style,
            "ignore" | "none" => Self::Ignore,
            _ => return None,
        })
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line of the instruction (as hadolint prints it).
    pub line: usize,
    /// Rule code: `DL3008`, `SecretsUsedInArgOrEnv`, or `DL1000` for a parse error.
    pub rule: &'static str,
    pub level: Level,
    /// hadolint's English message.
    pub message: String,
    /// Bytes of the instruction (or of the parse error) in the text.
    pub span: Span,
}

/// A rule's fixed facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub code: &'static str,
    pub level: Level,
    pub message: &'static str,
}

/// Every rule this linter knows, in code order.
pub const RULES: &[RuleInfo] = rules::RULES;

/// Linter options (hadolint's command line / config file).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Rules not to report.
    pub ignored: Vec<String>,
    /// Severity overrides (`--error DL3008`, `--style DL3059`, …).
    pub overrides: Vec<(String, Level)>,
}

/// The result of linting, telling parse errors apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Findings(Vec<Finding>),
    /// The file does not parse: line, column and message.
    ParseError { line: usize, column: usize, message: String, span: Span },
}

/// Lints with hadolint's defaults. See the module docs.
pub fn lint(text: &str) -> Vec<Finding> {
    match lint_with(text, &Config::default()) {
        Outcome::Findings(f) => f,
        Outcome::ParseError { line, message, span, .. } => {
            vec![Finding { line, rule: "DL1000", level: Level::Error, message, span }]
        }
    }
}

/// Lints with a configuration.
pub fn lint_with(text: &str, config: &Config) -> Outcome {
    let df = match dockerfile::parse_lenient(text) {
        Ok(df) => df,
        // hadolint accepts files without instructions (empty, comments only).
        Err(e) if e.message == "file with no instructions" || e.message == "the Dockerfile cannot be empty" => {
            return Outcome::Findings(Vec::new())
        }
        Err(e) => return Outcome::ParseError { line: e.line, column: 1, message: e.message, span: e.span },
    };
    if let Some((line, column, span)) = rules::from_parse_error(&df, text) {
        let message = "unexpected ':' expecting '@', '\\', a new line followed by the next instruction, or the image tag".to_string();
        return Outcome::ParseError { line, column, message, span };
    }
    let mut findings = rules::check(&df);
    for f in &mut findings {
        if let Some((_, level)) = config.overrides.iter().rev().find(|(code, _)| code == f.rule) {
            f.level = *level;
        }
    }
    findings.retain(|f| f.level != Level::Ignore && !config.ignored.iter().any(|c| c == f.rule));
    // hadolint also honours `# hadolint ignore=DL3008,DL3009` on the line above an instruction
    // and `# hadolint global ignore=…` anywhere.
    let pragmas = pragmas(text);
    findings.retain(|f| {
        !pragmas.global.iter().any(|c| c == f.rule)
            && !pragmas.by_line.iter().any(|(line, codes)| *line == f.line && codes.iter().any(|c| c == f.rule))
    });
    crate::sort::sort_by(&mut findings, |a, b| a.line.cmp(&b.line).then_with(|| rule_order(a.rule).cmp(&rule_order(b.rule))));
    Outcome::Findings(findings)
}

fn rule_order(code: &str) -> usize {
    RULES.iter().position(|r| r.code == code).unwrap_or(usize::MAX)
}

struct Pragmas {
    global: Vec<String>,
    /// (line the pragma applies to, codes)
    by_line: Vec<(usize, Vec<String>)>,
}

fn pragmas(text: &str) -> Pragmas {
    let mut p = Pragmas { global: Vec::new(), by_line: Vec::new() };
    for (n, line) in text.lines().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix('#') else { continue };
        let Some(rest) = rest.trim_start().strip_prefix("hadolint") else { continue };
        let rest = rest.trim_start();
        let (global, rest) = match rest.strip_prefix("global") {
            Some(r) => (true, r.trim_start()),
            None => (false, rest),
        };
        let Some(rest) = rest.strip_prefix("ignore") else { continue };
        let Some(list) = rest.trim_start().strip_prefix('=') else { continue };
        let codes: Vec<String> = list
            .split(',')
            .map(|c| c.split_whitespace().next().unwrap_or_default().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if global {
            p.global.extend(codes);
        } else {
            p.by_line.push((n + 2, codes));
        }
    }
    p
}
