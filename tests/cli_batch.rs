//! `kazlex batch` and `kazlex extract --jsonl` as users run them.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn kazlex() -> Command {
    Command::cargo_bin("kazlex").expect("the kazlex binary is built")
}

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn batch_on_the_corpus_writes_one_file_per_document() {
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .success()
        .stderr(predicate::str::contains("3 documents: 3 succeeded"));
    for stem in common::CORPUS {
        let doc = read_json(&out.path().join(format!("{stem}.json")));
        assert_eq!(doc["schema_version"], 1);
        assert_eq!(doc["status"], "repealed");
    }
    let doc = read_json(&out.path().join("004_e9cea40fad9b84a2.json"));
    assert_eq!(doc["act"]["number"], "122");
    assert_eq!(doc["regulations"].as_array().unwrap().len(), 9);
    let summary = read_json(&out.path().join("summary.json"));
    assert_eq!(summary["documents"], 3);
    assert_eq!(summary["succeeded"], 3);
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["bytes"], 255_215);
    assert_eq!(summary["repairs"]["moved_link_texts"], 13 + 8 + 85);
    assert_eq!(
        std::fs::read_to_string(out.path().join("failures.jsonl")).unwrap(),
        ""
    );
}

#[test]
fn jsonl_format_keeps_input_order() {
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "--format", "jsonl", "-j", "2", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .success();
    let text = std::fs::read_to_string(out.path().join("documents.jsonl")).unwrap();
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(paths.len(), 3);
    for (p, stem) in paths.iter().zip(common::CORPUS) {
        assert!(p.ends_with(&format!("{stem}.txt")), "{p}");
    }
}

#[test]
fn a_bad_file_is_recorded_and_the_rest_are_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::corpus_path("002_c1cbb27e839fa933"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"%PDF-1.7\n%binary").unwrap();
    std::fs::copy(
        common::corpus_path("000_e8b092f41b6b2e75"),
        dir.path().join("c.txt"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("b.txt"))
        .stderr(predicate::str::contains("PDF"));
    assert!(out.path().join("a.json").exists());
    assert!(out.path().join("c.json").exists());
    assert!(!out.path().join("b.json").exists());
    let failures = std::fs::read_to_string(out.path().join("failures.jsonl")).unwrap();
    let record: Value = serde_json::from_str(failures.lines().next().unwrap()).unwrap();
    assert_eq!(record["kind"], "not_text_pdf");
    assert!(record["path"].as_str().unwrap().ends_with("b.txt"));
}

#[test]
fn paths_from_standard_input_and_missing_ones() {
    let out = tempfile::tempdir().unwrap();
    let list = format!(
        "{}\n{}\n",
        common::corpus_path("000_e8b092f41b6b2e75").display(),
        "/no/such/document.txt"
    );
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg("-")
        .write_stdin(list)
        .assert()
        .code(1);
    let failures = std::fs::read_to_string(out.path().join("failures.jsonl")).unwrap();
    assert!(failures.contains("\"kind\":\"not_found\""), "{failures}");
    assert!(out.path().join("000_e8b092f41b6b2e75.json").exists());
}

#[test]
fn an_output_directory_that_cannot_be_made_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(blocker.join("out"))
        .arg(corpus_dir())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("file/out"));
}

fn generate(dir: &Path, mb: &str) {
    kazlex()
        .args(["gen-corpus", "--mb", mb, "--seed", "3", "-o"])
        .arg(dir)
        .assert()
        .success();
}

fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n != "summary.json" && !n.starts_with('.')
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Kills a batch with SIGKILL once it has written some outputs, resumes it,
/// and compares with an uninterrupted run.
fn kill_and_resume(format: &str) {
    let input = tempfile::tempdir().unwrap();
    generate(input.path(), "12");
    let clean = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-j", "2", "--format", format, "-o"])
        .arg(clean.path())
        .arg(input.path())
        .assert()
        .success();

    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("kazlex");
    let mut child = std::process::Command::new(bin)
        .args(["batch", "--quiet", "-j", "1", "--format", format, "-o"])
        .arg(out.path())
        .arg(input.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for some progress, then kill without warning.
    let deadline = Instant::now() + Duration::from_secs(60);
    let progressed = |p: &Path| -> bool {
        match format {
            "jsonl" => std::fs::metadata(p.join(".documents.jsonl.partial"))
                .is_ok_and(|m| m.len() > 200_000),
            _ => std::fs::read_dir(p).map(|d| d.count()).unwrap_or(0) > 8,
        }
    };
    while !progressed(out.path()) && Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial_count = std::fs::read_dir(out.path()).unwrap().count();
    assert!(
        partial_count > 0,
        "the run was killed before it wrote anything"
    );
    assert!(
        !out.path().join("summary.json").exists(),
        "the run finished before it could be killed; the test needs a larger corpus"
    );

    kazlex()
        .args([
            "batch", "--quiet", "--resume", "-j", "2", "--format", format, "-o",
        ])
        .arg(out.path())
        .arg(input.path())
        .assert()
        .success();
    assert_eq!(outputs(out.path()), outputs(clean.path()));
    let summary = read_json(&out.path().join("summary.json"));
    assert_eq!(summary["failed"], 0);
    // The resumed run's summary counts every document of the output, the
    // skipped ones read back from their outputs, as the uninterrupted
    // run's summary does.
    let uninterrupted = read_json(&clean.path().join("summary.json"));
    assert!(summary["skipped_resumed"].as_u64() > Some(0));
    for key in ["documents", "succeeded", "with_warnings", "repairs"] {
        assert_eq!(summary[key], uninterrupted[key], "{key}");
    }
    // No temporary files are left behind.
    assert!(std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(Result::ok)
        .all(|e| !e.file_name().to_string_lossy().ends_with(".tmp")));
}

#[test]
fn killed_and_resumed_json_batch_equals_an_uninterrupted_one() {
    kill_and_resume("json");
}

#[test]
fn killed_and_resumed_jsonl_batch_equals_an_uninterrupted_one() {
    kill_and_resume("jsonl");
}

#[test]
fn resume_skips_documents_already_done() {
    let out = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        kazlex()
            .args(["batch", "--quiet", "--resume", "-o"])
            .arg(out.path())
            .arg(corpus_dir())
            .assert()
            .success();
    }
    let summary = read_json(&out.path().join("summary.json"));
    assert_eq!(summary["skipped_resumed"], 3);
    // Counted from the skipped documents' outputs: 002 and 004 carry
    // warnings, and the corpus's repairs are the first run's.
    assert_eq!(summary["with_warnings"], 2);
    assert_eq!(summary["repairs"]["moved_link_texts"], 106);
    assert_eq!(summary["repairs"]["letter_spaced_lines"], 266);
    assert_eq!(summary["bytes"], 0);
}

#[test]
fn stream_mode_answers_each_line_in_order() {
    let doc = common::corpus_text("000_e8b092f41b6b2e75");
    let mut input = String::new();
    for i in 0..6 {
        if i == 3 {
            input.push_str("not json\n");
            continue;
        }
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": doc}).to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": 7}\n");
    let out = kazlex()
        .args(["extract", "--jsonl", "-j", "2"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // The result is the document as `extract` writes it, in the contract's
    // key order (not re-sorted through a JSON value).
    assert!(
        out.starts_with(r#"{"id":"d0","result":{"schema_version":1,"source":{"path":"d0","#),
        "{}",
        &out[..200]
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    for (i, l) in lines.iter().enumerate().take(3) {
        assert_eq!(l["id"], format!("d{i}"));
        assert_eq!(l["result"]["act"]["number"], "164");
    }
    assert!(lines[3]["error"].as_str().unwrap().contains("line 4"));
    assert_eq!(lines[4]["id"], "d4");
    assert_eq!(lines[6]["id"], 7);
    assert!(lines[6]["error"].as_str().unwrap().contains("text"));
}

#[test]
fn batch_writes_the_audit_report_with_report() {
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "--report", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .success();
    let index = std::fs::read_to_string(out.path().join("report/index.html")).unwrap();
    for stem in common::CORPUS {
        assert!(index.contains(&format!("href=\"{stem}.html\"")), "{stem}");
        assert!(out.path().join(format!("report/{stem}.html")).exists());
    }
}

/// The JSON outputs under `out`, as paths relative to it.
#[cfg(unix)]
fn json_outputs(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json")
                && p.file_name()
                    .is_some_and(|n| n != "summary.json" && !n.to_string_lossy().starts_with('.'))
            {
                let rel = p.strip_prefix(out).unwrap();
                found.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[test]
#[cfg(unix)]
fn a_link_back_to_a_directory_above_is_not_walked_twice() {
    // in/a/x.txt, in/a/loop -> in (a cycle), in/b -> ../shared (outside).
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let shared = dir.path().join("shared");
    std::fs::create_dir_all(input.join("a")).unwrap();
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::copy(
        common::corpus_path("002_c1cbb27e839fa933"),
        input.join("a/x.txt"),
    )
    .unwrap();
    std::fs::copy(
        common::corpus_path("000_e8b092f41b6b2e75"),
        shared.join("y.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&input, input.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(&shared, input.join("b")).unwrap();

    // By default links to directories are not walked (as find and ripgrep do).
    let out = dir.path().join("out");
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 document: 1 succeeded"));
    assert_eq!(json_outputs(&out), ["a/x.json"]);

    // With --follow the outside directory is walked, the cycle is not.
    let out = dir.path().join("out-follow");
    kazlex()
        .args(["batch", "--quiet", "--follow", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 documents: 2 succeeded"));
    assert_eq!(json_outputs(&out), ["a/x.json", "b/y.json"]);
    let doc = read_json(&out.join("b/y.json"));
    assert_eq!(doc["act"]["number"], "164");
}

#[test]
fn the_output_directory_inside_an_input_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::corpus_path("002_c1cbb27e839fa933"),
        dir.path().join("x.txt"),
    )
    .unwrap();
    let out = dir.path().join("out");
    // A wide pattern would take the first run's outputs as documents on
    // the second run.
    for _ in 0..2 {
        kazlex()
            .args(["batch", "--quiet", "--glob", "*", "-o"])
            .arg(&out)
            .arg(dir.path())
            .assert()
            .success()
            .stderr(predicate::str::contains("1 document: 1 succeeded"));
    }
    let summary = read_json(&out.join("summary.json"));
    assert_eq!(summary["documents"], 1);
    assert_eq!(read_json(&out.join("x.json"))["act"]["number"], "458");
}

#[test]
#[cfg(unix)]
fn a_pipe_in_an_input_directory_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::corpus_path("000_e8b092f41b6b2e75"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("b.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let out = tempfile::tempdir().unwrap();
    // Reading the pipe would wait for a writer that never comes.
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stderr(predicate::str::contains("1 document: 1 succeeded"));
    assert_eq!(
        read_json(&out.path().join("a.json"))["act"]["number"],
        "164"
    );
}

#[test]
#[cfg(unix)]
fn a_null_separated_list_with_a_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // `акт\xff 1.txt`: a space and a byte that is not UTF-8 in the name.
    let mut name = "акт".as_bytes().to_vec();
    name.extend_from_slice(b"\xff 1.txt");
    let odd = dir.path().join(std::ffi::OsStr::from_bytes(&name));
    std::fs::copy(common::corpus_path("004_e9cea40fad9b84a2"), &odd).unwrap();
    let mut list = odd.as_os_str().as_bytes().to_vec();
    list.push(0);
    list.extend_from_slice(
        common::corpus_path("000_e8b092f41b6b2e75")
            .as_os_str()
            .as_bytes(),
    );
    list.push(0);
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-0", "-o"])
        .arg(out.path())
        .arg("-")
        .write_stdin(list)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 documents: 2 succeeded"));
    // The output is named from the lossy name; the source path keeps it.
    let doc = read_json(&out.path().join("акт\u{FFFD} 1.json"));
    assert_eq!(doc["act"]["number"], "122");
    assert!(out.path().join("000_e8b092f41b6b2e75.json").exists());
}

#[test]
fn an_output_that_cannot_be_written_stops_the_batch_and_says_how_to_go_on() {
    let out = tempfile::tempdir().unwrap();
    // A directory where the first document's output goes: the rename fails
    // as a full disk's write would.
    let blocked = out.path().join("002_c1cbb27e839fa933.json");
    std::fs::create_dir(&blocked).unwrap();
    kazlex()
        .args(["batch", "--quiet", "-j", "1", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("002_c1cbb27e839fa933.json"))
        .stderr(predicate::str::contains(
            "run the same command with --resume to go on",
        ));
    // The document before it is kept (and any the worker wrote ahead), and a
    // resumed run skips it.
    assert!(out.path().join("000_e8b092f41b6b2e75.json").is_file());
    std::fs::remove_dir(&blocked).unwrap();
    kazlex()
        .args(["batch", "--quiet", "-j", "1", "--resume", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .success()
        .stderr(predicate::str::contains("3 documents: 3 succeeded ("))
        .stderr(predicate::str::contains("(0 resumed)").not());
    assert_eq!(
        read_json(&out.path().join("002_c1cbb27e839fa933.json"))["act"]["number"],
        "458"
    );
}

/// Copies the corpus documents into a new directory.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for stem in common::CORPUS {
        std::fs::copy(
            common::corpus_path(stem),
            dir.path().join(format!("{stem}.txt")),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_resumed_report_run_lists_every_document_in_its_index() {
    let input = corpus_copy();
    let run = |out: &Path, extra: &[&str]| {
        kazlex()
            .args(["batch", "--quiet", "-o"])
            .arg(out)
            .args(extra)
            .arg(input.path())
            .assert()
            .success();
    };
    let clean = tempfile::tempdir().unwrap();
    run(clean.path(), &["--report"]);
    let index = std::fs::read(clean.path().join("report/index.html")).unwrap();

    // One output lost: the resumed run makes it again and lists all three.
    let out = tempfile::tempdir().unwrap();
    run(out.path(), &["--report"]);
    std::fs::remove_file(out.path().join("002_c1cbb27e839fa933.json")).unwrap();
    run(out.path(), &["--report", "--resume"]);
    assert_eq!(
        std::fs::read(out.path().join("report/index.html")).unwrap(),
        index
    );

    // Done by a run without --report: the pages are written on resume.
    let out = tempfile::tempdir().unwrap();
    run(out.path(), &[]);
    run(out.path(), &["--report", "--resume"]);
    assert_eq!(
        std::fs::read(out.path().join("report/index.html")).unwrap(),
        index
    );
    for stem in common::CORPUS {
        assert!(out.path().join(format!("report/{stem}.html")).is_file());
    }
    let summary = read_json(&out.path().join("summary.json"));
    assert_eq!(summary["skipped_resumed"], 3);
    // Counted from the skipped documents' outputs: 002 and 004 carry
    // warnings, and the corpus's repairs are the first run's.
    assert_eq!(summary["with_warnings"], 2);
    assert_eq!(summary["repairs"]["moved_link_texts"], 106);
    assert_eq!(summary["repairs"]["letter_spaced_lines"], 266);
    assert_eq!(summary["bytes"], 0);
}

#[test]
fn resuming_a_finished_jsonl_batch_redoes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        kazlex()
            .args(["batch", "--quiet", "--format", "jsonl", "-o"])
            .arg(out.path())
            .args(extra)
            .arg(corpus_dir())
            .assert()
            .success();
    };
    run(&[]);
    let first = std::fs::read(out.path().join("documents.jsonl")).unwrap();
    run(&["--resume"]);
    assert_eq!(
        std::fs::read(out.path().join("documents.jsonl")).unwrap(),
        first
    );
    assert_eq!(
        read_json(&out.path().join("summary.json"))["skipped_resumed"],
        3
    );
}

#[test]
fn a_resumed_jsonl_batch_drops_the_lines_of_changed_and_removed_sources() {
    let input = corpus_copy();
    let run = |out: &Path, extra: &[&str]| {
        kazlex()
            .args(["batch", "--quiet", "--format", "jsonl", "-o"])
            .arg(out)
            .args(extra)
            .arg(input.path())
            .assert()
            .success();
    };
    let out = tempfile::tempdir().unwrap();
    run(out.path(), &[]);
    // What a run killed after its last line leaves.
    std::fs::rename(
        out.path().join("documents.jsonl"),
        out.path().join(".documents.jsonl.partial"),
    )
    .unwrap();
    // 000 is edited (its line must be made again, not doubled) and 002 is
    // gone (its line must go).
    let edited = input.path().join("000_e8b092f41b6b2e75.txt");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\nҚосымша жол.\n");
    std::fs::write(&edited, text).unwrap();
    std::fs::remove_file(input.path().join("002_c1cbb27e839fa933.txt")).unwrap();
    run(out.path(), &["--resume"]);

    let clean = tempfile::tempdir().unwrap();
    run(clean.path(), &[]);
    let resumed = std::fs::read_to_string(out.path().join("documents.jsonl")).unwrap();
    assert_eq!(resumed.lines().count(), 2);
    assert_eq!(
        resumed,
        std::fs::read_to_string(clean.path().join("documents.jsonl")).unwrap()
    );
}

#[test]
fn resuming_outputs_of_another_kazlex_version_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = kazlex();
        cmd.args(["batch", "--quiet", "-o"])
            .arg(out.path())
            .args(extra)
            .arg(corpus_dir());
        cmd.assert()
    };
    run(&[]).success();
    let marker = out.path().join(".kazlex-batch.json");
    let written = read_json(&marker);
    assert_eq!(written["kazlex_version"], env!("CARGO_PKG_VERSION"));
    // As if an older kazlex had written the directory.
    std::fs::write(&marker, r#"{"kazlex_version":"0.0.1","schema_version":1}"#).unwrap();
    run(&["--resume"])
        .code(2)
        .stderr(predicate::str::contains("written by kazlex 0.0.1"))
        .stderr(predicate::str::contains("run without --resume"));
    // A run without --resume makes everything again and takes the directory over.
    run(&[]).success();
    assert_eq!(read_json(&marker), written);
    run(&["--resume"]).success();
}

#[test]
fn a_second_batch_into_the_same_directory_is_refused_while_the_first_runs() {
    let out = tempfile::tempdir().unwrap();
    // The lock a running batch holds.
    let lock = std::fs::File::create(out.path().join(".kazlex-batch.lock")).unwrap();
    lock.try_lock().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "another kazlex batch is writing into this directory",
        ));
    assert!(!out.path().join("summary.json").exists());
    // Once it ends, the directory is free.
    drop(lock);
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg(corpus_dir())
        .assert()
        .success();
}
