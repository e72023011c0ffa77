//! The regular expressions of `grep`: POSIX basic (BRE) and extended (`-E`) syntax, the common
//! subset — literals, `.`, `[…]` with ranges and `[:classes:]`, `^`, `$`, `*`, `+`, `?`, `{n,m}`,
//! groups, `|`, `\w`, `\s`, `\b`-less. Matching is a Pike VM: linear in the text, no backtracking,
//! so no pattern can hang the page. Errors are GNU grep's messages.

use crate::shell::char_class::{CharClass as Class, ClassItem, Dialect};

/// The largest compiled program (bounds `a{1000}{1000}`).
const MAX_PROGRAM: usize = 20_000;
/// How deeply groups may nest.
const MAX_DEPTH: usize = 100;

/// True if the class matches `c`; with `-i`, also if it holds `c`'s other case.
fn class_matches(class: &Class, c: char, fold: bool) -> bool {
    let holds = |c: char| class.holds(c, Dialect::Regex);
    let found = holds(c) || (fold && (holds(lower(c)) || holds(upper(c))));
    found != class.negated
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    LineStart,
    LineEnd,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: usize, max: Option<usize> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    Class(Class),
    Split(usize, usize),
    Jump(usize),
    LineStart,
    LineEnd,
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(super) struct Regex {
    program: Vec<Inst>,
    fold: bool,
}

/// How a pattern is read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Syntax {
    pub extended: bool,
    pub fixed: bool,
    pub ignore_case: bool,
    pub whole_word: bool,
    pub whole_line: bool,
}

/// A compiled pattern and the warnings GNU grep prints for it.
pub(super) fn compile(pattern: &str, syntax: Syntax) -> Result<(Regex, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut node = if syntax.fixed {
        Node::Concat(pattern.chars().map(Node::Char).collect())
    } else {
        let chars: Vec<char> = pattern.chars().collect();
        let mut parser = Parser { chars, pos: 0, extended: syntax.extended, depth: 0, warnings: &mut warnings };
        let node = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            return Err("Unmatched ) or \\)".to_string());
        }
        node
    };
    if syntax.whole_line {
        node = Node::Concat(vec![Node::LineStart, node, Node::LineEnd]);
    } else if syntax.whole_word {
        let non_word = || Node::Class(Class { negated: true, items: vec![ClassItem::Named("word".into())] });
        node = Node::Concat(vec![
            Node::Alt(vec![Node::LineStart, non_word()]),
            node,
            Node::Alt(vec![Node::LineEnd, non_word()]),
        ]);
    }
    let mut program = Vec::new();
    emit(&node, &mut program, syntax.ignore_case)?;
    program.push(Inst::Match);
    Ok((Regex { program, fold: syntax.ignore_case }, warnings))
}

struct Parser<'w> {
    chars: Vec<char>,
    pos: usize,
    extended: bool,
    depth: usize,
    warnings: &'w mut Vec<String>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    /// At `|` (ERE) or `\|` (BRE)?
    fn at_bar(&self) -> bool {
        if self.extended {
            self.peek() == Some('|')
        } else {
            self.peek() == Some('\\') && self.peek_at(1) == Some('|')
        }
    }

    /// At `)` (ERE) or `\)` (BRE)?
    fn at_close(&self) -> bool {
        if self.extended {
            self.peek() == Some(')') && self.depth > 0
        } else {
            self.peek() == Some('\\') && self.peek_at(1) == Some(')')
        }
    }

    /// `alternation := concat ( '|' concat )*`
    fn alternation(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.concat()?];
        while self.at_bar() {
            self.pos += if self.extended { 1 } else { 2 };
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    /// `concat := repeat*`
    fn concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while self.pos < self.chars.len() && !self.at_bar() && !self.at_close() {
            if !self.extended && self.peek() == Some('\\') && self.peek_at(1) == Some(')') {
                break;
            }
            let at_start = items.is_empty() || items.last() == Some(&Node::LineStart);
            let item = self.repeat(at_start)?;
            items.push(item);
        }
        Ok(Node::Concat(items))
    }

    /// `repeat := atom ( '*' | '+' | '?' | '{n,m}' )*`
    fn repeat(&mut self, at_start: bool) -> Result<Node, String> {
        // A leading repetition operator: literal in BRE, ignored (with a warning) in ERE.
        if at_start {
            if let Some(op) = self.peek().filter(|c| matches!(c, '*') || (self.extended && matches!(c, '+' | '?'))) {
                self.pos += 1;
                if self.extended {
                    self.warnings.push(format!("warning: {op} at start of expression"));
                    return Ok(Node::Empty);
                }
                return Ok(Node::Char(op));
            }
        }
        let mut node = self.atom(at_start)?;
        let mut operators = 0;
        loop {
            let (min, max, width) = match (self.peek(), self.peek_at(1)) {
                (Some('*'), _) => (0, None, 1),
                (Some('+'), _) if self.extended => (1, None, 1),
                (Some('?'), _) if self.extended => (0, Some(1), 1),
                (Some('\\'), Some('+')) if !self.extended => (1, None, 2),
                (Some('\\'), Some('?')) if !self.extended => (0, Some(1), 2),
                (Some('{'), _) if self.extended => match self.interval(1)? {
                    Some((min, max, width)) => (min, max, width),
                    None => break,
                },
                (Some('\\'), Some('{')) if !self.extended => match self.interval(2)? {
                    Some((min, max, width)) => (min, max, width),
                    None => return Err("Unmatched \\{".to_string()),
                },
                _ => break,
            };
            self.pos += width;
            operators += 1;
            if operators > 32 {
                return Err("Regular expression too big".to_string());
            }
            node = Node::Repeat { node: Box::new(node), min, max };
        }
        Ok(node)
    }

    /// `{n}`, `{n,}`, `{,m}`, `{n,m}` starting `open` characters after `pos`; `None` if not an interval.
    fn interval(&self, open: usize) -> Result<Option<(usize, Option<usize>, usize)>, String> {
        let close = if self.extended { "}" } else { "\\}" };
        let rest: String = self.chars.iter().skip(self.pos + open).collect();
        let Some(end) = rest.find(close) else { return Ok(None) };
        let body = rest.get(..end).unwrap_or("");
        let valid = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == ',') && body.matches(',').count() <= 1;
        if !valid {
            return if self.extended { Ok(None) } else { Err("Invalid content of \\{\\}".to_string()) };
        }
        let (min, max) = match body.split_once(',') {
            Some((a, b)) => (a.parse().unwrap_or(0), if b.is_empty() { None } else { Some(b.parse().unwrap_or(usize::MAX)) }),
            None => {
                let n = body.parse().unwrap_or(usize::MAX);
                (n, Some(n))
            }
        };
        if max.is_some_and(|m| m < min) {
            return Err("Invalid content of \\{\\}".to_string());
        }
        if min > 32_767 || max.is_some_and(|m| m > 32_767) {
            return Err("Regular expression too big".to_string());
        }
        Ok(Some((min, max, open + body.chars().count() + close.len())))
    }

    /// `atom := group | '[' class ']' | '.' | '^' | '$' | '\' escape | char`
    fn atom(&mut self, at_start: bool) -> Result<Node, String> {
        let Some(c) = self.peek() else { return Ok(Node::Empty) };
        self.pos += 1;
        match c {
            '.' => Ok(Node::Any),
            '[' => self.bracket(),
            '^' if self.extended || at_start => Ok(Node::LineStart),
            '$' if self.extended || self.pos == self.chars.len() || self.at_bar() || self.at_close() => Ok(Node::LineEnd),
            '(' if self.extended => self.group(),
            '\\' => {
                let Some(e) = self.peek() else { return Err("Trailing backslash".to_string()) };
                self.pos += 1;
                match e {
                    '(' if !self.extended => self.group(),
                    ')' if !self.extended => Err("Unmatched ) or \\)".to_string()),
                    'w' | 'W' => Ok(Node::Class(Class { negated: e == 'W', items: vec![ClassItem::Named("word".into())] })),
                    's' | 'S' => Ok(Node::Class(Class { negated: e == 'S', items: vec![ClassItem::Named("space".into())] })),
                    'd' => Ok(Node::Class(Class { negated: false, items: vec![ClassItem::Named("digit".into())] })),
                    other => Ok(Node::Char(other)),
                }
            }
            other => Ok(Node::Char(other)),
        }
    }

    /// The inside of a group, after its opening parenthesis.
    fn group(&mut self) -> Result<Node, String> {
        if self.depth >= MAX_DEPTH {
            return Err("Regular expression too big".to_string());
        }
        self.depth += 1;
        let inner = self.alternation()?;
        self.depth -= 1;
        let closed = if self.extended {
            self.peek() == Some(')')
        } else {
            self.peek() == Some('\\') && self.peek_at(1) == Some(')')
        };
        if !closed {
            return Err("Unmatched ( or \\(".to_string());
        }
        self.pos += if self.extended { 1 } else { 2 };
        Ok(inner)
    }

    /// A bracket expression, after its `[`.
    ///
    /// Not the same grammar as the shell's glob brackets (`shell::glob::bracket`): here only `^`
    /// negates, `\` is an ordinary character, `[.x.]` and `[=x=]` are read, and an unclosed
    /// bracket, an unknown class name or a reversed range is GNU grep's error. Only the parsed
    /// form and its matching are shared (`shell::char_class`).
    fn bracket(&mut self) -> Result<Node, String> {
        const UNMATCHED: &str = "Unmatched [, [^, [:, [., or [=";
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return Err(UNMATCHED.to_string()) };
            if c == ']' && !first {
                self.pos += 1;
                return Ok(Node::Class(Class { negated, items }));
            }
            first = false;
            if c == '[' && matches!(self.peek_at(1), Some(':' | '.' | '=')) {
                let kind = self.peek_at(1).unwrap_or(':');
                let rest: String = self.chars.iter().skip(self.pos + 2).collect();
                let Some(end) = rest.find(&format!("{kind}]")) else { return Err(UNMATCHED.to_string()) };
                let name = rest.get(..end).unwrap_or("").to_string();
                self.pos += 2 + name.chars().count() + 2;
                if kind == ':' {
                    if !matches!(
                        name.as_str(),
                        "alpha" | "digit" | "alnum" | "upper" | "lower" | "space" | "blank" | "punct" | "xdigit" | "cntrl" | "print" | "graph"
                    ) {
                        return Err("Invalid character class name".to_string());
                    }
                    items.push(ClassItem::Named(name));
                } else {
                    items.extend(name.chars().map(ClassItem::Char));
                }
                continue;
            }
            self.pos += 1;
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|e| e != ']') {
                let end = self.peek_at(1).unwrap_or(c);
                if end < c {
                    return Err("Invalid range end".to_string());
                }
                self.pos += 2;
                items.push(ClassItem::Range(c, end));
            } else {
                items.push(ClassItem::Char(c));
            }
        }
    }
}

fn emit(node: &Node, program: &mut Vec<Inst>, fold: bool) -> Result<(), String> {
    if program.len() > MAX_PROGRAM {
        return Err("Regular expression too big".to_string());
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => program.push(Inst::Char(if fold { lower(*c) } else { *c })),
        Node::Any => program.push(Inst::Any),
        Node::Class(class) => program.push(Inst::Class(class.clone())),
        Node::LineStart => program.push(Inst::LineStart),
        Node::LineEnd => program.push(Inst::LineEnd),
        Node::Concat(items) => {
            for item in items {
                emit(item, program, fold)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    emit(branch, program, fold)?;
                    jumps.push(program.len());
                    program.push(Inst::Jump(0));
                    let next = program.len();
                    if let Some(Inst::Split(_, b)) = program.get_mut(split) {
                        *b = next;
                    }
                } else {
                    emit(branch, program, fold)?;
                }
            }
            let end = program.len();
            for j in jumps {
                if let Some(Inst::Jump(target)) = program.get_mut(j) {
                    *target = end;
                }
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                emit(node, program, fold)?;
            }
            match max {
                None => {
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    emit(node, program, fold)?;
                    program.push(Inst::Jump(split));
                    let end = program.len();
                    if let Some(Inst::Split(_, b)) = program.get_mut(split) {
                        *b = end;
                    }
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(program.len());
                        program.push(Inst::Split(program.len() + 1, 0));
                        emit(node, program, fold)?;
                    }
                    let end = program.len();
                    for s in splits {
                        if let Some(Inst::Split(_, b)) = program.get_mut(s) {
                            *b = end;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

impl Regex {
    /// True if the pattern matches somewhere in `line`.
    pub(super) fn is_match(&self, line: &str) -> bool {
        let text: Vec<char> = if self.fold { line.chars().map(lower).collect() } else { line.chars().collect() };
        let size = self.program.len();
        let mut marks = vec![usize::MAX; size];
        let mut current: Vec<usize> = Vec::new();
        let mut next: Vec<usize> = Vec::new();
        for pos in 0..=text.len() {
            if self.add(&mut current, &mut marks, 0, pos, text.len()) {
                return true;
            }
            let Some(&c) = text.get(pos) else { break };
            next.clear();
            let mut matched = false;
            for &pc in &current {
                let step = match self.program.get(pc) {
                    Some(Inst::Char(x)) => *x == c,
                    Some(Inst::Any) => true,
                    Some(Inst::Class(class)) => class_matches(class, c, self.fold),
                    _ => false,
                };
                if step && self.add(&mut next, &mut marks, pc + 1, pos + 1, text.len()) {
                    matched = true;
                }
            }
            if matched {
                return true;
            }
            std::mem::swap(&mut current, &mut next);
        }
        false
    }

    /// The leftmost-longest match starting at or after character `from`, as character offsets.
    pub(super) fn find_at(&self, text: &[char], from: usize) -> Option<(usize, usize)> {
        let text: Vec<char> = if self.fold { text.iter().map(|c| lower(*c)).collect() } else { text.to_vec() };
        let size = self.program.len();
        let mut marks = vec![usize::MAX; size];
        // Threads are (pc, start), kept in order of start: the first to reach a pc wins it.
        let mut current: Vec<(usize, usize)> = Vec::new();
        let mut next: Vec<(usize, usize)> = Vec::new();
        let mut best: Option<(usize, usize)> = None;
        for pos in from..=text.len() {
            if best.is_none() {
                let mut added = Vec::new();
                if self.add(&mut added, &mut marks, 0, pos, text.len()) {
                    best = Some((pos, pos));
                }
                current.extend(added.into_iter().map(|pc| (pc, pos)));
            }
            if let Some((start, _)) = best {
                current.retain(|(_, s)| *s <= start);
            }
            if current.is_empty() {
                break;
            }
            let Some(&c) = text.get(pos) else { break };
            next.clear();
            for &(pc, start) in &current {
                let step = match self.program.get(pc) {
                    Some(Inst::Char(x)) => *x == c,
                    Some(Inst::Any) => true,
                    Some(Inst::Class(class)) => class_matches(class, c, self.fold),
                    _ => false,
                };
                if !step {
                    continue;
                }
                let mut added = Vec::new();
                if self.add(&mut added, &mut marks, pc + 1, pos + 1, text.len()) {
                    let better = match best {
                        None => true,
                        Some((s, e)) => start < s || (start == s && pos + 1 > e),
                    };
                    if better {
                        best = Some((start, pos + 1));
                    }
                }
                next.extend(added.into_iter().map(|pc| (pc, start)));
            }
            std::mem::swap(&mut current, &mut next);
        }
        best
    }

    /// Adds the thread at `pc` (following jumps and assertions) for position `pos`; true on a match.
    fn add(&self, list: &mut Vec<usize>, marks: &mut [usize], pc: usize, pos: usize, len: usize) -> bool {
        let mut stack = vec![pc];
        let mut matched = false;
        while let Some(pc) = stack.pop() {
            match marks.get_mut(pc) {
                Some(mark) if *mark == pos => continue,
                Some(mark) => *mark = pos,
                None => continue,
            }
            match self.program.get(pc) {
                Some(Inst::Jump(target)) => stack.push(*target),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::LineStart) if pos == 0 => stack.push(pc + 1),
                Some(Inst::LineEnd) if pos == len => stack.push(pc + 1),
                Some(Inst::LineStart | Inst::LineEnd) => {}
                Some(Inst::Match) => matched = true,
                Some(_) => list.push(pc),
                None => {}
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bre(pattern: &str, text: &str) -> bool {
        compile(pattern, Syntax::default()).map(|(r, _)| r.is_match(text)).unwrap_or(false)
    }

    fn ere(pattern: &str, text: &str) -> bool {
        compile(pattern, Syntax { extended: true, ..Syntax::default() }).map(|(r, _)| r.is_match(text)).unwrap_or(false)
    }

    fn error(pattern: &str, extended: bool) -> String {
        compile(pattern, Syntax { extended, ..Syntax::default() }).err().unwrap_or_default()
    }

    #[test]
    fn basic_syntax() {
        assert!(bre("nginx", "image nginx:latest"));
        assert!(bre("^ngi", "nginx"));
        assert!(!bre("^gin", "nginx"));
        assert!(bre("x$", "nginx"));
        assert!(bre("a.c", "abc"));
        assert!(bre("ab*c", "ac"));
        assert!(bre("a\\+b", "aab"));
        assert!(!bre("a+b", "aab"));
        assert!(bre("a+b", "a+b"));
        assert!(bre("\\(ab\\)\\{2\\}", "xabab"));
        assert!(bre("a\\|b", "b"));
        assert!(bre("[0-9][[:alpha:]]", "x9z"));
        assert!(bre("[^a-z]", "abc1"));
        assert!(!bre("[^a-z]", "abc"));
        assert!(bre("*a", "*a"));
        assert!(bre("a^b", "a^b"));
        assert!(bre("a$b", "a$b"));
    }

    #[test]
    fn extended_syntax() {
        assert!(ere("Up|Exited", "Exited (0)"));
        assert!(ere("^(ab)+$", "ababab"));
        assert!(!ere("^(ab)+$", "ababa"));
        assert!(ere("colou?r", "color"));
        assert!(ere("a{2,3}", "caab"));
        assert!(!ere("^a{2,3}$", "aaaa"));
        assert!(ere("a{1", "a{1"));
        assert!(ere(")", "a)"));
        assert!(ere("\\w+\\s\\d", "ab 1"));
    }

    #[test]
    fn options() {
        let insensitive = Syntax { ignore_case: true, ..Syntax::default() };
        assert!(compile("NGINX", insensitive).map(|(r, _)| r.is_match("nginx")).unwrap_or(false));
        let word = Syntax { whole_word: true, ..Syntax::default() };
        assert!(compile("web", word).map(|(r, _)| r.is_match("my web app")).unwrap_or(false));
        assert!(!compile("web", word).map(|(r, _)| r.is_match("webapp")).unwrap_or(true));
        let fixed = Syntax { fixed: true, ..Syntax::default() };
        assert!(compile("a.*", fixed).map(|(r, _)| r.is_match("xa.*")).unwrap_or(false));
        assert!(!compile("a.*", fixed).map(|(r, _)| r.is_match("abc")).unwrap_or(true));
    }

    #[test]
    fn errors_like_gnu_grep() {
        assert_eq!(error("[a", false), "Unmatched [, [^, [:, [., or [=");
        assert_eq!(error("\\(", false), "Unmatched ( or \\(");
        assert_eq!(error("a\\)", false), "Unmatched ) or \\)");
        assert_eq!(error("(", true), "Unmatched ( or \\(");
        assert_eq!(error("a\\", false), "Trailing backslash");
        assert_eq!(error("[b-a]", true), "Invalid range end");
        assert_eq!(error("a\\{1", false), "Unmatched \\{");
        assert_eq!(error("x{2,1}", true), "Invalid content of \\{\\}");
        assert_eq!(error("a{1000}{1000}", true), "Regular expression too big");
        let warned = compile("*a", Syntax { extended: true, ..Syntax::default() }).map(|(_, w)| w).unwrap_or_default();
        assert_eq!(warned, ["warning: * at start of expression"]);
    }

    #[test]
    fn finds_leftmost_longest_matches() {
        let find = |pattern: &str, text: &str, from: usize| {
            let chars: Vec<char> = text.chars().collect();
            compile(pattern, Syntax { extended: true, ..Syntax::default() }).ok().and_then(|(r, _)| r.find_at(&chars, from))
        };
        assert_eq!(find("b|abcd", "xabcd", 0), Some((1, 5)));
        assert_eq!(find("o+", "foo boo", 0), Some((1, 3)));
        assert_eq!(find("o+", "foo boo", 3), Some((5, 7)));
        assert_eq!(find("x*", "abc", 0), Some((0, 0)));
        assert_eq!(find("^a", "aa", 1), None);
        assert_eq!(find("z", "abc", 0), None);
    }

    #[test]
    fn linear_on_hostile_patterns() {
        let pattern = "(a*)*(a*)*(a*)*b";
        let text = "a".repeat(5_000);
        assert!(!ere(pattern, &text));
        assert!(ere("(x+x+)+y", &format!("{}y", "x".repeat(2_000))));
    }

    #[test]
    fn bracket_details() {
        // `\` is an ordinary character in a bracket; `!` does not negate; `-i` folds classes.
        assert!(bre("[\\]", "\\"));
        assert!(bre("[!a]", "!"));
        assert!(!bre("[!a]", "b"));
        assert!(bre("[[:graph:]]", "x"));
        assert!(!bre("[[:graph:]]", "\u{a0}"));
        assert!(bre("[[.-.]]", "-"));
        let insensitive = Syntax { ignore_case: true, ..Syntax::default() };
        assert!(compile("[[:upper:]]", insensitive).map(|(r, _)| r.is_match("a")).unwrap_or(false));
        assert!(compile("[^a]", insensitive).map(|(r, _)| !r.is_match("A")).unwrap_or(false));
        assert_eq!(error("[[:word:]]", false), "Invalid character class name");
        assert_eq!(error("[[:alpha:]", false), "Unmatched [, [^, [:, [., or [=");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(pattern in "[\\[\\]!^:.=a-c*+?{}()|\\\\0-9,-]{0,12}", text in "[a-c!\\-]{0,8}", extended: bool, ignore_case: bool) {
            if let Ok((regex, _)) = compile(&pattern, Syntax { extended, ignore_case, ..Syntax::default() }) {
                let _ = regex.is_match(&text);
            }
        }
    }
}
