//! The parser of Go's `text/template/parse` (`parse.go`): the same grammar, checks and error texts
//! (`template: :1: unexpected "}" in operand`, `function "foo" not defined`, …).

use super::ast::{Arg, Branch, BranchKind, Command, Node, Pipe};
use super::lex::{lex, Item, ItemType};
use super::number::new_number;
use crate::format::go_quote::{go_quote, go_unquote};

/// Deepest nesting of parentheses, and of `if`/`range`/`with` blocks. Go allows 10000 parentheses
/// (1000 on wasm) and unbounded blocks; a browser stack is smaller, so both are capped here.
pub(crate) const MAX_DEPTH: usize = 100;
const MAX_PIPELINE_CMDS: usize = 100_000;

/// Parsed templates: the main tree and the ones declared with `define` / `block`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trees {
    pub root: Vec<Node>,
    pub defined: Vec<(String, Vec<Node>)>,
}

impl Trees {
    pub fn lookup(&self, name: &str) -> Option<&[Node]> {
        if name.is_empty() {
            return Some(&self.root);
        }
        self.defined.iter().find(|(n, _)| n == name).map(|(_, l)| l.as_slice())
    }
}

enum Parsed {
    Node(Node),
    End,
    Else,
}

impl Parsed {
    fn describe(&self) -> String {
        match self {
            Parsed::Node(n) => n.to_string(),
            Parsed::End => "{{end}}".to_string(),
            Parsed::Else => "{{else}}".to_string(),
        }
    }
}

type PResult<T> = Result<T, String>;

struct Parser<'f> {
    items: Vec<Item>,
    cur: usize,
    hi: usize,
    vars: Vec<String>,
    action_line: usize,
    range_depth: usize,
    paren_depth: usize,
    block_depth: usize,
    trees: Trees,
    has_function: &'f dyn Fn(&str) -> bool,
}

fn is_empty_tree(list: &[Node]) -> bool {
    list.iter().all(|n| matches!(n, Node::Text { text } if text.trim().is_empty()))
}

impl Parser<'_> {
    fn item(&self, i: usize) -> Item {
        let last = self.items.len().saturating_sub(1);
        self.items.get(i.min(last)).cloned().unwrap_or(Item {
            typ: ItemType::Eof,
            pos: 0,
            val: String::new(),
            line: 1,
        })
    }

    fn next(&mut self) -> Item {
        let i = self.cur;
        self.cur += 1;
        let last = self.items.len().saturating_sub(1);
        self.hi = self.hi.max(i.min(last));
        self.item(i)
    }

    fn backup(&mut self) {
        self.cur = self.cur.saturating_sub(1);
    }

    fn peek(&mut self) -> Item {
        let t = self.next();
        self.backup();
        t
    }

    fn next_non_space(&mut self) -> Item {
        loop {
            let t = self.next();
            if t.typ != ItemType::Space {
                return t;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item {
        let t = self.next_non_space();
        self.backup();
        t
    }

    fn errorf<T>(&self, msg: impl std::fmt::Display) -> PResult<T> {
        let line = self.item(self.hi).line;
        Err(format!("template: :{line}: {msg}"))
    }

    fn unexpected<T>(&self, token: &Item, context: &str) -> PResult<T> {
        if token.typ == ItemType::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(" in action started at :{}", self.action_line);
                if token.val.ends_with(" action") {
                    extra = extra.get(" in action".len()..).unwrap_or("").to_string();
                }
            }
            return self.errorf(format!("{token}{extra}"));
        }
        self.errorf(format!("unexpected {token} in {context}"))
    }

    fn expect(&mut self, expected: ItemType, context: &str) -> PResult<Item> {
        let token = self.next_non_space();
        if token.typ != expected {
            return self.unexpected(&token, context);
        }
        Ok(token)
    }

    fn add(&mut self, name: String, list: Vec<Node>) -> PResult<()> {
        if let Some(existing) = self.trees.defined.iter_mut().find(|(n, _)| *n == name) {
            if is_empty_tree(&existing.1) {
                existing.1 = list;
                return Ok(());
            }
            if !is_empty_tree(&list) {
                return self.errorf(format!("template: multiple definition of template {}", go_quote(&name)));
            }
            return Ok(());
        }
        self.trees.defined.push((name, list));
        Ok(())
    }

    fn parse(&mut self) -> PResult<()> {
        loop {
            let t = self.peek();
            if t.typ == ItemType::Eof {
                return Ok(());
            }
            if t.typ == ItemType::LeftDelim {
                let at = self.cur;
                self.next();
                if self.next_non_space().typ == ItemType::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.cur = at;
            }
            match self.text_or_action()? {
                Parsed::Node(n) => self.trees.root.push(n),
                other => return self.errorf(format!("unexpected {}", other.describe())),
            }
        }
    }

    /// Runs `f` as the parse of a separate tree (`define`, `block`): fresh variables, no range.
    fn in_new_tree<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let vars = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let result = f(self);
        self.vars = vars;
        self.range_depth = range_depth;
        result
    }

    fn parse_definition(&mut self) -> PResult<()> {
        const CONTEXT: &str = "define clause";
        let name = self.next_non_space();
        if name.typ != ItemType::String && name.typ != ItemType::RawString {
            return self.unexpected(&name, CONTEXT);
        }
        let Some(name) = go_unquote(&name.val) else {
            return self.errorf("invalid syntax");
        };
        self.expect(ItemType::RightDelim, CONTEXT)?;
        let (list, end) = self.in_new_tree(|p| p.item_list())?;
        if !matches!(end, Parsed::End) {
            return self.errorf(format!("unexpected {} in {CONTEXT}", end.describe()));
        }
        self.add(name, list)
    }

    fn item_list(&mut self) -> PResult<(Vec<Node>, Parsed)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != ItemType::Eof {
            match self.text_or_action()? {
                Parsed::Node(n) => list.push(n),
                other => return Ok((list, other)),
            }
        }
        self.errorf("unexpected EOF")
    }

    fn text_or_action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Text => Ok(Parsed::Node(Node::Text { text: token.val })),
            ItemType::LeftDelim => {
                self.action_line = token.line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            _ => self.unexpected(&token, "input"),
        }
    }

    fn action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Block => return self.block_control().map(Parsed::Node),
            ItemType::Break | ItemType::Continue => {
                let name = if token.typ == ItemType::Break { "{{break}}" } else { "{{continue}}" };
                let next = self.next_non_space();
                if next.typ != ItemType::RightDelim {
                    return self.unexpected(&next, name);
                }
                if self.range_depth == 0 {
                    return self.errorf(format!("{name} outside {{{{range}}}}"));
                }
                return Ok(Parsed::Node(if token.typ == ItemType::Break {
                    Node::Break { pos: token.pos }
                } else {
                    Node::Continue { pos: token.pos }
                }));
            }
            ItemType::Else => {
                let peek = self.peek_non_space();
                if peek.typ == ItemType::If || peek.typ == ItemType::With {
                    return Ok(Parsed::Else);
                }
                self.expect(ItemType::RightDelim, "else")?;
                return Ok(Parsed::Else);
            }
            ItemType::End => {
                self.expect(ItemType::RightDelim, "end")?;
                return Ok(Parsed::End);
            }
            ItemType::If => return self.branch(BranchKind::If).map(Parsed::Node),
            ItemType::Range => return self.branch(BranchKind::Range).map(Parsed::Node),
            ItemType::With => return self.branch(BranchKind::With).map(Parsed::Node),
            ItemType::Template => return self.template_control().map(Parsed::Node),
            _ => {}
        }
        self.backup();
        let token = self.peek();
        let pipe = self.pipeline("command", ItemType::RightDelim)?;
        Ok(Parsed::Node(Node::Action { pos: token.pos, pipe }))
    }

    fn pipeline(&mut self, context: &str, end: ItemType) -> PResult<Pipe> {
        let token = self.peek_non_space();
        let mut pipe = Pipe { pos: token.pos, is_assign: false, decl: Vec::new(), cmds: Vec::new() };
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ != ItemType::Variable {
                break 'decls;
            }
            let at = self.cur;
            self.next_non_space();
            self.peek();
            let next = self.peek_non_space();
            match next.typ {
                ItemType::Assign | ItemType::Declare => {
                    pipe.is_assign = next.typ == ItemType::Assign;
                    self.next_non_space();
                    pipe.decl.push(v.val.clone());
                    self.vars.push(v.val);
                    break 'decls;
                }
                ItemType::Char if next.val == "," => {
                    self.next_non_space();
                    pipe.decl.push(v.val.clone());
                    self.vars.push(v.val);
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            ItemType::Variable | ItemType::RightDelim | ItemType::RightParen => continue 'decls,
                            _ => return self.errorf("range can only initialize variables"),
                        }
                    }
                    return self.errorf(format!("too many declarations in {context}"));
                }
                _ => {
                    self.cur = at;
                    break 'decls;
                }
            }
        }
        loop {
            let token = self.next_non_space();
            if token.typ == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match token.typ {
                ItemType::Bool
                | ItemType::CharConstant
                | ItemType::Complex
                | ItemType::Dot
                | ItemType::Field
                | ItemType::Identifier
                | ItemType::Number
                | ItemType::Nil
                | ItemType::RawString
                | ItemType::String
                | ItemType::Variable
                | ItemType::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                    if pipe.cmds.len() > MAX_PIPELINE_CMDS {
                        return self.errorf("pipeline too long");
                    }
                }
                _ => return self.unexpected(&token, context),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return self.errorf(format!("missing value for {context}"));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if let Some(Arg::Bool { .. } | Arg::Dot { .. } | Arg::Nil { .. } | Arg::Number { .. } | Arg::String { .. }) =
                c.args.first()
            {
                return self.errorf(format!("non executable command in pipeline stage {}", i + 1));
            }
        }
        Ok(())
    }

    fn branch(&mut self, kind: BranchKind) -> PResult<Node> {
        let context = match kind {
            BranchKind::If => "if",
            BranchKind::Range => "range",
            BranchKind::With => "with",
        };
        if self.block_depth >= MAX_DEPTH {
            return self.errorf("max expression depth exceeded");
        }
        self.block_depth += 1;
        let mark = self.vars.len();
        let result = self.parse_control(kind, context);
        self.vars.truncate(mark);
        self.block_depth -= 1;
        result
    }

    fn parse_control(&mut self, kind: BranchKind, context: &str) -> PResult<Node> {
        let pipe = self.pipeline(context, ItemType::RightDelim)?;
        if kind == BranchKind::Range {
            self.range_depth += 1;
        }
        let listed = self.item_list();
        if kind == BranchKind::Range {
            self.range_depth -= 1;
        }
        let (list, next) = listed?;
        let mut else_list = None;
        if let Parsed::Else = next {
            let peek = self.peek().typ;
            if kind == BranchKind::If && peek == ItemType::If {
                self.next();
                else_list = Some(vec![self.branch(BranchKind::If)?]);
            } else if kind == BranchKind::With && peek == ItemType::With {
                self.next();
                else_list = Some(vec![self.branch(BranchKind::With)?]);
            } else {
                let (list, next) = self.item_list()?;
                if !matches!(next, Parsed::End) {
                    return self.errorf(format!("expected end; found {}", next.describe()));
                }
                else_list = Some(list);
            }
        }
        Ok(Node::Branch(Box::new(Branch { kind, pos: pipe.pos, pipe, list, else_list })))
    }

    fn template_name(&mut self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            ItemType::String | ItemType::RawString => match go_unquote(&token.val) {
                Some(s) => Ok(s),
                None => self.errorf("invalid syntax"),
            },
            _ => self.unexpected(token, context),
        }
    }

    fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, ItemType::RightDelim)?;
        let (list, end) = self.in_new_tree(|p| p.item_list())?;
        if !matches!(end, Parsed::End) {
            return self.errorf(format!("unexpected {} in {CONTEXT}", end.describe()));
        }
        self.add(name.clone(), list)?;
        Ok(Node::Template { pos: token.pos, name, pipe: Some(pipe) })
    }

    fn template_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "template clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, CONTEXT)?;
        let mut pipe = None;
        if self.next_non_space().typ != ItemType::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(CONTEXT, ItemType::RightDelim)?);
        }
        Ok(Node::Template { pos: token.pos, name, pipe })
    }

    fn command(&mut self) -> PResult<Command> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command { pos, args: Vec::new() };
        loop {
            self.peek_non_space();
            if let Some(operand) = self.operand()? {
                cmd.args.push(operand);
            }
            let token = self.next();
            match token.typ {
                ItemType::Space => continue,
                ItemType::RightDelim | ItemType::RightParen => self.backup(),
                ItemType::Pipe => {}
                _ => return self.unexpected(&token, "operand"),
            }
            break;
        }
        if cmd.args.is_empty() {
            return self.errorf("empty command");
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ != ItemType::Field {
            return Ok(Some(node));
        }
        let chain_pos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().typ == ItemType::Field {
            let f = self.next();
            fields.push(f.val.get(1..).unwrap_or("").to_string());
        }
        Ok(Some(match node {
            Arg::Field { mut ident, .. } => {
                ident.extend(fields);
                Arg::Field { pos: chain_pos, ident }
            }
            Arg::Variable { mut ident, .. } => {
                ident.extend(fields);
                Arg::Variable { pos: chain_pos, ident }
            }
            Arg::Bool { .. } | Arg::String { .. } | Arg::Number { .. } | Arg::Nil { .. } | Arg::Dot { .. } => {
                return self.errorf(format!("unexpected . after term {}", go_quote(&node.to_string())));
            }
            other => Arg::Chain { pos: chain_pos, node: Box::new(other), field: fields },
        }))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        let token = self.next_non_space();
        let pos = token.pos;
        let arg = match token.typ {
            ItemType::Identifier => {
                if !(self.has_function)(&token.val) {
                    return self.errorf(format!("function {} not defined", go_quote(&token.val)));
                }
                Arg::Identifier { pos, name: token.val }
            }
            ItemType::Dot => Arg::Dot { pos },
            ItemType::Nil => Arg::Nil { pos },
            ItemType::Variable => {
                let ident: Vec<String> = token.val.split('.').map(str::to_string).collect();
                let first = ident.first().cloned().unwrap_or_default();
                if !self.vars.contains(&first) {
                    return self.errorf(format!("undefined variable {}", go_quote(&first)));
                }
                Arg::Variable { pos, ident }
            }
            ItemType::Field => Arg::Field {
                pos,
                ident: token.val.get(1..).unwrap_or("").split('.').map(str::to_string).collect(),
            },
            ItemType::Bool => Arg::Bool { pos, val: token.val == "true" },
            ItemType::CharConstant | ItemType::Complex | ItemType::Number => {
                match new_number(&token.val, token.typ == ItemType::CharConstant) {
                    Ok(num) => Arg::Number { pos, num },
                    Err(e) => return self.errorf(e),
                }
            }
            ItemType::LeftParen => {
                if self.paren_depth >= MAX_DEPTH {
                    return self.errorf("max expression depth exceeded");
                }
                self.paren_depth += 1;
                let pipe = self.pipeline("parenthesized pipeline", ItemType::RightParen);
                self.paren_depth -= 1;
                Arg::Pipe(Box::new(pipe?))
            }
            ItemType::String | ItemType::RawString => match go_unquote(&token.val) {
                Some(text) => Arg::String { pos, quoted: token.val, text },
                None => return self.errorf("invalid syntax"),
            },
            _ => {
                self.backup();
                return Ok(None);
            }
        };
        Ok(Some(arg))
    }
}

/// Parses `text` as Go's `template.New("").Funcs(…).Parse(text)` would. `has_function` tells which
/// function names exist. The error is Go's message (`template: :1: …`).
pub(crate) fn parse(text: &str, has_function: &dyn Fn(&str) -> bool) -> Result<Trees, String> {
    let mut items = lex(text);
    if items.last().is_some_and(|i| i.typ == ItemType::Error) {
        items.push(Item { typ: ItemType::Eof, pos: 0, val: "EOF".to_string(), line: 1 });
    }
    let mut p = Parser {
        items,
        cur: 0,
        hi: 0,
        vars: vec!["$".to_string()],
        action_line: 0,
        range_depth: 0,
        paren_depth: 0,
        block_depth: 0,
        trees: Trees::default(),
        has_function,
    };
    p.parse()?;
    Ok(p.trees)
}
