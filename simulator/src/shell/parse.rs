//! The command-line grammar, written with nom 8: text → [`Script`].
//!
//! One function per grammar rule; each documents its rule in a small EBNF. The grammar is the part of
//! bash that learners type: words and quoting, parameter and command substitution, pipelines, `&&`,
//! `||`, `;`, subshells, redirections and here-documents. Errors carry the byte offset, line and
//! column of the offending token and read like bash's (`syntax error near unexpected token `&&'`).
//!
//! Nesting (command substitution, subshells, quotes inside `${…}`…) is bounded so that no input can
//! exhaust the stack.

use std::cell::{Cell, RefCell};
use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{opt, recognize, value};
use nom::sequence::pair;
use nom::{IResult, Parser};

use super::ast::{
    AndOr, Assignment, Command, Connector, HereDoc, List, Param, ParamOp, Pipeline, Redirect, RedirectOp,
    RedirectTarget, ReplaceMode, Script, SimpleCommand, Span, Word, WordPart,
};
use super::escapes::{self, EscapeStyle};

/// How deeply `$(…)`, backquotes and subshells may nest.
pub const MAX_SUBST_DEPTH: usize = 16;
/// How deeply any constructs (quotes inside `${…}` inside quotes…) may nest.
const MAX_DEPTH: usize = 40;

/// Why a line could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// `syntax error near unexpected token `&&'` (`newline` for a line end).
    UnexpectedToken(String),
    /// The text ended where a command was still required (`echo a &&`, `( echo`).
    UnexpectedEof,
    /// A quote, `$(`, `${` or backquote was not closed: the character bash was looking for.
    Unmatched(char),
    /// The text ends with a backslash (a line continuation).
    TrailingBackslash,
    /// Command substitutions or subshells nested deeper than [`MAX_SUBST_DEPTH`].
    TooDeep,
}

/// A parse error with the position of the offending token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// Byte offset into the parsed text.
    pub offset: usize,
    /// 1-based line of the offending token (lines are joined with `\n`).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl ParseError {
    /// True when more lines would complete the input (unclosed quote, trailing `\`, `&&` at the end…):
    /// the terminal shows a `> ` continuation prompt instead of an error.
    pub fn needs_more_input(&self) -> bool {
        matches!(
            self.kind,
            ParseErrorKind::UnexpectedEof | ParseErrorKind::Unmatched(_) | ParseErrorKind::TrailingBackslash
        )
    }
}

impl fmt::Display for ParseError {
    /// The message bash prints after `bash: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParseErrorKind::UnexpectedToken(t) => write!(f, "syntax error near unexpected token `{t}'"),
            ParseErrorKind::UnexpectedEof | ParseErrorKind::TrailingBackslash => {
                write!(f, "syntax error: unexpected end of file")
            }
            ParseErrorKind::Unmatched(c) => write!(f, "unexpected EOF while looking for matching `{c}'"),
            ParseErrorKind::TooDeep => {
                write!(f, "syntax error: command substitution nested too deeply (limit {MAX_SUBST_DEPTH})")
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses a whole command line (possibly several lines joined with `\n`).
pub fn parse(text: &str) -> Result<Script, ParseError> {
    let heredocs = RefCell::new(HereDocs::default());
    let cx = Cx::new(text, 0, &heredocs, 0, 0);
    match script(&cx, text) {
        Ok((_, list)) => {
            let table = heredocs.into_inner();
            Ok(Script { list, heredocs: table.bodies, open_heredoc: table.open })
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let kind = e.kind.unwrap_or(ParseErrorKind::UnexpectedEof);
            Err(error_at(text, e.offset.unwrap_or(text.len()), kind))
        }
        Err(nom::Err::Incomplete(_)) => Err(error_at(text, text.len(), ParseErrorKind::UnexpectedEof)),
    }
}

fn error_at(text: &str, offset: usize, kind: ParseErrorKind) -> ParseError {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    ParseError { kind, offset, line, column }
}

// ---------------------------------------------------------------------------------------------------
// Parser state and errors

/// The nom error: `kind: None` is an ordinary backtrack, `Some` a real syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PErr {
    offset: Option<usize>,
    kind: Option<ParseErrorKind>,
}

impl<'a> nom::error::ParseError<&'a str> for PErr {
    fn from_error_kind(_input: &'a str, _kind: nom::error::ErrorKind) -> Self {
        PErr { offset: None, kind: None }
    }

    fn append(_input: &'a str, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

type PResult<'a, T> = IResult<&'a str, T, PErr>;

/// A here-document whose body is read after the next newline.
#[derive(Debug)]
struct Pending {
    delimiter: String,
    strip_tabs: bool,
    quoted: bool,
    slot: usize,
}

/// Here-documents seen so far: bodies by slot, and those still waiting for their lines.
#[derive(Debug, Default)]
struct HereDocs {
    pending: Vec<Pending>,
    bodies: Vec<HereDoc>,
    open: Option<String>,
}

/// What every rule needs: where the text sits (for spans), nesting depths, here-documents.
struct Cx<'h> {
    /// Length of the text this context parses; every input is a suffix of it.
    total: usize,
    /// Offset of that text in the whole line (non-zero inside backquotes and here-documents).
    base: usize,
    subst_depth: Cell<usize>,
    depth: Cell<usize>,
    /// How many compound commands (`{ … }`, `if`, loops) are open: their closing words end a list.
    compounds: Cell<usize>,
    heredocs: &'h RefCell<HereDocs>,
}

impl<'h> Cx<'h> {
    fn new(text: &str, base: usize, heredocs: &'h RefCell<HereDocs>, subst_depth: usize, depth: usize) -> Self {
        Cx {
            total: text.len(),
            base,
            subst_depth: Cell::new(subst_depth),
            depth: Cell::new(depth),
            compounds: Cell::new(0),
            heredocs,
        }
    }

    fn offset(&self, rest: &str) -> usize {
        self.base + self.total.saturating_sub(rest.len())
    }

    fn span(&self, start: &str, end: &str) -> Span {
        Span { start: self.offset(start), end: self.offset(end) }
    }

    fn fail(&self, rest: &str, kind: ParseErrorKind) -> nom::Err<PErr> {
        nom::Err::Failure(PErr { offset: Some(self.offset(rest)), kind: Some(kind) })
    }

    /// The error for a token that cannot appear at `rest` (blanks skipped).
    fn unexpected(&self, rest: &str) -> nom::Err<PErr> {
        let rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            self.fail(rest, ParseErrorKind::UnexpectedEof)
        } else {
            self.fail(rest, ParseErrorKind::UnexpectedToken(token_at(rest)))
        }
    }

    /// Runs `f` one nesting level deeper; `subst` counts toward [`MAX_SUBST_DEPTH`].
    fn nested<'a, T>(
        &self,
        i: &'a str,
        subst: bool,
        f: impl FnOnce(&'a str) -> PResult<'a, T>,
    ) -> PResult<'a, T> {
        let depth = self.depth.get();
        let subst_depth = self.subst_depth.get();
        if depth >= MAX_DEPTH || (subst && subst_depth >= MAX_SUBST_DEPTH) {
            return Err(self.fail(i, ParseErrorKind::TooDeep));
        }
        self.depth.set(depth + 1);
        if subst {
            self.subst_depth.set(subst_depth + 1);
        }
        let result = f(i);
        self.depth.set(depth);
        self.subst_depth.set(subst_depth);
        result
    }
}

fn backtrack<T>() -> PResult<'static, T> {
    Err(nom::Err::Error(PErr { offset: None, kind: None }))
}

/// Turns a backtrack of a required rule into bash's error for whatever stands at `rest`.
fn required<'a, T>(cx: &Cx<'_>, rest: &'a str, result: PResult<'a, T>) -> PResult<'a, T> {
    match result {
        Err(nom::Err::Error(_)) => Err(cx.unexpected(rest)),
        other => other,
    }
}

/// The token bash names in `syntax error near unexpected token`.
fn token_at(rest: &str) -> String {
    const OPERATORS: [&str; 22] = [
        "&>>", "<<<", "<<-", "&&", "||", ";;", ";&", "|&", ">>", "<<", ">&", "<&", "&>", ">|", "<>", ";", "&",
        "|", "(", ")", "<", ">",
    ];
    if rest.starts_with('\n') || rest.is_empty() {
        return "newline".to_string();
    }
    if let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) {
        return (*op).to_string();
    }
    rest.chars().take_while(|c| !is_metachar(*c)).collect()
}

/// Characters that end an unquoted word.
fn is_metachar(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')')
}

/// Characters that start something other than plain text inside an unquoted word.
fn is_word_special(c: char) -> bool {
    matches!(c, '\'' | '"' | '\\' | '$' | '`')
}

// ---------------------------------------------------------------------------------------------------
// Lists, pipelines, commands

/// `script := list EOF`
fn script<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, List> {
    let (rest, list) = list(cx, i)?;
    if !rest.is_empty() {
        return Err(cx.unexpected(rest));
    }
    let mut table = cx.heredocs.borrow_mut();
    if let Some(first) = table.pending.first() {
        table.open = Some(first.delimiter.clone());
    }
    table.pending.clear();
    Ok((rest, list))
}

/// `list := linebreak ( and_or ( separator linebreak and_or )* separator? linebreak )?`
///
/// Stops before `)` (the end of a subshell or `$(…)`), before a `}` closing a group, or before
/// anything else that cannot continue it.
fn list<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, List> {
    let (mut i, ()) = linebreak(cx, i)?;
    let mut items = Vec::new();
    loop {
        if i.is_empty() || i.starts_with(')') || (cx.compounds.get() > 0 && at_closing_word(i)) {
            break;
        }
        let (rest, item) = required(cx, i, and_or(cx, i))?;
        items.push(item);
        let (rest, ()) = blanks(rest)?;
        let (rest, _) = opt(comment).parse(rest)?;
        match separator(cx, rest) {
            Ok((rest, ())) => {
                let (rest, ()) = linebreak(cx, rest)?;
                i = rest;
            }
            Err(nom::Err::Error(_)) => {
                i = rest;
                break;
            }
            Err(e) => return Err(e),
        }
    }
    Ok((i, List { items }))
}

/// `separator := ';' | '&' | newline` (but not `;;`, `&&`, `&>`)
fn separator<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, ()> {
    if i.starts_with(";;") || i.starts_with("&&") || i.starts_with("&>") {
        return backtrack();
    }
    if let Ok((rest, _)) = alt((char::<&str, PErr>(';'), char('&'))).parse(i) {
        return Ok((rest, ()));
    }
    newline(cx, i)
}

/// `linebreak := ( blanks | comment | newline )*`
fn linebreak<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, ()> {
    let mut i = i;
    loop {
        let (rest, ()) = blanks(i)?;
        let (rest, _) = opt(comment).parse(rest)?;
        match newline(cx, rest) {
            Ok((rest, ())) => i = rest,
            Err(nom::Err::Error(_)) => return Ok((rest, ())),
            Err(e) => return Err(e),
        }
    }
}

/// `newline := '\n' heredoc_body*` — the bodies of pending here-documents follow the newline.
fn newline<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, ()> {
    let (mut i, _) = char('\n').parse(i)?;
    let pending = std::mem::take(&mut cx.heredocs.borrow_mut().pending);
    for doc in pending {
        let (rest, body) = heredoc_lines(cx, i, &doc)?;
        let mut table = cx.heredocs.borrow_mut();
        if let Some(slot) = table.bodies.get_mut(doc.slot) {
            slot.body = body;
        }
        i = rest;
    }
    Ok((i, ()))
}

/// `blanks := ( ' ' | '\t' | '\\' '\n' )*`
fn blanks(i: &str) -> PResult<'_, ()> {
    let (rest, _) = nom::multi::many0_count(alt((tag(" "), tag("\t"), tag("\\\n")))).parse(i)?;
    Ok((rest, ()))
}

/// `comment := '#' [^\n]*` (only where a word could start)
fn comment(i: &str) -> PResult<'_, &str> {
    recognize(pair(char('#'), take_till(|c| c == '\n'))).parse(i)
}

/// `and_or := pipeline ( ( '&&' | '||' ) linebreak pipeline )*`
fn and_or<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, AndOr> {
    let (mut i, first) = pipeline(cx, i)?;
    let mut rest = Vec::new();
    loop {
        let (r, ()) = blanks(i)?;
        let Ok((r, connector)) =
            alt((value(Connector::And, tag::<&str, &str, PErr>("&&")), value(Connector::Or, tag("||")))).parse(r)
        else {
            break;
        };
        let (r, ()) = linebreak(cx, r)?;
        let (r, next) = required(cx, r, pipeline(cx, r))?;
        rest.push((connector, next));
        i = r;
    }
    Ok((i, AndOr { first, rest }))
}

/// `pipeline := ( '!' blank )? command ( ( '|' | '|&' ) linebreak command )*`
fn pipeline<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Pipeline> {
    let (start, ()) = blanks(i)?;
    let (i, negated) = bang(start)?;
    let mut commands = Vec::new();
    let (mut i, first) = match command(cx, i) {
        Ok(ok) => ok,
        Err(nom::Err::Error(_)) if negated => {
            // `!` alone is a valid (empty) pipeline.
            let span = cx.span(start, i);
            return Ok((i, Pipeline { negated, commands, span }));
        }
        Err(e) => return Err(e),
    };
    commands.push(first);
    let mut end = i;
    loop {
        let (r, ()) = blanks(i)?;
        if r.starts_with("||") {
            break;
        }
        let Ok((r, op)) = alt((tag::<&str, &str, PErr>("|&"), tag("|"))).parse(r) else { break };
        if op == "|&" {
            if let Some(last) = commands.last_mut() {
                merge_stderr(cx, last, r);
            }
        }
        let (r, ()) = linebreak(cx, r)?;
        let (r, next) = required(cx, r, command(cx, r))?;
        commands.push(next);
        i = r;
        end = r;
    }
    Ok((end, Pipeline { negated, commands, span: cx.span(start, end) }))
}

/// `|&` is `2>&1 |`: adds the redirection to the command on its left.
fn merge_stderr(cx: &Cx<'_>, command: &mut Command, at: &str) {
    let span = cx.span(at, at);
    let redirect = Redirect {
        fd: Some(2),
        op: RedirectOp::DupOut,
        target: RedirectTarget::Word(Word { parts: vec![WordPart::Literal("1".to_string())], span }),
        span,
    };
    match command {
        Command::Simple(simple) => simple.redirects.push(redirect),
        Command::Subshell { redirects, .. }
        | Command::Group { redirects, .. }
        | Command::If { redirects, .. }
        | Command::For { redirects, .. }
        | Command::While { redirects, .. } => redirects.push(redirect),
    }
}

/// `bang := '!' ( blank | EOF )` — a `!` followed by more text is an ordinary word.
fn bang(i: &str) -> PResult<'_, bool> {
    match i.strip_prefix('!') {
        Some(rest) if rest.is_empty() || rest.starts_with([' ', '\t', '\n']) => {
            let (rest, ()) = blanks(rest)?;
            Ok((rest, true))
        }
        _ => Ok((i, false)),
    }
}

/// True if `i` starts with the reserved word `word` (followed by a blank, an operator or the end).
fn is_reserved(i: &str, word: &str) -> bool {
    i.strip_prefix(word).is_some_and(|rest| rest.is_empty() || rest.starts_with(is_metachar))
}

/// True at a word that ends the list inside a compound command.
fn at_closing_word(i: &str) -> bool {
    CLOSING_RESERVED_WORDS.iter().any(|w| *w != "esac" && is_reserved(i, w))
}

/// `command := subshell | group | if_clause | for_clause | while_clause | simple_command`
fn command<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    if i.starts_with('(') {
        subshell(cx, i)
    } else if is_reserved(i, "{") {
        group(cx, i)
    } else if is_reserved(i, "if") {
        if_clause(cx, i)
    } else if is_reserved(i, "for") {
        for_clause(cx, i)
    } else if is_reserved(i, "while") || is_reserved(i, "until") {
        while_clause(cx, i)
    } else {
        let (rest, simple) = simple_command(cx, i)?;
        Ok((rest, Command::Simple(simple)))
    }
}

/// `subshell := '(' list ')' ( blanks redirect )*`
fn subshell<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    let start = i;
    let (i, _) = char('(').parse(i)?;
    let (i, body) = cx.nested(i, true, |i| list(cx, i))?;
    if body.items.is_empty() {
        return Err(cx.unexpected(i));
    }
    let Some(i) = i.strip_prefix(')') else {
        return Err(cx.unexpected(i));
    };
    let (i, redirects) = trailing_redirects(cx, i)?;
    Ok((i, Command::Subshell { body, redirects, span: cx.span(start, i) }))
}

/// `group := '{' list '}' ( blanks redirect )*` — the `}` must stand where a command could start.
fn group<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    let start = i;
    let (i, _) = char('{').parse(i)?;
    let (i, body) = compound_list(cx, i)?;
    let i = keyword(cx, i, "}")?;
    let (i, redirects) = trailing_redirects(cx, i)?;
    Ok((i, Command::Group { body, redirects, span: cx.span(start, i) }))
}

/// A non-empty list inside a compound command (it ends at a closing word such as `then` or `done`).
fn compound_list<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, List> {
    cx.compounds.set(cx.compounds.get() + 1);
    let result = cx.nested(i, false, |i| list(cx, i));
    cx.compounds.set(cx.compounds.get().saturating_sub(1));
    let (i, body) = result?;
    if body.items.is_empty() {
        return Err(cx.unexpected(i));
    }
    Ok((i, body))
}

/// The reserved word `word` (after blanks), or bash's error for what stands there instead.
fn keyword<'a>(cx: &Cx<'_>, i: &'a str, word: &str) -> Result<&'a str, nom::Err<PErr>> {
    let (i, ()) = blanks(i)?;
    if is_reserved(i, word) {
        Ok(i.get(word.len()..).unwrap_or(""))
    } else {
        Err(cx.unexpected(i))
    }
}

/// `( blanks redirect )*` after a compound command.
fn trailing_redirects<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Vec<Redirect>> {
    let mut redirects = Vec::new();
    let mut i = i;
    loop {
        let (r, ()) = blanks(i)?;
        match redirect(cx, r) {
            Ok((r, red)) => {
                redirects.push(red);
                i = r;
            }
            Err(nom::Err::Error(_)) => return Ok((i, redirects)),
            Err(e) => return Err(e),
        }
    }
}

/// `if_clause := 'if' list 'then' list ( 'elif' list 'then' list )* ( 'else' list )? 'fi'`
fn if_clause<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    let start = i;
    let mut i = keyword(cx, i, "if")?;
    let mut branches = Vec::new();
    let mut otherwise = None;
    loop {
        let (r, condition) = compound_list(cx, i)?;
        let r = keyword(cx, r, "then")?;
        let (r, body) = compound_list(cx, r)?;
        branches.push((condition, body));
        let (r, ()) = blanks(r)?;
        if is_reserved(r, "elif") {
            i = r.get(4..).unwrap_or("");
            continue;
        }
        if is_reserved(r, "else") {
            let (r, body) = compound_list(cx, r.get(4..).unwrap_or(""))?;
            otherwise = Some(body);
            i = r;
        } else {
            i = r;
        }
        break;
    }
    let i = keyword(cx, i, "fi")?;
    let (i, redirects) = trailing_redirects(cx, i)?;
    Ok((i, Command::If { branches, otherwise, redirects, span: cx.span(start, i) }))
}

/// `for_clause := 'for' name ( linebreak 'in' word* )? ( ';' | newline )? linebreak 'do' list 'done'`
fn for_clause<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    let start = i;
    let i = keyword(cx, i, "for")?;
    let (i, ()) = blanks(i)?;
    let (i, var) = match name(i) {
        Ok((rest, n)) if rest.is_empty() || rest.starts_with(is_metachar) => (rest, n.to_string()),
        _ => return Err(cx.unexpected(i)),
    };
    let (mut i, ()) = linebreak(cx, i)?;
    let mut words = None;
    if is_reserved(i, "in") {
        let mut list = Vec::new();
        i = i.get(2..).unwrap_or("");
        loop {
            let (r, ()) = blanks(i)?;
            match word(cx, r) {
                Ok((r, w)) => {
                    list.push(w);
                    i = r;
                }
                Err(nom::Err::Error(_)) => {
                    i = r;
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        words = Some(list);
    }
    let (i, ()) = blanks(i)?;
    let i = match separator(cx, i) {
        Ok((r, ())) if !i.starts_with('&') => r,
        _ => i,
    };
    let (i, ()) = linebreak(cx, i)?;
    let (i, body) = do_group(cx, i)?;
    let (i, redirects) = trailing_redirects(cx, i)?;
    Ok((i, Command::For { name: var, words, body, redirects, span: cx.span(start, i) }))
}

/// `do_group := 'do' list 'done'`
fn do_group<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, List> {
    let i = keyword(cx, i, "do")?;
    let (i, body) = compound_list(cx, i)?;
    let i = keyword(cx, i, "done")?;
    Ok((i, body))
}

/// `while_clause := ( 'while' | 'until' ) list do_group`
fn while_clause<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Command> {
    let start = i;
    let until = is_reserved(i, "until");
    let i = keyword(cx, i, if until { "until" } else { "while" })?;
    let (i, condition) = compound_list(cx, i)?;
    let (i, body) = do_group(cx, i)?;
    let (i, redirects) = trailing_redirects(cx, i)?;
    Ok((i, Command::While { until, condition, body, redirects, span: cx.span(start, i) }))
}

/// Words that close compound commands: bash rejects them where a command starts.
const CLOSING_RESERVED_WORDS: [&str; 8] = ["then", "else", "elif", "fi", "do", "done", "esac", "}"];

/// `simple_command := ( assignment | redirect )* ( word | redirect )*` — at least one element.
fn simple_command<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, SimpleCommand> {
    let start = i;
    let mut cmd = SimpleCommand::default();
    let mut i = i;
    let mut end = i;
    loop {
        let (r, ()) = blanks(i)?;
        match redirect(cx, r) {
            Ok((r, red)) => {
                cmd.redirects.push(red);
                i = r;
                end = r;
                continue;
            }
            Err(nom::Err::Error(_)) => {}
            Err(e) => return Err(e),
        }
        if cmd.words.is_empty() {
            match assignment(cx, r) {
                Ok((r, a)) => {
                    cmd.assignments.push(a);
                    i = r;
                    end = r;
                    continue;
                }
                Err(nom::Err::Error(_)) => {}
                Err(e) => return Err(e),
            }
        }
        match word(cx, r) {
            Ok((r, w)) => {
                if cmd.words.is_empty() {
                    if let [WordPart::Literal(text)] = w.parts.as_slice() {
                        if CLOSING_RESERVED_WORDS.contains(&text.as_str()) {
                            return Err(cx.fail(i, ParseErrorKind::UnexpectedToken(text.clone())));
                        }
                    }
                }
                cmd.words.push(w);
                i = r;
                end = r;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    if cmd.words.is_empty() && cmd.assignments.is_empty() && cmd.redirects.is_empty() {
        return backtrack();
    }
    cmd.span = cx.span(start.trim_start_matches([' ', '\t']), end);
    Ok((end, cmd))
}

/// `assignment := name '+'? '=' word?`
fn assignment<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Assignment> {
    let start = i;
    let (i, name) = name(i)?;
    let (i, append) = opt(char('+')).parse(i)?;
    let (i, _) = char('=').parse(i)?;
    let (i, value) = match word(cx, i) {
        Ok(ok) => ok,
        Err(nom::Err::Error(_)) => (i, Word { parts: Vec::new(), span: cx.span(i, i) }),
        Err(e) => return Err(e),
    };
    Ok((i, Assignment { name: name.to_string(), append: append.is_some(), value, span: cx.span(start, i) }))
}

/// `name := [A-Za-z_] [A-Za-z0-9_]*`
fn name(i: &str) -> PResult<'_, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_'),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------------------------------
// Redirections and here-documents

/// `redirect := fd? op blanks word` where
/// `op := '&>>' | '&>' | '>>' | '>&' | '>|' | '>' | '<<<' | '<<-' | '<<' | '<&' | '<'` and
/// `fd := [0-9]+` written right before the operator.
fn redirect<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Redirect> {
    let start = i;
    let (i, fd) = opt(take_while1(|c: char| c.is_ascii_digit())).parse(i)?;
    let (i, op) = alt((
        tag("&>>"),
        tag("&>"),
        tag(">>"),
        tag(">&"),
        tag(">|"),
        tag(">"),
        tag("<<<"),
        tag("<<-"),
        tag("<<"),
        tag("<&"),
        tag("<"),
    ))
    .parse(i)?;
    if fd.is_some() && op.starts_with('&') {
        return backtrack();
    }
    let fd = fd.map(|digits| digits.parse::<u32>().unwrap_or(u32::MAX));
    let op = match op {
        "&>>" => RedirectOp::AppendOutErr,
        "&>" => RedirectOp::OutErr,
        ">>" => RedirectOp::Append,
        ">&" => RedirectOp::DupOut,
        ">" | ">|" => RedirectOp::Out,
        "<<<" => RedirectOp::HereString,
        "<<" | "<<-" => {
            let strip_tabs = op == "<<-";
            let (rest, ()) = blanks(i)?;
            let (rest, delimiter) = required_target(cx, rest)?;
            let target = register_heredoc(cx, &delimiter, strip_tabs);
            return Ok((rest, Redirect { fd, op: RedirectOp::HereDoc, target, span: cx.span(start, rest) }));
        }
        "<&" => RedirectOp::DupIn,
        _ => RedirectOp::In,
    };
    let (i, ()) = blanks(i)?;
    let (i, target) = required_target(cx, i)?;
    Ok((i, Redirect { fd, op, target: RedirectTarget::Word(target), span: cx.span(start, i) }))
}

/// The word after a redirection operator; bash names what stands there instead (`newline` at the end).
fn required_target<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Word> {
    match word(cx, i) {
        Err(nom::Err::Error(_)) => {
            Err(cx.fail(i, ParseErrorKind::UnexpectedToken(token_at(i.trim_start_matches([' ', '\t'])))))
        }
        other => other,
    }
}

/// Records a here-document to be read after the next newline; returns its target.
fn register_heredoc(cx: &Cx<'_>, delimiter: &Word, strip_tabs: bool) -> RedirectTarget {
    let mut text = String::new();
    let quoted = delimiter_text(&delimiter.parts, &mut text);
    let mut table = cx.heredocs.borrow_mut();
    let slot = table.bodies.len();
    table.bodies.push(HereDoc { body: Word::default() });
    table.pending.push(Pending { delimiter: text, strip_tabs, quoted, slot });
    RedirectTarget::HereDoc(slot)
}

/// The delimiter as bash compares it (quotes removed); true if any part was quoted.
fn delimiter_text(parts: &[WordPart], out: &mut String) -> bool {
    let mut quoted = false;
    for part in parts {
        match part {
            WordPart::Literal(t) => out.push_str(t),
            WordPart::Quoted(t) => {
                out.push_str(t);
                quoted = true;
            }
            WordPart::DoubleQuoted(inner) => {
                delimiter_text(inner, out);
                quoted = true;
            }
            WordPart::Tilde => out.push('~'),
            WordPart::Param(Param::Plain(name)) => {
                out.push('$');
                out.push_str(name);
            }
            _ => {}
        }
    }
    quoted
}

/// `heredoc_lines := ( line '\n' )* delimiter_line` — reads a body up to its delimiter line (or EOF,
/// which leaves the document open).
fn heredoc_lines<'a>(cx: &Cx<'_>, i: &'a str, doc: &Pending) -> PResult<'a, Word> {
    let body_start = cx.offset(i);
    let mut text = String::new();
    let mut rest = i;
    loop {
        if rest.is_empty() {
            cx.heredocs.borrow_mut().open = Some(doc.delimiter.clone());
            break;
        }
        let (line, after) = match rest.find('\n') {
            Some(p) => (rest.get(..p).unwrap_or(""), rest.get(p + 1..).unwrap_or("")),
            None => (rest, ""),
        };
        let line = if doc.strip_tabs { line.trim_start_matches('\t') } else { line };
        rest = after;
        if line == doc.delimiter {
            break;
        }
        text.push_str(line);
        text.push('\n');
    }
    if doc.quoted {
        return Ok((rest, Word { parts: vec![WordPart::Quoted(text)], span: Span::default() }));
    }
    let inner = Cx::new(&text, body_start, cx.heredocs, cx.subst_depth.get(), cx.depth.get());
    let (_, parts) = heredoc_body(&inner, &text)?;
    Ok((rest, Word { parts, span: Span { start: body_start, end: cx.offset(rest) } }))
}

/// `heredoc_body := ( '\' [$`\\\n] | dollar | backquoted | [^\\$`]+ | '\' )*`
fn heredoc_body<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Vec<WordPart>> {
    let mut parts = Vec::new();
    let mut i = i;
    while !i.is_empty() {
        let (rest, part) = if let Some(after) = i.strip_prefix('\\') {
            match after.chars().next() {
                Some(c @ ('$' | '`' | '\\')) => (after.get(c.len_utf8()..).unwrap_or(""), Some(WordPart::Quoted(c.to_string()))),
                Some('\n') => (after.get(1..).unwrap_or(""), None),
                _ => (after, Some(WordPart::Quoted("\\".to_string()))),
            }
        } else if i.starts_with('$') {
            let (rest, part) = dollar(cx, i, true)?;
            (rest, Some(part))
        } else if i.starts_with('`') {
            let (rest, part) = backquoted(cx, i)?;
            (rest, Some(part))
        } else {
            let (rest, text) = take_while1(|c| !matches!(c, '\\' | '$' | '`')).parse(i)?;
            (rest, Some(WordPart::Quoted(text.to_string())))
        };
        parts.extend(part);
        i = rest;
    }
    Ok((i, parts))
}

// ---------------------------------------------------------------------------------------------------
// Words

/// `word := tilde? word_part+` — not starting with `#` (that is a comment).
fn word<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Word> {
    let start = i;
    if i.starts_with('#') {
        return backtrack();
    }
    let mut parts = Vec::new();
    let mut i = i;
    if let Some(rest) = i.strip_prefix('~') {
        if rest.is_empty() || rest.starts_with('/') || rest.starts_with(is_metachar) {
            parts.push(WordPart::Tilde);
            i = rest;
        }
    }
    loop {
        match word_part(cx, i) {
            Ok((rest, part)) => {
                parts.extend(part);
                i = rest;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    if i.len() == start.len() {
        return backtrack();
    }
    Ok((i, Word { parts, span: cx.span(start, i) }))
}

/// `word_part := single_quoted | double_quoted | dollar | backquoted | escape | literal`
///
/// `None` is a part that vanished (a backslash-newline).
fn word_part<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Option<WordPart>> {
    match i.chars().next() {
        Some('\'') => single_quoted(cx, i).map(|(r, p)| (r, Some(p))),
        Some('"') => double_quoted(cx, i).map(|(r, p)| (r, Some(p))),
        Some('$') => dollar(cx, i, false).map(|(r, p)| (r, Some(p))),
        Some('`') => backquoted(cx, i).map(|(r, p)| (r, Some(p))),
        Some('\\') => escape(cx, i),
        _ => literal(i).map(|(r, p)| (r, Some(p))),
    }
}

/// `literal := [^ metachar quote $ \ `]+`
fn literal(i: &str) -> PResult<'_, WordPart> {
    let (rest, text) = take_while1(|c| !is_metachar(c) && !is_word_special(c)).parse(i)?;
    Ok((rest, WordPart::Literal(text.to_string())))
}

/// `escape := '\' char` — `\` newline vanishes; a `\` at the very end asks for another line.
fn escape<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, Option<WordPart>> {
    let (after, _) = char('\\').parse(i)?;
    match after.chars().next() {
        None => Err(cx.fail(i, ParseErrorKind::TrailingBackslash)),
        Some('\n') => Ok((after.get(1..).unwrap_or(""), None)),
        Some(c) => Ok((after.get(c.len_utf8()..).unwrap_or(""), Some(WordPart::Quoted(c.to_string())))),
    }
}

/// `single_quoted := "'" [^']* "'"`
fn single_quoted<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = char('\'').parse(i)?;
    let (rest, text) = take_till(|c| c == '\'').parse(after)?;
    match rest.strip_prefix('\'') {
        Some(rest) => Ok((rest, WordPart::Quoted(text.to_string()))),
        None => Err(cx.fail(i, ParseErrorKind::Unmatched('\''))),
    }
}

/// `ansi_c_quoted := "$'" ( '\' char | [^'] )* "'"` — escapes decoded like `printf`.
fn ansi_c_quoted<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = tag("$'").parse(i)?;
    let mut end = None;
    let mut escaped = false;
    for (pos, c) in after.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '\'' {
            end = Some(pos);
            break;
        }
    }
    let Some(end) = end else {
        return Err(cx.fail(i, ParseErrorKind::Unmatched('\'')));
    };
    let raw = after.get(..end).unwrap_or("");
    let (text, _) = escapes::decode(raw, EscapeStyle::Printf);
    Ok((after.get(end + 1..).unwrap_or(""), WordPart::Quoted(text)))
}

/// `double_quoted := '"' ( dq_escape | dollar | backquoted | [^"\\$`]+ )* '"'`
fn double_quoted<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let start = i;
    let (i, _) = char('"').parse(i)?;
    cx.nested(i, false, |i| {
        let mut parts = Vec::new();
        let mut i = i;
        loop {
            match i.chars().next() {
                None => return Err(cx.fail(start, ParseErrorKind::Unmatched('"'))),
                Some('"') => return Ok((i.get(1..).unwrap_or(""), WordPart::DoubleQuoted(parts))),
                Some('\\') => {
                    let (rest, part) = dq_escape(i)?;
                    parts.extend(part);
                    i = rest;
                }
                Some('$') => {
                    let (rest, part) = dollar(cx, i, true)?;
                    parts.push(part);
                    i = rest;
                }
                Some('`') => {
                    let (rest, part) = backquoted(cx, i)?;
                    parts.push(part);
                    i = rest;
                }
                Some(_) => {
                    let (rest, text) = take_while1(|c| !matches!(c, '"' | '\\' | '$' | '`')).parse(i)?;
                    parts.push(WordPart::Quoted(text.to_string()));
                    i = rest;
                }
            }
        }
    })
}

/// `dq_escape := '\' ( [$`"\\] | '\n' )` — any other backslash stays as it is.
fn dq_escape(i: &str) -> PResult<'_, Option<WordPart>> {
    let (after, _) = char('\\').parse(i)?;
    match after.chars().next() {
        Some(c @ ('$' | '`' | '"' | '\\')) => Ok((after.get(1..).unwrap_or(""), Some(WordPart::Quoted(c.to_string())))),
        Some('\n') => Ok((after.get(1..).unwrap_or(""), None)),
        _ => Ok((after, Some(WordPart::Quoted("\\".to_string())))),
    }
}

/// `backquoted := '`' ( '\' char | [^`] )* '`'` — the inside is unescaped, then parsed as a list.
fn backquoted<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = char('`').parse(i)?;
    let mut inner = String::new();
    let mut chars = after.char_indices();
    let mut end = None;
    while let Some((pos, c)) = chars.next() {
        match c {
            '`' => {
                end = Some(pos);
                break;
            }
            '\\' => match chars.next() {
                Some((_, e @ ('`' | '\\' | '$'))) => inner.push(e),
                Some((_, e)) => {
                    inner.push('\\');
                    inner.push(e);
                }
                None => inner.push('\\'),
            },
            other => inner.push(other),
        }
    }
    let Some(end) = end else {
        return Err(cx.fail(i, ParseErrorKind::Unmatched('`')));
    };
    let rest = after.get(end + 1..).unwrap_or("");
    cx.nested(i, true, |_| {
        let sub = Cx::new(&inner, cx.offset(after), cx.heredocs, cx.subst_depth.get(), cx.depth.get());
        let (tail, list) = list(&sub, &inner)?;
        if !tail.is_empty() {
            return Err(sub.unexpected(tail));
        }
        Ok((rest, WordPart::CommandSubst(list)))
    })
}

/// `dollar := arith | command_subst | braced_param | ansi_c_quoted | '$' '"'…'"' | '$' special | '$' name | '$'`
///
/// Inside double quotes `$'` and `$"` are plain text.
fn dollar<'a>(cx: &Cx<'_>, i: &'a str, in_dq: bool) -> PResult<'a, WordPart> {
    let (after, _) = char('$').parse(i)?;
    match after.chars().next() {
        Some('(') if after.starts_with("((") => arith(cx, i),
        Some('(') => command_subst(cx, i),
        Some('{') => braced_param(cx, i),
        Some('\'') if !in_dq => ansi_c_quoted(cx, i),
        Some('"') if !in_dq => double_quoted(cx, after),
        Some(c) if is_special_param(c) => {
            Ok((after.get(1..).unwrap_or(""), WordPart::Param(Param::Plain(c.to_string()))))
        }
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            let (rest, n) = name(after)?;
            Ok((rest, WordPart::Param(Param::Plain(n.to_string()))))
        }
        _ => Ok((after, WordPart::Literal("$".to_string()))),
    }
}

fn is_special_param(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '?' | '$' | '#' | '!' | '@' | '*' | '-')
}

/// `command_subst := '$(' list ')'`
fn command_subst<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = tag("$(").parse(i)?;
    cx.nested(after, true, |after| {
        let (rest, body) = list(cx, after)?;
        match rest.strip_prefix(')') {
            Some(rest) => Ok((rest, WordPart::CommandSubst(body))),
            None if rest.is_empty() => Err(cx.fail(i, ParseErrorKind::Unmatched(')'))),
            None => Err(cx.unexpected(rest)),
        }
    })
}

/// `arith := '$((' ( '(' | ')' | dollar | backquoted | dq | escape | [^()$`"\\]+ )* '))'`
/// — parentheses inside must balance.
fn arith<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = tag("$((").parse(i)?;
    cx.nested(after, true, |mut rest| {
        let mut parts = Vec::new();
        let mut depth = 0usize;
        loop {
            if depth == 0 {
                if let Some(r) = rest.strip_prefix("))") {
                    return Ok((r, WordPart::Arith(parts)));
                }
            }
            let (r, part) = match rest.chars().next() {
                None => return Err(cx.fail(i, ParseErrorKind::Unmatched(')'))),
                Some('(') => {
                    depth += 1;
                    (rest.get(1..).unwrap_or(""), Some(WordPart::Literal("(".to_string())))
                }
                Some(')') => {
                    depth = depth.saturating_sub(1);
                    (rest.get(1..).unwrap_or(""), Some(WordPart::Literal(")".to_string())))
                }
                Some('$') => dollar(cx, rest, true).map(|(r, p)| (r, Some(p)))?,
                Some('`') => backquoted(cx, rest).map(|(r, p)| (r, Some(p)))?,
                Some('"') => double_quoted(cx, rest).map(|(r, p)| (r, Some(p)))?,
                Some('\\') => escape(cx, rest)?,
                Some(_) => {
                    let (r, text) = take_while1(|c| !matches!(c, '(' | ')' | '$' | '`' | '"' | '\\')).parse(rest)?;
                    (r, Some(WordPart::Literal(text.to_string())))
                }
            };
            parts.extend(part);
            rest = r;
        }
    })
}

/// `braced_param := '${' ( '#' name | param ( op word | trim word | ':' word (':' word)? |
/// '/' [/#%]? word ( '/' word )? | case )? ) '}'` where `op := ':'? [-=+?]`,
/// `trim := '##' | '#' | '%%' | '%'` and `case := '^^' | '^' | ',,' | ','`; anything else is a bad
/// substitution, reported when it is expanded.
fn braced_param<'a>(cx: &Cx<'_>, i: &'a str) -> PResult<'a, WordPart> {
    let (after, _) = tag("${").parse(i)?;
    cx.nested(after, false, |after| {
        let parsed = braced_param_body(cx, after)?;
        if let Some((rest, param)) = parsed {
            if let Some(rest) = rest.strip_prefix('}') {
                return Ok((rest, WordPart::Param(param)));
            }
        }
        // Not something we understand: bash reads up to the closing brace and fails at expansion.
        match after.find('}') {
            Some(end) => {
                let text = format!("${{{}}}", after.get(..end).unwrap_or(""));
                Ok((after.get(end + 1..).unwrap_or(""), WordPart::Param(Param::Bad(text))))
            }
            None => Err(cx.fail(i, ParseErrorKind::Unmatched('}'))),
        }
    })
}

/// The inside of `${…}` up to (not including) the closing brace; `None` if it is not understood.
fn braced_param_body<'a>(cx: &Cx<'_>, i: &'a str) -> Result<Option<(&'a str, Param)>, nom::Err<PErr>> {
    if let Some(after) = i.strip_prefix('#') {
        if let Ok((rest, n)) = param_name(after) {
            if rest.starts_with('}') {
                return Ok(Some((rest, Param::Length(n.to_string()))));
            }
        }
        if after.starts_with('}') {
            return Ok(Some((after, Param::Plain("#".to_string()))));
        }
    }
    let Ok((rest, n)) = param_name(i) else { return Ok(None) };
    let name = n.to_string();
    if rest.starts_with('}') {
        return Ok(Some((rest, Param::Plain(name))));
    }
    let (rest, colon) = match rest.strip_prefix(':') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let op = match rest.chars().next() {
        Some('-') => Some(ParamOp::Default),
        Some('=') => Some(ParamOp::Assign),
        Some('+') => Some(ParamOp::Alternative),
        Some('?') => Some(ParamOp::Error),
        _ => None,
    };
    if let Some(op) = op {
        let (rest, word) = brace_word(cx, rest.get(1..).unwrap_or(""), "}")?;
        return Ok(Some((rest, Param::WithOp { name, op, colon, word })));
    }
    if colon {
        let (rest, offset) = brace_word(cx, rest, ":}")?;
        let (rest, length) = match rest.strip_prefix(':') {
            Some(after) => {
                let (rest, length) = brace_word(cx, after, "}")?;
                (rest, Some(length))
            }
            None => (rest, None),
        };
        return Ok(Some((rest, Param::Substring { name, offset, length })));
    }
    if let Some(after) = rest.strip_prefix('/') {
        let (mode, after) = match after.chars().next() {
            Some('/') => (ReplaceMode::All, after.get(1..).unwrap_or("")),
            Some('#') => (ReplaceMode::Prefix, after.get(1..).unwrap_or("")),
            Some('%') => (ReplaceMode::Suffix, after.get(1..).unwrap_or("")),
            _ => (ReplaceMode::First, after),
        };
        let (rest, pattern) = brace_word(cx, after, "/}")?;
        let (rest, replacement) = match rest.strip_prefix('/') {
            Some(after) => brace_word(cx, after, "}")?,
            None => (rest, Vec::new()),
        };
        return Ok(Some((rest, Param::Replace { name, mode, pattern, replacement })));
    }
    let case = [("^^", true, true), ("^", true, false), (",,", false, true), (",", false, false)]
        .into_iter()
        .find(|(t, _, _)| rest.starts_with(t));
    if let Some((t, upper, all)) = case {
        return Ok(Some((rest.get(t.len()..).unwrap_or(""), Param::Case { name, upper, all })));
    }
    let trim = [("##", false, true), ("#", false, false), ("%%", true, true), ("%", true, false)]
        .into_iter()
        .find(|(t, _, _)| rest.starts_with(t));
    if let Some((t, suffix, longest)) = trim {
        let (rest, pattern) = brace_word(cx, rest.get(t.len()..).unwrap_or(""), "}")?;
        return Ok(Some((rest, Param::Trim { name, suffix, longest, pattern })));
    }
    Ok(None)
}

/// `param := name | special`
fn param_name(i: &str) -> PResult<'_, &str> {
    alt((name, recognize(satisfy(is_special_param)))).parse(i)
}

/// `brace_word := ( single_quoted | double_quoted | dollar | backquoted | escape | [^}'"\\$`]+ )*`
/// — the word after `:-` and friends, up to the closing brace or another of the `stop` characters
/// (spaces included).
fn brace_word<'a>(cx: &Cx<'_>, i: &'a str, stop: &str) -> Result<(&'a str, Vec<WordPart>), nom::Err<PErr>> {
    let mut parts = Vec::new();
    let mut i = i;
    loop {
        let (rest, part) = match i.chars().next() {
            None => return Ok((i, parts)),
            Some(c) if stop.contains(c) => return Ok((i, parts)),
            Some('\'') => single_quoted(cx, i).map(|(r, p)| (r, Some(p)))?,
            Some('"') => double_quoted(cx, i).map(|(r, p)| (r, Some(p)))?,
            Some('$') => dollar(cx, i, false).map(|(r, p)| (r, Some(p)))?,
            Some('`') => backquoted(cx, i).map(|(r, p)| (r, Some(p)))?,
            Some('\\') => escape(cx, i)?,
            Some(_) => {
                let (r, text) =
                    take_while1(|c| !stop.contains(c) && !matches!(c, '\'' | '"' | '\\' | '$' | '`')).parse(i)?;
                (r, Some(WordPart::Literal(text.to_string())))
            }
        };
        parts.extend(part);
        i = rest;
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
