//! The typed syntax tree of a Dockerfile, as [`super::parse`] builds it.
//!
//! Values are kept *as written* (quotes included, variables unexpanded), exactly as BuildKit's
//! parser keeps them: the builder expands them later with [`super::expand`] for the instructions
//! that BuildKit expands (see [`InstructionKind::expands_variables`]).

pub use crate::shell::ast::Span;

/// A parsed Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dockerfile {
    /// Parser directives found at the top (`# syntax=`, `# escape=`, `# check=`).
    pub directives: Directives,
    /// The escape character in effect (`\` or `` ` ``).
    pub escape: char,
    /// Every instruction in order (including `ARG`s before the first `FROM`).
    pub instructions: Vec<Instruction>,
    /// Parser warnings (BuildKit prints them as `[WARNING]: …` / lint warnings).
    pub warnings: Vec<Warning>,
}

/// Parser directives (`# syntax=docker/dockerfile:1`, `# escape=\``, `# check=skip=…`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Directives {
    pub syntax: Option<String>,
    pub escape: Option<char>,
    pub check: Option<String>,
}

/// A parser warning with the line it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line.
    pub line: usize,
    pub span: Span,
    /// BuildKit's short text, e.g. `Empty continuation line found in: RUN apk add a b`.
    pub short: String,
    /// BuildKit's rule URL.
    pub url: String,
    /// The build-check rule name (`NoEmptyContinuation`).
    pub rule: String,
    /// The check's message as `docker build` lists it (`Empty continuation line`).
    pub message: String,
}

/// One instruction (one logical line, continuations and heredoc bodies included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// 1-based line where the instruction starts.
    pub line: usize,
    /// 1-based line where it ends (last continuation line or heredoc terminator).
    pub end_line: usize,
    /// Byte range of the whole instruction in the source text (from the keyword to the end of
    /// its last line, newline excluded).
    pub span: Span,
    /// Byte range of the keyword.
    pub keyword_span: Span,
    /// The keyword as written (`run`, `RUN`, `Run`).
    pub keyword: String,
    /// The logical line as BuildKit keeps it (continuations joined, comments removed, the escape
    /// character of continuations removed), trimmed: what `[2/5] RUN …` and `docker history`
    /// show. For heredocs it is the first line only.
    pub original: String,
    /// Builder flags as written, without quotes (`--from=build`, `--mount=type=cache,target=/x`).
    pub flags: Vec<String>,
    /// Comment lines directly above the instruction (without `#`).
    pub comments: Vec<String>,
    pub kind: InstructionKind,
}

impl Instruction {
    /// The upper-case instruction name (`RUN`).
    pub fn name(&self) -> &'static str {
        self.kind.name()
    }
}

/// The instruction with its typed arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstructionKind {
    From(From),
    Run(Run),
    Cmd(CommandLine),
    Entrypoint(CommandLine),
    Label(Vec<KeyValue>),
    Maintainer(String),
    Expose(Vec<String>),
    Env(Vec<KeyValue>),
    Add(Copy),
    Copy(Copy),
    User(String),
    Workdir(String),
    Volume(Vec<String>),
    StopSignal(String),
    Arg(Vec<ArgDecl>),
    Healthcheck(Healthcheck),
    /// The shell as a JSON array (`SHELL ["/bin/bash", "-c"]`).
    Shell(Vec<String>),
    Onbuild(Onbuild),
}

impl InstructionKind {
    /// The upper-case instruction name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::From(_) => "FROM",
            Self::Run(_) => "RUN",
            Self::Cmd(_) => "CMD",
            Self::Entrypoint(_) => "ENTRYPOINT",
            Self::Label(_) => "LABEL",
            Self::Maintainer(_) => "MAINTAINER",
            Self::Expose(_) => "EXPOSE",
            Self::Env(_) => "ENV",
            Self::Add(_) => "ADD",
            Self::Copy(_) => "COPY",
            Self::User(_) => "USER",
            Self::Workdir(_) => "WORKDIR",
            Self::Volume(_) => "VOLUME",
            Self::StopSignal(_) => "STOPSIGNAL",
            Self::Arg(_) => "ARG",
            Self::Healthcheck(_) => "HEALTHCHECK",
            Self::Shell(_) => "SHELL",
            Self::Onbuild(_) => "ONBUILD",
        }
    }

    /// Whether BuildKit expands `$VAR` in this instruction's arguments (with the stage's ARG and
    /// ENV values) before using them. RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and ONBUILD are
    /// not expanded: the shell in the container does it at run time. FROM is expanded with the
    /// global (before the first FROM) ARGs only.
    pub fn expands_variables(&self) -> bool {
        matches!(
            self,
            Self::From(_)
                | Self::Label(_)
                | Self::Expose(_)
                | Self::Env(_)
                | Self::Add(_)
                | Self::Copy(_)
                | Self::User(_)
                | Self::Workdir(_)
                | Self::Volume(_)
                | Self::StopSignal(_)
                | Self::Arg(_)
        )
    }
}

/// `FROM [--platform=…] image [AS name]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct From {
    /// The image reference as written (may contain `$VAR`).
    pub image: String,
    pub platform: Option<String>,
    /// The stage name, lower-cased as BuildKit does.
    pub stage_name: Option<String>,
}

/// Shell form (`RUN apt-get update`) or exec form (`RUN ["apt-get", "update"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandLine {
    /// The text after the keyword and flags, run with the stage's SHELL (`/bin/sh -c`).
    Shell(String),
    /// A JSON array of strings.
    Exec(Vec<String>),
}

impl CommandLine {
    /// The command as BuildKit stores it in the image config: exec form as is, shell form
    /// prefixed by `shell` (e.g. `["/bin/sh", "-c"]`).
    pub fn to_argv(&self, shell: &[String]) -> Vec<String> {
        match self {
            Self::Exec(v) => v.clone(),
            Self::Shell(s) => shell.iter().cloned().chain(std::iter::once(s.clone())).collect(),
        }
    }

    pub fn is_exec(&self) -> bool {
        matches!(self, Self::Exec(_))
    }
}

/// `RUN [--mount=…] [--network=…] command` (plus heredoc bodies). `--security` is a labs flag
/// that Docker 28.5 rejects as unknown, so `security` is always `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub command: CommandLine,
    pub mounts: Vec<Mount>,
    pub network: Option<String>,
    pub security: Option<String>,
    /// Heredocs of the line (`RUN <<EOF … EOF`), in order.
    pub heredocs: Vec<Heredoc>,
}

/// A `RUN --mount=…` option.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mount {
    pub kind: MountKind,
    pub target: Option<String>,
    pub source: Option<String>,
    pub from: Option<String>,
    pub id: Option<String>,
    pub readonly: bool,
    pub required: bool,
    pub sharing: Option<String>,
    pub mode: Option<u32>,
    pub uid: Option<u64>,
    pub gid: Option<u64>,
    pub env: Option<String>,
    /// The option as written after `--mount=`.
    pub raw: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MountKind {
    #[default]
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
}

impl MountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bind => "bind",
            Self::Cache => "cache",
            Self::Tmpfs => "tmpfs",
            Self::Secret => "secret",
            Self::Ssh => "ssh",
        }
    }
}

/// A heredoc attached to a RUN/COPY/ADD line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    /// The terminator word (`EOF`), quotes removed.
    pub name: String,
    /// `false` when the word was quoted (`<<'EOF'`): no variable expansion in the body.
    pub expand: bool,
    /// `<<-EOF`: leading tabs are removed from the body.
    pub chomp: bool,
    /// The file descriptor number before `<<` (0 when absent).
    pub fd: u32,
    /// The body, every line with its newline, terminator excluded.
    pub content: String,
}

/// `COPY`/`ADD` arguments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Copy {
    /// Source paths as written (heredoc sources are in `heredocs`).
    pub sources: Vec<String>,
    /// Inline files (`COPY <<EOF /dest`): name and content.
    pub heredocs: Vec<Heredoc>,
    pub dest: String,
    pub from: Option<String>,
    pub chown: Option<String>,
    pub chmod: Option<String>,
    pub link: bool,
    pub parents: bool,
    pub exclude: Vec<String>,
    /// ADD only.
    pub checksum: Option<String>,
    /// ADD only.
    pub keep_git_dir: Option<bool>,
    /// ADD only.
    pub unpack: Option<bool>,
    /// Written as a JSON array.
    pub json: bool,
}

/// `KEY=value` of ENV/LABEL, value as written (quotes kept; [`super::expand`] removes them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
    /// Written in the legacy form `ENV KEY value` (no `=`).
    pub legacy: bool,
}

/// One name of `ARG name[=default] …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgDecl {
    pub name: String,
    pub default: Option<String>,
}

/// `HEALTHCHECK NONE` or `HEALTHCHECK [options] CMD command`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Healthcheck {
    None,
    Cmd(HealthcheckCmd),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthcheckCmd {
    pub command: CommandLine,
    /// Durations in nanoseconds (0 = not set), as in the image config.
    pub interval: u64,
    pub timeout: u64,
    pub start_period: u64,
    pub start_interval: u64,
    pub retries: u64,
}

impl HealthcheckCmd {
    /// The `Test` array of the image config: `["CMD", …]` or `["CMD-SHELL", "…"]`.
    pub fn test(&self) -> Vec<String> {
        match &self.command {
            CommandLine::Exec(v) => std::iter::once("CMD".to_string()).chain(v.iter().cloned()).collect(),
            CommandLine::Shell(s) => vec!["CMD-SHELL".to_string(), s.clone()],
        }
    }
}

/// `ONBUILD <instruction>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Onbuild {
    /// The trigger as stored in the image config (`RUN echo hi`).
    pub expression: String,
    /// The trigger parsed as an instruction; `None` when it does not parse (BuildKit only checks
    /// triggers when a build uses the image as a base).
    pub inner: Option<Box<Instruction>>,
}
