//! The `hadolint` program of the terminal (hadolint 2.12.0): `hadolint [options] DOCKERFILE…`,
//! `hadolint -` (stdin), `--format tty|json`, `--ignore`, `--error/--warning/--info/--style`,
//! `-t/--failure-threshold`, `--no-fail`, `--no-color`, `--file-path-in-report`, `-v/--version`.
//! Output without colour (no TTY); exit 1 when a finding is at or above the threshold (default
//! `info`) or a file does not parse.

use super::{lint_with, Config, Level, Outcome};
use crate::json_object::JsonObject;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

pub const VERSION: &str = "Haskell Dockerfile Linter 2.12.0";

const USAGE: &str = "Usage: hadolint [-v|--version] [-c|--config FILENAME] [DOCKERFILE...] 
                [--file-path-in-report FILEPATHINREPORT] [--no-fail] 
                [--no-color] [-V|--verbose] [-f|--format ARG] [--error RULECODE]
                [--warning RULECODE] [--info RULECODE] [--style RULECODE] 
                [--ignore RULECODE] 
                [--trusted-registry REGISTRY (e.g. docker.io)] 
                [--require-label LABELSCHEMA (e.g. maintainer:text)] 
                [--strict-labels] [--disable-ignore-pragma] 
                [-t|--failure-threshold THRESHOLD]";

const HELP_TAIL: &str = "  Lint Dockerfile for errors and best practices

Available options:
  -h,--help                Show this help text
  -v,--version             Show version
  -c,--config FILENAME     Path to the configuration file
  --file-path-in-report FILEPATHINREPORT
                           The file path referenced in the generated report.
                           This only applies for the 'checkstyle' format and is
                           useful when running Hadolint with Docker to set the
                           correct file path.
  --no-fail                Don't exit with a failure status code when any rule
                           is violated
  --no-color               Don't colorize output
  -V,--verbose             Enables verbose logging of hadolint's output to
                           stderr
  -f,--format ARG          The output format for the results [tty | json |
                           checkstyle | codeclimate | gitlab_codeclimate | gnu |
                           codacy | sonarqube | sarif] (default: tty)
  --error RULECODE         Make the rule `RULECODE` have the level `error`
  --warning RULECODE       Make the rule `RULECODE` have the level `warning`
  --info RULECODE          Make the rule `RULECODE` have the level `info`
  --style RULECODE         Make the rule `RULECODE` have the level `style`
  --ignore RULECODE        A rule to ignore. If present, the ignore list in the
                           config file is ignored
  --trusted-registry REGISTRY (e.g. docker.io)
                           A docker registry to allow to appear in FROM
                           instructions
  --require-label LABELSCHEMA (e.g. maintainer:text)
                           The option --require-label=label:format makes
                           Hadolint check that the label `label` conforms to
                           format requirement `format`
  --strict-labels          Do not permit labels other than specified in
                           `label-schema`
  --disable-ignore-pragma  Disable inline ignore pragmas `# hadolint
                           ignore=DLxxxx`
  -t,--failure-threshold THRESHOLD
                           Exit with failure code only when rules with a
                           severity equal to or above THRESHOLD are violated.
                           Accepted values: [error | warning | info | style |
                           ignore | none] (default: info)
";

#[derive(Default)]
struct Options {
    files: Vec<String>,
    json: bool,
    no_fail: bool,
    threshold: Option<Level>,
    config: Config,
    report_path: Option<String>,
}

/// optparse-applicative's error screen: the message, the usage, the description; exit 1.
fn usage_error(out: &mut Output, msg: &str) -> Output {
    out.errln(msg);
    out.errln("");
    out.errln(USAGE);
    out.errln("");
    out.errln("  Lint Dockerfile for errors and best practices");
    std::mem::take(out).with_exit(1)
}

/// Runs `hadolint` with `call.argv` (`argv[0]` is `hadolint`).
#[allow(clippy::result_large_err)]
pub fn run(project: &mut dyn ProjectFiles, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = call.argv.get(1..).unwrap_or(&[]);
    let mut o = Options::default();
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |out: &mut Output| -> Result<String, Output> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            match args.get(i) {
                Some(v) => {
                    i += 1;
                    Ok(v.clone())
                }
                None => Err(usage_error(out, &format!("The option `{name}` expects an argument."))),
            }
        };
        match name.as_str() {
            "-v" | "--version" => {
                out.outln(VERSION);
                return out;
            }
            "-h" | "--help" => {
                out.outln("hadolint - Dockerfile Linter written in Haskell");
                out.outln("");
                out.outln(USAGE);
                out.outln("");
                out.out(HELP_TAIL);
                return out;
            }
            "--no-fail" => o.no_fail = true,
            "--no-color" | "--strict-labels" | "--disable-ignore-pragma" | "-V" | "--verbose" => {}
            "-f" | "--format" => match value(&mut out) {
                Ok(v) => match v.as_str() {
                    "tty" => o.json = false,
                    "json" => o.json = true,
                    // (hadolint's other formats — checkstyle, gnu, sarif… — are not simulated.)
                    other => return usage_error(&mut out, &format!("option -f: cannot parse value `{other}'")),
                },
                Err(e) => return e,
            },
            "--ignore" => match value(&mut out) {
                Ok(v) => o.config.ignored.push(v),
                Err(e) => return e,
            },
            "--error" | "--warning" | "--info" | "--style" => {
                let level = Level::parse(name.trim_start_matches('-')).unwrap_or(Level::Warning);
                match value(&mut out) {
                    Ok(v) => o.config.overrides.push((v, level)),
                    Err(e) => return e,
                }
            }
            "-t" | "--failure-threshold" => match value(&mut out) {
                Ok(v) => match Level::parse(&v) {
                    Some(l) => o.threshold = Some(l),
                    None => return usage_error(&mut out, &format!("option -t: Invalid severity: {v}")),
                },
                Err(e) => return e,
            },
            "--file-path-in-report" => match value(&mut out) {
                Ok(v) => o.report_path = Some(v),
                Err(e) => return e,
            },
            "-c" | "--config" | "--trusted-registry" | "--require-label" => {
                if let Err(e) = value(&mut out) {
                    return e;
                }
            }
            "-" => o.files.push("-".into()),
            s if s.starts_with('-') => return usage_error(&mut out, &format!("Invalid option `{a}'")),
            _ => o.files.push(a.clone()),
        }
    }
    if o.files.is_empty() {
        out.outln("Please provide a Dockerfile");
        return out.with_exit(1);
    }
    let threshold = o.threshold.unwrap_or(Level::Info);
    let mut failed = false;
    let mut json_items: Vec<serde_json::Value> = Vec::new();
    for file in &o.files {
        let text = if file == "-" {
            call.stdin.unwrap_or_default().to_string()
        } else {
            let rel = crate::docker::host_path::project_path(call.cwd, file);
            match rel.and_then(|r| project.read(&r)) {
                Some(t) => t,
                None => {
                    out.errln(format!("hadolint: {file}: withBinaryFile: does not exist (No such file or directory)"));
                    return out.with_exit(1);
                }
            }
        };
        let shown = if file == "-" { "-".to_string() } else { file.clone() };
        match lint_with(&text, &o.config) {
            Outcome::Findings(findings) => {
                for f in findings {
                    if f.level <= threshold {
                        failed = true;
                    }
                    if o.json {
                        json_items.push(finding_json(f.rule, 1, &shown, f.level.as_str(), f.line, &f.message));
                    } else {
                        out.outln(format!("{shown}:{} {} {}: {}", f.line, f.rule, f.level.as_str(), f.message));
                    }
                }
            }
            Outcome::ParseError { line, column, message, .. } => {
                failed = true;
                if o.json {
                    json_items.push(finding_json("DL1000", column, &shown, "error", line, &message));
                } else {
                    out.outln(format!("{shown}:{line}:{column} {message}"));
                }
            }
        }
    }
    if o.json {
        out.out(serde_json::Value::Array(json_items).to_string());
    }
    if failed && !o.no_fail {
        return out.with_exit(1);
    }
    out
}


/// One finding of `--format json`, keys as hadolint writes them.
fn finding_json(code: &str, column: usize, file: &str, level: &str, line: usize, message: &str) -> serde_json::Value {
    let mut o = JsonObject::new();
    o.str("code", code);
    o.uint("column", column as u64);
    o.str("file", file);
    o.str("level", level);
    o.uint("line", line as u64);
    o.str("message", message);
    o.into_value()
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used)]
mod tests {
    use crate::project::MemoryProject;
    use crate::session::{Session, SessionConfig};

    const DOCKERFILE: &str = "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\nCMD node app.js\n";

    fn session() -> Session {
        let project = MemoryProject::new().with_file("Dockerfile", DOCKERFILE).with_file("ok/Dockerfile", "FROM alpine:3.20\nCMD [\"sh\"]\n");
        Session::new(SessionConfig::default(), Box::new(project))
    }

    #[test]
    fn tty_output_and_exit_code() {
        let out = session().run_line("hadolint Dockerfile");
        assert_eq!(
            out.stdout(),
            "Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n\
             Dockerfile:2 DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`\n\
             Dockerfile:2 DL3009 info: Delete the apt-get lists after installing something\n\
             Dockerfile:2 DL3015 info: Avoid additional packages by specifying `--no-install-recommends`\n\
             Dockerfile:3 DL3025 warning: Use arguments JSON notation for CMD and ENTRYPOINT arguments\n"
        );
        assert_eq!(out.exit_code, 1);
        let clean = session().run_line("hadolint ok/Dockerfile");
        assert_eq!((clean.stdout(), clean.exit_code), (String::new(), 0));
    }

    #[test]
    fn thresholds_ignores_and_overrides() {
        let out = session().run_line("hadolint --ignore DL3006 --ignore DL3008 -t warning Dockerfile");
        assert!(!out.stdout().contains("DL3006") && !out.stdout().contains("DL3008"), "{}", out.stdout());
        assert_eq!(out.exit_code, 1, "DL3025 is a warning");
        let out = session().run_line("hadolint --failure-threshold error Dockerfile");
        assert_eq!(out.exit_code, 0);
        let out = session().run_line("hadolint --error DL3015 -t error Dockerfile");
        assert!(out.stdout().contains("Dockerfile:2 DL3015 error:"), "{}", out.stdout());
        assert_eq!(out.exit_code, 1);
        let out = session().run_line("hadolint --no-fail Dockerfile");
        assert_eq!(out.exit_code, 0);
        let out = session().run_line("hadolint --warning DL3057 ok/Dockerfile");
        assert_eq!(out.stdout(), "ok/Dockerfile:1 DL3057 warning: `HEALTHCHECK` instruction missing.\n");
    }

    #[test]
    fn json_stdin_version_and_errors() {
        let out = session().run_line("cat ok/Dockerfile | hadolint -f json -");
        assert_eq!((out.stdout(), out.exit_code), ("[]".to_string(), 0));
        let out = session().run_line("echo 'CMD node app.js' | hadolint --format=json -");
        assert_eq!(
            out.stdout(),
            "[{\"code\":\"DL3025\",\"column\":1,\"file\":\"-\",\"level\":\"warning\",\"line\":1,\"message\":\"Use arguments JSON notation for CMD and ENTRYPOINT arguments\"},\
             {\"code\":\"DL3061\",\"column\":1,\"file\":\"-\",\"level\":\"error\",\"line\":1,\"message\":\"Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.\"}]"
        );
        assert_eq!(session().run_line("hadolint -v").stdout(), "Haskell Dockerfile Linter 2.12.0\n");
        let out = session().run_line("hadolint");
        assert_eq!((out.stdout(), out.exit_code), ("Please provide a Dockerfile\n".to_string(), 1));
        let out = session().run_line("hadolint nope/Dockerfile");
        assert_eq!(out.stderr(), "hadolint: nope/Dockerfile: withBinaryFile: does not exist (No such file or directory)\n");
        assert_eq!(out.exit_code, 1);
        let out = session().run_line("hadolint --bogus Dockerfile");
        assert!(out.stderr().starts_with("Invalid option `--bogus'\n"), "{}", out.stderr());
        let out = session().run_line("echo 'FROM alpine:3.20\nRUNN x' | hadolint -");
        assert_eq!(out.exit_code, 1);
        assert!(out.stdout().starts_with("-:2:1 unknown instruction: RUNN"), "{}", out.stdout());
        assert!(session().run_line("type hadolint").exit_code == 0);
    }
}
