//! The HTML report of a corpus document: structure, escaping, links.

mod common;

fn page(stem: &str) -> (String, kazlex::Processed) {
    let text = common::corpus_text(stem);
    let source = kazlex::decode::from_bytes(
        text.as_bytes().to_vec(),
        std::path::Path::new(stem),
        u64::MAX,
    )
    .unwrap();
    let p = kazlex::process(stem, &source);
    (kazlex::report::document_page(&text, &p), p)
}

#[test]
fn the_page_has_the_card_the_steps_and_the_chart() {
    let (html, p) = page("000_e8b092f41b6b2e75");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"<dd class="act-number">164</dd>"#));
    assert!(html.contains(r#"<dd class="act-date">2018-07-13</dd>"#));
    assert!(html.contains("repealed (Күшін жойған)"));
    assert!(html.contains(r#"<table class="steps" id="steps-0">"#));
    assert!(html.contains(r#"<svg class="durations""#));
    // One chart bar per timed step of the regulation.
    let timed = p.document.regulations[0]
        .sections
        .iter()
        .flat_map(|s| &s.points)
        .flat_map(|pt| &pt.subpoints)
        .filter(|s| s.duration.is_some())
        .count();
    assert_eq!(html.matches("<rect ").count(), timed);
    // Self-contained: no external resources.
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src="));
}

#[test]
fn every_reference_is_linked_to_its_span() {
    let (html, p) = page("004_e9cea40fad9b84a2");
    for i in 0..p.document.references.len() {
        assert!(html.contains(&format!(r##"href="#ref-{i}""##)), "link {i}");
        assert_eq!(
            html.matches(&format!(r#"id="ref-{i}""#)).count(),
            1,
            "anchor {i}"
        );
    }
}

#[test]
fn repairs_are_highlighted_with_before_and_after() {
    let (html, _) = page("000_e8b092f41b6b2e75");
    assert!(html.contains(r#"<mark class="k-moved_link" title="line 250: moved link text — «Стандарттың  сәйкес жүзеге асырылады.3-бөліміне» → «Стандарттың 3-бөліміне сәйкес жүзеге асырылады.»">"#));
    assert!(html.contains("moved link text: 13"));
}

#[test]
fn text_from_the_document_is_escaped() {
    let text = "Күшін жойған\n      1. Осы <script>alert(1)</script> & \"тест\" қаулы.\n";
    let source = kazlex::decode::from_bytes(
        text.as_bytes().to_vec(),
        std::path::Path::new("x"),
        u64::MAX,
    )
    .unwrap();
    let p = kazlex::process("x<&>", &source);
    let html = kazlex::report::document_page(text, &p);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    assert!(html.contains("x&lt;&amp;&gt;"));
}

#[test]
fn the_report_command_writes_pages_and_an_index() {
    let out = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("kazlex")
        .unwrap()
        .arg("report")
        .arg(common::corpus_path("002_c1cbb27e839fa933"))
        .arg("/no/such/file.txt")
        .arg("-o")
        .arg(out.path())
        .assert()
        .code(1);
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(index.contains(r#"<a href="002_c1cbb27e839fa933.html">"#));
    assert!(index.contains("/no/such/file.txt"));
    assert!(out.path().join("002_c1cbb27e839fa933.html").exists());
}
