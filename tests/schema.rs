//! Every fixture and every extraction validates against the JSON Schema.

mod common;

use proptest::prelude::*;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(kazlex::model::JSON_SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

fn extraction(text: &str, path: &str) -> Value {
    let source = kazlex::decode::from_bytes(
        text.as_bytes().to_vec(),
        std::path::Path::new(path),
        u64::MAX,
    )
    .expect("text decodes");
    serde_json::to_value(kazlex::process(path, &source).document).expect("serializes")
}

#[test]
fn fixtures_validate() {
    let v = validator();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "json") {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            assert_eq!(errors(&v, &doc), Vec::<String>::new(), "{}", p.display());
            n += 1;
        }
    }
    assert!(n >= 2);
}

#[test]
fn corpus_extractions_validate() {
    let v = validator();
    for stem in common::CORPUS {
        let doc = extraction(&common::corpus_text(stem), &format!("corpus/{stem}.txt"));
        assert_eq!(errors(&v, &doc), Vec::<String>::new(), "{stem}");
    }
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let v = validator();
    let mut doc = extraction(
        &common::corpus_text("000_e8b092f41b6b2e75"),
        "corpus/000.txt",
    );
    doc["act"]["date"] = Value::from("13.07.2018");
    assert!(!errors(&v, &doc).is_empty(), "dates are ISO");
    let mut doc = extraction(
        &common::corpus_text("000_e8b092f41b6b2e75"),
        "corpus/000.txt",
    );
    doc.as_object_mut().unwrap().remove("notes");
    assert!(!errors(&v, &doc).is_empty(), "fields are never omitted");
    let mut doc = extraction(
        &common::corpus_text("000_e8b092f41b6b2e75"),
        "corpus/000.txt",
    );
    doc["title"] = Value::from("");
    assert!(!errors(&v, &doc).is_empty(), "no empty strings");
}

#[test]
fn kazlex_schema_prints_the_same_schema() {
    let out = assert_cmd::Command::cargo_bin("kazlex")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        kazlex::model::JSON_SCHEMA
    );
}

const PIECES: &[&str] = &[
    "Күшін жойған\n",
    "Батыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы. ",
    "Әділет департаментінде 2018 жылғы 31 шілдеде № 5309 болып тіркелді. ",
    "      Ескерту. Күші жойылды - облысы әкімдігінің 01.06.2020 № 120 қаулысымен (қолданысқа енгізіледі).\n",
    "      1. Осы қаулы ",
    "      1) көрсетілетін қызметті берушінің кеңсе қызметкері 15 (он бес) минут ішінде ",
    "Нәтижесі – тіркеу журналына жазу;\n",
    "\"Жұмыссыз азаматтарды тіркеу\" мемлекеттік көрсетілетін қызмет регламенті\n",
    "1. Жалпы ережелер\n",
    "қаулысына 1-қосымша\n",
    "      Облыс әкімі А.Көлгінов\n",
    "\n\n\n",
    " \n",
    "№",
    "\"",
    "(",
    ")",
    "  ",
    "99999999999999999999 жылғы 45 шілдедегі",
    "Заңдарына",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128), ..ProptestConfig::default() })]

    #[test]
    fn any_extraction_validates(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
        let v = validator();
        let doc = extraction(&pieces.concat(), "generated.txt");
        let errs = errors(&v, &doc);
        prop_assert!(errs.is_empty(), "{:?}", errs);
    }

    #[test]
    fn spans_lie_on_char_boundaries(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
        let text = pieces.concat();
        let n = kazlex::normalize(&text);
        let x = kazlex::extract::extract(&n);
        for r in &x.references {
            prop_assert!(n.text.is_char_boundary(r.citation.span.start) && n.text.is_char_boundary(r.citation.span.end));
            prop_assert!(r.citation.span.end <= n.text.len());
        }
    }
}
