//! Display width of text, as the Docker CLI measures it.
//!
//! Two measures exist in docker/cli and they differ on purpose:
//! - the table writer (`cli/command/formatter/tabwriter`) uses `go-runewidth`'s `StringWidth`:
//!   control and combining characters are 0 columns wide, East Asian wide characters 2, the rest 1,
//!   and a grapheme cluster counts as the width of its first non-zero-width rune;
//! - `formatter.Ellipsis` uses `golang.org/x/text/width`: East Asian Wide/Fullwidth is 2, every other
//!   rune (combining marks included) is 1.
//!
//! Only the common ranges of the Unicode tables are encoded here (no big crate): all CJK blocks,
//! Hangul, fullwidth forms, the wide emoji blocks and the usual combining/format characters.

/// Sorted, non-overlapping inclusive ranges of East Asian Wide (W) and Fullwidth (F) code points.
const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4),
    (0x17000, 0x18CFF),
    (0x1B000, 0x1B2FF),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F251),
    (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7),
    (0x1F6DC, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
];

/// Sorted inclusive ranges of zero-width code points for `go-runewidth`: combining marks (Mn, Me),
/// format characters and variation selectors.
const ZERO_WIDTH: &[(u32, u32)] = &[
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05BD),
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),
    (0x0600, 0x0605),
    (0x0610, 0x061A),
    (0x061C, 0x061C),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DD),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0711, 0x0711),
    (0x0730, 0x074A),
    (0x07A6, 0x07B0),
    (0x07EB, 0x07F3),
    (0x0816, 0x082D),
    (0x0859, 0x085B),
    (0x08D3, 0x0903),
    (0x093A, 0x093C),
    (0x093E, 0x094F),
    (0x0951, 0x0957),
    (0x0962, 0x0963),
    (0x0981, 0x0983),
    (0x09BC, 0x09BC),
    (0x09BE, 0x09CD),
    (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E),
    (0x0EB1, 0x0EB1),
    (0x0EB4, 0x0EBC),
    (0x0EC8, 0x0ECD),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x20D0, 0x20FF),
    (0x302A, 0x302F),
    (0x3099, 0x309A),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF),
    (0x1F3FB, 0x1F3FF),
    (0xE0000, 0xE0FFF),
];

fn in_table(c: u32, table: &[(u32, u32)]) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` is East Asian Wide or Fullwidth (2 columns in a terminal).
pub fn is_wide(c: char) -> bool {
    let c = c as u32;
    c >= 0x1100 && in_table(c, WIDE)
}

/// Width of one rune as `go-runewidth`'s `RuneWidth` (non East-Asian locale): 0, 1 or 2.
pub fn rune_width(c: char) -> usize {
    let u = c as u32;
    if u < 0x20 || (0x7F..=0x9F).contains(&u) || u == 0xAD {
        return 0;
    }
    if u < 0x300 {
        return 1;
    }
    if in_table(u, ZERO_WIDTH) {
        return 0;
    }
    if is_wide(c) {
        return 2;
    }
    1
}

/// Whether `c` continues the grapheme cluster started before it (extenders, ZWJ sequences).
fn extends_cluster(c: char) -> bool {
    let u = c as u32;
    u == 0x200D || (0xFE00..=0xFE0F).contains(&u) || (0x1F3FB..=0x1F3FF).contains(&u) || {
        // Combining marks extend the previous cluster.
        u >= 0x300 && in_table(u, ZERO_WIDTH) && !(0x200B..=0x200C).contains(&u) && u != 0xFEFF
    }
}

/// Display width of `s` as `go-runewidth`'s `StringWidth` (used by Docker's table writer).
///
/// A grapheme cluster counts as the width of its first rune of non-zero width; clusters are
/// approximated as a base character followed by combining marks, variation selectors, emoji
/// modifiers, and ZWJ-joined characters.
pub fn string_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| *b >= 0x20 && *b != 0x7F).count();
    }
    let mut total = 0;
    let mut cluster_width = 0;
    let mut in_cluster = false;
    let mut joined = false;
    for c in s.chars() {
        let continues = in_cluster && (joined || extends_cluster(c));
        if !continues {
            total += cluster_width;
            cluster_width = 0;
        }
        if cluster_width == 0 {
            cluster_width = rune_width(c);
        }
        in_cluster = true;
        joined = c == '\u{200D}';
    }
    total + cluster_width
}

/// Width of one rune as `golang.org/x/text/width` judges it in `formatter.Ellipsis`: 2 for East Asian
/// Wide/Fullwidth, 1 for anything else (combining marks included).
pub fn ellipsis_char_width(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

/// Whether Go's `unicode.IsPrint` (and `strconv.IsPrint`) holds for `c`: letters, marks, numbers,
/// punctuation, symbols and the ASCII space. Controls, format characters, separators other than
/// U+0020, surrogates, private use and non-characters are not printable. Unassigned code points are
/// approximated as printable except for the ranges listed here.
pub fn is_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7F..=0x9F).contains(&u) {
        return false;
    }
    if u < 0xA0 {
        return true;
    }
    !matches!(u,
        0xA0 | 0xAD
        | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2
        | 0x1680 | 0x180E
        | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000
        | 0xD800..=0xDFFF | 0xE000..=0xF8FF
        | 0xFDD0..=0xFDEF | 0xFEFF | 0xFFF0..=0xFFFB | 0xFFFE..=0xFFFF
        | 0x110BD | 0x110CD | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF | 0xF0000..=0x10FFFF
    ) && (u & 0xFFFE) != 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_one_column_per_byte() {
        assert_eq!(string_width("CONTAINER ID"), 12);
        assert_eq!(string_width(""), 0);
        assert_eq!(string_width("a\u{7}b"), 2);
    }

    #[test]
    fn wide_and_combining() {
        assert_eq!(string_width("日本語"), 6);
        assert_eq!(string_width("ｱ"), 1); // halfwidth katakana
        assert_eq!(string_width("Ａ"), 2); // fullwidth A
        assert_eq!(string_width("é"), 1);
        assert_eq!(string_width("e\u{301}"), 1);
        assert_eq!(string_width("ñandú"), 5);
        assert_eq!(string_width("🐳"), 2);
        assert_eq!(string_width("👍🏽"), 2);
        assert_eq!(string_width("👨\u{200D}👩\u{200D}👧"), 2);
        assert_eq!(string_width("…"), 1);
    }

    #[test]
    fn ellipsis_width_counts_marks() {
        assert_eq!(ellipsis_char_width('\u{301}'), 1);
        assert_eq!(ellipsis_char_width('日'), 2);
        assert_eq!(ellipsis_char_width('a'), 1);
    }

    #[test]
    fn printable() {
        assert!(is_print('a'));
        assert!(is_print(' '));
        assert!(is_print('ñ'));
        assert!(is_print('日'));
        assert!(is_print('\u{FFFD}'));
        assert!(!is_print('\n'));
        assert!(!is_print('\u{7F}'));
        assert!(!is_print('\u{A0}'));
        assert!(!is_print('\u{200B}'));
        assert!(!is_print('\u{2028}'));
        assert!(!is_print('\u{FEFF}'));
        assert!(!is_print('\u{E000}'));
        assert!(!is_print('\u{10FFFF}'));
    }
}
