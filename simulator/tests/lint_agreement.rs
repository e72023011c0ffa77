//! Agreement of `simulator::lint` with hadolint on the corpus in `tests/lint_corpus/`: every
//! `NN-name.Dockerfile` has a line in `expected.txt` with the findings hadolint 2.12.0 reports
//! (`<line>:<rule>`), written from hadolint's documented rule behaviour. Prints precision and
//! recall per rule and fails under 95 % for any rule.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Key = (String, usize, String);
/// Corpus files (stem, text) and the expected `(line, rule)` findings per stem.
type Corpus = (Vec<(String, String)>, BTreeMap<String, BTreeSet<(usize, String)>>);

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_corpus");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "Dockerfile") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            files.push((stem, std::fs::read_to_string(&path).unwrap()));
        }
    }
    files.sort();
    let mut expected = BTreeMap::new();
    for line in std::fs::read_to_string(dir.join("expected.txt")).unwrap().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let stem = parts.next().unwrap().to_string();
        let set = parts
            .map(|p| {
                let (l, r) = p.split_once(':').unwrap_or_else(|| panic!("bad entry {p} in {stem}"));
                (l.parse().unwrap(), r.to_string())
            })
            .collect();
        expected.insert(stem, set);
    }
    (files, expected)
}

#[test]
fn agreement_with_hadolint_per_rule() {
    let (files, expected) = corpus();
    assert!(files.len() >= 60, "the corpus needs at least 60 Dockerfiles, has {}", files.len());
    let mut want: BTreeSet<Key> = BTreeSet::new();
    let mut got: BTreeSet<Key> = BTreeSet::new();
    for (stem, text) in &files {
        let exp = expected.get(stem).unwrap_or_else(|| panic!("{stem} has no line in expected.txt"));
        want.extend(exp.iter().map(|(l, r)| (stem.clone(), *l, r.clone())));
        got.extend(simulator::lint::lint(text).into_iter().map(|f| (stem.clone(), f.line, f.rule.to_string())));
    }
    let rules: BTreeSet<&str> = want.iter().chain(got.iter()).map(|(_, _, r)| r.as_str()).collect();
    let mut report = String::from("rule                   expected  found  TP  precision  recall\n");
    let mut failures = Vec::new();
    for rule in rules {
        let w: BTreeSet<&Key> = want.iter().filter(|k| k.2 == rule).collect();
        let g: BTreeSet<&Key> = got.iter().filter(|k| k.2 == rule).collect();
        let tp = w.intersection(&g).count();
        let precision = if g.is_empty() { 1.0 } else { tp as f64 / g.len() as f64 };
        let recall = if w.is_empty() { 1.0 } else { tp as f64 / w.len() as f64 };
        report.push_str(&format!(
            "{rule:<22} {:>8} {:>6} {tp:>3}  {:>8.1}%  {:>5.1}%\n",
            w.len(),
            g.len(),
            precision * 100.0,
            recall * 100.0
        ));
        if precision < 0.95 || recall < 0.95 {
            let missed: Vec<_> = w.difference(&g).collect();
            let extra: Vec<_> = g.difference(&w).collect();
            failures.push(format!("{rule}: missed {missed:?}, extra {extra:?}"));
        }
    }
    println!("{report}");
    assert!(failures.is_empty(), "{report}\n{}", failures.join("\n"));
}

/// Every rule the linter has appears in the corpus at least once (expected).
#[test]
fn corpus_covers_the_rules() {
    let (_, expected) = corpus();
    let seen: BTreeSet<&str> = expected.values().flatten().map(|(_, r)| r.as_str()).collect();
    for r in simulator::lint::RULES {
        if r.code == "DL3057" {
            continue; // off by default
        }
        assert!(seen.contains(r.code), "no corpus file expects {}", r.code);
    }
}
