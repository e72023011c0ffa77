//! Drives a simulated session from terminal keystrokes and writes what happens on the screen.
//! Plain Rust (the clock is passed in), so the whole flow is tested natively; the component only
//! wires keys, timers and the browser clock to it.

use simulator::{MemoryProject, Output, Session, SessionConfig, Stream, Timestamp};

use crate::terminal_screen::TerminalScreen;

/// What a terminal echoes for Ctrl+C.
const CTRL_C: &str = "^C";

/// A learner's session as a terminal sees it.
pub struct TerminalDriver {
    session: Session,
}

impl TerminalDriver {
    /// A session that behaves as attached to a terminal (`tty`), seeded and started at `now`.
    pub fn new(seed: u64, now: Timestamp) -> Self {
        let config = SessionConfig { seed, start: now, tty: true };
        Self { session: Session::new(config, Box::new(MemoryProject::new())) }
    }

    /// The prompt to show now: the host shell's or, inside a container, the container shell's.
    pub fn prompt(&self) -> String {
        self.session.prompt()
    }

    /// True while a foreground command runs: no prompt, lines are not run, Ctrl+C stops it.
    pub fn is_busy(&self) -> bool {
        self.session.is_attached() && !self.session.in_container_shell()
    }

    /// Enter: echoes the prompt and the line, runs it and prints its output.
    /// Does nothing while a foreground command is running.
    pub fn submit(&mut self, line: &str, now: Timestamp, screen: &mut TerminalScreen) {
        if self.is_busy() {
            return;
        }
        let prompt = self.prompt();
        let output = if line.trim().is_empty() {
            Output::new()
        } else {
            self.session.set_now(now);
            self.session.run_line(line)
        };
        screen.record(&prompt, line, &output);
    }

    /// Called on a timer while busy: prints what the foreground command wrote since the last call.
    pub fn poll(&mut self, now: Timestamp, screen: &mut TerminalScreen) {
        if !self.session.is_attached() {
            return;
        }
        self.session.set_now(now);
        if let Some(output) = self.session.poll() {
            screen.append(&output);
        }
    }

    /// Ctrl+C: stops the foreground command, or abandons the line being typed (`typed`).
    pub fn interrupt(&mut self, typed: &str, now: Timestamp, screen: &mut TerminalScreen) {
        self.session.set_now(now);
        if self.is_busy() {
            let mut echo = Output::new();
            echo.push(Stream::Stdout, CTRL_C);
            echo.push(Stream::Stdout, "\n");
            screen.append(&echo);
            let output = self.session.interrupt();
            screen.append(&output);
        } else {
            let prompt = self.prompt();
            if self.session.in_container_shell() {
                let _ = self.session.interrupt();
            }
            screen.record(&prompt, &format!("{typed}{CTRL_C}"), &Output::new().with_exit(130));
        }
    }

    /// Ctrl+P Ctrl+Q: leaves the foreground command running in the background.
    pub fn detach(&mut self, screen: &mut TerminalScreen) {
        if self.session.is_attached() {
            self.session.detach();
            let mut echo = Output::new();
            echo.push(Stream::Stdout, "\n");
            screen.append(&echo);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal_screen::EntryKind;

    const START: Timestamp = Timestamp(1_763_200_800_000_000_000);

    fn texts(screen: &TerminalScreen) -> Vec<(String, String, String)> {
        screen
            .entries()
            .iter()
            .map(|e| match &e.kind {
                EntryKind::Command { prompt, line, output, .. } => {
                    (prompt.clone(), line.clone(), output.iter().map(|c| c.text.as_str()).collect())
                }
                EntryKind::Output { output } => (String::new(), String::new(), output.iter().map(|c| c.text.as_str()).collect()),
                EntryKind::Notice(text) => (String::new(), String::new(), text.clone()),
            })
            .collect()
    }

    #[test]
    fn a_command_is_echoed_after_the_prompt_with_its_output() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker --version", START, &mut screen);
        let [(prompt, line, output)] = texts(&screen).try_into().unwrap_or_default();
        assert_eq!(prompt, driver.prompt());
        assert!(prompt.ends_with("$ "), "{prompt:?}");
        assert_eq!(line, "docker --version");
        assert!(output.starts_with("Docker version 28.2.2, build "), "{output:?}");
        assert!(!driver.is_busy());
    }

    #[test]
    fn a_blank_line_only_echoes_the_prompt() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("   ", START, &mut screen);
        assert_eq!(texts(&screen), vec![(driver.prompt(), "   ".to_string(), String::new())]);
    }

    #[test]
    fn ctrl_c_at_the_prompt_abandons_the_line() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.interrupt("docker ps", START, &mut screen);
        assert_eq!(texts(&screen), vec![(driver.prompt(), "docker ps^C".to_string(), String::new())]);
    }

    #[test]
    fn clear_clears_the_screen() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        screen.notice("hola");
        driver.submit("docker --version", START, &mut screen);
        driver.submit("clear", START, &mut screen);
        assert!(texts(&screen).iter().all(|(_, line, _)| line != "docker --version"), "{:?}", texts(&screen));
    }

    #[test]
    fn a_foreground_server_keeps_the_terminal_busy_until_ctrl_c() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker run nginx", START, &mut screen);
        assert!(driver.is_busy(), "{:?}", texts(&screen));
        let prompt_lines = screen.entries().len();
        driver.submit("docker ps", START.plus_secs(1), &mut screen);
        assert_eq!(screen.entries().len(), prompt_lines, "no line runs while busy");
        driver.poll(START.plus_secs(5), &mut screen);
        driver.interrupt("", START.plus_secs(6), &mut screen);
        assert!(!driver.is_busy());
        let all = texts(&screen);
        let (_, line, output) = all.last().cloned().unwrap_or_default();
        assert_eq!(line, "docker run nginx");
        assert!(output.contains("^C\n"), "{output:?}");
    }
}
