//! Building JSON objects field by field with little code per field.
//!
//! `serde_json::json!` expands every field into a key allocation, a `to_value` call, an insert and
//! the drop of the replaced value, right where it is written: about 150 bytes of WebAssembly per
//! field. [`JsonObject`]'s setters are small non-generic functions, so a field costs one call, and
//! runs of constant fields are [`Lit`] tables walked by one loop ([`JsonObject::lits`]).

use serde_json::{Map, Value};

/// A constant JSON value in a field table.
#[derive(Debug, Clone, Copy)]
pub enum Lit {
    Str(&'static str),
    Int(i64),
    Bool(bool),
    Null,
    /// `[]`
    EmptyList,
    /// `{}`
    EmptyObject,
    /// An array of strings.
    Strs(&'static [&'static str]),
}

impl Lit {
    #[inline(never)]
    pub fn to_value(self) -> Value {
        match self {
            Lit::Str(s) => Value::String(s.to_string()),
            Lit::Int(i) => Value::from(i),
            Lit::Bool(b) => Value::Bool(b),
            Lit::Null => Value::Null,
            Lit::EmptyList => Value::Array(Vec::new()),
            Lit::EmptyObject => Value::Object(Map::new()),
            Lit::Strs(list) => Value::Array(list.iter().map(|s| Value::String(s.to_string())).collect()),
        }
    }
}

/// An object under construction; keys keep the order they are set in.
#[derive(Debug, Default, Clone)]
pub struct JsonObject(Map<String, Value>);

impl JsonObject {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to `value` (an existing key keeps its place).
    #[inline(never)]
    pub fn value(&mut self, key: &str, value: Value) {
        self.0.insert(key.to_string(), value);
    }

    #[inline(never)]
    pub fn str(&mut self, key: &str, value: &str) {
        self.value(key, Value::String(value.to_string()));
    }

    #[inline(never)]
    pub fn string(&mut self, key: &str, value: String) {
        self.value(key, Value::String(value));
    }

    #[inline(never)]
    pub fn bool(&mut self, key: &str, value: bool) {
        self.value(key, Value::Bool(value));
    }

    #[inline(never)]
    pub fn int(&mut self, key: &str, value: i64) {
        self.value(key, Value::from(value));
    }

    #[inline(never)]
    pub fn uint(&mut self, key: &str, value: u64) {
        self.value(key, Value::from(value));
    }

    #[inline(never)]
    pub fn null(&mut self, key: &str) {
        self.value(key, Value::Null);
    }

    /// An array of strings.
    #[inline(never)]
    pub fn strings(&mut self, key: &str, list: &[String]) {
        self.value(key, strings(list));
    }

    /// An array of strings, or `null` when there is no list.
    #[inline(never)]
    pub fn strings_or_null(&mut self, key: &str, list: Option<&[String]>) {
        self.value(key, list.map_or(Value::Null, strings));
    }

    /// An array of strings, or `null` when it is empty.
    #[inline(never)]
    pub fn nonempty_strings(&mut self, key: &str, list: &[String]) {
        self.value(key, if list.is_empty() { Value::Null } else { strings(list) });
    }

    /// An object of `{}` values keyed by `keys` (`ExposedPorts`, `Volumes`).
    #[inline(never)]
    pub fn empty_objects(&mut self, key: &str, keys: &[String]) {
        let m: Map<String, Value> = keys.iter().map(|k| (k.clone(), Value::Object(Map::new()))).collect();
        self.value(key, Value::Object(m));
    }

    /// A run of constant fields, in order.
    #[inline(never)]
    pub fn lits(&mut self, fields: &[(&str, Lit)]) {
        for (key, lit) in fields {
            self.value(key, lit.to_value());
        }
    }

    pub fn into_map(self) -> Map<String, Value> {
        self.0
    }

    pub fn into_value(self) -> Value {
        Value::Object(self.0)
    }
}

/// `map.put("key", value)`: `insert` with a borrowed key, compiled once instead of at every call.
pub trait Put {
    fn put(&mut self, key: &str, value: Value);
}

impl Put for Map<String, Value> {
    #[inline(never)]
    fn put(&mut self, key: &str, value: Value) {
        self.insert(key.to_string(), value);
    }
}

/// An array of strings.
#[inline(never)]
pub fn strings(list: &[String]) -> Value {
    Value::Array(list.iter().map(|s| Value::String(s.clone())).collect())
}

/// An object of string values.
#[inline(never)]
pub fn string_map<'a>(pairs: impl IntoIterator<Item = (&'a String, &'a String)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_match_json_macro_in_order() {
        let mut o = JsonObject::new();
        o.str("Id", "abc");
        o.lits(&[("A", Lit::Int(0)), ("B", Lit::Null), ("C", Lit::EmptyList), ("D", Lit::Strs(&["x", "y"]))]);
        o.bool("Running", true);
        o.int("Neg", -3);
        o.uint("Big", u64::MAX);
        o.strings_or_null("Cmd", None);
        o.nonempty_strings("Env", &["K=V".to_string()]);
        o.empty_objects("Volumes", &["/data".to_string()]);
        o.lits(&[("E", Lit::EmptyObject), ("F", Lit::Str("s")), ("G", Lit::Bool(false))]);
        let want = json!({
            "Id": "abc", "A": 0, "B": null, "C": [], "D": ["x", "y"], "Running": true, "Neg": -3,
            "Big": u64::MAX, "Cmd": null, "Env": ["K=V"], "Volumes": {"/data": {}}, "E": {}, "F": "s", "G": false
        });
        let got = o.into_value();
        assert_eq!(got, want);
        let keys: Vec<&String> = got.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["Id", "A", "B", "C", "D", "Running", "Neg", "Big", "Cmd", "Env", "Volumes", "E", "F", "G"]);
    }

    #[test]
    fn resetting_a_key_keeps_its_place() {
        let mut o = JsonObject::new();
        o.str("A", "1");
        o.str("B", "2");
        o.str("A", "3");
        assert_eq!(serde_json::to_string(&o.into_value()).unwrap_or_default(), r#"{"A":"3","B":"2"}"#);
    }
}
