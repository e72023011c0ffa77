//! `docker compose top`: the processes of every running container, one table.

use super::columns::columns;
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
        // Go's tabwriter with min width 4 and padding 2, as `compose top` sets it.
        out.out(columns(&rows, 4, 2));
    }
    out
}
