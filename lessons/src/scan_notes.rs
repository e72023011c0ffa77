//! Spanish notes on what the scanner (`trivy`) prints: severities, statuses, the Fixed Version
//! column, secret rules and Dockerfile checks, keyed by the text that appears in the output.
//! The table lives in `content/escaner.toml`. Reading it ([`parse`], [`all`], [`note`]) needs
//! the feature `source`; at run time it comes with the compiled course
//! ([`crate::Compiled::scan_note`], [`find`]).

#[cfg(feature = "source")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

#[cfg(feature = "source")]
use crate::embedded;

/// The file of scanner notes, relative to `content/`.
pub const SCAN_NOTES_FILE: &str = "escaner.toml";

/// One note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanNote {
    /// What appears in trivy's output: `CRITICAL`, `will_not_fix`, `Fixed Version`, `DS002`…
    pub clave: String,
    pub titulo: String,
    /// Markdown.
    pub explicacion: String,
}

#[cfg(feature = "source")]
#[derive(Debug, Deserialize)]
struct NotesFile {
    nota: Vec<ScanNote>,
}

/// Parses the table (an error message in Spanish when it is malformed).
#[cfg(feature = "source")]
pub fn parse(text: &str) -> Result<Vec<ScanNote>, String> {
    let file: NotesFile = toml::from_str(text).map_err(|e| format!("{SCAN_NOTES_FILE}: {e}"))?;
    Ok(file.nota)
}

/// Every note of the embedded table.
#[cfg(feature = "source")]
pub fn all() -> &'static [ScanNote] {
    static NOTES: OnceLock<Vec<ScanNote>> = OnceLock::new();
    NOTES.get_or_init(|| embedded::file(SCAN_NOTES_FILE).and_then(|t| parse(t).ok()).unwrap_or_default())
}

/// The note for a key as it appears in the output (severities and statuses ignore case).
#[cfg(feature = "source")]
pub fn note(key: &str) -> Option<&'static ScanNote> {
    find(all(), key)
}

/// The note in `notes` for a key as it appears in the output (severities and statuses ignore case).
pub fn find<'n>(notes: &'n [ScanNote], key: &str) -> Option<&'n ScanNote> {
    notes.iter().find(|n| n.clave == key).or_else(|| notes.iter().find(|n| n.clave.eq_ignore_ascii_case(key)))
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_covers_what_trivy_prints() {
        let text = embedded::file(SCAN_NOTES_FILE).unwrap_or_default();
        let notes = parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(notes.len(), all().len());
        for key in ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN", "Fixed Version", "fixed", "affected", "will_not_fix", "DS001", "DS002", "DS005", "DS026", "DS031", "aws-access-key-id", "private-key", "github-pat", "hardcoded-password", "hardcoded-api-key"] {
            assert!(note(key).is_some(), "no note for {key}");
        }
        let mut keys: Vec<&str> = notes.iter().map(|n| n.clave.as_str()).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "duplicate keys");
        assert!(notes.iter().all(|n| !n.titulo.is_empty() && !n.explicacion.trim().is_empty()));
    }
}
