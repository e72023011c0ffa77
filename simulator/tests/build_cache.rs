//! The build cache as the course teaches it: with the notes' Node.js Dockerfile (dependencies
//! copied and installed before `COPY . .`), editing `app.js` rebuilds only `COPY . .`; with
//! everything copied first, the same edit reinstalls the dependencies. Also `--no-cache`, an
//! edited `package.json`, and a changed instruction.

#[path = "support/build_session.rs"]
mod build_session;

use build_session::{run, session, write};
use simulator::Session;

/// How the step whose title ends with `step` ended in a plain progress output: `CACHED`, `DONE`
/// or `ERROR`; `None` if the step is not there.
fn status(output: &str, step: &str) -> Option<&'static str> {
    let lines: Vec<&str> = output.lines().collect();
    let start = lines.iter().position(|l| l.starts_with('#') && l.ends_with(step))?;
    let number = lines.get(start)?.split(' ').next()?;
    for l in lines.iter().skip(start + 1) {
        let Some(rest) = l.strip_prefix(number).and_then(|r| r.strip_prefix(' ')) else { continue };
        if rest == "CACHED" {
            return Some("CACHED");
        }
        if rest.starts_with("DONE") {
            return Some("DONE");
        }
        if rest.starts_with("ERROR") {
            return Some("ERROR");
        }
    }
    None
}

const GOOD: &str = "FROM node:16\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n";
const BAD: &str = "FROM node:16\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n";
const PACKAGE: &str = "{\n  \"name\": \"app\",\n  \"dependencies\": { \"express\": \"^4.18.2\" }\n}\n";

fn node_project(s: &mut Session, dockerfile: &str) {
    write(s, "Dockerfile", dockerfile);
    write(s, "package.json", PACKAGE);
    write(s, "app.js", "console.log('hola');\n");
}

#[test]
fn editing_app_js_reruns_only_the_late_copy_when_dependencies_come_first() {
    let mut s = session();
    node_project(&mut s, GOOD);
    let first = run(&mut s, "docker build -t app:1 .").combined();
    assert_eq!(status(&first, "[4/5] RUN npm install"), Some("DONE"), "{first}");
    assert!(first.contains("added"), "npm install printed its summary:\n{first}");
    write(&mut s, "app.js", "console.log('adiós');\n");
    let second = run(&mut s, "docker build -t app:2 .").combined();
    assert_eq!(status(&second, "[2/5] WORKDIR /app"), Some("CACHED"), "{second}");
    assert_eq!(status(&second, "[3/5] COPY package*.json ./"), Some("CACHED"), "{second}");
    assert_eq!(status(&second, "[4/5] RUN npm install"), Some("CACHED"), "{second}");
    assert_eq!(status(&second, "[5/5] COPY . ."), Some("DONE"), "{second}");
    // The new image has the new app.js and the dependencies installed by the cached step.
    let app = run(&mut s, "docker run --rm app:2 cat /app/app.js").stdout();
    assert_eq!(app, "console.log('adiós');\n");
    let modules = run(&mut s, "docker run --rm app:2 ls /app/node_modules").stdout();
    assert!(modules.contains("express"), "{modules}");
    // Both images share every layer below `COPY . .`.
    let layers = |s: &mut Session, tag: &str| run(s, &format!("docker image inspect -f '{{{{json .RootFS.Layers}}}}' {tag}")).stdout();
    let (a, b) = (layers(&mut s, "app:1"), layers(&mut s, "app:2"));
    let a: Vec<&str> = a.trim().trim_matches(['[', ']']).split(',').collect();
    let b: Vec<&str> = b.trim().trim_matches(['[', ']']).split(',').collect();
    assert_eq!(a.len(), b.len());
    assert_eq!(a.get(..a.len() - 1), b.get(..b.len() - 1), "shared lower layers");
    assert_ne!(a.last(), b.last(), "only the last layer differs");
}

#[test]
fn editing_app_js_reinstalls_dependencies_when_everything_is_copied_first() {
    let mut s = session();
    node_project(&mut s, BAD);
    run(&mut s, "docker build -t bad:1 .");
    write(&mut s, "app.js", "console.log('adiós');\n");
    let second = run(&mut s, "docker build -t bad:2 .").combined();
    assert_eq!(status(&second, "[2/4] WORKDIR /app"), Some("CACHED"), "{second}");
    assert_eq!(status(&second, "[3/4] COPY . ."), Some("DONE"), "{second}");
    assert_eq!(status(&second, "[4/4] RUN npm install"), Some("DONE"), "{second}");
}

#[test]
fn an_unchanged_project_is_fully_cached_and_gives_the_same_image() {
    let mut s = session();
    node_project(&mut s, GOOD);
    let id1 = run(&mut s, "docker build -q -t app:1 .").stdout();
    let again = run(&mut s, "docker build -t app:1 .").combined();
    for step in ["[2/5] WORKDIR /app", "[3/5] COPY package*.json ./", "[4/5] RUN npm install", "[5/5] COPY . ."] {
        assert_eq!(status(&again, step), Some("CACHED"), "{step}:\n{again}");
    }
    assert!(again.contains("#10 exporting layers done"), "{again}");
    let id2 = run(&mut s, "docker build -q -t app:1 .").stdout();
    assert_eq!(id1, id2);
    assert!(id1.starts_with("sha256:"));
}

#[test]
fn editing_package_json_reruns_npm_install_and_everything_after() {
    let mut s = session();
    node_project(&mut s, GOOD);
    run(&mut s, "docker build -t app:1 .");
    write(&mut s, "package.json", "{\n  \"name\": \"app\",\n  \"dependencies\": { \"express\": \"^4.18.2\", \"lodash\": \"^4.17.21\" }\n}\n");
    let out = run(&mut s, "docker build -t app:2 .").combined();
    assert_eq!(status(&out, "[2/5] WORKDIR /app"), Some("CACHED"), "{out}");
    assert_eq!(status(&out, "[3/5] COPY package*.json ./"), Some("DONE"), "{out}");
    assert_eq!(status(&out, "[4/5] RUN npm install"), Some("DONE"), "{out}");
    assert_eq!(status(&out, "[5/5] COPY . ."), Some("DONE"), "{out}");
}

#[test]
fn no_cache_reruns_every_step() {
    let mut s = session();
    node_project(&mut s, GOOD);
    run(&mut s, "docker build -t app:1 .");
    let out = run(&mut s, "docker build --no-cache -t app:1 .").combined();
    assert_eq!(status(&out, "[3/5] COPY package*.json ./"), Some("DONE"), "{out}");
    assert_eq!(status(&out, "[4/5] RUN npm install"), Some("DONE"), "{out}");
    assert_eq!(status(&out, "[5/5] COPY . ."), Some("DONE"), "{out}");
}

#[test]
fn a_changed_instruction_invalidates_it_and_every_later_step() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nRUN echo uno > /uno\nRUN echo dos > /dos\nRUN echo tres > /tres\n");
    run(&mut s, "docker build -t t:1 .");
    write(&mut s, "Dockerfile", "FROM alpine:3.21\nRUN echo uno > /uno\nRUN echo DOS > /dos\nRUN echo tres > /tres\n");
    let out = run(&mut s, "docker build -t t:2 .").combined();
    assert_eq!(status(&out, "[2/4] RUN echo uno > /uno"), Some("CACHED"), "{out}");
    assert_eq!(status(&out, "[3/4] RUN echo DOS > /dos"), Some("DONE"), "{out}");
    assert_eq!(status(&out, "[4/4] RUN echo tres > /tres"), Some("DONE"), "{out}");
}

#[test]
fn installing_packages_in_a_run_adds_files_and_size() {
    let mut s = session();
    run(&mut s, "docker pull -q debian:bookworm");
    write(&mut s, "Dockerfile", "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n");
    run(&mut s, "docker build -t con-curl .");
    let base = run(&mut s, "docker image inspect -f '{{.Size}}' debian:bookworm").stdout();
    let built = run(&mut s, "docker image inspect -f '{{.Size}}' con-curl").stdout();
    let (base, built): (u64, u64) = (base.trim().parse().unwrap_or(0), built.trim().parse().unwrap_or(0));
    assert!(base > 0 && built > base + 100_000, "base {base}, built {built}");
    let which = run(&mut s, "docker run --rm con-curl which curl").stdout();
    assert_eq!(which, "/usr/bin/curl\n");
    let history = run(&mut s, "docker history con-curl").stdout();
    assert!(history.contains("RUN /bin/sh -c apt-get update && apt-get ins…"), "{history}");
}
