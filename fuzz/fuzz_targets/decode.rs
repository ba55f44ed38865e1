//! Any bytes: decoding returns text or a NotText reason, never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(d) = kazlex::decode::decode(data.to_vec()) {
        // Whatever was decoded can be normalized.
        let _ = kazlex::normalize(&d.text);
    }
});
