//! Dockerfiles as BuildKit reads them (Docker 28.5, BuildKit's `frontend/dockerfile`).
//!
//! # API
//!
//! - [`parse`]`(text) -> Result<`[`Dockerfile`]`, `[`ParseError`]`>`: the typed instructions in order
//!   ([`Instruction`] with 1-based `line`/`end_line`, byte `span`, `original` text and a typed
//!   [`InstructionKind`]), the parser [`Directives`] and the parser [`Warning`]s. The error's
//!   `Display` is BuildKit's text (`dockerfile parse error on line 3: unknown instruction: RUNN
//!   (did you mean RUN?)`); its `span` is what an editor underlines.
//! - [`expand`]`(word, env, escape)`: BuildKit's variable substitution (`$VAR`, `${VAR:-x}`, …,
//!   quotes removed) for the instructions that BuildKit expands
//!   ([`InstructionKind::expands_variables`]); [`expand_words`] also splits into words.
//! - [`highlight()`]`(text) -> Vec<`[`Token`]`>`: tokens for syntax highlighting; never fails,
//!   even on text that does not parse.
//! - [`parse_lenient`]: the same without the checks BuildKit makes only when it builds
//!   (instructions before the first FROM, `RUN --mount`/`--device` values, STOPSIGNAL names): for
//!   linters and editors.
//! - [`Dockerfile::stages`] and [`Dockerfile::global_args`]: the build stages, and the ARGs
//!   before the first FROM (usable in FROM lines; inside a stage only after `ARG name` again).
//!
//! Values in the tree are kept as written (quotes and `$VAR` included), as BuildKit's parser keeps
//! them; the builder expands them at dispatch time with the stage's ARG/ENV values.
//!
//! # Faithfulness
//!
//! Line handling (BOM, directives, comments, continuations with the escape character, empty
//! continuation lines, heredocs) follows `parser/parser.go`; argument shapes follow
//! `parser/line_parsers.go`; checks and error texts follow `instructions/parse.go` and
//! `instructions/bflag.go`. Errors of the line parser print bare (`unterminated heredoc`,
//! `file with no instructions`, invalid `RUN --mount` values); errors of the instruction parser print with the
//! `dockerfile parse error on line N: ` prefix (see [`ErrorStage`]). `RUN --mount` values, a
//! refused `--device` and STOPSIGNAL names are checked after the whole file parsed, unprefixed,
//! as BuildKit reports them when it dispatches (mount values without variable expansion).
//! Flags follow Docker 28.5's stable frontend (`RUN --security` and `COPY --parents` are labs
//! features there, hence unknown). Checked against `docker build --check` of Docker 28.5 on 600
//! random Dockerfiles: the same error text for every one (except base images it could not pull).

mod ast;
mod duration;
mod error;
mod highlight;
mod instruction;
mod lexer;
mod scan;
mod suggest;
mod words;

#[cfg(test)]
mod tests;

pub use ast::{
    ArgDecl, CommandLine, Copy, Directives, Dockerfile, From, Healthcheck, HealthcheckCmd, Heredoc, Instruction,
    InstructionKind, KeyValue, Mount, MountKind, Onbuild, Run, Span, Warning,
};
pub use error::{ErrorStage, ExpandError, ParseError};
pub use highlight::{highlight, quoted_len, Token, TokenClass};
pub use lexer::{expand, expand_words, Env, Lexer};

/// Parses a Dockerfile as BuildKit does.
pub fn parse(text: &str) -> Result<Dockerfile, ParseError> {
    parse_with(text, true)
}

/// Parses like [`parse`] but accepts instructions before the first FROM and leaves `RUN --mount`
/// values unchecked (BuildKit rejects those only when it builds): what a linter or an editor
/// wants.
pub fn parse_lenient(text: &str) -> Result<Dockerfile, ParseError> {
    parse_with(text, false)
}

fn parse_with(text: &str, strict: bool) -> Result<Dockerfile, ParseError> {
    if text.is_empty() {
        return Err(ParseError::lines(1, 1, Span::default(), "the Dockerfile cannot be empty"));
    }
    let scanned = scan::scan(text)?;
    let mut instructions = Vec::with_capacity(scanned.nodes.len());
    let mut seen_from = false;
    for node in &scanned.nodes {
        let ins = instruction::typed(node)
            .map_err(|m| ParseError::instruction(node.start_line, node.end_line, node.span, m))?;
        match ins.kind {
            InstructionKind::From(_) => seen_from = true,
            InstructionKind::Arg(_) => {}
            _ if !seen_from && strict => {
                return Err(ParseError::lines(node.start_line, node.end_line, node.span, "no build stage in current context"));
            }
            _ => {}
        }
        instructions.push(ins);
    }
    // BuildKit checks mount options when it dispatches, after the whole file parsed.
    for ins in instructions.iter().filter(|_| strict) {
        if let Some(m) = instruction::mount_error(ins) {
            return Err(ParseError::lines(ins.line, ins.end_line, ins.span, m));
        }
    }
    Ok(Dockerfile { directives: scanned.directives, escape: scanned.escape, instructions, warnings: scanned.warnings })
}

/// A build stage: its FROM and the instructions up to the next FROM.
#[derive(Debug, Clone, Copy)]
pub struct Stage<'a> {
    /// Index of the stage (0-based), usable in `COPY --from=0`.
    pub index: usize,
    pub from: &'a Instruction,
    pub instructions: &'a [Instruction],
}

impl Stage<'_> {
    /// The `FROM` arguments.
    pub fn base(&self) -> Option<&From> {
        match &self.from.kind {
            InstructionKind::From(f) => Some(f),
            _ => None,
        }
    }

    /// The stage name (`AS name`), lower-cased.
    pub fn name(&self) -> Option<&str> {
        self.base().and_then(|f| f.stage_name.as_deref())
    }
}

impl Dockerfile {
    /// The ARG instructions before the first FROM (global scope: usable in FROM lines, and in a
    /// stage only after an `ARG name` redeclaration there).
    pub fn global_args(&self) -> Vec<&ArgDecl> {
        self.instructions
            .iter()
            .take_while(|i| !matches!(i.kind, InstructionKind::From(_)))
            .filter_map(|i| match &i.kind {
                InstructionKind::Arg(a) => Some(a.iter()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The build stages in order.
    pub fn stages(&self) -> Vec<Stage<'_>> {
        let starts: Vec<usize> = self
            .instructions
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, InstructionKind::From(_)))
            .map(|(n, _)| n)
            .collect();
        let mut out = Vec::new();
        for (index, &start) in starts.iter().enumerate() {
            let end = starts.get(index + 1).copied().unwrap_or(self.instructions.len());
            if let (Some(from), Some(body)) = (self.instructions.get(start), self.instructions.get(start + 1..end)) {
                out.push(Stage { index, from, instructions: body });
            }
        }
        out
    }
}
