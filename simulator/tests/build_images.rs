//! Images out of builds: multi-stage builds keep only the last stage's layers (the notes'
//! `node:16` → `node:16-alpine` example), `--target`, history and inspect of built images, and
//! the secrets lesson (ENV and files written by RUN stay visible; `RUN --mount=type=secret`
//! leaves nothing in any layer).

#[path = "support/build_session.rs"]
mod build_session;

use build_session::{run, session, write, size};
use simulator::{MemoryProject, Session, SessionConfig};

fn layer_count(s: &mut Session, image: &str) -> usize {
    run(s, &format!("docker image inspect -f '{{{{len .RootFS.Layers}}}}' {image}")).stdout().trim().parse().unwrap_or(0)
}

const MULTI: &str = "FROM node:16 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n\nFROM node:16-alpine\nWORKDIR /app\nCOPY --from=build /app .\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n";

fn node_project(s: &mut Session) {
    write(s, "Dockerfile", MULTI);
    write(s, "package.json", "{\n  \"name\": \"app\",\n  \"dependencies\": { \"express\": \"^4.18.2\" }\n}\n");
    write(s, "app.js", "console.log('hola');\n");
}

#[test]
fn the_final_image_has_only_the_last_stage_layers() {
    let mut s = session();
    node_project(&mut s);
    let out = run(&mut s, "docker build -t app:multi .").combined();
    assert!(out.contains("[build 4/5] RUN npm install"), "{out}");
    assert!(out.contains("[stage-1 3/3] COPY --from=build /app ."), "{out}");
    run(&mut s, "docker build --target build -t app:build .");
    run(&mut s, "docker pull -q node:16-alpine");
    run(&mut s, "docker pull -q node:16");
    let (multi, full, alpine, build) = (size(&mut s, "app:multi"), size(&mut s, "node:16"), size(&mut s, "node:16-alpine"), size(&mut s, "app:build"));
    assert!(build > full, "the build stage holds node:16 and the dependencies: {build} vs {full}");
    assert!(multi > alpine && multi < alpine + (build - full) + 1_000_000, "final {multi}, alpine {alpine}");
    assert!(multi * 5 < build, "final {multi} is a fraction of the build stage {build}");
    // node:16-alpine's layers plus WORKDIR and COPY.
    assert_eq!(layer_count(&mut s, "app:multi"), layer_count(&mut s, "node:16-alpine") + 2);
    let history = run(&mut s, "docker history app:multi").stdout();
    assert!(!history.contains("npm install"), "no step of the build stage:\n{history}");
    assert!(history.contains("COPY /app . # buildkit"), "{history}");
    let modules = run(&mut s, "docker run --rm app:multi ls /app/node_modules").stdout();
    assert!(modules.contains("express"), "{modules}");
    let images = run(&mut s, "docker images").stdout();
    assert!(images.lines().any(|l| l.starts_with("app ") && l.contains("multi")), "{images}");
}

#[test]
fn a_missing_target_is_buildkits_error() {
    let mut s = session();
    node_project(&mut s);
    let out = s.run_line("docker build --target nosuch .");
    assert_eq!(out.exit_code, 1);
    assert!(out.combined().ends_with("ERROR: failed to build: failed to solve: target stage \"nosuch\" could not be found\n"), "{}", out.combined());
}

#[test]
fn history_and_inspect_of_a_built_image() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nLABEL curso=muelle\nENV GREETING=hola\nRUN echo built > /built.txt\nUSER nobody\nCMD [\"cat\", \"/built.txt\"]\n");
    run(&mut s, "docker build -t h:1 .");
    let h = run(&mut s, "docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' h:1").stdout();
    let top: Vec<&str> = h.lines().take(5).collect();
    assert_eq!(
        top,
        vec![
            "CMD [\"cat\" \"/built.txt\"]|0B|buildkit.dockerfile.v0",
            "USER nobody|0B|buildkit.dockerfile.v0",
            "RUN /bin/sh -c echo built > /built.txt # bui…|6B|buildkit.dockerfile.v0",
            "ENV GREETING=hola|0B|buildkit.dockerfile.v0",
            "LABEL curso=muelle|0B|buildkit.dockerfile.v0",
        ]
    );
    let ids = run(&mut s, "docker history -q h:1").stdout();
    assert!(ids.lines().skip(1).all(|l| l == "<missing>"), "{ids}");
    let cfg = run(&mut s, "docker inspect -f '{{.Config.User}} {{json .Config.Cmd}} {{.Config.Labels.curso}} {{.Comment}}' h:1").stdout();
    assert_eq!(cfg, "nobody [\"cat\",\"/built.txt\"] muelle buildkit.dockerfile.v0\n");
    let out = run(&mut s, "docker run --rm h:1").stdout();
    assert_eq!(out, "built\n");
}

const SECRETS: &str = "FROM alpine:3.21\nENV API_KEY=secret123\nRUN mkdir /app && echo \"password=hunter2\" > /app/config\nRUN --mount=type=secret,id=token cat /run/secrets/token && wc -c /run/secrets/token\nCMD [\"sh\"]\n";

#[test]
fn secrets_in_env_and_files_stay_in_the_image() {
    let mut s = session();
    write(&mut s, "Dockerfile", SECRETS);
    write(&mut s, "token.txt", "tok-abc\n");
    let out = run(&mut s, "docker build --secret id=token,src=token.txt -t sec .").combined();
    assert!(out.contains("SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV \"API_KEY\") (line 2)"), "{out}");
    let history = run(&mut s, "docker history --no-trunc sec").stdout();
    assert!(history.contains("ENV API_KEY=secret123"), "{history}");
    assert!(history.contains("echo \"password=hunter2\" > /app/config"), "{history}");
    let env = run(&mut s, "docker inspect -f '{{json .Config.Env}}' sec").stdout();
    assert!(env.contains("API_KEY=secret123"), "{env}");
    let config = run(&mut s, "docker run --rm sec cat /app/config").stdout();
    assert_eq!(config, "password=hunter2\n");
}

#[test]
fn a_build_secret_is_readable_during_its_run_only() {
    let mut s = session();
    write(&mut s, "Dockerfile", SECRETS);
    write(&mut s, "token.txt", "tok-abc\n");
    let out = run(&mut s, "docker build --secret id=token,src=token.txt -t sec .").combined();
    assert!(out.contains(" tok-abc\n"), "the RUN read the secret:\n{out}");
    assert!(out.contains(" 8 /run/secrets/token\n"), "{out}");
    let history = run(&mut s, "docker history --no-trunc sec").stdout();
    assert!(!history.contains("tok-abc"));
    assert!(history.contains("RUN /bin/sh -c cat /run/secrets/token && wc -c /run/secrets/token # buildkit"), "{history}");
    let ls = s.run_line("docker run --rm sec ls /run/secrets");
    assert_ne!(ls.exit_code, 0, "{}", ls.combined());
    // No layer of any image holds the secret's bytes.
    for img in s.engine.images.iter() {
        for layer in &img.layers {
            for (path, _) in layer.files.entries() {
                assert!(!path.starts_with("/run/secrets"), "{path} in a layer of {}", img.id);
            }
        }
    }
}

#[test]
fn a_required_secret_that_is_missing_fails_the_build() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nRUN --mount=type=secret,id=token,required=true cat /run/secrets/token\n");
    let out = s.run_line("docker build .");
    assert_eq!(out.exit_code, 1);
    assert!(out.combined().ends_with("ERROR: failed to build: failed to solve: secret token: not found\n"), "{}", out.combined());
}

#[test]
fn an_unknown_user_fails_the_run() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nUSER nadie\nRUN id\n");
    let out = s.run_line("docker build .");
    assert_eq!(out.exit_code, 1);
    assert!(
        out.combined().ends_with("ERROR: failed to build: failed to solve: unable to find user nadie: no matching entries in passwd file\n"),
        "{}",
        out.combined()
    );
}

#[test]
fn a_terminal_shows_the_last_screen_of_buildkits_view() {
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nWORKDIR /app\nRUN echo hola > saludo.txt\nCMD [\"cat\", \"saludo.txt\"]\n");
    run(&mut s, "docker build -t tty:1 .");
    let out = run(&mut s, "docker build -t tty:2 .").combined();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.first().is_some_and(|l| l.starts_with("[+] Building ") && l.contains("(7/7) FINISHED") && l.ends_with("docker:default")), "{out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
    assert!(lines.iter().any(|l| l.starts_with(" => CACHED [2/3] WORKDIR /app ") && l.ends_with(" 0.0s")), "{out}");
    assert!(lines.iter().any(|l| l.starts_with(" => => naming to docker.io/library/tty:2 ")), "{out}");
    assert!(!out.contains("#1 "), "no plain progress in a terminal:\n{out}");
}

#[test]
fn a_cache_mount_outlives_builds_and_stays_out_of_the_image() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nRUN --mount=type=cache,target=/cache echo x >> /cache/log && wc -l < /cache/log\n");
    let first = run(&mut s, "docker build -t cm .").combined();
    assert!(first.contains(" 1\n"), "{first}");
    let second = run(&mut s, "docker build --no-cache -t cm .").combined();
    assert!(second.contains(" 2\n"), "the cache directory kept the first build's file:\n{second}");
    let ls = run(&mut s, "docker run --rm cm ls -a /cache").stdout();
    assert_eq!(ls, ".\n..\n", "the image has only the empty mount point");
}
