//! Replays a fuzzer input against the properties of the fuzz targets in
//! `fuzz/`, without libFuzzer: `cargo run --release --example fuzzcheck -- FILE`.
//! Prints each property that fails (with where idempotence breaks) or `ok`;
//! exits 1 when one fails and 2 when the file cannot be read.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: fuzzcheck FILE (an input saved by cargo fuzz)");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("fuzzcheck: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = Vec::new();
    // decode: returns text or a reason, and the text normalizes.
    if let Ok(d) = kazlex::decode::decode(bytes.clone()) {
        let _ = kazlex::normalize(&d.text);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        println!("not UTF-8: only the decode target applies; ok");
        return ExitCode::SUCCESS;
    };
    // normalize: idempotent.
    let n = kazlex::normalize(text);
    let twice = kazlex::normalize(&n.text);
    if twice.text != n.text {
        failed.push("normalization is not idempotent".to_owned());
        for (i, (x, y)) in n.text.split('\n').zip(twice.text.split('\n')).enumerate() {
            if x != y {
                let at = x
                    .char_indices()
                    .zip(y.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(x.len().min(y.len()), |((i, _), _)| i);
                let cps = |s: &str| {
                    s.chars()
                        .take(12)
                        .map(|c| format!("U+{:04X}", c as u32))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!(
                    "paragraph {i} differs at byte {at}:\n once: {}\ntwice: {}",
                    cps(x.get(at..).unwrap_or("")),
                    cps(y.get(at..).unwrap_or(""))
                );
            }
        }
    }
    // extract: the same source as the fuzz target builds, no empty strings.
    let source = kazlex::decode::Source::from_text(text);
    let p = kazlex::process(&path, &source);
    match serde_json::to_value(&p.document) {
        Ok(json) if kazlex::model::has_empty_string(&json) => {
            failed.push("the JSON holds an empty string".to_owned())
        }
        Ok(_) => {}
        Err(e) => failed.push(format!("the document does not serialize: {e}")),
    }
    if kazlex::model::to_json(&p.document, false).ok()
        != serde_json::to_string(&p.document)
            .ok()
            .map(String::into_bytes)
    {
        failed.push("to_json and serde_json write different bytes".to_owned());
    }
    if failed.is_empty() {
        println!("ok");
        ExitCode::SUCCESS
    } else {
        for f in &failed {
            println!("FAILED: {f}");
        }
        ExitCode::from(1)
    }
}
