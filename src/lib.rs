//! kazlex: repairs PDF-extracted text of Kazakh legal acts and extracts
//! structured JSON from it.
//!
//! The pipeline, one module per stage:
//! `decode → normalize → segment → extract → model → output`.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod decode;
pub mod diagnostic;
pub mod error;
pub mod normalize;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, NotText};
pub use normalize::{normalize, normalize_with, Normalized, Repair, RepairCounts, RepairKind};
