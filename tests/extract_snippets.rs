//! Extraction of small raw snippets of the corpus, damage included: each
//! case takes a range of raw lines (numbered as in the corpus file), runs
//! the whole pipeline on it, and asserts values read in those lines.

mod common;

use serde_json::{json, Value};

/// Raw lines `from..=to` (1-based) of a corpus document.
fn lines(stem: &str, from: usize, to: usize) -> String {
    let text = common::corpus_text(stem);
    let mut out: Vec<&str> = text.lines().skip(from - 1).take(to + 1 - from).collect();
    out.push("");
    out.join("\n")
}

fn extract(raw: &str) -> Value {
    common::extract_json(raw)
}

use common::check_pointers as check;

#[test]
fn a_date_split_over_lines() {
    // 000:47-87: the signatory, the annex headers and the start of a
    // regulation whose standard order's date is broken after `2017 жылғы 7`
    // (000:78-79) and whose title and register note run over six lines.
    check(
        &lines("000_e8b092f41b6b2e75", 47, 87),
        &[
            ("/regulations/0/standard/date", json!("2017-08-07")),
            ("/regulations/0/standard/number", json!("397")),
            (
                "/regulations/0/standard/registration_number",
                json!("15740"),
            ),
            (
                "/regulations/0/standard/issuer",
                json!("Қазақстан Республикасы Білім және ғылым министрі"),
            ),
        ],
    );
}

#[test]
fn a_repeal_note_with_its_number_moved() {
    // 002:64-80: the signatory, then an annex that is only a title, a lone
    // `)` and a note whose `№ 186` was moved to the end of the next line.
    let raw = lines("002_c1cbb27e839fa933", 64, 80);
    check(
        &raw,
        &[
            ("/notes/0/kind", json!("repeal")),
            ("/notes/0/scope", json!("Регламент")),
            ("/notes/0/by/number", json!("186")),
            ("/notes/0/by/date", json!("2019-05-14")),
            (
                "/notes/0/text",
                json!("Ескерту. Регламент күші жойылды – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)."),
            ),
        ],
    );
}

#[test]
fn an_annex_that_is_only_a_title() {
    // 002:64-80 again: a repealed regulation keeps its title and service
    // and has no sections and no standard.
    let doc = extract(&lines("002_c1cbb27e839fa933", 64, 80));
    let reg = &doc["regulations"][0];
    assert_eq!(reg["annex"], json!("1"));
    assert_eq!(
        reg["service"],
        json!("\"Үздік педагог\" атағын беру конкурсына қатысу үшін құжаттар қабылдау")
    );
    assert_eq!(reg["standard"], Value::Null);
    assert_eq!(reg["sections"], json!([]));
}

#[test]
fn diagram_stubs_are_not_regulations() {
    // 004 holds nine regulations, each but the first followed by diagram
    // stubs (`… регламентіне 1-қосымша` and a title, 004:544-581).
    let text = common::corpus_text("004_e9cea40fad9b84a2");
    let doc = extract(&text);
    let annexes: Vec<&Value> = doc["regulations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["annex"])
        .collect();
    assert_eq!(
        annexes,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            .map(|a| json!(a))
            .iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn results_on_their_own_letter_spaced_line() {
    // 004:144-153: regulation 1's step list; the result of step 1 is its own
    // paragraph and was letter-spaced (`Н ә т и ж е с і  –  т і р к е у …`).
    let doc = extract(&common::corpus_text("004_e9cea40fad9b84a2"));
    let steps = &doc["regulations"][0]["sections"][1]["points"][1]["subpoints"];
    assert_eq!(steps[0]["result"], json!("тіркеу журналына жазу"));
    assert_eq!(
        steps[1]["result"],
        json!("жауапты орындаушыға тапсырма береді")
    );
    assert_eq!(steps.as_array().unwrap().len(), 5);
}

#[test]
fn a_step_with_two_durations_reports_the_first_and_warns() {
    // 004:128-133: `… ең ұзақ уақыты – 10 минут, … – 15 минут;` over a page break
    let doc = extract(&common::corpus_text("004_e9cea40fad9b84a2"));
    let step = &doc["regulations"][0]["sections"][0]["points"][3]["subpoints"][2];
    assert_eq!(
        step["duration"],
        json!({"value": 10, "unit": "minute", "bound": "max", "text": "10 минут"})
    );
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(warnings.contains(&json!(
        "subpoint 2) (line 128) gives 2 durations; the first is reported"
    )));
}

#[test]
fn a_duration_in_words_only() {
    // 002:47: `2) осы қаулы мемлекеттік тіркелген күннен бастап күнтізбелік он күн ішінде …`
    let doc = extract(&common::corpus_text("002_c1cbb27e839fa933"));
    let sub = &doc["body"][2]["subpoints"][1];
    assert_eq!(
        sub["duration"],
        json!({"value": 10, "unit": "calendar_day", "bound": "within", "text": "күнтізбелік он күн"})
    );
}

/// Later regulations label their sections as chapters (`1-тарау. Жалпы
/// ережелер`): 000 with its four section headings so labelled keeps its
/// sections, their numbers and every point.
#[test]
fn sections_labelled_as_chapters() {
    let text = common::corpus_text("000_e8b092f41b6b2e75");
    let mut chapters = String::new();
    for line in text.split_inclusive('\n') {
        let relabelled = ["1", "2", "3", "4"].iter().find_map(|n| {
            let rest = line.strip_prefix(&format!("{n}. "))?;
            rest.starts_with(['Ж', 'М'])
                .then(|| format!("{n}-тарау. {rest}"))
        });
        chapters.push_str(relabelled.as_deref().unwrap_or(line));
    }
    assert_eq!(chapters.matches("-тарау. ").count(), 4);
    let sections = |doc: &Value| -> Vec<(Value, usize)> {
        doc.pointer("/regulations/0/sections")
            .and_then(Value::as_array)
            .map(|s| {
                s.iter()
                    .map(|sec| {
                        let points = sec["points"].as_array().map_or(0, Vec::len);
                        (sec["number"].clone(), points)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let original = sections(&extract(&text));
    let relabelled = sections(&extract(&chapters));
    assert_eq!(original.len(), 4);
    assert_eq!(relabelled, original);
    assert_eq!(relabelled[0].0, json!("1"));
}

/// An act whose text lacks the status line: the title (ending `туралы`)
/// and the header are still two paragraphs, whether an empty line stands
/// between them or not (000 without its line 8).
#[test]
fn an_act_without_its_status_line() {
    let text = common::corpus_text("000_e8b092f41b6b2e75");
    let original = extract(&text);
    for without in [
        text.replacen("\nКүшін жойған\n", "\n", 1),
        text.replacen("\n\nКүшін жойған\n", "\n", 1),
    ] {
        assert!(!without.contains("Күшін жойған"));
        check(
            &without,
            &[
                ("/title", original["title"].clone()),
                ("/status", json!("unknown")),
                ("/act/number", json!("164")),
                ("/act/date", json!("2018-07-13")),
                ("/registration/number", json!("5309")),
                ("/repealed_by/number", json!("120")),
            ],
        );
        // The same references and regulations, spans aside (the status
        // line's bytes are gone from the normalized text).
        let unspanned = |v: &Value| -> Value {
            let mut v = v.clone();
            fn strip(v: &mut Value) {
                match v {
                    Value::Object(m) => {
                        m.remove("span");
                        m.values_mut().for_each(strip);
                    }
                    Value::Array(a) => a.iter_mut().for_each(strip),
                    _ => {}
                }
            }
            strip(&mut v);
            v
        };
        let doc = extract(&without);
        for field in ["references", "regulations", "body", "notes"] {
            assert_eq!(
                unspanned(&doc[field]),
                unspanned(&original[field]),
                "{field}"
            );
        }
    }
}

/// A header whose day does not exist in its month keeps its issuer and
/// number, leaves the date null and says why (000 with `29 ақпандағы` in
/// 2018, not a leap year).
#[test]
fn a_header_date_that_does_not_exist() {
    let text = common::corpus_text("000_e8b092f41b6b2e75").replacen(
        "2018 жылғы 13 шілдедегі № 164",
        "2018 жылғы 29 ақпандағы № 164",
        1,
    );
    check(
        &text,
        &[
            ("/act/issuer", json!("Батыс Қазақстан облысы әкімдігі")),
            ("/act/number", json!("164")),
            ("/act/date", Value::Null),
            ("/registration/date", json!("2018-07-31")),
        ],
    );
    let doc = extract(&text);
    let warnings: Vec<&str> = doc["warnings"]
        .as_array()
        .map(|w| w.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        warnings.contains(&"the header (line 9) gives the date «2018 жылғы 29 ақпандағы», which does not exist; that date is left null"),
        "{warnings:?}"
    );
}
