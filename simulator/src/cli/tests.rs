//! Parser tests: exact outputs taken from the real Docker CLI 28.2.2.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::expect_used)]

use super::*;
use crate::output::Output;

fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

fn help_file(name: &str) -> String {
    let path = format!("{}/src/cli/help/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// True if the real client's answer is one the parser owns: a help text, a usage error, an
/// unknown command, a rejected global option or flag. Anything else came after parsing (the
/// daemon could not be reached, a file was missing…), so the parser must have said `Ok`.
fn is_parse_outcome(rec: &serde_json::Value, stdout: &str, stderr: &str) -> bool {
    const PLAIN_FLAG_ERRORS: &[&str] = &[
        "unknown flag: ",
        "unknown shorthand flag: ",
        "invalid argument ",
        "flag needs an argument: ",
        "bad flag syntax: ",
    ];
    rec.get("help").is_some()
        || stdout.starts_with("Usage:")
        || stderr.starts_with("Usage:")
        || stderr.starts_with("docker: unknown command: ")
        || stderr.contains("\n\nUsage:  ")
        || stderr.starts_with("unknown help topic: ")
        || stderr.starts_with("Unable to parse logging level: ")
        || stderr.starts_with("conflicting options: cannot specify both --host and --context")
        || stderr.contains("is only supported on a Docker daemon")
        || stderr.contains("ERROR: unknown command: ")
        || PLAIN_FLAG_ERRORS
            .iter()
            .any(|p| stderr.trim_start_matches("ERROR: ").starts_with(p))
}

/// Real behaviours the simulator does not reproduce, with the reason.
const KNOWN_DIFFERENCES: &[(&[&str], &str)] = &[
    (
        &["help", "builder", "prune"],
        "legacy builder subcommands other than build have no help text",
    ),
    (
        &["image", "-h", "build"],
        "a flag between `image` and `build` stops the buildx forwarding: legacy builder",
    ),
];

/// Every case of `testdata/cases.jsonl` (captured from the real client by
/// `testdata/capture_cases.py`) parses to the same outcome: the same output and exit code for
/// errors and help, and `Ok` where the real client went on to contact the daemon.
#[test]
fn real_docker_corpus() {
    let data = include_str!("testdata/cases.jsonl");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let args: Vec<String> = rec["argv"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let mut stdout = rec["stdout"].as_str().unwrap_or_default().to_string();
        if let Some(help) = rec["help"].as_str() {
            stdout.push_str(&help_file(help));
        }
        let stderr = rec["stderr"].as_str().unwrap().to_string();
        let exit = rec["exit"].as_i64().unwrap() as i32;
        count += 1;
        if KNOWN_DIFFERENCES.iter().any(|(k, _)| args == argv(k)) {
            continue;
        }
        let got = parse_full(&args);
        let problem = match (&got, !is_parse_outcome(&rec, &stdout, &stderr)) {
            (Ok(p), true) => {
                let n = &p.notices;
                if stdout.starts_with(&n.stdout()) && stderr.starts_with(&n.stderr()) {
                    None
                } else {
                    Some(format!("notices differ: {:?}", n))
                }
            }
            (Ok(p), false) => Some(format!(
                "parsed as {:?} but Docker printed\n[stdout]\n{stdout}[stderr]\n{stderr}[exit {exit}]",
                p.invocation
            )),
            (Err(out), true) => Some(format!("rejected but Docker went on:\n{}", show(out))),
            (Err(out), false) => {
                if out.stdout() == stdout && out.stderr() == stderr && out.exit_code == exit {
                    None
                } else {
                    Some(format!(
                        "expected\n[stdout]\n{stdout}[stderr]\n{stderr}[exit {exit}]\ngot\n{}",
                        show(out)
                    ))
                }
            }
        };
        if let Some(p) = problem {
            failures.push(format!("docker {:?}: {p}", args));
        }
    }
    assert!(count > 2000, "corpus too small: {count}");
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(15).collect();
        panic!(
            "{} of {count} cases differ:\n\n{}",
            failures.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n")
        );
    }
}

fn show(out: &Output) -> String {
    let stdout = out.stdout();
    let stdout = if stdout.len() > 400 {
        format!(
            "{}…",
            &stdout[..stdout.char_indices().nth(400).map_or(stdout.len(), |(i, _)| i)]
        )
    } else {
        stdout
    };
    format!("[stdout]\n{stdout}[stderr]\n{}[exit {}]", out.stderr(), out.exit_code)
}

// ---------------------------------------------------------------------------------------------
// Representative cases, with the real client's exact output.

fn ok(words: &[&str]) -> Invocation {
    match parse(&argv(words)) {
        Ok(inv) => inv,
        Err(out) => panic!("docker {words:?} was rejected:\n{}", show(&out)),
    }
}

fn err(words: &[&str]) -> Output {
    match parse(&argv(words)) {
        Ok(inv) => panic!("docker {words:?} parsed as {inv:?}"),
        Err(out) => *out,
    }
}

fn list(items: &[&str]) -> FlagValue {
    FlagValue::List(items.iter().map(|s| s.to_string()).collect())
}

#[test]
fn parses_ps_with_grouped_short_flags() {
    let inv = ok(&["ps", "-aq", "--last", "3", "-f", "status=exited"]);
    assert_eq!(inv.command, "container ls");
    assert_eq!(inv.typed, "docker ps");
    assert!(inv.bool("all") && inv.bool("quiet"));
    assert_eq!(inv.int("last"), Some(3));
    assert_eq!(inv.list("filter"), ["status=exited".to_string()]);
    assert!(inv.args.is_empty());
}

#[test]
fn aliases_reach_the_canonical_command_with_dockers_path() {
    for (words, command, typed) in [
        (&["ps"][..], "container ls", "docker ps"),
        (&["container", "ls"][..], "container ls", "docker container ls"),
        (&["container", "list"][..], "container ls", "docker container ls"),
        (&["container", "ps"][..], "container ls", "docker container ls"),
        (&["images"][..], "image ls", "docker images"),
        (&["image", "list"][..], "image ls", "docker image ls"),
        (&["rmi", "x"][..], "image rm", "docker rmi"),
        (&["image", "rmi", "x"][..], "image rm", "docker image rm"),
        (&["image", "remove", "x"][..], "image rm", "docker image rm"),
        (&["remove", "x"][..], "container rm", "docker rm"),
        (&["container", "remove", "x"][..], "container rm", "docker container rm"),
        (&["system", "info"][..], "info", "docker system info"),
        (&["volume", "list"][..], "volume ls", "docker volume ls"),
        (&["network", "remove", "n"][..], "network rm", "docker network rm"),
        (&["build", "."][..], "build", "docker buildx build"),
        (&["image", "build", "."][..], "build", "docker buildx build"),
        (&["builder", "build", "."][..], "build", "docker buildx build"),
        (&["builder", "b", "."][..], "build", "docker buildx build"),
    ] {
        let inv = ok(words);
        assert_eq!((inv.command, inv.typed.as_str()), (command, typed), "docker {words:?}");
    }
}

#[test]
fn run_stops_at_the_image_and_takes_attached_values() {
    let inv = ok(&[
        "run",
        "-it",
        "--rm",
        "-dp",
        "80:80",
        "-p8080:80",
        "-e",
        "A=1",
        "-eB=2",
        "--name=web",
        "alpine",
        "sh",
        "-c",
        "echo hi",
        "--rm",
    ]);
    assert_eq!(inv.command, "container run");
    assert!(inv.bool("interactive") && inv.bool("tty") && inv.bool("rm") && inv.bool("detach"));
    assert_eq!(inv.flags.get("publish"), Some(&list(&["80:80", "8080:80"])));
    assert_eq!(inv.list("env"), ["A=1".to_string(), "B=2".to_string()]);
    assert_eq!(inv.str("name"), Some("web"));
    assert_eq!(inv.args, argv(&["alpine", "sh", "-c", "echo hi", "--rm"]));
}

#[test]
fn values_are_kept_as_typed_and_hidden_aliases_share_a_key() {
    let inv = ok(&[
        "run",
        "-m",
        "512m",
        "--cpus",
        "1.5",
        "--health-interval",
        "1m30s",
        "--net",
        "host",
        "--network",
        "b",
        "--blkio-weight",
        "0x10",
        "alpine",
    ]);
    assert_eq!(inv.str("memory"), Some("512m"));
    assert_eq!(inv.str("cpus"), Some("1.5"));
    assert_eq!(inv.str("health-interval"), Some("1m30s"));
    assert_eq!(inv.flags.get("network"), Some(&list(&["host", "b"])));
    assert_eq!(inv.int("blkio-weight"), Some(16));
    let inv = ok(&["run", "--rm=false", "alpine"]);
    assert_eq!(inv.flags.get("rm"), Some(&FlagValue::Bool(false)));
    assert!(!inv.bool("rm") && inv.has("rm"));
}

#[test]
fn global_options_are_accepted_and_kept_apart() {
    let p = parse_full(&argv(&[
        "-D",
        "-H",
        "unix:///var/run/docker.sock",
        "--log-level",
        "warn",
        "ps",
        "-a",
    ]))
    .unwrap();
    assert_eq!(p.invocation.command, "container ls");
    assert!(p.invocation.bool("all"));
    assert!(!p.invocation.has("debug"));
    assert!(p.globals.debug);
    assert_eq!(p.globals.hosts, ["unix:///var/run/docker.sock".to_string()]);
    assert_eq!(p.globals.log_level.as_deref(), Some("warn"));
    assert_eq!(ok(&["--", "ps"]).command, "container ls");
}

#[test]
fn version_flag_and_command() {
    for words in [&["--version"][..], &["-v"], &["-Dv"], &["--version", "foo"], &["foo", "-v"]] {
        assert_eq!(ok(words).command, "--version", "docker {words:?}");
    }
    assert_eq!(ok(&["version"]).command, "version");
    // `-v` before a command is the root's flag and the command runs.
    assert_eq!(ok(&["-v", "ps"]).command, "container ls");
}

#[test]
fn deprecated_time_flag_prints_a_notice_and_sets_timeout() {
    let p = parse_full(&argv(&["stop", "--time", "5", "web"])).unwrap();
    assert_eq!(p.invocation.int("timeout"), Some(5));
    assert_eq!(p.notices.stdout(), "Flag --time has been deprecated, use --timeout instead\n");
    assert_eq!(p.notices.stderr(), "");
}

#[test]
fn unknown_flag() {
    let out = err(&["ps", "--foo"]);
    assert_eq!(
        out.stderr(),
        "unknown flag: --foo\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"
    );
    assert_eq!(out.stdout(), "");
    assert_eq!(out.exit_code, 125);
}

#[test]
fn unknown_shorthand() {
    let out = err(&["ps", "-z"]);
    assert_eq!(
        out.stderr(),
        "unknown shorthand flag: 'z' in -z\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"
    );
    assert_eq!(out.exit_code, 125);
    let out = err(&["ps", "-aé"]);
    assert!(
        out.stderr().starts_with("unknown shorthand flag: 'Ã' in -é\n"),
        "{}",
        out.stderr()
    );
}

#[test]
fn flag_needs_an_argument() {
    let out = err(&["ps", "-n"]);
    assert_eq!(
        out.stderr(),
        "flag needs an argument: 'n' in -n\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"
    );
    assert_eq!(out.exit_code, 125);
    let out = err(&["run", "-h"]);
    assert_eq!(
        out.stderr(),
        "flag needs an argument: 'h' in -h\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n"
    );
}

#[test]
fn invalid_int_and_bool() {
    let out = err(&["ps", "-n", "abc"]);
    assert_eq!(
        out.stderr(),
        "invalid argument \"abc\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"
    );
    assert_eq!(out.exit_code, 125);
    let out = err(&["ps", "--all=maybe"]);
    assert_eq!(
        out.stderr(),
        "invalid argument \"maybe\" for \"-a, --all\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"
    );
    let out = err(&["stop", "--time", "x", "a"]);
    assert!(out
        .stderr()
        .starts_with("invalid argument \"x\" for \"--time\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\n"));
}

#[test]
fn argument_count_errors_keep_dockers_see_and_run_wording() {
    let out = err(&["ps", "extra"]);
    assert_eq!(out.stderr(), "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
    assert_eq!(out.exit_code, 1);
    let out = err(&["rm"]);
    assert_eq!(
        out.stderr(),
        "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n"
    );
    let out = err(&["exec", "-it"]);
    assert_eq!(
        out.stderr(),
        "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n"
    );
    let out = err(&["volume", "create", "a", "b"]);
    assert_eq!(
        out.stderr(),
        "docker: 'docker volume create' requires at most 1 argument\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nSRun 'docker volume create --help' for more information\n"
    );
    let out = err(&["port"]);
    assert_eq!(
        out.stderr(),
        "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n"
    );
    let out = err(&["build"]);
    assert_eq!(
        out.stderr(),
        "ERROR: docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n"
    );
    assert_eq!(out.exit_code, 1);
}

#[test]
fn unknown_commands() {
    let out = err(&["foo"]);
    assert_eq!(
        out.stderr(),
        "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n"
    );
    assert_eq!(out.exit_code, 1);
    let out = err(&["container", "foo"]);
    assert_eq!(
        out.stderr(),
        "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n"
    );
    assert_eq!(out.exit_code, 1);
    let out = err(&["builder", "foo"]);
    assert_eq!(out.stdout(), help_file("builder.txt"));
    assert_eq!(out.stderr(), "ERROR: unknown command: \"foo\"\n");
}

#[test]
fn help_goes_to_stdout_and_bare_management_commands_to_stderr() {
    let out = err(&["--help"]);
    assert_eq!(
        (out.stdout(), out.stderr(), out.exit_code),
        (help_file("docker.txt"), String::new(), 0)
    );
    let out = err(&[]);
    assert_eq!(
        (out.stdout(), out.stderr(), out.exit_code),
        (String::new(), help_file("docker.txt"), 0)
    );
    let out = err(&["container"]);
    assert_eq!(
        (out.stdout(), out.stderr(), out.exit_code),
        (String::new(), help_file("container.txt"), 0)
    );
    let out = err(&["ps", "-h"]);
    assert_eq!(
        out.stdout(),
        format!("Flag shorthand -h has been deprecated, use --help\n{}", help_file("ps.txt"))
    );
    let out = err(&["-h"]);
    assert_eq!(out.stderr(), "Flag shorthand -h has been deprecated, use --help\n");
    assert_eq!(out.stdout(), help_file("docker.txt"));
    let out = err(&["container", "-h", "ls"]);
    let notice = "Flag shorthand -h has been deprecated, use --help\n";
    assert_eq!(out.stdout(), format!("{}{}", notice.repeat(3), help_file("container_ls.txt")));
    let out = err(&["help", "run"]);
    assert_eq!(out.stdout(), help_file("run.txt"));
    let out = err(&["help", "container", "foo"]);
    assert_eq!((out.stderr(), out.exit_code), ("unknown help topic: foo\n".to_string(), 1));
}

#[test]
fn buildx_help_drops_the_builder_default_when_a_builder_is_named() {
    let out = err(&["build", "--builder", "x", "--help"]);
    assert!(out
        .stdout()
        .contains("      --builder string                Override the configured builder instance\n      --cache-from"));
}

#[test]
fn flags_a_linux_daemon_refuses() {
    let out = err(&["run", "--cpu-percent", "3", "--cpu-count", "2", "alpine"]);
    assert_eq!(
        out.stderr(),
        "\"--cpu-count\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n\"--cpu-percent\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n"
    );
    assert_eq!(out.exit_code, 1);
    let out = err(&["start", "--checkpoint", "x", "nonexist-zz"]);
    assert_eq!(
        out.stderr(),
        "\"--checkpoint\" is only supported on a Docker daemon with experimental features enabled\n"
    );
}

#[test]
fn global_option_checks() {
    let out = err(&["-l", "foo", "ps", "extra"]);
    assert_eq!(
        (out.stderr(), out.exit_code),
        ("Unable to parse logging level: foo\n".to_string(), 1)
    );
    let out = err(&["-H", "x", "-c", "y", "ps"]);
    assert_eq!(
        out.stderr(),
        "conflicting options: cannot specify both --host and --context\n"
    );
    let out = err(&["--foo"]);
    assert_eq!(
        out.stderr(),
        "unknown flag: --foo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n"
    );
    assert_eq!(out.exit_code, 125);
}

// ---------------------------------------------------------------------------------------------
// Help texts: every command has one, it is served byte for byte, and its flags parse.

/// `docker <words> --help` prints `help/<file>`, for every command path and alias.
const HELP_CASES: &[(&str, &str)] = &[
    ("", "docker.txt"),
    ("version", "version.txt"),
    ("info", "info.txt"),
    ("run", "run.txt"),
    ("create", "create.txt"),
    ("start", "start.txt"),
    ("stop", "stop.txt"),
    ("restart", "restart.txt"),
    ("pause", "pause.txt"),
    ("unpause", "unpause.txt"),
    ("kill", "kill.txt"),
    ("rm", "rm.txt"),
    ("remove", "rm.txt"),
    ("rename", "rename.txt"),
    ("wait", "wait.txt"),
    ("logs", "logs.txt"),
    ("top", "top.txt"),
    ("port", "port.txt"),
    ("inspect", "inspect.txt"),
    ("ps", "ps.txt"),
    ("stats", "stats.txt"),
    ("exec", "exec.txt"),
    ("attach", "attach.txt"),
    ("cp", "cp.txt"),
    ("diff", "diff.txt"),
    ("commit", "commit.txt"),
    ("export", "export.txt"),
    ("images", "images.txt"),
    ("pull", "pull.txt"),
    ("push", "push.txt"),
    ("rmi", "rmi.txt"),
    ("history", "history.txt"),
    ("tag", "tag.txt"),
    ("save", "save.txt"),
    ("load", "load.txt"),
    ("search", "search.txt"),
    ("login", "login.txt"),
    ("logout", "logout.txt"),
    ("build", "build.txt"),
    ("help", "help.txt"),
    ("container", "container.txt"),
    ("container run", "container_run.txt"),
    ("container create", "container_create.txt"),
    ("container start", "container_start.txt"),
    ("container stop", "container_stop.txt"),
    ("container restart", "container_restart.txt"),
    ("container pause", "container_pause.txt"),
    ("container unpause", "container_unpause.txt"),
    ("container kill", "container_kill.txt"),
    ("container rm", "container_rm.txt"),
    ("container remove", "container_rm.txt"),
    ("container rename", "container_rename.txt"),
    ("container wait", "container_wait.txt"),
    ("container logs", "container_logs.txt"),
    ("container top", "container_top.txt"),
    ("container port", "container_port.txt"),
    ("container inspect", "container_inspect.txt"),
    ("container ls", "container_ls.txt"),
    ("container list", "container_ls.txt"),
    ("container ps", "container_ls.txt"),
    ("container prune", "container_prune.txt"),
    ("container stats", "container_stats.txt"),
    ("container exec", "container_exec.txt"),
    ("container attach", "container_attach.txt"),
    ("container cp", "container_cp.txt"),
    ("container diff", "container_diff.txt"),
    ("container commit", "container_commit.txt"),
    ("container export", "container_export.txt"),
    ("image", "image.txt"),
    ("image ls", "image_ls.txt"),
    ("image list", "image_ls.txt"),
    ("image pull", "image_pull.txt"),
    ("image push", "image_push.txt"),
    ("image rm", "image_rm.txt"),
    ("image rmi", "image_rm.txt"),
    ("image remove", "image_rm.txt"),
    ("image prune", "image_prune.txt"),
    ("image history", "image_history.txt"),
    ("image tag", "image_tag.txt"),
    ("image inspect", "image_inspect.txt"),
    ("image save", "image_save.txt"),
    ("image load", "image_load.txt"),
    ("image build", "build.txt"),
    ("builder", "builder.txt"),
    ("builder build", "build.txt"),
    ("builder b", "build.txt"),
    ("volume", "volume.txt"),
    ("volume create", "volume_create.txt"),
    ("volume ls", "volume_ls.txt"),
    ("volume list", "volume_ls.txt"),
    ("volume inspect", "volume_inspect.txt"),
    ("volume rm", "volume_rm.txt"),
    ("volume remove", "volume_rm.txt"),
    ("volume prune", "volume_prune.txt"),
    ("network", "network.txt"),
    ("network create", "network_create.txt"),
    ("network ls", "network_ls.txt"),
    ("network list", "network_ls.txt"),
    ("network inspect", "network_inspect.txt"),
    ("network rm", "network_rm.txt"),
    ("network remove", "network_rm.txt"),
    ("network connect", "network_connect.txt"),
    ("network disconnect", "network_disconnect.txt"),
    ("network prune", "network_prune.txt"),
    ("system", "system.txt"),
    ("system df", "system_df.txt"),
    ("system prune", "system_prune.txt"),
    ("system info", "system_info.txt"),
    ("swarm", "swarm.txt"),
    ("swarm init", "swarm_init.txt"),
    ("swarm leave", "swarm_leave.txt"),
    ("swarm join-token", "swarm_join-token.txt"),
    ("secret", "secret.txt"),
    ("secret create", "secret_create.txt"),
    ("secret ls", "secret_ls.txt"),
    ("secret list", "secret_ls.txt"),
    ("secret inspect", "secret_inspect.txt"),
    ("secret rm", "secret_rm.txt"),
    ("secret remove", "secret_rm.txt"),
    ("service", "service.txt"),
    ("service create", "service_create.txt"),
    ("service inspect", "service_inspect.txt"),
    ("service logs", "service_logs.txt"),
    ("service ls", "service_ls.txt"),
    ("service list", "service_ls.txt"),
    ("service ps", "service_ps.txt"),
    ("service rm", "service_rm.txt"),
    ("service remove", "service_rm.txt"),
    ("service scale", "service_scale.txt"),
    ("stack", "stack.txt"),
    ("stack deploy", "stack_deploy.txt"),
    ("stack up", "stack_deploy.txt"),
    ("stack ls", "stack_ls.txt"),
    ("stack list", "stack_ls.txt"),
    ("stack ps", "stack_ps.txt"),
    ("stack rm", "stack_rm.txt"),
    ("stack remove", "stack_rm.txt"),
    ("stack down", "stack_rm.txt"),
    ("stack services", "stack_services.txt"),
    ("node", "node.txt"),
    ("node ls", "node_ls.txt"),
    ("node list", "node_ls.txt"),
    ("builder prune", "builder_prune.txt"),
];

#[test]
fn every_command_prints_its_captured_help() {
    for (path, file) in HELP_CASES {
        let mut words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
        words.push("--help");
        let out = err(&words);
        assert_eq!(out.stdout(), help_file(file), "docker {path} --help");
        assert_eq!((out.stderr(), out.exit_code), (String::new(), 0), "docker {path} --help");
    }
}

#[test]
fn every_command_and_alias_has_a_help_case_and_every_help_file_is_used() {
    let paths: Vec<&str> = HELP_CASES.iter().map(|(p, _)| *p).collect();
    for (name, child) in command_table::ROOT_CHILDREN {
        assert!(paths.contains(name), "no help case for `docker {name}`");
        if let command_table::Child::Group(g) = child {
            for (sub, _) in g.children {
                let path = format!("{name} {sub}");
                assert!(paths.contains(&path.as_str()), "no help case for `docker {path}`");
            }
        }
    }
    let dir = format!("{}/src/cli/help", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".txt") && !name.starts_with("legacy_") {
            assert!(
                HELP_CASES.iter().any(|(_, f)| *f == name),
                "help/{name} is not served by any command"
            );
        }
    }
}

/// Every flag line of every help text becomes a flag with a known type.
#[test]
fn every_help_text_parses() {
    let count_flag_lines = |help: &str, section: &str| {
        help.lines()
            .skip_while(|l| *l != section)
            .skip(1)
            .take_while(|l| !l.is_empty())
            .filter(|l| l.starts_with("      --") || (l.starts_with("  -") && l.get(4..8) == Some(", --")))
            .count()
    };
    for leaf in command_table::LEAVES {
        let table = leaf.flags();
        assert!(
            table.unknown_types.is_empty(),
            "docker {}: unknown types {:?}",
            leaf.path,
            table.unknown_types
        );
        let shown = count_flag_lines(leaf.help, "Options:");
        let help_listed = leaf.help.contains("\n      --help ");
        let expected = shown + leaf.extras.len() + usize::from(!help_listed);
        assert_eq!(table.flags.len(), expected, "docker {}", leaf.path);
        assert!(table.long("help").is_some(), "docker {}", leaf.path);
        assert!(
            leaf.help.starts_with(&format!("Usage:  docker {} ", leaf.path))
                || leaf.help.starts_with(&format!("Usage:  docker {}\n", leaf.path))
        );
    }
    let root = command_table::root_flags();
    assert!(root.unknown_types.is_empty());
    assert_eq!(
        root.flags.len(),
        count_flag_lines(command_table::ROOT_HELP, "Global Options:") + 1
    );
    for name in [
        "config",
        "context",
        "debug",
        "host",
        "log-level",
        "tls",
        "tlscacert",
        "tlscert",
        "tlskey",
        "tlsverify",
        "version",
    ] {
        assert!(root.long(name).is_some(), "global option --{name}");
    }
    for group in command_table::GROUPS {
        assert!(group.flags().unknown_types.is_empty());
    }
    assert_eq!(command_table::BUILDER.flags().flags.len(), 3);
}

#[test]
fn canonical_command_names() {
    let names = canonical_commands();
    for expected in [
        "--version",
        "version",
        "info",
        "container run",
        "container create",
        "container ls",
        "container rm",
        "container prune",
        "container inspect",
        "inspect",
        "image ls",
        "image rm",
        "image build",
        "build",
        "login",
        "logout",
        "search",
        "volume create",
        "network disconnect",
        "system df",
        "system prune",
    ] {
        if expected == "image build" {
            assert!(!names.contains(&expected));
            continue;
        }
        assert!(names.contains(&expected), "{expected}");
    }
}

// ---------------------------------------------------------------------------------------------
// Never panics.

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("-".to_string()),
            Just("--".to_string()),
            Just("-=".to_string()),
            Just("--=".to_string()),
            Just("-h".to_string()),
            Just("--help".to_string()),
            Just("--help=false".to_string()),
            Just("-v".to_string()),
            Just("-D".to_string()),
            Just("-H".to_string()),
            prop::sample::select(vec![
                "run",
                "container",
                "image",
                "volume",
                "network",
                "system",
                "builder",
                "build",
                "ps",
                "ls",
                "rm",
                "help",
                "exec",
                "stop",
                "-it",
                "-p",
                "-p80:80",
                "-e",
                "--mount",
                "--filter",
                "-f",
                "-n",
                "--last=x",
                "-aq",
                "--time",
                "--net",
                "--cpu-count",
                "--checkpoint",
                "--builder",
                "-l",
                "-c",
                "--memory=1x",
                "--cpus=1/0",
            ])
            .prop_map(str::to_string),
            "-[a-zA-Zé=\\-]{0,4}",
            "--[a-z\\-=]{0,12}",
            any::<String>(),
            "\\PC{0,8}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn parse_never_panics(args in prop::collection::vec(word(), 0..8)) {
            let _ = parse_full(&args);
        }
    }
}
