//! Every input a fuzzer found a bug with stays a test (see docs/RELIABILITY.md).

use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn fuzz_findings_stay_fixed() {
    let all = inputs();
    assert!(!all.is_empty());
    for (name, bytes) in all {
        // decode target: text or a reason, and the text normalizes.
        if let Ok(d) = kazlex::decode::decode(bytes.clone()) {
            let _ = kazlex::normalize(&d.text);
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        // normalize target: idempotent, maps inside the input.
        let n = kazlex::normalize(text);
        assert_eq!(kazlex::normalize(&n.text).text, n.text, "{name}");
        for (i, _) in n.text.char_indices() {
            assert!(n.source_offset(i) <= text.len(), "{name}");
        }
        // extract target (which takes any UTF-8 as it is): no empty strings,
        // spans inside the text.
        let source = kazlex::decode::Source::from_text(text);
        let p = kazlex::process(&name, &source);
        let json = serde_json::to_value(&p.document).unwrap();
        assert!(!kazlex::model::has_empty_string(&json), "{name}");
        for r in &p.document.references {
            assert!(r.span[1] <= p.normalized.text.len(), "{name}");
        }
    }
}
