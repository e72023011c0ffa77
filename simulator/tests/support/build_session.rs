//! What the build tests share: a browser-like session (Docker Hub reachable), a command that must
//! succeed, the project folder and an image's size.

#![allow(dead_code)]

use simulator::{MemoryProject, Output, Session, SessionConfig};

pub fn session() -> Session {
    Session::new(SessionConfig::default(), Box::new(MemoryProject::new()))
}

/// Runs `line` and fails the test if it does not exit 0.
pub fn run(s: &mut Session, line: &str) -> Output {
    let out = s.run_line(line);
    assert!(out.exit_code == 0, "`{line}` failed ({}):\n{}", out.exit_code, out.combined());
    out
}

/// Writes a file of the project folder (the build context).
pub fn write(s: &mut Session, path: &str, text: &str) {
    let _ = s.project.write(path, text);
}

/// The image's size in bytes, as `docker image inspect` gives it.
pub fn size(s: &mut Session, image: &str) -> u64 {
    run(s, &format!("docker image inspect -f '{{{{.Size}}}}' {image}")).stdout().trim().parse().unwrap_or(0)
}
