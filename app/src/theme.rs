//! Light and dark themes. Without a choice the page follows the system (`prefers-color-scheme`);
//! the toggle stores the learner's choice, which then wins.

/// Where the choice is kept in browser storage.
pub const THEME_KEY: &str = "muelle.tema";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// A stored choice (`claro`, `oscuro`); anything else is no choice.
    pub fn from_stored(text: &str) -> Option<Theme> {
        match text.trim() {
            "claro" => Some(Theme::Light),
            "oscuro" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn stored(self) -> &'static str {
        match self {
            Theme::Light => "claro",
            Theme::Dark => "oscuro",
        }
    }

    /// The value of `data-theme` on `<html>` (the CSS reads it).
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    /// The toggle's label: what pressing it does.
    pub fn switch_label(self) -> &'static str {
        match self {
            Theme::Light => "Cambiar al tema oscuro",
            Theme::Dark => "Cambiar al tema claro",
        }
    }

    /// The theme in use: the stored choice, else the system's.
    pub fn effective(stored: Option<Theme>, system_prefers_dark: bool) -> Theme {
        stored.unwrap_or(if system_prefers_dark { Theme::Dark } else { Theme::Light })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_choice_wins_over_the_system() {
        assert_eq!(Theme::effective(None, true), Theme::Dark);
        assert_eq!(Theme::effective(None, false), Theme::Light);
        assert_eq!(Theme::effective(Some(Theme::Light), true), Theme::Light);
    }

    #[test]
    fn stored_values_read_back() {
        for t in [Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_stored(t.stored()), Some(t));
            assert_ne!(t.other(), t);
        }
        assert_eq!(Theme::from_stored("azul"), None);
        assert_eq!(Theme::Dark.switch_label(), "Cambiar al tema claro");
    }
}
