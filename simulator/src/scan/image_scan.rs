//! Scanning one image: OS and language packages against the database, secrets in the files of
//! its layers and in its configuration.

use std::sync::Arc;

use super::command::Options;
use super::matcher::{self, Match};
use super::packages::{self, OsInfo, PkgKind};
use super::report::{go_escape, Report, ScanResult, Secret, Vuln};
use super::secrets;
use crate::engine::image::Image;
use crate::fs::{FileType, Layer, MergedFs, Origin};
use crate::ids::sha256_hex;
use crate::json_object::{strings, JsonObject, Put};
use crate::output::Output;

fn log(out: &mut Output, opts: &Options, now: &str, level: &str, msg: &str) {
    if !opts.quiet {
        out.errln(format!("{now}\t{level}\t{msg}"));
    }
}

/// The advisory's data source as Trivy names it.
fn data_source(namespace: &str) -> (&'static str, &'static str, &'static str) {
    match namespace.split(' ').next().unwrap_or("") {
        "debian" => ("debian", "Debian Security Tracker", "https://salsa.debian.org/security-tracker-team/security-tracker"),
        "ubuntu" => ("ubuntu", "Ubuntu CVE Tracker", "https://git.launchpad.net/ubuntu-cve-tracker"),
        "alpine" => ("alpine", "Alpine Secdb", "https://secdb.alpinelinux.org/"),
        "pip" => ("ghsa", "GitHub Security Advisory pip", "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip"),
        _ => ("ghsa", "GitHub Security Advisory npm", "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm"),
    }
}

/// The package URL (purl) Trivy gives a package.
fn purl(os: Option<&OsInfo>, p: &packages::Package) -> String {
    match (p.kind, os) {
        (PkgKind::Node, _) => format!("pkg:npm/{}@{}", p.name.replace('@', "%40"), p.version),
        (PkgKind::Python, _) => format!("pkg:pypi/{}@{}", p.name.to_ascii_lowercase(), p.version),
        (PkgKind::Os, Some(o)) if o.family == "alpine" => format!("pkg:apk/alpine/{}@{}?arch={}&distro={}", p.name, p.version, p.arch, o.version),
        (PkgKind::Os, o) => {
            let family = o.map_or("debian", |o| o.family);
            let distro = o.map_or(String::new(), |o| format!("{}-{}", o.family, o.version));
            let (epoch, version) = match p.version.split_once(':') {
                Some((e, v)) if e.bytes().all(|c| c.is_ascii_digit()) => (Some(e), v),
                _ => (None, p.version.as_str()),
            };
            let mut s = format!("pkg:deb/{family}/{}@{}?arch={}", p.name, version.replace('+', "%2B"), p.arch);
            if let Some(e) = epoch {
                s.push_str(&format!("&epoch={e}"));
            }
            s.push_str(&format!("&distro={distro}"));
            s
        }
    }
}

/// Turns matches into Trivy's vulnerability rows.
pub fn vulns(os: Option<&OsInfo>, found: &[Match], diff_ids: &[String]) -> Vec<Vuln> {
    found
        .iter()
        .map(|m| {
            let a = m.advisory;
            let p = &m.package;
            let purl = purl(os, p);
            let primary_url = if a.id.starts_with("GHSA-") { format!("https://github.com/advisories/{}", a.id) } else { format!("https://avd.aquasec.com/nvd/{}", a.id.to_ascii_lowercase()) };
            Vuln {
                id: a.id.to_string(),
                pkg_id: format!("{}@{}", p.name, p.version),
                pkg_name: p.name.clone(),
                pkg_path: p.path.clone(),
                uid: sha256_hex(purl.as_bytes()).chars().take(16).collect(),
                purl,
                installed: p.version.clone(),
                fixed: a.fixed.to_string(),
                status: a.status.to_string(),
                layer_diff_id: diff_ids.get(p.layer).cloned().unwrap_or_default(),
                severity: a.severity,
                severity_source: data_source(a.namespace).0.to_string(),
                primary_url,
                data_source: data_source(a.namespace),
                title: a.title.to_string(),
                description: a.description.to_string(),
            }
        })
        .collect()
}

/// Directories whose files Trivy's secret scanner skips (system files, libraries).
fn skip_for_secrets(path: &str) -> bool {
    ["/usr/share/", "/usr/lib/", "/lib/", "/usr/include/", "/etc/ssl/", "/proc/", "/sys/", "/var/lib/dpkg/", "/lib/apk/", "/usr/local/lib/node_modules/npm/", "/usr/local/include/"]
        .iter()
        .any(|d| path.starts_with(d))
        || path.contains("/node_modules/")
}

/// Secrets in the files of the image (each attributed to the layer that wrote the file).
pub fn file_secrets(layers: &[Arc<Layer>], diff_ids: &[String]) -> Vec<ScanResult> {
    let fs = MergedFs::new(layers.to_vec());
    let Ok(all) = fs.walk("/") else { return Vec::new() };
    let mut out = Vec::new();
    for (path, stat) in all {
        if stat.file_type != FileType::File || stat.size > 1_048_576 || skip_for_secrets(&path) {
            continue;
        }
        let Ok(content) = fs.read(&path) else { continue };
        if content.is_synthetic() {
            continue;
        }
        let Some(text) = content.as_str() else { continue };
        let mut found = secrets::scan_text(text);
        if found.is_empty() {
            continue;
        }
        let layer = match fs.origin(&path) {
            Ok(Origin::Lower(i)) => diff_ids.get(i).cloned().unwrap_or_default(),
            _ => String::new(),
        };
        for s in &mut found {
            s.layer_diff_id = layer.clone();
        }
        out.push(ScanResult { target: path.clone(), class: "secret", secrets: found, ..ScanResult::default() });
    }
    out
}

/// Secrets in the image configuration (its `ENV`s and the commands of its history), as Trivy's
/// image-config secret scanner reads the config document.
pub fn config_secrets(image: &Image, name: &str) -> Option<ScanResult> {
    let text = go_escape(&serde_json::to_string_pretty(&image.config_json()).unwrap_or_default());
    let found: Vec<Secret> = secrets::scan_text(&text);
    if found.is_empty() {
        return None;
    }
    Some(ScanResult { target: name.to_string(), class: "secret", secrets: found, ..ScanResult::default() })
}

/// The finished scan of an image.
pub struct ImageScan {
    pub report: Report,
    pub diff_ids: Vec<String>,
}

pub fn scan(image: &Image, layers: &[Arc<Layer>], name: &str, opts: &Options, now: &str, out: &mut Output) -> ImageScan {
    let diff_ids: Vec<String> = image.layers.iter().map(|l| l.diff_id.clone()).collect();
    let inv = packages::inventory(layers);
    let os = inv.os.as_ref();
    let mut results = Vec::new();
    if opts.vuln {
        if let Some(o) = os {
            log(out, opts, now, "INFO", &format!("Detected OS\tfamily=\"{}\" version=\"{}\"", o.family, o.version));
            if o.end_of_life() {
                log(out, opts, now, "WARN", &format!("This OS version is no longer supported by the distribution\tfamily=\"{}\" version=\"{}\"", o.family, o.version));
                log(out, opts, now, "WARN", "The vulnerability detection may be insufficient because security updates are not provided");
            }
            let repo = if o.family == "alpine" { format!(" repository=\"{}\"", o.short_version()) } else { String::new() };
            log(out, opts, now, "INFO", &format!("[{}] Detecting vulnerabilities...\tos_version=\"{}\"{repo} pkg_num={}", o.family, o.short_version(), inv.os_packages.len()));
            let found = matcher::matches(os, &inv.os_packages);
            results.push(ScanResult {
                target: format!("{name} ({} {})", o.family, o.version),
                class: "os-pkgs",
                kind: o.family.to_string(),
                vulns: vulns(os, &found, &diff_ids),
                ..ScanResult::default()
            });
        }
        let kinds: Vec<(PkgKind, &str, &str)> = [(PkgKind::Node, "Node.js", "node-pkg"), (PkgKind::Python, "Python", "python-pkg")]
            .into_iter()
            .filter(|(k, _, _)| inv.lang_packages.iter().any(|p| p.kind == *k))
            .collect();
        log(out, opts, now, "INFO", &format!("Number of language-specific files\tnum={}", kinds.len()));
        for (kind, target, ty) in kinds {
            log(out, opts, now, "INFO", &format!("[{ty}] Detecting vulnerabilities..."));
            let pkgs: Vec<packages::Package> = inv.lang_packages.iter().filter(|p| p.kind == kind).cloned().collect();
            let found = matcher::matches(os, &pkgs);
            results.push(ScanResult { target: target.to_string(), class: "lang-pkgs", kind: ty.to_string(), vulns: vulns(os, &found, &diff_ids), ..ScanResult::default() });
        }
    }
    if opts.secret {
        results.extend(config_secrets(image, name));
        results.extend(file_secrets(layers, &diff_ids));
    }
    let mut metadata = serde_json::Map::new();
    if let Some(o) = os {
        let mut os_json = JsonObject::new();
        os_json.str("Family", o.family);
        os_json.str("Name", &o.version);
        metadata.put("OS", os_json.into_value());
    }
    metadata.put("ImageID", serde_json::Value::String(image.id.clone()));
    metadata.put("DiffIDs", strings(&diff_ids));
    if !image.repo_tags.is_empty() {
        metadata.put("RepoTags", strings(&image.repo_tags));
    }
    if !image.repo_digests.is_empty() {
        metadata.put("RepoDigests", strings(&image.repo_digests));
    }
    metadata.put("ImageConfig", image.config_json());
    let report = Report {
        created_at: now.to_string(),
        artifact_name: name.to_string(),
        artifact_type: "container_image",
        metadata: Some(serde_json::Value::Object(metadata)),
        results,
    };
    ImageScan { report, diff_ids }
}
