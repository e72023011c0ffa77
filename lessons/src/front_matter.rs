//! Lesson front matter: a TOML block between two `+++` lines at the very top of the file.
//!
//! ```text
//! +++
//! titulo = "El ciclo de vida de un contenedor"
//! modulo = "contenedores"
//! orden = 1
//! objetivos = ["Distinguir los estados de un contenedor", "…"]
//! +++
//! # El ciclo de vida de un contenedor
//! …
//! ```

use serde::Deserialize;

use crate::problem::Problem;

/// What a lesson declares about itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Stable identifier (URLs, progress). Defaults to the file name without its number prefix.
    #[serde(default)]
    pub id: Option<String>,
    pub titulo: String,
    /// The `id` of a module of `curso.toml`.
    pub modulo: String,
    /// Position inside the module (lessons are sorted by it).
    pub orden: u32,
    #[serde(default)]
    pub objetivos: Vec<String>,
    /// Estimated minutes.
    #[serde(default)]
    pub duracion: Option<u32>,
}

/// Splits `+++ front +++ body`: the front matter text, the body, and the byte offset where the
/// front matter text starts. `None` when the file does not start with a `+++` line or the block is
/// never closed.
pub fn split(text: &str) -> Option<(&str, &str, usize)> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let rest = text.get(start..)?;
    let first_end = rest.find('\n')?;
    if rest.get(..first_end)?.trim_end() != "+++" {
        return None;
    }
    let front_start = start + first_end + 1;
    let mut pos = front_start;
    loop {
        let remaining = text.get(pos..)?;
        let line_end = remaining.find('\n').map_or(remaining.len(), |i| i);
        let line = remaining.get(..line_end)?;
        if line.trim_end() == "+++" {
            let front = text.get(front_start..pos)?;
            let body_start = (pos + line_end + 1).min(text.len());
            return Some((front, text.get(body_start..)?, front_start));
        }
        if line_end == remaining.len() {
            return None;
        }
        pos += line_end + 1;
    }
}

/// Reads the front matter of the lesson `file`: the parsed fields, the body and its byte offset.
pub fn parse<'a>(file: &str, text: &'a str) -> Result<(FrontMatter, &'a str, usize), Problem> {
    let Some((front, body, front_start)) = split(text) else {
        return Err(Problem::new(
            file,
            1,
            1,
            "la lección debe empezar con su ficha entre dos líneas `+++` (titulo, modulo, orden, objetivos)",
        ));
    };
    let body_offset = text.len() - body.len();
    let fm: FrontMatter = toml::from_str(front).map_err(|e| Problem::toml(file, text, front_start, &e))?;
    if fm.titulo.trim().is_empty() {
        return Err(Problem::at(file, text, front_start, "el campo `titulo` está vacío"));
    }
    Ok((fm, body, body_offset))
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LESSON: &str = "+++\ntitulo = \"Hola\"\nmodulo = \"m\"\norden = 2\nobjetivos = [\"a\"]\n+++\n# Hola\n";

    #[test]
    fn splits_front_matter_and_body() {
        let (front, body, start) = split(LESSON).unwrap_or_default();
        assert_eq!(front, "titulo = \"Hola\"\nmodulo = \"m\"\norden = 2\nobjetivos = [\"a\"]\n");
        assert_eq!(body, "# Hola\n");
        assert_eq!(start, 4);
    }

    #[test]
    fn parses_fields() {
        let (fm, body, offset) = parse("x.md", LESSON).map_err(|p| p.to_string()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fm.titulo, "Hola");
        assert_eq!(fm.modulo, "m");
        assert_eq!(fm.orden, 2);
        assert_eq!(fm.objetivos, ["a"]);
        assert_eq!(fm.id, None);
        assert_eq!(body, "# Hola\n");
        assert_eq!(LESSON.get(offset..), Some("# Hola\n"));
    }

    #[test]
    fn missing_front_matter_is_reported_at_the_start() {
        let err = parse("x.md", "# Hola\n").err().map(|p| (p.line, p.column));
        assert_eq!(err, Some((1, 1)));
        assert_eq!(split("+++\ntitulo = 1\n"), None);
    }

    #[test]
    fn toml_errors_point_into_the_file() {
        let text = "+++\ntitulo = \"Hola\"\nmodulo = \"m\"\norden = \"dos\"\n+++\n";
        let p = parse("x.md", text).err();
        assert_eq!(p.as_ref().map(|p| (p.line, p.column)), Some((4, 9)), "{p:?}");
        assert!(p.is_some_and(|p| p.message.contains("tipo no válido")));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text = "+++\ntitulo = \"Hola\"\nmodulo = \"m\"\norden = 1\ntitle = \"x\"\n+++\n";
        let p = parse("x.md", text).err();
        assert!(p.as_ref().is_some_and(|p| p.message.starts_with("campo desconocido `title`") && p.line == 5), "{p:?}");
    }

    proptest! {
        #[test]
        fn never_panics(text in "(\\+\\+\\+\n)?\\PC{0,80}(\n\\+\\+\\+\n)?\\PC{0,20}") {
            let _ = parse("x.md", &text);
        }

        #[test]
        fn never_panics_on_any_bytes(text in "\\PC*") {
            let _ = parse("x.md", &text);
        }
    }
}
