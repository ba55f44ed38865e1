//! The `kazlex` command. Parses arguments, runs the library, prints, and maps
//! errors to exit codes: 0 success, 1 some documents failed or differ, 2
//! usage or I/O error.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kazlex: {err:#}");
            ExitCode::from(2)
        }
    }
}
