//! Merging normalised files (`-f a.yml -f b.yml`, `docker-compose.override.yml`) by Compose's rules:
//! mappings merge key by key, `command`/`entrypoint` and scalars are replaced, `ports` are added
//! (without duplicates), `volumes` and `secrets` are merged by target, other lists are appended.

use serde_json::{Map, Value};

/// Merges `over` into `base` (both whole normalised files).
pub fn files(base: &mut Map<String, Value>, over: Map<String, Value>) {
    for (k, v) in over {
        match (k.as_str(), base.get_mut(&k)) {
            ("services", Some(Value::Object(b))) => {
                if let Value::Object(o) = v {
                    for (name, svc) in o {
                        match (b.get_mut(&name), svc) {
                            (Some(Value::Object(bs)), Value::Object(os)) => service(bs, os),
                            (_, svc) => {
                                b.insert(name, svc);
                            }
                        }
                    }
                }
            }
            (_, Some(existing)) => deep(existing, v),
            (_, None) => {
                base.insert(k, v);
            }
        }
    }
}

fn service(base: &mut Map<String, Value>, over: Map<String, Value>) {
    for (k, v) in over {
        let Some(existing) = base.get_mut(&k) else {
            base.insert(k, v);
            continue;
        };
        match (k.as_str(), existing, v) {
            ("command" | "entrypoint", slot, v) => *slot = v,
            ("volumes", Value::Array(b), Value::Array(o)) => by_key(b, o, "target"),
            ("secrets" | "configs", Value::Array(b), Value::Array(o)) => by_key(b, o, "target"),
            (_, Value::Array(b), Value::Array(o)) => {
                for item in o {
                    if !b.contains(&item) {
                        b.push(item);
                    }
                }
            }
            (_, slot, v) => deep(slot, v),
        }
    }
}

/// Entries of `over` replace those of `base` with the same `key` field; new ones are appended.
fn by_key(base: &mut Vec<Value>, over: Vec<Value>, key: &str) {
    for item in over {
        let k = item.get(key).cloned();
        match base.iter_mut().find(|b| k.is_some() && b.get(key) == k.as_ref()) {
            Some(slot) => *slot = item,
            None => base.push(item),
        }
    }
}

/// Mappings merge recursively (keys kept sorted where both sides are sorted); anything else is
/// replaced.
fn deep(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => deep(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}
