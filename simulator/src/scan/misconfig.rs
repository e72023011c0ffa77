//! `trivy config DIR`: Trivy's Dockerfile checks (aquasecurity/trivy-checks `checks/docker`) the
//! course teaches, run on the parsed Dockerfile (`crate::dockerfile`).

use super::command::Options;
use super::report::{CodeLine, Misconf, Report, ScanResult};
use super::severity::Severity;
use crate::dockerfile::{self, Instruction, InstructionKind};
use crate::output::Output;
use crate::project::ProjectFiles;

/// A check: ID as Trivy 0.58 prints it, its AVD ID, title, description, resolution, severity.
struct Check {
    id: &'static str,
    avd: &'static str,
    title: &'static str,
    description: &'static str,
    resolution: &'static str,
    severity: Severity,
}

const DS001: Check = Check { id: "DS001", avd: "AVD-DS-0001", title: "':latest' tag used", description: "When using a 'FROM' statement you should use a specific tag to avoid uncontrolled behavior when the image is updated.", resolution: "Add a tag to the image in the 'FROM' statement", severity: Severity::Medium };
const DS002: Check = Check { id: "DS002", avd: "AVD-DS-0002", title: "Image user should not be 'root'", description: "Running containers with 'root' user can lead to a container escape situation. It is a best practice to run containers as non-root users, which can be done by adding a 'USER' statement to the Dockerfile.", resolution: "Add 'USER <non root user name>' line to the Dockerfile", severity: Severity::High };
const DS005: Check = Check { id: "DS005", avd: "AVD-DS-0005", title: "ADD instead of COPY", description: "You should use COPY instead of ADD unless you want to extract a tar file. Note that an ADD command will extract a tar file, which adds the risk of Zip-based vulnerabilities. Accordingly, it is advised to use a COPY command, which does not extract tar files.", resolution: "Use COPY instead of ADD", severity: Severity::Low };
const DS026: Check = Check { id: "DS026", avd: "AVD-DS-0026", title: "No HEALTHCHECK defined", description: "You should add HEALTHCHECK instruction in your docker container images to perform the health check on running containers.", resolution: "Add HEALTHCHECK instruction in Dockerfile", severity: Severity::Low };
const DS031: Check = Check { id: "DS031", avd: "AVD-DS-0031", title: "Secrets passed via `build-args` or envs or copied secret files", description: "Passing secrets via `build-args` or envs or copying secret files can leak them out", resolution: "Use secret mount if secrets are needed during image build. Use volume mount if secret files are needed during container runtime.", severity: Severity::Critical };

const CHECKS: usize = 5;

/// Words of DS031 that make a variable name look like a secret.
const SECRET_WORDS: &[&str] = &["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token", "usr", "psw"];

fn secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with("_file") || lower.ends_with("_path") {
        return false;
    }
    lower.split(['_', '-', '.']).any(|p| SECRET_WORDS.contains(&p)) || lower.contains("apikey") || lower.contains("password")
}

fn failure(c: &Check, message: String, at: Option<&Instruction>) -> Misconf {
    let (start, end, code) = match at {
        Some(i) => {
            let code = i.original.lines().enumerate().map(|(k, l)| {
                let n = i.line + k;
                CodeLine { number: n, content: l.to_string(), is_cause: true, first_cause: n == i.line, last_cause: n == i.end_line.max(i.line) }
            });
            (i.line, i.end_line.max(i.line), code.collect())
        }
        None => (0, 0, Vec::new()),
    };
    Misconf {
        id: c.id.to_string(),
        avd_id: c.avd.to_string(),
        title: c.title.to_string(),
        description: c.description.to_string(),
        message,
        resolution: c.resolution.to_string(),
        severity: c.severity,
        start_line: start,
        end_line: end,
        code,
    }
}

/// Runs the checks on a Dockerfile's text: (failures, checks run). A Dockerfile that does not
/// parse has no result (Trivy skips it).
pub fn check_dockerfile(text: &str) -> Option<(Vec<Misconf>, usize)> {
    let df = dockerfile::parse(text).ok()?;
    let mut fails = Vec::new();
    let mut stage_names: Vec<String> = Vec::new();
    let mut last_user: Option<&Instruction> = None;
    let mut healthcheck = false;
    let mut last_from: Option<&Instruction> = None;
    for ins in &df.instructions {
        match &ins.kind {
            InstructionKind::From(f) => {
                let image = f.image.as_str();
                let (name, tag) = match image.rsplit_once(':') {
                    Some((n, t)) if !t.contains('/') => (n, Some(t)),
                    _ => (image, None),
                };
                let skip = image == "scratch" || image.contains('@') || image.starts_with('$') || stage_names.iter().any(|s| s.eq_ignore_ascii_case(image));
                if !skip && tag.is_none_or(|t| t == "latest") {
                    fails.push(failure(&DS001, format!("Specify a tag in the 'FROM' statement for image '{name}'"), Some(ins)));
                }
                if let Some(s) = &f.stage_name {
                    stage_names.push(s.clone());
                }
                last_from = Some(ins);
                last_user = None;
            }
            InstructionKind::User(u) => last_user = Some(ins).filter(|_| !u.is_empty()),
            InstructionKind::Healthcheck(_) => healthcheck = true,
            InstructionKind::Add(c) => {
                let archive = c.sources.iter().any(|s| [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".gz"].iter().any(|e| s.ends_with(e)) || s.contains("://"));
                if !archive {
                    let args = ins.original.split_once(char::is_whitespace).map(|(_, r)| r.trim()).unwrap_or("");
                    fails.push(failure(&DS005, format!("Consider using 'COPY {args}' command instead of 'ADD {args}'"), Some(ins)));
                }
            }
            InstructionKind::Env(kvs) => {
                for kv in kvs.iter().filter(|kv| secret_name(&kv.key)) {
                    fails.push(failure(&DS031, format!("Possible exposure of secret env \"{}\" in ENV", kv.key), Some(ins)));
                }
            }
            InstructionKind::Arg(args) => {
                for a in args.iter().filter(|a| secret_name(&a.name)) {
                    fails.push(failure(&DS031, format!("Possible exposure of secret env \"{}\" in ARG", a.name), Some(ins)));
                }
            }
            _ => {}
        }
    }
    let _ = last_from;
    match last_user {
        None => fails.push(failure(&DS002, "Specify at least 1 USER command in Dockerfile with non-root user as argument".to_string(), None)),
        Some(ins) => {
            if let InstructionKind::User(u) = &ins.kind {
                let user = u.split(':').next().unwrap_or("");
                if user == "root" || user == "0" {
                    fails.push(failure(&DS002, "Last USER command in Dockerfile should not be 'root'".to_string(), Some(ins)));
                }
            }
        }
    }
    if !healthcheck {
        fails.push(failure(&DS026, "Add HEALTHCHECK instruction in your Dockerfile".to_string(), None));
    }
    // Trivy lists failures by check ID.
    crate::sort::sort_by(&mut fails, |a, b| a.id.cmp(&b.id).then(a.start_line.cmp(&b.start_line)));
    let failed_checks = {
        let mut ids: Vec<&str> = fails.iter().map(|f| f.id.as_str()).collect();
        ids.dedup();
        ids.len()
    };
    Some((fails, CHECKS.max(failed_checks)))
}

fn is_dockerfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == "dockerfile" || name.starts_with("dockerfile.") || name.ends_with(".dockerfile") || name == "containerfile"
}

pub fn scan_dir(project: &dyn ProjectFiles, cwd: &str, dir: &str, opts: &Options, now: &str, out: &mut Output) -> Result<Report, String> {
    let Some(root) = crate::docker::host_path::project_path(cwd, dir) else {
        return Err(format!("run error: filesystem scan error: scan error: scan failed: failed analysis: walk dir error: lstat {dir}: no such file or directory"));
    };
    let prefix = if root.is_empty() { String::new() } else { format!("{root}/") };
    let single = project.read(&root).is_some() && !root.is_empty();
    let files: Vec<String> = if single { vec![root.clone()] } else { project.list().into_iter().filter(|p| p.starts_with(&prefix)).collect() };
    if files.is_empty() && !root.is_empty() {
        return Err(format!("run error: filesystem scan error: scan error: scan failed: failed analysis: walk dir error: lstat {dir}: no such file or directory"));
    }
    if !opts.quiet {
        out.errln(format!("{now}\tINFO\t[misconfig] Misconfiguration scanning is enabled"));
    }
    let mut results = Vec::new();
    for f in files.iter().filter(|f| is_dockerfile(f)) {
        let rel = if single { f.rsplit('/').next().unwrap_or(f).to_string() } else { f.strip_prefix(&prefix).unwrap_or(f).to_string() };
        let Some((fails, checks)) = check_dockerfile(&project.read(f).unwrap_or_default()) else { continue };
        let failed = fails.len();
        results.push(ScanResult { target: rel, class: "config", kind: "dockerfile".to_string(), misconf_summary: Some((checks.saturating_sub(failed), failed)), misconfigs: fails, ..ScanResult::default() });
    }
    if !opts.quiet {
        out.errln(format!("{now}\tINFO\tDetected config files\tnum={}", results.len()));
    }
    Ok(Report { created_at: now.to_string(), artifact_name: dir.to_string(), artifact_type: "filesystem", metadata: None, results })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    #[test]
    fn the_notes_bad_dockerfile_fails_the_checks() {
        let Some((fails, _)) = check_dockerfile("FROM node:latest\nENV API_KEY=secret123\nADD . /app\nRUN echo \"password=secret\" > /app/config\n") else { panic!("no parse") };
        let ids: Vec<&str> = fails.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["DS001", "DS002", "DS005", "DS026", "DS031"]);
        assert_eq!(fails[4].message, "Possible exposure of secret env \"API_KEY\" in ENV");
        assert_eq!(fails[0].message, "Specify a tag in the 'FROM' statement for image 'node'");
    }

    #[test]
    fn a_good_dockerfile_passes() {
        let good = "FROM node:20-alpine AS build\nCOPY . .\nFROM node:20-alpine\nCOPY --from=build /app /app\nUSER node\nHEALTHCHECK CMD wget -qO- localhost:3000 || exit 1\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n";
        assert_eq!(check_dockerfile(good).map(|(f, _)| f.len()), Some(0));
    }
}
