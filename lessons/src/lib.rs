//! The course as data: loading, validation, rendering and grading of Muelle's lessons.
//!
//! The course is a folder of plain files, `lessons/content/` (see its `README.md`, written in
//! Spanish for course authors): an index (`curso.toml`), one Markdown file per lesson under
//! `lecciones/` with exercises and a quiz in fenced blocks, and the tables of error explanations
//! (`errores.toml`), linter rules (`reglas.toml`), scanner notes (`escaner.toml`) and the
//! architecture strip (`arquitectura.toml`). Adding a lesson needs no Rust.
//!
//! # Two builds of this crate
//!
//! - With the feature `source` (the default: tests, native tools, the app's `build.rs`), the
//!   crate embeds every file of `content/` (`build.rs`) and reads it: TOML, front matter, the goal
//!   language, Markdown rendered to HTML (pulldown-cmark), validation with [`Problem`]s that point
//!   into the files. [`Compiled::load`] does all of it at once.
//! - Without it (the browser build), the crate has only the runtime types and behaviour: the
//!   [`Course`] and its lessons, exercises with [`Attempt`] (run, undo, reset, hints, goal
//!   checking), quizzes and their grading, restrictions, error explanations
//!   ([`Course::explain`]), lint rule texts, scanner notes, the architecture table and the
//!   Dockerfile/YAML highlighter. Everything is filled from the compiled course,
//!   [`Compiled::from_json`]: the app's `build.rs` loads the course with `source`, fails the build
//!   on any problem, and writes [`Compiled::to_json`] into its `OUT_DIR`, so the browser parses
//!   no TOML and renders no Markdown.
//!
//! This crate has no web dependency: plain Rust types a UI can drive.
//!
//! # API for the UI
//!
//! ```no_run
//! use lessons::{Course, Segment, quiz::{Answer, Answers}};
//!
//! let course = Course::shared().expect("the course is checked by the tests");   // needs `source`
//! for module in &course.modules {                         // the course map
//!     for lesson in course.lessons_in(&module.id) {
//!         println!("{} / {}", module.title, lesson.title);
//!     }
//! }
//! let lesson = course.lesson("ciclo-de-vida-de-un-contenedor").expect("exists");
//! // `lesson.html` is safe to insert as it is (raw HTML in lessons is escaped). Or mount
//! // components between its pieces:
//! for segment in &lesson.segments {
//!     match segment {
//!         Segment::Html(html) => { /* inner_html */ }
//!         Segment::Exercise(id) => { let _exercise = lesson.exercise(id); }
//!         Segment::Quiz => { let _quiz = lesson.quiz.as_ref(); }
//!     }
//! }
//! // Runnable blocks: `<pre class="code-block runnable" data-example="N" data-run="…">`;
//! // `lesson.examples[N].commands` are the lines to type.
//!
//! // An exercise: a fresh session with the setup run; every line is checked.
//! let exercise = lesson.exercises.first().expect("two per lesson");
//! let mut attempt = exercise.start();
//! let step = attempt.run("docker ps");
//! if let Some(why) = &step.refused { /* restriction: show `why` */ }
//! if step.just_solved { /* celebrate quietly, record `exercise.key()` */ }
//! for part in &step.status.parts { /* ✓/✗ part.description, part.detail */ }
//! attempt.undo();                                     // or attempt.reset()
//! let _hint = attempt.next_hint();                    // escalating hints
//! let _solution = &exercise.solution;                 // after "ver solución" is confirmed
//!
//! // Errors from the engine, explained in Spanish.
//! if let Some(output) = &step.output {
//!     if let Some(e) = course.explain(output) { println!("{}: {}", e.title, e.html); }
//! }
//!
//! // Quizzes: practice (one question at a time) or graded as a whole.
//! let quiz = lesson.quiz.as_ref().expect("one per lesson");
//! let mut answers = Answers::new();
//! answers.set(&quiz.questions[0].id, Answer::Single("a".into()));
//! let result = quiz.grade(&answers);                  // score, max_score, per-question feedback
//! let _one = quiz.questions[0].grade(answers.0.get(&quiz.questions[0].id));
//! # let _ = result;
//! ```
//!
//! The pieces, one module each: `markdown` (the only place that configures pulldown-cmark),
//! [`highlight`] (Dockerfile and YAML), `front_matter`, [`goal`] (the goal language: nom parser,
//! Spanish descriptions, checker), [`exercise`], [`restriction`], [`quiz`], [`explain`],
//! [`lesson`], [`course`], [`compiled`] (the course as one JSON document), [`goal_text`] (the
//! checker's messages to HTML at run time).

// Test code may use the std slice sorts (clippy.toml forbids them elsewhere, see `simulator::sort`).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod architecture;
pub mod compiled;
mod compiled_json;
pub mod course;
#[cfg(feature = "source")]
pub mod embedded;
pub mod exercise;
pub mod explain;
#[cfg(feature = "source")]
pub mod front_matter;
pub mod goal;
pub mod goal_text;
pub mod highlight;
pub mod lesson;
pub mod lesson_body;
pub mod lint_rules;
#[cfg(feature = "source")]
pub mod markdown;
pub mod problem;
pub mod quiz;
pub mod restriction;
pub mod scan_notes;
pub mod text;

pub use architecture::Architecture;
pub use compiled::Compiled;
pub use course::{Course, Module};
pub use exercise::{Attempt, Exercise, Step};
#[cfg(feature = "source")]
pub use explain::explain;
pub use explain::{ErrorTable, Explanation};
pub use goal::{GoalStatus, PartStatus};
pub use goal_text::goal_text_html;
pub use lesson::{Example, Lesson};
pub use lesson_body::Segment;
#[cfg(feature = "source")]
pub use markdown::{render_inline, render_markdown};
pub use problem::{CourseError, Problem};
pub use quiz::{Answer, Answers, Quiz, QuizResult};

/// The welcome lesson's source (front matter included; [`render_markdown`] skips it).
#[cfg(feature = "source")]
pub const WELCOME_LESSON: &str = include_str!("../content/lecciones/00-bienvenida.md");
