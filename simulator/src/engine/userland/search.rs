//! `find` inside a container: walks the merged view (`-name`, `-type`, `-maxdepth`).

use super::Machine;
use crate::output::Output;
use crate::shell::ProgramCall;

/// `*` and `?` wildcards, as `find -name` matches names.
fn matches(pattern: &[char], name: &[char]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(c) if *c == '?' || Some(c) == name.get(n) => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern.get(p..).is_some_and(|rest| rest.iter().all(|c| *c == '*'))
}

/// `find [PATH…] [-name PATTERN] [-type f|d|l] [-maxdepth N]`
pub(super) fn find(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = call.argv.get(1..).unwrap_or_default();
    let mut roots: Vec<&String> = Vec::new();
    let mut name: Option<Vec<char>> = None;
    let mut kind: Option<char> = None;
    let mut max_depth = usize::MAX;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "-name" | "-iname" => {
                name = args.get(i + 1).map(|p| p.chars().collect());
                i += 1;
            }
            "-type" => {
                kind = args.get(i + 1).and_then(|t| t.chars().next());
                i += 1;
            }
            "-maxdepth" => {
                max_depth = args.get(i + 1).and_then(|d| d.parse().ok()).unwrap_or(usize::MAX);
                i += 1;
            }
            "-print" => {}
            other if other.starts_with('-') => {}
            _ => roots.push(a),
        }
        i += 1;
    }
    let dot = ".".to_string();
    if roots.is_empty() {
        roots.push(&dot);
    }
    let mut status = 0;
    for root in roots {
        let abs = Machine::absolute(call.cwd, root);
        let entries = match m.fs.walk(&abs) {
            Ok(e) => e,
            Err(e) => {
                let msg = m.userland.strerror(e.errno);
                out.errln(if m.userland.is_busybox() { format!("find: {root}: {msg}") } else { format!("find: '{root}': {msg}") });
                status = 1;
                continue;
            }
        };
        let canon = entries.first().map(|(p, _)| p.clone()).unwrap_or_default();
        for (p, s) in entries {
            let rest = p.strip_prefix(&canon).unwrap_or("");
            let depth = rest.matches('/').count();
            if depth > max_depth {
                continue;
            }
            let shown = if rest.is_empty() { root.clone() } else { format!("{}{rest}", root.trim_end_matches('/')) };
            let base: Vec<char> = shown.rsplit('/').next().unwrap_or(&shown).chars().collect();
            if name.as_ref().is_some_and(|pat| !matches(pat, &base)) {
                continue;
            }
            let t = if s.is_dir() { 'd' } else if s.is_symlink() { 'l' } else { 'f' };
            if kind.is_some_and(|k| k != t) {
                continue;
            }
            out.outln(shown);
        }
    }
    out.with_exit(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        let m = |p: &str, n: &str| matches(&p.chars().collect::<Vec<_>>(), &n.chars().collect::<Vec<_>>());
        assert!(m("*.conf", "nginx.conf"));
        assert!(m("a?c", "abc"));
        assert!(!m("*.conf", "nginx.confx"));
        assert!(m("*", ""));
    }
}
