//! The course and the other content tables (error explanations, linter rules, scanner notes,
//! the architecture strip), compiled at build time by `build.rs` (loaded, checked and rendered
//! from `lessons/content/`) and decoded here once. The browser reads no TOML and renders no
//! Markdown; a document that does not decode is reported like a broken course, never a panic.

use std::sync::OnceLock;

use lessons::lint_rules::LintRule;
use lessons::{Architecture, Compiled, Course, CourseError, Explanation};
use simulator::Output;

/// The document `build.rs` wrote.
const COMPILED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/course.json"));

/// Everything, decoded on first use.
pub fn compiled() -> Result<&'static Compiled, &'static CourseError> {
    static COMPILED: OnceLock<Result<Compiled, CourseError>> = OnceLock::new();
    COMPILED.get_or_init(|| Compiled::from_json(COMPILED_JSON)).as_ref()
}

/// The course (what `Course::shared()` gives with the lessons crate's `source` feature).
pub fn course() -> Result<&'static Course, &'static CourseError> {
    compiled().map(|c| &c.course)
}

/// A Spanish explanation of the error in `output`, from the course's table.
pub fn explain(output: &Output) -> Option<Explanation> {
    course().ok()?.explain(output)
}

/// The Spanish explanation of a linter rule code.
pub fn lint_rule(code: &str) -> Option<&'static LintRule> {
    compiled().ok()?.lint_rule(code)
}

/// The architecture strip's texts (empty if the document is broken).
pub fn architecture() -> &'static Architecture {
    static EMPTY: OnceLock<Architecture> = OnceLock::new();
    match compiled() {
        Ok(c) => &c.architecture,
        Err(_) => EMPTY.get_or_init(Architecture::default),
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_course_decodes() {
        let course = course().unwrap_or_else(|e| panic!("{e}"));
        assert!(course.lesson("ciclo-de-vida-de-un-contenedor").is_some());
        assert!(lint_rule("DL3008").is_some_and(|r| !r.explicacion_html.is_empty()));
        assert!(!architecture().parts().is_empty());
        let mut out = simulator::Output::new();
        out.errln("Error response from daemon: No such container: web");
        assert_eq!(explain(&out.with_exit(1)).map(|e| e.kind).as_deref(), Some("no-such-container"));
    }
}
