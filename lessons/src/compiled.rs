//! The compiled course: everything the UI reads from `content/`, loaded, checked and rendered
//! once (at build time, with the feature `source`) and stored as one JSON document. The browser
//! decodes it with [`Compiled::from_json`] instead of reading TOML and rendering Markdown.
//!
//! ```ignore
//! // app/build.rs (lessons with `source` as a build-dependency)
//! let compiled = lessons::Compiled::load()?;            // every problem of every file, or the content
//! std::fs::write(out_dir.join("course.json"), compiled.to_json()?)?;
//! // app/src: include_str!(concat!(env!("OUT_DIR"), "/course.json")) → Compiled::from_json
//! ```

use serde::{Deserialize, Serialize};

use crate::architecture::Architecture;
use crate::course::Course;
use crate::lint_rules::{self, LintRule};
use crate::problem::{CourseError, Problem};
use crate::scan_notes::{self, ScanNote};

/// The name problems with the compiled document are reported under.
pub const COMPILED_FILE: &str = "curso compilado (JSON)";

/// The course and the other content tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compiled {
    pub course: Course,
    /// `reglas.toml`: Spanish explanations of the linter's rules.
    pub lint_rules: Vec<LintRule>,
    /// `escaner.toml`: notes on what the scanner prints.
    pub scan_notes: Vec<ScanNote>,
    /// `arquitectura.toml`: the "Qué acaba de pasar" strip.
    pub architecture: Architecture,
}

impl Compiled {
    /// Loads and checks every embedded file; the error lists every problem found in any of them.
    #[cfg(feature = "source")]
    pub fn load() -> Result<Compiled, CourseError> {
        use crate::architecture::ARCHITECTURE_FILE;
        use crate::embedded;

        let mut problems = Vec::new();
        let course = Course::load().map_err(|e| problems.extend(e.problems)).ok();
        let lint = read(lint_rules::LINT_RULES_FILE, lint_rules::parse, &mut problems);
        let notes = read(scan_notes::SCAN_NOTES_FILE, scan_notes::parse, &mut problems);
        let architecture = match embedded::file(ARCHITECTURE_FILE) {
            None => {
                problems.push(Problem::file(ARCHITECTURE_FILE, "falta el archivo"));
                None
            }
            Some(text) => Architecture::load(ARCHITECTURE_FILE, text).map_err(|ps| problems.extend(ps)).ok(),
        };
        match (course, architecture) {
            (Some(course), Some(architecture)) if problems.is_empty() => {
                Ok(Compiled { course, lint_rules: lint, scan_notes: notes, architecture })
            }
            _ => Err(CourseError { problems }),
        }
    }

    /// The document written at build time.
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string(self).map_err(|e| e.to_string())
    }

    /// Decodes the document written by [`Compiled::to_json`]; a broken document is reported as a
    /// course problem (never a panic). Read by hand through a `serde_json::Value`, not with the
    /// derived `Deserialize` (much less code in the browser build: see `compiled_json`).
    pub fn from_json(json: &str) -> Result<Compiled, CourseError> {
        let broken = |message: String| CourseError { problems: vec![Problem::file(COMPILED_FILE, message)] };
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| broken(e.to_string()))?;
        Compiled::from_json_value(&value).map_err(|misfit| broken(misfit.message()))
    }

    fn from_json_value(value: &serde_json::Value) -> Result<Compiled, crate::compiled_json::Misfit> {
        <Compiled as crate::compiled_json::FromJson>::from_json(value)
    }

    /// The Spanish explanation of a linter rule code, if there is one.
    pub fn lint_rule(&self, code: &str) -> Option<&LintRule> {
        lint_rules::find(&self.lint_rules, code)
    }

    /// The note for a key as it appears in the scanner's output.
    pub fn scan_note(&self, key: &str) -> Option<&ScanNote> {
        scan_notes::find(&self.scan_notes, key)
    }
}

/// A table read with `parse`; what is wrong goes to `problems` (and the table is empty).
#[cfg(feature = "source")]
fn read<T: Default>(file: &str, parse: fn(&str) -> Result<T, String>, problems: &mut Vec<Problem>) -> T {
    match crate::embedded::file(file) {
        None => {
            problems.push(Problem::file(file, "falta el archivo"));
            T::default()
        }
        Some(text) => parse(text).unwrap_or_else(|message| {
            let message = message.strip_prefix(&format!("{file}: ")).map_or(message.clone(), str::to_string);
            problems.push(Problem::file(file, message));
            T::default()
        }),
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn compiled() -> Compiled {
        match Compiled::load() {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    /// The document decodes to exactly what loading the source files gives.
    #[test]
    fn the_json_round_trips() {
        let c = compiled();
        let json = c.to_json().unwrap_or_else(|e| panic!("{e}"));
        let back = Compiled::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.course, Course::load().unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(back, c);
        assert_eq!(back.lint_rules, lint_rules::all());
        assert_eq!(back.scan_notes, scan_notes::all());
        assert_eq!(&back.architecture, Architecture::shared());
        assert!(back.lint_rule("DL3008").is_some_and(|r| r.explicacion_html.contains("<code>")));
        assert!(back.scan_note("critical").is_some());
    }

    proptest::proptest! {
        #[test]
        fn any_text_decodes_or_fails_without_panicking(text in "\\PC*") {
            let _ = Compiled::from_json(&text);
        }

        /// The real document cut anywhere, or with one character swapped for a quote, a brace,
        /// a digit or `null`: an error (or, rarely, a document), never a panic.
        #[test]
        fn a_damaged_document_never_panics(at in 0usize..200_000, with in 0usize..5) {
            static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
            let json = JSON.get_or_init(|| compiled().to_json().unwrap_or_else(|e| panic!("{e}")));
            let at = at % json.len().max(1);
            let at = (0..=at).rev().find(|&i| json.is_char_boundary(i)).unwrap_or(0);
            let _ = Compiled::from_json(json.get(..at).unwrap_or_default());
            let next = json.get(at..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
            let patch = ["\"", "{", "7", "null", "[]"].get(with).copied().unwrap_or("");
            let damaged = format!("{}{patch}{}", json.get(..at).unwrap_or_default(), json.get(at + next..).unwrap_or_default());
            let _ = Compiled::from_json(&damaged);
        }
    }

    #[test]
    fn a_broken_document_is_a_course_error() {
        let e = Compiled::from_json("{\"course\": 3}").err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            e,
            "El curso tiene 1 problema:\n- curso compilado (JSON): el campo `course` falta o no tiene la forma esperada\n"
        );
        assert!(Compiled::from_json("").is_err_and(|e| e.to_string().contains("EOF while parsing")));
        let e = Compiled::from_json("[]").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.trim_end().ends_with("el documento no tiene la forma esperada"), "{e}");
        // A lesson without its `quiz` field is fine (an absent `Option`), one whose id is a number is not.
        let c = compiled();
        let mut value = serde_json::to_value(&c).unwrap_or_else(|e| panic!("{e}"));
        if let Some(lesson) = value.pointer_mut("/course/lessons/0").and_then(|l| l.as_object_mut()) {
            lesson.remove("quiz");
            lesson.insert("id".into(), serde_json::json!(3));
        }
        let e = Compiled::from_json(&value.to_string()).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.trim_end().ends_with("el campo `course.lessons.id` falta o no tiene la forma esperada"), "{e}");
    }
}
