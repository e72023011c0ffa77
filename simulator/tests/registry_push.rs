//! Registries: login, push and pull back across the course's private registries (the demo
//! credentials of `simulator::registry::hosts`), with the texts Docker 28 prints.

use proptest::prelude::*;
use simulator::{MemoryProject, Session, SessionConfig};

fn run(s: &mut Session, line: &str) -> (String, i32) {
    let out = s.run_line(line);
    (out.combined(), out.exit_code)
}

/// A session with Docker Hub reachable (the browser's), nothing pulled yet.
fn online() -> Session {
    Session::new(SessionConfig::default(), Box::new(MemoryProject::new()))
}

#[test]
fn myregistry_round_trip_of_a_pulled_image() {
    let mut s = online();
    assert_eq!(run(&mut s, "docker pull -q nginx:latest").1, 0);
    assert_eq!(run(&mut s, "docker tag nginx:latest myregistry.com/myimage:v1.0").1, 0);
    let (text, code) = run(&mut s, "docker push myregistry.com/myimage:v1.0");
    assert_eq!(code, 1);
    assert!(text.starts_with("The push refers to repository [myregistry.com/myimage]\n"), "{text}");
    assert!(text.ends_with(": Preparing\nno basic auth credentials\n"), "{text}");

    let (text, code) = run(&mut s, "docker login -u estudiante -p wrong myregistry.com");
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n\
         Error response from daemon: login attempt to https://myregistry.com/v2/ failed with status: 401 Unauthorized\n"
    );
    let (text, code) = run(&mut s, "echo muelle123 | docker login -u estudiante --password-stdin myregistry.com");
    assert_eq!(code, 0);
    assert!(text.ends_with("https://docs.docker.com/go/credential-store/\n\nLogin Succeeded\n"), "{text}");

    let (text, code) = run(&mut s, "docker push myregistry.com/myimage:v1.0");
    assert_eq!(code, 0, "{text}");
    let pushed = text.matches(": Pushed\n").count();
    assert!(pushed >= 2, "every nginx layer is uploaded once: {text}");
    let last = text.lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("v1.0: digest: sha256:") && last.contains(" size: "), "{last}");
    let digest = last.split_whitespace().nth(2).unwrap_or_default().to_string();

    // A second push finds every layer there.
    let (text, _) = run(&mut s, "docker push myregistry.com/myimage:v1.0");
    assert_eq!(text.matches(": Layer already exists\n").count(), pushed, "{text}");
    assert!(text.ends_with(&format!("{last}\n")));

    // Removed locally, pulled back by tag and by digest.
    assert_eq!(run(&mut s, "docker rmi myregistry.com/myimage:v1.0").1, 0);
    let (text, code) = run(&mut s, "docker pull myregistry.com/myimage:v1.0");
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        text,
        format!(
            "v1.0: Pulling from myimage\nDigest: {digest}\nStatus: Downloaded newer image for myregistry.com/myimage:v1.0\nmyregistry.com/myimage:v1.0\n"
        )
    );
    let (text, code) = run(&mut s, &format!("docker pull myregistry.com/myimage@{digest}"));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&format!("Digest: {digest}\n")));
    let (text, code) = run(&mut s, "docker pull myregistry.com/myimage:v2.0");
    assert_eq!((text.as_str(), code), (
        "Error response from daemon: manifest for myregistry.com/myimage:v2.0 not found: manifest unknown: manifest unknown\n",
        1
    ));

    // After logout the registry wants credentials again.
    assert_eq!(run(&mut s, "docker logout myregistry.com").0, "Removing login credentials for myregistry.com\n");
    let (text, code) = run(&mut s, "docker pull myregistry.com/myimage:v1.0");
    assert_eq!(code, 1);
    assert_eq!(text, "Error response from daemon: Head \"https://myregistry.com/v2/myimage/manifests/v1.0\": no basic auth credentials\n");
}

#[test]
fn a_pushed_image_comes_back_after_it_was_deleted() {
    let mut s = Session::real_docker_fixture();
    run(&mut s, "docker run --name maker busybox sh -c 'echo hola > /saludo.txt'");
    run(&mut s, "docker commit maker localhost:5000/app:1.0");
    run(&mut s, "docker rm maker");
    run(&mut s, "echo secret | docker login -u student --password-stdin localhost:5000");
    assert_eq!(run(&mut s, "docker push localhost:5000/app:1.0").1, 0);
    let (text, _) = run(&mut s, "docker rmi localhost:5000/app:1.0");
    assert!(text.contains("Deleted: sha256:"), "{text}");
    let (text, code) = run(&mut s, "docker pull localhost:5000/app:1.0");
    assert_eq!(code, 0);
    assert!(text.contains(": Already exists\n") && text.contains(": Pull complete\n"), "{text}");
    assert_eq!(run(&mut s, "docker run --rm localhost:5000/app:1.0 cat /saludo.txt").0, "hola\n");
}

#[test]
fn harbor_projects_and_hub_namespaces_limit_pushes() {
    let mut s = online();
    run(&mut s, "docker pull -q busybox");
    run(&mut s, "docker tag busybox harbor.example.com/library/tool:1");
    run(&mut s, "docker tag busybox harbor.example.com/muelle/tool:1");
    assert_eq!(run(&mut s, "docker login -u estudiante -p muelle123 harbor.example.com").1, 0);
    let (text, code) = run(&mut s, "docker push harbor.example.com/library/tool:1");
    assert_eq!(code, 1);
    assert!(text.ends_with("denied: requested access to the resource is denied\n"), "{text}");
    assert_eq!(run(&mut s, "docker push harbor.example.com/muelle/tool:1").1, 0);

    // Docker Hub: only the learner's own namespace, and layers come from the official image.
    run(&mut s, "docker tag busybox estudiante/tool:1");
    let (text, code) = run(&mut s, "docker push estudiante/tool:1");
    assert_eq!(code, 1);
    assert!(text.starts_with("The push refers to repository [docker.io/estudiante/tool]\n"));
    assert_eq!(run(&mut s, "docker login -u estudiante -p nope").0.lines().last(), Some(
        "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password"
    ));
    assert_eq!(run(&mut s, "docker login -u estudiante -p muelle123").1, 0);
    let (text, code) = run(&mut s, "docker push estudiante/tool:1");
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(": Mounted from library/busybox\n"), "{text}");
    assert_eq!(run(&mut s, "docker logout").0, "Removing login credentials for https://index.docker.io/v1/\n");
}

#[test]
fn ecr_and_artifact_registry_hosts() {
    let mut s = online();
    run(&mut s, "docker pull -q alpine");
    let ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    let gar = "europe-west1-docker.pkg.dev/muelle-demo/apps";
    run(&mut s, &format!("docker tag alpine {ecr}/web:1"));
    run(&mut s, &format!("docker tag alpine {gar}/web:1"));
    assert_eq!(run(&mut s, &format!("echo muelle-ecr-token | docker login --username AWS --password-stdin {ecr}")).1, 0);
    assert_eq!(run(&mut s, &format!("docker push {ecr}/web:1")).1, 0);
    assert_eq!(run(&mut s, "docker login -u oauth2accesstoken -p muelle-gcp-token europe-west1-docker.pkg.dev").1, 0);
    let (text, code) = run(&mut s, &format!("docker push {gar}/web:1"));
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with(&format!("The push refers to repository [{gar}/web]\n")));
    let (text, code) = run(&mut s, "docker login -u x -p y registry.nowhere.test");
    assert_eq!(code, 1);
    assert!(text.ends_with(
        "Error response from daemon: Get \"https://registry.nowhere.test/v2/\": dial tcp: lookup registry.nowhere.test on 127.0.0.53:53: no such host\n"
    ));
}

#[test]
fn interactive_login_in_a_terminal_waits_for_each_answer() {
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
    // Nothing typed yet: the prompt stays on screen and the command waits for its answer.
    let out = s.run_line_answering("docker login localhost:5000", Vec::new());
    assert_eq!((out.stdout(), out.exit_code), ("Username: ".to_string(), 0));
    let out = s.run_line_answering("docker login localhost:5000", vec!["student".into()]);
    assert_eq!((out.stdout(), out.exit_code), ("Username: student\nPassword: ".to_string(), 0));
    let out = s.run_line_answering("docker login localhost:5000", vec!["student".into(), "secret".into()]);
    assert_eq!(out.exit_code, 0);
    assert!(out.stdout().starts_with("Username: student\nPassword: \n"), "{}", out.stdout());
    assert!(out.stdout().ends_with("Login Succeeded\n"));
    // An empty answer to Username is refused, as Docker does.
    let out = s.run_line_answering("docker login localhost:5001", vec![String::new()]);
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr().ends_with("Error: Non-null Username Required\n"), "{}", out.stderr());
    // Piped input is not a terminal: Docker does not prompt.
    let (text, code) = run(&mut s, "printf 'student\\nsecret\\n' | docker login localhost:5001");
    assert_eq!((text.as_str(), code), ("Error: Cannot perform an interactive login from a non TTY device\n", 1));
}

#[test]
fn docker_hub_login_in_a_terminal_is_web_based_unless_disabled() {
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
    let waiting = s.run_line_answering("docker login", Vec::new());
    assert_eq!(waiting.exit_code, 0);
    assert!(waiting.stderr().starts_with("\nUSING WEB-BASED LOGIN\n"), "{}", waiting.stderr());
    assert!(waiting.stderr().ends_with("\nWaiting for authentication in the browser…\n"));
    // Enter: the simulated browser signs in the course's Hub account, with the same code shown.
    let done = s.run_line_answering("docker login", vec![String::new()]);
    assert!(done.stderr().starts_with(&waiting.stderr()), "{}", done.stderr());
    assert!(done.stdout().ends_with("Login Succeeded\n"));
    let again = s.run_line("docker login");
    assert!(again.stderr().starts_with("Authenticating with existing credentials... [Username: estudiante]\n\ni Info → "));
    // The CLI's escape hatch goes back to the username prompt.
    s.run_line("docker logout");
    let out = s.run_line_answering("DOCKER_CLI_DISABLE_OAUTH_LOGIN=1 docker login", Vec::new());
    assert_eq!((out.combined(), out.exit_code), ("Username: ".to_string(), 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever arguments `login`, `logout`, `push` and `pull` get, the engine answers without panicking.
    #[test]
    fn registry_commands_never_panic(
        verb in prop::sample::select(vec!["login", "logout", "push", "pull", "push -a", "login -u student -p secret"]),
        host in prop::sample::select(vec!["localhost:5000", "myregistry.com", "harbor.example.com", "1.dkr.ecr.x.amazonaws.com", "-docker.pkg.dev", "http://", "", "docker.io"]),
        path in "[a-zA-Z0-9:@/._-]{0,24}",
        stdin in "[a-z\n]{0,12}",
    ) {
        let mut s = Session::real_docker_fixture();
        let _ = s.run_line("docker tag busybox localhost:5000/busybox:1");
        let target = if path.is_empty() { host.to_string() } else { format!("{host}/{path}") };
        let line = format!("printf '{}' | docker {verb} '{}'", stdin.replace('\n', "\\n"), target.replace('\'', ""));
        let _ = s.run_line(&line);
        let _ = s.run_line("echo secret | docker login -u student --password-stdin localhost:5000");
        let _ = s.run_line(&format!("docker {verb} '{}'", target.replace('\'', "")));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The host and server-address parsers accept any text without panicking, and a server the
    /// network knows always has a credential key.
    #[test]
    fn host_parsers_never_panic(text in "\\PC{0,40}") {
        let host = simulator::registry::Host::lookup(&text);
        let (key, shown, found) = simulator::docker::login::server(Some(&text));
        prop_assert!(found.is_none() || (!key.is_empty() && !shown.is_empty()));
        if let Some(h) = host {
            prop_assert!(!h.server_key().is_empty());
        }
    }
}

#[test]
fn built_images_push_and_come_back_like_any_other() {
    let mut project = MemoryProject::new();
    let _ = simulator::ProjectFiles::write(&mut project, "Dockerfile", "FROM busybox\nRUN echo construida > /marca.txt\n");
    let mut s = Session::new(SessionConfig::default(), Box::new(project));
    let (text, code) = run(&mut s, "docker build -q -t localhost:5000/built:1 .");
    assert_eq!(code, 0, "{text}");
    run(&mut s, "echo secret | docker login -u student --password-stdin localhost:5000");
    let (text, code) = run(&mut s, "docker push localhost:5000/built:1");
    assert_eq!(code, 0, "{text}");
    assert_eq!(text.matches(": Pushed\n").count(), 2, "base layer and the RUN layer: {text}");
    run(&mut s, "docker rmi localhost:5000/built:1");
    let (text, code) = run(&mut s, "docker pull localhost:5000/built:1");
    assert_eq!(code, 0, "{text}");
    // BuildKit kept the base image out of the image store: both layers come down again.
    assert_eq!(text.matches(": Pull complete\n").count(), 2, "{text}");
    assert_eq!(run(&mut s, "docker run --rm localhost:5000/built:1 cat /marca.txt").0, "construida\n");
}
