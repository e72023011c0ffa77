//! What the terminal shows: the commands run and their output, in order, as plain text.

use simulator::{Event, Output, Stream};

/// How many entries the screen keeps before dropping the oldest (the scrollback).
const SCROLLBACK: usize = 1_000;

/// A piece of output text and whether it came from stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenChunk {
    pub is_stderr: bool,
    pub text: String,
}

/// One block on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A note from Muelle itself (not terminal output), e.g. the welcome hint.
    Notice(String),
    /// A command line as typed, then its output (stdout and stderr in arrival order).
    Command { line: String, output: Vec<ScreenChunk>, exit_code: i32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenEntry {
    /// Unique within a screen, for keyed rendering.
    pub id: u64,
    pub kind: EntryKind,
}

/// The terminal's scrollback.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TerminalScreen {
    entries: Vec<ScreenEntry>,
    next_id: u64,
}

impl TerminalScreen {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn entries(&self) -> &[ScreenEntry] {
        &self.entries
    }

    pub fn notice(&mut self, text: &str) {
        self.push(EntryKind::Notice(text.to_string()));
    }

    /// Adds a command and what it printed. `Event::ClearScreen` clears the screen first (the
    /// command itself included, as `clear` does in a real terminal).
    pub fn record(&mut self, line: &str, output: &Output) {
        if output.events.iter().any(|e| matches!(e, Event::ClearScreen)) {
            self.clear();
            if output.chunks.is_empty() {
                return;
            }
        }
        let chunks = output
            .chunks
            .iter()
            .filter(|c| !c.text.is_empty())
            .map(|c| ScreenChunk { is_stderr: c.stream == Stream::Stderr, text: c.text.clone() })
            .collect();
        self.push(EntryKind::Command { line: line.to_string(), output: chunks, exit_code: output.exit_code });
    }

    /// Ctrl+L.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn push(&mut self, kind: EntryKind) {
        self.entries.push(ScreenEntry { id: self.next_id, kind });
        self.next_id = self.next_id.wrapping_add(1);
        if self.entries.len() > SCROLLBACK {
            let excess = self.entries.len() - SCROLLBACK;
            self.entries.drain(..excess);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(parts: &[(Stream, &str)], exit: i32) -> Output {
        let mut out = Output::new();
        for (stream, text) in parts {
            out.push(*stream, text);
        }
        out.with_exit(exit)
    }

    #[test]
    fn records_commands_with_output_in_order() {
        let mut s = TerminalScreen::new();
        s.record("docker foo", &output(&[(Stream::Stdout, "a\n"), (Stream::Stderr, "b\n"), (Stream::Stdout, "c")], 1));
        let kinds: Vec<&EntryKind> = s.entries().iter().map(|e| &e.kind).collect();
        let expected = EntryKind::Command {
            line: "docker foo".to_string(),
            output: vec![
                ScreenChunk { is_stderr: false, text: "a\n".to_string() },
                ScreenChunk { is_stderr: true, text: "b\n".to_string() },
                ScreenChunk { is_stderr: false, text: "c".to_string() },
            ],
            exit_code: 1,
        };
        assert_eq!(kinds, vec![&expected]);
    }

    #[test]
    fn clear_screen_event_clears_everything_before() {
        let mut s = TerminalScreen::new();
        s.notice("hola");
        s.record("ls", &output(&[(Stream::Stdout, "x\n")], 0));
        let mut clear = Output::new();
        clear.events.push(Event::ClearScreen);
        s.record("clear", &clear);
        assert!(s.entries().is_empty());
    }

    #[test]
    fn ids_are_unique_after_clearing() {
        let mut s = TerminalScreen::new();
        s.notice("a");
        s.clear();
        s.notice("b");
        s.notice("c");
        let ids: Vec<u64> = s.entries().iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![1, 2]);
    }

    #[test]
    fn scrollback_is_bounded() {
        let mut s = TerminalScreen::new();
        for i in 0..(SCROLLBACK + 5) {
            s.notice(&i.to_string());
        }
        assert_eq!(s.entries().len(), SCROLLBACK);
        assert_eq!(s.entries().first().map(|e| e.id), Some(5));
    }
}
