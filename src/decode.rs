//! Decoding: bytes of a file into text.
//!
//! Owns encodings and the question "is this text at all". UTF-8 (with or
//! without BOM) is taken as is; UTF-16 is recognised by its BOM or by the
//! pattern of zero bytes; bytes that are not UTF-8 but read as plausible
//! Cyrillic in Windows-1251 are decoded from it; anything else that is
//! mostly text is decoded lossily, with a warning naming the first bad byte.
//! PDF and ZIP files and binary data are refused with [`NotText`].
//!
//! ```text
//! before  CF EE F1 F2 E0 ED EE E2 EB E5 ED E8 E5   (not UTF-8)
//! after   "Постановление"   (read as Windows-1251, with a note saying so)
//! ```

use std::borrow::Cow;

use crate::diagnostic::Diagnostic;
use crate::error::NotText;

/// The encoding a document was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1251,
    /// UTF-8 with invalid bytes replaced by U+FFFD.
    Utf8Lossy,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8 (BOM)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Utf8Lossy => "utf-8 (lossy)",
        }
    }
}

/// A decoded document.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub diagnostics: Vec<Diagnostic>,
}

const SAMPLE: usize = 8192;

/// Decodes `bytes`, taking ownership so that valid UTF-8 is not copied.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    if bytes.starts_with(b"%PDF-") {
        return Err(NotText::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Err(NotText::Zip);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Some(text) = valid_utf8(rest) {
            return Ok(Decoded {
                text,
                encoding: Encoding::Utf8Bom,
                diagnostics: Vec::new(),
            });
        }
        return Ok(utf8_or_lossy(rest.to_vec(), Encoding::Utf8Bom));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Ok(utf16(&bytes[2..], Encoding::Utf16Le));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Ok(utf16(&bytes[2..], Encoding::Utf16Be));
    }
    if let Some(enc) = sniff_utf16(&bytes) {
        return Ok(utf16(&bytes, enc));
    }
    looks_binary(&bytes)?;
    if let Some(text) = valid_utf8(&bytes) {
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
            diagnostics: Vec::new(),
        });
    }
    // Not UTF-8: Windows-1251, or UTF-8 with bad bytes.
    if plausible_1251(&bytes) {
        let (text, _, _) = encoding_rs::WINDOWS_1251.decode(&bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Encoding::Windows1251,
            diagnostics: vec![Diagnostic::note(
                None,
                "the file is not UTF-8; it was decoded as Windows-1251 Cyrillic \
                 (Kazakh letters that 1251 lacks may have been typed as look-alikes)",
            )],
        });
    }
    Ok(utf8_or_lossy(bytes, Encoding::Utf8))
}

/// Valid UTF-8 (the common case), checked with SIMD and copied once:
/// `String::from_utf8` checks a byte at a time outside ASCII, which is most
/// of a Kazakh text (6 % of a batch's time).
fn valid_utf8(bytes: &[u8]) -> Option<String> {
    simdutf8::basic::from_utf8(bytes).ok().map(str::to_owned)
}

fn utf8_or_lossy(bytes: Vec<u8>, enc: Encoding) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: enc,
            diagnostics: Vec::new(),
        },
        Err(e) => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = count_invalid(&bytes);
            let text = match String::from_utf8_lossy(&bytes) {
                Cow::Borrowed(s) => s.to_owned(),
                Cow::Owned(s) => s,
            };
            Decoded {
                text,
                encoding: Encoding::Utf8Lossy,
                diagnostics: vec![Diagnostic::warning(
                    None,
                    format!(
                        "invalid UTF-8: {bad} bad byte sequence(s), the first at byte offset {first}; \
                         they were replaced by U+FFFD"
                    ),
                )],
            }
        }
    }
}

fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip.min(bytes.len())..];
            }
        }
    }
}

fn utf16(bytes: &[u8], enc: Encoding) -> Decoded {
    let codec = if enc == Encoding::Utf16Le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    let mut diagnostics = Vec::new();
    if had_errors {
        diagnostics.push(Diagnostic::warning(
            None,
            "invalid UTF-16 (an odd byte count or unpaired surrogates); bad units were replaced by U+FFFD",
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: enc,
        diagnostics,
    }
}

/// UTF-16 without a BOM shows as a zero byte in every other position.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    // Cyrillic in UTF-16 has 0x04 as its high byte, ASCII has 0x00; low
    // bytes are rarely either.
    let high = |b: &u8| *b == 0 || *b == 4;
    let even_high = sample.iter().step_by(2).filter(|b| high(b)).count();
    let odd_high = sample.iter().skip(1).step_by(2).filter(|b| high(b)).count();
    if odd_high * 10 >= pairs * 9 && even_high * 10 < pairs * 3 {
        Some(Encoding::Utf16Le)
    } else if even_high * 10 >= pairs * 9 && odd_high * 10 < pairs * 3 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn looks_binary(bytes: &[u8]) -> Result<(), NotText> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.is_empty() {
        return Ok(());
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    let per_mille = (control * 1000 / sample.len()) as u32;
    if per_mille > 100 {
        return Err(NotText::Binary {
            control_per_mille: per_mille,
            sampled: sample.len(),
        });
    }
    Ok(())
}

/// Bytes that are not UTF-8 read as Windows-1251 when their high bytes are
/// mostly Cyrillic letters (0xC0..=0xFF, Ё/ё, Ұ-like Ukrainian/Belarusian
/// letters) and UTF-8 sequences are rare.
fn plausible_1251(bytes: &[u8]) -> bool {
    let mut high = 0usize;
    let mut letters = 0usize;
    for &b in bytes {
        if b >= 0x80 {
            high += 1;
            if b >= 0xC0 || matches!(b, 0xA8 | 0xB8 | 0xB2 | 0xB3 | 0xAA | 0xBA | 0xAF | 0xBF) {
                letters += 1;
            }
        }
    }
    if high == 0 {
        return false;
    }
    // Valid UTF-8 multibyte sequences make a lossy UTF-8 reading more likely.
    let valid_utf8_chars = count_valid_multibyte(bytes);
    letters * 10 >= high * 8 && valid_utf8_chars * 4 < high
}

fn count_valid_multibyte(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => return n + s.chars().filter(|c| !c.is_ascii()).count() * 2,
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                // SAFETY-free: `good` is valid UTF-8 by construction of valid_up_to.
                if let Ok(s) = std::str::from_utf8(good) {
                    n += s.chars().filter(|c| !c.is_ascii()).count() * 2;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip.min(bytes.len())..];
            }
        }
    }
}

/// The default largest input accepted: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A document as read: its decoded text and facts about the raw bytes.
#[derive(Debug, Clone)]
pub struct Source {
    /// Number of raw bytes.
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the raw bytes.
    pub sha256: String,
    pub decoded: Decoded,
}

impl Source {
    /// The source of text that is already a `&str` (a JSON Lines record, a
    /// test input): its UTF-8 bytes are the raw bytes.
    pub fn from_text(text: &str) -> Source {
        Source {
            bytes: text.len() as u64,
            sha256: sha256_hex(text.as_bytes()),
            decoded: Decoded {
                text: text.to_owned(),
                encoding: Encoding::Utf8,
                diagnostics: Vec::new(),
            },
        }
    }
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for &b in sha256(bytes).as_ref() {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// SHA-256 with `ring`'s assembly (the default `ring` feature): on CPUs
/// without SHA instructions, the `sha2` crate's Rust was a third of a
/// batch's work (docs/PERFORMANCE.md).
#[cfg(feature = "ring")]
fn sha256(bytes: &[u8]) -> impl AsRef<[u8]> {
    ring::digest::digest(&ring::digest::SHA256, bytes)
}

/// SHA-256 with the `sha2` crate (built without the `ring` feature).
#[cfg(not(feature = "ring"))]
fn sha256(bytes: &[u8]) -> impl AsRef<[u8]> {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
}

/// Decodes bytes read from `path` (used in error messages only).
pub fn from_bytes(
    bytes: Vec<u8>,
    path: &std::path::Path,
    max_bytes: u64,
) -> Result<Source, crate::Error> {
    if bytes.len() as u64 > max_bytes {
        return Err(crate::Error::NotText {
            path: path.to_path_buf(),
            reason: NotText::TooLarge {
                size: bytes.len() as u64,
                limit: max_bytes,
            },
        });
    }
    let len = bytes.len() as u64;
    let sha256 = sha256_hex(&bytes);
    let decoded = decode(bytes).map_err(|reason| crate::Error::NotText {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(Source {
        bytes: len,
        sha256,
        decoded,
    })
}

/// Reads and decodes one file, refusing files larger than `max_bytes`.
pub fn read_file(path: &std::path::Path, max_bytes: u64) -> Result<Source, crate::Error> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| crate::Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| crate::Error::io(path, e))?;
    if meta.is_dir() {
        return Err(crate::Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory, not a file",
            ),
        ));
    }
    if meta.len() > max_bytes {
        return Err(crate::Error::NotText {
            path: path.to_path_buf(),
            reason: NotText::TooLarge {
                size: meta.len(),
                limit: max_bytes,
            },
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| crate::Error::io(path, e))?;
    from_bytes(bytes, path, max_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_not_copied_or_changed() {
        let d = decode("Күшін жойған".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Күшін жойған");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice("қаулысы".as_bytes());
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "қаулысы");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Облыс әкімі А.Көлгінов";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut bare = Vec::new();
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
            bare.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(le).unwrap().text, text);
        assert_eq!(decode(be).unwrap().text, text);
        let d = decode(bare).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.text, text);
    }

    #[test]
    fn windows_1251_cyrillic() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Постановление акимата области");
        let d = decode(bytes.into_owned()).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1251);
        assert_eq!(d.text, "Постановление акимата области");
        assert_eq!(d.diagnostics.len(), 1);
    }

    #[test]
    fn invalid_utf8_in_the_middle_names_the_offset() {
        let mut bytes = "Күшін ".as_bytes().to_vec();
        let at = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice("жойған".as_bytes());
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Lossy);
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.diagnostics[0]
            .message
            .contains(&format!("byte offset {at}")));
    }

    #[test]
    fn pdf_zip_and_binary_are_refused() {
        assert_eq!(decode(b"%PDF-1.7\n...".to_vec()).unwrap_err(), NotText::Pdf);
        assert_eq!(
            decode(b"PK\x03\x04....".to_vec()).unwrap_err(),
            NotText::Zip
        );
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(matches!(decode(noise), Err(NotText::Binary { .. })));
    }

    /// The digest of a corpus document as `sha256sum` gives it, and, in
    /// the build with `ring`, the same digest as `sha2`'s at every length
    /// around SHA-256's 64-byte blocks and its padding.
    #[test]
    fn sha256_is_the_standard_digest() {
        let doc = std::fs::read("corpus/002_c1cbb27e839fa933.txt").unwrap();
        assert_eq!(
            sha256_hex(&doc),
            "a566fd9ced103efb4863a547a111c33c95e25f906bf50ead9f2d2ed867238314"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        #[cfg(feature = "ring")]
        for len in (0..=200).chain([doc.len()]) {
            use sha2::Digest;
            let plain: String = sha2::Sha256::digest(&doc[..len])
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(sha256_hex(&doc[..len]), plain, "{len} bytes");
        }
    }
}
