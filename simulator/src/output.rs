//! What a command line produces: output chunks in arrival order, an exit code and engine events.

use crate::events::Event;

/// Which stream a chunk of output was written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A piece of output, in the order it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
}

/// The result of running one command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<Chunk>,
    pub exit_code: i32,
    pub events: Vec<Event>,
    /// Set when the command has not finished: it stays attached to this container (a foreground
    /// `docker run` of a server, `docker wait`…) until the container stops or the learner presses
    /// Ctrl+C (`Session::interrupt`).
    pub attached: Option<Attached>,
}

/// A command still running in the foreground, bound to a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub container_id: String,
    pub kind: AttachKind,
    /// Log entries already printed.
    pub logs_seen: usize,
    /// Set when the learner is now typing into a shell inside the container.
    pub shell: Option<ShellSpec>,
}

/// How to open an interactive shell inside a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellSpec {
    /// True for `docker exec`: leaving the shell does not stop the container.
    pub exec: bool,
    /// The shell's environment, in order.
    pub env: Vec<String>,
    pub workdir: String,
    pub user: String,
    /// The shell program (`sh`, `bash`, `/bin/ash`…): its prompt and messages.
    pub program: String,
}

/// What the foreground command prints when the container stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachKind {
    /// `docker run`/`start -a`: the rest of the output; the exit code is the container's.
    Run,
    /// `docker wait`: the exit code as a line.
    Wait,
    /// An attached `docker compose up`: every container's output with its prefix
    /// ([`crate::compose::commands::attach`]).
    Compose,
}

impl Output {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends text to stdout (merged with the previous chunk when it is also stdout).
    pub fn out(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stdout, text.as_ref());
    }

    /// Appends text to stderr.
    pub fn err(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stderr, text.as_ref());
    }

    /// Appends a line (text plus `\n`) to stdout.
    pub fn outln(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stdout, text.as_ref());
        self.push(Stream::Stdout, "\n");
    }

    /// Appends a line (text plus `\n`) to stderr.
    pub fn errln(&mut self, text: impl AsRef<str>) {
        self.push(Stream::Stderr, text.as_ref());
        self.push(Stream::Stderr, "\n");
    }

    pub fn push(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(last) if last.stream == stream => last.text.push_str(text),
            _ => self.chunks.push(Chunk { stream, text: text.to_string() }),
        }
    }

    /// Sets the exit code and returns self, for `return out.exit(125)`.
    pub fn with_exit(mut self, code: i32) -> Self {
        self.exit_code = code;
        self
    }

    /// Marks the output as still attached.
    pub fn with_attached(mut self, a: Attached) -> Self {
        self.attached = Some(a);
        self
    }

    /// Appends everything of `other` (chunks, events) and takes its exit code.
    pub fn append(&mut self, other: Output) {
        for c in other.chunks {
            self.push(c.stream, &c.text);
        }
        self.events.extend(other.events);
        self.exit_code = other.exit_code;
        if other.attached.is_some() {
            self.attached = other.attached;
        }
    }

    pub fn stdout(&self) -> String {
        self.collect(Some(Stream::Stdout))
    }

    pub fn stderr(&self) -> String {
        self.collect(Some(Stream::Stderr))
    }

    /// Stdout and stderr interleaved in arrival order, as a terminal shows them.
    pub fn combined(&self) -> String {
        self.collect(None)
    }

    fn collect(&self, only: Option<Stream>) -> String {
        self.chunks
            .iter()
            .filter(|c| only.is_none_or(|s| s == c.stream))
            .map(|c| c.text.as_str())
            .collect()
    }
}
