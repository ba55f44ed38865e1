//! Properties of the normalizer on any input: it returns, it is
//! idempotent, and its map and spans stay inside the texts.

mod common;

use kazlex::normalize::normalize;
use proptest::prelude::*;

/// Pieces that exercise every repair: Kazakh words, link-like tails, spaced
/// letters, odd white space, quotes, brackets, hyphens and line ends.
const PIECES: &[&str] = &[
    "қызметті",
    "берушінің",
    "ішінде",
    "минут",
    "Стандарттың",
    "сәйкес",
    "1-қосымшасына",
    "тармағында",
    "стандартына",
    "қаулысына",
    "регламенті",
    "№",
    "120",
    "17)",
    "2-",
    "3",
    "туралы\"",
    "\"Мемлекеттік",
    "ҚАУЛЫ",
    "ЕТЕДІ",
    ":",
    ",",
    ".",
    ";",
    "(",
    ")",
    "\"",
    "-",
    "–",
    " ",
    " ",
    " ",
    "  ",
    "   ",
    "\n",
    "\n",
    "\n\n\n",
    "      ",
    "\n      ",
    "\n ",
    "і",
    "ін",
    "т",
    "ұ",
    "ек",
    "тегiн",
    "iс",
    "www.egov.kz",
    "қ о с ы м ш а",
    "ж а з ы л с ы н .",
    "  ",
    "Күшін жойған",
    "1.",
    "2)",
    "қосымша",
    "бекітілген",
    "\r\n",
    "\u{a0}",
    "\u{200b}",
    "а",
    "б",
    "в",
    "A",
    "x",
    "сондай-",
    "ақ",
    "автомат-",
    "әрі",
    "жәнетармағында",
];

fn doc() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512), ..ProptestConfig::default() })]

    #[test]
    fn idempotent_on_generated_documents(input in doc()) {
        let once = normalize(&input);
        let twice = normalize(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
    }

    #[test]
    fn idempotent_on_arbitrary_strings(input in "\\PC{0,200}") {
        let once = normalize(&input);
        let twice = normalize(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
    }

    #[test]
    fn maps_and_spans_stay_inside(input in doc()) {
        let n = normalize(&input);
        for p in &n.paragraphs {
            prop_assert!(n.text.is_char_boundary(p.span.start) && n.text.is_char_boundary(p.span.end));
        }
        for (i, _) in n.text.char_indices() {
            let src = n.source_offset(i);
            prop_assert!(src <= input.len());
            let pos = n.position(&input, i);
            prop_assert!(pos.line >= 1);
        }
        for r in &n.repairs {
            prop_assert!(r.raw.end <= input.len() && r.out.end <= n.text.len());
        }
    }
}

#[test]
fn corpus_paragraphs_are_fixed_points() {
    for stem in common::CORPUS {
        let n = normalize(&common::corpus_text(stem));
        for p in &n.paragraphs {
            let par = &n.text[p.span.clone()];
            assert_eq!(normalize(par).text, par, "{stem}");
        }
    }
}
