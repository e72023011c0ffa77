//! Engine benchmarks: each seed-notes command natively, and `docker ps` with 1,000 containers.
//! Run with `cargo bench -p simulator --features bench --bench commands`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use simulator::{MemoryProject, Session, SessionConfig};

fn session_with(lines: &[&str]) -> Session {
    let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
    for l in lines {
        s.run_line(l);
    }
    s
}

/// The commands of the notes' "Comandos" and "comandos fundamentales" sections, each measured on a
/// session prepared so the command succeeds.
const SEED: &[(&str, &[&str], &str)] = &[
    ("images", &["docker pull ubuntu:20.04", "docker pull nginx"], "docker images"),
    ("pull", &[], "docker pull ubuntu:20.04"),
    ("rmi", &["docker pull ubuntu:20.04"], "docker rmi ubuntu:20.04"),
    ("inspect image", &["docker pull ubuntu:20.04"], "docker inspect ubuntu:20.04"),
    ("history", &["docker pull ubuntu:20.04"], "docker history ubuntu:20.04"),
    ("run -d nginx", &["docker pull nginx"], "docker run -d --name webserver -p 80:80 nginx"),
    ("run --rm alpine echo", &["docker pull alpine"], "docker run --rm alpine echo \"Hello World\""),
    ("ps", &["docker run -d --name webserver -p 80:80 nginx"], "docker ps"),
    ("ps -a", &["docker run -d --name webserver -p 80:80 nginx"], "docker ps -a"),
    ("ps -f status=running", &["docker run -d --name webserver nginx"], "docker ps -f status=running"),
    ("stop", &["docker run -d --name webserver nginx"], "docker stop webserver"),
    ("start", &["docker create --name webserver nginx"], "docker start webserver"),
    ("restart", &["docker run -d --name webserver nginx"], "docker restart webserver"),
    ("pause", &["docker run -d --name webserver nginx"], "docker pause webserver"),
    ("unpause", &["docker run -d --name webserver nginx", "docker pause webserver"], "docker unpause webserver"),
    ("rm", &["docker create --name webserver nginx"], "docker rm webserver"),
    ("rm -f", &["docker run -d --name webserver nginx"], "docker rm -f webserver"),
    ("container prune", &["docker run --name done alpine true"], "docker container prune -f"),
];

fn seed_commands(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (name, setup, command) in SEED {
        group.bench_function(*name, |b| {
            b.iter_batched(|| session_with(setup), |mut s| s.run_line(command), BatchSize::SmallInput)
        });
    }
    group.finish();
}

fn ps_1000(c: &mut Criterion) {
    let mut s = session_with(&["docker pull busybox"]);
    for i in 0..1000 {
        s.run_line(&format!("docker run -d --name c{i} -p {}:80 busybox sleep 100000", 10_000 + i));
    }
    c.bench_function("ps with 1000 containers", |b| b.iter(|| s.run_line("docker ps")));
    c.bench_function("ps -a with 1000 containers", |b| b.iter(|| s.run_line("docker ps -a")));
}

criterion_group!(benches, seed_commands, ps_1000);
criterion_main!(benches);
