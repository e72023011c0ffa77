//! Execution of a parsed template (`text/template/exec.go`) over JSON data, with Go's semantics and
//! error texts (`template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`), bounded
//! in steps, output size and template recursion.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::ast::{Arg, Branch, BranchKind, Command, Node, Number, Pipe};
use super::funcs::{self, ParamTy};
use super::parse::Trees;
use super::printf::fmt_v;
use super::value::{concrete_json, V, NULL};
use super::{ExecOptions, MissingKey};
use crate::format::go_quote::go_quote;

/// Deepest `{{template}}` recursion (Go: 100000, 1000 on wasm).
pub(crate) const MAX_TEMPLATE_DEPTH: usize = 100;

/// Why execution stopped.
pub(crate) struct ExecErr {
    pub message: String,
    pub limit: bool,
}

type R<T> = Result<T, ExecErr>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Normal,
    Break,
    Continue,
}

/// The node execution is "at", for error messages.
#[derive(Clone, Copy)]
enum Cur<'t> {
    None,
    Node(&'t Node),
    Branch(&'t Branch),
    Arg(&'t Arg),
    Cmd(&'t Command),
    Pipe(&'t Pipe),
}

impl Cur<'_> {
    fn pos(&self) -> usize {
        match self {
            Cur::None => 0,
            Cur::Node(n) => match n {
                Node::Text { .. } => 0,
                Node::Action { pos, .. }
                | Node::Template { pos, .. }
                | Node::Break { pos }
                | Node::Continue { pos } => *pos,
                Node::Branch(b) => b.pos,
            },
            Cur::Branch(b) => b.pos,
            Cur::Arg(a) => a.pos(),
            Cur::Cmd(c) => c.pos,
            Cur::Pipe(p) => p.pos,
        }
    }

    fn describe(&self) -> String {
        match self {
            Cur::None => String::new(),
            Cur::Node(n) => n.to_string(),
            Cur::Branch(b) => Node::Branch(Box::new((*b).clone())).to_string(),
            Cur::Arg(a) => a.to_string(),
            Cur::Cmd(c) => c.to_string(),
            Cur::Pipe(p) => p.to_string(),
        }
    }
}

pub(crate) struct Exec<'t, 'a, 'o> {
    trees: &'t Trees,
    text: &'t str,
    name: &'t str,
    vars: Vec<(&'t str, V<'a>)>,
    out: &'o mut String,
    node: Cur<'t>,
    depth: usize,
    steps: u64,
    opts: &'t ExecOptions,
    root: Option<&'a Map<String, Value>>,
}

/// Runs the main template of `trees` over `data`, appending to `out` (partial output stays there
/// when an error stops execution, as in Go).
pub(crate) fn execute<'t>(
    trees: &'t Trees,
    text: &'t str,
    data: &Value,
    opts: &'t ExecOptions,
    out: &mut String,
) -> Result<(), ExecErr> {
    let dot = concrete_json(data);
    let root = match data {
        Value::Object(m) if opts.struct_type.is_some() => Some(m),
        _ => None,
    };
    let mut ex = Exec {
        trees,
        text,
        name: "",
        vars: vec![("$", dot.clone())],
        out,
        node: Cur::None,
        depth: 0,
        steps: 0,
        opts,
        root,
    };
    ex.walk_list(&dot, &trees.root).map(|_| ())
}

fn is_hex_int(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 2 && b.first() == Some(&b'0') && matches!(b.get(1), Some(b'x' | b'X')) && !s.contains(['p', 'P'])
}

impl<'t, 'a> Exec<'t, 'a, '_> {
    fn at(&mut self, c: Cur<'t>) {
        self.node = c;
    }

    fn errorf<T>(&self, msg: impl std::fmt::Display) -> R<T> {
        Err(ExecErr { message: self.format_error(&msg.to_string()), limit: false })
    }

    fn limit<T>(&self, msg: impl std::fmt::Display) -> R<T> {
        Err(ExecErr { message: self.format_error(&msg.to_string()), limit: true })
    }

    fn format_error(&self, msg: &str) -> String {
        if let Cur::None = self.node {
            return format!("template: {}: {msg}", self.name);
        }
        let pos = self.node.pos().min(self.text.len());
        let before = self.text.get(..pos).unwrap_or("");
        let col = match before.rfind('\n') {
            None => pos,
            Some(i) => pos - (i + 1),
        };
        let line = 1 + before.matches('\n').count();
        format!(
            "template: :{line}:{col}: executing {} at <{}>: {msg}",
            go_quote(self.name),
            self.node.describe()
        )
    }

    fn tick(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > self.opts.max_steps {
            return self.limit(format!("execution stopped after {} steps", self.opts.max_steps));
        }
        Ok(())
    }

    fn write(&mut self, s: &str) -> R<()> {
        if self.out.len() + s.len() > self.opts.max_output {
            return self.limit(format!("output longer than {} bytes", self.opts.max_output));
        }
        self.out.push_str(s);
        Ok(())
    }

    // ----- walk -----

    fn walk_list(&mut self, dot: &V<'a>, list: &'t [Node]) -> R<Flow> {
        for n in list {
            let flow = self.walk(dot, n)?;
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn walk(&mut self, dot: &V<'a>, node: &'t Node) -> R<Flow> {
        self.at(Cur::Node(node));
        self.tick()?;
        match node {
            Node::Text { text } => self.write(text)?,
            Node::Action { pipe, .. } => {
                let val = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.print_value(node, &val)?;
                }
            }
            Node::Branch(b) => match b.kind {
                BranchKind::If | BranchKind::With => return self.walk_if_or_with(dot, b),
                BranchKind::Range => return self.walk_range(dot, b),
            },
            Node::Template { name, pipe, .. } => self.walk_template(dot, node, name, pipe.as_ref())?,
            Node::Break { .. } => return Ok(Flow::Break),
            Node::Continue { .. } => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    fn print_value(&mut self, node: &'t Node, v: &V<'a>) -> R<()> {
        self.at(Cur::Node(node));
        if !v.is_valid() {
            return self.write("<no value>");
        }
        let mut s = String::new();
        fmt_v(&mut s, v);
        self.write(&s)
    }

    fn walk_if_or_with(&mut self, dot: &V<'a>, b: &'t Branch) -> R<Flow> {
        let mark = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let truth = val.clone().concrete().is_true();
        let flow = if truth {
            if b.kind == BranchKind::With {
                self.walk_list(&val, &b.list)?
            } else {
                self.walk_list(dot, &b.list)?
            }
        } else if let Some(else_list) = &b.else_list {
            self.walk_list(dot, else_list)?
        } else {
            Flow::Normal
        };
        self.vars.truncate(mark);
        Ok(flow)
    }

    fn set_var(&mut self, name: &str, value: V<'a>) -> R<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| *n == name) {
            Some(slot) => {
                slot.1 = value;
                Ok(())
            }
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }

    fn set_top_var(&mut self, n: usize, value: V<'a>) {
        let len = self.vars.len();
        if let Some(slot) = len.checked_sub(n).and_then(|i| self.vars.get_mut(i)) {
            slot.1 = value;
        }
    }

    fn var_value(&self, name: &str) -> R<V<'a>> {
        match self.vars.iter().rev().find(|(n, _)| *n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.errorf(format!("undefined variable: {name}")),
        }
    }

    /// One range iteration; returns false when the body executed `{{break}}`.
    fn range_iteration(&mut self, b: &'t Branch, mark: usize, index: V<'a>, elem: V<'a>) -> R<bool> {
        self.tick()?;
        let decl = &b.pipe.decl;
        if let Some(first) = decl.first() {
            if b.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(first, index.clone())?;
                } else {
                    self.set_var(first, elem.clone())?;
                }
            } else {
                self.set_top_var(1, elem.clone());
            }
        }
        if let Some(second) = decl.get(1) {
            if b.pipe.is_assign {
                self.set_var(second, elem.clone())?;
            } else {
                self.set_top_var(2, index);
            }
        }
        let flow = self.walk_list(&elem, &b.list)?;
        self.vars.truncate(mark);
        Ok(flow != Flow::Break)
    }

    fn walk_range(&mut self, dot: &V<'a>, b: &'t Branch) -> R<Flow> {
        self.at(Cur::Branch(b));
        let outer = self.vars.len();
        let val = self.eval_pipeline(dot, &b.pipe)?.concrete();
        let mark = self.vars.len();
        let mut ran = false;
        match &val {
            V::Int(n, t) => {
                if b.pipe.decl.len() > 1 {
                    let mut s = String::new();
                    fmt_v(&mut s, &val);
                    return self.errorf(format!("can't use {s} to iterate over more than one variable"));
                }
                let (n, t) = (*n, *t);
                let mut i = 0;
                while i < n {
                    ran = true;
                    if !self.range_iteration(b, mark, V::Invalid, V::Int(i, t))? {
                        break;
                    }
                    i += 1;
                }
            }
            V::Uint(n, t) => {
                if b.pipe.decl.len() > 1 {
                    return self.errorf(format!("can't use {n} to iterate over more than one variable"));
                }
                let (n, t) = (*n, *t);
                let mut i = 0;
                while i < n {
                    ran = true;
                    if !self.range_iteration(b, mark, V::Invalid, V::Uint(i, t))? {
                        break;
                    }
                    i += 1;
                }
            }
            V::Arr(items) => {
                for (i, item) in items.iter().enumerate() {
                    ran = true;
                    if !self.range_iteration(b, mark, V::Int(i as i64, "int"), V::Iface(item))? {
                        break;
                    }
                }
            }
            V::Strs(items) => {
                let items = items.clone();
                for (i, item) in items.iter().enumerate() {
                    ran = true;
                    let elem = V::Str(Cow::Owned(item.clone()));
                    if !self.range_iteration(b, mark, V::Int(i as i64, "int"), elem)? {
                        break;
                    }
                }
            }
            V::Obj(map) => {
                let mut keys: Vec<&'a String> = map.keys().collect();
                crate::sort::sort(&mut keys);
                for k in keys {
                    ran = true;
                    let elem = map.get(k.as_str()).map_or(V::Iface(&NULL), V::Iface);
                    if !self.range_iteration(b, mark, V::Str(Cow::Borrowed(k.as_str())), elem)? {
                        break;
                    }
                }
            }
            V::Invalid => {}
            other => {
                let mut s = String::new();
                fmt_v(&mut s, other);
                return self.errorf(format!("range can't iterate over {s}"));
            }
        }
        let mut flow = Flow::Normal;
        if !ran {
            if let Some(else_list) = &b.else_list {
                flow = self.walk_list(dot, else_list)?;
            }
        }
        self.vars.truncate(outer);
        Ok(flow)
    }

    fn walk_template(&mut self, dot: &V<'a>, node: &'t Node, name: &'t str, pipe: Option<&'t Pipe>) -> R<()> {
        self.at(Cur::Node(node));
        let Some(list) = self.trees.lookup(name) else {
            return self.errorf(format!("template {} not defined", go_quote(name)));
        };
        if self.depth >= MAX_TEMPLATE_DEPTH {
            return self.errorf(format!("exceeded maximum template depth ({MAX_TEMPLATE_DEPTH})"));
        }
        let new_dot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => V::Invalid,
        };
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$", new_dot.clone())]);
        let saved_name = std::mem::replace(&mut self.name, name);
        self.depth += 1;
        let result = self.walk_list(&new_dot, list);
        self.depth -= 1;
        self.name = saved_name;
        self.vars = saved_vars;
        result.map(|_| ())
    }

    // ----- evaluation -----

    fn eval_pipeline(&mut self, dot: &V<'a>, pipe: &'t Pipe) -> R<V<'a>> {
        self.at(Cur::Pipe(pipe));
        let mut value: Option<V<'a>> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            // An interface value is unwrapped to the value inside ("lovely!" in Go's source).
            value = Some(v.concrete());
        }
        let value = value.unwrap_or(V::Invalid);
        for d in &pipe.decl {
            if pipe.is_assign {
                self.set_var(d, value.clone())?;
            } else {
                self.vars.push((d.as_str(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &[Arg], final_: &Option<V<'a>>) -> R<()> {
        if args.len() > 1 || final_.is_some() {
            let first = args.first().map(|a| a.to_string()).unwrap_or_default();
            return self.errorf(format!("can't give argument to non-function {first}"));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &V<'a>, cmd: &'t Command, final_: Option<V<'a>>) -> R<V<'a>> {
        let Some(first) = cmd.args.first() else {
            return self.errorf("empty command");
        };
        match first {
            Arg::Field { .. } => return self.eval_field_node(dot, first, Some(&cmd.args), final_),
            Arg::Chain { .. } => return self.eval_chain_node(dot, first, Some(&cmd.args), final_),
            Arg::Identifier { .. } => return self.eval_function(dot, first, Cur::Cmd(cmd), Some(&cmd.args), final_),
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &final_)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { .. } => return self.eval_variable_node(dot, first, Some(&cmd.args), final_),
            _ => {}
        }
        self.at(Cur::Arg(first));
        self.not_a_function(&cmd.args, &final_)?;
        match first {
            Arg::Bool { val, .. } => Ok(V::Bool(*val)),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => self.errorf("nil is not a command"),
            Arg::Number { num, .. } => self.ideal_constant(first, num),
            Arg::String { text, .. } => Ok(V::Str(Cow::Owned(text.clone()))),
            _ => self.errorf(format!("can't evaluate command {}", go_quote(&first.to_string()))),
        }
    }

    fn ideal_constant(&mut self, node: &'t Arg, num: &Number) -> R<V<'a>> {
        self.at(Cur::Arg(node));
        let text = &num.text;
        if num.is_float && !is_hex_int(text) && !text.starts_with('\'') && text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(V::Float(num.float));
        }
        if num.is_int {
            return Ok(V::Int(num.int, "int"));
        }
        if num.is_uint {
            return self.errorf(format!("{text} overflows int"));
        }
        Ok(V::Invalid)
    }

    fn eval_field_node(&mut self, dot: &V<'a>, field: &'t Arg, args: Option<&'t [Arg]>, final_: Option<V<'a>>) -> R<V<'a>> {
        self.at(Cur::Arg(field));
        let Arg::Field { ident, .. } = field else {
            return self.errorf("internal error: not a field");
        };
        self.eval_field_chain(dot, dot.clone(), field, ident, args, final_)
    }

    fn eval_chain_node(&mut self, dot: &V<'a>, chain: &'t Arg, args: Option<&'t [Arg]>, final_: Option<V<'a>>) -> R<V<'a>> {
        self.at(Cur::Arg(chain));
        let Arg::Chain { node, field, .. } = chain else {
            return self.errorf("internal error: not a chain");
        };
        if field.is_empty() {
            return self.errorf("internal error: no fields in evalChainNode");
        }
        if let Arg::Nil { .. } = node.as_ref() {
            return self.errorf(format!("indirection through explicit nil in {chain}"));
        }
        let pipe = self.eval_arg(dot, ParamTy::Untyped, node)?;
        self.eval_field_chain(dot, pipe, chain, field, args, final_)
    }

    fn eval_variable_node(&mut self, dot: &V<'a>, var: &'t Arg, args: Option<&'t [Arg]>, final_: Option<V<'a>>) -> R<V<'a>> {
        self.at(Cur::Arg(var));
        let Arg::Variable { ident, .. } = var else {
            return self.errorf("internal error: not a variable");
        };
        let first = ident.first().map(String::as_str).unwrap_or("$");
        let value = self.var_value(first)?;
        if ident.len() == 1 {
            self.not_a_function(args.unwrap_or_default(), &final_)?;
            return Ok(value);
        }
        self.eval_field_chain(dot, value, var, ident.get(1..).unwrap_or_default(), args, final_)
    }

    fn eval_field_chain(
        &mut self,
        dot: &V<'a>,
        mut receiver: V<'a>,
        node: &'t Arg,
        ident: &'t [String],
        args: Option<&'t [Arg]>,
        final_: Option<V<'a>>,
    ) -> R<V<'a>> {
        let Some((last, init)) = ident.split_last() else {
            return Ok(receiver);
        };
        for name in init {
            receiver = self.eval_field(dot, name, node, None, None, receiver)?;
        }
        self.eval_field(dot, last, node, args, final_, receiver)
    }

    fn eval_field(
        &mut self,
        dot: &V<'a>,
        name: &str,
        _node: &'t Arg,
        args: Option<&'t [Arg]>,
        final_: Option<V<'a>>,
        receiver: V<'a>,
    ) -> R<V<'a>> {
        match &receiver {
            V::Invalid => {
                if self.opts.missing_key == MissingKey::Error {
                    return self.errorf(format!("nil data; no entry for key {}", go_quote(name)));
                }
                return Ok(V::Invalid);
            }
            V::Iface(Value::Null) => {
                return self.errorf(format!("nil pointer evaluating interface {{}}.{name}"));
            }
            _ => {}
        }
        let type_name = receiver.type_name();
        let has_args = args.map_or(0, <[Arg]>::len) > 1 || final_.is_some();
        let recv = receiver.concrete();
        if let V::Obj(map) = recv {
            if let (Some(root), Some(struct_type)) = (self.root, &self.opts.struct_type) {
                if std::ptr::eq(root, map) {
                    return self.eval_struct_field(dot, name, map, struct_type, args, final_, has_args);
                }
            }
            if has_args {
                return self.errorf(format!("{name} is not a method but has arguments"));
            }
            return match map.get(name) {
                Some(v) => Ok(V::Iface(v)),
                None => match self.opts.missing_key {
                    MissingKey::Default => Ok(V::Invalid),
                    MissingKey::Error => self.errorf(format!("map has no entry for key {}", go_quote(name))),
                },
            };
        }
        self.errorf(format!("can't evaluate field {name} in type {type_name}"))
    }

    /// A field of the top-level object when it stands for a Go struct (`ExecOptions::struct_type`):
    /// unknown names are errors, and an object-valued field called with one string argument
    /// behaves like Docker's `Label "key"` methods.
    #[allow(clippy::too_many_arguments)]
    fn eval_struct_field(
        &mut self,
        dot: &V<'a>,
        name: &str,
        map: &'a Map<String, Value>,
        struct_type: &str,
        args: Option<&'t [Arg]>,
        final_: Option<V<'a>>,
        has_args: bool,
    ) -> R<V<'a>> {
        let Some(v) = map.get(name) else {
            return self.errorf(format!("can't evaluate field {name} in type {struct_type}"));
        };
        if !has_args {
            return Ok(match v {
                Value::Null => V::Iface(v),
                other => concrete_json(other),
            });
        }
        let Value::Object(entries) = v else {
            return self.errorf(format!("{name} has arguments but cannot be invoked as function"));
        };
        let call_args = args.and_then(|a| a.get(1..)).unwrap_or_default();
        let num_in = call_args.len() + usize::from(final_.is_some());
        if num_in != 1 {
            return self.errorf(format!("wrong number of args for {name}: want 1 got {num_in}"));
        }
        let key = match (call_args.first(), final_) {
            (Some(a), _) => self.eval_arg(dot, ParamTy::Str, a)?,
            (None, Some(f)) => self.validate_type(f, ParamTy::Str)?,
            (None, None) => V::Invalid,
        };
        let key = key.as_str().unwrap_or("").to_string();
        Ok(match entries.get(&key) {
            Some(Value::String(s)) => V::Str(Cow::Borrowed(s.as_str())),
            Some(other) => concrete_json(other),
            None => V::Str(Cow::Borrowed("")),
        })
    }

    fn eval_function(
        &mut self,
        dot: &V<'a>,
        ident: &'t Arg,
        call_node: Cur<'t>,
        args: Option<&'t [Arg]>,
        final_: Option<V<'a>>,
    ) -> R<V<'a>> {
        self.at(Cur::Arg(ident));
        let Arg::Identifier { name, .. } = ident else {
            return self.errorf("internal error: not an identifier");
        };
        if !funcs::exists(name) {
            return self.errorf(format!("{} is not a defined function", go_quote(name)));
        }
        self.eval_call(dot, name, call_node, args, final_)
    }

    fn eval_call(
        &mut self,
        dot: &V<'a>,
        name: &'t str,
        node: Cur<'t>,
        args: Option<&'t [Arg]>,
        final_: Option<V<'a>>,
    ) -> R<V<'a>> {
        self.tick()?;
        let header = self.opts.header_funcs;
        let Some(sig) = funcs::signature(name, header) else {
            return self.errorf(format!("{} is not a defined function", go_quote(name)));
        };
        let args: &'t [Arg] = args.and_then(|a| a.get(1..)).unwrap_or_default();
        let num_in = args.len() + usize::from(final_.is_some());
        let num_fixed = sig.params.len();
        match sig.variadic {
            Some(_) if num_in < num_fixed => {
                return self.errorf(format!(
                    "wrong number of args for {name}: want at least {num_fixed} got {}",
                    args.len()
                ));
            }
            None if num_in != num_fixed => {
                return self.errorf(format!("wrong number of args for {name}: want {num_fixed} got {num_in}"));
            }
            _ => {}
        }

        if name == "and" || name == "or" {
            let want = name == "or";
            let mut v = V::Invalid;
            for arg in args {
                v = self.eval_arg(dot, ParamTy::RValue, arg)?;
                if v.clone().concrete().is_true() == want {
                    return Ok(v);
                }
            }
            if let Some(f) = final_ {
                v = self.validate_type(f, ParamTy::RValue)?;
            }
            return Ok(v);
        }

        let mut argv: Vec<V<'a>> = Vec::with_capacity(num_in);
        for (i, arg) in args.iter().enumerate() {
            let ty = match sig.params.get(i) {
                Some(t) => *t,
                None => sig.variadic.unwrap_or(ParamTy::Any),
            };
            argv.push(self.eval_arg(dot, ty, arg)?);
        }
        if let Some(f) = final_ {
            let ty = match sig.variadic {
                Some(var) if num_in > num_fixed => var,
                _ => sig.params.get(num_in - 1).copied().unwrap_or(ParamTy::Any),
            };
            argv.push(self.validate_type(f, ty)?);
        }

        if name == "call" {
            let callee = match (args.first(), argv.first()) {
                (Some(a), _) => a.to_string(),
                (None, Some(v)) => {
                    let mut s = String::new();
                    fmt_v(&mut s, v);
                    s
                }
                _ => String::new(),
            };
            let msg = match argv.first().map(|v| v.clone().concrete()) {
                None | Some(V::Invalid) => "call of nil".to_string(),
                Some(v) => format!("non-function {callee} of type {}", v.type_name()),
            };
            self.at(node);
            return self.errorf(format!("error calling call: {msg}"));
        }

        // `{{json .}}` on a listing row: Docker's rows marshal themselves as sorted maps.
        if name == "json" && !header {
            if let (Some(root), Some(V::Obj(m))) = (self.root, argv.first()) {
                if std::ptr::eq(root, *m) {
                    return Ok(V::Str(Cow::Owned(funcs::row_json(m))));
                }
            }
        }
        match funcs::call(name, header, argv) {
            Ok(v) => Ok(v),
            Err(e) => {
                self.at(node);
                self.errorf(format!("error calling {name}: {e}"))
            }
        }
    }

    /// Go's `validateType`: checks a computed value against a parameter type.
    fn validate_type(&self, value: V<'a>, ty: ParamTy) -> R<V<'a>> {
        if !value.is_valid() {
            return match ty {
                ParamTy::Untyped | ParamTy::RValue => Ok(V::Invalid),
                ParamTy::Any => Ok(V::Iface(&NULL)),
                ParamTy::StrSlice => Ok(V::Strs(Default::default())),
                _ => self.errorf(format!("invalid value; expected {}", ty.go_name())),
            };
        }
        let wrong = |v: &V| format!("wrong type for value; expected {}; got {}", ty.go_name(), v.type_name());
        match ty {
            ParamTy::Untyped | ParamTy::Any | ParamTy::RValue => Ok(value),
            ParamTy::Str => match value {
                V::Str(_) => Ok(value),
                V::Iface(Value::String(s)) => Ok(V::Str(Cow::Borrowed(s.as_str()))),
                V::Iface(Value::Null) => self.errorf(wrong(&value)),
                V::Iface(j) => self.errorf(wrong(&concrete_json(j))),
                other => self.errorf(wrong(&other)),
            },
            ParamTy::Int => match value {
                V::Int(_, "int") => Ok(value),
                V::Iface(Value::Null) => self.errorf(wrong(&value)),
                V::Iface(j) => self.errorf(wrong(&concrete_json(j))),
                other => self.errorf(wrong(&other)),
            },
            ParamTy::StrSlice => {
                let arr = match &value {
                    V::Strs(_) => return Ok(value),
                    V::Arr(a) => Some(*a),
                    V::Iface(Value::Array(a)) => Some(a.as_slice()),
                    _ => None,
                };
                // A JSON array of strings stands for Docker's []string fields (Env, Cmd…).
                if let Some(a) = arr {
                    if a.iter().all(Value::is_string) {
                        let items = a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
                        return Ok(V::Strs(std::rc::Rc::new(items)));
                    }
                }
                match value {
                    V::Iface(Value::Null) => self.errorf(wrong(&value)),
                    V::Iface(j) => self.errorf(wrong(&concrete_json(j))),
                    other => self.errorf(wrong(&other)),
                }
            }
        }
    }

    fn eval_arg(&mut self, dot: &V<'a>, ty: ParamTy, arg: &'t Arg) -> R<V<'a>> {
        self.at(Cur::Arg(arg));
        match arg {
            Arg::Dot { .. } => return self.validate_type(dot.clone(), ty),
            Arg::Nil { .. } => {
                return match ty {
                    ParamTy::Any => Ok(V::Iface(&NULL)),
                    ParamTy::RValue => Ok(V::Invalid),
                    ParamTy::StrSlice => Ok(V::Strs(Default::default())),
                    _ => self.errorf(format!("cannot assign nil to {}", ty.go_name())),
                };
            }
            Arg::Field { .. } => {
                let v = self.eval_field_node(dot, arg, Some(std::slice::from_ref(arg)), None)?;
                return self.validate_type(v, ty);
            }
            Arg::Variable { .. } => {
                let v = self.eval_variable_node(dot, arg, None, None)?;
                return self.validate_type(v, ty);
            }
            Arg::Pipe(p) => {
                let v = self.eval_pipeline(dot, p)?;
                return self.validate_type(v, ty);
            }
            Arg::Identifier { .. } => {
                let v = self.eval_function(dot, arg, Cur::Arg(arg), None, None)?;
                return self.validate_type(v, ty);
            }
            Arg::Chain { .. } => {
                let v = self.eval_chain_node(dot, arg, None, None)?;
                return self.validate_type(v, ty);
            }
            _ => {}
        }
        match ty {
            ParamTy::Int => match arg {
                Arg::Number { num, .. } if num.is_int => Ok(V::Int(num.int, "int")),
                _ => self.errorf(format!("expected integer; found {arg}")),
            },
            ParamTy::Str => match arg {
                Arg::String { text, .. } => Ok(V::Str(Cow::Owned(text.clone()))),
                _ => self.errorf(format!("expected string; found {arg}")),
            },
            ParamTy::Any | ParamTy::RValue | ParamTy::Untyped => self.eval_empty_interface(dot, arg),
            ParamTy::StrSlice => self.errorf(format!("can't handle {arg} for arg of type []string")),
        }
    }

    fn eval_empty_interface(&mut self, dot: &V<'a>, arg: &'t Arg) -> R<V<'a>> {
        self.at(Cur::Arg(arg));
        match arg {
            Arg::Bool { val, .. } => Ok(V::Bool(*val)),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Field { .. } => self.eval_field_node(dot, arg, None, None),
            Arg::Identifier { .. } => self.eval_function(dot, arg, Cur::Arg(arg), None, None),
            Arg::Nil { .. } => self.errorf("evalEmptyInterface: nil (can't happen)"),
            Arg::Number { num, .. } => self.ideal_constant(arg, num),
            Arg::String { text, .. } => Ok(V::Str(Cow::Owned(text.clone()))),
            Arg::Variable { .. } => self.eval_variable_node(dot, arg, None, None),
            Arg::Pipe(p) => self.eval_pipeline(dot, p),
            Arg::Chain { .. } => self.errorf(format!("can't handle assignment of {arg} to empty interface argument")),
        }
    }
}
