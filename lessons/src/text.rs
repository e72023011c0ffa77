//! Small text helpers shared by the loaders: HTML escaping, accent folding for keywords, and
//! byte offsets turned into line/column positions.

/// Escapes text for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
pub fn escape_html(text: &str) -> String {
    escape(text, true)
}

/// Escapes text as pulldown-cmark escapes text content (`&`, `<`, `>`; quotes kept).
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

fn escape(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Lowercases and removes Spanish accents (`Ejecución` → `ejecucion`, `ningún` → `ningun`), so
/// keywords match however the author typed them. `ñ` stays `ñ`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            other => other,
        })
        .collect()
}

/// A 1-based line and column (in characters) of a byte offset in `text`. Offsets past the end
/// or inside a character are clamped to the previous character boundary.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(escape_html("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("En EJECUCIÓN, ningún Año"), "en ejecucion, ningun año");
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "uno\ndós tres\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 9), (2, 5));
        assert_eq!(line_column(text, 6), (2, 2));
        assert_eq!(line_column(text, 100), (3, 1));
    }
}
