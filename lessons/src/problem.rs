//! Problems found while loading the course: where (file, line, column) and what, in Spanish.

use std::fmt;

/// One thing wrong in a course file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to `lessons/content/`.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self { file: file.to_string(), line, column, message: message.into() }
    }

    /// A problem at a byte offset of the file's text.
    pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = crate::text::line_column(text, offset);
        Self::new(file, line, column, message)
    }

    /// A problem about the whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self::new(file, 0, 0, message)
    }

    #[cfg(feature = "source")]
    /// A TOML error inside `file`, whose TOML text starts at byte `base` of the file's `text`.
    pub fn toml(file: &str, text: &str, base: usize, err: &toml::de::Error) -> Self {
        let offset = base + err.span().map_or(0, |s| s.start);
        Self::at(file, text, offset, translate_toml(err.message()))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
        }
    }
}

/// Every problem found in the course (loading does not stop at the first one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for CourseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(f, "El curso tiene {n} {}:", if n == 1 { "problema" } else { "problemas" })?;
        for p in &self.problems {
            writeln!(f, "- {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CourseError {}

/// The usual serde/TOML messages, in Spanish; anything else is kept as it is.
#[cfg(feature = "source")]
pub fn translate_toml(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("falta el campo {rest}");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match rest.split_once(", expected ") {
            Some((field, expected)) => format!("campo desconocido {field}; se esperaba {}", translate_expected(expected)),
            None => format!("campo desconocido {rest}"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected ") {
            Some((variant, expected)) => format!("valor desconocido {variant}; se esperaba {}", translate_expected(expected)),
            None => format!("valor desconocido {rest}"),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return match rest.split_once(", expected ") {
            Some((found, expected)) => format!("tipo no válido: hay {}, se esperaba {}", kind(found), kind(expected)),
            None => format!("tipo no válido: {rest}"),
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        return format!("clave repetida{rest}");
    }
    message.to_string()
}

#[cfg(feature = "source")]
fn translate_expected(expected: &str) -> String {
    expected.replace("one of ", "uno de: ").replace(" or ", " o ")
}

#[cfg(feature = "source")]
fn kind(text: &str) -> String {
    let t = text.trim();
    for (en, es) in [
        ("a string", "un texto"),
        ("a sequence", "una lista"),
        ("a boolean", "un booleano (true o false)"),
        ("a map", "una tabla"),
        ("map", "una tabla"),
        ("sequence", "una lista"),
        ("u32", "un número entero"),
        ("u8", "un número entero"),
        ("f64", "un número"),
        ("f32", "un número"),
    ] {
        if t == en {
            return es.to_string();
        }
    }
    if let Some(v) = t.strip_prefix("string ") {
        return format!("el texto {v}");
    }
    if let Some(v) = t.strip_prefix("integer ") {
        return format!("el número {v}");
    }
    if let Some(v) = t.strip_prefix("boolean ") {
        return format!("el booleano {v}");
    }
    t.to_string()
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "source")]
    fn translates_common_serde_messages() {
        assert_eq!(translate_toml("missing field `titulo`"), "falta el campo `titulo`");
        assert_eq!(
            translate_toml("unknown field `titlo`, expected one of `titulo`, `modulo`"),
            "campo desconocido `titlo`; se esperaba uno de: `titulo`, `modulo`"
        );
        assert_eq!(translate_toml("invalid type: integer `3`, expected a string"), "tipo no válido: hay el número `3`, se esperaba un texto");
        assert_eq!(translate_toml("something else"), "something else");
    }

    #[test]
    fn displays_positions() {
        let p = Problem::new("curso.toml", 3, 7, "falta el campo `id`");
        assert_eq!(p.to_string(), "curso.toml:3:7: falta el campo `id`");
        let e = CourseError { problems: vec![p, Problem::file("x.md", "vacío")] };
        assert_eq!(e.to_string(), "El curso tiene 2 problemas:\n- curso.toml:3:7: falta el campo `id`\n- x.md: vacío\n");
    }
}
