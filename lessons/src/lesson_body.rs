//! The pieces of a rendered lesson body that the UI reads at run time (made by
//! [`crate::markdown`] from the source, or decoded from the compiled course).

use serde::{Deserialize, Serialize};

/// One piece of a rendered lesson, in reading order: HTML, or a place for a component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Segment {
    Html(String),
    /// The exercise with this id (see [`crate::Lesson::exercises`]).
    Exercise(String),
    /// The lesson's quiz.
    Quiz,
}

/// A heading of the lesson, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A file block found while rendering (` ```dockerfile `, ` ```yaml `), for "Abrir en el editor".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileBlock {
    pub lang: String,
    /// The file name given with `archivo=…`, if any.
    pub name: Option<String>,
    pub code: String,
}
