//! Command-line interface: argument parsing and printing. Everything else
//! is the library's.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use kazlex::decode::{self, Source};
use kazlex::normalize::{self, RepairKind};
use kazlex::Error;

#[derive(Parser, Debug)]
#[command(
    name = "kazlex",
    version,
    about = "Repairs PDF-extracted text of Kazakh legal acts and extracts structured JSON from it",
    after_help = "Exit codes: 0 success; 1 some documents failed or differ from their fixtures; 2 usage or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the normalized text, one paragraph per line.
    Normalize(NormalizeArgs),
    /// Normalize and extract many documents in parallel into OUT_DIR.
    Batch(BatchArgs),
    /// Print the extraction as JSON (the contract that `kazlex schema` prints).
    Extract(ExtractArgs),
    /// Print the JSON Schema (draft 2020-12) of the extraction.
    Schema,
    /// Write a self-contained HTML audit report per document, and an index, into DIR.
    Report(ReportArgs),
    /// Compare the extraction of each corpus document with its fixture.
    Check(CheckArgs),
    /// Write about N MB of generated documents (renumbered, redated corpus acts) into DIR.
    GenCorpus {
        /// Megabytes to write.
        #[arg(long, default_value_t = 100.0)]
        mb: f64,
        /// The output directory.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print a vocabulary listing built from the undamaged lines of FILES
    /// (the format of data/vocab.txt).
    #[command(hide = true)]
    Vocab { files: Vec<PathBuf> },
    /// Print the document's parts as the segmenter found them (for debugging).
    #[command(hide = true)]
    Segments { file: PathBuf },
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = decode::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: u64,
}

#[derive(Args, Debug)]
struct NormalizeArgs {
    /// The document, or `-` for standard input.
    file: PathBuf,
    /// Print every repair (line, kind, before → after) instead of the text.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
}

#[derive(Args, Debug)]
struct BatchArgs {
    /// Files and directories (walked recursively), or `-` to read a list of paths from standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The output directory.
    #[arg(short = 'o', long = "out", value_name = "OUT_DIR")]
    out: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    /// One JSON file per document, or one documents.jsonl.
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,
    /// Skip documents whose output exists for the same source (SHA-256).
    #[arg(long)]
    resume: bool,
    /// Hide the progress bar (a one-line summary is still printed).
    #[arg(short, long)]
    quiet: bool,
    /// File-name pattern for documents in directories.
    #[arg(long, default_value = "*.txt")]
    glob: String,
    /// The list on standard input (`-`) is separated by NUL bytes, as `find -print0` writes it.
    #[arg(short = '0', long)]
    null: bool,
    /// Walk into symbolic links to directories (a link back to a directory above it is not walked again).
    #[arg(short = 'L', long)]
    follow: bool,
    /// Also write an HTML audit report into OUT_DIR/report/.
    #[arg(long)]
    report: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// The document, or `-` for standard input.
    #[arg(required_unless_present = "jsonl")]
    file: Option<PathBuf>,
    /// One line instead of pretty-printed JSON.
    #[arg(long)]
    compact: bool,
    /// Stream mode: read `{"id": …, "text": …}` lines from standard input and
    /// write one `{"id": …, "result": …}` or `{"id": …, "error": …}` line each, in order.
    #[arg(long, conflicts_with = "file")]
    jsonl: bool,
    /// Worker threads for --jsonl (default: all cores).
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
struct ReportArgs {
    /// The documents.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The output directory.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// A directory of fixtures (`<corpus stem>.json`) or fixture files.
    #[arg(required = true)]
    fixtures: Vec<PathBuf>,
    /// Where the corpus documents are (default: `corpus/` next to the fixtures directory).
    #[arg(long)]
    corpus: Option<PathBuf>,
}

pub fn run() -> Result<ExitCode, Error> {
    let cli = Cli::parse();
    match cli.command {
        Command::Normalize(args) => cmd_normalize(&args),
        Command::Extract(args) => cmd_extract(&args),
        Command::Batch(args) => cmd_batch(&args),
        Command::GenCorpus { mb, out, seed } => {
            let (docs, bytes) = kazlex::gen::corpus(&out, mb, seed)?;
            eprintln!(
                "kazlex: wrote {docs} documents, {:.1} MB, into {}",
                bytes as f64 / 1e6,
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            std::io::stdout()
                .lock()
                .write_all(kazlex::model::JSON_SCHEMA.as_bytes())
                .map_err(stdout_error)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => cmd_check(&args),
        Command::Report(args) => cmd_report(&args),
        Command::Vocab { files } => cmd_vocab(&files),
        Command::Segments { file } => cmd_segments(&file),
    }
}

/// Reads a document from a path or `-` (standard input).
fn read_source(path: &Path, max_bytes: u64) -> Result<Source, Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        decode::from_bytes(bytes, Path::new("<stdin>"), max_bytes)
    } else {
        decode::read_file(path, max_bytes)
    }
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

fn cmd_normalize(args: &NormalizeArgs) -> Result<ExitCode, Error> {
    let source = read_source(&args.file, args.input.max_bytes)?;
    let input = &source.decoded.text;
    let n = normalize::normalize(input);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.explain {
        write_explain(&mut out, input, &n).map_err(stdout_error)?;
    } else {
        out.write_all(n.text.as_bytes()).map_err(stdout_error)?;
        if !n.text.is_empty() {
            out.write_all(b"\n").map_err(stdout_error)?;
        }
    }
    out.flush().map_err(stdout_error)?;
    for d in source.decoded.diagnostics.iter().chain(&n.diagnostics) {
        if !args.explain {
            eprintln!("kazlex: {}: {d}", args.file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A one-line view of a piece of text for the explain listing.
fn shown(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            '\u{c}' => '␌', // a form feed: a page's end
            c => c,
        })
        .collect();
    let n = one_line.chars().count();
    if n > 160 {
        let head: String = one_line.chars().take(80).collect();
        let tail: String = one_line.chars().skip(n - 70).collect();
        format!("{head} … {tail}")
    } else {
        one_line
    }
}

fn write_explain(
    out: &mut impl Write,
    input: &str,
    n: &normalize::Normalized,
) -> std::io::Result<()> {
    for r in &n.repairs {
        let before = input.get(r.raw.clone()).unwrap_or("");
        let after = n.text.get(r.out.clone()).unwrap_or("");
        let count = if r.count > 1 {
            format!(" ×{}", r.count)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>5}  {:<14} «{}» → «{}»{}",
            r.line,
            r.kind.name(),
            shown(before),
            shown(after),
            count
        )?;
    }
    writeln!(out)?;
    write!(out, "totals:")?;
    for k in RepairKind::ALL {
        write!(out, " {}={}", k.name(), n.counts.get(k))?;
    }
    writeln!(out)?;
    for d in &n.diagnostics {
        writeln!(out, "warning: {d}")?;
    }
    Ok(())
}

fn cmd_vocab(files: &[PathBuf]) -> Result<ExitCode, Error> {
    let mut texts = Vec::new();
    for f in files {
        texts.push(
            decode::read_file(f, decode::DEFAULT_MAX_BYTES)?
                .decoded
                .text,
        );
    }
    let listing = normalize::clean_line_listing(texts.iter().map(String::as_str));
    std::io::stdout()
        .lock()
        .write_all(listing.as_bytes())
        .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_segments(file: &Path) -> Result<ExitCode, Error> {
    let source = read_source(file, decode::DEFAULT_MAX_BYTES)?;
    let n = normalize::normalize(&source.decoded.text);
    let s = kazlex::segment::segment(&n);
    let t = |r: &std::ops::Range<usize>| -> String {
        let x = &n.text[r.clone()];
        if x.chars().count() > 90 {
            format!("{}…", x.chars().take(90).collect::<String>())
        } else {
            x.to_owned()
        }
    };
    let mut out = String::new();
    let opt = |o: &Option<std::ops::Range<usize>>| o.as_ref().map_or("-".to_owned(), t);
    out += &format!(
        "title: {}\nstatus: {}\nheader: {}\npreamble: {}\n",
        opt(&s.title),
        opt(&s.status),
        opt(&s.header),
        opt(&s.preamble)
    );
    for note in &s.notes {
        out += &format!("note {:?}: {}\n", note.context, t(&note.span));
    }
    let points = |out: &mut String, pts: &[kazlex::segment::PointSeg], indent: &str| {
        for p in pts {
            *out += &format!("{indent}point {}: {}\n", opt(&p.number), t(&p.span));
            for sp in &p.subpoints {
                *out += &format!("{indent}  sub {}: {}\n", opt(&sp.number), t(&sp.span));
                for part in &sp.parts {
                    *out += &format!("{indent}    part: {}\n", t(part));
                }
                if let Some(r) = &sp.result {
                    *out += &format!("{indent}    result: {}\n", t(r));
                }
            }
        }
    };
    points(&mut out, &s.body, "");
    out += &format!("signatory: {}\n", opt(&s.signatory));
    for r in &s.regulations {
        out += &format!("REGULATION {} repealed={}\n", t(&r.title), r.repealed);
        for h in &r.headers {
            out += &format!("  header {:?}: {}\n", h.kind, t(&h.span));
        }
        for sec in &r.sections {
            out += &format!("  SECTION {}\n", t(&sec.title));
            points(&mut out, &sec.points, "    ");
        }
        for st in &r.stubs {
            out += &format!("  stub: {}\n", t(st));
        }
    }
    for l in &s.repeal_lists {
        out += &format!("REPEAL LIST {}\n", t(&l.title));
        for h in &l.headers {
            out += &format!("  header {:?}: {}\n", h.kind, t(&h.span));
        }
        for item in &l.items {
            out += &format!("  item: {}\n", t(item));
        }
    }
    for h in &s.other_annexes {
        out += &format!("other annex {:?}: {}\n", h.kind, t(&h.span));
    }
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_extract(args: &ExtractArgs) -> Result<ExitCode, Error> {
    let Some(file) = &args.file else {
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        let jobs = args.jobs.unwrap_or_else(default_jobs);
        kazlex::stream::run(
            std::io::BufReader::new(stdin),
            std::io::BufWriter::new(stdout.lock()),
            jobs,
            args.input.max_bytes,
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    let source = read_source(file, args.input.max_bytes)?;
    let label = file.to_string_lossy();
    let processed = kazlex::process(&label, &source);
    let json = kazlex::model::to_json(&processed.document, !args.compact)
        .map_err(|e| Error::Usage(e.to_string()))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&json).map_err(stdout_error)?;
    out.write_all(b"\n").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_check(args: &CheckArgs) -> Result<ExitCode, Error> {
    let report = kazlex::fixtures::check_paths(&args.fixtures, args.corpus.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(report.render().as_bytes())
        .map_err(stdout_error)?;
    Ok(if report.failed() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// The progress bar: documents, MB/s, ETA and failures, on stderr.
struct Bar {
    bar: indicatif::ProgressBar,
    failed: std::sync::atomic::AtomicU64,
    bytes: std::sync::atomic::AtomicU64,
    started: std::time::Instant,
}

impl kazlex::batch::Progress for Bar {
    fn start(&self, documents: u64, _bytes: u64) {
        self.bar.set_length(documents);
    }
    fn advance(&self, bytes: u64, failed: bool) {
        use std::sync::atomic::Ordering;
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let f = self.failed.fetch_add(u64::from(failed), Ordering::Relaxed) + u64::from(failed);
        let secs = self.started.elapsed().as_secs_f64().max(1e-6);
        self.bar
            .set_message(format!("{:.1} MB/s, {f} failed", total as f64 / 1e6 / secs));
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn cmd_batch(args: &BatchArgs) -> Result<ExitCode, Error> {
    use std::io::IsTerminal;
    let mut inputs = Vec::new();
    let mut listed = Vec::new();
    for p in &args.inputs {
        if p == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            listed.extend(kazlex::batch::listed_paths(&bytes, args.null));
        } else {
            inputs.push(p.clone());
        }
    }
    let opts = kazlex::batch::Options {
        inputs,
        listed,
        out_dir: args.out.clone(),
        jobs: args.jobs.unwrap_or_else(default_jobs),
        format: match args.format {
            FormatArg::Json => kazlex::batch::Format::Json,
            FormatArg::Jsonl => kazlex::batch::Format::Jsonl,
        },
        resume: args.resume,
        glob: args.glob.clone(),
        follow: args.follow,
        max_bytes: args.input.max_bytes,
        report: args.report,
    };
    let visible = !args.quiet && std::io::stderr().is_terminal();
    let bar = indicatif::ProgressBar::with_draw_target(
        None,
        if visible {
            indicatif::ProgressDrawTarget::stderr()
        } else {
            indicatif::ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} docs  {msg}  ETA {eta}")
    {
        bar.set_style(style);
    }
    let progress = Bar {
        bar,
        failed: Default::default(),
        bytes: Default::default(),
        started: std::time::Instant::now(),
    };
    let summary = kazlex::batch::run(&opts, &progress)?;
    eprintln!(
        "kazlex: {} document{}: {} succeeded ({} resumed), {} failed, {} with warnings; {:.1} MB in {:.2} s ({:.1} MB/s); output in {}",
        summary.documents,
        if summary.documents == 1 { "" } else { "s" },
        summary.succeeded,
        summary.skipped,
        summary.failed,
        summary.with_warnings,
        summary.bytes as f64 / 1e6,
        summary.seconds,
        summary.mb_per_s(),
        args.out.display()
    );
    for f in summary.failures.iter().take(10) {
        eprintln!("kazlex: failed: {}: {}", f.path, f.message);
    }
    if summary.failures.len() > 10 {
        eprintln!(
            "kazlex: … and {} more in {}",
            summary.failures.len() - 10,
            args.out.join("failures.jsonl").display()
        );
    }
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn cmd_report(args: &ReportArgs) -> Result<ExitCode, Error> {
    let mut rows = Vec::new();
    let mut failed = 0;
    std::fs::create_dir_all(&args.out).map_err(|e| Error::io(&args.out, e))?;
    for (i, file) in args.files.iter().enumerate() {
        let stem = file.file_stem().map_or_else(
            || format!("document-{i}"),
            |s| s.to_string_lossy().into_owned(),
        );
        match read_source(file, args.input.max_bytes) {
            Ok(source) => {
                let processed = kazlex::process(&file.to_string_lossy(), &source);
                let page = format!("{stem}.html");
                let html = kazlex::report::document_page(&source.decoded.text, &processed);
                kazlex::batch::write_atomic(&args.out.join(&page), html.as_bytes())?;
                rows.push(kazlex::report::IndexRow::of(&page, &processed.document));
            }
            Err(e) => {
                failed += 1;
                eprintln!("kazlex: {e}");
                rows.push(kazlex::report::IndexRow::failed(
                    file.to_string_lossy().into_owned(),
                    e.to_string(),
                ));
            }
        }
    }
    kazlex::batch::write_atomic(
        &args.out.join("index.html"),
        kazlex::report::index_page(&rows).as_bytes(),
    )?;
    eprintln!(
        "kazlex: wrote {} report page(s) and index.html into {}",
        rows.len() - failed,
        args.out.display()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
