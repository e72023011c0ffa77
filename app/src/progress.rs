//! A learner's progress: lessons visited, exercises solved, quiz answers. Plain data with a
//! versioned JSON form (the same document is kept in browser storage and exported as a file).
//!
//! The document, version 2 (keys in Spanish: instructors read exported files):
//!
//! ```json
//! { "formato": "muelle-progreso", "version": 2,
//!   "lecciones": {
//!     "anatomia-de-una-imagen": {
//!       "visitada": 1763200800000,
//!       "ejercicios": { "otro-nombre": { "resuelto": 1763200900000, "vio_solucion": false } },
//!       "cuestionario": { "expose": { "respuesta": { "tipo": "unica", "valor": "b" }, "correcta": true } } } } }
//! ```
//!
//! Times are milliseconds since 1970 (the browser's clock). Older documents are migrated by
//! [`Progress::from_json`]; each migration is one function from version N to N + 1.

use std::collections::BTreeMap;

use lessons::quiz::Kind;
use lessons::{Answer, Course, Lesson, Module};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version [`Progress::to_json`] writes.
pub const VERSION: u64 = 2;
/// The `formato` field that marks a Muelle progress document.
pub const FORMAT: &str = "muelle-progreso";

/// Everything recorded for one learner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(rename = "lecciones", default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// When the lesson was first opened.
    #[serde(rename = "visitada", default, skip_serializing_if = "Option::is_none")]
    pub visited_at: Option<i64>,
    #[serde(rename = "ejercicios", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exercises: BTreeMap<String, ExerciseProgress>,
    /// The last answer to each question of the lesson's quiz.
    #[serde(rename = "cuestionario", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quiz: BTreeMap<String, QuestionProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseProgress {
    /// When the goal was first met.
    #[serde(rename = "resuelto", default, skip_serializing_if = "Option::is_none")]
    pub solved_at: Option<i64>,
    /// The learner asked to see the reference solution.
    #[serde(rename = "vio_solucion", default)]
    pub saw_solution: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionProgress {
    #[serde(rename = "respuesta")]
    pub answer: Answer,
    #[serde(rename = "correcta")]
    pub correct: bool,
}

/// How much of something is done, in units (exercises and quiz questions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub done: usize,
    pub total: usize,
}

impl Tally {
    /// Whole percent, rounded down (100 only when everything is done).
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        u32::try_from(self.done.min(self.total) * 100 / self.total).unwrap_or(100)
    }

    pub fn complete(self) -> bool {
        self.total > 0 && self.done >= self.total
    }

    fn add(self, other: Tally) -> Tally {
        Tally { done: self.done + other.done, total: self.total + other.total }
    }
}

/// Why a progress document could not be read. The text is Spanish: the learner reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// Not JSON, or not the shape of a progress document.
    Unreadable(String),
    /// JSON, but not a Muelle progress document.
    NotProgress,
    /// Written by a newer Muelle than this one.
    TooNew(u64),
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::Unreadable(why) => write!(f, "los datos están dañados ({why})"),
            ProgressError::NotProgress => write!(f, "no es un archivo de progreso de Muelle"),
            ProgressError::TooNew(v) => {
                write!(f, "lo guardó una versión más nueva de Muelle (formato {v}; esta versión lee hasta el {VERSION})")
            }
        }
    }
}

/// The result of reading a document: the progress and the version it was written in.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub progress: Progress,
    pub from_version: u64,
}

impl Read {
    pub fn migrated(&self) -> bool {
        self.from_version < VERSION
    }
}

/// What importing a file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeReport {
    pub new_exercises: usize,
    pub new_answers: usize,
}

impl Progress {
    pub fn lesson(&self, lesson_id: &str) -> Option<&LessonProgress> {
        self.lessons.get(lesson_id)
    }

    fn lesson_mut(&mut self, lesson_id: &str) -> &mut LessonProgress {
        self.lessons.entry(lesson_id.to_string()).or_default()
    }

    /// Records the first visit; returns true when this is it.
    pub fn mark_visited(&mut self, lesson_id: &str, now: i64) -> bool {
        let lesson = self.lesson_mut(lesson_id);
        let first = lesson.visited_at.is_none();
        lesson.visited_at.get_or_insert(now);
        first
    }

    /// Records that an exercise's goal was met; returns true the first time.
    pub fn mark_solved(&mut self, lesson_id: &str, exercise_id: &str, now: i64) -> bool {
        let exercise = self.lesson_mut(lesson_id).exercises.entry(exercise_id.to_string()).or_default();
        let first = exercise.solved_at.is_none();
        exercise.solved_at.get_or_insert(now);
        first
    }

    /// Records that the learner revealed an exercise's solution.
    pub fn mark_solution_seen(&mut self, lesson_id: &str, exercise_id: &str) {
        self.lesson_mut(lesson_id).exercises.entry(exercise_id.to_string()).or_default().saw_solution = true;
    }

    pub fn is_solved(&self, lesson_id: &str, exercise_id: &str) -> bool {
        self.lesson(lesson_id).and_then(|l| l.exercises.get(exercise_id)).is_some_and(|e| e.solved_at.is_some())
    }

    pub fn record_answer(&mut self, lesson_id: &str, question_id: &str, answer: Answer, correct: bool) {
        self.lesson_mut(lesson_id).quiz.insert(question_id.to_string(), QuestionProgress { answer, correct });
    }

    pub fn answer(&self, lesson_id: &str, question_id: &str) -> Option<&QuestionProgress> {
        self.lesson(lesson_id)?.quiz.get(question_id)
    }

    /// A lesson's units: its exercises and the questions of its quiz a machine grades. A lesson with
    /// neither counts one unit, done once visited.
    pub fn lesson_tally(&self, lesson: &Lesson) -> Tally {
        let mine = self.lesson(&lesson.id);
        let solved = lesson.exercises.iter().filter(|e| self.is_solved(&lesson.id, &e.id)).count();
        let questions: Vec<&str> = lesson
            .quiz
            .iter()
            .flat_map(|q| q.questions.iter())
            .filter(|q| q.kind != Kind::Open)
            .map(|q| q.id.as_str())
            .collect();
        let right = questions.iter().filter(|q| self.answer(&lesson.id, q).is_some_and(|a| a.correct)).count();
        let total = lesson.exercises.len() + questions.len();
        if total == 0 {
            return Tally { done: usize::from(mine.is_some_and(|l| l.visited_at.is_some())), total: 1 };
        }
        Tally { done: solved + right, total }
    }

    pub fn module_tally(&self, course: &Course, module: &Module) -> Tally {
        course.lessons_in(&module.id).into_iter().map(|l| self.lesson_tally(l)).fold(Tally::default(), Tally::add)
    }

    pub fn course_tally(&self, course: &Course) -> Tally {
        course.modules.iter().map(|m| self.module_tally(course, m)).fold(Tally::default(), Tally::add)
    }

    /// Adds what `other` has and this one lacks: solved exercises (the earliest time wins),
    /// visits, seen solutions, and quiz answers for questions not answered here.
    pub fn merge(&mut self, other: Progress) -> MergeReport {
        let mut report = MergeReport::default();
        for (lesson_id, theirs) in other.lessons {
            let mine = self.lesson_mut(&lesson_id);
            mine.visited_at = match (mine.visited_at, theirs.visited_at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            for (exercise_id, e) in theirs.exercises {
                let m = mine.exercises.entry(exercise_id).or_default();
                if m.solved_at.is_none() && e.solved_at.is_some() {
                    report.new_exercises += 1;
                }
                m.solved_at = match (m.solved_at, e.solved_at) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                m.saw_solution |= e.saw_solution;
            }
            for (question_id, q) in theirs.quiz {
                let keep_mine = mine.quiz.get(&question_id).is_some_and(|m| m.correct || !q.correct);
                if !keep_mine {
                    mine.quiz.insert(question_id, q);
                    report.new_answers += 1;
                }
            }
        }
        report
    }

    /// The document, as stored and exported.
    pub fn to_json(&self) -> String {
        let mut doc = serde_json::Map::new();
        doc.insert("formato".into(), Value::from(FORMAT));
        doc.insert("version".into(), Value::from(VERSION));
        let body = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(fields) = body {
            doc.extend(fields);
        }
        serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
    }

    /// Reads a document of any known version, migrating it to the current one.
    pub fn from_json(text: &str) -> Result<Read, ProgressError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ProgressError::Unreadable(json_error(&e)))?;
        let Value::Object(doc) = value else { return Err(ProgressError::NotProgress) };
        if doc.get("formato").is_some_and(|f| f.as_str() != Some(FORMAT)) {
            return Err(ProgressError::NotProgress);
        }
        let Some(from_version) = doc.get("version").and_then(Value::as_u64) else { return Err(ProgressError::NotProgress) };
        if from_version > VERSION {
            return Err(ProgressError::TooNew(from_version));
        }
        let mut current = doc;
        let mut version = from_version;
        while version < VERSION {
            current = migrate(version, current)?;
            version += 1;
        }
        current.remove("formato");
        current.remove("version");
        let progress: Progress =
            serde_json::from_value(Value::Object(current)).map_err(|e| ProgressError::Unreadable(json_error(&e)))?;
        Ok(Read { progress, from_version })
    }
}

/// One step of migration: a document of `version` to `version + 1`.
fn migrate(version: u64, doc: serde_json::Map<String, Value>) -> Result<serde_json::Map<String, Value>, ProgressError> {
    match version {
        1 => Ok(v1_to_v2(doc)),
        // Version 0 never existed: a document without a known version is not progress.
        _ => Err(ProgressError::NotProgress),
    }
}

/// Version 1 kept two flat lists: `"visitadas": ["leccion", …]` and
/// `"resueltos": ["leccion/ejercicio", …]`, without times. Version 2 nests them by lesson (time 0
/// stands for "before times were recorded") and adds quiz answers.
fn v1_to_v2(doc: serde_json::Map<String, Value>) -> serde_json::Map<String, Value> {
    let strings = |key: &str| -> Vec<String> {
        doc.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
    };
    let mut progress = Progress::default();
    for lesson in strings("visitadas") {
        progress.mark_visited(&lesson, 0);
    }
    for key in strings("resueltos") {
        if let Some((lesson, exercise)) = key.split_once('/') {
            progress.mark_solved(lesson, exercise, 0);
        }
    }
    match serde_json::to_value(progress) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

/// A short Spanish description of a JSON error, with its position.
fn json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax | Category::Eof => "no es JSON válido",
        Category::Data => "un campo tiene un valor inesperado",
        Category::Io => "no se pudo leer",
    };
    format!("{what}: línea {}, columna {}", e.line(), e.column())
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn course() -> &'static Course {
        match crate::compiled_course::course() {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn read(text: &str) -> Read {
        match Progress::from_json(text) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn round_trips_through_json() {
        let mut p = Progress::default();
        p.mark_visited("anatomia-de-una-imagen", 5);
        p.mark_solved("anatomia-de-una-imagen", "otro-nombre", 7);
        p.mark_solution_seen("anatomia-de-una-imagen", "limpieza");
        p.record_answer("anatomia-de-una-imagen", "expose", Answer::Single("b".into()), true);
        let text = p.to_json();
        assert!(text.contains("\"formato\": \"muelle-progreso\""), "{text}");
        assert!(text.contains("\"version\": 2"), "{text}");
        let back = read(&text);
        assert_eq!(back.progress, p);
        assert!(!back.migrated());
    }

    #[test]
    fn the_first_visit_and_solve_are_kept() {
        let mut p = Progress::default();
        assert!(p.mark_visited("l", 5));
        assert!(!p.mark_visited("l", 9));
        assert!(p.mark_solved("l", "e", 10));
        assert!(!p.mark_solved("l", "e", 20));
        assert_eq!(p.lesson("l").and_then(|l| l.visited_at), Some(5));
        assert_eq!(p.lesson("l").and_then(|l| l.exercises.get("e")).and_then(|e| e.solved_at), Some(10));
    }

    #[test]
    fn migrates_version_1() {
        let v1 = r#"{"version": 1, "visitadas": ["bienvenida"], "resueltos": ["anatomia-de-una-imagen/otro-nombre", "sin-barra"]}"#;
        let r = read(v1);
        assert!(r.migrated());
        assert_eq!(r.from_version, 1);
        assert!(r.progress.is_solved("anatomia-de-una-imagen", "otro-nombre"));
        assert_eq!(r.progress.lesson("bienvenida").and_then(|l| l.visited_at), Some(0));
        assert_eq!(r.progress.lessons.len(), 2);
    }

    #[test]
    fn rejects_what_is_not_progress() {
        assert!(matches!(Progress::from_json("{nope"), Err(ProgressError::Unreadable(_))));
        assert_eq!(Progress::from_json("[1, 2]"), Err(ProgressError::NotProgress));
        assert_eq!(Progress::from_json(r#"{"lecciones": {}}"#), Err(ProgressError::NotProgress));
        assert_eq!(Progress::from_json(r#"{"formato": "otra-cosa", "version": 2}"#), Err(ProgressError::NotProgress));
        assert_eq!(Progress::from_json(r#"{"version": 9}"#), Err(ProgressError::TooNew(9)));
        let wrong_type = Progress::from_json(r#"{"version": 2, "lecciones": {"l": {"visitada": "ayer"}}}"#);
        assert!(matches!(wrong_type, Err(ProgressError::Unreadable(ref m)) if m.starts_with("un campo tiene un valor inesperado")), "{wrong_type:?}");
    }

    #[test]
    fn errors_read_in_spanish() {
        let e = Progress::from_json("{\"version\": 2,").err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "los datos están dañados (no es JSON válido: línea 1, columna 14)");
        assert_eq!(
            ProgressError::TooNew(3).to_string(),
            "lo guardó una versión más nueva de Muelle (formato 3; esta versión lee hasta el 2)"
        );
    }

    #[test]
    fn tallies_count_exercises_and_graded_questions() {
        let c = course();
        let Some(lesson) = c.lesson("anatomia-de-una-imagen") else { panic!("lesson") };
        let mut p = Progress::default();
        let total = lesson.exercises.len() + lesson.quiz.as_ref().map_or(0, |q| q.questions.len());
        assert_eq!(p.lesson_tally(lesson), Tally { done: 0, total });
        p.mark_solved(&lesson.id, "otro-nombre", 1);
        p.record_answer(&lesson.id, "expose", Answer::Single("b".into()), true);
        p.record_answer(&lesson.id, "crean-capa", Answer::Multiple(vec!["a".into()]), false);
        assert_eq!(p.lesson_tally(lesson), Tally { done: 2, total });
        let Some(welcome) = c.lesson("bienvenida") else { panic!("welcome") };
        assert_eq!(p.lesson_tally(welcome), Tally { done: 0, total: 1 });
        p.mark_visited("bienvenida", 1);
        assert!(p.lesson_tally(welcome).complete());
        let Some(module) = c.module("imagenes") else { panic!("module") };
        assert_eq!(p.module_tally(c, module).done, 2);
        assert_eq!(p.course_tally(c).done, 3);
    }

    #[test]
    fn percent_rounds_down() {
        assert_eq!(Tally { done: 2, total: 3 }.percent(), 66);
        assert_eq!(Tally { done: 3, total: 3 }.percent(), 100);
        assert_eq!(Tally { done: 0, total: 0 }.percent(), 0);
        assert!(!Tally { done: 0, total: 0 }.complete());
    }

    #[test]
    fn merge_keeps_the_best_of_both() {
        let mut mine = Progress::default();
        mine.mark_solved("l", "a", 50);
        mine.record_answer("l", "q1", Answer::Single("a".into()), true);
        mine.record_answer("l", "q2", Answer::Single("a".into()), false);
        let mut theirs = Progress::default();
        theirs.mark_solved("l", "a", 10);
        theirs.mark_solved("l", "b", 20);
        theirs.mark_visited("m", 3);
        theirs.record_answer("l", "q1", Answer::Single("c".into()), false);
        theirs.record_answer("l", "q2", Answer::Single("b".into()), true);
        let report = mine.merge(theirs);
        assert_eq!(report, MergeReport { new_exercises: 1, new_answers: 1 });
        assert_eq!(mine.lesson("l").and_then(|l| l.exercises.get("a")).and_then(|e| e.solved_at), Some(10));
        assert!(mine.is_solved("l", "b"));
        assert!(mine.answer("l", "q1").is_some_and(|a| a.correct));
        assert_eq!(mine.answer("l", "q2").map(|a| a.answer.clone()), Some(Answer::Single("b".into())));
        assert_eq!(mine.lesson("m").and_then(|l| l.visited_at), Some(3));
    }

    proptest! {
        #[test]
        fn reading_never_panics(text in "\\PC{0,80}") {
            let _ = Progress::from_json(&text);
        }

        #[test]
        fn reading_json_like_text_never_panics(text in r#"\{"version": ?[0-3], "(lecciones|visitadas|resueltos)": [\[\{"a-z/:, 0-9\]\}]{0,40}\}"#) {
            let _ = Progress::from_json(&text);
        }
    }
}
