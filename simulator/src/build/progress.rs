//! BuildKit's progress output: the plain form (`--progress=plain`, and what a build prints when
//! its output is not a terminal) and the last screen of the terminal view
//! (`[+] Building 1.2s (9/9) FINISHED`), plus the error report with its Dockerfile excerpt.

/// How a vertex (one line of the build graph) ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Ran, taking this many milliseconds.
    Done(u32),
    /// Its result came from the cache.
    Cached,
    /// Failed with this message.
    Error(String),
}

/// One vertex of the build as BuildKit shows it (`#5 [2/4] WORKDIR /app`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vertex {
    pub name: String,
    /// Status lines (`transferring dockerfile: 215B done`, `writing image sha256:… done`).
    pub logs: Vec<String>,
    /// Lint warnings shown under the vertex (`WARN: JSONArgsRecommended: …`).
    pub warnings: Vec<String>,
    /// What the step's process printed, with the time since the vertex started (ms).
    pub output: Vec<(u32, String)>,
    pub status: Status,
}

impl Vertex {
    pub fn new(name: impl Into<String>) -> Vertex {
        Vertex { name: name.into(), logs: Vec::new(), warnings: Vec::new(), output: Vec::new(), status: Status::Done(0) }
    }

    pub fn log(mut self, line: impl Into<String>) -> Vertex {
        self.logs.push(line.into());
        self
    }

    fn millis(&self) -> u32 {
        match self.status {
            Status::Done(ms) => ms,
            _ => 0,
        }
    }
}

/// Seconds with one decimal, as BuildKit prints durations (`0.2s`).
pub fn seconds(ms: u32) -> String {
    format!("{}.{}s", ms / 1000, (ms % 1000) / 100)
}

/// Output timestamps (`0.145`).
fn offset(ms: u32) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// The plain progress of `vertices` (`#0 building with …` first).
pub fn plain(vertices: &[Vertex]) -> String {
    let mut text = String::from("#0 building with \"default\" instance using docker driver\n");
    for (i, v) in vertices.iter().enumerate() {
        let n = i + 1;
        text.push_str(&format!("\n#{n} {}\n", v.name));
        for (ms, line) in &v.output {
            text.push_str(&format!("#{n} {} {line}\n", offset(*ms)));
        }
        for log in &v.logs {
            text.push_str(&format!("#{n} {log}\n"));
        }
        for w in &v.warnings {
            text.push_str(&format!("#{n} WARN: {w}\n"));
        }
        match &v.status {
            Status::Done(ms) => text.push_str(&format!("#{n} DONE {}\n", seconds(*ms))),
            Status::Cached => text.push_str(&format!("#{n} CACHED\n")),
            Status::Error(msg) => text.push_str(&format!("#{n} ERROR: {msg}\n")),
        }
    }
    text
}

/// Width of the terminal view (the browser terminal is 80 columns).
const TTY_WIDTH: usize = 80;

/// The last screen of BuildKit's terminal view.
pub fn tty(vertices: &[Vertex], failed: bool) -> String {
    let total_ms: u32 = vertices.iter().map(Vertex::millis).sum::<u32>().max(100);
    let done = vertices.len();
    let _ = failed;
    let head = format!("[+] Building {} ({done}/{done}) FINISHED", seconds(total_ms));
    let right = "docker:default";
    let pad = TTY_WIDTH.saturating_sub(head.chars().count() + right.len()).max(1);
    let mut text = format!("{head}{}{right}\n", " ".repeat(pad));
    for v in vertices {
        let (prefix, name) = match &v.status {
            Status::Cached => (" => CACHED ", v.name.clone()),
            Status::Error(_) => (" => ERROR ", v.name.clone()),
            Status::Done(_) => (" => ", v.name.clone()),
        };
        text.push_str(&tty_line(prefix, &name, &seconds(v.millis())));
        for log in &v.logs {
            let log = log.strip_suffix(" done").unwrap_or(log);
            let (log, time) = split_log_time(log);
            text.push_str(&tty_line(" => => ", log, &time));
        }
    }
    text
}

/// `exporting layers 0.0s` → (`exporting layers`, `0.0s`).
fn split_log_time(log: &str) -> (&str, String) {
    if let Some((head, last)) = log.rsplit_once(' ') {
        if last.ends_with('s') && last.trim_end_matches('s').parse::<f64>().is_ok() {
            return (head, last.to_string());
        }
    }
    (log, "0.0s".to_string())
}

fn tty_line(prefix: &str, name: &str, time: &str) -> String {
    let room = TTY_WIDTH.saturating_sub(prefix.chars().count() + time.len() + 1);
    // Names that do not fit are cut at the column of the times.
    let shown: String = name.chars().take(room.saturating_sub(1)).collect();
    let pad = room.saturating_sub(shown.chars().count());
    format!("{prefix}{shown}{} {time}\n", " ".repeat(pad))
}

/// The report BuildKit prints after a failed vertex: its last output lines in a box.
pub fn failed_vertex_box(v: &Vertex) -> String {
    let mut text = String::from("------\n");
    text.push_str(&format!(" > {}:\n", v.name));
    let skip = v.output.len().saturating_sub(10);
    for (ms, line) in v.output.iter().skip(skip) {
        text.push_str(&format!("{} {line}\n", offset(*ms)));
    }
    text.push_str("------\n");
    text
}

/// The Dockerfile excerpt around lines `start..=end` (1-based), as BuildKit prints it.
pub fn source_excerpt(file_name: &str, source: &str, start: usize, end: usize) -> String {
    let lines: Vec<&str> = source.split('\n').collect();
    let count = lines.len();
    if start < 1 || start > count {
        return String::new();
    }
    let marked = start..=end.min(count).max(start);
    let (mut first, mut last) = (start, end.min(count).max(start));
    let pad = if first == last { 4 } else { 2 };
    let mut p = 0;
    while p < pad {
        if first > 1 {
            first -= 1;
            p += 1;
        }
        if last != count {
            last += 1;
            p += 1;
        }
        p += 1;
    }
    let mut text = format!("{file_name}:{start}\n--------------------\n");
    for i in first..=last {
        let mark = if marked.contains(&i) { ">>>" } else { "   " };
        let line = lines.get(i - 1).copied().unwrap_or("");
        text.push_str(&format!(" {i:>3} | {mark} {line}\n"));
    }
    text.push_str("--------------------\n");
    text
}

/// The warnings summary printed after a build.
pub fn warnings_summary(warnings: &[String]) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let n = warnings.len();
    let mut text = format!("\n \u{1b}[33m{n} warning{} found (use docker --debug to expand):\n\u{1b}[0m", if n == 1 { "" } else { "s" });
    for w in warnings {
        text.push_str(&format!(" - {w}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_as_buildkit() {
        let src = "FROM busybox\nRUN echo before && exit 3\n";
        assert_eq!(
            source_excerpt("Dockerfile", src, 2, 2),
            "Dockerfile:2\n--------------------\n   1 |     FROM busybox\n   2 | >>> RUN echo before && exit 3\n   3 |     \n--------------------\n"
        );
        assert_eq!(
            source_excerpt("Dockerfile", "RUN echo hi\n", 1, 1),
            "Dockerfile:1\n--------------------\n   1 | >>> RUN echo hi\n   2 |     \n--------------------\n"
        );
    }

    #[test]
    fn plain_blocks() {
        let mut v = Vertex::new("[1/2] RUN echo hi");
        v.output.push((145, "hi".into()));
        v.status = Status::Done(200);
        assert_eq!(
            plain(&[v]),
            "#0 building with \"default\" instance using docker driver\n\n#1 [1/2] RUN echo hi\n#1 0.145 hi\n#1 DONE 0.2s\n"
        );
    }
}
