//! Property tests: the compose loader, interpolation and the `docker compose` command line never
//! panic, whatever the file or the words.

use std::collections::BTreeMap;

use proptest::prelude::*;
use simulator::compose::{self, interpolate::Interpolator};
use simulator::{MemoryProject, Session, SessionConfig};

/// Pieces compose files are made of, so random files reach deep into the loader.
fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("services:\n".to_string()),
        Just("  web:\n".to_string()),
        Just("    image: busybox\n".to_string()),
        Just("    image: ${IMG:-busybox}\n".to_string()),
        Just("    build: .\n".to_string()),
        Just("    ports:\n      - \"8080:80\"\n".to_string()),
        Just("    ports: [80, \"1-3:4-6/udp\", {target: 9}]\n".to_string()),
        Just("    environment:\n      - A=1\n      - B\n".to_string()),
        Just("    environment: {A: 1, B: null}\n".to_string()),
        Just("    env_file: .env\n".to_string()),
        Just("    volumes:\n      - datos:/data\n      - ./x:/x:ro\n      - /y\n".to_string()),
        Just("    volumes: [{type: bind, source: ., target: /app}]\n".to_string()),
        Just("    networks: [front]\n".to_string()),
        Just("    depends_on: [db]\n".to_string()),
        Just("    depends_on: {db: {condition: service_healthy}}\n".to_string()),
        Just("    deploy:\n      replicas: ${N:-3}\n      resources:\n        limits:\n          memory: 512M\n          cpus: '0.5'\n".to_string()),
        Just("    secrets: [s1, {source: s2, target: x}]\n".to_string()),
        Just("    profiles: [debug]\n".to_string()),
        Just("    command: sh -c \"echo 'hi'\"\n".to_string()),
        Just("    command: [a, 1, true]\n".to_string()),
        Just("  db:\n    image: busybox\n".to_string()),
        Just("networks:\n  front:\n".to_string()),
        Just("volumes:\n  datos:\n".to_string()),
        Just("secrets:\n  s1:\n    file: ./s.txt\n  s2:\n    external: true\n".to_string()),
        Just("version: '3.8'\n".to_string()),
        Just("x-common: &c\n  image: busybox\n".to_string()),
        Just("  other:\n    <<: *c\n".to_string()),
        Just("name: Demo\n".to_string()),
        "[ -~\t\n]{0,20}",
        "[a-z:{}\\[\\]$\"' -]{0,12}\n",
    ]
}

fn env() -> BTreeMap<String, String> {
    [("N", "2"), ("HOME", "/home/estudiante")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn loader_never_panics(pieces in proptest::collection::vec(yaml_piece(), 0..14), over in proptest::collection::vec(yaml_piece(), 0..6)) {
        let project = MemoryProject::new()
            .with_file("compose.yaml", &pieces.concat())
            .with_file("compose.override.yaml", &over.concat())
            .with_file(".env", "IMG=busybox:1\nA=${N}\n")
            .with_file("s.txt", "x");
        let result = compose::load(&project, &[], &env());
        if let Ok(p) = result {
            // A loaded project always prints, and its names follow Compose's rules.
            let text = compose::yaml_out::document(&p.tree);
            prop_assert!(text.starts_with("name: "));
            prop_assert!(compose::project_name::is_valid(&p.name) || p.name.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let project = MemoryProject::new().with_file("compose.yaml", &text);
        let _ = compose::load(&project, &[], &env());
    }

    #[test]
    fn interpolation_never_panics(s in "[a-zA-Z0-9_${}:?+\\- ]{0,40}") {
        let e = env();
        let mut i = Interpolator::new(&e);
        let _ = i.string(&s, "services.web.image");
    }

}

proptest! {
    // Each case runs whole commands through a session: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn command_lines_never_panic(words in proptest::collection::vec(prop_oneof![
        Just("up"), Just("down"), Just("ps"), Just("logs"), Just("config"), Just("exec"), Just("run"), Just("stop"),
        Just("start"), Just("restart"), Just("pause"), Just("unpause"), Just("ls"), Just("images"), Just("top"),
        Just("build"), Just("pull"), Just("push"), Just("version"), Just("kill"), Just("rm"), Just("port"), Just("create"),
        Just("80"), Just("--scale"), Just("web=2"), Just("-s"), Just("-d"), Just("-a"), Just("-v"), Just("--rm"),
        Just("-f"), Just("-p"), Just("--profile"), Just("web"), Just("db"), Just("nope"), Just("-t"), Just("0"),
        Just("--format"), Just("{{.Name}}"), Just("--services"), Just("--help"), Just("-T"), Just("sh"), Just("--rmi"), Just("all"),
    ], 0..7)) {
        let project = MemoryProject::new().with_file(
            "compose.yaml",
            "services:\n  web:\n    image: busybox\n    command: sleep 100\n    depends_on: [db]\n  db:\n    image: busybox\n    command: sleep 100\n",
        );
        let mut session = Session::new(SessionConfig::default(), Box::new(project));
        session.engine.import_real_docker_base_images();
        session.engine.hub_offline = true;
        let line = format!("docker compose {}", words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(" "));
        let _ = session.run_line(&line);
        let _ = session.run_line("docker compose ps -a");
    }
}
