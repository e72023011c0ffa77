//! Runtime values of template execution: the few Go types a template over JSON data can meet.

use std::borrow::Cow;
use std::rc::Rc;

use serde_json::{Map, Number, Value};

/// A nil `interface{}`.
pub(crate) static NULL: Value = Value::Null;

/// A Go value as `text/template` sees it (a `reflect.Value`).
#[derive(Clone, Debug)]
pub(crate) enum V<'a> {
    /// The zero `reflect.Value` (a missing map key, a nil pipeline result): prints `<no value>`.
    Invalid,
    /// An `interface{}` holding a JSON value, as elements of decoded maps and slices are; `null` is
    /// a nil interface.
    Iface(&'a Value),
    Bool(bool),
    /// A signed integer and its Go type name (`int` for literals, `int64` for JSON data).
    Int(i64, &'static str),
    Uint(u64, &'static str),
    Float(f64),
    Str(Cow<'a, str>),
    /// `[]interface {}`.
    Arr(&'a [Value]),
    /// `map[string]interface {}`.
    Obj(&'a Map<String, Value>),
    /// `[]string` (from `split`).
    Strs(Rc<Vec<String>>),
}

pub(crate) fn number<'a>(n: &Number) -> V<'a> {
    if let Some(i) = n.as_i64() {
        V::Int(i, "int64")
    } else if let Some(u) = n.as_u64() {
        V::Uint(u, "uint64")
    } else {
        V::Float(n.as_f64().unwrap_or(0.0))
    }
}

/// Go's `indirectInterface` / `reflect.ValueOf(x)` of a JSON value: the concrete value inside the
/// interface, or the zero value for a nil interface.
pub(crate) fn concrete_json(v: &Value) -> V<'_> {
    match v {
        Value::Null => V::Invalid,
        Value::Bool(b) => V::Bool(*b),
        Value::Number(n) => number(n),
        Value::String(s) => V::Str(Cow::Borrowed(s.as_str())),
        Value::Array(a) => V::Arr(a.as_slice()),
        Value::Object(m) => V::Obj(m),
    }
}

impl<'a> V<'a> {
    /// Go's `indirectInterface`.
    pub fn concrete(self) -> V<'a> {
        match self {
            V::Iface(v) => concrete_json(v),
            other => other,
        }
    }

    /// Go's `reflect.Value.IsValid`.
    pub fn is_valid(&self) -> bool {
        !matches!(self, V::Invalid)
    }

    /// Go's type name (`reflect.Type.String()`), for error messages.
    pub fn type_name(&self) -> String {
        match self {
            V::Invalid => "<nil>".to_string(),
            V::Iface(_) => "interface {}".to_string(),
            V::Bool(_) => "bool".to_string(),
            V::Int(_, t) | V::Uint(_, t) => (*t).to_string(),
            V::Float(_) => "float64".to_string(),
            V::Str(_) => "string".to_string(),
            V::Arr(_) => "[]interface {}".to_string(),
            V::Obj(_) => "map[string]interface {}".to_string(),
            V::Strs(_) => "[]string".to_string(),
        }
    }

    /// The concrete type name (an interface's dynamic type), as `fmt`'s `%T` prints it.
    pub fn dynamic_type_name(&self) -> String {
        match self {
            V::Iface(Value::Null) => "<nil>".to_string(),
            V::Iface(v) => concrete_json(v).type_name(),
            other => other.type_name(),
        }
    }

    /// Go's truth (`template.IsTrue`) of a concrete value.
    pub fn is_true(&self) -> bool {
        match self {
            V::Invalid => false,
            V::Iface(v) => concrete_json(v).is_true(),
            V::Bool(b) => *b,
            V::Int(i, _) => *i != 0,
            V::Uint(u, _) => *u != 0,
            V::Float(f) => *f != 0.0,
            V::Str(s) => !s.is_empty(),
            V::Arr(a) => !a.is_empty(),
            V::Obj(m) => !m.is_empty(),
            V::Strs(s) => !s.is_empty(),
        }
    }

    /// A string, if this is one (directly or inside an interface).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            V::Str(s) => Some(s),
            V::Iface(Value::String(s)) => Some(s),
            _ => None,
        }
    }
}
