//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub const CORPUS: [&str; 3] = [
    "000_e8b092f41b6b2e75",
    "002_c1cbb27e839fa933",
    "004_e9cea40fad9b84a2",
];

pub fn corpus_path(stem: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(format!("{stem}.txt"))
}

pub fn corpus_text(stem: &str) -> String {
    std::fs::read_to_string(corpus_path(stem)).expect("corpus file is readable UTF-8")
}

/// The whole pipeline on `raw` text, as the JSON `kazlex extract` writes.
pub fn extract_json(raw: &str) -> serde_json::Value {
    let source = kazlex::decode::from_bytes(
        raw.as_bytes().to_vec(),
        std::path::Path::new("snippet.txt"),
        u64::MAX,
    )
    .expect("test text decodes");
    serde_json::to_value(kazlex::process("snippet.txt", &source).document)
        .expect("a document serializes")
}

/// Asserts the values at JSON pointers of the extraction of `raw`.
#[track_caller]
pub fn check_pointers(raw: &str, expected: &[(&str, serde_json::Value)]) {
    let doc = extract_json(raw);
    for (pointer, value) in expected {
        let actual = doc.pointer(pointer).unwrap_or(&serde_json::Value::Null);
        assert_eq!(actual, value, "{pointer} in\n{doc:#}");
    }
}
