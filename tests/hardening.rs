//! Bad input never crashes kazlex: each case gets a result with warnings or
//! a clear error naming the file, with the documented exit code.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn kazlex() -> Command {
    Command::cargo_bin("kazlex").expect("the kazlex binary is built")
}

/// Extracts `bytes` through the CLI and returns the JSON (exit 0 expected).
fn extract_bytes(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("input.txt");
    std::fs::write(&p, bytes).unwrap();
    let out = kazlex()
        .args(["extract", "--compact"])
        .arg(&p)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn warnings(doc: &Value) -> Vec<String> {
    doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_owned())
        .collect()
}

fn refuse(bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    std::fs::write(&p, bytes).unwrap();
    kazlex()
        .arg("extract")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt"))
        .stderr(predicate::str::contains(expected));
}

// --- Empty and blank input ---------------------------------------------------

#[test]
fn empty_file() {
    let doc = extract_bytes(b"");
    assert_eq!(doc["status"], "unknown");
    assert_eq!(doc["body"], Value::Array(vec![]));
    assert!(warnings(&doc).iter().any(|w| w.contains("no header")));
}

#[test]
fn only_white_space() {
    let doc = extract_bytes(b"   \t  \n    \n");
    assert_eq!(doc["title"], Value::Null);
    assert!(!warnings(&doc).is_empty());
}

#[test]
fn only_blank_lines_and_page_breaks() {
    let doc = extract_bytes(b"\n\n\n\n \n\n\n\n     \n\n");
    assert_eq!(doc["regulations"], Value::Array(vec![]));
    assert_eq!(doc["repairs"]["page_breaks"], 2);
}

// --- Not text ----------------------------------------------------------------

#[test]
fn random_bytes_are_refused() {
    let noise: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    refuse(&noise, "binary");
}

#[test]
fn pdf_and_zip_headers_are_refused() {
    refuse(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF");
    refuse(b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP");
}

#[test]
fn nul_bytes_inside_good_text_are_dropped_with_a_warning() {
    let mut bytes = common::corpus_text("000_e8b092f41b6b2e75").into_bytes();
    bytes.insert(400, 0);
    bytes.insert(900, 0);
    let doc = extract_bytes(&bytes);
    assert_eq!(doc["act"]["number"], "164");
    assert!(warnings(&doc)
        .iter()
        .any(|w| w.contains("2 control character(s) such as NUL")));
}

// --- Encodings ---------------------------------------------------------------

#[test]
fn utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(common::corpus_text("002_c1cbb27e839fa933").as_bytes());
    let doc = extract_bytes(&bytes);
    assert_eq!(doc["act"]["number"], "458");
    assert_eq!(
        doc["title"],
        "Білім саласында көрсетілетін мемлекеттік қызметтер регламенттерін бекіту туралы"
    );
}

#[test]
fn utf16_le_and_be_with_bom() {
    let text = common::corpus_text("002_c1cbb27e839fa933");
    for le in [true, false] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let doc = extract_bytes(&bytes);
        assert_eq!(doc["act"]["number"], "458", "little endian: {le}");
        assert_eq!(doc["registration"]["number"], "4865");
    }
}

#[test]
fn windows_1251_cyrillic() {
    // Russian text: every letter exists in Windows-1251.
    let text = "Күшін жойған\nПостановление акимата области от 13 июля 2018 года № 164.\n      1. Утвердить регламент.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let doc = extract_bytes(&bytes);
    assert!(
        warnings(&doc).iter().any(|w| w.contains("Windows-1251")),
        "{:?}",
        warnings(&doc)
    );
    assert!(doc["body"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Утвердить регламент"));
}

#[test]
fn invalid_utf8_in_the_middle_names_the_byte_offset() {
    let mut bytes = common::corpus_text("000_e8b092f41b6b2e75").into_bytes();
    let at = bytes.len() / 2;
    // Put the bad byte at a character boundary.
    let at = (at..bytes.len())
        .find(|&i| bytes[i] < 0x80 || bytes[i] >= 0xC0)
        .unwrap();
    bytes.insert(at, 0xFF);
    let doc = extract_bytes(&bytes);
    assert!(
        warnings(&doc)
            .iter()
            .any(|w| w.contains(&format!("byte offset {at}"))),
        "{:?}",
        warnings(&doc)
    );
    assert_eq!(doc["act"]["number"], "164");
}

// --- Documents of other shapes -----------------------------------------------

#[test]
fn a_document_cut_in_half() {
    let text = common::corpus_text("000_e8b092f41b6b2e75");
    let cut: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    let doc = extract_bytes(cut.as_bytes());
    assert_eq!(doc["act"]["number"], "164");
    assert_eq!(doc["regulations"], Value::Array(vec![]));
    assert!(warnings(&doc).iter().any(|w| w.contains("no signatory")));
}

#[test]
fn a_document_with_no_header_or_status_line() {
    let text = common::corpus_text("000_e8b092f41b6b2e75");
    let body: String = text.lines().skip(12).collect::<Vec<_>>().join("\n");
    let doc = extract_bytes(body.as_bytes());
    assert_eq!(doc["status"], "unknown");
    assert_eq!(doc["act"]["number"], Value::Null);
    let w = warnings(&doc);
    assert!(w.iter().any(|w| w.contains("no status line")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("no header")), "{w:?}");
    assert_eq!(doc["regulations"].as_array().unwrap().len(), 1);
}

#[test]
fn an_act_of_another_kind() {
    let law = "\nМемлекеттік көрсетілетін қызметтер туралы\n\nҚолданыстағы\nҚазақстан Республикасының 2013 жылғы 15 сәуірдегі № 88-V Заңы.\n      1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар\n      1. Осы Заңда мынадай негізгі ұғымдар пайдаланылады:\n      1) мемлекеттік көрсетілетін қызмет – көрсетілетін қызметті алушылардың өтініш жасауы бойынша жүзеге асырылатын іс-қимыл;\n      Қазақстан Республикасының Президенті Н. Назарбаев\n";
    let doc = extract_bytes(law.as_bytes());
    assert_eq!(doc["status"], "in_force");
    assert_eq!(doc["act"]["type"], "law");
    assert_eq!(doc["act"]["number"], "88-V");
    assert_eq!(doc["act"]["date"], "2013-04-15");
}

// --- Pathological shapes -----------------------------------------------------

fn normalize_and_extract(text: &str) -> kazlex::Processed {
    let source = kazlex::decode::from_bytes(
        text.as_bytes().to_vec(),
        Path::new("generated.txt"),
        u64::MAX,
    )
    .unwrap();
    kazlex::process("generated.txt", &source)
}

#[test]
fn one_50_mb_line() {
    let unit = "көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде  № 12 қаулысына, ";
    // Indented, so that every repair looks at it (a flat line skips some).
    let mut text = String::with_capacity(50_000_000 + unit.len());
    text.push_str("      ");
    while text.len() < 50_000_000 {
        text.push_str(unit);
    }
    let started = std::time::Instant::now();
    let p = normalize_and_extract(&text);
    let secs = started.elapsed().as_secs_f64();
    assert!(!p.normalized.text.is_empty());
    println!("one 50 MB line: {secs:.2} s");
}

#[test]
fn two_hundred_thousand_one_character_lines() {
    let text: String = (0..200_000)
        .map(|i| if i % 7 == 0 { "\n" } else { "а\n" })
        .collect();
    let p = normalize_and_extract(&text);
    assert!(p.normalized.text.len() < text.len() * 2);
}

#[test]
fn ten_thousand_letter_spaced_lines() {
    let line = "      к ө р с е т і л е т і н  қ ы з м е т т і  б е р у ш і ;\n";
    let text = line.repeat(10_000);
    let p = normalize_and_extract(&text);
    assert_eq!(p.normalized.counts.letter_spaced_lines, 10_000);
    assert!(p
        .normalized
        .text
        .starts_with("көрсетілетін қызметті беруші;\n"));
}

#[test]
fn a_line_of_100_000_spaces() {
    let text = format!("      1. Осы\n{}\nқаулы.\n", " ".repeat(100_000));
    let p = normalize_and_extract(&text);
    assert_eq!(p.normalized.text, "1. Осы\nқаулы.");
}

#[test]
fn deeply_repeated_subpoints() {
    let mut text = String::from("Күшін жойған\n      1. Тізбесі:\n");
    for _ in 0..50_000 {
        text.push_str("      1) көрсетілетін қызметті берушінің кеңсе қызметкері;\n");
    }
    let p = normalize_and_extract(&text);
    assert_eq!(p.document.body[0].subpoints.len(), 50_000);
}

#[test]
fn very_large_numbers() {
    let text = "Күшін жойған\nБатыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 99999999999999999999999999 қаулысы.\n      1) кеңсе қызметкері 999999999999999999999999 (он бес) минут ішінде;\n";
    let p = normalize_and_extract(text);
    assert_eq!(
        p.document.act.number.as_deref(),
        Some("99999999999999999999999999")
    );
}

// --- File-system trouble in batches ------------------------------------------

#[test]
fn an_unreadable_file_is_a_failure_record() {
    // /proc/self/mem is a file that cannot be read from offset 0, even by root.
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg("-")
        .write_stdin(format!(
            "/proc/self/mem\n{}\n",
            common::corpus_path("002_c1cbb27e839fa933").display()
        ))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/proc/self/mem"));
    let failures = std::fs::read_to_string(out.path().join("failures.jsonl")).unwrap();
    assert!(failures.contains("/proc/self/mem"));
    assert!(out.path().join("002_c1cbb27e839fa933.json").exists());
}

#[test]
fn a_directory_where_a_file_was_expected() {
    let out = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg("-")
        .write_stdin(format!("{}\n", dir.path().display()))
        .assert()
        .code(1);
    let failures = std::fs::read_to_string(out.path().join("failures.jsonl")).unwrap();
    assert!(failures.contains("is_a_directory"), "{failures}");
}

#[test]
fn a_file_that_vanished_before_its_turn() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    let out = tempfile::tempdir().unwrap();
    kazlex()
        .args(["batch", "--quiet", "-o"])
        .arg(out.path())
        .arg("-")
        .write_stdin(format!(
            "{}\n{}\n",
            common::corpus_path("000_e8b092f41b6b2e75").display(),
            gone.display()
        ))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("gone.txt"));
    assert!(std::fs::read_to_string(out.path().join("failures.jsonl"))
        .unwrap()
        .contains("not_found"));
}

#[test]
fn an_output_directory_that_is_not_writable() {
    kazlex()
        .args(["batch", "--quiet", "-o", "/proc/kazlex-out"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/proc/kazlex-out"));
}

#[test]
fn a_full_disk_stops_the_batch_and_keeps_earlier_outputs() {
    // A file-size limit makes every write past it fail, as a full disk does.
    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("kazlex");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 100; exec {} batch --quiet -j 1 -o {} {}",
            bin.display(),
            out.path().display(),
            corpus.display()
        ))
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("004_e9cea40fad9b84a2.json"), "{stderr}");
    // The documents written before the failure are intact; no temporary
    // file and no half-written output is left.
    for stem in ["000_e8b092f41b6b2e75", "002_c1cbb27e839fa933"] {
        let v: Value = serde_json::from_str(
            &std::fs::read_to_string(out.path().join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(v["schema_version"], 1);
    }
    assert!(!out.path().join("004_e9cea40fad9b84a2.json").exists());
    assert!(std::fs::read_dir(out.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
}

#[test]
fn a_full_stdout() {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("kazlex"))
        .arg("extract")
        .arg(common::corpus_path("000_e8b092f41b6b2e75"))
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No space left"));
}

#[test]
fn a_file_over_the_size_limit() {
    kazlex()
        .args(["extract", "--max-bytes", "1000"])
        .arg(common::corpus_path("000_e8b092f41b6b2e75"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("000_e8b092f41b6b2e75.txt"))
        .stderr(predicate::str::contains("--max-bytes"));
}
