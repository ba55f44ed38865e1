//! Throughput of each stage on each corpus document:
//! `cargo bench --bench pipeline`. Figures are reported in README.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The command's allocator: mimalloc by default, the system's with
/// `cargo bench --bench pipeline --no-default-features`.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DOCS: [(&str, &str); 3] = [
    ("000", include_str!("../corpus/000_e8b092f41b6b2e75.txt")),
    ("002", include_str!("../corpus/002_c1cbb27e839fa933.txt")),
    ("004", include_str!("../corpus/004_e9cea40fad9b84a2.txt")),
];

fn source(text: &str) -> kazlex::Source {
    kazlex::decode::from_bytes(
        text.as_bytes().to_vec(),
        std::path::Path::new("bench.txt"),
        u64::MAX,
    )
    .expect("corpus text decodes")
}

fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("normalize");
    for (name, text) in DOCS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| kazlex::normalize(t))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("normalize_extract");
    for (name, text) in DOCS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| kazlex::extract::extract(&kazlex::normalize(t)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("full_json");
    for (name, text) in DOCS {
        let src = source(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &src, |b, s| {
            b.iter(|| kazlex::model::to_json(&kazlex::process("bench.txt", s).document, false))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
