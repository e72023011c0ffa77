//! The course files embedded at build time by `build.rs` (every `.md` and `.toml` under
//! `lessons/content/`, except the authors' guide).

include!(concat!(env!("OUT_DIR"), "/content_files.rs"));

/// The course index.
pub const INDEX_FILE: &str = "curso.toml";
/// The table of error explanations.
pub const ERRORS_FILE: &str = "errores.toml";
/// The folder of lessons.
pub const LESSONS_DIR: &str = "lecciones/";

/// The text of an embedded file, by its path relative to `content/`.
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}
