//! `model::to_json` (sonic-rs) writes what serde_json writes, byte for byte:
//! the same key order, string escapes, numbers and pretty layout. Users'
//! fixtures and diffs depend on the bytes, not only on the values.

mod common;

use proptest::prelude::*;

fn corpus_document(stem: &str) -> kazlex::model::Document {
    let source = kazlex::decode::read_file(&common::corpus_path(stem), u64::MAX)
        .expect("corpus file decodes");
    kazlex::process(stem, &source).document
}

/// `to_json`'s bytes, which must be UTF-8.
#[track_caller]
fn json(doc: &kazlex::model::Document, pretty: bool) -> String {
    let bytes = kazlex::model::to_json(doc, pretty).expect("serializes");
    String::from_utf8(bytes).expect("to_json writes UTF-8")
}

#[track_caller]
fn check(doc: &kazlex::model::Document) {
    let compact = json(doc, false);
    assert_eq!(compact, serde_json::to_string(doc).expect("serializes"));
    let pretty = json(doc, true);
    assert_eq!(
        pretty,
        serde_json::to_string_pretty(doc).expect("serializes")
    );
}

#[test]
fn corpus_documents_are_written_as_serde_json_writes_them() {
    for stem in common::CORPUS {
        let doc = corpus_document(stem);
        check(&doc);
        // A real value, to show the bytes are the document's.
        let compact = json(&doc, false);
        assert!(compact.starts_with(r#"{"schema_version":1,"source":{"path":""#));
    }
    let doc = corpus_document("000_e8b092f41b6b2e75");
    let compact = json(&doc, false);
    assert!(compact.contains(r#""number":"164""#), "{}", &compact[..400]);
}

#[test]
fn every_control_character_quote_and_backslash_is_escaped_as_serde_json_does() {
    let mut doc = corpus_document("002_c1cbb27e839fa933");
    let every_ascii: String = (0u8..0x80).map(char::from).collect();
    doc.warnings = vec![
        every_ascii.clone(),
        // Escapes at every position of a sixteen- and thirty-two-byte block.
        (0..40)
            .map(|i| format!("{}\"{}", "а".repeat(i), "\\"))
            .collect(),
        "\u{7f}\u{80}\u{2028}\u{2029}\u{feff}«»№".into(),
        format!("{every_ascii}{}", "қ".repeat(100)),
    ];
    doc.title = Some("тақырып\n\t\"кесте\"\r\\".into());
    check(&doc);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]
    #[test]
    fn any_strings_are_written_as_serde_json_writes_them(
        strings in proptest::collection::vec(any::<String>(), 0..6),
        title in proptest::option::of("[\\x00-\\x7fа-яәғқңөұүһі\\u{2028}]{0,80}"),
    ) {
        let mut doc = corpus_document("002_c1cbb27e839fa933");
        doc.warnings = strings;
        doc.title = title;
        let compact = json(&doc, false);
        prop_assert_eq!(compact, serde_json::to_string(&doc).expect("serializes"));
        let pretty = json(&doc, true);
        prop_assert_eq!(pretty, serde_json::to_string_pretty(&doc).expect("serializes"));
    }
}
