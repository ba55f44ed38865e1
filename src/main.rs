//! The `kazlex` command. Parses arguments, runs the library, prints, and maps
//! errors to exit codes: 0 success, 1 some documents failed or differ, 2
//! usage or I/O error.

mod cli;

use std::process::ExitCode;

/// With the `mimalloc` feature, the command allocates with mimalloc: about
/// a tenth faster per document than glibc's allocator, for several times
/// its memory (README, Performance).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_freed_memory();
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kazlex: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A batch worker allocates a document's buffers (a few hundred KB), frees
/// them, and allocates the next document's. glibc gives the freed top of a
/// worker thread's heap back to the system at each document (`madvise`),
/// and the next document faults every page in again: on two cores, 30,000
/// to 70,000 page faults per 100 MB and an eighth of the CPU time. Keeping
/// freed memory for reuse (up to 64 MB a heap, and blocks up to 32 MB on
/// the heap rather than mapped one by one) removes that churn; the peak
/// memory stays what the documents in flight need (README, Performance).
/// The library leaves the process's allocator to the program that uses it.
#[cfg(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc")))]
fn keep_freed_memory() {
    // SAFETY: `mallopt` only sets allocator parameters, and this runs
    // before the program starts a thread or allocates much.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc"))))]
fn keep_freed_memory() {}
