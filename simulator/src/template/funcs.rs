//! Template functions: Go's builtins (`text/template/funcs.go`) and Docker's
//! (`docker/cli/templates/templates.go`), with their signatures (for argument checking) and their
//! error texts. `and`, `or` and `call` are evaluated by the executor itself.

use std::borrow::Cow;
use std::rc::Rc;

use serde_json::Value;

use super::printf::{sprint, sprintf, sprintln};
use super::value::{concrete_json, V, NULL};
use crate::format::go_json;

/// The largest string a function may build (`pad` and friends); larger requests fail.
pub(crate) const MAX_STRING: usize = 1 << 20;

/// Go parameter types the functions use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamTy {
    /// `interface{}`.
    Any,
    /// `reflect.Value` (builtins that inspect their arguments).
    RValue,
    Str,
    Int,
    StrSlice,
    /// No type (`evalArg(dot, nil, node)` for chain receivers).
    Untyped,
}

impl ParamTy {
    pub fn go_name(self) -> &'static str {
        match self {
            ParamTy::Any | ParamTy::Untyped => "interface {}",
            ParamTy::RValue => "reflect.Value",
            ParamTy::Str => "string",
            ParamTy::Int => "int",
            ParamTy::StrSlice => "[]string",
        }
    }
}

/// A function signature: fixed parameters and an optional variadic element type.
pub(crate) struct Sig {
    pub params: &'static [ParamTy],
    pub variadic: Option<ParamTy>,
}

use ParamTy::{Any, Int, RValue, Str, StrSlice};

/// Names of every function a template may call.
pub(crate) fn exists(name: &str) -> bool {
    signature(name, false).is_some()
}

/// The signature of `name`; `header` selects Docker's header variants used for table headers.
pub(crate) fn signature(name: &str, header: bool) -> Option<Sig> {
    let sig = |params: &'static [ParamTy], variadic: Option<ParamTy>| Some(Sig { params, variadic });
    if header {
        match name {
            "json" | "title" | "lower" | "upper" => return sig(&[Str], None),
            "split" | "join" => return sig(&[Str, Str], None),
            "truncate" => return sig(&[Str, Int], None),
            _ => {}
        }
    }
    match name {
        "and" | "or" => sig(&[RValue], Some(RValue)),
        "call" => sig(&[RValue], Some(RValue)),
        "html" | "js" | "urlquery" | "print" | "println" => sig(&[], Some(Any)),
        "printf" => sig(&[Str], Some(Any)),
        "index" | "slice" | "eq" => sig(&[RValue], Some(RValue)),
        "len" | "not" => sig(&[RValue], None),
        "ne" | "lt" | "le" | "gt" | "ge" => sig(&[RValue, RValue], None),
        "json" => sig(&[Any], None),
        "split" => sig(&[Str, Str], None),
        "join" => sig(&[StrSlice, Str], None),
        "title" | "lower" | "upper" => sig(&[Str], None),
        "pad" => sig(&[Str, Int, Int], None),
        "truncate" => sig(&[Str, Int], None),
        _ => None,
    }
}

fn truth(v: &V) -> bool {
    v.clone().concrete().is_true()
}

fn str_arg<'a>(v: &'a V) -> &'a str {
    v.as_str().unwrap_or("")
}

fn int_arg(v: &V) -> i64 {
    match v {
        V::Int(i, _) => *i,
        _ => 0,
    }
}

fn index_arg(idx: &V, cap: usize) -> Result<usize, String> {
    let x: i64 = match idx {
        V::Int(i, _) => *i,
        V::Uint(u, _) => *u as i64,
        V::Invalid => return Err("cannot index slice/array with nil".to_string()),
        other => return Err(format!("cannot index slice/array with type {}", other.type_name())),
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

fn all_strings(map: &serde_json::Map<String, Value>) -> bool {
    map.values().all(Value::is_string)
}

fn index<'a>(item: V<'a>, indexes: &[V<'a>]) -> Result<V<'a>, String> {
    let mut item = item.concrete();
    if !item.is_valid() {
        return Err("index of untyped nil".to_string());
    }
    for idx in indexes {
        let idx = idx.clone().concrete();
        item = match item {
            V::Iface(Value::Null) => return Err("index of nil pointer".to_string()),
            V::Iface(v) => concrete_json(v),
            other => other,
        };
        item = match item {
            V::Arr(a) => {
                let x = index_arg(&idx, a.len())?;
                match a.get(x) {
                    Some(e) => V::Iface(e),
                    None => return Err("reflect: slice index out of range".to_string()),
                }
            }
            V::Strs(v) => {
                let x = index_arg(&idx, v.len())?;
                match v.get(x) {
                    Some(e) => V::Str(Cow::Owned(e.clone())),
                    None => return Err("reflect: slice index out of range".to_string()),
                }
            }
            V::Str(s) => {
                let x = index_arg(&idx, s.len())?;
                match s.as_bytes().get(x) {
                    Some(b) => V::Uint(u64::from(*b), "uint8"),
                    None => return Err("reflect: string index out of range".to_string()),
                }
            }
            V::Obj(m) => {
                let key = match &idx {
                    V::Invalid => return Err("value is nil; should be of type string".to_string()),
                    V::Str(k) => k.as_ref(),
                    other => return Err(format!("value has type {}; should be string", other.type_name())),
                };
                match m.get(key) {
                    Some(v) => V::Iface(v),
                    // The zero value of the element type: "" for a map of strings (Docker's labels
                    // are a map[string]string), a nil interface otherwise.
                    None if all_strings(m) => V::Str(Cow::Borrowed("")),
                    None => V::Iface(&NULL),
                }
            }
            other => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(item)
}

fn slice<'a>(item: V<'a>, indexes: &[V<'a>]) -> Result<V<'a>, String> {
    let item = item.concrete();
    if !item.is_valid() {
        return Err("slice of untyped nil".to_string());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match &item {
        V::Str(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".to_string());
            }
            s.len()
        }
        V::Arr(a) => a.len(),
        V::Strs(v) => v.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let mut idx = [0usize, len, len];
    for (i, index) in indexes.iter().enumerate() {
        let x = index_arg(&index.clone().concrete(), len)?;
        if let Some(slot) = idx.get_mut(i) {
            *slot = x;
        }
    }
    let [lo, hi, max] = idx;
    if lo > hi {
        return Err(format!("invalid slice index: {lo} > {hi}"));
    }
    if indexes.len() == 3 && hi > max {
        return Err(format!("invalid slice index: {hi} > {max}"));
    }
    Ok(match item {
        V::Str(s) => {
            let bytes = s.as_bytes().get(lo..hi).unwrap_or_default();
            V::Str(Cow::Owned(String::from_utf8_lossy(bytes).into_owned()))
        }
        V::Arr(a) => V::Arr(a.get(lo..hi).unwrap_or_default()),
        V::Strs(v) => V::Strs(Rc::new(v.get(lo..hi).unwrap_or_default().to_vec())),
        _ => V::Invalid,
    })
}

fn len(item: &V) -> Result<V<'static>, String> {
    let n = match item {
        V::Invalid => return Err("reflect: call of reflect.Value.Type on zero Value".to_string()),
        V::Iface(Value::Null) => return Err("len of nil pointer".to_string()),
        other => match other.clone().concrete() {
            V::Str(s) => s.len(),
            V::Arr(a) => a.len(),
            V::Obj(m) => m.len(),
            V::Strs(v) => v.len(),
            x => return Err(format!("len of type {}", x.type_name())),
        },
    };
    Ok(V::Int(n as i64, "int"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Invalid,
    Bool,
    Int,
    Float,
    Str,
    Uint,
}

fn basic_kind(v: &V) -> Kind {
    match v {
        V::Bool(_) => Kind::Bool,
        V::Int(..) => Kind::Int,
        V::Uint(..) => Kind::Uint,
        V::Float(_) => Kind::Float,
        V::Str(_) => Kind::Str,
        _ => Kind::Invalid,
    }
}

fn go_v(v: &V) -> String {
    let mut out = String::new();
    super::printf::fmt_v(&mut out, v);
    out
}

fn eq(arg1: &V, rest: &[V]) -> Result<bool, String> {
    let a1 = arg1.clone().concrete();
    if rest.is_empty() {
        return Err("missing argument for comparison".to_string());
    }
    let k1 = basic_kind(&a1);
    for arg in rest {
        let a = arg.clone().concrete();
        let k2 = basic_kind(&a);
        let truth = if k1 != k2 {
            match (&a1, &a) {
                (V::Int(i, _), V::Uint(u, _)) | (V::Uint(u, _), V::Int(i, _)) => *i >= 0 && *i as u64 == *u,
                _ => {
                    if a1.is_valid() && a.is_valid() {
                        return Err(format!(
                            "incompatible types for comparison: {} and {}",
                            a1.type_name(),
                            a.type_name()
                        ));
                    }
                    false
                }
            }
        } else {
            match (&a1, &a) {
                (V::Bool(x), V::Bool(y)) => x == y,
                (V::Int(x, _), V::Int(y, _)) => x == y,
                (V::Uint(x, _), V::Uint(y, _)) => x == y,
                (V::Float(x), V::Float(y)) => x == y,
                (V::Str(x), V::Str(y)) => x == y,
                _ => {
                    let same_kind = std::mem::discriminant(&a1) == std::mem::discriminant(&a);
                    if !same_kind && a1.is_valid() && a.is_valid() {
                        return Err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            go_v(&a1),
                            a1.type_name(),
                            a.type_name(),
                            go_v(&a)
                        ));
                    }
                    if !a1.is_valid() || !a.is_valid() {
                        a1.is_valid() == a.is_valid()
                    } else {
                        return Err(format!("non-comparable type {}: {}", go_v(&a), a.type_name()));
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

fn lt(arg1: &V, arg2: &V) -> Result<bool, String> {
    let a1 = arg1.clone().concrete();
    let k1 = basic_kind(&a1);
    if k1 == Kind::Invalid {
        return Err("invalid type for comparison".to_string());
    }
    let a2 = arg2.clone().concrete();
    let k2 = basic_kind(&a2);
    if k2 == Kind::Invalid {
        return Err("invalid type for comparison".to_string());
    }
    if k1 != k2 {
        return match (&a1, &a2) {
            (V::Int(i, _), V::Uint(u, _)) => Ok(*i < 0 || (*i as u64) < *u),
            (V::Uint(u, _), V::Int(i, _)) => Ok(*i >= 0 && *u < *i as u64),
            _ => Err(format!("incompatible types for comparison: {} and {}", a1.type_name(), a2.type_name())),
        };
    }
    match (&a1, &a2) {
        (V::Int(x, _), V::Int(y, _)) => Ok(x < y),
        (V::Uint(x, _), V::Uint(y, _)) => Ok(x < y),
        (V::Float(x), V::Float(y)) => Ok(x < y),
        (V::Str(x), V::Str(y)) => Ok(x < y),
        _ => Err("invalid type for comparison".to_string()),
    }
}

fn le(a: &V, b: &V) -> Result<bool, String> {
    let less = lt(a, b)?;
    if less {
        return Ok(true);
    }
    eq(a, std::slice::from_ref(b))
}

/// Go's `evalArgs`: the arguments as one string (`html`, `js`, `urlquery`).
fn eval_args(args: &[V]) -> String {
    if let [one] = args {
        if let Some(s) = one.as_str() {
            return s.to_string();
        }
    }
    let printable: Vec<V> = args
        .iter()
        .map(|a| match a {
            V::Invalid | V::Iface(Value::Null) => V::Str(Cow::Borrowed("<no value>")),
            other => other.clone(),
        })
        .collect();
    sprint(&printable)
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02X}", c as u32)),
            c if !c.is_ascii() && !crate::format::width::is_print(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Go's `encoding/json` encoding of a value, `SetEscapeHTML(false)`, no trailing newline.
pub(crate) fn json_of(v: &V) -> String {
    match v {
        V::Invalid | V::Iface(Value::Null) => "null".to_string(),
        V::Iface(j) => go_json::compact(j, false),
        V::Bool(b) => b.to_string(),
        V::Int(i, _) => i.to_string(),
        V::Uint(u, _) => u.to_string(),
        V::Float(f) => {
            if f.is_finite() {
                crate::format::go_float::json_float(*f)
            } else {
                String::new()
            }
        }
        V::Str(s) => {
            let mut out = String::new();
            go_json::write_string(&mut out, s, false);
            out
        }
        V::Arr(a) => {
            let mut out = String::from("[");
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&go_json::compact(item, false));
            }
            out.push(']');
            out
        }
        V::Obj(m) => {
            let mut out = String::from("{");
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                go_json::write_string(&mut out, k, false);
                out.push(':');
                out.push_str(&go_json::compact(item, false));
            }
            out.push('}');
            out
        }
        V::Strs(v) => {
            let mut out = String::from("[");
            for (i, item) in v.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                go_json::write_string(&mut out, item, false);
            }
            out.push(']');
            out
        }
    }
}

/// How Docker marshals a listing row (`formatter.marshalMap`): a JSON object of the row's
/// argument-less methods, keys sorted, `<>&` not escaped. Top-level object values stand for methods
/// with an argument (`Label`) and are left out, as Docker skips those.
pub fn row_json(row: &serde_json::Map<String, Value>) -> String {
    let mut entries: Vec<(&String, &Value)> = row.iter().filter(|(_, v)| !v.is_object()).collect();
    crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
    let mut out = String::from("{");
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Rows marshal themselves with `json.Marshal`, which escapes `<`, `>` and `&`.
        go_json::write_string(&mut out, k, true);
        out.push(':');
        out.push_str(&go_json::compact(v, true));
    }
    out.push('}');
    out
}

/// Go's `unicode.IsSpace`.
fn is_go_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}') || (!c.is_ascii() && c.is_whitespace())
}

/// `strings.Title`'s word separators.
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    if c.is_alphabetic() || c.is_numeric() {
        return false;
    }
    is_go_space(c)
}

/// Go's simple (one-to-one) case mappings.
fn simple_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn simple_lower(c: char) -> char {
    let mut low = c.to_lowercase();
    match (low.next(), low.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn title(s: &str) -> String {
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if is_separator(prev) { simple_upper(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

fn owned<'a>(s: String) -> V<'a> {
    V::Str(Cow::Owned(s))
}

/// Calls function `name` (never `and`, `or` or `call`) with arguments already checked against its
/// signature. The error is the function's own message (the caller adds `error calling …:`).
pub(crate) fn call<'a>(name: &str, header: bool, args: Vec<V<'a>>) -> Result<V<'a>, String> {
    let arg = |i: usize| args.get(i).cloned().unwrap_or(V::Invalid);
    if header {
        match name {
            "json" | "title" | "lower" | "upper" | "split" | "join" | "truncate" => return Ok(arg(0)),
            _ => {}
        }
    }
    match name {
        "not" => Ok(V::Bool(!truth(&arg(0)))),
        "len" => len(&arg(0)),
        "index" => index(arg(0), args.get(1..).unwrap_or_default()),
        "slice" => slice(arg(0), args.get(1..).unwrap_or_default()),
        "eq" => eq(&arg(0), args.get(1..).unwrap_or_default()).map(V::Bool),
        "ne" => eq(&arg(0), &[arg(1)]).map(|b| V::Bool(!b)),
        "lt" => lt(&arg(0), &arg(1)).map(V::Bool),
        "le" => le(&arg(0), &arg(1)).map(V::Bool),
        "gt" => le(&arg(0), &arg(1)).map(|b| V::Bool(!b)),
        "ge" => lt(&arg(0), &arg(1)).map(|b| V::Bool(!b)),
        "print" => Ok(owned(sprint(&args))),
        "println" => Ok(owned(sprintln(&args))),
        "printf" => {
            let format = arg(0);
            Ok(owned(sprintf(str_arg(&format), args.get(1..).unwrap_or_default())))
        }
        "html" => Ok(owned(html_escape(&eval_args(&args)))),
        "js" => Ok(owned(js_escape(&eval_args(&args)))),
        "urlquery" => Ok(owned(query_escape(&eval_args(&args)))),
        "json" => Ok(owned(json_of(&arg(0)))),
        "split" => {
            let (s, sep) = (arg(0), arg(1));
            let (s, sep) = (str_arg(&s), str_arg(&sep));
            let parts: Vec<String> = if sep.is_empty() {
                s.chars().map(String::from).collect()
            } else {
                s.split(sep).map(str::to_string).collect()
            };
            Ok(V::Strs(Rc::new(parts)))
        }
        "join" => {
            let sep = arg(1);
            match arg(0) {
                V::Strs(v) => Ok(owned(v.join(str_arg(&sep)))),
                _ => Ok(owned(String::new())),
            }
        }
        "title" => Ok(owned(title(str_arg(&arg(0))))),
        "lower" => Ok(owned(str_arg(&arg(0)).chars().map(simple_lower).collect())),
        "upper" => Ok(owned(str_arg(&arg(0)).chars().map(simple_upper).collect())),
        "pad" => {
            let s = arg(0);
            let s = str_arg(&s);
            let (prefix, suffix) = (int_arg(&arg(1)), int_arg(&arg(2)));
            if s.is_empty() {
                return Ok(owned(String::new()));
            }
            if prefix < 0 || suffix < 0 {
                return Err("strings: negative Repeat count".to_string());
            }
            if prefix as u64 + suffix as u64 + s.len() as u64 > MAX_STRING as u64 {
                return Err("strings: Repeat output length overflow".to_string());
            }
            Ok(owned(format!("{}{s}{}", " ".repeat(prefix as usize), " ".repeat(suffix as usize))))
        }
        "truncate" => {
            let source = arg(0);
            let n = int_arg(&arg(1));
            let s = str_arg(&source);
            if (s.len() as i64) < n {
                return Ok(source);
            }
            if n < 0 {
                return Err(format!("runtime error: slice bounds out of range [:{n}]"));
            }
            let bytes = s.as_bytes().get(..n as usize).unwrap_or_default();
            Ok(owned(String::from_utf8_lossy(bytes).into_owned()))
        }
        _ => Err(format!("{name} is not a defined function")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s(x: &str) -> V<'static> {
        V::Str(Cow::Owned(x.to_string()))
    }

    fn int(i: i64) -> V<'static> {
        V::Int(i, "int")
    }

    fn text(v: Result<V, String>) -> String {
        match v {
            Ok(v) => {
                let mut out = String::new();
                super::super::printf::fmt_v(&mut out, &v);
                out
            }
            Err(e) => format!("ERR {e}"),
        }
    }

    #[test]
    fn docker_functions() {
        assert_eq!(text(call("split", false, vec![s("a,b,,c"), s(",")])), "[a b  c]");
        assert_eq!(text(call("split", false, vec![s("añb"), s("")])), "[a ñ b]");
        let parts = V::Strs(Rc::new(vec!["a".into(), "b".into()]));
        assert_eq!(text(call("join", false, vec![parts, s(", ")])), "a, b");
        assert_eq!(text(call("title", false, vec![s("hello wORLD-foo_bar élan")])), "Hello WORLD-Foo_bar Élan");
        assert_eq!(text(call("upper", false, vec![s("abcß")])), "ABCß");
        assert_eq!(text(call("lower", false, vec![s("ÀBC")])), "àbc");
        assert_eq!(text(call("pad", false, vec![s("x"), int(2), int(1)])), "  x ");
        assert_eq!(text(call("pad", false, vec![s(""), int(2), int(1)])), "");
        assert_eq!(text(call("pad", false, vec![s("x"), int(-1), int(1)])), "ERR strings: negative Repeat count");
        assert_eq!(text(call("truncate", false, vec![s("abcdef"), int(3)])), "abc");
        assert_eq!(text(call("truncate", false, vec![s("ab"), int(3)])), "ab");
        assert_eq!(text(call("truncate", false, vec![s("abc"), int(3)])), "abc");
        assert_eq!(
            text(call("truncate", false, vec![s("abc"), int(-1)])),
            "ERR runtime error: slice bounds out of range [:-1]"
        );
        assert_eq!(text(call("json", false, vec![s("<a>")])), "\"<a>\"");
        assert_eq!(text(call("json", false, vec![V::Invalid])), "null");
        assert_eq!(text(call("title", true, vec![s("CONTAINER ID")])), "CONTAINER ID");
    }

    #[test]
    fn builtins() {
        let data = json!({"a": [10, 20], "m": {"x": "1"}, "o": {"n": 1}});
        let root = concrete_json(&data);
        let a = index(root.clone(), &[s("a")]);
        assert_eq!(text(a.clone()), "[10 20]");
        assert_eq!(text(index(root.clone(), &[s("a"), int(1)])), "20");
        assert_eq!(text(index(root.clone(), &[s("a"), int(2)])), "ERR reflect: slice index out of range");
        assert_eq!(text(index(root.clone(), &[s("a"), int(3)])), "ERR index out of range: 3");
        assert_eq!(text(index(root.clone(), &[s("m"), s("nope")])), "");
        assert_eq!(text(index(root.clone(), &[s("o"), s("nope")])), "<nil>");
        assert_eq!(text(index(root.clone(), &[int(1)])), "ERR value has type int; should be string");
        assert_eq!(text(index(V::Invalid, &[])), "ERR index of untyped nil");
        assert_eq!(text(index(s("abc"), &[int(1)])), "98");
        assert_eq!(text(len(&root)), "3");
        assert_eq!(text(len(&int(3))), "ERR len of type int");
        assert_eq!(text(len(&V::Iface(&NULL))), "ERR len of nil pointer");
        assert_eq!(text(slice(s("abcdef"), &[int(1), int(3)])), "bc");
        assert_eq!(text(slice(s("abc"), &[int(2), int(1)])), "ERR invalid slice index: 2 > 1");
        assert_eq!(text(slice(int(1), &[])), "ERR can't slice item of type int");
    }

    #[test]
    fn comparisons() {
        assert_eq!(eq(&int(1), &[int(2), int(1)]), Ok(true));
        assert_eq!(eq(&s("a"), &[s("b")]), Ok(false));
        assert_eq!(eq(&V::Int(3, "int64"), &[int(3)]), Ok(true));
        assert_eq!(eq(&V::Uint(3, "uint64"), &[int(3)]), Ok(true));
        assert_eq!(eq(&s("a"), &[int(1)]), Err("incompatible types for comparison: string and int".to_string()));
        assert_eq!(eq(&V::Invalid, &[int(1)]), Ok(false));
        assert_eq!(eq(&V::Invalid, &[V::Invalid]), Ok(true));
        assert_eq!(eq(&int(1), &[]), Err("missing argument for comparison".to_string()));
        assert_eq!(lt(&int(1), &int(2)), Ok(true));
        assert_eq!(lt(&s("b"), &s("a")), Ok(false));
        assert_eq!(lt(&V::Bool(true), &V::Bool(false)), Err("invalid type for comparison".to_string()));
        assert_eq!(lt(&V::Float(1.0), &int(2)), Err("incompatible types for comparison: float64 and int".to_string()));
        assert_eq!(le(&int(2), &int(2)), Ok(true));
    }

    #[test]
    fn escapers() {
        assert_eq!(html_escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;");
        assert_eq!(js_escape("a'b\"c<d>=&\n"), "a\\'b\\\"c\\u003Cd\\u003E\\u003D\\u0026\\u000A");
        assert_eq!(query_escape("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
        assert_eq!(eval_args(&[V::Invalid]), "<no value>");
    }
}
