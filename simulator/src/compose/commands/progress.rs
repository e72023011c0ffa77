//! Compose's progress lines. Without a terminal every event is a line on stderr
//! (` Container demo-web-1  Started`); on a terminal (the browser) the final screen is shown:
//! `[+] Running 3/3` and one `✔` line per resource.

use crate::output::Output;

/// Collects the events of one command.
pub struct Progress {
    tty: bool,
    /// `--progress quiet`: nothing is printed.
    quiet: bool,
    /// (kind, name, last status, failed) in order of first appearance.
    items: Vec<(String, String, String, bool)>,
}

impl Progress {
    pub fn new(tty: bool) -> Self {
        Self { tty, quiet: false, items: Vec::new() }
    }

    /// As `--progress` asks (`plain`, `tty`, `quiet`; `auto` follows the terminal).
    pub fn with_mode(tty: bool, mode: Option<&str>) -> Self {
        match mode {
            Some("plain") => Self::new(false),
            Some("tty") => Self::new(true),
            Some("quiet") => Self { tty: true, quiet: true, items: Vec::new() },
            _ => Self::new(tty),
        }
    }

    /// One event: `kind` is `Network`, `Volume`, `Container`, `Image`…
    pub fn event(&mut self, out: &mut Output, kind: &str, name: &str, status: &str) {
        if !self.tty {
            out.errln(format!(" {kind} {name}  {status}"));
        }
        match self.items.iter_mut().find(|(k, n, _, _)| k == kind && n == name) {
            Some(item) => item.2 = status.to_string(),
            None => self.items.push((kind.to_string(), name.to_string(), status.to_string(), false)),
        }
    }

    /// An event about a service as a whole (pull, push): ` app Pulling ` (one space, and one after).
    pub fn service_event(&mut self, out: &mut Output, name: &str, status: &str) {
        if !self.tty {
            out.errln(format!(" {name} {status} "));
        }
        let failed = status.starts_with("Error");
        match self.items.iter_mut().find(|(k, n, _, _)| k.is_empty() && n == name) {
            Some(item) => {
                item.2 = status.to_string();
                item.3 = failed;
            }
            None => self.items.push((String::new(), name.to_string(), status.to_string(), failed)),
        }
    }

    /// An event about an image being built: ` NAME  Built` (no kind word).
    pub fn event_plain(&mut self, out: &mut Output, name: &str, status: &str) {
        if !self.tty {
            out.errln(format!(" {name}  {status}"));
        }
        self.items.push(("Image".to_string(), name.to_string(), status.to_string(), false));
    }

    /// An event that failed (`Error`).
    pub fn error(&mut self, out: &mut Output, kind: &str, name: &str) {
        self.event(out, kind, name, "Error");
        if let Some(item) = self.items.iter_mut().find(|(k, n, _, _)| k == kind && n == name) {
            item.3 = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// On a terminal, the final screen.
    pub fn finish(self, out: &mut Output) {
        if !self.tty || self.quiet || self.items.is_empty() {
            return;
        }
        let total = self.items.len();
        let done = self.items.iter().filter(|i| !i.3).count();
        out.errln(format!("[+] Running {done}/{total}"));
        let label_of = |k: &str, n: &str| if k.is_empty() { n.to_string() } else { format!("{k} {n}") };
        let width = self.items.iter().map(|(k, n, _, _)| label_of(k, n).chars().count()).max().unwrap_or(0);
        let mut containers = 0u32;
        for (kind, name, status, failed) in &self.items {
            let mark = if *failed { "✘" } else { "✔" };
            let label = label_of(kind, name);
            let pad = width.saturating_sub(label.chars().count());
            let left = format!(" {mark} {label}{}  {status}", " ".repeat(pad));
            // Plausible durations: containers take longer, one after the other.
            let time = match kind.as_str() {
                "Network" => "0.1s".to_string(),
                "Container" => {
                    containers += 1;
                    format!("{}.{}s", (1 + 2 * containers) / 10, (1 + 2 * containers) % 10)
                }
                _ => "0.0s".to_string(),
            };
            let time = time.as_str();
            let fill = 80usize.saturating_sub(left.chars().count() + time.len() + 1).max(1);
            out.errln(format!("{left}{}{time} ", " ".repeat(fill)));
        }
    }
}
