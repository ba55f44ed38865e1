//! kazlex: repairs PDF-extracted text of Kazakh legal acts and extracts
//! structured JSON from it.
//!
//! The pipeline, one module per stage:
//! `decode → normalize → segment → extract → model → output`.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod batch;
pub mod chars;
pub mod decode;
pub mod diagnostic;
pub mod error;
pub mod normalize;
pub mod report;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, NotText};
pub use normalize::{normalize, normalize_with, Normalized, Repair, RepairCounts, RepairKind};
pub mod extract;
pub mod fixtures;
pub mod gen;
pub mod model;
pub mod segment;
pub mod stream;

use std::path::Path;

pub use decode::Source;
pub use extract::Extraction;
pub use model::Document;

/// A document taken through the whole pipeline.
#[derive(Debug, Clone)]
pub struct Processed {
    pub normalized: Normalized,
    pub extraction: Extraction,
    pub document: Document,
}

/// Normalizes and extracts a decoded document. `path` is recorded in the
/// document's `source` as given.
pub fn process(path: &str, source: &Source) -> Processed {
    let normalized = normalize(&source.decoded.text);
    let extraction = extract::extract(&normalized);
    let mut warnings: Vec<String> = source
        .decoded
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    warnings.extend(normalized.warnings().map(ToString::to_string));
    let document = model::document(
        model::Source {
            path: path.to_owned(),
            sha256: source.sha256.clone(),
            bytes: source.bytes,
        },
        &normalized,
        &extraction,
        warnings,
    );
    Processed {
        normalized,
        extraction,
        document,
    }
}

/// Reads, decodes, normalizes and extracts one file.
pub fn process_file(path: &Path, max_bytes: u64) -> Result<Processed, Error> {
    let source = decode::read_file(path, max_bytes)?;
    Ok(process(&path.to_string_lossy(), &source))
}
