//! Property tests of life inside containers: random command lines inside a container (its shell,
//! `docker exec`, `docker cp`, `docker commit -c`) never panic, and what a container wrote is what
//! `docker diff` and a committed image show.

use proptest::prelude::*;
use simulator::{MemoryProject, Session, SessionConfig};

const PATHS: &[&str] = &["http://box/", "localhost:8080", "http://x:99999/", "/", "/tmp", "/tmp/x", "/etc", "/etc/passwd", "/nope", "/nope/x", "/bin/sh", "/var/www", ".", "..", "a/b", "", "/tmp/d/e", "*", "/etc/*d"];
const PROGRAMS: &[&str] = &[
    "ls", "ls -la", "ls -R", "cat", "touch", "rm", "rm -rf", "rmdir", "mkdir", "mkdir -p", "cp", "cp -r", "mv", "ln -s", "chmod 600",
    "chmod u+x", "du -sh", "du", "find", "which", "id -u", "env", "ps", "df -h", "head -n 1", "tail", "wc -l", "grep root", "sleep",
    "cd", "echo hi >", "echo x >>", "cat <", "apt-get install -y", "apk add", "npm install", "pip install", "nosuch", "bash -c",
    "curl", "curl -sI", "wget -qO-", "wget", "ping -c 1", "env A=1",
];

fn line() -> impl Strategy<Value = String> {
    (prop::sample::select(PROGRAMS), prop::collection::vec(prop::sample::select(PATHS), 0..3)).prop_map(|(p, args)| format!("{p} {}", args.join(" ")))
}

/// Any text, including quotes, globs and control characters.
fn noise() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&["a", " ", "'", "\"", "*", "/", "-", "=", "[", "{", ":", "\\", "$", ";", "\u{e9}", "\n", "$(", ")"][..]), 0..12)
        .prop_map(|v| v.concat())
}

fn session_with_box() -> Session {
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
    s.engine.hub_offline = true;
    s.engine.import_real_docker_base_images();
    s.run_line("docker run -d --name box busybox sleep 1000");
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn container_shell_lines_never_panic(lines in prop::collection::vec(prop_oneof![line(), noise()], 1..8)) {
        let mut s = session_with_box();
        s.run_line("docker exec -it box sh");
        prop_assert!(s.in_container_shell());
        for l in &lines {
            let out = s.run_line(l);
            prop_assert!(out.exit_code >= 0);
        }
        if s.in_container_shell() {
            s.run_line("exit");
        }
        prop_assert!(!s.in_container_shell());
        // The container's changes are listed, and a commit of them builds.
        prop_assert_eq!(s.run_line("docker diff box").exit_code, 0);
        prop_assert_eq!(s.run_line("docker commit box after:1").exit_code, 0);
    }

    #[test]
    fn docker_file_commands_never_panic(a in prop_oneof![line(), noise()], b in noise(), c in noise()) {
        let mut s = session_with_box();
        for cmd in [
            format!("docker exec box {a}"),
            format!("docker exec -w '{b}' -u '{c}' box {a}"),
            format!("docker cp 'box:{b}' '{c}'"),
            format!("docker cp '{b}' 'box:{c}'"),
            format!("docker commit -c '{b}' box"),
            format!("docker commit -c 'ENV {b}={c}' -c 'EXPOSE {c}' box img:1"),
            "docker diff box".to_string(),
            format!("docker save -o '{b}' busybox"),
            format!("docker load -i '{b}'"),
            format!("docker export -o '{c}' box"),
            format!("docker run --rm -v '{b}' -v 'v1:{c}' --mount '{b}' busybox ls"),
            format!("docker volume create '{b}'"),
            format!("docker volume rm '{b}' v1"),
            format!("docker network create '{b}'"),
            format!("docker network connect '{b}' box"),
            format!("docker network rm '{b}'"),
            format!("docker run --rm --network '{c}' busybox wget -qO- '{b}'"),
            format!("curl '{b}'"),
            format!("curl -o '{c}' http://localhost:8080/{b}"),
        ] {
            let out = s.run_line(&cmd);
            prop_assert!(out.exit_code >= 0, "{cmd}");
        }
    }

    #[test]
    fn a_committed_image_shows_what_the_container_wrote(name in "[a-z]{1,8}", text in "[a-z ]{0,20}") {
        let mut s = session_with_box();
        let write = s.run_line(&format!("docker exec box sh -c 'mkdir -p /data && echo \"{text}\" > /data/{name}'"));
        prop_assert_eq!(write.exit_code, 0, "{}", write.combined());
        let diff = s.run_line("docker diff box").stdout();
        prop_assert_eq!(diff, format!("A /data\nA /data/{name}\n"));
        prop_assert_eq!(s.run_line("docker commit box snap:1").exit_code, 0);
        let read = s.run_line(&format!("docker run --rm snap:1 cat /data/{name}"));
        prop_assert_eq!(read.stdout(), format!("{text}\n"));
    }
}
