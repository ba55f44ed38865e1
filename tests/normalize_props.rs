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
    "\n\u{c}",
    "\u{c}",
    "\u{a0}",
    "\u{200b}",
    "а",
    "б",
    "в",
    "A",
    "A.",
    "B",
    "I.",
    "Ғ.",
    "Оспанов",
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

    /// The eight-bytes-at-a-time helpers agree with plain searches.
    #[test]
    fn fast_scans_agree_with_plain_ones(input in "[ a-zA-Zқә(),.\\-«]{0,80}") {
        let b = input.as_bytes();
        let words: Vec<(usize, &str)> = input
            .split(' ')
            .scan(0usize, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let tokens: Vec<(usize, &str)> = kazlex::normalize::tokens::tokens(&input)
            .map(|t| (t.start, t.text))
            .collect();
        prop_assert_eq!(&tokens, &words);
        let letters: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_alphabetic()).collect();
        prop_assert_eq!(kazlex::chars::ascii_letters(b).collect::<Vec<_>>(), letters);
        prop_assert_eq!(kazlex::chars::last_word(&input), input.rsplit(' ').next().unwrap_or(""));
        for from in 0..=b.len() {
            let plain = b[from..].iter().position(|&x| x == b' ').map_or(b.len(), |k| from + k);
            prop_assert_eq!(kazlex::chars::next_space(b, from), plain);
        }
        prop_assert_eq!(kazlex::chars::has_double_space(&input), input.contains("  "));
        for min in [8, 12, 28] {
            let mut long = Vec::new();
            kazlex::normalize::tokens::long_tokens(&input, min, &mut long);
            let plain: Vec<std::ops::Range<usize>> = words
                .iter()
                .filter(|(_, w)| w.len() >= min)
                .map(|&(at, w)| at..at + w.len())
                .collect();
            prop_assert_eq!(long, plain);
        }
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
