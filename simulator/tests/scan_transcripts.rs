//! Transcript tests of the simulated `trivy`: table and JSON output, severity filters, exit codes,
//! `--ignore-unfixed`, secrets, `trivy config`, and the goldens in `tests/goldens/trivy/`
//! (expected transcripts written from Trivy 0.58's documented formats).

#![allow(clippy::indexing_slicing, clippy::panic, clippy::disallowed_methods)] // test code: indexes into outputs the assertions check

use simulator::transcript::{self, render_entry};
use simulator::{Event, MemoryProject, Session, SessionConfig};

fn session() -> Session {
    Session::new(SessionConfig::default(), Box::new(MemoryProject::new()))
}

fn run(s: &mut Session, line: &str) -> (String, String, i32) {
    let out = s.run_line(line);
    (out.stdout(), out.stderr(), out.exit_code)
}

/// The `Total: N` of the first target of a table.
fn total(stdout: &str) -> usize {
    stdout.lines().find_map(|l| l.strip_prefix("Total: ")).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX)
}

#[test]
fn a_clean_image_prints_its_target_and_a_zero_total() {
    let mut s = session();
    let (out, err, code) = run(&mut s, "trivy image --quiet alpine:3.21");
    assert_eq!(out, "\nalpine:3.21 (alpine 3.21.2)\n===========================\nTotal: 0 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0)\n\n");
    assert_eq!((err.as_str(), code), ("", 0));
}

#[test]
fn log_lines_go_to_stderr_in_trivys_format() {
    let mut s = session();
    let (_, err, _) = run(&mut s, "trivy image --scanners vuln alpine:3.20");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].ends_with("\tINFO\t[vuln] Vulnerability scanning is enabled"), "{err}");
    assert!(lines[1].ends_with("\tINFO\tDetected OS\tfamily=\"alpine\" version=\"3.20.5\""), "{err}");
    assert!(lines[2].ends_with("\tINFO\t[alpine] Detecting vulnerabilities...\tos_version=\"3.20\" repository=\"3.20\" pkg_num=15"), "{err}");
    assert!(lines[3].ends_with("\tINFO\tNumber of language-specific files\tnum=0"), "{err}");
    assert!(lines[0].starts_with("2025-11-15T10:00:"), "{err}");
}

#[test]
fn older_bases_find_more_than_newer_ones() {
    let mut s = session();
    let count = |s: &mut Session, image: &str| total(&run(s, &format!("trivy image -q --scanners vuln {image}")).0);
    let node16 = count(&mut s, "node:16");
    let node16_alpine = count(&mut s, "node:16-alpine");
    let node20 = count(&mut s, "node:20");
    let alpine320 = count(&mut s, "alpine:3.20");
    let alpine321 = count(&mut s, "alpine:3.21");
    assert!(node16 > node16_alpine && node16_alpine > 0, "node:16 {node16} vs node:16-alpine {node16_alpine}");
    assert!(node16_alpine > count(&mut s, "node:20-alpine"), "node:16-alpine vs node:20-alpine");
    assert!(alpine320 > alpine321, "alpine:3.20 {alpine320} vs 3.21 {alpine321}");
    assert!(node16 > node20 && node20 > 0, "node:16 (Debian 10, end of life) {node16} vs node:20 {node20}");
}

#[test]
fn severity_filter_keeps_only_the_chosen_levels_in_rows_and_total() {
    let mut s = session();
    let (out, _, _) = run(&mut s, "trivy image -q --severity HIGH,CRITICAL debian:bookworm");
    assert!(out.contains("Total: 2 (HIGH: 1, CRITICAL: 1)\n"), "{out}");
    assert!(out.contains("│ perl-base │ CVE-2023-31484 │ HIGH     │ affected     │"), "{out}");
    assert!(out.contains("│ zlib1g    │ CVE-2023-45853 │ CRITICAL │ will_not_fix │"), "{out}");
    assert!(!out.contains("LOW "), "{out}");
}

#[test]
fn exit_code_flag_fails_only_when_something_is_found() {
    let mut s = session();
    assert_eq!(run(&mut s, "trivy image -q --exit-code 1 node:16-alpine").2, 1);
    assert_eq!(run(&mut s, "trivy image -q --exit-code 1 alpine:3.21").2, 0);
    assert_eq!(run(&mut s, "trivy image -q --exit-code 3 --severity CRITICAL node:16-alpine").2, 0);
    assert_eq!(run(&mut s, "trivy image -q --exit-code 3 --severity HIGH node:16-alpine").2, 3);
}

#[test]
fn ignore_unfixed_hides_rows_without_a_fixed_version() {
    let mut s = session();
    let (all, _, _) = run(&mut s, "trivy image -q --scanners vuln debian:bookworm");
    let (fixed, _, _) = run(&mut s, "trivy image -q --scanners vuln --ignore-unfixed debian:bookworm");
    assert!(total(&all) > total(&fixed), "{all}\n{fixed}");
    assert!(fixed.contains("Total: 1 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 0, CRITICAL: 0)"), "{fixed}");
    assert!(fixed.contains("│ libgnutls30 │ CVE-2024-12243 │ MEDIUM   │ fixed  │ 3.7.9-2+deb12u3   │ 3.7.9-2+deb12u4 │"), "{fixed}");
}

#[test]
fn upgrading_packages_in_a_layer_reduces_findings() {
    let mut s = session();
    let before = total(&run(&mut s, "trivy image -q --scanners vuln debian:bookworm").0);
    run(&mut s, "docker run --name up debian:bookworm sh -c 'apt-get update && apt-get upgrade -y'");
    assert_eq!(run(&mut s, "docker commit up deb:up").2, 0);
    let (after, _, _) = run(&mut s, "trivy image -q --scanners vuln deb:up");
    assert_eq!(total(&after), before - 1, "{after}");
    assert!(!after.contains("CVE-2024-12243"), "{after}");
    run(&mut s, "docker run --name up2 alpine:3.20 apk upgrade");
    run(&mut s, "docker commit up2 alp:up");
    assert_eq!(total(&run(&mut s, "trivy image -q alp:up").0), 0);
}

#[test]
fn language_packages_of_an_image_show_their_file() {
    let mut s = session();
    run(&mut s, "docker run --name nn -w /app node:20-alpine npm install lodash@4.17.20");
    run(&mut s, "docker commit nn app:1");
    let (out, _, _) = run(&mut s, "trivy image -q app:1");
    // lodash from the learner's layer, cross-spawn bundled with node's npm.
    assert!(out.contains("\nNode.js (node-pkg)\n==================\nTotal: 3 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 0)\n"), "{out}");
    assert!(out.contains("│ lodash (package.json)      │ CVE-2021-23337 │          │        │ 4.17.20           │ 4.17.21       │"), "{out}");
    assert!(out.contains("│ cross-spawn (package.json) │ CVE-2024-21538 │"), "{out}");
    let (json, _, _) = run(&mut s, "trivy image -q -f json app:1");
    assert!(json.contains("\"PkgPath\": \"app/node_modules/lodash/package.json\""), "{json}");
}

#[test]
fn json_report_has_trivys_schema_fields() {
    let mut s = session();
    let (out, _, code) = run(&mut s, "trivy image -q -f json node:16-alpine");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let keys: Vec<&str> = v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    assert_eq!(keys, ["SchemaVersion", "CreatedAt", "ArtifactName", "ArtifactType", "Metadata", "Results"]);
    assert_eq!(v["SchemaVersion"], 2);
    assert_eq!(v["ArtifactName"], "node:16-alpine");
    assert_eq!(v["ArtifactType"], "container_image");
    assert_eq!(v["Metadata"]["OS"], serde_json::json!({"Family": "alpine", "Name": "3.18.3"}));
    assert!(v["Metadata"]["ImageID"].as_str().is_some_and(|s| s.starts_with("sha256:")));
    let diff_ids = v["Metadata"]["DiffIDs"].as_array().cloned().unwrap_or_default();
    assert!(!diff_ids.is_empty());
    assert!(v["Metadata"]["ImageConfig"]["rootfs"]["diff_ids"].is_array());
    let r = &v["Results"][0];
    assert_eq!(r["Target"], "node:16-alpine (alpine 3.18.3)");
    assert_eq!(r["Class"], "os-pkgs");
    assert_eq!(r["Type"], "alpine");
    let vulns = r["Vulnerabilities"].as_array().cloned().unwrap_or_default();
    assert!(!vulns.is_empty());
    let first = &vulns[0];
    let fields: Vec<&str> = first.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    assert_eq!(fields, ["VulnerabilityID", "PkgID", "PkgName", "PkgIdentifier", "InstalledVersion", "FixedVersion", "Status", "Layer", "SeveritySource", "PrimaryURL", "DataSource", "Title", "Severity"]);
    assert_eq!(first["PkgName"], "libcrypto3");
    assert_eq!(first["DataSource"]["Name"], "Alpine Secdb");
    assert!(first["PkgIdentifier"]["PURL"].as_str().is_some_and(|p| p.starts_with("pkg:apk/alpine/libcrypto3@3.1.2-r0?arch=x86_64&distro=3.18.3")));
    assert!(out.contains("\\u0026distro="), "Go escapes & in JSON");
    // Every vulnerability points at one of the image's layers.
    for vuln in &vulns {
        assert!(diff_ids.contains(&vuln["Layer"]["DiffID"]), "{vuln}");
        assert!(["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"].contains(&vuln["Severity"].as_str().unwrap_or("")));
    }
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let mut s = session();
    let (out, _, code) = run(&mut s, "trivy image -q --format json --output result.json alpine:3.20");
    assert_eq!((out.as_str(), code), ("", 0));
    let saved = s.project.read("result.json").unwrap_or_default();
    assert!(saved.contains("\"VulnerabilityID\": \"CVE-2023-42364\""), "{saved}");
}

#[test]
fn scan_reports_findings_per_layer_for_the_panel() {
    let mut s = session();
    let out = s.run_line("trivy image -q node:16-alpine");
    let layers = out.events.iter().find_map(|e| match e {
        Event::ScanFindings { image, layers } if image == "node:16-alpine" => Some(layers.clone()),
        _ => None,
    });
    let layers = layers.unwrap_or_else(|| panic!("no ScanFindings event: {:?}", out.events));
    assert!(layers.len() > 1);
    assert!(layers[0].vulnerabilities > 0, "the base layer holds the vulnerable openssl");
    assert!(layers[0].ids.contains(&"CVE-2023-5363".to_string()));
    // npm's bundled modules come with the layer that installed node.
    let npm_layer = layers.iter().position(|l| l.ids.contains(&"CVE-2022-25883".to_string()));
    assert!(npm_layer.is_some_and(|i| i > 0), "{layers:?}");
    assert!(!layers[0].ids.contains(&"CVE-2022-25883".to_string()));
}

#[test]
fn secrets_in_files_and_in_the_config_are_found_and_masked() {
    let mut s = session();
    run(&mut s, "docker pull -q alpine:3.21");
    run(&mut s, "docker run --name bad alpine:3.21 sh -c 'mkdir -p /app && echo password=secret > /app/config'");
    let (_, _, code) = run(&mut s, "docker commit -c 'ENV API_KEY=secret123' bad bad:1");
    assert_eq!(code, 0);
    let (out, _, code) = run(&mut s, "trivy image -q --scanners secret --exit-code 1 bad:1");
    assert_eq!(code, 1);
    assert!(out.contains("\n/app/config (secrets)\n=====================\nTotal: 1 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 1, CRITICAL: 0)\n\nHIGH: Password (hardcoded-password)\n"), "{out}");
    assert!(out.contains("   1 [ password=******\n"), "{out}");
    assert!(out.contains("HIGH: APIKey (hardcoded-api-key)"), "{out}");
    assert!(out.contains("API_KEY=*********"), "{out}");
    assert!(!out.contains("secret123"), "the secret itself is masked: {out}");
}

#[test]
fn a_build_with_a_secret_mount_leaves_nothing_to_find() {
    let bad = "FROM alpine:3.21\nENV API_KEY=secret123\nRUN mkdir -p /app && echo \"password=secret\" > /app/config\n";
    let good = "FROM alpine:3.21\nRUN --mount=type=secret,id=api_key cat /run/secrets/api_key > /dev/null\nUSER nobody\n";
    let project = MemoryProject::new().with_file("bad/Dockerfile", bad).with_file("good/Dockerfile", good).with_file("api_key.txt", "s3cr3t-value\n");
    let mut s = Session::new(SessionConfig::default(), Box::new(project));
    assert_eq!(run(&mut s, "docker build -q -t bad:1 bad").2, 0);
    let (out, _, code) = run(&mut s, "trivy image -q --scanners secret --exit-code 1 bad:1");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\n/app/config (secrets)\n"), "{out}");
    assert!(out.contains("\"API_KEY=*********\""), "{out}");
    assert_eq!(run(&mut s, "docker build -q --secret id=api_key,src=api_key.txt -t good:1 good").2, 0);
    let (out, _, code) = run(&mut s, "trivy image -q --scanners secret --exit-code 1 good:1");
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn catalog_images_have_no_secrets() {
    let mut s = session();
    for image in ["alpine:3.21", "debian:bookworm", "nginx:latest", "node:20", "python:3.12", "postgres:16", "redis:7", "httpd:2.4", "mysql:8.4", "rabbitmq:3-management", "ubuntu:22.04", "node:16"] {
        let (out, _, code) = run(&mut s, &format!("trivy image -q --scanners secret --exit-code 1 {image}"));
        assert_eq!((out.as_str(), code), ("", 0), "{image}");
    }
}

#[test]
fn fs_scans_lock_files_and_project_secrets() {
    let lock = r#"{"name":"app","lockfileVersion":3,"packages":{"":{"name":"app"},"node_modules/lodash":{"version":"4.17.20"},"node_modules/express":{"version":"4.21.2"}}}"#;
    let project = MemoryProject::new().with_file("proj/package-lock.json", lock).with_file("proj/.env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
    let mut s = Session::new(SessionConfig::default(), Box::new(project));
    let (out, err, _) = run(&mut s, "trivy fs ./proj");
    assert!(err.contains("\tINFO\t[npm] Detecting vulnerabilities...\n"), "{err}");
    assert!(out.contains("\npackage-lock.json (npm)\n=======================\nTotal: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 0)\n"), "{out}");
    assert!(out.contains("│ lodash  │ CVE-2021-23337 │ HIGH     │ fixed  │ 4.17.20           │ 4.17.21       │"), "{out}");
    assert!(out.contains("\n.env (secrets)\n==============\n"), "{out}");
    assert!(out.contains("CRITICAL: AWS (aws-access-key-id)\n════════════════════════════════════════\nAWS Access Key ID\n"), "{out}");
}

#[test]
fn config_checks_the_notes_dockerfile() {
    let bad = "FROM node:latest\nENV API_KEY=secret123\nRUN echo \"password=secret\" > /app/config\n";
    let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new().with_file("Dockerfile", bad)));
    let (out, err, code) = run(&mut s, "trivy config --exit-code 1 .");
    assert_eq!(code, 1);
    assert!(err.contains("\tINFO\tDetected config files\tnum=1\n"), "{err}");
    assert!(out.starts_with("\nDockerfile (dockerfile)\n=======================\nTests: 5 (SUCCESSES: 1, FAILURES: 4)\nFailures: 4 (UNKNOWN: 0, LOW: 1, MEDIUM: 1, HIGH: 1, CRITICAL: 1)\n\n"), "{out}");
    assert!(out.contains("DS031 (CRITICAL): Possible exposure of secret env \"API_KEY\" in ENV\n"), "{out}");
    assert!(out.contains(" Dockerfile:2\n────────────────────────────────────────\n   2 [ ENV API_KEY=secret123\n"), "{out}");
}

#[test]
fn config_json_has_trivys_misconfiguration_fields() {
    let bad = "FROM node:latest\nENV API_KEY=secret123\n";
    let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new().with_file("Dockerfile", bad)));
    let (out, _, _) = run(&mut s, "trivy config -q -f json .");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(v["ArtifactType"], "filesystem");
    let r = &v["Results"][0];
    assert_eq!((r["Target"].as_str(), r["Class"].as_str(), r["Type"].as_str()), (Some("Dockerfile"), Some("config"), Some("dockerfile")));
    assert_eq!(r["MisconfSummary"], serde_json::json!({"Successes": 1, "Failures": 4}));
    let m = r["Misconfigurations"].as_array().cloned().unwrap_or_default();
    let ds031 = m.iter().find(|x| x["ID"] == "DS031").cloned().unwrap_or_default();
    assert_eq!(ds031["AVDID"], "AVD-DS-0031");
    assert_eq!(ds031["Severity"], "CRITICAL");
    assert_eq!(ds031["Status"], "FAIL");
    assert_eq!(ds031["Namespace"], "builtin.dockerfile.DS031");
    assert_eq!(ds031["CauseMetadata"]["StartLine"], 2);
    assert_eq!(ds031["CauseMetadata"]["Code"]["Lines"][0]["Content"], "ENV API_KEY=secret123");
    assert_eq!(ds031["CauseMetadata"]["Code"]["Lines"][0]["IsCause"], true);
}

#[test]
fn version_help_and_errors() {
    let mut s = session();
    let (out, _, code) = run(&mut s, "trivy --version");
    assert_eq!(code, 0);
    assert!(out.starts_with("Version: 0.58.2\nVulnerability DB:\n  Version: 2\n  UpdatedAt: 2025-02-14 "), "{out}");
    assert!(run(&mut s, "trivy --help").0.contains("Scanning Commands"));
    let (_, err, code) = run(&mut s, "trivy image --frobnicate alpine");
    assert_eq!(code, 1);
    assert!(err.ends_with("\tFATAL\tFatal error\tunknown flag: --frobnicate\n"), "{err}");
    let mut offline = Session::real_docker_fixture();
    let (_, err, code) = run(&mut offline, "trivy image nosuch:1.0");
    assert_eq!(code, 1);
    assert!(err.contains("unable to find the specified image \"nosuch:1.0\" in [\"docker\" \"containerd\" \"podman\" \"remote\"]: 4 errors occurred:\n\t* docker error: unable to inspect the image (nosuch:1.0): Error response from daemon: No such image: nosuch:1.0\n"), "{err}");
}

/// The goldens: `tests/goldens/trivy/*.txt` replayed in a fresh session each, the clock starting
/// at 2025-11-15T10:00:00Z and advancing a second per command as in `dockersim`.
#[test]
fn goldens_replay() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/goldens/trivy");
    let mut files: Vec<_> = std::fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    assert!(!files.is_empty(), "no goldens in {dir}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut s = session();
        for e in transcript::parse(&text) {
            // As dockersim and `transcript::run_lines`: the clock advances a second per command.
            let next = s.now().plus_secs(1);
            s.set_now(next);
            let out = s.run_line(&e.command);
            assert_eq!(render_entry(&e.command, &out.combined(), out.exit_code), render_entry(&e.command, &e.output, e.exit_code), "{}", path.display());
        }
    }
}
