//! The course as data (work in progress).

pub mod front_matter;
pub mod goal;
pub mod highlight;
pub mod markdown;
pub mod problem;
pub mod text;

pub use markdown::{render_inline, render_markdown};

/// The welcome lesson's source (front matter included; [`render_markdown`] skips it).
pub const WELCOME_LESSON: &str = include_str!("../content/lecciones/00-bienvenida.md");
