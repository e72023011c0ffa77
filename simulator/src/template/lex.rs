//! The lexer of Go's `text/template/parse` (`lex.go`), state for state: same tokens, same positions,
//! same line numbers, same error texts. The whole input is lexed up front into a vector (the Go
//! parser only ever backs up over tokens it already read, so this is equivalent).

use crate::format::go_quote::go_quote;
use crate::format::width::is_print;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemType {
    Error,
    Bool,
    Char,
    CharConstant,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    // Keywords.
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl ItemType {
    fn is_keyword(self) -> bool {
        matches!(
            self,
            ItemType::Block
                | ItemType::Break
                | ItemType::Continue
                | ItemType::Dot
                | ItemType::Define
                | ItemType::Else
                | ItemType::End
                | ItemType::If
                | ItemType::Nil
                | ItemType::Range
                | ItemType::Template
                | ItemType::With
        )
    }
}

fn keyword(word: &str) -> Option<ItemType> {
    Some(match word {
        "." => ItemType::Dot,
        "block" => ItemType::Block,
        "break" => ItemType::Break,
        "continue" => ItemType::Continue,
        "define" => ItemType::Define,
        "else" => ItemType::Else,
        "end" => ItemType::End,
        "if" => ItemType::If,
        "range" => ItemType::Range,
        "nil" => ItemType::Nil,
        "template" => ItemType::Template,
        "with" => ItemType::With,
        _ => return None,
    })
}

#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub typ: ItemType,
    pub pos: usize,
    pub val: String,
    pub line: usize,
}

impl std::fmt::Display for Item {
    /// Go's `item.String()`, used in "unexpected … in …" messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.typ {
            ItemType::Eof => f.write_str("EOF"),
            ItemType::Error => f.write_str(&self.val),
            t if t.is_keyword() => write!(f, "<{}>", self.val),
            _ if self.val.len() > 10 => {
                let head: String = self.val.chars().take(10).collect();
                write!(f, "{}...", go_quote(&head))
            }
            _ => f.write_str(&go_quote(&self.val)),
        }
    }
}

/// Go's `%#U` verb: `U+007D '}'` for printable runes, `U+0001` otherwise.
pub(crate) fn sharp_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

const LEFT_DELIM: &str = "{{";
const RIGHT_DELIM: &str = "}}";
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const TRIM_MARKER_LEN: usize = 2;

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Go's `unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'` (Unicode letters approximated by
/// Rust's alphabetic property).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b.first() == Some(&b'-') && b.get(1).is_some_and(|&c| is_space(char::from(c)))
}

fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b.first().is_some_and(|&c| is_space(char::from(c))) && b.get(1) == Some(&b'-')
}

fn right_trim_length(s: &str) -> usize {
    s.len() - s.trim_end_matches(is_space).len()
}

fn left_trim_length(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

#[derive(Clone, Copy)]
enum State {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Identifier,
    Field,
    Variable,
    Char,
    Number,
    Quote,
    RawQuote,
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    at_eof: bool,
    paren_depth: usize,
    line: usize,
    start_line: usize,
    inside_action: bool,
    break_ok: bool,
    continue_ok: bool,
    /// The item produced by the last state function, if any.
    item: Option<Item>,
    /// Whether the lexer stopped on an error (the input is then considered empty).
    dead: bool,
}

/// What a state function asks for next.
enum Next {
    State(State),
    Emit,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        self.input.get(self.pos..).unwrap_or("")
    }

    fn next(&mut self) -> Option<char> {
        match self.rest().chars().next() {
            None => {
                self.at_eof = true;
                None
            }
            Some(c) => {
                self.pos += c.len_utf8();
                if c == '\n' {
                    self.line += 1;
                }
                Some(c)
            }
        }
    }

    fn backup(&mut self) {
        if !self.at_eof && self.pos > 0 {
            if let Some(c) = self.input.get(..self.pos).and_then(|s| s.chars().next_back()) {
                self.pos -= c.len_utf8();
                if c == '\n' {
                    self.line = self.line.saturating_sub(1);
                }
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        let c = self.next();
        self.backup();
        c
    }

    fn this_item(&mut self, typ: ItemType) -> Item {
        let item = Item {
            typ,
            pos: self.start,
            val: self.input.get(self.start..self.pos).unwrap_or("").to_string(),
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        item
    }

    fn emit(&mut self, typ: ItemType) -> Next {
        let item = self.this_item(typ);
        self.item = Some(item);
        Next::Emit
    }

    fn ignore(&mut self) {
        self.line += self.input.get(self.start..self.pos).unwrap_or("").matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(c) if valid.contains(c) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    fn accept_run(&mut self, valid: &str) {
        while let Some(c) = self.next() {
            if !valid.contains(c) {
                break;
            }
        }
        self.backup();
    }

    fn errorf(&mut self, msg: String) -> Next {
        self.item = Some(Item { typ: ItemType::Error, pos: self.start, val: msg, line: self.start_line });
        self.dead = true;
        Next::Emit
    }

    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim_marker(rest) && rest.get(TRIM_MARKER_LEN..).is_some_and(|r| r.starts_with(RIGHT_DELIM)) {
            return (true, true);
        }
        if rest.starts_with(RIGHT_DELIM) {
            return (true, false);
        }
        (false, false)
    }

    fn at_terminator(&mut self) -> bool {
        match self.peek() {
            None => true,
            Some(c) if is_space(c) => true,
            Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            Some(_) => self.rest().starts_with(RIGHT_DELIM),
        }
    }

    fn step(&mut self, state: State) -> Next {
        match state {
            State::Text => self.lex_text(),
            State::LeftDelim => self.lex_left_delim(),
            State::Comment => self.lex_comment(),
            State::RightDelim => self.lex_right_delim(),
            State::InsideAction => self.lex_inside_action(),
            State::Space => self.lex_space(),
            State::Identifier => self.lex_identifier(),
            State::Field => self.lex_field_or_variable(ItemType::Field),
            State::Variable => self.lex_variable(),
            State::Char => self.lex_char(),
            State::Number => self.lex_number(),
            State::Quote => self.lex_quote(),
            State::RawQuote => self.lex_raw_quote(),
        }
    }

    fn next_item(&mut self) -> Item {
        if self.dead {
            return Item { typ: ItemType::Eof, pos: 0, val: "EOF".to_string(), line: self.start_line };
        }
        self.item = None;
        let mut state = if self.inside_action { State::InsideAction } else { State::Text };
        loop {
            match self.step(state) {
                Next::State(s) => state = s,
                Next::Emit => {
                    return self.item.take().unwrap_or(Item {
                        typ: ItemType::Eof,
                        pos: self.pos,
                        val: "EOF".to_string(),
                        line: self.start_line,
                    })
                }
            }
        }
    }

    fn lex_text(&mut self) -> Next {
        if let Some(x) = self.rest().find(LEFT_DELIM) {
            if x > 0 {
                self.pos += x;
                let delim_end = self.pos + LEFT_DELIM.len();
                let mut trim_length = 0;
                if has_left_trim_marker(self.input.get(delim_end..).unwrap_or("")) {
                    trim_length = right_trim_length(self.input.get(self.start..self.pos).unwrap_or(""));
                }
                self.pos -= trim_length;
                self.line += self.input.get(self.start..self.pos).unwrap_or("").matches('\n').count();
                let item = self.this_item(ItemType::Text);
                self.pos += trim_length;
                self.ignore();
                if !item.val.is_empty() {
                    self.item = Some(item);
                    return Next::Emit;
                }
            }
            return Next::State(State::LeftDelim);
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            self.line += self.input.get(self.start..self.pos).unwrap_or("").matches('\n').count();
            return self.emit(ItemType::Text);
        }
        self.emit(ItemType::Eof)
    }

    fn lex_left_delim(&mut self) -> Next {
        self.pos += LEFT_DELIM.len();
        let trim_space = has_left_trim_marker(self.rest());
        let after_marker = if trim_space { TRIM_MARKER_LEN } else { 0 };
        if self.input.get(self.pos + after_marker..).is_some_and(|r| r.starts_with(LEFT_COMMENT)) {
            self.pos += after_marker;
            self.ignore();
            return Next::State(State::Comment);
        }
        let item = self.this_item(ItemType::LeftDelim);
        self.inside_action = true;
        self.pos += after_marker;
        self.ignore();
        self.paren_depth = 0;
        self.item = Some(item);
        Next::Emit
    }

    fn lex_comment(&mut self) -> Next {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            return self.errorf("unclosed comment".to_string());
        };
        self.pos += x + RIGHT_COMMENT.len();
        let (delim, trim_space) = self.at_right_delim();
        if !delim {
            return self.errorf("comment ends before closing delimiter".to_string());
        }
        self.line += self.input.get(self.start..self.pos).unwrap_or("").matches('\n').count();
        let _comment = self.this_item(ItemType::Text);
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += RIGHT_DELIM.len();
        if trim_space {
            self.pos += left_trim_length(self.rest());
        }
        self.ignore();
        Next::State(State::Text)
    }

    fn lex_right_delim(&mut self) -> Next {
        let (_, trim_space) = self.at_right_delim();
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += RIGHT_DELIM.len();
        let item = self.this_item(ItemType::RightDelim);
        if trim_space {
            self.pos += left_trim_length(self.rest());
            self.ignore();
        }
        self.inside_action = false;
        self.item = Some(item);
        Next::Emit
    }

    fn lex_inside_action(&mut self) -> Next {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return Next::State(State::RightDelim);
            }
            return self.errorf("unclosed left paren".to_string());
        }
        let Some(r) = self.next() else {
            return self.errorf("unclosed action".to_string());
        };
        match r {
            c if is_space(c) => {
                self.backup();
                Next::State(State::Space)
            }
            '=' => self.emit(ItemType::Assign),
            ':' => {
                if self.next() != Some('=') {
                    return self.errorf("expected :=".to_string());
                }
                self.emit(ItemType::Declare)
            }
            '|' => self.emit(ItemType::Pipe),
            '"' => Next::State(State::Quote),
            '`' => Next::State(State::RawQuote),
            '$' => Next::State(State::Variable),
            '\'' => Next::State(State::Char),
            '.' if self.rest().as_bytes().first().is_some_and(|b| !b.is_ascii_digit()) => Next::State(State::Field),
            '.' | '+' | '-' | '0'..='9' => {
                self.backup();
                Next::State(State::Number)
            }
            c if is_alphanumeric(c) => {
                self.backup();
                Next::State(State::Identifier)
            }
            '(' => {
                self.paren_depth += 1;
                self.emit(ItemType::LeftParen)
            }
            ')' => {
                if self.paren_depth == 0 {
                    return self.errorf("unexpected right paren".to_string());
                }
                self.paren_depth -= 1;
                self.emit(ItemType::RightParen)
            }
            c if c.is_ascii() && is_print(c) => self.emit(ItemType::Char),
            c => self.errorf(format!("unrecognized character in action: {}", sharp_u(c))),
        }
    }

    fn lex_space(&mut self) -> Next {
        let mut num_spaces = 0;
        while let Some(c) = self.peek() {
            if !is_space(c) {
                break;
            }
            self.next();
            num_spaces += 1;
        }
        let from = self.pos.saturating_sub(1);
        let tail = self.input.get(from..).unwrap_or("");
        if has_right_trim_marker(tail) && tail.get(TRIM_MARKER_LEN..).is_some_and(|r| r.starts_with(RIGHT_DELIM)) {
            self.backup();
            if num_spaces == 1 {
                return Next::State(State::RightDelim);
            }
        }
        self.emit(ItemType::Space)
    }

    fn lex_identifier(&mut self) -> Next {
        loop {
            let r = self.next();
            if r.is_some_and(is_alphanumeric) {
                continue;
            }
            self.backup();
            let word = self.input.get(self.start..self.pos).unwrap_or("").to_string();
            if !self.at_terminator() {
                return self.errorf(format!("bad character {}", sharp_u(r.unwrap_or('\u{FFFD}'))));
            }
            if let Some(k) = keyword(&word) {
                if (k == ItemType::Break && !self.break_ok) || (k == ItemType::Continue && !self.continue_ok) {
                    return self.emit(ItemType::Identifier);
                }
                return self.emit(k);
            }
            if word == "true" || word == "false" {
                return self.emit(ItemType::Bool);
            }
            return self.emit(ItemType::Identifier);
        }
    }

    fn lex_variable(&mut self) -> Next {
        if self.at_terminator() {
            return self.emit(ItemType::Variable);
        }
        self.lex_field_or_variable(ItemType::Variable)
    }

    fn lex_field_or_variable(&mut self, typ: ItemType) -> Next {
        if self.at_terminator() {
            if typ == ItemType::Variable {
                return self.emit(ItemType::Variable);
            }
            return self.emit(ItemType::Dot);
        }
        let mut r;
        loop {
            r = self.next();
            if !r.is_some_and(is_alphanumeric) {
                self.backup();
                break;
            }
        }
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", sharp_u(r.unwrap_or('\u{FFFD}'))));
        }
        self.emit(typ)
    }

    fn lex_char(&mut self) -> Next {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated character constant".to_string()),
                },
                None | Some('\n') => return self.errorf("unterminated character constant".to_string()),
                Some('\'') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::CharConstant)
    }

    fn lex_number(&mut self) -> Next {
        if !self.scan_number() {
            let text = self.input.get(self.start..self.pos).unwrap_or("").to_string();
            return self.errorf(format!("bad number syntax: {}", go_quote(&text)));
        }
        if let Some('+' | '-') = self.peek() {
            if !self.scan_number() || !self.input.get(..self.pos).unwrap_or("").ends_with('i') {
                let text = self.input.get(self.start..self.pos).unwrap_or("").to_string();
                return self.errorf(format!("bad number syntax: {}", go_quote(&text)));
            }
            return self.emit(ItemType::Complex);
        }
        self.emit(ItemType::Number)
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 11 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 23 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if self.peek().is_some_and(is_alphanumeric) {
            self.next();
            return false;
        }
        true
    }

    fn lex_quote(&mut self) -> Next {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated quoted string".to_string()),
                },
                None | Some('\n') => return self.errorf("unterminated quoted string".to_string()),
                Some('"') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::String)
    }

    fn lex_raw_quote(&mut self) -> Next {
        loop {
            match self.next() {
                None => return self.errorf("unterminated raw quoted string".to_string()),
                Some('`') => break,
                Some(_) => {}
            }
        }
        self.emit(ItemType::RawString)
    }
}

/// Lexes `input` into items, ending with the first `Error` or `Eof` item. `break` and `continue`
/// are keywords unless a function of that name exists (they never do here).
pub(crate) fn lex(input: &str) -> Vec<Item> {
    let mut lexer = Lexer {
        input,
        pos: 0,
        start: 0,
        at_eof: false,
        paren_depth: 0,
        line: 1,
        start_line: 1,
        inside_action: false,
        break_ok: true,
        continue_ok: true,
        item: None,
        dead: false,
    };
    let mut items = Vec::new();
    loop {
        let item = lexer.next_item();
        let end = matches!(item.typ, ItemType::Eof | ItemType::Error);
        items.push(item);
        if end {
            return items;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<(ItemType, String)> {
        lex(input).into_iter().map(|i| (i.typ, i.val)).collect()
    }

    #[test]
    fn simple_action() {
        use ItemType::*;
        assert_eq!(
            kinds("a {{.ID | json}}\n"),
            vec![
                (Text, "a ".into()),
                (LeftDelim, "{{".into()),
                (Field, ".ID".into()),
                (Space, " ".into()),
                (Pipe, "|".into()),
                (Space, " ".into()),
                (Identifier, "json".into()),
                (RightDelim, "}}".into()),
                (Text, "\n".into()),
                (Eof, "".into()),
            ]
        );
    }

    #[test]
    fn trim_markers_and_comments() {
        use ItemType::*;
        assert_eq!(
            kinds("x  \n {{- .A -}} \n y{{/* c */}}z"),
            vec![
                (Text, "x".into()),
                (LeftDelim, "{{".into()),
                (Field, ".A".into()),
                (RightDelim, "}}".into()),
                (Text, "y".into()),
                (Text, "z".into()),
                (Eof, "".into()),
            ]
        );
        assert_eq!(kinds("{{-3}}").get(1), Some(&(Number, "-3".into())));
    }

    #[test]
    fn chained_fields_and_variables() {
        use ItemType::*;
        let k = kinds("{{$x := .A.B}}{{$}}{{.}}");
        assert_eq!(
            k,
            vec![
                (LeftDelim, "{{".into()),
                (Variable, "$x".into()),
                (Space, " ".into()),
                (Declare, ":=".into()),
                (Space, " ".into()),
                (Field, ".A".into()),
                (Field, ".B".into()),
                (RightDelim, "}}".into()),
                (LeftDelim, "{{".into()),
                (Variable, "$".into()),
                (RightDelim, "}}".into()),
                (LeftDelim, "{{".into()),
                (Dot, ".".into()),
                (RightDelim, "}}".into()),
                (Eof, "".into()),
            ]
        );
    }

    #[test]
    fn errors() {
        let last = |s: &str| lex(s).pop().map(|i| (i.typ, i.val));
        assert_eq!(last("{{.ID}"), Some((ItemType::Error, "bad character U+007D '}'".into())));
        assert_eq!(last("{{.ID"), Some((ItemType::Error, "unclosed action".into())));
        assert_eq!(last("{{(.ID}}"), Some((ItemType::Error, "unclosed left paren".into())));
        assert_eq!(last("{{.ID)}}"), Some((ItemType::Error, "unexpected right paren".into())));
        assert_eq!(last("{{\"abc}}"), Some((ItemType::Error, "unterminated quoted string".into())));
        assert_eq!(last("{{`abc}}"), Some((ItemType::Error, "unterminated raw quoted string".into())));
        assert_eq!(last("{{/* x"), Some((ItemType::Error, "unclosed comment".into())));
        assert_eq!(last("{{/* x */ .A}}"), Some((ItemType::Error, "comment ends before closing delimiter".into())));
        assert_eq!(last("{{3x}}"), Some((ItemType::Error, "bad number syntax: \"3x\"".into())));
        assert_eq!(last("{{a :b}}"), Some((ItemType::Error, "expected :=".into())));
        assert_eq!(last("{{ é€ }}"), Some((ItemType::Error, "bad character U+20AC '€'".into())));
        assert_eq!(last("{{ € }}"), Some((ItemType::Error, "unrecognized character in action: U+20AC '€'".into())));
    }

    #[test]
    fn item_display() {
        let items = lex("{{\"abcdefghijklmno\" end}}");
        let strs: Vec<String> = items.iter().map(|i| i.to_string()).collect();
        assert_eq!(strs.get(1).map(String::as_str), Some("\"\\\"abcdefghi\"..."));
        assert_eq!(strs.get(3).map(String::as_str), Some("<end>"));
    }
}
