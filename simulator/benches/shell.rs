//! Host-shell benchmarks: parsing typical lines, and running a pipeline of builtins.
//! Run with `cargo bench -p simulator --features bench --bench shell`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use simulator::shell::{self, ProgramCall, Programs, ShellState};
use simulator::{MemoryProject, Output, ProjectFiles};

/// Lines as learners type or paste them.
const LINES: &[(&str, &str)] = &[
    ("simple", "docker ps -a"),
    ("run", "docker run -d --name web -p 8080:80 -e MODE=prod -v \"$PWD/html:/usr/share/nginx/html\" nginx:1.27"),
    ("substitution", "docker rm -f $(docker ps -aq) 2>/dev/null || echo \"nothing to remove\""),
    ("pipeline", "docker images --format '{{.Repository}}:{{.Tag}}' | grep -v '<none>' | sort | head -n 5"),
    ("heredoc", "cat > Dockerfile <<EOF\nFROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\nEOF"),
    ("loop", "for i in $(seq 1 3); do docker run -d --name web-$i nginx; done"),
];

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("shell parse");
    for (name, line) in LINES {
        group.bench_function(*name, |b| b.iter(|| shell::parse(black_box(line))));
    }
    group.finish();
}

/// Programs that only hold the project folder: builtins run for real, `docker` answers nothing.
struct Folder(MemoryProject);

impl Programs for Folder {
    fn run(&mut self, _call: ProgramCall<'_>) -> Output {
        Output::new()
    }
    fn sleep(&mut self, _secs: f64) {}
    fn project(&mut self) -> &mut dyn ProjectFiles {
        &mut self.0
    }
}

fn run(c: &mut Criterion) {
    let log: String = (0..1000).map(|i| format!("{i} GET /item/{} 200\n", i % 17)).collect();
    let mut programs = Folder(MemoryProject::new().with_file("access.log", &log));
    let mut state = ShellState::new();
    c.bench_function("shell run: grep | sort | uniq -c | head over 1000 lines", |b| {
        b.iter(|| shell::run_line("grep -v ' 500' access.log | cut -d' ' -f3 | sort | uniq -c | sort -rn | head -n 3", &mut state, &mut programs))
    });
}

criterion_group!(benches, parse, run);
criterion_main!(benches);
