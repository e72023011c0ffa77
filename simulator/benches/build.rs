//! Builder benchmarks: parse + build of a 10-step multi-stage Dockerfile (fresh cache), and the
//! fully cached rebuild. Run with `cargo bench -p simulator --features bench --bench build`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use simulator::build::{build_image, BuildRequest, Progress};
use simulator::engine::Engine;
use simulator::{MemoryProject, Timestamp};

const DOCKERFILE: &str = "FROM busybox AS build\nWORKDIR /src\nCOPY package.json .\nRUN cp package.json deps.txt\nCOPY . .\nRUN echo compiled > app.bin\n\nFROM mini:1.0\nWORKDIR /app\nCOPY --from=build /src/app.bin .\nENV MODE=production\nEXPOSE 8080\nCMD [\"cat\", \"/app/app.bin\"]\n";

fn project() -> MemoryProject {
    MemoryProject::new()
        .with_file("Dockerfile", DOCKERFILE)
        .with_file("package.json", "{\"name\":\"app\"}\n")
        .with_file("app.js", "console.log(1)\n")
}

fn engine() -> Engine {
    let mut e = Engine::new(1, Timestamp::from_secs(1_764_000_000));
    e.import_real_docker_base_images();
    e
}

fn request() -> BuildRequest {
    BuildRequest { tags: vec!["app:1".into()], progress: Progress::Plain, ..BuildRequest::default() }
}

fn builds(c: &mut Criterion) {
    let project = project();
    c.bench_function("parse 10-step multi-stage Dockerfile", |b| b.iter(|| simulator::dockerfile::parse(DOCKERFILE)));
    c.bench_function("parse + build 10-step multi-stage (no cache)", |b| {
        b.iter_batched(engine, |mut e| build_image(&mut e, &project, &request()), BatchSize::SmallInput)
    });
    let mut cached = engine();
    build_image(&mut cached, &project, &request());
    c.bench_function("rebuild 10-step multi-stage (all cached)", |b| b.iter(|| build_image(&mut cached, &project, &request())));
}

criterion_group!(benches, builds);
criterion_main!(benches);
