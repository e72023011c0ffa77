//! How errors reach the terminal (`docker/cli` conventions, reference §0.1).

use crate::output::Output;

/// `Error response from daemon: <msg>` on stderr.
pub fn daemon(out: &mut Output, msg: &str) {
    out.errln(format!("Error response from daemon: {msg}"));
}

/// A `docker run`/`create`-style error: `docker: <msg>` + help line, exit 125 (or 126/127 for exec
/// failures, as the CLI decides from the message).
pub fn with_help(out: &mut Output, msg: &str, typed: &str) {
    out.errln(format!("docker: {msg}\n\nRun '{typed} --help' for more information"));
    out.exit_code = run_exit_code(msg);
}

/// A CLI-side option error of `run`/`create`: `docker: <msg>` + help line, always exit 125.
pub fn option_error(out: &mut Output, msg: &str, typed: &str) {
    out.errln(format!("docker: {msg}\n\nRun '{typed} --help' for more information"));
    out.exit_code = 125;
}

/// The exit code `docker run` uses for a daemon error message.
pub fn run_exit_code(msg: &str) -> i32 {
    if msg.contains("executable file not found") || msg.contains("no such file or directory") {
        127
    } else if msg.contains("permission denied") || msg.contains("is a directory") {
        126
    } else {
        125
    }
}

/// A `--format` template that failed to parse or execute: the CLI's message and exit code.
pub fn template_error(out: &mut Output, err: &crate::docker::listing::ListingError) {
    out.out(&err.partial);
    out.errln(&err.message);
    out.exit_code = err.exit_code;
}

/// Looks a container up by name, ID or ID prefix; prints the daemon's error when it is not found.
pub fn find_container<'a>(engine: &'a crate::engine::Engine, typed: &str, out: &mut Output) -> Option<&'a crate::engine::container::Container> {
    match engine.find_container(typed) {
        Ok(c) => Some(c),
        Err(e) => {
            daemon(out, &e.message());
            None
        }
    }
}
