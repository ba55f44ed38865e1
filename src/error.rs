//! The library's errors. Only I/O, usage and inputs that are not text at all
//! are errors; damaged text is reported through
//! [`Diagnostic`](crate::Diagnostic)s instead.

use std::path::PathBuf;

/// Why a file could not be turned into text.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum NotText {
    #[error("this is a PDF file, not text; extract its text first (for example with `pdftotext -layout`)")]
    Pdf,
    #[error("this is a ZIP archive (or a DOCX/XLSX/ODT file), not text; unpack it or export the text first")]
    Zip,
    #[error("this looks like binary data, not text ({control_per_mille}‰ of the first {sampled} bytes are control characters)")]
    Binary {
        control_per_mille: u32,
        sampled: usize,
    },
    #[error("the input is {size} bytes, larger than the limit of {limit} bytes; raise it with --max-bytes if this is really one document")]
    TooLarge { size: u64, limit: u64 },
}

/// Errors of the library's file-level API.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    NotText { path: PathBuf, reason: NotText },
    #[error("{0}")]
    Usage(String),
    /// A batch could not write an output (a full disk, lost permissions)
    /// and stopped; what it wrote is kept.
    #[error("{cause}; the batch stopped, and the outputs it wrote are kept: once this is fixed, run the same command with --resume to go on")]
    Stopped { cause: Box<Error> },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A short machine-readable name of the error's kind (used in failure records).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => "not_found",
                std::io::ErrorKind::PermissionDenied => "permission_denied",
                std::io::ErrorKind::IsADirectory => "is_a_directory",
                _ => "io",
            },
            Error::NotText { reason, .. } => match reason {
                NotText::Pdf => "not_text_pdf",
                NotText::Zip => "not_text_zip",
                NotText::Binary { .. } => "not_text_binary",
                NotText::TooLarge { .. } => "too_large",
            },
            Error::Usage(_) => "usage",
            Error::Stopped { cause } => cause.kind(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
