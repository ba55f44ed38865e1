//! Replays a fuzzer input against the properties of the fuzz targets:
//! `cargo run --release --example fuzzcheck -- FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let Ok(text) = std::str::from_utf8(&bytes) else {
        println!("not UTF-8");
        return;
    };
    let n = kazlex::normalize(text);
    let twice = kazlex::normalize(&n.text);
    if twice.text != n.text {
        let a: Vec<&str> = n.text.split('\n').collect();
        let b: Vec<&str> = twice.text.split('\n').collect();
        for (i, (x, y)) in a.iter().zip(&b).enumerate() {
            if x != y {
                let at = x
                    .char_indices()
                    .zip(y.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(0, |((i, _), _)| i);
                let from = x
                    .char_indices()
                    .map(|(i, _)| i)
                    .find(|&i| i + 120 >= at)
                    .unwrap_or(0);
                let cps = |s: &str| {
                    s.chars()
                        .take(12)
                        .map(|c| format!("U+{:04X}", c as u32))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!("paragraph {i} differs at byte {at}:\n once: {:?}\ntwice: {:?}\n once: {}\ntwice: {}", &x[from..], &y[from.min(y.len())..], cps(&x[at..]), cps(y.get(at..).unwrap_or("")));
            }
        }
        if a.len() != b.len() {
            println!("paragraph counts differ: {} vs {}", a.len(), b.len());
        }
    }
    let source =
        kazlex::decode::from_bytes(bytes.clone(), std::path::Path::new("x"), u64::MAX).unwrap();
    let p = kazlex::process("x", &source);
    let json = serde_json::to_value(&p.document).unwrap_or_default();
    if kazlex::model::has_empty_string(&json) {
        println!("empty string in the JSON");
    }
}
