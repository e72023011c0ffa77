//! The build context: the files of the learner's project folder below the context directory that
//! `.dockerignore` lets through, as BuildKit's `[internal] load build context` sends them.

use std::collections::BTreeMap;

use crate::ids::sha256_hex;
use crate::project::ProjectFiles;

/// The files of a build context, by path relative to the context directory (`/`-separated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub files: BTreeMap<String, String>,
    /// Size of `.dockerignore` (BuildKit's `transferring context: 2B` when absent).
    pub ignore_size: usize,
}

impl Context {
    /// Reads the context directory `dir` (relative to the project folder, `""` for the folder
    /// itself) honouring its `.dockerignore`.
    pub fn load(project: &dyn ProjectFiles, dir: &str) -> Context {
        let dir = dir.trim_matches('/');
        let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let ignore_text = project.read(&format!("{prefix}.dockerignore"));
        let rules = ignore_text.as_deref().map(IgnoreRules::parse).unwrap_or_default();
        let mut files = BTreeMap::new();
        for path in project.list() {
            let Some(rel) = path.strip_prefix(&prefix) else { continue };
            if rel.is_empty() || rules.excludes(rel) {
                continue;
            }
            if let Some(text) = project.read(&path) {
                files.insert(rel.to_string(), text);
            }
        }
        Context { files, ignore_size: ignore_text.map_or(0, |t| t.len()) }
    }

    /// True if `rel` (cleaned, relative) is a file of the context.
    pub fn is_file(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    /// True if `rel` is a directory of the context (has files below it). `""` is the root.
    pub fn is_dir(&self, rel: &str) -> bool {
        if rel.is_empty() {
            return true;
        }
        let prefix = format!("{rel}/");
        self.files.keys().any(|k| k.starts_with(&prefix))
    }

    /// Files below directory `rel` (`""`: all), with their paths relative to it.
    pub fn files_under(&self, rel: &str) -> Vec<(String, &String)> {
        let prefix = if rel.is_empty() { String::new() } else { format!("{rel}/") };
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|r| (r.to_string(), v)))
            .collect()
    }

    /// Files whose path matches a glob pattern (`*.json`, `src/*.js`).
    pub fn glob(&self, pattern: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for k in self.files.keys() {
            // A pattern may name a directory that holds the file.
            let mut parts: Vec<&str> = Vec::new();
            for part in k.split('/') {
                parts.push(part);
                let candidate = parts.join("/");
                if glob_match(pattern, &candidate) {
                    if !found.contains(&candidate) {
                        found.push(candidate);
                    }
                    break;
                }
            }
        }
        found
    }

    /// The checksum of what a COPY source selects (paths and contents): equal files, equal key.
    pub fn checksum(&self, paths: &[String]) -> String {
        let mut text = String::new();
        for p in paths {
            for (rel, content) in self.files_under(p) {
                text.push_str(&format!("{p}/{rel}\0{}\0", sha256_hex(content.as_bytes())));
            }
            if let Some(content) = self.files.get(p) {
                text.push_str(&format!("{p}\0{}\0", sha256_hex(content.as_bytes())));
            }
        }
        sha256_hex(text.as_bytes())
    }

    /// Bytes BuildKit reports for sending the context (the files' sizes plus their metadata).
    pub fn transfer_size(&self) -> usize {
        if self.files.is_empty() {
            return 2;
        }
        self.files.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

/// The rules of a `.dockerignore` file, in order (a later `!pattern` re-includes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IgnoreRules {
    rules: Vec<(String, bool)>,
}

impl IgnoreRules {
    pub fn parse(text: &str) -> IgnoreRules {
        let mut rules = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (exclude, pat) = match line.strip_prefix('!') {
                Some(rest) => (false, rest.trim()),
                None => (true, line),
            };
            let pat = clean(pat);
            if pat.is_empty() {
                continue;
            }
            rules.push((pat, exclude));
        }
        IgnoreRules { rules }
    }

    /// True if the file `rel` is left out of the context.
    pub fn excludes(&self, rel: &str) -> bool {
        let mut excluded = false;
        for (pat, exclude) in &self.rules {
            if matches_path_or_parent(pat, rel) {
                excluded = *exclude;
            }
        }
        excluded
    }
}

/// A pattern matches a path when it matches the path or one of its parent directories.
fn matches_path_or_parent(pat: &str, rel: &str) -> bool {
    let mut prefix = String::new();
    for (i, part) in rel.split('/').enumerate() {
        if i > 0 {
            prefix.push('/');
        }
        prefix.push_str(part);
        if glob_match(pat, &prefix) {
            return true;
        }
    }
    false
}

/// `path.Clean` of a pattern, without a leading `/` or `./`.
fn clean(p: &str) -> String {
    crate::fs::path::clean("/", p).trim_start_matches('/').to_string()
}

/// Go's `filepath.Match` with `**` (any number of directories), as `.dockerignore` uses it.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Hostile patterns (`*a*a*a*…`) could take exponential time: the search has a budget.
    let mut budget = 200_000u32;
    glob_at(&p, &n, 0, &mut budget)
}

fn glob_at(p: &[char], n: &[char], depth: usize, budget: &mut u32) -> bool {
    if depth > 64 || *budget == 0 {
        return false;
    }
    *budget -= 1;
    match p.split_first() {
        None => n.is_empty(),
        Some(('*', rest)) if rest.first() == Some(&'*') => {
            // `**` matches any sequence, `/` included; `**/` may match nothing.
            let rest = rest.get(1..).unwrap_or(&[]);
            let rest_no_slash = rest.strip_prefix(&['/']).unwrap_or(rest);
            if glob_at(rest_no_slash, n, depth + 1, budget) {
                return true;
            }
            (0..=n.len()).any(|i| glob_at(rest, n.get(i..).unwrap_or(&[]), depth + 1, budget))
        }
        Some(('*', rest)) => {
            let mut i = 0;
            loop {
                if glob_at(rest, n.get(i..).unwrap_or(&[]), depth + 1, budget) {
                    return true;
                }
                match n.get(i) {
                    Some('/') | None => return false,
                    Some(_) => i += 1,
                }
            }
        }
        Some(('?', rest)) => match n.split_first() {
            Some((c, nrest)) if *c != '/' => glob_at(rest, nrest, depth + 1, budget),
            _ => false,
        },
        Some(('[', rest)) => {
            let Some(close) = rest.iter().position(|c| *c == ']') else { return false };
            let class = rest.get(..close).unwrap_or(&[]);
            let after = rest.get(close + 1..).unwrap_or(&[]);
            let Some((c, nrest)) = n.split_first() else { return false };
            let (negate, class) = match class.split_first() {
                Some(('^', r)) | Some(('!', r)) => (true, r),
                _ => (false, class),
            };
            let mut hit = false;
            let mut i = 0;
            while let Some(&lo) = class.get(i) {
                if class.get(i + 1) == Some(&'-') {
                    if let Some(&hi) = class.get(i + 2) {
                        hit |= lo <= *c && *c <= hi;
                        i += 3;
                        continue;
                    }
                }
                hit |= lo == *c;
                i += 1;
            }
            hit != negate && glob_at(after, nrest, depth + 1, budget)
        }
        Some(('\\', rest)) => match (rest.split_first(), n.split_first()) {
            (Some((e, prest)), Some((c, nrest))) if e == c => glob_at(prest, nrest, depth + 1, budget),
            _ => false,
        },
        Some((pc, rest)) => match n.split_first() {
            Some((c, nrest)) if c == pc => glob_at(rest, nrest, depth + 1, budget),
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::MemoryProject;

    #[test]
    fn dockerignore_leaves_files_and_directories_out() {
        let project = MemoryProject::new()
            .with_file(".dockerignore", "secret.env\n*.log\nnode_modules\n!important.log\n")
            .with_file("secret.env", "K=1\n")
            .with_file("debug.log", "x")
            .with_file("important.log", "x")
            .with_file("node_modules/a/b.js", "x")
            .with_file("src/app.js", "x");
        let ctx = Context::load(&project, "");
        let names: Vec<&str> = ctx.files.keys().map(String::as_str).collect();
        assert_eq!(names, vec![".dockerignore", "important.log", "src/app.js"]);
    }

    #[test]
    fn hostile_patterns_end() {
        let name = "a".repeat(300);
        assert!(!glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", &name));
        assert!(!glob_match("**/**/**/**/**/**/**/**/**/**/x", &name));
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.json", "package.json"));
        assert!(glob_match("package*.json", "package-lock.json"));
        assert!(!glob_match("*.json", "a/package.json"));
        assert!(glob_match("**/*.log", "a/b/c.log"));
        assert!(glob_match("**/*.log", "c.log"));
        assert!(glob_match("[a-c]?.txt", "b1.txt"));
    }
}
