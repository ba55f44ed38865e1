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
    /// Print the extraction as JSON (the contract of extract-schema.md).
    Extract(ExtractArgs),
    /// Print the JSON Schema (draft 2020-12) of the extraction.
    Schema,
    /// Compare the extraction of each corpus document with its fixture.
    Check(CheckArgs),
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

#[derive(Args, Debug)]
struct ExtractArgs {
    /// The document, or `-` for standard input.
    file: PathBuf,
    /// One line instead of pretty-printed JSON.
    #[arg(long)]
    compact: bool,
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
        Command::Schema => {
            std::io::stdout()
                .lock()
                .write_all(kazlex::model::JSON_SCHEMA.as_bytes())
                .map_err(stdout_error)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => cmd_check(&args),
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
    let one_line: String = s.chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
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
    let source = read_source(&args.file, args.input.max_bytes)?;
    let label = args.file.to_string_lossy();
    let processed = kazlex::process(&label, &source);
    let json = if args.compact {
        serde_json::to_string(&processed.document)
    } else {
        serde_json::to_string_pretty(&processed.document)
    }
    .map_err(|e| Error::Usage(format!("cannot serialize the extraction: {e}")))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(json.as_bytes()).map_err(stdout_error)?;
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
