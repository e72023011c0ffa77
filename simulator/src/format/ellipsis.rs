//! `formatter.Ellipsis` from docker/cli (`cli/command/formatter/displayutils.go`).

use super::width::ellipsis_char_width;

/// Truncates `s` to at most `max_width` display columns, ending with `…` (U+2026, one column) when
/// something was cut. Docker's quirks are kept: a width of 0 or less gives `""`, a width of 1 gives
/// the first character whatever its width, and a string whose first character is wider than
/// `max_width - 1` is returned whole.
///
/// Used with 20 for `docker ps` COMMAND, 45 for history CREATED BY and search DESCRIPTION, 15 for
/// MOUNTS.
pub fn ellipsis(s: &str, max_width: i64) -> String {
    if max_width <= 0 {
        return String::new();
    }
    if max_width == 1 {
        return s.chars().next().map(String::from).unwrap_or_default();
    }
    let limit = (max_width - 1) as usize;
    if s.is_ascii() {
        if s.len() as i64 <= max_width {
            return s.to_string();
        }
        let mut out = s.get(..limit).unwrap_or(s).to_string();
        out.push('…');
        return out;
    }
    let total: usize = s.chars().map(ellipsis_char_width).sum();
    if total as i64 <= max_width {
        return s.to_string();
    }
    // The longest prefix whose width fits in `max_width - 1` columns, if the first character fits.
    let mut width = 0;
    let mut end = None;
    for (i, c) in s.char_indices() {
        width += ellipsis_char_width(c);
        if width > limit {
            break;
        }
        end = Some(i + c.len_utf8());
    }
    match end {
        Some(end) => {
            let mut out = s.get(..end).unwrap_or(s).to_string();
            out.push('…');
            out
        }
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii() {
        assert_eq!(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20), "/docker-entrypoint.…");
        assert_eq!(ellipsis("docker-entrypoint.sh redis-server", 20), "docker-entrypoint.s…");
        assert_eq!(ellipsis("sleep 5", 20), "sleep 5");
        assert_eq!(ellipsis("12345678901234567890", 20), "12345678901234567890");
        assert_eq!(ellipsis("123456789012345678901", 20), "1234567890123456789…");
    }

    #[test]
    fn small_widths() {
        assert_eq!(ellipsis("abc", 0), "");
        assert_eq!(ellipsis("abc", -3), "");
        assert_eq!(ellipsis("abc", 1), "a");
        assert_eq!(ellipsis("日本", 1), "日");
        assert_eq!(ellipsis("", 1), "");
        assert_eq!(ellipsis("abc", 2), "a…");
    }

    #[test]
    fn wide_characters() {
        // Test cases from docker/cli displayutils_test.go.
        assert_eq!(ellipsis("t🐳ststring", 0), "");
        assert_eq!(ellipsis("t🐳ststring", 1), "t");
        assert_eq!(ellipsis("t🐳ststring", 2), "t…");
        assert_eq!(ellipsis("t🐳ststring", 6), "t🐳st…");
        assert_eq!(ellipsis("t🐳ststring", 20), "t🐳ststring");
        assert_eq!(ellipsis("你好", 0), "");
        assert_eq!(ellipsis("你好", 1), "你");
        assert_eq!(ellipsis("你好", 2), "你好");
        assert_eq!(ellipsis("你好", 3), "你…");
        assert_eq!(ellipsis("你好", 4), "你好");
        assert_eq!(ellipsis("你好世界", 3), "你…");
        assert_eq!(ellipsis("你好世界", 5), "你好…");
        assert_eq!(ellipsis("日本語", 2), "日本語");
    }
}
