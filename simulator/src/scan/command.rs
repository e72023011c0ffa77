//! The `trivy` program of the learner's terminal: `trivy image`, `trivy fs`, `trivy config`,
//! `trivy --version`, `trivy --help`, with Trivy 0.58's log lines, flags and errors.

use std::sync::Arc;

use super::db;
use super::image_scan;
use super::report::{Report, ScanResult};
use super::severity::Severity;
use super::table;
use crate::engine::image::Image;
use crate::engine::Engine;
use crate::events::{Event, ScanLayer};
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// The parsed command line of one scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub severities: Vec<Severity>,
    pub json: bool,
    pub output: Option<String>,
    pub exit_code: i32,
    pub ignore_unfixed: bool,
    pub vuln: bool,
    pub secret: bool,
    pub misconfig: bool,
    pub quiet: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { severities: Severity::ALL.to_vec(), json: false, output: None, exit_code: 0, ignore_unfixed: false, vuln: true, secret: true, misconfig: false, quiet: false }
    }
}

const HELP: &str = include_str!("help.txt");

/// A log line as Trivy's handler writes it: time, level, message, attributes.
fn log(out: &mut Output, quiet: bool, now: &str, level: &str, msg: &str) {
    if !quiet {
        out.errln(format!("{now}\t{level}\t{msg}"));
    }
}

fn fatal(out: &mut Output, now: &str, err: &str) -> Output {
    out.errln(format!("{now}\tFATAL\tFatal error\t{err}"));
    std::mem::take(out).with_exit(1)
}

/// What the command line asks for.
enum Action {
    Version,
    Help,
    Scan { kind: &'static str, target: String, opts: Options },
}

fn parse(args: &[String]) -> Result<Action, String> {
    let mut opts = Options::default();
    let mut kind: Option<&'static str> = None;
    let mut target: Option<String> = None;
    let mut scanners_given = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let value = |i: &mut usize| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            let v = args.get(*i).cloned().ok_or_else(|| format!("flag needs an argument: {flag}"))?;
            *i += 1;
            Ok(v)
        };
        match flag.as_str() {
            "-v" | "--version" => return Ok(Action::Version),
            "-h" | "--help" => return Ok(Action::Help),
            "-q" | "--quiet" => opts.quiet = true,
            "--ignore-unfixed" => opts.ignore_unfixed = true,
            "-d" | "--debug" | "--no-progress" | "--skip-db-update" | "--skip-java-db-update" | "--offline-scan" | "--insecure" => {}
            "-s" | "--severity" => {
                let v = value(&mut i)?;
                let mut list = Vec::new();
                for s in v.split(',').filter(|s| !s.is_empty()) {
                    list.push(Severity::parse(s).ok_or_else(|| format!("flag error: report flag error: unable to parse severity: unknown severity option: unknown severity: {s}"))?);
                }
                crate::sort::sort(&mut list);
                list.dedup();
                opts.severities = list;
            }
            "-f" | "--format" => {
                let v = value(&mut i)?;
                opts.json = match v.as_str() {
                    "json" => true,
                    "table" => false,
                    other => return Err(format!("flag error: report flag error: unknown format: {other}")),
                };
            }
            "-o" | "--output" => opts.output = Some(value(&mut i)?),
            "--exit-code" => {
                let v = value(&mut i)?;
                opts.exit_code = v.parse().map_err(|_| format!("invalid argument \"{v}\" for \"--exit-code\" flag: strconv.ParseInt: parsing \"{v}\": invalid syntax"))?;
            }
            "--scanners" | "--security-checks" => {
                let v = value(&mut i)?;
                scanners_given = true;
                opts.vuln = false;
                opts.secret = false;
                opts.misconfig = false;
                for s in v.split(',').filter(|s| !s.is_empty()) {
                    match s {
                        "vuln" => opts.vuln = true,
                        "secret" => opts.secret = true,
                        "misconfig" | "config" => opts.misconfig = true,
                        "license" => {}
                        other => return Err(format!("flag error: scan flag error: unknown scanner: {other}")),
                    }
                }
            }
            "--cache-dir" | "--timeout" | "-c" | "--config" | "--image-config-scanners" | "--platform" | "--ignorefile" => {
                value(&mut i)?;
            }
            f if f.starts_with("--") => return Err(format!("unknown flag: {f}")),
            f if f.starts_with('-') && f.len() > 1 => {
                let c = f.chars().nth(1).unwrap_or('-');
                return Err(format!("unknown shorthand flag: '{c}' in {f}"));
            }
            word => {
                if kind.is_none() {
                    kind = Some(match word {
                        "image" | "i" => "image",
                        "fs" | "filesystem" => "fs",
                        "config" | "conf" => "config",
                        "version" => return Ok(Action::Version),
                        "help" => return Ok(Action::Help),
                        other => return Err(format!("unknown command \"{other}\" for \"trivy\"")),
                    });
                } else if target.is_none() {
                    target = Some(word.to_string());
                } else {
                    return Err(format!("accepts 1 arg(s), received {}", 2));
                }
            }
        }
    }
    let Some(kind) = kind else { return Ok(Action::Help) };
    if kind == "config" && !scanners_given {
        opts.vuln = false;
        opts.secret = false;
        opts.misconfig = true;
    }
    let Some(target) = target else { return Err("accepts 1 arg(s), received 0".to_string()) };
    Ok(Action::Scan { kind, target, opts })
}

/// Runs `trivy …` (argv[0] is `trivy`).
pub fn run(engine: &mut Engine, project: &mut dyn ProjectFiles, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let now = engine.now().rfc3339();
    let args = call.argv.get(1..).unwrap_or(&[]);
    let action = match parse(args) {
        Ok(a) => a,
        Err(e) => return fatal(&mut out, &now, &e),
    };
    let (kind, target, opts) = match action {
        Action::Version => {
            out.out(version_text());
            return out;
        }
        Action::Help => {
            out.out(HELP);
            return out;
        }
        Action::Scan { kind, target, opts } => (kind, target, opts),
    };
    let result = match kind {
        "image" => scan_image(engine, &target, &opts, &now, &mut out).map(|s| (s.report, Some(s.diff_ids))),
        "fs" => super::fs_scan::scan(project, call.cwd, &target, &opts, &now, &mut out).map(|r| (r, None)),
        _ => super::misconfig::scan_dir(project, call.cwd, &target, &opts, &now, &mut out).map(|r| (r, None)),
    };
    let (mut report, diff_ids) = match result {
        Ok(r) => r,
        Err(e) => return fatal(&mut out, &now, &e),
    };
    filter(&mut report, &opts);
    if let Some(diff_ids) = diff_ids {
        out.events.push(Event::ScanFindings { image: target.clone(), layers: per_layer(&report, &diff_ids) });
    }
    let text = if opts.json { report.to_json_text() } else { table::render(&report, &opts.severities) };
    match &opts.output {
        Some(file) => {
            let written = match crate::docker::host_path::project_path(call.cwd, file) {
                Some(p) => project.write(&p, &text),
                None => Err(format!("open {file}: permission denied")),
            };
            if let Err(e) = written {
                return fatal(&mut out, &now, &format!("failed to create an output file: {e}"));
            }
        }
        None => out.out(text),
    }
    let findings: usize = report.results.iter().map(ScanResult::findings).sum();
    if findings > 0 && opts.exit_code != 0 {
        out.exit_code = opts.exit_code;
    }
    out
}

/// Applies `--severity` and `--ignore-unfixed`, then sorts as Trivy does.
pub fn filter(report: &mut Report, opts: &Options) {
    for r in &mut report.results {
        r.vulns.retain(|v| opts.severities.contains(&v.severity) && !(opts.ignore_unfixed && v.fixed.is_empty()));
        r.secrets.retain(|s| opts.severities.contains(&s.severity));
        r.misconfigs.retain(|m| opts.severities.contains(&m.severity));
        crate::sort::sort_by(&mut r.vulns, |a, b| {
            a.pkg_name
                .cmp(&b.pkg_name)
                .then_with(|| a.installed.cmp(&b.installed))
                .then_with(|| b.severity.cmp(&a.severity))
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    // Language results without findings are not shown.
    report.results.retain(|r| r.class == "os-pkgs" || r.class == "config" || r.findings() > 0);
}

/// `trivy --version`.
pub fn version_text() -> String {
    format!(
        "Version: {}\nVulnerability DB:\n  Version: 2\n  UpdatedAt: {}\n  NextUpdate: {}\n  DownloadedAt: {}\n",
        db::TRIVY_VERSION,
        db::UPDATED_AT,
        db::NEXT_UPDATE,
        db::DOWNLOADED_AT
    )
}

/// The image a learner names: from the local store, else (as Trivy's `remote` source does)
/// from the simulated registry.
fn find_image(engine: &Engine, name: &str) -> Result<Image, String> {
    match engine.images.resolve(name) {
        Ok(img) => return Ok(img.clone()),
        Err(crate::engine::image_store::LookupError::Invalid(m)) => return Err(format!("run error: image scan error: scan error: unable to initialize a scan service: unable to initialize an image scan service: failed to parse the image name: could not parse reference: {name}: {m}")),
        Err(_) => {}
    }
    let reference = crate::engine::reference::Reference::parse(name).map(|r| r.with_default_tag());
    if !engine.hub_offline {
        if let Ok(r) = &reference {
            let repo = r.familiar_name();
            if let Some(hub) = r.tag.as_deref().and_then(|t| crate::hub::find(&repo, t)) {
                let mut img = hub.to_image();
                img.repo_tags = vec![r.familiar()];
                return Ok(img);
            }
        }
    }
    let tagged = reference.map(|r| r.familiar()).unwrap_or_else(|_| name.to_string());
    let (path, tag) = tagged.rsplit_once(':').map_or((tagged.as_str(), "latest"), |(p, t)| (p, t));
    let full = if path.contains('/') { path.to_string() } else { format!("library/{path}") };
    Err(format!(
        "run error: image scan error: scan error: unable to initialize a scan service: unable to initialize an image scan service: unable to find the specified image \"{name}\" in [\"docker\" \"containerd\" \"podman\" \"remote\"]: 4 errors occurred:\n\t* docker error: unable to inspect the image ({name}): Error response from daemon: No such image: {tagged}\n\t* containerd error: containerd socket not found: /run/containerd/containerd.sock\n\t* podman error: unable to initialize Podman client: no podman socket found: stat podman/podman.sock: no such file or directory\n\t* remote error: GET https://index.docker.io/v2/{full}/manifests/{tag}: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:{full} Type:repository]]\n"
    ))
}

/// Findings per image layer, bottom first (for the visual panel).
pub fn per_layer(report: &Report, diff_ids: &[String]) -> Vec<ScanLayer> {
    diff_ids
        .iter()
        .map(|d| {
            let mut layer = ScanLayer { diff_id: d.clone(), vulnerabilities: 0, secrets: 0, ids: Vec::new() };
            for r in &report.results {
                for v in r.vulns.iter().filter(|v| &v.layer_diff_id == d) {
                    layer.vulnerabilities += 1;
                    if !layer.ids.contains(&v.id) {
                        layer.ids.push(v.id.clone());
                    }
                }
                for s in r.secrets.iter().filter(|s| &s.layer_diff_id == d) {
                    layer.secrets += 1;
                    if !layer.ids.contains(&s.rule_id) {
                        layer.ids.push(s.rule_id.clone());
                    }
                }
            }
            layer
        })
        .collect()
}

fn scan_image(engine: &Engine, name: &str, opts: &Options, now: &str, out: &mut Output) -> Result<image_scan::ImageScan, String> {
    let image = find_image(engine, name)?;
    let layers: Vec<Arc<crate::fs::Layer>> = image.fs_layers();
    if opts.vuln {
        log(out, opts.quiet, now, "INFO", "[vuln] Vulnerability scanning is enabled");
    }
    if opts.misconfig {
        log(out, opts.quiet, now, "INFO", "[misconfig] Misconfiguration scanning is enabled");
    }
    if opts.secret {
        log(out, opts.quiet, now, "INFO", "[secret] Secret scanning is enabled");
        log(out, opts.quiet, now, "INFO", "[secret] If your scanning is slow, please try '--scanners vuln' to disable secret scanning");
        log(out, opts.quiet, now, "INFO", "[secret] Please see also https://trivy.dev/v0.58/docs/scanner/secret#recommendation for faster secret detection");
    }
    Ok(image_scan::scan(&image, &layers, name, opts, now, out))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn flags_parse_as_trivy_reads_them() {
        let Ok(Action::Scan { kind, target, opts }) = parse(&args("image --severity HIGH,CRITICAL --exit-code 1 --ignore-unfixed -f json nginx:latest")) else { panic!("no scan") };
        assert_eq!((kind, target.as_str()), ("image", "nginx:latest"));
        assert_eq!(opts.severities, vec![Severity::High, Severity::Critical]);
        assert!(opts.json && opts.ignore_unfixed && opts.exit_code == 1);
        assert!(matches!(parse(&args("--version")), Ok(Action::Version)));
        assert_eq!(parse(&args("image --foo x")).err().as_deref(), Some("unknown flag: --foo"));
        assert_eq!(parse(&args("image -x x")).err().as_deref(), Some("unknown shorthand flag: 'x' in -x"));
        let Ok(Action::Scan { opts, .. }) = parse(&args("image --scanners secret x")) else { panic!("no scan") };
        assert!(!opts.vuln && opts.secret);
        let Ok(Action::Scan { opts, .. }) = parse(&args("config .")) else { panic!("no scan") };
        assert!(opts.misconfig && !opts.vuln && !opts.secret);
    }
}
