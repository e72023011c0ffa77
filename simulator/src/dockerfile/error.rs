//! Parse errors with BuildKit's exact texts.

use super::ast::Span;
use std::fmt;

/// Where in BuildKit the error would arise, which decides how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorStage {
    /// The line parser (`parser.Parse`): printed as the bare message
    /// (`unterminated heredoc`, `file with no instructions`).
    Lines,
    /// The instruction parser (`instructions.Parse`): printed as
    /// `dockerfile parse error on line N: <message>`.
    Instruction,
}

/// A Dockerfile parse error. `Display` gives BuildKit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line where the offending instruction starts.
    pub line: usize,
    /// 1-based line where it ends.
    pub end_line: usize,
    /// Bytes to underline.
    pub span: Span,
    /// The message without the `dockerfile parse error on line N: ` prefix.
    pub message: String,
    pub stage: ErrorStage,
}

impl ParseError {
    pub(crate) fn lines(line: usize, end_line: usize, span: Span, message: impl Into<String>) -> Self {
        Self { line, end_line, span, message: message.into(), stage: ErrorStage::Lines }
    }

    pub(crate) fn instruction(line: usize, end_line: usize, span: Span, message: impl Into<String>) -> Self {
        Self { line, end_line, span, message: message.into(), stage: ErrorStage::Instruction }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.stage {
            ErrorStage::Lines => f.write_str(&self.message),
            ErrorStage::Instruction => write!(f, "dockerfile parse error on line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// An error of variable substitution (`${VAR:?must be set}`, `${VAR`), BuildKit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    pub message: String,
}

impl fmt::Display for ExpandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExpandError {}

impl ExpandError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}
