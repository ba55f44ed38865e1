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
    /// Print a vocabulary listing built from the undamaged lines of FILES
    /// (the format of data/vocab.txt).
    #[command(hide = true)]
    Vocab { files: Vec<PathBuf> },
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

pub fn run() -> Result<ExitCode, Error> {
    let cli = Cli::parse();
    match cli.command {
        Command::Normalize(args) => cmd_normalize(&args),
        Command::Vocab { files } => cmd_vocab(&files),
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
