//! The terminal's command history, walked with ↑ and ↓ as in bash, and kept across reloads
//! (as a JSON array of lines under [`HISTORY_KEY`]).

/// Where the history is kept in browser storage.
pub const HISTORY_KEY: &str = "muelle.historial";

/// How many commands the history keeps.
const LIMIT: usize = 500;

/// Commands run so far and where ↑/↓ currently point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandHistory {
    entries: Vec<String>,
    /// Index into `entries` while browsing; `None` when editing a new line.
    cursor: Option<usize>,
    /// What was typed before the first ↑, given back by ↓ past the newest entry.
    draft: String,
}

impl CommandHistory {
    pub fn new() -> Self {
        Self::default()
    }

    /// Remembers a line that was run. Blank lines and repeats of the previous line are not kept.
    pub fn record(&mut self, line: &str) {
        self.cursor = None;
        self.draft.clear();
        if line.trim().is_empty() || self.entries.last().is_some_and(|last| last == line) {
            return;
        }
        self.entries.push(line.to_string());
        if self.entries.len() > LIMIT {
            self.entries.remove(0);
        }
    }

    /// ↑: the previous (older) command, or `None` if there is nothing older to show.
    /// `current` is the line being edited; it comes back with ↓ after the newest entry.
    pub fn older(&mut self, current: &str) -> Option<String> {
        let index = match self.cursor {
            None => {
                let newest = self.entries.len().checked_sub(1)?;
                self.draft = current.to_string();
                newest
            }
            Some(i) => i.checked_sub(1)?,
        };
        self.cursor = Some(index);
        self.entries.get(index).cloned()
    }

    /// ↓: the next (newer) command, the saved draft after the newest one, or `None` when not browsing.
    pub fn newer(&mut self) -> Option<String> {
        let i = self.cursor?;
        let newer = i.saturating_add(1);
        if newer < self.entries.len() {
            self.cursor = Some(newer);
            self.entries.get(newer).cloned()
        } else {
            self.cursor = None;
            Some(std::mem::take(&mut self.draft))
        }
    }

    /// A history with these lines (oldest first), as saved by [`CommandHistory::to_json`].
    /// Anything unreadable gives an empty history: losing old commands is harmless.
    pub fn from_json(text: &str) -> Self {
        let lines: Vec<String> = serde_json::from_str(text).unwrap_or_default();
        let mut history = Self::new();
        for line in lines {
            history.record(&line);
        }
        history
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.entries).unwrap_or_else(|_| "[]".to_string())
    }

    /// The lines, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(lines: &[&str]) -> CommandHistory {
        let mut h = CommandHistory::new();
        for l in lines {
            h.record(l);
        }
        h
    }

    #[test]
    fn up_walks_back_and_stops_at_the_oldest() {
        let mut h = with(&["docker ps", "docker images"]);
        assert_eq!(h.older("").as_deref(), Some("docker images"));
        assert_eq!(h.older("").as_deref(), Some("docker ps"));
        assert_eq!(h.older(""), None);
    }

    #[test]
    fn down_returns_to_the_draft() {
        let mut h = with(&["docker ps", "docker images"]);
        assert_eq!(h.older("docker ru").as_deref(), Some("docker images"));
        assert_eq!(h.older("ignored").as_deref(), Some("docker ps"));
        assert_eq!(h.newer().as_deref(), Some("docker images"));
        assert_eq!(h.newer().as_deref(), Some("docker ru"));
        assert_eq!(h.newer(), None);
    }

    #[test]
    fn empty_history_gives_nothing() {
        let mut h = CommandHistory::new();
        assert_eq!(h.older("x"), None);
        assert_eq!(h.newer(), None);
    }

    #[test]
    fn blank_lines_and_repeats_are_not_kept() {
        let h = with(&["ls", "  ", "", "ls", "docker ps", "ls"]);
        assert_eq!(h.len(), 3);
    }

    #[test]
    fn recording_resets_browsing() {
        let mut h = with(&["a", "b"]);
        assert_eq!(h.older("").as_deref(), Some("b"));
        h.record("c");
        assert_eq!(h.older("").as_deref(), Some("c"));
    }

    #[test]
    fn survives_a_round_trip_through_json() {
        let h = with(&["docker ps", "echo \"hola\""]);
        let back = CommandHistory::from_json(&h.to_json());
        assert_eq!(back.entries(), h.entries());
        assert!(CommandHistory::from_json("{roto").is_empty());
        assert_eq!(CommandHistory::from_json("[\"a\", \"\", \"a\"]").entries(), ["a"]);
    }

    #[test]
    fn keeps_at_most_the_limit() {
        let mut h = CommandHistory::new();
        for i in 0..(LIMIT + 10) {
            h.record(&format!("echo {i}"));
        }
        assert_eq!(h.len(), LIMIT);
        let mut oldest = None;
        while let Some(line) = h.older("") {
            oldest = Some(line);
        }
        assert_eq!(oldest.as_deref(), Some("echo 10"));
    }
}
