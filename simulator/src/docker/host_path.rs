//! Paths on the learner's side of `docker cp`, `docker save -o`…: the project folder, mounted at
//! the shell's home directory.

use crate::shell::HOME;

/// A project-relative path for a host path typed in directory `cwd` (project-relative); `None`
/// for an absolute path outside the folder.
pub fn project_path(cwd: &str, typed: &str) -> Option<String> {
    let rel = if let Some(rest) = typed.strip_prefix(HOME) {
        if !(rest.is_empty() || rest.starts_with('/')) {
            return None;
        }
        rest.to_string()
    } else if typed.starts_with('/') {
        return None;
    } else if cwd.is_empty() {
        typed.to_string()
    } else {
        format!("{cwd}/{typed}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The absolute host path of a project path (for messages).
pub fn host_path(rel: &str) -> String {
    if rel.is_empty() {
        HOME.to_string()
    } else {
        format!("{HOME}/{rel}")
    }
}

/// Writes an archive listing to `-o FILE` in the project folder, or to stdout, then the note about
/// what the simulator could not write. `failure` starts the error (`failed to save image`).
pub fn write_archive(
    out: &mut crate::output::Output,
    project: &mut dyn crate::project::ProjectFiles,
    cwd: &str,
    target: Option<&str>,
    text: &str,
    note: &str,
    failure: &str,
) {
    match target {
        Some(file) => {
            let Some(rel) = project_path(cwd, file) else {
                out.errln(format!("{failure}: open {file}: permission denied"));
                out.exit_code = 1;
                return;
            };
            if let Err(e) = project.write(&rel, text) {
                out.errln(e);
                out.exit_code = 1;
                return;
            }
        }
        None => out.out(text),
    }
    out.errln(note);
}
