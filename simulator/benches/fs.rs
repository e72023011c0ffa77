//! Layered-filesystem benchmarks: merged-view lookup and `ls -la` of a 10k-file image, creating a
//! container's view on it (must not copy), building every catalog image's layers (what a pull
//! costs in the browser), and the memory of 1,000 containers on one image.
//! Run with `cargo bench -p simulator --features bench --bench fs`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use simulator::fs::{init_layer, Content, Layer, LayerBuilder, MergedFs, SyntheticKind};
use simulator::hub::{rootfs, CATALOG};

/// A 10k-file image in two layers: 100 directories of 100 files under `/usr/share`, the second
/// layer replacing every tenth file and deleting one in each directory; plus `/flat` with 10,000
/// files in one directory.
fn image_10k() -> Vec<Arc<Layer>> {
    let mut base = LayerBuilder::new(1_700_000_000);
    for d in 0..100 {
        for f in 0..100 {
            let path = format!("/usr/share/d{d:02}/f{f:02}");
            if f % 3 == 0 {
                base.text(&path, 0o644, "a small text file\n");
            } else {
                base.file(&path, 0o755, Content::Synthetic { size: 10_000 + f, seed: d * 100 + f, kind: SyntheticKind::Elf });
            }
        }
    }
    for f in 0..10_000 {
        base.text(&format!("/flat/f{f:05}"), 0o644, "x\n");
    }
    base.symlink("/lib", "usr/share");
    let mut top = LayerBuilder::new(1_700_000_100);
    for d in 0..100 {
        for f in (0..100).step_by(10) {
            top.text(&format!("/usr/share/d{d:02}/f{f:02}"), 0o644, "replaced\n");
        }
        top.whiteout(&format!("/usr/share/d{d:02}/f99"));
    }
    vec![Arc::new(base.build()), Arc::new(top.build())]
}

fn lookup_and_listing(c: &mut Criterion) {
    let image = image_10k();
    let fs = MergedFs::new(image.clone());
    let mut group = c.benchmark_group("10k-file image");
    group.bench_function("stat /usr/share/d42/f57", |b| b.iter(|| fs.stat(black_box("/usr/share/d42/f57"))));
    group.bench_function("stat through a symlink /lib/d42/f57", |b| b.iter(|| fs.stat(black_box("/lib/d42/f57"))));
    group.bench_function("read /usr/share/d42/f50 (top layer)", |b| b.iter(|| fs.read(black_box("/usr/share/d42/f50"))));
    group.bench_function("ls -la /usr/share/d42 (100 entries)", |b| b.iter(|| fs.list(black_box("/usr/share/d42"))));
    group.bench_function("ls -la /flat (10,000 entries)", |b| b.iter(|| fs.list(black_box("/flat"))));
    group.bench_function("ls -laR / (20,000 entries)", |b| b.iter(|| fs.walk(black_box("/"))));
    group.bench_function("create a container view", |b| b.iter(|| MergedFs::new(black_box(image.clone()))));
    group.bench_function("create a container view with its init layer", |b| {
        b.iter(|| {
            let init = Arc::new(init_layer(&image, "0123456789ab", "127.0.0.1\tlocalhost\n", "nameserver 8.8.8.8\n", 1_700_000_200));
            let mut lowers = image.clone();
            lowers.push(init);
            MergedFs::new(lowers)
        })
    });
    group.bench_function("write + docker diff + commit", |b| {
        b.iter(|| {
            let mut fs = MergedFs::new(image.clone());
            let _ = fs.write("/usr/share/d10/new.txt", b"hello");
            let _ = fs.remove("/usr/share/d11/f11", false);
            let diff = fs.diff();
            let layer = fs.commit();
            (diff.len(), layer.diff_id().len())
        })
    });
    group.finish();
}

fn catalog_layers(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalog");
    group.sample_size(20);
    group.bench_function("build the layers of every catalog image", |b| {
        b.iter(|| CATALOG.iter().map(|img| rootfs::layers_for(img).len()).sum::<usize>())
    });
    group.bench_function("build nginx:latest's layers", |b| {
        b.iter(|| simulator::hub::find("nginx", "latest").map(rootfs::layers_for).map(|l| l.len()))
    });
    group.bench_function("diff IDs of nginx:latest's layers", |b| {
        b.iter(|| {
            simulator::hub::find("nginx", "latest")
                .map(rootfs::layers_for)
                .map(|l| l.iter().map(|x| x.diff_id().len()).sum::<usize>())
        })
    });
    group.finish();
}

/// Resident memory of this process in bytes (Linux), to cross-check the heap estimate (measured
/// first thing in the process, before other benchmarks leave freed memory behind).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn containers_1000(c: &mut Criterion) {
    let image = image_10k();
    let entries: usize = image.iter().map(|l| l.entry_count()).sum();
    let container = |i: usize| {
        let mut fs = MergedFs::new(image.clone());
        let _ = fs.write("/tmp-note", format!("container {i}\n").as_bytes());
        fs
    };
    let containers: Vec<MergedFs> = (0..1_000).map(container).collect();
    let estimate: usize = containers.iter().map(MergedFs::heap_bytes).sum();
    // Cross-check with the process' resident memory over many more containers (a few hundred
    // kilobytes vanish in memory the allocator had already freed).
    let before = resident_bytes();
    let many: Vec<MergedFs> = (0..100_000).map(container).collect();
    let after = resident_bytes();
    println!(
        "1,000 containers on a 10k-file image ({entries} entries, shared, never copied), each with one small file written: \
         {} bytes per container (heap of the writable layer + bookkeeping); resident growth over 100,000 such containers: {} bytes each",
        estimate / 1_000,
        after.zip(before).map_or_else(|| "n/a".to_string(), |(a, b)| (a.saturating_sub(b) / 100_000).to_string()),
    );
    drop(many);
    let mut group = c.benchmark_group("1,000 containers");
    group.sample_size(10);
    group.bench_function("create 1,000 container views with one write each", |b| {
        b.iter(|| {
            (0..1_000)
                .map(|i| {
                    let mut fs = MergedFs::new(image.clone());
                    let _ = fs.write("/tmp-note", format!("container {i}\n").as_bytes());
                    fs
                })
                .collect::<Vec<_>>()
        })
    });
    group.finish();
    black_box(containers);
}

criterion_group!(benches, containers_1000, lookup_and_listing, catalog_layers);
criterion_main!(benches);
