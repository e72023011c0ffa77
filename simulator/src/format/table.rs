//! Docker's table writer: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)` from
//! `docker/cli/cli/command/formatter`, a fork of Go's `text/tabwriter` measuring cells with
//! `go-runewidth`.
//!
//! Rules (Go's elastic tabstops): text is cut into cells terminated by `\t`, `\v`, `\n` or `\f`;
//! `\n` and `\f` end a line. Tab-terminated cells of *adjacent* lines form a column; every cell of a
//! column is padded with spaces to `max(10, widest cell + 3)`. The last cell of a line (the text
//! before the line break) belongs to no column and is written unpadded. `\f` also ends every column
//! (the lines after it are aligned on their own) and is written as `\n`.
//!
//! Go computes this recursively; here it is a single pass that keeps one open block per column, so
//! the work is linear in the size of the text whatever its shape.

use super::width::string_width;

const MIN_WIDTH: usize = 10;
const PADDING: usize = 3;

struct Cell {
    start: usize,
    end: usize,
    width: usize,
}

struct Line {
    cells: Vec<Cell>,
    /// Block id (index into the widths table) of each aligned cell (all cells but the last).
    blocks: Vec<usize>,
    /// Whether a line break follows this line in the input.
    terminated: bool,
}

/// Aligns tab-separated text as Docker's table writer does and returns the result.
pub fn tabwrite(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut segment_start = 0;
    // A form feed flushes the writer: each segment is aligned on its own.
    for (i, b) in text.bytes().enumerate() {
        if b == b'\x0c' {
            let segment = text.get(segment_start..=i).unwrap_or("");
            write_segment(segment, &mut out);
            segment_start = i + 1;
        }
    }
    write_segment(text.get(segment_start..).unwrap_or(""), &mut out);
    out
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut cells = Vec::new();
    let mut cell_start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'\t' | b'\x0b' | b'\n' | b'\x0c' => {
                let cell_text = text.get(cell_start..i).unwrap_or("");
                cells.push(Cell { start: cell_start, end: i, width: string_width(cell_text) });
                cell_start = i + 1;
                if b == b'\n' || b == b'\x0c' {
                    lines.push(Line {
                        cells: std::mem::take(&mut cells),
                        blocks: Vec::new(),
                        terminated: true,
                    });
                }
            }
            _ => {}
        }
    }
    if cell_start < text.len() {
        let cell_text = text.get(cell_start..).unwrap_or("");
        cells.push(Cell { start: cell_start, end: text.len(), width: string_width(cell_text) });
    }
    if !cells.is_empty() {
        lines.push(Line { cells, blocks: Vec::new(), terminated: false });
    }
    lines
}

fn write_segment(text: &str, out: &mut String) {
    let mut lines = split_lines(text);
    // One pass: `open[j]` is the block currently collecting column j.
    let mut widths: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for line in &mut lines {
        let aligned = line.cells.len().saturating_sub(1);
        open.truncate(aligned);
        line.blocks.reserve(aligned);
        for (j, cell) in line.cells.iter().take(aligned).enumerate() {
            let block = match open.get(j) {
                Some(&b) => b,
                None => {
                    widths.push(MIN_WIDTH);
                    open.push(widths.len() - 1);
                    widths.len() - 1
                }
            };
            if let Some(w) = widths.get_mut(block) {
                *w = (*w).max(cell.width + PADDING);
            }
            line.blocks.push(block);
        }
    }
    for line in &lines {
        for (j, cell) in line.cells.iter().enumerate() {
            out.push_str(text.get(cell.start..cell.end).unwrap_or(""));
            if let Some(&block) = line.blocks.get(j) {
                let width = widths.get(block).copied().unwrap_or(MIN_WIDTH);
                for _ in cell.width..width {
                    out.push(' ');
                }
            }
        }
        if line.terminated {
            out.push('\n');
        }
    }
}

/// Renders rows of cells (header row included by the caller) as a Docker table: cells joined with
/// tabs, one line per row, aligned with [`tabwrite`]. Every row ends with `\n`.
pub fn render(rows: &[Vec<String>]) -> String {
    let mut text = String::with_capacity(rows.iter().map(|r| r.iter().map(|c| c.len() + 1).sum::<usize>()).sum());
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            text.push_str(cell);
        }
        text.push('\n');
    }
    tabwrite(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn empty_ps_header() {
        let out = render(&[row(&["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"])]);
        assert_eq!(out, "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    }

    #[test]
    fn typical_ps_table() {
        let out = render(&[
            row(&["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]),
            row(&[
                "3f2a1b9c8d7e",
                "nginx:1.27",
                "\"/docker-entrypoint.…\"",
                "2 minutes ago",
                "Up 2 minutes",
                "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp",
                "web",
            ]),
            row(&[
                "9a8b7c6d5e4f",
                "redis:7",
                "\"docker-entrypoint.s…\"",
                "About an hour ago",
                "Up About an hour (Paused)",
                "6379/tcp",
                "cache",
            ]),
            row(&["1c2d3e4f5a6b", "alpine", "\"sleep 5\"", "3 hours ago", "Exited (0) 3 hours ago", "", "tmp"]),
        ]);
        let want = "\
CONTAINER ID   IMAGE        COMMAND                  CREATED             STATUS                      PORTS                                     NAMES
3f2a1b9c8d7e   nginx:1.27   \"/docker-entrypoint.…\"   2 minutes ago       Up 2 minutes                0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
9a8b7c6d5e4f   redis:7      \"docker-entrypoint.s…\"   About an hour ago   Up About an hour (Paused)   6379/tcp                                  cache
1c2d3e4f5a6b   alpine       \"sleep 5\"                3 hours ago         Exited (0) 3 hours ago                                                tmp
";
        assert_eq!(out, want);
    }

    #[test]
    fn empty_last_column_leaves_trailing_spaces() {
        let out = render(&[
            row(&["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"]),
            row(&["<missing>", "2 weeks ago", "/bin/sh -c #(nop)  CMD [\"node\"]", "0B", ""]),
        ]);
        let want = "\
IMAGE       CREATED       CREATED BY                        SIZE      COMMENT
<missing>   2 weeks ago   /bin/sh -c #(nop)  CMD [\"node\"]   0B        \n";
        assert_eq!(out, want);
    }

    #[test]
    fn wide_characters_use_display_width() {
        let out = render(&[row(&["NAME", "X"]), row(&["日本語のなまえ", "y"])]);
        assert_eq!(out, "NAME             X\n日本語のなまえ   y\n");
    }

    #[test]
    fn columns_are_blocks_of_adjacent_lines() {
        // Go's own example: b and c are in distinct columns; d and e are in no column.
        let out = tabwrite("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n");
        let want = "\
aaaa      bbb       d
aa        b         dd
a         \naa        cccc      eee\n";
        assert_eq!(out, want);
    }

    #[test]
    fn unterminated_text_and_trailing_tab() {
        assert_eq!(tabwrite("a\tb"), "a         b");
        assert_eq!(tabwrite("abc\t"), "abc");
        assert_eq!(tabwrite("abc\t\n"), "abc       \n");
        assert_eq!(tabwrite(""), "");
        assert_eq!(tabwrite("\n\n"), "\n\n");
    }

    #[test]
    fn form_feed_flushes_columns() {
        let out = tabwrite("a\tb\n\x0clonger-cell\tc\n");
        assert_eq!(out, "a         b\n\nlonger-cell   c\n");
    }

    #[test]
    fn thousand_rows_render_quickly_and_linearly() {
        let mut rows = vec![row(&["CONTAINER ID", "IMAGE", "NAMES"])];
        for i in 0..1000 {
            rows.push(vec![format!("{i:012x}"), "nginx:1.27".to_string(), format!("web-{i}")]);
        }
        let out = render(&rows);
        assert_eq!(out.lines().count(), 1001);
        assert!(out.lines().all(|l| l.find("   ").is_some()));
        assert_eq!(out.lines().nth(1), Some("000000000000   nginx:1.27   web-0"));
    }
}
