//! `dockersim`: reads command lines on stdin, one per line, and prints a transcript
//! (`$ line`, the output as the web terminal shows it, `[exit N]`), flushing after each command.
//! The current directory is the learner's project folder.

use std::io::{BufRead, Write};

use simulator::project_dir::DirProject;
use simulator::transcript::{render_entry, run_lines};
use simulator::{Session, SessionConfig};

fn main() {
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let mut session = Session::new(SessionConfig::default(), Box::new(DirProject::new(cwd)));
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        for entry in run_lines(&mut session, [line.as_str()]) {
            let text = render_entry(&entry.command, &entry.output, entry.exit_code);
            if stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).is_err() {
                return;
            }
        }
    }
}
