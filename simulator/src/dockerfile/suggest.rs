//! BuildKit's "did you mean …?" suggestions (`util/suggest`): the closest option at a
//! Levenshtein distance under 3, with the case of what was typed.

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The suggestion for `val` among `options`, or `None` (also `None` on an exact match).
pub(crate) fn search(val: &str, options: &[&str], case_sensitive: bool) -> Option<String> {
    if val.chars().count() > 64 {
        return None;
    }
    let v = if case_sensitive { val.to_string() } else { val.to_lowercase() };
    let mut best: Option<String> = None;
    let mut min = 3;
    for opt in options {
        let o = if case_sensitive { opt.to_string() } else { opt.to_lowercase() };
        if v == o {
            return None;
        }
        let d = distance(&v, &o);
        if d < min {
            best = Some(if case_sensitive { o } else { match_case(&o, val) });
            min = d;
        }
    }
    best
}

fn match_case(val: &str, orig: &str) -> String {
    if orig == orig.to_lowercase() {
        val.to_lowercase()
    } else if orig == orig.to_uppercase() {
        val.to_uppercase()
    } else {
        val.to_string()
    }
}

/// `message (did you mean x?)` when there is a suggestion.
pub(crate) fn wrap(message: String, val: &str, options: &[&str], case_sensitive: bool) -> String {
    match search(val, options, case_sensitive) {
        Some(m) => format!("{message} (did you mean {m}?)"),
        None => message,
    }
}
