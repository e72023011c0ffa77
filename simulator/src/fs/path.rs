//! Path strings: splitting into components, joining with a working directory, and the kernel's
//! length limits.

use super::errors::{Errno, FsError};

/// `PATH_MAX`: the longest path the kernel accepts (including the terminating NUL).
pub const PATH_MAX: usize = 4096;
/// `NAME_MAX`: the longest single component.
pub const NAME_MAX: usize = 255;
/// The most symbolic links one lookup follows (Linux' `MAXSYMLINKS`).
pub const MAX_SYMLINKS: usize = 40;

/// A path split for lookup: its components (`.` and `..` kept, empty ones dropped) and whether it
/// ended with a slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub components: Vec<&'a str>,
    pub trailing_slash: bool,
}

/// Checks the kernel's limits and splits `path`. Relative paths are taken from `/` (callers join
/// them with their working directory first, see [`join`]). The empty path is `ENOENT`, as for
/// `open("")`.
pub fn split(path: &str) -> Result<Split<'_>, FsError> {
    if path.is_empty() {
        return Err(FsError::new(Errno::NoEnt, path));
    }
    if path.len() >= PATH_MAX || path.contains('\0') {
        let errno = if path.contains('\0') { Errno::Invalid } else { Errno::NameTooLong };
        return Err(FsError::new(errno, path));
    }
    let components: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
    if components.iter().any(|c| c.len() > NAME_MAX) {
        return Err(FsError::new(Errno::NameTooLong, path));
    }
    let trailing_slash = path.ends_with('/') && !components.is_empty();
    Ok(Split { components, trailing_slash })
}

/// `cwd` joined with `path` as the kernel sees it: absolute paths stay, relative ones are taken
/// from `cwd` (no `..` is folded: that happens during lookup, after symlinks).
pub fn join(cwd: &str, path: &str) -> String {
    if path.starts_with('/') || path.is_empty() {
        path.to_string()
    } else if cwd.is_empty() || cwd == "/" {
        format!("/{path}")
    } else {
        format!("{}/{path}", cwd.trim_end_matches('/'))
    }
}

/// The absolute path string of canonical components (`/` for none).
pub fn render(components: &[impl AsRef<str>]) -> String {
    if components.is_empty() {
        return "/".to_string();
    }
    let mut s = String::new();
    for c in components {
        s.push('/');
        s.push_str(c.as_ref());
    }
    s
}

/// Lexically cleaned absolute path (`/a/./b/../c` → `/a/c`): what `cd` shows before the
/// filesystem is asked.
pub fn clean(cwd: &str, path: &str) -> String {
    let joined = join(cwd, path);
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    render(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_limits() {
        let s = split("//a/./b//").ok();
        assert_eq!(s.as_ref().map(|s| s.components.clone()), Some(vec!["a", ".", "b"]));
        assert_eq!(s.map(|s| s.trailing_slash), Some(true));
        assert_eq!(split("/").map(|s| (s.components.len(), s.trailing_slash)), Ok((0, false)));
        assert_eq!(split("").map(|_| ()), Err(FsError::new(Errno::NoEnt, "")));
        let long_name = "x".repeat(256);
        assert_eq!(split(&long_name).map(|_| ()).map_err(|e| e.errno), Err(Errno::NameTooLong));
        let long_path = "/a".repeat(2048);
        assert_eq!(split(&long_path).map(|_| ()).map_err(|e| e.errno), Err(Errno::NameTooLong));
        assert_eq!(split("a\0b").map(|_| ()).map_err(|e| e.errno), Err(Errno::Invalid));
    }

    #[test]
    fn joins_and_cleans() {
        assert_eq!(join("/usr", "bin"), "/usr/bin");
        assert_eq!(join("/", "bin"), "/bin");
        assert_eq!(join("/usr/", "/etc"), "/etc");
        assert_eq!(clean("/usr/share", "../lib"), "/usr/lib");
        assert_eq!(clean("/", "../../x/./y/"), "/x/y");
        assert_eq!(render(&[] as &[&str]), "/");
    }
}
