//! Diagnostics: what a stage noticed but could not repair with confidence.
//!
//! Damaged text is input, not an error, so stages never fail on it. They
//! return their result together with a list of [`Diagnostic`]s, written in
//! plain words for the person who reads the JSON `warnings` list, e.g.
//!
//! ```text
//! line 75: a lone ")" stands on its own line; text around it was lost in extraction
//! ```

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was decided on weak evidence or could not be decided at all.
    Warning,
    /// Extra information (e.g. which encoding was detected).
    Note,
}

/// One observation about the input, tied to a raw line when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// 1-based line of the raw input, when the observation concerns one line.
    pub line: Option<u32>,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(line: Option<u32>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            line,
            message: message.into(),
        }
    }

    pub fn note(line: Option<u32>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
