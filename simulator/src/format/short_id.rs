//! `stringid.TruncateID`: the 12-character IDs of Docker tables.

/// Strips a `sha256:` (or any `algo:`) prefix and keeps the first 12 characters.
pub fn truncate_id(id: &str) -> &str {
    let id = match id.find(':') {
        Some(i) => id.get(i + 1..).unwrap_or(id),
        None => id,
    };
    match id.char_indices().nth(12) {
        Some((i, _)) => id.get(..i).unwrap_or(id),
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates() {
        let full = "3f2a1b9c8d7e5f6a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a";
        assert_eq!(truncate_id(full), "3f2a1b9c8d7e");
        assert_eq!(truncate_id(&format!("sha256:{full}")), "3f2a1b9c8d7e");
        assert_eq!(truncate_id("abc"), "abc");
        assert_eq!(truncate_id(""), "");
    }
}
