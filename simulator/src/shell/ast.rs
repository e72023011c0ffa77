//! The syntax tree of a command line, as [`super::parse`] builds it. Every node that a learner can
//! point at carries a [`Span`] (byte offsets into the parsed text).

/// A byte range `start..end` in the parsed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Commands separated by `;`, `&` or newlines, run one after the other.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct List {
    pub items: Vec<AndOr>,
}

/// Pipelines joined by `&&` / `||`, evaluated left to right on exit codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

/// `&&` or `||`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    And,
    Or,
}

/// Commands joined by `|`; `!` negates the exit code of the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    pub negated: bool,
    pub commands: Vec<Command>,
    pub span: Span,
}

/// One element of a pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Simple(SimpleCommand),
    /// `( list )` with its redirections: runs with a copy of the shell's variables and directory.
    Subshell { body: List, redirects: Vec<Redirect>, span: Span },
    /// `{ list; }` with its redirections: runs in the shell itself.
    Group { body: List, redirects: Vec<Redirect>, span: Span },
    /// `if list; then list; [elif list; then list;]… [else list;] fi`
    If { branches: Vec<(List, List)>, otherwise: Option<List>, redirects: Vec<Redirect>, span: Span },
    /// `for NAME [in WORD…]; do list; done`
    For { name: String, words: Option<Vec<Word>>, body: List, redirects: Vec<Redirect>, span: Span },
    /// `while list; do list; done` (`until` when `until` is true).
    While { until: bool, condition: List, body: List, redirects: Vec<Redirect>, span: Span },
}

/// `NAME=value … word … redirections`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleCommand {
    pub assignments: Vec<Assignment>,
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
    pub span: Span,
}

/// `NAME=value` (or `NAME+=value`) before the command name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub name: String,
    pub append: bool,
    pub value: Word,
    pub span: Span,
}

/// A redirection such as `2>&1` or `>> log.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The explicit descriptor (`2` in `2>x`); `None` takes the operator's default.
    pub fd: Option<u32>,
    pub op: RedirectOp,
    pub target: RedirectTarget,
    pub span: Span,
}

/// What a redirection points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectTarget {
    Word(Word),
    /// The body of a here-document, in [`Script::heredocs`].
    HereDoc(usize),
}

/// The redirection operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectOp {
    /// `>` and `>|`
    Out,
    /// `>>`
    Append,
    /// `<`
    In,
    /// `&>` (and `>&word` when the word is not a descriptor)
    OutErr,
    /// `&>>`
    AppendOutErr,
    /// `>&N`, `>&-`
    DupOut,
    /// `<&N`, `<&-`
    DupIn,
    /// `<<<`
    HereString,
    /// `<<` and `<<-`
    HereDoc,
}

/// A here-document body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HereDoc {
    /// The body: expanded like a double-quoted word unless the delimiter was quoted.
    pub body: Word,
}

/// A word: the concatenation of its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub parts: Vec<WordPart>,
    pub span: Span,
}

/// A piece of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text (globs active).
    Literal(String),
    /// Text that expands to itself: `'…'`, `$'…'`, `\x`.
    Quoted(String),
    /// `"…"`: its parts are not split nor globbed.
    DoubleQuoted(Vec<WordPart>),
    /// `$NAME`, `${…}`, `$?`.
    Param(Param),
    /// `$(…)` or a backquoted command.
    CommandSubst(List),
    /// `$((…))`: the expression text, expanded then evaluated.
    Arith(Vec<WordPart>),
    /// `~` at the start of a word (or after `=`/`:` in an assignment).
    Tilde,
}

/// A parameter expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// `$NAME`, `${NAME}`, `$?`, `$1`…
    Plain(String),
    /// `${#NAME}`
    Length(String),
    /// `${NAME:-word}` and friends.
    WithOp { name: String, op: ParamOp, colon: bool, word: Vec<WordPart> },
    /// `${X%.txt}` and friends: remove a glob pattern from one end.
    Trim { name: String, suffix: bool, longest: bool, pattern: Vec<WordPart> },
    /// `${X:offset}`, `${X:offset:length}` (arithmetic expressions).
    Substring { name: String, offset: Vec<WordPart>, length: Option<Vec<WordPart>> },
    /// `${X/pattern/replacement}` and its `//`, `/#`, `/%` forms.
    Replace { name: String, mode: ReplaceMode, pattern: Vec<WordPart>, replacement: Vec<WordPart> },
    /// `${X^^}`, `${X^}`, `${X,,}`, `${X,}`.
    Case { name: String, upper: bool, all: bool },
    /// Something between `${` and `}` bash cannot read: fails when expanded.
    Bad(String),
}

/// Which matches `${X/…/…}` replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceMode {
    First,
    All,
    Prefix,
    Suffix,
}

/// `-`, `=`, `+`, `?` in `${NAME:-word}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamOp {
    Default,
    Assign,
    Alternative,
    Error,
}

/// A parsed command line: its commands and the bodies of its here-documents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    pub list: List,
    pub heredocs: Vec<HereDoc>,
    /// The delimiter of a here-document that the text ended inside of (bash reads more lines; run
    /// anyway, the document ends at the end of the text).
    pub open_heredoc: Option<String>,
}
