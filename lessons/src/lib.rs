//! The course as data: loading, validation, rendering and grading of Muelle's lessons.
//!
//! For now it holds the one place that configures pulldown-cmark ([`render_markdown`]) and a
//! placeholder lesson; the loader, the goal language and quiz grading come later.

mod markdown;

pub use markdown::render_markdown;

/// The placeholder lesson shown beside the terminal until the course loader exists.
pub const WELCOME_LESSON: &str = include_str!("../content/00-bienvenida.md");
