//! `trivy fs DIR`: lock files of the learner's project folder against the database, and
//! secrets in its files.

use super::command::Options;
use super::image_scan::vulns;
use super::matcher;
use super::packages::{Package, PkgKind};
use super::report::{Report, ScanResult};
use super::secrets;
use crate::output::Output;
use crate::project::ProjectFiles;

fn log(out: &mut Output, opts: &Options, now: &str, msg: &str) {
    if !opts.quiet {
        out.errln(format!("{now}\tINFO\t{msg}"));
    }
}

fn lang(name: &str, version: &str, kind: PkgKind, path: &str) -> Package {
    Package { name: name.to_string(), version: version.to_string(), src_name: name.to_string(), arch: String::new(), kind, path: path.to_string(), layer: 0 }
}

/// Packages of an npm lock file (v1 `dependencies`, v2/v3 `packages`).
pub fn parse_package_lock(text: &str) -> Vec<(String, String)> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(pkgs) = v.get("packages").and_then(|p| p.as_object()) {
        for (path, p) in pkgs {
            let Some(name) = path.rsplit("node_modules/").next().filter(|n| !n.is_empty() && path.contains("node_modules/")) else { continue };
            if let Some(ver) = p.get("version").and_then(|x| x.as_str()) {
                out.push((name.to_string(), ver.to_string()));
            }
        }
    } else if let Some(deps) = v.get("dependencies").and_then(|p| p.as_object()) {
        for (name, p) in deps {
            if let Some(ver) = p.get("version").and_then(|x| x.as_str()) {
                out.push((name.clone(), ver.to_string()));
            }
        }
    }
    out
}

/// `name==version` lines of a `requirements.txt`.
pub fn parse_requirements(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.split('#').next().unwrap_or("").trim();
            let (name, ver) = l.split_once("==")?;
            let name = name.split('[').next().unwrap_or(name).trim();
            (!name.is_empty()).then(|| (name.to_string(), ver.split(';').next().unwrap_or("").trim().to_string()))
        })
        .collect()
}

pub fn scan(project: &dyn ProjectFiles, cwd: &str, dir: &str, opts: &Options, now: &str, out: &mut Output) -> Result<Report, String> {
    let Some(root) = crate::docker::host_path::project_path(cwd, dir) else {
        return Err(format!("run error: filesystem scan error: scan error: scan failed: failed analysis: walk dir error: lstat {dir}: no such file or directory"));
    };
    let prefix = if root.is_empty() { String::new() } else { format!("{root}/") };
    let files: Vec<String> = project.list().into_iter().filter(|p| p.starts_with(&prefix)).collect();
    if files.is_empty() && !root.is_empty() && project.read(&root).is_none() {
        return Err(format!("run error: filesystem scan error: scan error: scan failed: failed analysis: walk dir error: lstat {dir}: no such file or directory"));
    }
    if opts.vuln {
        log(out, opts, now, "[vuln] Vulnerability scanning is enabled");
    }
    if opts.secret {
        log(out, opts, now, "[secret] Secret scanning is enabled");
        log(out, opts, now, "[secret] If your scanning is slow, please try '--scanners vuln' to disable secret scanning");
        log(out, opts, now, "[secret] Please see also https://trivy.dev/v0.58/docs/scanner/secret#recommendation for faster secret detection");
    }
    let mut results = Vec::new();
    if opts.vuln {
        let mut lock_results = Vec::new();
        for f in &files {
            let rel = f.strip_prefix(&prefix).unwrap_or(f);
            if rel.contains("node_modules/") {
                continue;
            }
            let file = rel.rsplit('/').next().unwrap_or(rel);
            let (pkgs, kind, ty) = match file {
                "package-lock.json" => (parse_package_lock(&project.read(f).unwrap_or_default()), PkgKind::Node, "npm"),
                "requirements.txt" => (parse_requirements(&project.read(f).unwrap_or_default()), PkgKind::Python, "pip"),
                _ => continue,
            };
            let pkgs: Vec<Package> = pkgs.iter().map(|(n, v)| lang(n, v, kind, "")).collect();
            let found = matcher::matches(None, &pkgs);
            lock_results.push((ty, ScanResult { target: rel.to_string(), class: "lang-pkgs", kind: ty.to_string(), vulns: vulns(None, &found, &[]), ..ScanResult::default() }));
        }
        log(out, opts, now, &format!("Number of language-specific files\tnum={}", lock_results.len()));
        let mut seen = Vec::new();
        for (ty, _) in &lock_results {
            if !seen.contains(ty) {
                seen.push(ty);
                log(out, opts, now, &format!("[{ty}] Detecting vulnerabilities..."));
            }
        }
        results.extend(lock_results.into_iter().map(|(_, r)| r));
    }
    if opts.secret {
        for f in &files {
            let rel = f.strip_prefix(&prefix).unwrap_or(f);
            if rel.contains("node_modules/") || rel.starts_with(".git/") {
                continue;
            }
            let found = secrets::scan_text(&project.read(f).unwrap_or_default());
            if !found.is_empty() {
                results.push(ScanResult { target: rel.to_string(), class: "secret", secrets: found, ..ScanResult::default() });
            }
        }
    }
    Ok(Report { created_at: now.to_string(), artifact_name: dir.to_string(), artifact_type: "filesystem", metadata: None, results })
}
