//! Fixture checking: the extraction of each corpus document against the
//! expectation a person wrote by reading it (`fixtures/<stem>.json`).
//!
//! Every field is compared. One convention keeps fixtures readable: an
//! expected string that ends in `…` matches any actual string that starts
//! with the part before it (long point texts are written as their opening
//! words). Differences are listed as `path: expected → actual`.
//!
//! ```text
//! 004_e9cea40fad9b84a2: 1 difference
//!   regulations[2].annex: "3" → null
//! 2 passed, 1 failed
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::Error;

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub path: String,
    pub expected: String,
    pub actual: String,
}

/// The outcome for one fixture.
#[derive(Debug, Clone)]
pub struct DocReport {
    pub name: String,
    pub diffs: Vec<Diff>,
    /// The document could not be read or extracted.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub docs: Vec<DocReport>,
}

impl Report {
    pub fn failed(&self) -> usize {
        self.docs
            .iter()
            .filter(|d| d.error.is_some() || !d.diffs.is_empty())
            .count()
    }

    pub fn passed(&self) -> usize {
        self.docs.len() - self.failed()
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.docs {
            if let Some(e) = &d.error {
                let _ = writeln!(out, "{}: error: {e}", d.name);
            } else if d.diffs.is_empty() {
                let _ = writeln!(out, "{}: ok", d.name);
            } else {
                let n = d.diffs.len();
                let _ = writeln!(
                    out,
                    "{}: {n} difference{}",
                    d.name,
                    if n == 1 { "" } else { "s" }
                );
                for diff in &d.diffs {
                    let _ = writeln!(out, "  {}: {} → {}", diff.path, diff.expected, diff.actual);
                }
            }
        }
        let _ = writeln!(out, "{} passed, {} failed", self.passed(), self.failed());
        out
    }
}

fn show(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 140 {
        format!("{}…", s.chars().take(140).collect::<String>())
    } else {
        s
    }
}

/// Compares `actual` with `expected`, appending differences.
pub fn diff(expected: &Value, actual: &Value, path: &str, out: &mut Vec<Diff>) {
    let push = |out: &mut Vec<Diff>, e: &Value, a: &Value| {
        out.push(Diff {
            path: if path.is_empty() {
                "(root)".to_owned()
            } else {
                path.to_owned()
            },
            expected: show(e),
            actual: show(a),
        })
    };
    match (expected, actual) {
        (Value::String(e), Value::String(a)) => {
            let ok = match e.strip_suffix('…') {
                Some(prefix) => a.starts_with(prefix),
                None => e == a,
            };
            if !ok {
                push(out, expected, actual);
            }
        }
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match a.get(k) {
                    Some(av) => diff(ev, av, &p, out),
                    None => out.push(Diff {
                        path: p,
                        expected: show(ev),
                        actual: "(missing)".to_owned(),
                    }),
                }
            }
            for (k, av) in a {
                if !e.contains_key(k) {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    out.push(Diff {
                        path: p,
                        expected: "(absent from the fixture)".to_owned(),
                        actual: show(av),
                    });
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(ev, av, &format!("{path}[{i}]"), out);
            }
            if e.len() != a.len() {
                out.push(Diff {
                    path: format!("{path} (length)"),
                    expected: format!("{} items", e.len()),
                    actual: format!("{} items", a.len()),
                });
            }
        }
        (e, a) if e == a => {}
        (e, a) => push(out, e, a),
    }
}

/// Checks one fixture file against the extraction of its document.
pub fn check_fixture(fixture: &Path, corpus: &Path) -> DocReport {
    let name = fixture.file_stem().map_or_else(
        || fixture.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let fail = |e: String| DocReport {
        name: name.clone(),
        diffs: Vec::new(),
        error: Some(e),
    };
    let expected: Value = match std::fs::read_to_string(fixture) {
        Ok(s) => match serde_json::from_str(&s) {
            Ok(v) => v,
            Err(e) => return fail(format!("{}: not valid JSON: {e}", fixture.display())),
        },
        Err(e) => return fail(format!("{}: {e}", fixture.display())),
    };
    let doc_path = corpus.join(format!("{name}.txt"));
    let label = expected
        .pointer("/source/path")
        .and_then(Value::as_str)
        .map_or_else(|| doc_path.to_string_lossy().into_owned(), str::to_owned);
    let source = match crate::decode::read_file(&doc_path, crate::decode::DEFAULT_MAX_BYTES) {
        Ok(s) => s,
        Err(e) => {
            return fail(format!(
                "{e} (the fixture names a document that cannot be read)"
            ))
        }
    };
    let processed = crate::process(&label, &source);
    let actual = match serde_json::to_value(&processed.document) {
        Ok(v) => v,
        Err(e) => return fail(format!("cannot serialize the extraction: {e}")),
    };
    let mut diffs = Vec::new();
    diff(&expected, &actual, "", &mut diffs);
    DocReport {
        name,
        diffs,
        error: None,
    }
}

/// Checks fixture files and directories of fixtures (`*.json`).
pub fn check_paths(paths: &[PathBuf], corpus: Option<&Path>) -> Result<Report, Error> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| Error::io(p, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .collect();
            found.sort();
            files.extend(found.into_iter().map(|f| (f, p.clone())));
        } else if p.exists() {
            let dir = p
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            files.push((p.clone(), dir));
        } else {
            return Err(Error::io(
                p,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such fixture file or directory",
                ),
            ));
        }
    }
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "no fixtures (*.json) found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut report = Report::default();
    for (f, dir) in files {
        let corpus_dir = corpus.map_or_else(
            || {
                let parent = dir
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                let parent = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent
                };
                parent.join("corpus")
            },
            Path::to_path_buf,
        );
        report.docs.push(check_fixture(&f, &corpus_dir));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prefix_strings_and_paths() {
        let mut out = Vec::new();
        diff(
            &json!({"a": {"b": [1, "Мемлекеттік…"]}, "c": null}),
            &json!({"a": {"b": [2, "Мемлекеттік қызмет"]}, "c": "x", "d": 1}),
            "",
            &mut out,
        );
        let paths: Vec<&str> = out.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["a.b[0]", "c", "d"]);
        assert_eq!(out[0].expected, "1");
        assert_eq!(out[0].actual, "2");
    }

    #[test]
    fn array_lengths_are_reported() {
        let mut out = Vec::new();
        diff(&json!([1, 2]), &json!([1]), "notes", &mut out);
        assert_eq!(out[0].path, "notes (length)");
    }
}
