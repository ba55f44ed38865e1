//! The `kazlex` command. Parses arguments, runs the library, prints, and maps
//! errors to exit codes: 0 success, 1 some documents failed or differ, 2
//! usage or I/O error.

mod cli;

use std::process::ExitCode;

/// With the `mimalloc` feature (the default), the command allocates with
/// mimalloc: about 5 % fewer instructions per document than glibc's
/// allocator, for a few MB more at its peak once transparent huge pages are
/// off (docs/PERFORMANCE.md). `--no-default-features` builds it with the
/// system's allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tune_allocator();
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kazlex: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Sets the process's allocator up for batches; the library leaves the
/// allocator to the program that uses it (docs/PERFORMANCE.md).
///
/// glibc's allocator (`--no-default-features`): a batch worker allocates a
/// document's buffers (a few hundred KB), frees them, and allocates the next
/// document's. glibc gives the freed top of a worker thread's heap back to
/// the system at each document (`madvise`), and the next document faults
/// every page in again: on two cores, 30,000 to 70,000 page faults per
/// 100 MB and an eighth of the CPU time. Keeping freed memory for reuse (up
/// to 64 MB a heap, and blocks up to 32 MB on the heap rather than mapped
/// one by one) removes that churn; the peak memory stays what the documents
/// in flight need.
///
/// mimalloc (the default `mimalloc` feature) reserves memory in large aligned
/// regions, and where transparent huge pages are on (`always`, or `madvise`
/// when mimalloc asks for them, which its `no_thp` build does not) the
/// kernel backs each touched region with whole 2 MB pages: a two-core batch
/// held 48-75 MB. With huge pages off for this process (the kernel checks
/// at each page fault, so this also covers what mimalloc reserved before
/// `main`) it holds 13-19 MB, at the same speed.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu", not(feature = "mimalloc")))]
    // SAFETY: `mallopt` only sets allocator parameters, and this runs
    // before the program starts a thread or allocates much.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
    #[cfg(all(target_os = "linux", feature = "mimalloc"))]
    // SAFETY: `PR_SET_THP_DISABLE` takes no pointers and changes only how
    // the kernel backs this process's pages.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
