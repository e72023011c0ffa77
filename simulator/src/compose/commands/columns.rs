//! The column layout of Compose's plain tables (Go's tabwriter as Compose configures it): each column
//! as wide as its widest cell plus `padding`, and at least `min_width`; the last cell unpadded.

/// `compose ls` and `compose images`: columns at least 20 wide, 3 spaces after the widest cell.
pub fn wide_table(rows: &[Vec<String>]) -> String {
    columns(rows, 20, 3)
}

/// Lays `rows` out in columns (see the module docs); every row ends with `\n`.
pub fn columns(rows: &[Vec<String>], min_width: usize, padding: usize) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| rows.iter().filter_map(|r| r.get(i)).map(|c| c.chars().count() + padding).max().unwrap_or(0).max(min_width))
        .collect();
    let mut text = String::new();
    for r in rows {
        let last = r.len().saturating_sub(1);
        for (i, cell) in r.iter().enumerate() {
            text.push_str(cell);
            if i < last {
                let w = widths.get(i).copied().unwrap_or(min_width);
                text.push_str(&" ".repeat(w.saturating_sub(cell.chars().count())));
            }
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_take_the_widest_cell_plus_padding_or_the_minimum() {
        let rows = [row(&["NAME", "STATUS"]), row(&["a-rather-long-project", "running(1)"])];
        // 21 characters + 3 of padding: the first column is 24 wide.
        assert_eq!(wide_table(&rows), format!("NAME{}STATUS\na-rather-long-project   running(1)\n", " ".repeat(20)));
        assert_eq!(wide_table(&[row(&["A", "B"])]), format!("A{}B\n", " ".repeat(19)));
        assert_eq!(columns(&[row(&["UID", "PID", "CMD"]), row(&["root", "1", "sleep"])], 4, 2), "UID   PID  CMD\nroot  1    sleep\n");
    }
}
