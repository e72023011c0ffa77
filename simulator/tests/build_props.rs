//! The builder never panics, whatever the Dockerfile, the context and the flags: random
//! Dockerfile-ish text (real instructions with random arguments, flags, variables, heredocs and
//! plain garbage) is built against the real-engine fixture, and every build either succeeds with
//! an image or fails with BuildKit's `ERROR: failed to build` line and exit code 1.

use proptest::prelude::*;
use simulator::build::{build_image, BuildRequest, Progress, Secret};
use simulator::engine::Engine;
use simulator::{MemoryProject, Timestamp};

fn keyword() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "FROM", "RUN", "CMD", "ENTRYPOINT", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "USER", "WORKDIR", "VOLUME",
        "STOPSIGNAL", "ARG", "HEALTHCHECK", "SHELL", "ONBUILD", "MAINTAINER", "from", "RUNN", "#",
    ])
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "busybox", "mini:1.0", "scratch", "AS", "build", "--from=build", "--from=0", "--chown=1:1", "--chmod=755",
            "--mount=type=secret,id=s", "--mount=type=cache,target=/c", "a.txt", "dir/", ".", "/app", "*.txt", "$X",
            "${X:-d}", "${Y:?no}", "X=1", "\"q\"", "'s'", "[\"sh\",\"-c\",\"echo hi\"]", "8080", "80/udp", "abc",
            "<<EOF", "\\", "&&", "exit", "3", "echo", "ls", "/nonexistent", "rm", "-rf", "/", "mkdir", "-p",
        ])
        .prop_map(str::to_string),
        "[ -~]{0,12}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (keyword(), prop::collection::vec(word(), 0..5)).prop_map(|(k, w)| format!("{k} {}", w.join(" "))),
        1 => "[ -~\t]{0,30}",
    ]
}

fn dockerfile() -> impl Strategy<Value = String> {
    (prop::bool::ANY, prop::collection::vec(line(), 0..10)).prop_map(|(from, lines)| {
        let mut text = if from { "FROM busybox\n".to_string() } else { String::new() };
        for l in lines {
            text.push_str(&l);
            text.push('\n');
        }
        text
    })
}

fn fixture() -> Engine {
    let mut engine = Engine::new(7, Timestamp::from_secs(1_764_000_000));
    engine.import_real_docker_base_images();
    engine.hub_offline = true;
    engine
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn random_dockerfiles_never_panic_the_builder(
        text in dockerfile(),
        target in prop::option::of(prop::sample::select(vec!["build", "nosuch", "0"])),
        no_cache in prop::bool::ANY,
        args in prop::collection::vec("[A-Z]{1,2}=[a-z]{0,3}", 0..3),
        tags in prop::collection::vec(prop::sample::select(vec!["app", "app:1", "Bad:Tag", "a/b:c"]), 0..2),
    ) {
        let mut engine = fixture();
        let project = MemoryProject::new()
            .with_file("Dockerfile", &text)
            .with_file("a.txt", "a\n")
            .with_file("dir/b.txt", "b\n")
            .with_file(".dockerignore", "*.log\n");
        let req = BuildRequest {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            target: target.map(str::to_string),
            build_args: args,
            no_cache,
            secrets: vec![Secret { id: "s".into(), content: "x".into() }],
            progress: Progress::Plain,
            ..BuildRequest::default()
        };
        let first = build_image(&mut engine, &project, &req);
        // A second build goes through the cache.
        let second = build_image(&mut engine, &project, &req);
        for result in [first, second] {
            match &result.image_id {
                Some(id) => {
                    prop_assert_eq!(result.output.exit_code, 0);
                    prop_assert!(engine.images.get(id).is_some());
                }
                None => {
                    prop_assert_eq!(result.output.exit_code, 1);
                    prop_assert!(result.output.stderr().contains("ERROR: failed to build: "), "{}", result.output.stderr());
                }
            }
        }
        // The legacy builder and the terminal view too.
        let _ = simulator::build::legacy::build(&mut engine, &project, &req);
        let tty = BuildRequest { progress: Progress::Tty, ..req };
        let _ = build_image(&mut engine, &project, &tty);
    }
}
