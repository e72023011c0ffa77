//! Reading the files a command names, or its standard input.

use super::Invocation;
use crate::shell::folder::{self, Folder, Kind, PathError};
use crate::shell::{Programs, ShellState};

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReadError {
    NotFound,
    IsDir,
    Denied,
}

impl ReadError {
    /// The `strerror` text.
    pub(super) fn message(self) -> &'static str {
        match self {
            ReadError::NotFound => "No such file or directory",
            ReadError::IsDir => "Is a directory",
            ReadError::Denied => "Permission denied",
        }
    }
}

/// Reads a file operand (relative to the shell's directory); `-` is standard input.
pub(super) fn read(
    inv: &Invocation<'_>,
    state: &mut ShellState,
    programs: &mut dyn Programs,
    name: &str,
) -> Result<String, ReadError> {
    if name == "-" {
        return Ok(inv.stdin.unwrap_or("").to_string());
    }
    if name == "/dev/null" {
        return Ok(String::new());
    }
    let path = folder::resolve_in(state.root, &state.cwd, name).map_err(|e| match e {
        PathError::Empty => ReadError::NotFound,
        PathError::Outside => ReadError::Denied,
    })?;
    let folder = Folder::open(programs, &mut state.dirs, state.root);
    match folder.kind(&path) {
        Some(Kind::File) => Ok(folder.read(&path).unwrap_or_default()),
        Some(Kind::Dir) => Err(ReadError::IsDir),
        None => Err(ReadError::NotFound),
    }
}
