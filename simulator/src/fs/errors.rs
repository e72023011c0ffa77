//! Filesystem errors as the C library names them: the shell prints `strerror(errno)` after its own
//! prefix (`cat: can't open 'x': No such file or directory`).

use std::fmt;

/// The error numbers the simulated filesystem can return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Errno {
    /// ENOENT
    NoEnt,
    /// ENOTDIR
    NotDir,
    /// EISDIR
    IsDir,
    /// ENOTEMPTY
    NotEmpty,
    /// EEXIST
    Exist,
    /// EROFS
    ReadOnly,
    /// ELOOP
    Loop,
    /// ENAMETOOLONG
    NameTooLong,
    /// EINVAL
    Invalid,
    /// EBUSY (removing or renaming `/`)
    Busy,
    /// EFBIG (appending to a large size-only file: the simulator keeps no bytes for it)
    FileTooLarge,
}

impl Errno {
    /// `strerror` of glibc (Debian, Ubuntu, busybox-glibc images).
    pub fn strerror(self) -> &'static str {
        match self {
            Errno::NoEnt => "No such file or directory",
            Errno::NotDir => "Not a directory",
            Errno::IsDir => "Is a directory",
            Errno::NotEmpty => "Directory not empty",
            Errno::Exist => "File exists",
            Errno::ReadOnly => "Read-only file system",
            Errno::Loop => "Too many levels of symbolic links",
            Errno::NameTooLong => "File name too long",
            Errno::Invalid => "Invalid argument",
            Errno::Busy => "Device or resource busy",
            Errno::FileTooLarge => "File too large",
        }
    }

    /// `strerror` of musl (Alpine images), where it differs from glibc's.
    pub fn strerror_musl(self) -> &'static str {
        match self {
            Errno::Loop => "Symbolic link loop",
            Errno::NameTooLong => "Filename too long",
            Errno::Busy => "Resource busy",
            other => other.strerror(),
        }
    }
}

/// A failed filesystem operation: the error number and the path as the caller gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError {
    pub errno: Errno,
    pub path: String,
}

impl FsError {
    pub fn new(errno: Errno, path: &str) -> FsError {
        FsError { errno, path: path.to_string() }
    }
}

impl fmt::Display for FsError {
    /// glibc's text, the shell adds the command and the path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.errno.strerror())
    }
}

impl std::error::Error for FsError {}
