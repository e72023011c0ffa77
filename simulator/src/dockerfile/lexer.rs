//! Variable substitution and word splitting as BuildKit's shell lexer (`frontend/dockerfile/shell`)
//! does it for ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and ARG:
//! `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`,
//! `${VAR:?msg}`, `${VAR?msg}`, `${VAR#pat}`, `${VAR##pat}`, `${VAR%pat}`, `${VAR%%pat}`,
//! `${VAR/pat/repl}`, `${VAR//pat/repl}`, single and double quotes (removed), and the escape
//! character.

use super::error::ExpandError;

/// Looks a variable up: `Some(value)` when set (possibly empty), `None` when unset.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Nesting limit for `${a:-${b:-…}}` so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Expands one word: variables substituted, quotes removed, escapes applied. Whitespace is kept
/// (this is BuildKit's `ProcessWord`).
pub fn expand(word: &str, env: Env<'_>, escape: char) -> Result<String, ExpandError> {
    Lexer::new(escape).process(word, env).map(|(s, _)| s)
}

/// Expands and splits into words at unquoted whitespace (BuildKit's `ProcessWords`).
pub fn expand_words(word: &str, env: Env<'_>, escape: char) -> Result<Vec<String>, ExpandError> {
    Lexer::new(escape).process(word, env).map(|(_, w)| w)
}

/// The lexer's options, as BuildKit's `shell.Lex`.
#[derive(Debug, Clone, Copy)]
pub struct Lexer {
    pub escape: char,
    /// Keep quote characters in the result.
    pub raw_quotes: bool,
    /// Keep escape characters in the result.
    pub raw_escapes: bool,
    /// Leave unset variables as written (`$X`, `${X}`).
    pub skip_unset: bool,
}

impl Lexer {
    pub fn new(escape: char) -> Self {
        Self { escape, raw_quotes: false, raw_escapes: false, skip_unset: false }
    }

    /// The expanded text and its words.
    pub fn process(&self, word: &str, env: Env<'_>) -> Result<(String, Vec<String>), ExpandError> {
        let mut w = ShellWord { lex: *self, chars: word.chars().collect(), pos: 0, env, depth: 0 };
        let raw = self.raw_escapes;
        w.process_stop_on(None, raw)
    }
}

#[derive(Default)]
struct Words {
    word: String,
    words: Vec<String>,
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, c: char) {
        if c.is_whitespace() {
            if self.in_word && !self.word.is_empty() {
                self.words.push(std::mem::take(&mut self.word));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(c);
        }
    }
    fn add_raw_char(&mut self, c: char) {
        self.word.push(c);
        self.in_word = true;
    }
    fn add_string(&mut self, s: &str) {
        for c in s.chars() {
            self.add_char(c);
        }
    }
    fn add_raw_string(&mut self, s: &str) {
        self.word.push_str(s);
        self.in_word = true;
    }
    fn finish(mut self) -> Vec<String> {
        if self.in_word {
            self.words.push(std::mem::take(&mut self.word));
        }
        self.words
    }
}

struct ShellWord<'a> {
    lex: Lexer,
    chars: Vec<char>,
    pos: usize,
    env: Env<'a>,
    depth: usize,
}

impl ShellWord<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn process_stop_on(&mut self, stop: Option<char>, raw_escapes: bool) -> Result<(String, Vec<String>), ExpandError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExpandError::new("syntax error: bad substitution"));
        }
        let saved = self.lex.raw_escapes;
        self.lex.raw_escapes = raw_escapes;
        let r = self.stop_on_inner(stop);
        self.lex.raw_escapes = saved;
        self.depth -= 1;
        r
    }

    fn stop_on_inner(&mut self, stop: Option<char>) -> Result<(String, Vec<String>), ExpandError> {
        let mut result = String::new();
        let mut words = Words::default();
        while let Some(ch) = self.peek() {
            if stop == Some(ch) {
                self.next();
                return Ok((result, words.finish()));
            }
            match ch {
                '$' => {
                    let tmp = self.process_dollar()?;
                    result.push_str(&tmp);
                    words.add_string(&tmp);
                }
                '<' => {
                    let tmp = self.process_possible_heredoc();
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                '\'' => {
                    let tmp = self.process_single_quote()?;
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                '"' => {
                    let tmp = self.process_double_quote()?;
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                _ => {
                    self.next();
                    let mut ch = ch;
                    if ch == self.lex.escape {
                        if self.lex.raw_escapes {
                            words.add_raw_char(ch);
                            result.push(ch);
                        }
                        match self.next() {
                            None => break,
                            Some(c) => ch = c,
                        }
                        words.add_raw_char(ch);
                    } else {
                        words.add_char(ch);
                    }
                    result.push(ch);
                }
            }
        }
        if let Some(stop) = stop {
            return Err(ExpandError::new(format!("unexpected end of statement while looking for matching {stop}")));
        }
        Ok((result, words.finish()))
    }

    fn process_single_quote(&mut self) -> Result<String, ExpandError> {
        let mut result = String::new();
        let open = self.next();
        if self.lex.raw_quotes {
            result.extend(open);
        }
        loop {
            match self.next() {
                None => return Err(ExpandError::new("unexpected end of statement while looking for matching single-quote")),
                Some('\'') => {
                    if self.lex.raw_quotes {
                        result.push('\'');
                    }
                    return Ok(result);
                }
                Some(c) => result.push(c),
            }
        }
    }

    fn process_double_quote(&mut self) -> Result<String, ExpandError> {
        let mut result = String::new();
        let open = self.next();
        if self.lex.raw_quotes {
            result.extend(open);
        }
        loop {
            match self.peek() {
                None => return Err(ExpandError::new("unexpected end of statement while looking for matching double-quote")),
                Some('"') => {
                    self.next();
                    if self.lex.raw_quotes {
                        result.push('"');
                    }
                    return Ok(result);
                }
                Some('$') => {
                    let v = self.process_dollar()?;
                    result.push_str(&v);
                }
                Some(_) => {
                    let Some(mut ch) = self.next() else { continue };
                    if ch == self.lex.escape {
                        if self.lex.raw_escapes {
                            result.push(ch);
                        }
                        match self.peek() {
                            None => continue,
                            Some(c) if c == '"' || c == '$' || c == self.lex.escape => {
                                self.next();
                                ch = c;
                            }
                            Some(_) => {}
                        }
                    }
                    result.push(ch);
                }
            }
        }
    }

    fn lookup(&self, name: &str) -> Option<String> {
        (self.env)(name)
    }

    fn process_dollar(&mut self) -> Result<String, ExpandError> {
        self.next();
        if self.peek() != Some('{') {
            let name = self.process_name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok(match self.lookup(&name) {
                Some(v) => v,
                None if self.lex.skip_unset => format!("${name}"),
                None => String::new(),
            });
        }
        self.next();
        match self.peek() {
            None => return Err(ExpandError::new("syntax error: missing '}'")),
            Some('{' | '}' | ':') => return Err(ExpandError::new("syntax error: bad substitution")),
            Some(_) => {}
        }
        let name = self.process_name();
        let ch = self.next();
        // Go's string(scanner.EOF) is U+FFFD: `${A` fails with `unsupported modifier (\u{fffd}) ...`.
        let mut chs: String = ch.map_or_else(|| '\u{fffd}'.to_string(), String::from);
        match ch {
            Some('}') => Ok(match self.lookup(&name) {
                Some(v) => v,
                None if self.lex.skip_unset => format!("${{{name}}}"),
                None => String::new(),
            }),
            Some(c @ (':' | '+' | '-' | '?' | '#' | '%')) => {
                let null_is_unset = c == ':';
                let op = if null_is_unset {
                    let n = self.next();
                    chs.push(n.unwrap_or('\u{fffd}'));
                    n
                } else {
                    Some(c)
                };
                let raw = matches!(op, Some('#' | '%'));
                if null_is_unset && raw {
                    return Err(ExpandError::new(format!("unsupported modifier ({chs}) in substitution")));
                }
                let word = match self.process_stop_on(Some('}'), raw) {
                    Ok((w, _)) => w,
                    Err(e) => {
                        if self.peek().is_none() {
                            return Err(ExpandError::new("syntax error: missing '}'"));
                        }
                        return Err(e);
                    }
                };
                let value = self.lookup(&name);
                if self.lex.skip_unset && value.is_none() {
                    return Ok(format!("${{{name}{chs}{word}}}"));
                }
                let set = value.is_some();
                let value = value.unwrap_or_default();
                let empty_or_unset = !set || (null_is_unset && value.is_empty());
                match op {
                    Some('-') => Ok(if empty_or_unset { word } else { value }),
                    Some('+') => Ok(if empty_or_unset { String::new() } else { word }),
                    Some('?') => {
                        if !set {
                            let m = if word.is_empty() { "is not allowed to be unset".to_string() } else { word };
                            return Err(ExpandError::new(format!("{name}: {m}")));
                        }
                        if null_is_unset && value.is_empty() {
                            let m = if word.is_empty() { "is not allowed to be empty".to_string() } else { word };
                            return Err(ExpandError::new(format!("{name}: {m}")));
                        }
                        Ok(value)
                    }
                    Some(op @ ('%' | '#')) => {
                        let (greedy, pat) = match word.strip_prefix(op) {
                            Some(rest) => (true, rest.to_string()),
                            None => (false, word),
                        };
                        let pat = Pattern::new(&pat);
                        Ok(if op == '%' { pat.trim_suffix(&value, greedy) } else { pat.trim_prefix(&value, greedy) })
                    }
                    _ => Err(ExpandError::new(format!("unsupported modifier ({chs}) in substitution"))),
                }
            }
            Some('/') => {
                let all = self.peek() == Some('/');
                if all {
                    self.next();
                }
                let pattern = match self.process_stop_on(Some('/'), true) {
                    Ok((p, _)) => p,
                    Err(e) => {
                        if self.peek().is_none() {
                            return Err(ExpandError::new("syntax error: missing '/' in ${}"));
                        }
                        return Err(e);
                    }
                };
                let replacement = match self.process_stop_on(Some('}'), true) {
                    Ok((r, _)) => r,
                    Err(e) => {
                        if self.peek().is_none() {
                            return Err(ExpandError::new("syntax error: missing '}'"));
                        }
                        return Err(e);
                    }
                };
                let value = self.lookup(&name);
                let Some(value) = value else {
                    if self.lex.skip_unset {
                        return Ok(format!("${{{name}/{pattern}/{replacement}}}"));
                    }
                    return Ok(String::new());
                };
                Ok(Pattern::new(&pattern).replace(&value, &replacement, all))
            }
            _ => Err(ExpandError::new(format!("unsupported modifier ({chs}) in substitution"))),
        }
    }

    fn process_name(&mut self) -> String {
        let mut name = String::new();
        while let Some(ch) = self.peek() {
            if name.is_empty() && ch.is_ascii_digit() {
                while let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    self.next();
                    name.push(d);
                }
                return name;
            }
            if name.is_empty() && matches!(ch, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.next();
                return ch.to_string();
            }
            if !ch.is_alphanumeric() && ch != '_' {
                break;
            }
            self.next();
            name.push(ch);
        }
        name
    }

    fn process_possible_heredoc(&mut self) -> String {
        self.next();
        if self.peek() != Some('<') {
            return "<".into();
        }
        self.next();
        let mut result = String::from("<<");
        while let Some(c) = self.peek().filter(|c| matches!(c, '\t' | '\r' | ' ')) {
            result.push(c);
            self.next();
        }
        result
    }
}

/// A shell pattern (`*`, `?`, `\x`) for `${VAR#pat}` and friends.
struct Pattern {
    toks: Vec<Tok>,
}

#[derive(Clone, Copy)]
enum Tok {
    Any,
    One,
    Lit(char),
}

/// Longest value we search patterns in (the search is quadratic).
const MAX_PATTERN_VALUE: usize = 4096;

impl Pattern {
    fn new(p: &str) -> Self {
        let mut toks = Vec::new();
        let mut chars = p.chars();
        while let Some(c) = chars.next() {
            toks.push(match c {
                '*' => Tok::Any,
                '?' => Tok::One,
                '\\' => Tok::Lit(chars.next().unwrap_or('\\')),
                c => Tok::Lit(c),
            });
        }
        Self { toks }
    }

    fn matches(&self, s: &[char]) -> bool {
        glob(&self.toks, s)
    }

    fn trim_prefix(&self, value: &str, greedy: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        if chars.len() > MAX_PATTERN_VALUE {
            return value.to_string();
        }
        let lens: Vec<usize> = if greedy { (0..=chars.len()).rev().collect() } else { (0..=chars.len()).collect() };
        for n in lens {
            if let Some(prefix) = chars.get(..n) {
                if self.matches(prefix) {
                    return chars.get(n..).unwrap_or_default().iter().collect();
                }
            }
        }
        value.to_string()
    }

    fn trim_suffix(&self, value: &str, greedy: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        if chars.len() > MAX_PATTERN_VALUE {
            return value.to_string();
        }
        let starts: Vec<usize> = if greedy { (0..=chars.len()).collect() } else { (0..=chars.len()).rev().collect() };
        for start in starts {
            if let Some(suffix) = chars.get(start..) {
                if self.matches(suffix) {
                    return chars.get(..start).unwrap_or_default().iter().collect();
                }
            }
        }
        value.to_string()
    }

    fn replace(&self, value: &str, replacement: &str, all: bool) -> String {
        let chars: Vec<char> = value.chars().collect();
        if chars.len() > MAX_PATTERN_VALUE || self.toks.is_empty() {
            return value.to_string();
        }
        let mut out = String::new();
        let mut i = 0;
        let mut replaced = false;
        while i <= chars.len() {
            let found = if replaced && !all {
                None
            } else {
                (i..=chars.len()).rev().find(|&end| end > i && chars.get(i..end).is_some_and(|s| self.matches(s)))
            };
            match found {
                Some(end) => {
                    out.push_str(replacement);
                    i = end;
                    replaced = true;
                }
                None => {
                    if let Some(c) = chars.get(i) {
                        out.push(*c);
                    }
                    i += 1;
                }
            }
        }
        out
    }
}

fn glob(p: &[Tok], s: &[char]) -> bool {
    // Iterative matcher with single-star backtracking (linear-ish, never recursive).
    let (mut pi, mut si) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(Tok::Any) => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(Tok::One) => {
                pi += 1;
                si += 1;
            }
            Some(Tok::Lit(c)) if s.get(si) == Some(c) => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    while let Some(Tok::Any) = p.get(pi) {
        pi += 1;
    }
    pi == p.len()
}
