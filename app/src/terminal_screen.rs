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
    /// A prompt and the line typed after it, the continuation lines typed after `> ` when the
    /// command was unfinished (`more`), then its output (stdout and stderr in arrival order).
    Command { prompt: String, line: String, more: Vec<String>, output: Vec<ScreenChunk>, exit_code: i32 },
    /// Output that arrived after the screen was cleared while its command was still running.
    Output { output: Vec<ScreenChunk> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenEntry {
    /// Unique within a screen.
    pub id: u64,
    /// Bumped whenever the entry changes, so keyed rendering redraws it.
    pub revision: u32,
    pub kind: EntryKind,
}

impl ScreenEntry {
    /// What the entry's command printed (stdout and stderr in order), as plain text.
    pub fn output_text(&self) -> String {
        match &self.kind {
            EntryKind::Command { output, .. } | EntryKind::Output { output } => output.iter().map(|c| c.text.as_str()).collect(),
            EntryKind::Notice(_) => String::new(),
        }
    }

    /// The key for keyed rendering: changes when the entry does.
    pub fn key(&self) -> (u64, u32) {
        (self.id, self.revision)
    }
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
    pub fn record(&mut self, prompt: &str, line: &str, output: &Output) {
        if clears(output) {
            self.clear();
            if output.chunks.iter().all(|c| c.text.is_empty()) {
                return;
            }
        }
        self.push(EntryKind::Command {
            prompt: prompt.to_string(),
            line: line.to_string(),
            more: Vec::new(),
            output: chunks_of(output),
            exit_code: output.exit_code,
        });
    }

    /// Shows the first line of an unfinished command (an open quote, a trailing `|`…): the rest
    /// comes with [`TerminalScreen::continue_command`] and its output with `append`.
    pub fn open_command(&mut self, prompt: &str, line: &str) {
        self.push(EntryKind::Command {
            prompt: prompt.to_string(),
            line: line.to_string(),
            more: Vec::new(),
            output: Vec::new(),
            exit_code: 0,
        });
    }

    /// Adds a continuation line (typed after `> `) to the command shown last.
    pub fn continue_command(&mut self, line: &str) {
        match self.entries.last_mut() {
            Some(ScreenEntry { revision, kind: EntryKind::Command { more, .. }, .. }) => {
                more.push(line.to_string());
                *revision = revision.wrapping_add(1);
            }
            _ => self.open_command(crate::terminal_driver::CONTINUATION_PROMPT, line),
        }
    }

    /// A line refused before it ran (an exercise's forbidden command): the line, then Muelle's
    /// explanation as a note.
    pub fn refuse(&mut self, prompt: &str, line: &str, why: &str) {
        self.record(prompt, line, &Output::new().with_exit(1));
        self.push(EntryKind::Notice(why.to_string()));
    }

    /// Adds more output of the command shown last (a foreground command that is still running),
    /// and takes its exit code.
    pub fn append(&mut self, output: &Output) {
        if clears(output) {
            self.clear();
        }
        let new_chunks = chunks_of(output);
        if new_chunks.is_empty() && self.entries.is_empty() {
            return;
        }
        match self.entries.last_mut() {
            Some(ScreenEntry { revision, kind: EntryKind::Command { output: chunks, exit_code, .. }, .. }) => {
                merge(chunks, new_chunks);
                *exit_code = output.exit_code;
                *revision = revision.wrapping_add(1);
            }
            Some(ScreenEntry { revision, kind: EntryKind::Output { output: chunks }, .. }) => {
                merge(chunks, new_chunks);
                *revision = revision.wrapping_add(1);
            }
            _ => {
                if !new_chunks.is_empty() {
                    let mut output = Vec::new();
                    merge(&mut output, new_chunks);
                    self.push(EntryKind::Output { output });
                }
            }
        }
    }

    /// The whole screen as plain text, as a terminal would let you copy it: each command after its
    /// prompt, continuation lines after `> `, then its output; notes from Muelle are left out.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        for entry in &self.entries {
            if let EntryKind::Command { prompt, line, more, .. } = &entry.kind {
                text.push_str(prompt);
                text.push_str(line);
                text.push('\n');
                for m in more {
                    text.push_str(crate::terminal_driver::CONTINUATION_PROMPT);
                    text.push_str(m);
                    text.push('\n');
                }
            }
            let output = entry.output_text();
            text.push_str(&output);
            if !output.is_empty() && !output.ends_with('\n') {
                text.push('\n');
            }
        }
        text
    }

    /// Ctrl+L.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn push(&mut self, kind: EntryKind) {
        self.entries.push(ScreenEntry { id: self.next_id, revision: 0, kind });
        self.next_id = self.next_id.wrapping_add(1);
        if self.entries.len() > SCROLLBACK {
            let excess = self.entries.len() - SCROLLBACK;
            self.entries.drain(..excess);
        }
    }
}

fn clears(output: &Output) -> bool {
    output.events.iter().any(|e| matches!(e, Event::ClearScreen))
}

fn chunks_of(output: &Output) -> Vec<ScreenChunk> {
    output
        .chunks
        .iter()
        .filter(|c| !c.text.is_empty())
        .map(|c| ScreenChunk { is_stderr: c.stream == Stream::Stderr, text: c.text.clone() })
        .collect()
}

/// Appends chunks, joining neighbours of the same stream.
fn merge(into: &mut Vec<ScreenChunk>, chunks: Vec<ScreenChunk>) {
    for chunk in chunks {
        match into.last_mut() {
            Some(last) if last.is_stderr == chunk.is_stderr => last.text.push_str(&chunk.text),
            _ => into.push(chunk),
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

    fn chunk(is_stderr: bool, text: &str) -> ScreenChunk {
        ScreenChunk { is_stderr, text: text.to_string() }
    }

    fn kinds(s: &TerminalScreen) -> Vec<&EntryKind> {
        s.entries().iter().map(|e| &e.kind).collect()
    }

    #[test]
    fn plain_text_is_what_a_terminal_shows() {
        let mut s = TerminalScreen::new();
        s.notice("hola");
        s.record("$ ", "docker ps", &output(&[(Stream::Stdout, "CONTAINER ID\n")], 0));
        s.open_command("$ ", "echo \"a");
        s.continue_command("b\"");
        s.append(&output(&[(Stream::Stdout, "a\nb")], 0));
        s.record("$ ", "docker nada", &output(&[(Stream::Stderr, "docker: 'nada' is not a docker command.\n")], 1));
        assert_eq!(
            s.plain_text(),
            "$ docker ps\nCONTAINER ID\n$ echo \"a\n> b\"\na\nb\n$ docker nada\ndocker: 'nada' is not a docker command.\n"
        );
        assert_eq!(s.entries().get(1).map(ScreenEntry::output_text).as_deref(), Some("CONTAINER ID\n"));
        assert_eq!(s.entries().first().map(ScreenEntry::output_text).as_deref(), Some(""));
    }

    #[test]
    fn records_commands_with_output_in_order() {
        let mut s = TerminalScreen::new();
        s.record("$ ", "docker foo", &output(&[(Stream::Stdout, "a\n"), (Stream::Stderr, "b\n"), (Stream::Stdout, "c")], 1));
        let expected = EntryKind::Command {
            prompt: "$ ".to_string(),
            line: "docker foo".to_string(),
            more: Vec::new(),
            output: vec![chunk(false, "a\n"), chunk(true, "b\n"), chunk(false, "c")],
            exit_code: 1,
        };
        assert_eq!(kinds(&s), vec![&expected]);
    }

    #[test]
    fn clear_screen_event_clears_everything_before() {
        let mut s = TerminalScreen::new();
        s.notice("hola");
        s.record("$ ", "ls", &output(&[(Stream::Stdout, "x\n")], 0));
        let mut clear = Output::new();
        clear.events.push(Event::ClearScreen);
        s.record("$ ", "clear", &clear);
        assert!(s.entries().is_empty());
    }

    #[test]
    fn append_extends_the_last_command_and_changes_its_key() {
        let mut s = TerminalScreen::new();
        s.record("$ ", "docker run web", &output(&[(Stream::Stdout, "start\n")], 0));
        let key_before = s.entries().first().map(ScreenEntry::key);
        s.append(&output(&[(Stream::Stdout, "more\n"), (Stream::Stderr, "oops\n")], 130));
        let expected = EntryKind::Command {
            prompt: "$ ".to_string(),
            line: "docker run web".to_string(),
            more: Vec::new(),
            output: vec![chunk(false, "start\nmore\n"), chunk(true, "oops\n")],
            exit_code: 130,
        };
        assert_eq!(kinds(&s), vec![&expected]);
        assert_ne!(s.entries().first().map(ScreenEntry::key), key_before);
    }

    #[test]
    fn append_after_clearing_starts_an_output_block() {
        let mut s = TerminalScreen::new();
        s.record("$ ", "docker run web", &Output::new());
        s.clear();
        s.append(&Output::new());
        assert!(s.entries().is_empty());
        s.append(&output(&[(Stream::Stdout, "log\n")], 0));
        assert_eq!(kinds(&s), vec![&EntryKind::Output { output: vec![chunk(false, "log\n")] }]);
    }

    #[test]
    fn continuation_lines_join_the_command_and_its_output_follows() {
        let mut s = TerminalScreen::new();
        s.open_command("$ ", "echo \"a");
        s.continue_command("b\"");
        s.append(&output(&[(Stream::Stdout, "a\nb\n")], 0));
        let expected = EntryKind::Command {
            prompt: "$ ".to_string(),
            line: "echo \"a".to_string(),
            more: vec!["b\"".to_string()],
            output: vec![chunk(false, "a\nb\n")],
            exit_code: 0,
        };
        assert_eq!(kinds(&s), vec![&expected]);
    }

    #[test]
    fn a_refused_line_is_followed_by_the_reason() {
        let mut s = TerminalScreen::new();
        s.refuse("$ ", "docker kill web", "No puedes usar `docker kill`.");
        assert!(matches!(kinds(&s).as_slice(), [EntryKind::Command { exit_code: 1, .. }, EntryKind::Notice(n)] if n == "No puedes usar `docker kill`."));
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
