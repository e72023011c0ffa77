//! `docker compose top`: the processes of every running container, one table.

use super::containers::{label, of_project, NUMBER, SERVICE};
use super::Ctx;
use crate::output::Output;

pub fn top(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let Some(project) = cx.load_named(&mut out, &[]) else { return out };
    let list: Vec<(String, String, String)> = of_project(cx.engine, &project.name, false)
        .into_iter()
        .filter(|c| cx.args.is_empty() || cx.args.iter().any(|a| a == label(c, SERVICE)))
        .map(|c| (c.id.clone(), label(c, SERVICE).to_string(), label(c, NUMBER).to_string()))
        .collect();
    let mut rows: Vec<Vec<String>> = vec![["SERVICE", "#", "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"].map(String::from).to_vec()];
    for (id, svc, n) in list {
        let r = super::containers::docker(cx, vec!["top".into(), id]);
        for line in r.stdout().lines().skip(1) {
            let mut cells = vec![svc.clone(), n.clone()];
            let mut words = line.split_whitespace();
            for _ in 0..7 {
                cells.push(words.next().unwrap_or_default().to_string());
            }
            cells.push(words.collect::<Vec<&str>>().join(" "));
            rows.push(cells);
        }
    }
    if rows.len() > 1 {
        out.out(table(&rows));
    }
    out
}

/// Go's tabwriter with min width 4 and padding 2, as `compose top` sets it.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols).map(|i| rows.iter().filter_map(|r| r.get(i)).map(|c| c.chars().count() + 2).max().unwrap_or(0).max(4)).collect();
    let mut text = String::new();
    for r in rows {
        let last = r.len().saturating_sub(1);
        for (i, cell) in r.iter().enumerate() {
            text.push_str(cell);
            if i < last {
                text.push_str(&" ".repeat(widths.get(i).copied().unwrap_or(4).saturating_sub(cell.chars().count())));
            }
        }
        text.push('\n');
    }
    text
}
