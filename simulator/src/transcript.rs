//! The transcript format shared by `dockersim`, the golden tests and the real-engine capture tool:
//!
//! ```text
//! $ <command line>
//! <stdout and stderr, in arrival order>
//! [exit N]
//! ```
//!
//! When the output does not end with a newline, `[no newline at end of output]` comes before the exit line.

use crate::session::Session;

/// One command of a transcript and what it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub command: String,
    pub output: String,
    pub exit_code: i32,
}

const NO_NEWLINE: &str = "[no newline at end of output]";

/// Renders one entry exactly as `capture.sh` prints it.
pub fn render_entry(command: &str, output: &str, exit_code: i32) -> String {
    let mut s = format!("$ {command}\n{output}");
    if !output.is_empty() && !output.ends_with('\n') {
        s.push('\n');
        s.push_str(NO_NEWLINE);
        s.push('\n');
    }
    s.push_str(&format!("[exit {exit_code}]\n"));
    s
}

/// Parses a transcript back into entries. Lines before the first `$ ` are ignored.
pub fn parse(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        if let Some((command, body)) = current.as_mut() {
            if let Some(code) = exit_line(line) {
                let mut output = String::new();
                let no_newline = body.last() == Some(&NO_NEWLINE);
                let lines = if no_newline { body.get(..body.len() - 1).unwrap_or_default() } else { &body[..] };
                for l in lines {
                    output.push_str(l);
                    output.push('\n');
                }
                if no_newline {
                    output.pop();
                }
                entries.push(Entry { command: std::mem::take(command), output, exit_code: code });
                current = None;
            } else {
                body.push(line);
            }
        } else if let Some(cmd) = line.strip_prefix("$ ") {
            current = Some((cmd.to_string(), Vec::new()));
        }
    }
    entries
}

fn exit_line(line: &str) -> Option<i32> {
    let rest = line.strip_prefix("[exit ")?;
    let end = rest.find(']')?;
    rest.get(..end)?.parse().ok()
}

/// Runs command lines through a session the way `dockersim` does: blank lines and `#` comments are
/// skipped, the clock advances one second before each command. Returns the entries.
pub fn run_lines<'a>(session: &mut Session, lines: impl IntoIterator<Item = &'a str>) -> Vec<Entry> {
    let mut entries = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let next = session.now().plus_secs(1);
        session.set_now(next);
        let out = session.run_line(line);
        entries.push(Entry { command: line.to_string(), output: out.combined(), exit_code: out.exit_code });
    }
    entries
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)] // test code: the length is asserted before indexing
mod tests {
    use super::*;

    #[test]
    fn renders_and_parses_round_trip() {
        let text = render_entry("docker ps", "CONTAINER ID\n", 0) + &render_entry("printf x", "x", 1);
        assert_eq!(text, "$ docker ps\nCONTAINER ID\n[exit 0]\n$ printf x\nx\n[no newline at end of output]\n[exit 1]\n");
        let entries = parse(&text);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1], Entry { command: "printf x".into(), output: "x".into(), exit_code: 1 });
        assert_eq!(entries[0].output, "CONTAINER ID\n");
    }
}
