//! The compose loader's public API (`compose::load`, used by `docker compose` and by
//! `docker stack deploy -c`): merging, profiles, names, the typed model.

use std::collections::BTreeMap;

use simulator::compose::{self, ErrorKind, LoadOptions};
use simulator::{MemoryProject, Session, SessionConfig};

fn no_env() -> BTreeMap<String, String> {
    BTreeMap::new()
}

const LOCAL: &str = "services:\n  app:\n    image: busybox\n    command: sleep 1000\n    environment:\n      - NODE_ENV=production\n    ports:\n      - \"3000:3000\"\n  tools:\n    image: busybox\n    profiles: [debug]\n";
const OVERRIDE: &str = "services:\n  app:\n    command: sleep 2000\n    environment:\n      - NODE_ENV=development\n      - DEBUG=true\n    volumes:\n      - .:/app\n    ports:\n      - \"9229:9229\"\n";
const PROD: &str = "version: '3.8'\nservices:\n  app:\n    image: myregistry.com/myapp:${VERSION}\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          memory: 512M\n";

#[test]
fn override_file_is_merged_automatically() {
    let files = MemoryProject::new().with_file("docker-compose.yml", LOCAL).with_file("docker-compose.override.yml", OVERRIDE);
    let p = compose::load(&files, &[], &no_env()).expect("loads");
    assert_eq!(p.name, "estudiante");
    assert_eq!(p.config_files, vec!["/home/estudiante/docker-compose.yml", "/home/estudiante/docker-compose.override.yml"]);
    let app = p.service("app").expect("app");
    assert_eq!(app.command, Some(vec!["sleep".to_string(), "2000".to_string()]));
    assert_eq!(
        app.environment,
        // Declaration order (base file first), as the container gets it.
        vec![("NODE_ENV".to_string(), Some("development".to_string())), ("DEBUG".to_string(), Some("true".to_string()))]
    );
    let ports: Vec<u16> = app.ports.iter().map(|p| p.target).collect();
    assert_eq!(ports, vec![3000, 9229]);
    assert_eq!(app.volumes.first().map(|m| (m.kind.as_str(), m.source.as_deref())), Some(("bind", Some("/home/estudiante"))));
    // `tools` only runs with its profile.
    assert!(p.service("tools").is_none());
    assert_eq!(p.disabled_services, vec!["tools"]);
}

#[test]
fn production_file_with_version_replicas_and_limits() {
    let files = MemoryProject::new().with_file("app/docker-compose.yml", LOCAL).with_file("app/docker-compose.prod.yml", PROD);
    let env: BTreeMap<String, String> = [("VERSION".to_string(), "1.2.3".to_string())].into();
    let opts = LoadOptions {
        cwd: "app".into(),
        files: vec!["docker-compose.yml".into(), "docker-compose.prod.yml".into()],
        ..LoadOptions::default()
    };
    let p = compose::load_with(&files, &opts, &env).expect("loads");
    assert_eq!(p.name, "app");
    let app = p.service("app").expect("app");
    assert_eq!(app.image.as_deref(), Some("myregistry.com/myapp:1.2.3"));
    assert_eq!(app.replicas, 3);
    assert_eq!(app.memory_limit, Some(512 * 1024 * 1024));
    assert_eq!(
        p.warnings,
        vec!["/home/estudiante/app/docker-compose.prod.yml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"]
    );
}

#[test]
fn missing_variables_warn_once_and_dotenv_fills_them() {
    let files = MemoryProject::new().with_file("compose.yaml", "services:\n  app:\n    image: myapp:${VERSION}${VERSION}\n");
    let p = compose::load(&files, &[], &no_env()).expect("loads");
    assert_eq!(p.warnings, vec!["The \"VERSION\" variable is not set. Defaulting to a blank string."]);
    assert_eq!(p.service("app").and_then(|s| s.image.clone()).as_deref(), Some("myapp:"));
    let files = files.with_file(".env", "VERSION=2\n");
    let p = compose::load(&files, &[], &no_env()).expect("loads");
    assert!(p.warnings.is_empty());
    assert_eq!(p.service("app").and_then(|s| s.image.clone()).as_deref(), Some("myapp:22"));
}

#[test]
fn errors_carry_kinds_and_lines() {
    let err = |text: &str| compose::load(&MemoryProject::new().with_file("compose.yaml", text), &[], &no_env()).expect_err("fails");
    let e = err("services:\n  web:\n    image: busybox\n    image: nginx\n");
    assert_eq!(e.kind, ErrorKind::DuplicateKey);
    assert_eq!(e.line, Some(4));
    let e = err("services:\n  web:\n    imagen: busybox\n");
    assert_eq!(e.kind, ErrorKind::Schema);
    assert_eq!(e.message, "validating /home/estudiante/compose.yaml: services.web additional properties 'imagen' not allowed");
    let e = compose::load(&MemoryProject::new(), &[], &no_env()).expect_err("no file");
    assert_eq!(e.kind, ErrorKind::NoConfigFile);
    assert_eq!(e.message, "no configuration file provided: not found");
}

#[test]
fn up_creates_replicas_with_limits_and_labels() {
    let files = MemoryProject::new().with_file(
        "prod/compose.yaml",
        "services:\n  app:\n    image: busybox\n    command: sleep 1000\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          memory: 512M\n",
    );
    let mut s = Session::new(SessionConfig::default(), Box::new(files));
    s.engine.import_real_docker_base_images();
    let out = s.run_line("cd prod && docker compose up -d");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    let names = s.run_line("docker ps --format '{{.Names}}'").stdout();
    assert_eq!(names, "prod-app-3\nprod-app-2\nprod-app-1\n");
    let mem = s.run_line("docker inspect prod-app-2 --format '{{.HostConfig.Memory}} {{index .Config.Labels \"com.docker.compose.service\"}}'").stdout();
    assert_eq!(mem, "536870912 app\n");
    let down = s.run_line("docker compose down -t 0");
    assert_eq!(down.exit_code, 0);
    assert_eq!(s.run_line("docker ps -aq").stdout(), "");
    assert_eq!(s.run_line("docker network ls --format '{{.Name}}' --filter name=prod").stdout(), "");
}

#[test]
fn secrets_are_mounted_and_readable() {
    let files = MemoryProject::new().with_file("secrets/db_password.txt", "supersecreto\n").with_file(
        "compose.yaml",
        "services:\n  app:\n    image: busybox\n    command: sleep 1000\n    secrets: [db_password]\n    environment:\n      - DB_PASSWORD_FILE=/run/secrets/db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n",
    );
    let mut s = Session::new(SessionConfig::default(), Box::new(files));
    s.engine.import_real_docker_base_images();
    assert_eq!(s.run_line("docker compose up -d").exit_code, 0);
    let out = s.run_line("docker compose exec app cat /run/secrets/db_password");
    assert_eq!(out.stdout(), "supersecreto\n", "{}", out.combined());
    let out = s.run_line("docker exec estudiante-app-1 env");
    assert!(out.stdout().contains("DB_PASSWORD_FILE=/run/secrets/db_password\n"));
}

#[test]
fn the_old_program_is_not_installed() {
    let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
    let out = s.run_line("docker-compose up -d");
    assert_eq!(out.stderr(), "bash: docker-compose: command not found\n");
    assert_eq!(out.exit_code, 127);
}

#[test]
fn a_terminal_sees_compose_final_screen() {
    let files = MemoryProject::new().with_file(
        "tty/compose.yaml",
        "services:\n  web:\n    image: busybox\n    command: sleep 1000\n    depends_on: [db]\n    volumes: [datos:/d]\n  db:\n    image: busybox\n    command: sleep 1000\nvolumes:\n  datos:\n",
    );
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(files));
    s.engine.import_real_docker_base_images();
    let out = s.run_line("cd tty && docker compose up -d");
    // As Compose 2.40 leaves an 80-column terminal (colours aside).
    let expected = concat!(
        "[+] Running 4/4\n",
        " ✔ Network tty_default  Created                                            0.1s \n",
        " ✔ Volume tty_datos     Created                                            0.0s \n",
        " ✔ Container tty-db-1   Started                                            0.3s \n",
        " ✔ Container tty-web-1  Started                                            0.5s \n",
    );
    assert_eq!(out.stderr(), expected);
    assert_eq!(out.exit_code, 0);
}

#[test]
fn attached_up_follows_the_logs_until_ctrl_c() {
    let files = MemoryProject::new().with_file("compose.yaml", "services:\n  db:\n    image: busybox\n    command: sh -c \"echo hola; sleep 1000\"\n");
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(files));
    s.engine.import_real_docker_base_images();
    let out = s.run_line("docker compose up");
    assert_eq!(out.stdout(), "Attaching to db-1\ndb-1  | hola\n");
    assert!(s.is_attached());
    let stop = s.interrupt();
    assert!(stop.stdout().contains("Gracefully stopping... (press Ctrl+C again to force)\n"), "{}", stop.combined());
    assert!(stop.stderr().contains(" ✔ Container estudiante-db-1  Stopped"), "{}", stop.combined());
    assert!(!s.is_attached());
    assert_eq!(s.run_line("docker ps -q").stdout(), "");
}

#[test]
fn up_reports_engine_events_for_the_panel() {
    let files = MemoryProject::new().with_file("compose.yaml", "services:\n  db:\n    image: busybox\n    command: sleep 1000\n");
    let mut s = Session::new(SessionConfig::default(), Box::new(files));
    s.engine.import_real_docker_base_images();
    let out = s.run_line("docker compose up -d");
    let created = out.events.iter().any(|e| matches!(e, simulator::Event::ContainerCreated { name, .. } if name == "estudiante-db-1"));
    let running = out.events.iter().any(|e| matches!(e, simulator::Event::ContainerStateChanged { to: simulator::ContainerState::Running, .. }));
    assert!(created && running, "{:?}", out.events);
}

#[test]
fn exec_opens_a_shell_in_the_browser_and_scale_overrides_replicas() {
    let files = MemoryProject::new().with_file("compose.yaml", "services:\n  web:\n    image: busybox\n    command: sleep 1000\n");
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(files));
    s.engine.import_real_docker_base_images();
    assert_eq!(s.run_line("docker compose up -d --scale web=2").exit_code, 0);
    assert_eq!(s.run_line("docker ps -q").stdout().lines().count(), 2);
    let out = s.run_line("docker compose exec web sh");
    assert!(s.in_container_shell(), "{}", out.combined());
    let echo = s.run_line("echo $HOSTNAME");
    assert_eq!(echo.stdout().trim().len(), 12, "{}", echo.combined());
    s.run_line("exit");
    assert!(!s.in_container_shell());
}

#[test]
fn logs_follow_until_ctrl_c_leaves_containers_running() {
    let files = MemoryProject::new().with_file("compose.yaml", "services:\n  db:\n    image: busybox\n    command: sh -c \"echo hola; sleep 1000\"\n");
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(files));
    s.engine.import_real_docker_base_images();
    assert_eq!(s.run_line("docker compose up -d").exit_code, 0);
    let out = s.run_line("docker compose logs -f");
    assert_eq!(out.stdout(), "db-1  | hola\n");
    assert!(s.is_attached());
    let stop = s.interrupt();
    assert_eq!(stop.exit_code, 130);
    assert!(!s.is_attached());
    assert_eq!(s.run_line("docker ps -q").stdout().lines().count(), 1);
}

/// The "done when": the notes' production file against the company registry, three
/// replicas with their memory limit visible in `docker stats`.
#[test]
fn notes_production_file_runs_three_limited_replicas_from_myregistry() {
    let prod = "version: '3.8'\nservices:\n  app:\n    image: myregistry.com/myapp:${VERSION}\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          memory: 512M\n";
    let files = MemoryProject::new().with_file("app/docker-compose.yml", prod).with_file("app/.env", "VERSION=1.0\n");
    let mut s = Session::new(SessionConfig::default(), Box::new(files));
    s.engine.import_real_docker_base_images();
    for line in [
        "echo muelle123 | docker login -u estudiante --password-stdin myregistry.com",
        "docker pull -q nginx",
        "docker tag nginx myregistry.com/myapp:1.0",
        "docker push myregistry.com/myapp:1.0",
        "docker rmi myregistry.com/myapp:1.0",
    ] {
        let out = s.run_line(line);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.combined());
    }
    let up = s.run_line("cd app && docker compose up -d");
    assert_eq!(up.exit_code, 0, "{}", up.combined());
    assert!(up.stderr().starts_with("time=\"2025-11-15T10:00:"), "{}", up.combined());
    assert!(up.stderr().contains(" level=warning msg=\"/home/estudiante/app/docker-compose.yml: the attribute `version` is obsolete"));
    assert!(up.stderr().contains(" app Pulling \n app Pulled \n"), "{}", up.combined());
    let stats = s.run_line("docker stats --no-stream --format '{{.Name}} {{.MemUsage}}'").stdout();
    let names: Vec<&str> = stats.lines().map(|l| l.split(' ').next().unwrap_or_default()).collect();
    assert_eq!(names, vec!["app-app-3", "app-app-2", "app-app-1"]);
    assert!(stats.lines().all(|l| l.ends_with("/ 512MiB")), "{stats}");
}
