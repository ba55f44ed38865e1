//! `kazlex normalize` and `--explain` as a user runs them.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn kazlex() -> Command {
    Command::cargo_bin("kazlex").expect("the kazlex binary is built")
}

#[test]
fn normalize_prints_one_paragraph_per_line() {
    let out = kazlex()
        .args(["normalize"])
        .arg(common::corpus_path("000_e8b092f41b6b2e75"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[1], "Күшін жойған");
    assert!(lines.contains(
        &"Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № 120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі)."
    ));
    assert!(lines.contains(&"12. Мемлекеттік көрсетілетін қызметті көрсету мәселелері бойынша көрсетілетін қызметті берушінің және (немесе) олардың лауазымды адамдарының шешімдеріне, әрекеттеріне (әрекетсіздігіне) шағымдану Стандарттың 3-бөліміне сәйкес жүзеге асырылады."));
    assert_eq!(lines.len(), 65);
}

#[test]
fn normalize_reads_standard_input() {
    kazlex()
        .args(["normalize", "-"])
        .write_stdin("      1) қабылдайды және \nтіркейді.\n")
        .assert()
        .success()
        .stdout("1) қабылдайды және тіркейді.\n");
}

#[test]
fn explain_lists_every_repair_with_its_line() {
    kazlex()
        .args(["normalize", "--explain"])
        .arg(common::corpus_path("000_e8b092f41b6b2e75"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "250  moved_link     «Стандарттың  сәйкес жүзеге асырылады.3-бөліміне» → «Стандарттың 3-бөліміне сәйкес жүзеге асырылады.»",
        ))
        .stdout(predicate::str::contains("moved_link=13"))
        .stdout(predicate::str::contains("page_break=7"));
}

/// `pdftotext`'s page ends: each is a page break on the line that holds
/// it, shown as `␌`, and no warning of stray control characters.
#[test]
fn explain_shows_the_form_feeds_of_pdftotext() {
    let text = common::corpus_text("000_e8b092f41b6b2e75").replace("\n\n\n\n", "\n\u{c}");
    let fed_line = text
        .lines()
        .position(|l| l.starts_with('\u{c}'))
        .map_or(0, |i| i + 1);
    assert_eq!(fed_line, 40);
    kazlex()
        .args(["normalize", "--explain", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("   40  page_break     «␌» → «»"))
        .stdout(predicate::str::contains("page_break=7"))
        .stderr(predicate::str::contains("control character").not());
}

#[test]
fn explain_shows_letter_spacing_and_homoglyphs() {
    kazlex()
        .args(["normalize", "--explain"])
        .arg(common::corpus_path("004_e9cea40fad9b84a2"))
        .assert()
        .success()
        .stdout(predicate::str::contains("letter_spacing=245"))
        .stdout(predicate::str::contains("homoglyph=26"))
        .stdout(predicate::str::contains("«Қ А У Л Ы  Е Т Е Д І :»"));
}

#[test]
fn missing_file_names_the_path_and_exits_2() {
    kazlex()
        .args(["normalize", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"))
        .stderr(predicate::str::contains("No such file"));
}

#[test]
fn usage_errors_exit_2() {
    kazlex().args(["normalize"]).assert().code(2);
    kazlex().args(["no-such-command"]).assert().code(2);
}
