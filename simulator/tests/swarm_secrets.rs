//! Swarm: the notes' secrets example (a stack whose service reads `/run/secrets/db_password`),
//! services as real containers, and the not-a-manager errors.

use proptest::prelude::*;
use simulator::{MemoryProject, ProjectFiles, Session, SessionConfig};

fn run(s: &mut Session, line: &str) -> (String, i32) {
    let out = s.run_line(line);
    (out.combined(), out.exit_code)
}

const NOT_MANAGER: &str = "Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.\n";

/// The notes' Swarm example, with `myapp:latest` built from busybox.
const STACK: &str = "version: '3.8'

services:
  app:
    image: myapp:latest
    command: sleep 3600
    secrets:
      - db_password
      - api_key
    environment:
      - DB_PASSWORD_FILE=/run/secrets/db_password

secrets:
  db_password:
    file: ./secrets/db_password.txt
  api_key:
    external: true
";

fn browser_session() -> Session {
    let mut project = MemoryProject::new();
    let _ = project.write("docker-compose.yml", STACK);
    let _ = project.write("secrets/db_password.txt", "s3cr3t\n");
    Session::new(SessionConfig::default(), Box::new(project))
}

#[test]
fn swarm_commands_need_a_manager() {
    let mut s = browser_session();
    for cmd in ["docker secret ls", "docker service ls", "docker stack ls", "docker node ls", "docker stack deploy -c docker-compose.yml demo"] {
        assert_eq!(run(&mut s, cmd), (NOT_MANAGER.to_string(), 1), "{cmd}");
    }
    assert_eq!(run(&mut s, "docker swarm leave"), ("Error response from daemon: This node is not part of a swarm\n".to_string(), 1));
    let (text, code) = run(&mut s, "docker swarm init");
    assert_eq!(code, 0);
    assert!(text.starts_with("Swarm initialized: current node ("), "{text}");
    assert!(text.contains("    docker swarm join --token SWMTKN-1-") && text.contains(" 10.0.2.15:2377\n"), "{text}");
    assert_eq!(run(&mut s, "docker info --format '{{.Swarm.LocalNodeState}}'").0, "active\n");
    assert_eq!(run(&mut s, "docker swarm leave").1, 1);
    assert_eq!(run(&mut s, "docker swarm leave --force").0, "Node left the swarm.\n");
}

#[test]
fn the_notes_stack_reads_its_secret_from_a_file() {
    let mut s = browser_session();
    run(&mut s, "docker pull -q busybox");
    run(&mut s, "docker tag busybox myapp:latest");
    run(&mut s, "docker swarm init");
    let (text, code) = run(&mut s, "docker stack deploy -c docker-compose.yml demo");
    assert_eq!(code, 1);
    assert!(text.ends_with("Creating network demo_default\nCreating secret demo_db_password\nservice app: secret not found: api_key\n"), "{text}");
    let (text, code) = run(&mut s, "echo 'key-123' | docker secret create api_key -");
    assert_eq!(code, 0);
    assert_eq!(text.trim().len(), 25);
    let (text, code) = run(&mut s, "docker stack deploy -c docker-compose.yml demo");
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with("Creating service demo_app\n"), "{text}");
    assert_eq!(run(&mut s, "docker stack ls").0, "NAME      SERVICES\ndemo      1\n");
    assert_eq!(run(&mut s, "docker service ls --format '{{.Name}} {{.Replicas}} {{.Image}}'").0, "demo_app 1/1 myapp:latest\n");
    let (names, _) = run(&mut s, "docker ps --format '{{.Names}}' | cut -d. -f1,2");
    assert_eq!(names, "demo_app.1\n");
    assert_eq!(run(&mut s, "docker exec $(docker ps -q -f name=demo_app) cat /run/secrets/db_password").0, "s3cr3t\n");
    assert_eq!(run(&mut s, "docker exec $(docker ps -q -f name=demo_app) cat /run/secrets/api_key").0, "key-123\n");
    let (env, _) = run(&mut s, "docker exec $(docker ps -q -f name=demo_app) env");
    assert!(env.contains("DB_PASSWORD_FILE=/run/secrets/db_password\n"), "{env}");
    assert!(!env.contains("s3cr3t"), "the value never reaches the environment: {env}");
    let (text, _) = run(&mut s, "docker stack rm demo");
    assert_eq!(text, "Removing service demo_app\nRemoving secret demo_db_password\nRemoving network demo_default\n");
    assert_eq!(run(&mut s, "docker ps -q").0, "");
    assert_eq!(run(&mut s, "docker secret ls --format '{{.Name}}'").0, "api_key\n");
}

#[test]
fn services_scale_and_secrets_stay_while_used() {
    let mut s = Session::real_docker_fixture();
    run(&mut s, "docker swarm init --advertise-addr 127.0.0.1");
    run(&mut s, "printf 's3cr3t' | docker secret create db_password -");
    let (text, code) = run(&mut s, "docker service create -d --name app --secret db_password busybox sleep 3600");
    assert_eq!(code, 0, "{text}");
    let (text, _) = run(&mut s, "docker service scale -d app=3");
    assert_eq!(text, "app scaled to 3\n");
    assert_eq!(run(&mut s, "docker ps -q | wc -l").0.trim(), "3");
    assert_eq!(run(&mut s, "docker service ps app --format '{{.Name}} {{.DesiredState}}'").0, "app.1 Running\napp.2 Running\napp.3 Running\n");
    let (text, code) = run(&mut s, "docker secret rm db_password");
    assert_eq!(code, 1);
    assert!(text.contains("is in use by the following service: app"), "{text}");
    run(&mut s, "docker service scale -d app=1");
    assert_eq!(run(&mut s, "docker ps -q | wc -l").0.trim(), "1");
    assert_eq!(run(&mut s, "docker service rm app").0, "app\n");
    assert_eq!(run(&mut s, "docker ps -aq").0, "");
    assert_eq!(run(&mut s, "docker secret rm db_password").0, "db_password\n");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random arguments to the swarm families never panic the engine.
    #[test]
    fn swarm_commands_never_panic(
        family in prop::sample::select(vec!["swarm init", "swarm leave", "swarm join-token", "secret create", "secret inspect --pretty", "secret rm", "service create", "service scale", "service ps", "service logs", "service rm", "stack deploy -c", "stack rm", "stack ps"]),
        a in "[a-z0-9=._/:-]{0,16}",
        b in "[a-z0-9=._/:-]{0,16}",
    ) {
        let mut s = browser_session();
        let _ = s.run_line("docker swarm init");
        let _ = s.run_line("docker secret create api_key docker-compose.yml");
        let _ = s.run_line(&format!("docker {family} '{a}' '{b}'"));
        let _ = s.run_line(&format!("docker {family} '{a}'"));
    }
}

#[test]
fn the_production_stack_pulls_from_the_private_registry_with_replicas_and_limits() {
    let mut project = MemoryProject::new();
    let _ = project.write(
        "prod.yml",
        "version: '3.8'\nservices:\n  app:\n    image: myregistry.com/myapp:${VERSION}\n    command: sleep 3600\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          memory: 512M\n",
    );
    let mut s = Session::new(SessionConfig::default(), Box::new(project));
    run(&mut s, "docker pull -q busybox");
    run(&mut s, "docker tag busybox myregistry.com/myapp:1.0");
    run(&mut s, "echo muelle123 | docker login -u estudiante --password-stdin myregistry.com");
    assert_eq!(run(&mut s, "docker push myregistry.com/myapp:1.0").1, 0);
    run(&mut s, "docker rmi myregistry.com/myapp:1.0");
    run(&mut s, "docker swarm init");
    let (text, code) = run(&mut s, "VERSION=1.0 docker stack deploy -c prod.yml prod");
    assert_eq!(code, 0, "{text}");
    assert_eq!(run(&mut s, "docker stack services prod --format '{{.Name}} {{.Replicas}} {{.Image}}'").0, "prod_app 3/3 myregistry.com/myapp:1.0\n");
    let (text, _) = run(&mut s, "docker service ps prod_app --format '{{.Name}} {{.CurrentState}}'");
    assert_eq!(text, "prod_app.1 Running Less than a second ago\nprod_app.2 Running Less than a second ago\nprod_app.3 Running Less than a second ago\n");
    assert_eq!(run(&mut s, "docker ps -q | wc -l").0.trim(), "3");
    let (mem, _) = run(&mut s, "docker inspect -f '{{.HostConfig.Memory}}' $(docker ps -q | head -n 1)");
    assert_eq!(mem, "536870912\n");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// `--secret` values of any shape parse or fail cleanly; targets are always absolute.
    #[test]
    fn secret_mount_parser_never_panics(values in prop::collection::vec("\\PC{0,30}", 0..4)) {
        if let Ok(mounts) = simulator::docker::service::secret_mounts(&values) {
            for m in mounts {
                prop_assert!(m.target.starts_with('/'));
                prop_assert!(!m.secret.is_empty());
            }
        }
    }
}

#[test]
fn service_tasks_reach_the_panel_as_containers() {
    let mut s = Session::real_docker_fixture();
    run(&mut s, "docker swarm init --advertise-addr 127.0.0.1");
    let out = s.run_line("docker service create -d --replicas 2 --name web busybox sleep 60");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    let created: Vec<String> = out
        .events
        .iter()
        .filter_map(|e| match e {
            simulator::Event::ContainerCreated { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(created.len(), 2, "{:?}", out.events);
    assert!(created.iter().all(|n| n.starts_with("web.")), "{created:?}");
}
