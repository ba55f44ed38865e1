//! Corpus batches: many documents, in parallel, resumable, observable.
//!
//! [`run`] finds the inputs (files, directories walked recursively with a
//! name pattern, or a list of paths), then processes them on a pool of
//! `jobs` workers. Each worker reads, normalizes and extracts one document
//! into its own buffer; a single writer takes the results in input order
//! (for the JSONL file, the summary, the failures and the report index):
//!
//! * `json`: one `OUT_DIR/<relative path>.json` per document, written by the
//!   worker itself (so the file system's work runs in parallel too);
//! * `jsonl`: `OUT_DIR/documents.jsonl`, one object per line, in input order.
//!
//! Every output file is written atomically (a temporary file in the same
//! directory, then a rename), so a killed run never leaves a half-written
//! file and never loses an earlier one. `failures.jsonl` records each
//! document that failed (path, error kind, message) and `summary.json` the
//! counts, bytes, time, throughput and repair totals (after a resumed
//! run, the counts and repairs cover every document of the output, read
//! back from the skipped ones; bytes and time are this run's). With `--resume`,
//! documents whose output exists and records the same source SHA-256 are
//! skipped, and the run ends with exactly the output of an uninterrupted
//! one: a source changed since is made again and its old JSONL line
//! dropped, a finished JSONL file is taken up again, and the audit index
//! lists the skipped documents from their outputs. Workers claim documents
//! in order and may run at most a small window ahead of the writer, so
//! memory stays bounded by the window, not the corpus. One run at a time
//! writes into a directory (a lock), and `.kazlex-batch.json` records the
//! version that wrote it, so that a resumed run never mixes two versions'
//! outputs.
//!
//! ```text
//! before  kazlex batch corpus -o out
//! after   out/000_e8b092f41b6b2e75.json … out/failures.jsonl out/summary.json
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Condvar, Mutex};
use std::time::Instant;

use serde_json::json;

use crate::error::Error;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<PathBuf>,
    /// Paths read from standard input (`-`), one per line.
    pub listed: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub jobs: usize,
    pub format: Format,
    pub resume: bool,
    /// File-name pattern for directories (`*` and `?`).
    pub glob: String,
    /// Walk into symbolic links to directories (`--follow`); a link back to
    /// a directory above it is not walked again.
    pub follow: bool,
    pub max_bytes: u64,
    /// Also write an HTML audit page per document and an index into
    /// `OUT_DIR/report/`.
    pub report: bool,
}

/// Observes a batch (the CLI draws a progress bar with it).
pub trait Progress: Sync {
    fn start(&self, _documents: u64, _bytes: u64) {}
    fn advance(&self, _bytes: u64, _failed: bool) {}
    fn finish(&self) {}
}

/// A progress observer that does nothing.
pub struct Silent;
impl Progress for Silent {}

/// One document that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: String,
    pub kind: String,
    pub message: String,
}

/// What a batch did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub documents: u64,
    pub succeeded: u64,
    pub failed: u64,
    pub with_warnings: u64,
    pub skipped: u64,
    pub bytes: u64,
    pub seconds: f64,
    /// Repairs of every document the output holds, resumed ones included.
    pub repairs: crate::model::Repairs,
    pub failures: Vec<Failure>,
    /// Index rows of the audit report, with `--report`.
    pub report_rows: Vec<crate::report::IndexRow>,
}

impl Summary {
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// A simple file-name pattern: `*` any run, `?` one character.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// An input document and the name of its output.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// Output name relative to OUT_DIR, without extension.
    pub name: String,
    /// Why this input cannot be read, found while looking for the inputs (a
    /// directory that cannot be listed): recorded in `failures.jsonl` like a
    /// document that cannot be read, and the batch goes on.
    pub unreadable: Option<Failure>,
}

/// The walk of the input directories.
struct Walk<'o> {
    glob: &'o str,
    follow: bool,
    /// The output directory, never walked as input: with a wide `--glob`,
    /// a run over a directory holding OUT_DIR would read the last run's
    /// outputs.
    out_dir: Option<PathBuf>,
    found: Vec<Input>,
}

impl Walk<'_> {
    /// Walks `dir` (below `root`, which names the outputs). `above` holds
    /// the real paths of the directories walked into, to stop at a link
    /// back to one of them.
    fn dir(&mut self, dir: &Path, root: &Path, above: &mut Vec<PathBuf>) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.unreadable(dir, root, e),
        };
        let mut paths: Vec<(PathBuf, Option<fs::FileType>)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push((entry.path(), entry.file_type().ok())),
                Err(e) => self.unreadable(dir, root, e),
            }
        }
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, file_type) in paths {
            // A link is taken for what it points to. Links to directories are
            // walked only with `--follow`; a dangling link is read and
            // reported as missing. Pipes, sockets and devices are skipped:
            // reading a pipe would wait forever.
            let own = file_type.or_else(|| fs::symlink_metadata(&p).ok().map(|m| m.file_type()));
            let is_link = own.is_none_or(|t| t.is_symlink());
            let target = match own {
                Some(t) if !t.is_symlink() => Ok(t),
                _ => fs::metadata(&p).map(|m| m.file_type()),
            };
            let is_dir = match target {
                Ok(t) if t.is_dir() => {
                    if is_link && !self.follow {
                        continue;
                    }
                    true
                }
                Ok(t) if !t.is_file() => continue,
                _ => false,
            };
            if is_dir {
                let real = fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
                if above.contains(&real) || self.out_dir.as_ref() == Some(&real) {
                    continue; // a loop, or the outputs
                }
                above.push(real);
                self.dir(&p, root, above);
                above.pop();
            } else if p
                .file_name()
                .is_some_and(|n| glob_match(self.glob, &n.to_string_lossy()))
            {
                self.found.push(Input {
                    name: relative_name(&p, root),
                    path: p,
                    unreadable: None,
                });
            }
        }
    }

    fn unreadable(&mut self, dir: &Path, root: &Path, e: std::io::Error) {
        let message = format!("{}: cannot list this directory: {e}", dir.display());
        self.found.push(Input {
            name: relative_name(dir, root),
            path: dir.to_path_buf(),
            unreadable: Some(Failure {
                path: dir.to_string_lossy().into_owned(),
                kind: Error::io(dir, e).kind().to_owned(),
                message,
            }),
        });
    }
}

/// The output name of `p` found under `root`: its relative path without
/// extension, with `/` between the parts.
fn relative_name(p: &Path, root: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p).with_extension("");
    rel.to_string_lossy().replace('\\', "/")
}

/// The output name of a file given by path: its stem.
fn stem_name(p: &Path) -> String {
    p.file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned())
}

/// The paths of a list read from standard input: one per line (a `\r`
/// before the `\n` and spaces around a path are dropped, empty lines
/// skipped), or separated by NUL bytes with `nul` (taken exactly, as
/// `find -print0` writes them). On Unix a path is its bytes, so file names
/// that are not UTF-8 are found.
pub fn listed_paths(list: &[u8], nul: bool) -> Vec<PathBuf> {
    let pieces: Box<dyn Iterator<Item = &[u8]>> = if nul {
        Box::new(list.split(|&b| b == 0))
    } else {
        Box::new(list.split(|&b| b == b'\n').map(<[u8]>::trim_ascii))
    };
    pieces
        .filter(|p| !p.is_empty())
        .map(path_of_bytes)
        .collect()
}

#[cfg(unix)]
fn path_of_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Finds the documents of a batch, in a deterministic order.
pub fn collect_inputs(opts: &Options) -> Result<Vec<Input>, Error> {
    let mut walk = Walk {
        glob: &opts.glob,
        follow: opts.follow,
        out_dir: fs::canonicalize(&opts.out_dir).ok(),
        found: Vec::new(),
    };
    for p in &opts.inputs {
        let meta = fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let mut above = vec![fs::canonicalize(p).unwrap_or_else(|_| p.clone())];
            walk.dir(p, p, &mut above);
        } else {
            walk.found.push(Input {
                name: stem_name(p),
                path: p.clone(),
                unreadable: None,
            });
        }
    }
    let mut out = walk.found;
    for p in &opts.listed {
        // Listed paths are taken as given; a missing one becomes a failure.
        out.push(Input {
            name: stem_name(p),
            path: p.clone(),
            unreadable: None,
        });
    }
    unique_names(&mut out);
    Ok(out)
}

/// Makes output names unique: a repeated name gets the first free suffix
/// `~2`, `~3`, … (a name that is taken already, by a file called `x~2.txt`,
/// is skipped), each name's count kept so that a million `text.txt` cost
/// a million look-ups.
fn unique_names(inputs: &mut [Input]) {
    let mut taken: HashSet<String> = HashSet::with_capacity(inputs.len());
    let mut next: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        if taken.insert(input.name.clone()) {
            continue;
        }
        let k = next.entry(input.name.clone()).or_insert(2);
        loop {
            let name = format!("{}~{}", input.name, *k);
            *k += 1;
            if taken.insert(name.clone()) {
                input.name = name;
                break;
            }
        }
    }
}

/// Removes `.<name>.<pid>.tmp` files that a killed run left in `dir`.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            remove_stale_temporaries(&p);
        } else if name.starts_with('.') && name.ends_with(".tmp") {
            let _ = fs::remove_file(&p);
        }
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, synced to disk, then renamed over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_file(path, bytes, true)
}

/// Like [`write_atomic`] without the sync, for per-document outputs: the
/// rename still makes a killed run leave either the whole file or none,
/// and after a power loss `--resume` redoes any output that does not parse
/// or does not record its source's SHA-256. (A sync per document made the
/// disk, not the extraction, the bottleneck of a batch.)
fn write_document(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_file(path, bytes, false)
}

fn write_file(path: &Path, bytes: &[u8], sync: bool) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        if sync {
            f.sync_all()?;
        }
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// The result of one document.
enum Outcome {
    Done {
        /// The JSONL line for the writer; `None` when the worker already
        /// wrote the document's own file (`--format json`).
        line: Option<Vec<u8>>,
        doc: Succeeded,
    },
    /// Done by an earlier run (`--resume`): what its output records.
    Skipped(Succeeded),
    Failed {
        failure: Failure,
        bytes: u64,
    },
    /// An output could not be written (full disk, permissions): the batch
    /// stops, keeping what it wrote.
    WriteFailed(Error),
}

/// What the summary counts of a document done, by this run or an earlier.
struct Succeeded {
    bytes: u64,
    warnings: bool,
    repairs: crate::model::Repairs,
    /// The index row of its audit page, with `--report`.
    report_row: Option<crate::report::IndexRow>,
}

impl Succeeded {
    fn count_into(self, summary: &mut Summary, progress: &dyn Progress) {
        if let Some(row) = self.report_row {
            summary.report_rows.push(row);
        }
        summary.succeeded += 1;
        summary.with_warnings += u64::from(self.warnings);
        summary.repairs.add(&self.repairs);
        progress.advance(self.bytes, false);
    }
}

fn process_one(input: &Input, opts: &Options, resumed: &HashMap<String, Resumed>) -> Outcome {
    if let Some(failure) = &input.unreadable {
        return Outcome::Failed {
            failure: failure.clone(),
            bytes: 0,
        };
    }
    let label = input.path.to_string_lossy().into_owned();
    let source = match crate::decode::read_file(&input.path, opts.max_bytes) {
        Ok(s) => s,
        Err(e) => {
            return Outcome::Failed {
                failure: Failure {
                    path: label,
                    kind: e.kind().to_owned(),
                    message: e.to_string(),
                },
                bytes: 0,
            }
        }
    };
    if let Some(done) = resumed.get(&label).filter(|d| d.sha256 == source.sha256) {
        let mut report_row = None;
        if opts.report {
            let page_name = format!("{}.html", input.name);
            let page = opts.out_dir.join("report").join(&page_name);
            report_row = match &done.row {
                Some(row) if page.is_file() => Some(crate::report::IndexRow {
                    page: Some(page_name),
                    ..row.clone()
                }),
                // Done by a run without `--report`: its page is written now.
                _ => {
                    let processed = crate::process(&label, &source);
                    let html = crate::report::document_page(&source.decoded.text, &processed);
                    if let Err(e) = write_document(&page, html.as_bytes()) {
                        return Outcome::WriteFailed(e);
                    }
                    Some(crate::report::IndexRow::of(&page_name, &processed.document))
                }
            };
        }
        return Outcome::Skipped(Succeeded {
            bytes: source.bytes,
            warnings: done.warnings > 0,
            repairs: done.repairs,
            report_row,
        });
    }
    let processed = crate::process(&label, &source);
    // Each worker writes its document's own files (atomically), so that
    // the disk's fsyncs run in parallel; JSONL lines go to the writer.
    let mut report_row = None;
    if opts.report {
        let page_name = format!("{}.html", input.name);
        let html = crate::report::document_page(&source.decoded.text, &processed);
        let page = opts.out_dir.join("report").join(&page_name);
        if let Err(e) = write_document(&page, html.as_bytes()) {
            return Outcome::WriteFailed(e);
        }
        report_row = Some(crate::report::IndexRow::of(&page_name, &processed.document));
    }
    let json = crate::model::to_json(&processed.document, opts.format == Format::Json);
    let done = |line| Outcome::Done {
        line,
        doc: Succeeded {
            bytes: source.bytes,
            warnings: !processed.document.warnings.is_empty(),
            repairs: crate::model::Repairs::of(&processed.normalized.counts),
            report_row,
        },
    };
    match json {
        Ok(mut json) => match opts.format {
            Format::Jsonl => done(Some(json)),
            Format::Json => {
                json.push(b'\n');
                let out = opts.out_dir.join(format!("{}.json", input.name));
                match write_document(&out, &json) {
                    Ok(()) => done(None),
                    Err(e) => Outcome::WriteFailed(e),
                }
            }
        },
        Err(e) => Outcome::Failed {
            failure: Failure {
                path: label,
                kind: "serialize".into(),
                message: e.to_string(),
            },
            bytes: source.bytes,
        },
    }
}

/// A document an earlier run wrote (for `--resume`).
#[derive(Debug, Clone)]
struct Resumed {
    /// The SHA-256 of the source it was made from.
    sha256: String,
    /// Its repairs and number of warnings, for the summary.
    repairs: crate::model::Repairs,
    warnings: usize,
    /// Its audit index row, read back from its output (with `--report`),
    /// so that the index of a resumed run lists every document.
    row: Option<crate::report::IndexRow>,
}

/// The source path and [`Resumed`] of one output, or `None` when it does
/// not parse (it is then made again).
fn resumed_entry(json: &[u8], report: bool) -> Option<(String, Resumed)> {
    if report {
        let doc: crate::model::Document = serde_json::from_slice(json).ok()?;
        let row = crate::report::IndexRow::of("", &doc);
        let crate::model::Source { path, sha256, .. } = doc.source;
        return Some((
            path,
            Resumed {
                sha256,
                repairs: doc.repairs,
                warnings: doc.warnings.len(),
                row: Some(row),
            },
        ));
    }
    let head = crate::model::read_head(json)?;
    Some((
        head.source.path,
        Resumed {
            sha256: head.source.sha256,
            repairs: head.repairs,
            warnings: head.warnings,
            row: None,
        },
    ))
}

/// Source path → what an earlier run wrote (for `--resume`).
fn resumable_json(inputs: &[Input], out_dir: &Path, report: bool) -> HashMap<String, Resumed> {
    let mut done = HashMap::new();
    for input in inputs {
        let out = out_dir.join(format!("{}.json", input.name));
        let Ok(text) = fs::read(&out) else {
            continue;
        };
        let Some((path, resumed)) = resumed_entry(&text, report) else {
            continue;
        };
        if path == input.path.to_string_lossy() {
            done.insert(path, resumed);
        }
    }
    done
}

const PARTIAL: &str = ".documents.jsonl.partial";

/// Reads the complete lines of a partial JSONL file: what each records,
/// and the byte length of the valid prefix.
fn resumable_jsonl(partial: &Path, report: bool) -> (HashMap<String, Resumed>, u64) {
    let mut done = HashMap::new();
    let Ok(f) = File::open(partial) else {
        return (done, 0);
    };
    let mut reader = BufReader::new(f);
    let mut valid = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if line.last() != Some(&b'\n') {
                    break; // a torn last line
                }
                let Some((path, resumed)) = resumed_entry(&line, report) else {
                    break;
                };
                done.insert(path, resumed);
                valid += n as u64;
            }
        }
    }
    (done, valid)
}

/// Locks `OUT_DIR` for this run (an advisory lock on
/// `OUT_DIR/.kazlex-batch.lock`, released when the returned file is dropped
/// or the process ends, even by SIGKILL). A file system without locks is
/// used without one.
fn lock_out_dir(out_dir: &Path) -> Result<File, Error> {
    let path = out_dir.join(".kazlex-batch.lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) | Err(fs::TryLockError::Error(_)) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(Error::Usage(format!(
            "{}: another kazlex batch is writing into this directory; wait for it to end, or write into another directory",
            out_dir.display()
        ))),
    }
}

/// Records which kazlex writes an output directory.
const MARKER: &str = ".kazlex-batch.json";

fn marker_json() -> String {
    json!({
        "kazlex_version": env!("CARGO_PKG_VERSION"),
        "schema_version": crate::model::SCHEMA_VERSION,
    })
    .to_string()
        + "\n"
}

/// Refuses to resume into a directory that another version of kazlex
/// wrote (its outputs would mix with this one's). A directory without the
/// marker (a first run) is fine.
fn check_marker(marker: &Path) -> Result<(), Error> {
    let Ok(text) = fs::read(marker) else {
        return Ok(());
    };
    let version = serde_json::from_slice::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v["kazlex_version"].as_str().map(str::to_owned));
    match version {
        Some(v) if v == env!("CARGO_PKG_VERSION") => Ok(()),
        v => Err(Error::Usage(format!(
            "{}: the outputs there were written by kazlex {}, this is {}; resuming would mix the outputs of two versions: run without --resume to make them all again, or write into a new directory",
            marker.parent().unwrap_or(marker).display(),
            v.as_deref().unwrap_or("of an unknown version"),
            env!("CARGO_PKG_VERSION")
        ))),
    }
}

/// Runs a batch.
pub fn run(opts: &Options, progress: &dyn Progress) -> Result<Summary, Error> {
    let started = Instant::now();
    let inputs = collect_inputs(opts)?;
    fs::create_dir_all(&opts.out_dir).map_err(|e| Error::io(&opts.out_dir, e))?;
    // One batch at a time in a directory: two would interleave their JSONL
    // lines and clear each other's temporary files. Held until the end.
    let _lock = lock_out_dir(&opts.out_dir)?;
    // A killed run may have left temporary files (never outputs): clear them.
    remove_stale_temporaries(&opts.out_dir);
    // Outputs of two versions must not mix: a resumed run checks which
    // kazlex wrote the directory.
    let marker = opts.out_dir.join(MARKER);
    if opts.resume {
        check_marker(&marker)?;
    }
    // Written before any output: it also fails early, with a clear
    // message, when the output directory is not writable.
    write_atomic(&marker, marker_json().as_bytes())?;

    let partial_path = opts.out_dir.join(PARTIAL);
    let (resumed, partial_valid) = match (opts.resume, opts.format) {
        (false, _) => (HashMap::new(), 0),
        (true, Format::Json) => (resumable_json(&inputs, &opts.out_dir, opts.report), 0),
        (true, Format::Jsonl) => {
            // A finished run's file is taken up again as the partial one, so
            // that resuming a finished run redoes nothing.
            let finished = opts.out_dir.join("documents.jsonl");
            if !partial_path.exists() && finished.is_file() {
                fs::rename(&finished, &partial_path).map_err(|e| Error::io(&finished, e))?;
            }
            resumable_jsonl(&partial_path, opts.report)
        }
    };
    let total_bytes: u64 = inputs
        .iter()
        .filter(|i| i.unreadable.is_none())
        .map(|i| fs::metadata(&i.path).map_or(0, |m| m.len()))
        .sum();
    progress.start(inputs.len() as u64, total_bytes);

    // The JSONL writer appends to the partial file (kept from a resumed run).
    let mut partial = match opts.format {
        Format::Jsonl => {
            let mut f = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .open(&partial_path)
                .map_err(|e| Error::io(&partial_path, e))?;
            f.set_len(partial_valid)
                .map_err(|e| Error::io(&partial_path, e))?;
            f.seek(SeekFrom::End(0))
                .map_err(|e| Error::io(&partial_path, e))?;
            Some(JsonlWriter::new(
                f,
                partial_path.clone(),
                JsonlWriter::SYNC_EVERY,
            ))
        }
        Format::Json => None,
    };

    let mut summary = Summary {
        documents: inputs.len() as u64,
        ..Summary::default()
    };
    let mut fatal: Option<Error> = None;
    // Which inputs this run skipped as done (`--resume`).
    let mut skipped = vec![false; inputs.len()];
    let stop = AtomicBool::new(false);
    let bytes_done = AtomicU64::new(0);

    let jobs = opts.jobs.max(1);
    let window = jobs * 4;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;

    // Work claiming: the next index, bounded by the writer's position.
    struct Claim {
        next: usize,
        written: usize,
    }
    let claim = Mutex::new(Claim {
        next: 0,
        written: 0,
    });
    let room = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<(usize, Outcome)>(window);

    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (claim, room, inputs, resumed, stop) = (&claim, &room, &inputs, &resumed, &stop);
            scope.spawn(move |_| loop {
                let i = {
                    let Ok(mut c) = claim.lock() else { return };
                    while c.next >= c.written + window && !stop.load(Ordering::Relaxed) {
                        c = match room.wait(c) {
                            Ok(c) => c,
                            Err(_) => return,
                        };
                    }
                    if c.next >= inputs.len() || stop.load(Ordering::Relaxed) {
                        return;
                    }
                    c.next += 1;
                    c.next - 1
                };
                let outcome = process_one(&inputs[i], opts, resumed);
                if tx.send((i, outcome)).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        // The writer: results in input order.
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut next_write = 0usize;
        for (i, outcome) in rx.iter() {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&next_write) {
                if let (Outcome::Skipped(_), Some(s)) = (&outcome, skipped.get_mut(next_write)) {
                    *s = true;
                }
                if fatal.is_none() {
                    if let Err(e) = write_outcome(
                        outcome,
                        opts,
                        &mut partial,
                        &mut summary,
                        progress,
                        &bytes_done,
                    ) {
                        fatal = Some(e);
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                next_write += 1;
                if let Ok(mut c) = claim.lock() {
                    c.written = next_write;
                }
                room.notify_all();
            }
        }
    });
    if let Some(e) = fatal {
        progress.finish();
        return Err(Error::Stopped { cause: Box::new(e) });
    }

    // Finish the JSONL file: the partial file becomes documents.jsonl.
    if let Some(w) = partial.take() {
        w.finish()?;
        finish_jsonl(
            &partial_path,
            &opts.out_dir.join("documents.jsonl"),
            &inputs,
            partial_valid,
            &skipped,
        )?;
    }

    summary.seconds = started.elapsed().as_secs_f64();
    let failures: String = summary
        .failures
        .iter()
        .map(|f| json!({"path": f.path, "kind": f.kind, "message": f.message}).to_string() + "\n")
        .collect();
    write_atomic(&opts.out_dir.join("failures.jsonl"), failures.as_bytes())?;
    if opts.report {
        let index = crate::report::index_page(&summary.report_rows);
        write_atomic(
            &opts.out_dir.join("report").join("index.html"),
            index.as_bytes(),
        )?;
    }
    let summary_json = summary_json(&summary, opts);
    write_atomic(&opts.out_dir.join("summary.json"), summary_json.as_bytes())?;
    progress.finish();
    Ok(summary)
}

/// The JSONL file's writer. It asks a helper thread to sync the file to
/// disk after every [`JsonlWriter::SYNC_EVERY`] bytes (16 MiB), so that the disk
/// writes overlap the extraction instead of all waiting for the final sync
/// (on a 100 MB batch that final sync alone took 60 ms, 8 % of a two-core
/// run, and every core but one idled through it).
struct JsonlWriter {
    out: BufWriter<File>,
    path: PathBuf,
    since_sync: u64,
    sync_every: u64,
    /// How many syncs were asked of the helper (for tests).
    sync_requests: u32,
    syncer: Option<(
        mpsc::SyncSender<()>,
        std::thread::JoinHandle<std::io::Result<()>>,
    )>,
}

impl JsonlWriter {
    const SYNC_EVERY: u64 = 16 << 20;

    fn new(file: File, path: PathBuf, sync_every: u64) -> Self {
        // Without a second handle (or a thread) the file is synced once, at
        // the end, as before.
        let syncer = file.try_clone().ok().and_then(|handle| {
            // One request waits at most: a request made while the helper
            // syncs is covered by the sync that follows it.
            let (tx, rx) = mpsc::sync_channel::<()>(1);
            std::thread::Builder::new()
                .name("kazlex-sync".into())
                .spawn(move || {
                    for () in rx {
                        handle.sync_data()?;
                    }
                    Ok(())
                })
                .ok()
                .map(|thread| (tx, thread))
        });
        JsonlWriter {
            out: BufWriter::with_capacity(1 << 16, file),
            path,
            since_sync: 0,
            sync_every,
            sync_requests: 0,
            syncer,
        }
    }

    /// Appends one document's line (and its line end).
    fn append(&mut self, line: &[u8]) -> Result<(), Error> {
        self.out
            .write_all(line)
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(|e| Error::io(&self.path, e))?;
        self.since_sync += line.len() as u64 + 1;
        if self.since_sync >= self.sync_every {
            self.since_sync = 0;
            self.sync_requests += 1;
            if let Some((tx, _)) = &self.syncer {
                // Full: a sync is waiting already. Disconnected: the helper
                // stopped on an error, which `finish` reports.
                let _ = tx.try_send(());
            }
        }
        Ok(())
    }

    /// Flushes, waits for the helper, and syncs what remains.
    fn finish(self) -> Result<(), Error> {
        let JsonlWriter {
            out, path, syncer, ..
        } = self;
        let file = out
            .into_inner()
            .map_err(|e| Error::io(&path, e.into_error()))?;
        if let Some((tx, thread)) = syncer {
            drop(tx);
            match thread.join() {
                Ok(result) => result.map_err(|e| Error::io(&path, e))?,
                Err(_) => {
                    return Err(Error::io(
                        &path,
                        std::io::Error::other("the sync thread stopped"),
                    ))
                }
            }
        }
        file.sync_all().map_err(|e| Error::io(&path, e))
    }
}

fn write_outcome(
    outcome: Outcome,
    opts: &Options,
    partial: &mut Option<JsonlWriter>,
    summary: &mut Summary,
    progress: &dyn Progress,
    bytes_done: &AtomicU64,
) -> Result<(), Error> {
    match outcome {
        Outcome::Done { line, doc } => {
            if let (Some(line), Some(w)) = (line, partial.as_mut()) {
                w.append(&line)?;
            }
            // Bytes this run processed; a skipped document moves only the
            // progress bar.
            summary.bytes += doc.bytes;
            bytes_done.fetch_add(doc.bytes, Ordering::Relaxed);
            doc.count_into(summary, progress);
        }
        Outcome::Skipped(doc) => {
            summary.skipped += 1;
            doc.count_into(summary, progress);
        }
        Outcome::Failed { failure, bytes } => {
            if opts.report {
                summary.report_rows.push(crate::report::IndexRow::failed(
                    failure.path.clone(),
                    failure.message.clone(),
                ));
            }
            summary.failed += 1;
            summary.bytes += bytes;
            summary.failures.push(failure);
            progress.advance(bytes, true);
        }
        Outcome::WriteFailed(e) => return Err(e),
    }
    Ok(())
}

/// Renames the partial JSONL file into place, in input order. This run
/// writes its lines in input order after the first `kept` bytes, the lines
/// of an earlier run. Of those, only the lines of documents this run
/// skipped (`skipped[i]` for input `i`) stay: a document made again (its
/// source changed, or its line was torn) has its new line, and a document
/// no longer among the inputs has none, as in an uninterrupted run. The
/// lines are reordered by input position when they are out of order.
fn finish_jsonl(
    partial: &Path,
    target: &Path,
    inputs: &[Input],
    kept: u64,
    skipped: &[bool],
) -> Result<(), Error> {
    if kept == 0 {
        return fs::rename(partial, target).map_err(|e| Error::io(target, e));
    }
    let order: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, x)| (x.path.to_string_lossy().into_owned(), i))
        .collect();
    let f = File::open(partial).map_err(|e| Error::io(partial, e))?;
    let mut reader = BufReader::new(f);
    // (input position, offset, length, from the earlier run)
    let mut lines: Vec<(usize, u64, usize, bool)> = Vec::new();
    // The last line of the earlier run for each input: a later line of the
    // same document supersedes an earlier one, as `resumable_jsonl` reads them.
    let mut last_earlier: HashMap<usize, u64> = HashMap::new();
    let mut offset = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(partial, e))?;
        if n == 0 {
            break;
        }
        let pos = crate::model::read_head(&line)
            .and_then(|h| order.get(&h.source.path).copied())
            .unwrap_or(usize::MAX);
        let earlier = offset < kept;
        if earlier {
            last_earlier.insert(pos, offset);
        }
        lines.push((pos, offset, n, earlier));
        offset += n as u64;
    }
    // A line of the earlier run stays only for a document this run skipped.
    let total = lines.len();
    let mut index: Vec<(usize, u64, usize)> = lines
        .into_iter()
        .filter(|&(pos, off, _, earlier)| {
            !earlier || skipped.get(pos) == Some(&true) && last_earlier.get(&pos) == Some(&off)
        })
        .map(|(pos, off, n, _)| (pos, off, n))
        .collect();
    let dropped = index.len() < total;
    let sorted = index.windows(2).all(|w| w[0].0 <= w[1].0);
    if sorted && !dropped {
        fs::rename(partial, target).map_err(|e| Error::io(target, e))?;
        return Ok(());
    }
    index.sort_by_key(|&(pos, _, _)| pos);
    let mut src = File::open(partial).map_err(|e| Error::io(partial, e))?;
    let tmp = target.with_extension("jsonl.tmp");
    {
        let mut out = BufWriter::new(File::create(&tmp).map_err(|e| Error::io(&tmp, e))?);
        let mut buf = Vec::new();
        for (_, off, len) in index {
            buf.resize(len, 0);
            src.seek(SeekFrom::Start(off))
                .map_err(|e| Error::io(partial, e))?;
            src.read_exact(&mut buf)
                .map_err(|e| Error::io(partial, e))?;
            out.write_all(&buf).map_err(|e| Error::io(&tmp, e))?;
        }
        out.flush().map_err(|e| Error::io(&tmp, e))?;
    }
    fs::rename(&tmp, target).map_err(|e| Error::io(target, e))?;
    let _ = fs::remove_file(partial);
    Ok(())
}

fn summary_json(s: &Summary, opts: &Options) -> String {
    let r = &s.repairs;
    let v = json!({
        "kazlex_version": env!("CARGO_PKG_VERSION"),
        "documents": s.documents,
        "succeeded": s.succeeded,
        "failed": s.failed,
        "with_warnings": s.with_warnings,
        "skipped_resumed": s.skipped,
        "bytes": s.bytes,
        "wall_seconds": (s.seconds * 1000.0).round() / 1000.0,
        "mb_per_s": (s.mb_per_s() * 100.0).round() / 100.0,
        "repairs": {
            "letter_spaced_lines": r.letter_spaced_lines,
            "moved_link_texts": r.moved_link_texts,
            "joined_lines": r.joined_lines,
            "dehyphenated": r.dehyphenated,
            "homoglyphs": r.homoglyphs,
            "page_breaks": r.page_breaks,
        },
        "options": {
            "inputs": opts.inputs.iter().map(|p| p.to_string_lossy().into_owned()).collect::<Vec<_>>(),
            "listed_inputs": opts.listed.len(),
            "jobs": opts.jobs,
            "format": opts.format.name(),
            "resume": opts.resume,
            "glob": opts.glob,
            "max_bytes": opts.max_bytes,
        },
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.txt", "000_e8b092f41b6b2e75.txt"));
        assert!(!glob_match("*.txt", "notes.md"));
        assert!(glob_match("0??_*.txt", "004_x.txt"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a*b", "ac"));
    }

    fn input(name: &str) -> Input {
        Input {
            path: PathBuf::from(format!("{name}.txt")),
            name: name.to_owned(),
            unreadable: None,
        }
    }

    #[test]
    fn names_stay_unique_when_a_file_is_called_like_a_suffix() {
        // `x~2.txt` is a real file here: the second `x` must not take its name.
        let mut inputs: Vec<Input> = ["x", "x~2", "x", "x", "y"].map(input).into();
        unique_names(&mut inputs);
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["x", "x~2", "x~3", "x~4", "y"]);
        // The suffix itself taken later: it gets one of its own.
        let mut inputs: Vec<Input> = ["x", "x", "x~2"].map(input).into();
        unique_names(&mut inputs);
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["x", "x~2", "x~2~2"]);
    }

    #[track_caller]
    fn check_list(list: &[u8], nul: bool, expected: &[&[u8]]) {
        let got = listed_paths(list, nul);
        let want: Vec<PathBuf> = expected.iter().map(|b| path_of_bytes(b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn lists_of_paths_on_standard_input() {
        check_list(
            b"a.txt\n  b c.txt \r\n\n\nd.txt",
            false,
            &[b"a.txt", b"b c.txt", b"d.txt"],
        );
        // NUL-separated: newlines and spaces belong to the name.
        check_list(b"a\nb.txt\0 c.txt\0\0", true, &[b"a\nb.txt", b" c.txt"]);
        check_list(b"", false, &[]);
    }

    #[test]
    #[cfg(unix)]
    fn a_listed_file_name_that_is_not_utf8_is_kept_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let paths = listed_paths(b"acts/\xff\xfe.txt\nok.txt\n", false);
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0].as_os_str().as_bytes(), b"acts/\xff\xfe.txt");
    }

    #[test]
    fn a_directory_that_cannot_be_listed_is_a_failure_not_a_stop() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        let gone = root.join("sub");
        let mut walk = Walk {
            glob: "*.txt",
            follow: false,
            out_dir: None,
            found: Vec::new(),
        };
        // Listed by its parent, removed before it is read (as on a network
        // share that drops out): the walk records it and goes on.
        walk.dir(&gone, root, &mut Vec::new());
        let [found] = walk.found.as_slice() else {
            panic!("one record: {:?}", walk.found);
        };
        let failure = found.unreadable.as_ref().expect("a failure");
        assert_eq!(found.name, "sub");
        assert_eq!(failure.kind, "not_found");
        assert!(failure.message.contains("cannot list this directory"));
        assert!(failure.path.ends_with("sub"));
        let opts = Options {
            inputs: vec![root.to_path_buf()],
            listed: Vec::new(),
            out_dir: root.join("out"),
            jobs: 1,
            format: Format::Json,
            resume: false,
            glob: "*.txt".into(),
            follow: false,
            max_bytes: 1 << 20,
            report: false,
        };
        match process_one(found, &opts, &HashMap::new()) {
            Outcome::Failed { failure: f, bytes } => {
                assert_eq!((&f, bytes), (failure, 0));
            }
            _ => panic!("not a failure"),
        }
    }

    #[test]
    fn jsonl_writer_syncs_as_it_goes_and_keeps_every_line() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join(PARTIAL);
        let file = File::create(&path).expect("partial file");
        // A sync every 100 bytes: 25 lines of 30 bytes ask for one every
        // fourth line, 6 in all.
        let mut w = JsonlWriter::new(file, path.clone(), 100);
        let lines: Vec<String> = (0..25)
            .map(|i| format!("{{\"n\":{i:02},\"pad\":\"{}\"}}", "x".repeat(12)))
            .collect();
        for line in &lines {
            assert_eq!(line.len() + 1, 30);
            w.append(line.as_bytes()).expect("append");
        }
        assert_eq!(w.sync_requests, 6);
        w.finish().expect("finish");
        let written = fs::read_to_string(&path).expect("read back");
        assert_eq!(written, lines.join("\n") + "\n");
    }
}
