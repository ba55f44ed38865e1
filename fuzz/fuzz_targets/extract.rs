//! Any text: the whole pipeline returns a document whose JSON has no empty
//! strings and whose spans lie inside the normalized text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = kazlex::decode::Source::from_text(text);
    let p = kazlex::process("fuzz", &source);
    for r in &p.document.references {
        assert!(r.span[0] <= r.span[1] && r.span[1] <= p.normalized.text.len());
        assert!(
            p.normalized.text.is_char_boundary(r.span[0])
                && p.normalized.text.is_char_boundary(r.span[1])
        );
    }
    let written = kazlex::model::to_json(&p.document, false).expect("serializes");
    assert_eq!(
        written,
        serde_json::to_vec(&p.document).expect("serializes"),
        "to_json writes what serde_json writes"
    );
    let json = serde_json::to_value(&p.document).expect("serializes");
    assert!(
        !kazlex::model::has_empty_string(&json),
        "no empty strings in the contract"
    );
});
