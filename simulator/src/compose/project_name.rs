//! Project names: `-p`, `COMPOSE_PROJECT_NAME`, `name:` or the folder's name, as Compose checks
//! and normalises them.

use super::error::{ComposeError, ErrorKind};

/// True for names Compose accepts as they are: `[a-z0-9][a-z0-9_-]*`.
pub fn is_valid(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A name given explicitly (`-p`, `COMPOSE_PROJECT_NAME`, `name:`) must already be valid.
pub fn check(name: &str) -> Result<String, ComposeError> {
    if is_valid(name) {
        Ok(name.to_string())
    } else {
        Err(ComposeError::new(
            ErrorKind::InvalidProjectName,
            format!("invalid project name {name:?}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number"),
        ))
    }
}

/// The name derived from a folder: lowercased, other characters dropped, leading `_`/`-` removed.
pub fn from_dir(dir: &str) -> String {
    let base = dir.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    let lowered: String = base
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-')
        .collect();
    lowered.trim_start_matches(['_', '-']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(from_dir("/home/estudiante/Mi App.2"), "miapp2");
        assert_eq!(from_dir("/tmp/golden-AbC12x"), "golden-abc12x");
        assert!(check("Otro_Nombre").is_err());
        assert_eq!(check("otro_nombre-2"), Ok("otro_nombre-2".to_string()));
    }
}
