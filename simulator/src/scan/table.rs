//! Trivy's table output (`pkg/report/table`): a title per target, the `Total:` line, and a
//! box-drawing table (`aquasecurity/table`) with row lines, centred headers and equal adjacent
//! cells of a column merged; secrets and misconfigurations as text blocks.

use super::report::{CodeLine, Misconf, Report, ScanResult, Secret};
use super::severity::Severity;

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn centre(s: &str, w: usize) -> String {
    let total = w.saturating_sub(width(s));
    let left = total / 2;
    format!("{}{s}{}", " ".repeat(left), " ".repeat(total - left))
}

/// A box table whose equal, non-empty adjacent cells of a column are merged.
pub fn box_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let cols = headers.len();
    let cell = |r: usize, c: usize| rows.get(r).and_then(|row| row.get(c)).map(String::as_str).unwrap_or("");
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for r in 0..rows.len() {
        for (c, w) in widths.iter_mut().enumerate() {
            for line in cell(r, c).split('\n') {
                *w = (*w).max(width(line));
            }
        }
    }
    // merged[r][c]: row r continues the cell above it.
    let merged = |r: usize, c: usize| r > 0 && !cell(r, c).is_empty() && cell(r, c) == cell(r - 1, c);
    let rule = |left: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let mut out = rule("┌", "┬", "┐");
    out.push_str(&format!("│{}│\n", widths.iter().zip(headers).map(|(w, h)| format!(" {} ", centre(h, *w))).collect::<Vec<_>>().join("│")));
    out.push_str(&rule("├", "┼", "┤"));
    for r in 0..rows.len() {
        if r > 0 {
            let mut line = String::from(if merged(r, 0) { "│" } else { "├" });
            for (c, w) in widths.iter().enumerate() {
                let m = merged(r, c);
                line.push_str(&if m { " ".repeat(w + 2) } else { "─".repeat(w + 2) });
                let next = if c + 1 < cols { Some(merged(r, c + 1)) } else { None };
                line.push_str(match (m, next) {
                    (true, None) => "│",
                    (false, None) => "┤",
                    (true, Some(true)) => "│",
                    (true, Some(false)) => "├",
                    (false, Some(true)) => "┤",
                    (false, Some(false)) => "┼",
                });
            }
            out.push_str(&line);
            out.push('\n');
        }
        let texts: Vec<Vec<&str>> = (0..cols).map(|c| if merged(r, c) { vec![""] } else { cell(r, c).split('\n').collect() }).collect();
        let height = texts.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let parts: Vec<String> = texts.iter().zip(&widths).map(|(t, w)| format!(" {} ", pad(t.get(k).copied().unwrap_or(""), *w))).collect();
            out.push_str(&format!("│{}│\n", parts.join("│")));
        }
    }
    out.push_str(&rule("└", "┴", "┘"));
    out
}

/// `Total: N (UNKNOWN: a, LOW: b, …)` for the selected severities.
fn total_line(label: &str, counts: [usize; 5], selected: &[Severity]) -> String {
    let total: usize = selected.iter().map(|s| counts.get(*s as usize).copied().unwrap_or(0)).sum();
    let parts: Vec<String> = Severity::ALL.iter().filter(|s| selected.contains(s)).map(|s| format!("{}: {}", s.as_str(), counts.get(*s as usize).copied().unwrap_or(0))).collect();
    format!("{label}: {total} ({})\n", parts.join(", "))
}

fn target_title(title: &str) -> String {
    format!("\n{title}\n{}\n", "=".repeat(width(title)))
}

/// The Title cell: the first 12 words (Trivy's cut) and the advisory's address.
fn title_cell(title: &str, description: &str, url: &str) -> String {
    let text = if title.is_empty() { description } else { title };
    let words: Vec<&str> = text.split(' ').collect();
    let cut = if words.len() >= 12 { format!("{}...", words.get(..12).unwrap_or(&words).join(" ")) } else { text.to_string() };
    if url.is_empty() {
        cut
    } else {
        format!("{cut}\n{url}")
    }
}

/// The whole report as Trivy's table format prints it.
pub fn render(report: &Report, selected: &[Severity]) -> String {
    let mut out = String::new();
    for r in &report.results {
        out.push_str(&render_result(r, selected));
    }
    out
}

fn render_result(r: &ScanResult, selected: &[Severity]) -> String {
    let mut out = String::new();
    let show_vulns = r.class == "os-pkgs" || !r.vulns.is_empty();
    if (r.class == "os-pkgs" || r.class == "lang-pkgs") && show_vulns {
        let title = if r.class == "lang-pkgs" { format!("{} ({})", r.target, r.kind) } else { r.target.clone() };
        out.push_str(&target_title(&title));
        out.push_str(&total_line("Total", r.counts(), selected));
        out.push('\n');
        if !r.vulns.is_empty() {
            let rows: Vec<Vec<String>> = r
                .vulns
                .iter()
                .map(|v| {
                    // Language packages show the file they were read from (`lodash (package.json)`).
                    let library = match v.pkg_path.rsplit('/').next().filter(|f| !f.is_empty()) {
                        Some(file) => format!("{} ({file})", v.pkg_name),
                        None => v.pkg_name.clone(),
                    };
                    vec![
                        library,
                        v.id.clone(),
                        v.severity.as_str().to_string(),
                        v.status.clone(),
                        v.installed.clone(),
                        v.fixed.clone(),
                        title_cell(&v.title, &v.description, &v.primary_url),
                    ]
                })
                .collect();
            out.push_str(&box_table(&["Library", "Vulnerability", "Severity", "Status", "Installed Version", "Fixed Version", "Title"], &rows));
        }
    }
    if !r.secrets.is_empty() {
        out.push_str(&target_title(&format!("{} (secrets)", r.target)));
        let counts = ScanResult { secrets: r.secrets.clone(), ..ScanResult::default() }.counts();
        out.push_str(&total_line("Total", counts, selected));
        out.push('\n');
        for s in &r.secrets {
            out.push_str(&render_secret(&r.target, s));
        }
    }
    if let Some((ok, failed)) = r.misconf_summary {
        out.push_str(&target_title(&format!("{} ({})", r.target, r.kind)));
        out.push_str(&format!("Tests: {} (SUCCESSES: {ok}, FAILURES: {failed})\n", ok + failed));
        let counts = ScanResult { misconfigs: r.misconfigs.clone(), ..ScanResult::default() }.counts();
        out.push_str(&total_line("Failures", counts, selected));
        out.push('\n');
        for m in &r.misconfigs {
            out.push_str(&render_misconf(&r.target, m));
        }
    }
    out
}

const DOUBLE: &str = "════════════════════════════════════════";
const SINGLE: &str = "────────────────────────────────────────";

fn code_lines(code: &[CodeLine]) -> String {
    code.iter().map(|l| if l.is_cause { format!("{:>4} [ {}\n", l.number, l.content) } else { format!("{:>4}   {}\n", l.number, l.content) }).collect()
}

fn render_secret(target: &str, s: &Secret) -> String {
    let mut line_info = format!("{target}:{}", s.start_line);
    if s.end_line > s.start_line {
        line_info = format!("{line_info}-{}", s.end_line);
    }
    if !s.layer_diff_id.is_empty() {
        let short: String = s.layer_diff_id.trim_start_matches("sha256:").chars().take(12).collect();
        line_info = format!("{line_info} (added in layer '{short}')");
    }
    format!(
        "{}: {} ({})\n{DOUBLE}\n{}\n{SINGLE}\n {line_info}\n{SINGLE}\n{}{SINGLE}\n\n\n",
        s.severity.as_str(),
        s.category,
        s.rule_id,
        s.title,
        code_lines(&s.code)
    )
}

fn render_misconf(target: &str, m: &Misconf) -> String {
    let mut out = format!(
        "{} ({}): {}\n{DOUBLE}\n{}\n\nSee https://avd.aquasec.com/misconfig/{}\n{SINGLE}\n",
        m.id,
        m.severity.as_str(),
        m.message,
        m.description,
        m.id.to_ascii_lowercase()
    );
    if !m.code.is_empty() {
        let lines = if m.end_line > m.start_line { format!("{target}:{}-{}", m.start_line, m.end_line) } else { format!("{target}:{}", m.start_line) };
        out.push_str(&format!(" {lines}\n{SINGLE}\n{}{SINGLE}\n", code_lines(&m.code)));
    }
    out.push_str("\n\n");
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    #[test]
    fn trivys_golden_table() {
        // aquasecurity/trivy pkg/report/table/vulnerability_test.go
        let rows = vec![vec![
            "foo".to_string(),
            "CVE-2020-0001".to_string(),
            "HIGH".to_string(),
            "will_not_fix".to_string(),
            "1.2.3".to_string(),
            String::new(),
            "foobar\nhttps://avd.aquasec.com/nvd/cve-2020-0001".to_string(),
        ]];
        let want = "\
┌─────────┬───────────────┬──────────┬──────────────┬───────────────────┬───────────────┬───────────────────────────────────────────┐
│ Library │ Vulnerability │ Severity │    Status    │ Installed Version │ Fixed Version │                   Title                   │
├─────────┼───────────────┼──────────┼──────────────┼───────────────────┼───────────────┼───────────────────────────────────────────┤
│ foo     │ CVE-2020-0001 │ HIGH     │ will_not_fix │ 1.2.3             │               │ foobar                                    │
│         │               │          │              │                   │               │ https://avd.aquasec.com/nvd/cve-2020-0001 │
└─────────┴───────────────┴──────────┴──────────────┴───────────────────┴───────────────┴───────────────────────────────────────────┘
";
        assert_eq!(box_table(&["Library", "Vulnerability", "Severity", "Status", "Installed Version", "Fixed Version", "Title"], &rows), want);
    }

    #[test]
    fn equal_cells_merge_and_the_row_line_opens_around_them() {
        let rows = vec![vec!["a".to_string(), "x".to_string(), "1".to_string()], vec!["b".to_string(), "x".to_string(), "2".to_string()]];
        let t = box_table(&["A", "B", "C"], &rows);
        assert!(t.contains("├───┤   ├───┤\n│ b │   │ 2 │"), "{t}");
    }

    #[test]
    fn secret_block_matches_trivys_golden() {
        // aquasecurity/trivy pkg/report/table/secret_test.go (layer variant)
        let s = Secret {
            rule_id: "rule-id".into(),
            category: "category".into(),
            severity: Severity::High,
            title: "this is a title".into(),
            start_line: 1,
            end_line: 1,
            code: vec![CodeLine { number: 1, content: "password=secret".into(), is_cause: true, first_cause: true, last_cause: true }],
            matched: String::new(),
            layer_diff_id: "sha256:beee9f30bc1f711043e78d4a2be0668955d4b761d587d6f60c2c8dc081efb203".into(),
            layer_created_by: String::new(),
        };
        let want = "HIGH: category (rule-id)\n════════════════════════════════════════\nthis is a title\n────────────────────────────────────────\n my-file:1 (added in layer 'beee9f30bc1f')\n────────────────────────────────────────\n   1 [ password=secret\n────────────────────────────────────────\n\n\n";
        assert_eq!(render_secret("my-file", &s), want);
    }
}
