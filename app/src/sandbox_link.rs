//! What a shared sandbox carries in its address: the session's seed (so IDs come out the same), the
//! project files and the lines typed, as JSON, compressed ([`compact_codec`]) and written in URL-safe
//! base64 after `#/sandbox?estado=`. Opening the address replays it; nothing goes to a server.

use serde::{Deserialize, Serialize};

use crate::compact_codec::{self, CodecError};

/// The format's version, the first byte before compression.
const VERSION: u8 = 1;
/// A replay runs at most this many lines (a link cannot keep the page busy for ever).
pub const MAX_LINES: usize = 2_000;
/// At most this many project files.
pub const MAX_FILES: usize = 200;

/// Typed by the learner in the transcript to stop a foreground command (Ctrl+C).
pub const INTERRUPT: &str = "\u{3}";
/// Ctrl+P Ctrl+Q: the foreground command goes on in the background.
pub const DETACH: &str = "\u{10}\u{11}";
/// Starts a transcript item "the editor saved a file": the path, [`FILE_SEPARATOR`], the content.
pub const FILE_SAVED: char = '\u{1}';
/// Starts a transcript item "the editor deleted a file": the path follows.
pub const FILE_DELETED: char = '\u{2}';
pub const FILE_SEPARATOR: char = '\u{0}';

/// One item of a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Line(&'a str),
    Interrupt,
    Detach,
    Saved { path: &'a str, content: &'a str },
    Deleted(&'a str),
}

impl<'a> Step<'a> {
    pub fn read(item: &'a str) -> Step<'a> {
        if item == INTERRUPT {
            return Step::Interrupt;
        }
        if item == DETACH {
            return Step::Detach;
        }
        if let Some(rest) = item.strip_prefix(FILE_SAVED) {
            let (path, content) = rest.split_once(FILE_SEPARATOR).unwrap_or((rest, ""));
            return Step::Saved { path, content };
        }
        if let Some(path) = item.strip_prefix(FILE_DELETED) {
            return Step::Deleted(path);
        }
        Step::Line(item)
    }

    pub fn saved(path: &str, content: &str) -> String {
        format!("{FILE_SAVED}{path}{FILE_SEPARATOR}{content}")
    }

    pub fn deleted(path: &str) -> String {
        format!("{FILE_DELETED}{path}")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxState {
    /// The session's seed.
    #[serde(rename = "s", default)]
    pub seed: u64,
    /// The project files (path, content) when the session started, in order.
    #[serde(rename = "f", default)]
    pub files: Vec<(String, String)>,
    /// The lines run, in order, with [`INTERRUPT`] and [`DETACH`] where the learner pressed them and
    /// the editor's saves and deletions ([`Step`]).
    #[serde(rename = "c", default)]
    pub lines: Vec<String>,
}

/// Why a shared address could not be opened (Spanish, for the learner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError(pub String);

impl SandboxState {
    /// The code for the address (after `estado=`).
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        let mut bytes = vec![VERSION];
        bytes.extend(compact_codec::compress(&json));
        compact_codec::to_base64url(&bytes)
    }

    /// Reads a code; a damaged one gives a Spanish message, never a panic.
    pub fn decode(code: &str) -> Result<SandboxState, LinkError> {
        let damaged = |e: CodecError| LinkError(format!("El enlace del sandbox {e}. Se abre un sandbox vacío."));
        let bytes = compact_codec::from_base64url(code.trim()).map_err(damaged)?;
        let (version, packed) = bytes.split_first().ok_or(damaged(CodecError::Truncated))?;
        if *version != VERSION {
            return Err(LinkError(
                "El enlace del sandbox es de otra versión de Muelle y esta no sabe leerlo. Se abre un sandbox vacío.".to_string(),
            ));
        }
        let json = compact_codec::decompress(packed).map_err(damaged)?;
        let state: SandboxState = serde_json::from_slice(&json).map_err(|_| damaged(CodecError::BadDistance))?;
        if state.lines.len() > MAX_LINES || state.files.len() > MAX_FILES {
            return Err(damaged(CodecError::TooLarge));
        }
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> SandboxState {
        SandboxState {
            seed: 42,
            files: vec![("Dockerfile".into(), "FROM alpine\nCMD [\"echo\", \"hola\"]\n".into())],
            lines: vec!["docker run -d --name web nginx".into(), "docker ps".into(), INTERRUPT.into()],
        }
    }

    #[test]
    fn a_state_comes_back_from_its_code() {
        let code = sample().encode();
        assert!(code.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'), "{code}");
        assert_eq!(SandboxState::decode(&code), Ok(sample()));
    }

    #[test]
    fn steps_are_read_back() {
        assert_eq!(Step::read("docker ps"), Step::Line("docker ps"));
        assert_eq!(Step::read(INTERRUPT), Step::Interrupt);
        assert_eq!(Step::read(DETACH), Step::Detach);
        let saved = Step::saved("Dockerfile", "FROM alpine\n");
        assert_eq!(Step::read(&saved), Step::Saved { path: "Dockerfile", content: "FROM alpine\n" });
        assert_eq!(Step::read(&Step::deleted("x.txt")), Step::Deleted("x.txt"));
    }

    #[test]
    fn damaged_codes_say_so_in_spanish() {
        let code = sample().encode();
        let cut = code.get(..code.len() / 2).unwrap_or_default();
        let Err(LinkError(message)) = SandboxState::decode(cut) else { unreachable!("a cut code must not decode") };
        assert!(message.starts_with("El enlace del sandbox "), "{message}");
        assert_eq!(
            SandboxState::decode("¡hola!"),
            Err(LinkError("El enlace del sandbox contiene caracteres que no forman parte de un enlace de Muelle. Se abre un sandbox vacío.".into()))
        );
        assert!(SandboxState::decode("").is_err());
        // Version 2 (byte 0x02 → "Ag").
        assert!(SandboxState::decode("Ag").is_err_and(|e| e.0.contains("otra versión")));
    }

    proptest! {
        #[test]
        fn round_trip(seed in any::<u64>(),
                      files in proptest::collection::vec(("[a-zA-Z0-9_./-]{1,20}", "\\PC{0,200}"), 0..5),
                      lines in proptest::collection::vec("\\PC{0,80}", 0..30)) {
            let state = SandboxState { seed, files, lines };
            prop_assert_eq!(SandboxState::decode(&state.encode()), Ok(state));
        }

        #[test]
        fn garbage_never_panics(code in "\\PC{0,300}") {
            if let Err(LinkError(message)) = SandboxState::decode(&code) {
                prop_assert!(message.starts_with("El enlace del sandbox "), "{}", message);
            }
        }

        #[test]
        fn valid_base64_of_garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = SandboxState::decode(&compact_codec::to_base64url(&bytes));
            let mut versioned = vec![VERSION];
            versioned.extend(bytes);
            let _ = SandboxState::decode(&compact_codec::to_base64url(&versioned));
        }
    }
}
