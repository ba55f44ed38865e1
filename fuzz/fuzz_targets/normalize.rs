//! Any text: normalization returns, maps every output byte into the input,
//! and is idempotent.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = kazlex::normalize(text);
    for (i, _) in n.text.char_indices() {
        assert!(n.source_offset(i) <= text.len());
    }
    for p in &n.paragraphs {
        assert!(n.text.is_char_boundary(p.span.start) && n.text.is_char_boundary(p.span.end));
    }
    let twice = kazlex::normalize(&n.text);
    assert_eq!(twice.text, n.text, "normalization is idempotent");
});
