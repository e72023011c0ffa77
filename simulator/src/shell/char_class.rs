//! Bracket expressions (`[a-z]`, `[!x]`, `[[:alpha:]]`) once parsed: what they hold and which
//! characters they match, for both the shell's globs (`shell::glob`) and `grep`'s regular
//! expressions (`shell::builtins::regex`).
//!
//! The two *parsers* stay apart on purpose: a glob bracket (POSIX "pattern matching notation")
//! and a regex bracket (POSIX RE bracket expression) are different grammars. A glob negates with
//! `!` or `^`, lets `\` quote a character and reads an unclosed `[` or `[:` as literal text, with
//! no checks on class names or range order; a regex negates only with `^`, takes `\` literally,
//! knows `[.x.]` and `[=x=]`, and rejects an unclosed bracket, an unknown class name or a
//! reversed range with GNU grep's errors.

/// Which of the two users reads the class names (they differ in two details, see `named`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Bash's pathname patterns.
    Glob,
    /// GNU grep's regular expressions.
    Regex,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ClassItem {
    Char(char),
    Range(char, char),
    /// `[:name:]`.
    Named(String),
}

/// A parsed bracket expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharClass {
    pub negated: bool,
    pub items: Vec<ClassItem>,
}

impl CharClass {
    /// True if one of the items holds `c` (negation not applied).
    pub(crate) fn holds(&self, c: char, dialect: Dialect) -> bool {
        self.items.iter().any(|item| match item {
            ClassItem::Char(x) => *x == c,
            ClassItem::Range(a, b) => *a <= c && c <= *b,
            ClassItem::Named(name) => named(name, c, dialect),
        })
    }

    /// True if the class matches `c`.
    pub(crate) fn matches(&self, c: char, dialect: Dialect) -> bool {
        self.holds(c, dialect) != self.negated
    }
}

/// True if `c` is in the named class `[:name:]`; unknown names hold nothing. The regex dialect also
/// knows `word` (behind `\w`, `\W` and `-w`), and its `graph` leaves out every white-space
/// character where the glob's leaves out only the space.
pub(crate) fn named(name: &str, c: char, dialect: Dialect) -> bool {
    match name {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_control(),
        "print" => !c.is_control(),
        "graph" => match dialect {
            Dialect::Glob => !c.is_control() && c != ' ',
            Dialect::Regex => !c.is_control() && !c.is_whitespace(),
        },
        "word" => dialect == Dialect::Regex && (c.is_alphanumeric() || c == '_'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_negation() {
        let class = CharClass {
            negated: false,
            items: vec![ClassItem::Char('_'), ClassItem::Range('a', 'c'), ClassItem::Named("digit".into())],
        };
        for dialect in [Dialect::Glob, Dialect::Regex] {
            assert!(class.matches('b', dialect));
            assert!(class.matches('_', dialect));
            assert!(class.matches('7', dialect));
            assert!(!class.matches('d', dialect));
        }
        let negated = CharClass { negated: true, ..class };
        assert!(!negated.matches('b', Dialect::Glob));
        assert!(negated.matches('d', Dialect::Glob));
        assert!(negated.holds('b', Dialect::Glob));
        let reversed = CharClass { negated: false, items: vec![ClassItem::Range('z', 'a')] };
        assert!(!reversed.matches('m', Dialect::Glob));
    }

    #[test]
    fn dialects_differ_in_graph_and_word() {
        assert!(named("word", 'a', Dialect::Regex));
        assert!(named("word", '_', Dialect::Regex));
        assert!(!named("word", 'a', Dialect::Glob));
        // U+00A0 NO-BREAK SPACE: white space, but neither control nor ' '.
        assert!(named("graph", '\u{a0}', Dialect::Glob));
        assert!(!named("graph", '\u{a0}', Dialect::Regex));
        for dialect in [Dialect::Glob, Dialect::Regex] {
            assert!(!named("graph", ' ', dialect));
            assert!(named("graph", 'x', dialect));
            assert!(named("print", ' ', dialect));
            assert!(named("xdigit", 'F', dialect));
            assert!(!named("nope", 'a', dialect));
        }
    }
}
