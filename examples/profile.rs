//! Runs the pipeline on a corpus document many times, for profilers:
//! `cargo run --release --example profile -- corpus/004_e9cea40fad9b84a2.txt 50 [normalize|extract|json]`.

/// The command's allocator: mimalloc by default, the system's with
/// `--no-default-features`.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map_or("corpus/004_e9cea40fad9b84a2.txt", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(50);
    let stage = args.get(3).map_or("json", String::as_str);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let started = std::time::Instant::now();
    let mut sink = 0usize;
    for _ in 0..n {
        let norm = kazlex::normalize(&text);
        sink += norm.text.len();
        if stage != "normalize" {
            let x = kazlex::extract::extract(&norm);
            sink += x.references.len();
            if stage == "json" {
                let doc = kazlex::model::document(
                    kazlex::model::Source {
                        path: path.into(),
                        sha256: String::new(),
                        bytes: text.len() as u64,
                    },
                    &norm,
                    &x,
                    Vec::new(),
                );
                sink += kazlex::model::to_json(&doc, false).map_or(0, |v| v.len());
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{stage}: {:.1} MB/s ({sink})",
        (text.len() * n) as f64 / 1e6 / secs
    );
}
