//! The layout rules `ls` shares between the learner's host shell (`shell::builtins::ls`, GNU) and
//! containers (`engine::userland::listing`, GNU or BusyBox): C-locale name order, `-h` sizes,
//! GNU's aligned `-l` columns and GNU's vertical columns with tab padding, the order of `-R`
//! and the blocks of a multi-directory listing.

use std::collections::VecDeque;

/// Sorts by name in C-locale (byte) order, then reverses for `-r`.
pub(crate) fn sort_by_name<T>(entries: &mut [T], name: impl Fn(&T) -> &str, reverse: bool) {
    crate::sort::sort_by(entries, |a, b| name(a).as_bytes().cmp(name(b).as_bytes()));
    if reverse {
        entries.reverse();
    }
}

/// `-R`: a directory's subdirectories (shown name, path) go to the front of the queue, in order,
/// so that each is listed right after its parent.
pub(crate) fn queue_subdirs(pending: &mut VecDeque<(String, String)>, subdirs: Vec<(String, String)>) {
    for sub in subdirs.into_iter().rev() {
        pending.push_front(sub);
    }
}

/// One directory's block: a blank line before it unless it is the first thing printed, and
/// `NAME:` above it when several operands are listed or with `-R`.
pub(crate) fn directory_block(first: bool, header: Option<&str>, listing: &str) -> String {
    let mut block = String::new();
    if !first {
        block.push('\n');
    }
    if let Some(name) = header {
        block.push_str(name);
        block.push_str(":\n");
    }
    block.push_str(listing);
    block
}

/// `-h` sizes, rounded up: `512`, `4.0K`, `1.5M`, `12K`. A value that rounds up to ten shows as
/// `10K` when `whole_at_ten` (GNU on the host) and as `10.0K` otherwise (containers).
pub(crate) fn human_size(size: u64, whole_at_ten: bool) -> String {
    if size < 1024 {
        return size.to_string();
    }
    let units = ['K', 'M', 'G', 'T'];
    let mut value = size as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    let u = units.get(unit).copied().unwrap_or('T');
    if value < 10.0 {
        let tenths = (value * 10.0).ceil() / 10.0;
        if whole_at_ten && tenths >= 10.0 {
            format!("{}{u}", tenths.ceil() as u64)
        } else {
            format!("{tenths:.1}{u}")
        }
    } else {
        format!("{}{u}", value.ceil() as u64)
    }
}

/// One `ls -l` line's fields: mode, links, owner, group, size, time, name (with `-> target`).
pub(crate) type LongRow = [String; 7];

/// GNU's `-l` lines: links and sizes right-aligned, owners and groups left-aligned, each column as
/// wide as its widest entry.
pub(crate) fn gnu_long_lines(rows: &[LongRow]) -> String {
    let width = |i: usize| rows.iter().map(|r| r.get(i).map_or(0, String::len)).max().unwrap_or(0);
    let (wl, wo, wg, ws) = (width(1), width(2), width(3), width(4));
    let mut text = String::new();
    for [mode, links, owner, group, size, time, name] in rows {
        text.push_str(&format!("{mode} {links:>wl$} {owner:<wo$} {group:<wg$} {size:>ws$} {time} {name}\n"));
    }
    text
}

/// GNU's vertical column layout: as many columns as fit in `width`, each as wide as its longest
/// name plus two, filled top to bottom, padded with tabs where they fit.
pub(crate) fn gnu_columns(names: &[&str], width: usize) -> String {
    const MIN_COLUMN_WIDTH: usize = 3;
    let count = names.len();
    if count == 0 {
        return String::new();
    }
    let lengths: Vec<usize> = names.iter().map(|n| n.chars().count()).collect();
    let max_cols = (width / MIN_COLUMN_WIDTH).clamp(1, count);
    let mut chosen: (usize, Vec<usize>) = (1, vec![0]);
    for cols in 1..=max_cols {
        let rows = count.div_ceil(cols);
        let mut widths = vec![MIN_COLUMN_WIDTH; cols];
        for (index, len) in lengths.iter().enumerate() {
            let col = index / rows;
            let real = len + if col + 1 == cols { 0 } else { 2 };
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(real);
            }
        }
        if widths.iter().sum::<usize>() < width {
            chosen = (cols, widths);
        }
    }
    let (cols, widths) = chosen;
    let rows = count.div_ceil(cols);
    let mut text = String::new();
    for row in 0..rows {
        let (mut col, mut index, mut pos) = (0, row, 0);
        while let (Some(name), Some(len)) = (names.get(index), lengths.get(index)) {
            text.push_str(name);
            index += rows;
            if index >= count {
                break;
            }
            let w = widths.get(col).copied().unwrap_or(0);
            indent(&mut text, pos + len, pos + w);
            pos += w;
            col += 1;
        }
        text.push('\n');
    }
    text
}

/// GNU ls's padding: tabs (every 8 columns) where they fit, spaces otherwise.
fn indent(text: &mut String, mut from: usize, to: usize) {
    const TAB_SIZE: usize = 8;
    while from < to {
        if to / TAB_SIZE > (from + 1) / TAB_SIZE {
            text.push('\t');
            from += TAB_SIZE - from % TAB_SIZE;
        } else {
            text.push(' ');
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_columns_like_gnu() {
        assert_eq!(gnu_columns(&["Dockerfile", "a.txt", "app"], 80), "Dockerfile  a.txt  app\n");
        let many: Vec<String> = (1..=30).map(|i| format!("file-{i:02}.txt")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let text = gnu_columns(&refs, 80);
        assert_eq!(text.lines().next(), Some("file-01.txt  file-06.txt  file-11.txt  file-16.txt  file-21.txt  file-26.txt"));
        assert_eq!(text.lines().count(), 5);
        // Same names as a real `COLUMNS=80 ls -C` run, tabs included.
        let names = ["a", "bb", "ccc", "dddddddddddddddddddddddddddddd", "eeeeeeeeeeeeeeeeeeeeeee", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"];
        assert_eq!(
            gnu_columns(&names, 80),
            "a    dddddddddddddddddddddddddddddd  g\tj  m  p  s  v  y\n\
             bb   eeeeeeeeeeeeeeeeeeeeeee\t     h\tk  n  q  t  w  z\n\
             ccc  f\t\t\t\t     i\tl  o  r  u  x\n"
        );
        assert_eq!(gnu_columns(&["x"; 0], 80), "");
    }

    #[test]
    fn human_sizes_round_up() {
        for whole_at_ten in [true, false] {
            assert_eq!(human_size(512, whole_at_ten), "512");
            assert_eq!(human_size(4096, whole_at_ten), "4.0K");
            assert_eq!(human_size(10_000, whole_at_ten), "9.8K");
            assert_eq!(human_size(1_500_000, whole_at_ten), "1.5M");
            assert_eq!(human_size(20_000, whole_at_ten), "20K");
        }
    }

    #[test]
    fn human_size_at_ten_differs_between_host_and_container() {
        // 10,200 bytes are 9.96 KiB, which round up to ten.
        assert_eq!(human_size(10_200, true), "10K");
        assert_eq!(human_size(10_200, false), "10.0K");
        assert_eq!(human_size(10 * 1024 * 1024 - 1, true), "10M");
        assert_eq!(human_size(10 * 1024 * 1024 - 1, false), "10.0M");
    }

    #[test]
    fn long_lines_align_like_gnu() {
        let row = |links: &str, owner: &str, size: &str, name: &str| -> LongRow {
            ["drwxr-xr-x", links, owner, "root", size, "Nov 15 10:00", name].map(String::from)
        };
        let rows = [row("2", "root", "4096", "a"), row("12", "learner", "7", "b")];
        assert_eq!(
            gnu_long_lines(&rows),
            "drwxr-xr-x  2 root    root 4096 Nov 15 10:00 a\n\
             drwxr-xr-x 12 learner root    7 Nov 15 10:00 b\n"
        );
        let mut names = vec!["b", "B", "a", ".x"];
        sort_by_name(&mut names, |n| n, false);
        assert_eq!(names, [".x", "B", "a", "b"]);
        sort_by_name(&mut names, |n| n, true);
        assert_eq!(names, ["b", "a", "B", ".x"]);
    }

    #[test]
    fn blocks_and_recursion_order() {
        assert_eq!(directory_block(true, None, "a\n"), "a\n");
        assert_eq!(directory_block(false, Some("./sub"), "b\n"), "\n./sub:\nb\n");
        let mut pending: VecDeque<(String, String)> = vec![("z".to_string(), "z".to_string())].into();
        queue_subdirs(&mut pending, vec![("x/a".into(), "x/a".into()), ("x/b".into(), "x/b".into())]);
        let order: Vec<&str> = pending.iter().map(|(shown, _)| shown.as_str()).collect();
        assert_eq!(order, ["x/a", "x/b", "z"]);
    }
}
