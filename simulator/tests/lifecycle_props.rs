//! Property tests of the container lifecycle: over random sequences of commands, states follow
//! Docker's rules, listings agree with the state, and a failed command changes nothing.
#![allow(clippy::disallowed_methods)] // test code: the std sorts never reach the browser bundle

use proptest::prelude::*;
use simulator::{ContainerState, MemoryProject, Session, SessionConfig};

const NAMES: &[&str] = &["aa", "bb", "cc"];

fn command() -> impl Strategy<Value = String> {
    let name = prop::sample::select(NAMES);
    prop_oneof![
        (name.clone(), prop::sample::select(&["sleep 100", "true", "false", "sh -c 'exit 3'", "sleep 2"][..]))
            .prop_map(|(n, c)| format!("docker run -d --name {n} busybox {c}")),
        name.clone().prop_map(|n| format!("docker create --name {n} busybox sleep 100")),
        name.clone().prop_map(|n| format!("docker run -d --restart on-failure:2 --name {n} busybox false")),
        name.clone().prop_map(|n| format!("docker start {n}")),
        name.clone().prop_map(|n| format!("docker stop -t 1 {n}")),
        name.clone().prop_map(|n| format!("docker restart -t 1 {n}")),
        name.clone().prop_map(|n| format!("docker pause {n}")),
        name.clone().prop_map(|n| format!("docker unpause {n}")),
        name.clone().prop_map(|n| format!("docker kill {n}")),
        name.clone().prop_map(|n| format!("docker rm {n}")),
        name.clone().prop_map(|n| format!("docker rm -f {n}")),
        (0u32..5).prop_map(|s| format!("sleep {s}")),
    ]
}

type Snapshot = Vec<(String, ContainerState, i32, u32)>;

fn snapshot(s: &Session) -> Snapshot {
    let mut v: Snapshot = s
        .engine
        .containers
        .values()
        .map(|c| (c.name.clone(), c.status(), c.state.exit_code, c.restart_count))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Transitions a single command may cause to the container it names.
fn allowed(cmd: &str, from: ContainerState, to: ContainerState) -> bool {
    use ContainerState::*;
    if from == to {
        return true;
    }
    let verb = cmd.split_whitespace().nth(1).unwrap_or("");
    match verb {
        "start" => matches!((from, to), (Created | Exited, Running | Exited | Restarting)),
        "stop" => matches!((from, to), (Running | Paused | Restarting, Exited)),
        "restart" => matches!((from, to), (Running | Paused | Created | Exited | Restarting, Running | Exited | Restarting)),
        "pause" => matches!((from, to), (Running, Paused)),
        "unpause" => matches!((from, to), (Paused, Running)),
        "kill" => matches!((from, to), (Running | Paused, Exited | Restarting)),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn lifecycle_follows_dockers_rules(cmds in prop::collection::vec(command(), 1..30)) {
        let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
        s.engine.import_real_docker_base_images();
        for cmd in &cmds {
            let before = snapshot(&s);
            let out = s.run_line(cmd);
            let after = snapshot(&s);
            let target = cmd.split_whitespace().last().unwrap_or("");
            let verb = cmd.split_whitespace().nth(1).unwrap_or("");
            if out.exit_code != 0 && verb != "run" {
                prop_assert_eq!(&before, &after, "failed `{}` changed the state: {}", cmd, out.combined());
            }
            if matches!(verb, "start" | "stop" | "restart" | "pause" | "unpause" | "kill") {
                let find = |snap: &Snapshot| snap.iter().find(|c| c.0 == target).map(|c| c.1);
                if let (Some(from), Some(to)) = (find(&before), find(&after)) {
                    prop_assert!(allowed(cmd, from, to), "`{}` moved {} from {:?} to {:?}", cmd, target, from, to);
                }
            }
            if verb == "rm" && out.exit_code == 0 {
                prop_assert!(!after.iter().any(|c| c.0 == target), "`{}` left the container", cmd);
            }
            // Listings agree with the state.
            let running = s.engine.containers.values().filter(|c| c.state.running).count();
            let listed = s.run_line("docker ps -q").stdout().lines().count();
            prop_assert_eq!(listed, running);
            let all = s.run_line("docker ps -aq").stdout().lines().count();
            prop_assert_eq!(all, s.engine.containers.len());
        }
    }
}
