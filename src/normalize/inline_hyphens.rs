//! Repair D7 (inside lines): hyphens that a line break left in the middle of
//! a word or that lost their neighbour.
//!
//! Two shapes, each fixed only on exact evidence from the vocabulary:
//! a hyphenation frozen into the source (`автомат-тандырылған` where the
//! document also writes `автоматтандырылған`, more often) and a compound
//! whose second half drifted away (`сондай- ақ` where `сондай-ақ` is known).
//! Spaced hyphens that the source writes on purpose (`1 - тармаққа`,
//! `2 - қосымша`) have spaces on both sides and are not touched.
//!
//! ```text
//! before  берушілермен өзара іс-қимыл тәртібін, сондай- ақ мемлекеттік қызмет   (004:452)
//! after   берушілермен өзара іс-қимыл тәртібін, сондай-ақ мемлекеттік қызмет
//! ```

use super::mapped::{MapBuilder, MappedLine};
use super::vocab::{core, Evidence};

fn letters(s: &str) -> bool {
    !s.is_empty() && s.chars().all(crate::chars::is_letter)
}

/// Compounds already weighed in this document, by their text, and whether
/// their hyphen goes: a document repeats its compounds (`іс-қимыл`,
/// `бизнес-процестерінің` dozens of times), and weighing one costs two
/// words keyed and looked up.
#[derive(Debug)]
pub struct Memo {
    compounds: super::memo::Memo<String, bool>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            compounds: super::memo::Memo::new(MEMO_MAX, 64),
        }
    }
}

/// Whether the first hyphen of `c` (`автомат-тандырылған`) is a
/// hyphenation frozen into the source: the document writes the word
/// without it more often, and the part after it is no word of its own.
fn is_frozen(c: &str, ev: &Evidence<'_>) -> bool {
    let Some((a, b)) = c.split_once('-') else {
        return false;
    };
    if !(letters(a) && letters(b) && b.chars().next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let joined = format!("{a}{b}");
    // A compound the genre uses (`іс-қимыл`) is settled without scanning
    // the document.
    if ev.bundled_word(c) > ev.bundled_word(&joined) {
        return false;
    }
    ev.word(b) == 0 && ev.word(&joined) > ev.word(c)
}

/// Compounds a [`Memo`] keeps at most: a document of the genre has a few
/// dozen; text of nothing but distinct compounds must not grow it.
const MEMO_MAX: usize = 1 << 14;

/// Repairs one line; returns the number of hyphens fixed.
pub fn repair(line: &mut MappedLine<'_>, ev: &Evidence<'_>, memo: &mut Memo) -> u32 {
    let text = line.as_str();
    // Edits as (byte range to drop, nothing inserted).
    let mut drops: Vec<std::ops::Range<usize>> = Vec::new();
    // Only tokens holding a hyphen matter: go from hyphen to hyphen (a few
    // per line) instead of through every token.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(h) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'-', rest))
    {
        let h = from + h;
        let std::ops::Range { start: at, end } = super::tokens::token_at(text, h);
        // Spaces are ASCII: both ends are character boundaries.
        let t = text.get(at..end).unwrap_or("");
        from = end;
        let c = core(t);
        let c_at = at + (c.as_ptr() as usize - t.as_ptr() as usize);
        // `сондай- ақ`
        if let Some(stem) = c.strip_suffix('-') {
            if let Some(super::tokens::Token {
                text: next,
                start: next_at,
                ..
            }) = super::tokens::tokens_from(text, end).next()
            {
                let next_core = core(next);
                if letters(stem)
                    && letters(next_core)
                    && next.starts_with(next_core)
                    && ev.word(&format!("{stem}-{next_core}")) > 0
                {
                    drops.push(c_at + c.len()..next_at);
                }
            }
            continue;
        }
        // `автомат-тандырылған`
        if let Some((a, _)) = c.split_once('-') {
            if memo
                .compounds
                .get_or_compute(c, || c.to_owned(), || is_frozen(c, ev))
            {
                let h = c_at + a.len();
                drops.push(h..h + 1);
            }
        }
    }
    if drops.is_empty() {
        return 0;
    }
    let mut b = MapBuilder::with_capacity(text.len());
    let mut copied = 0;
    for d in &drops {
        line.copy_into(copied..d.start, &mut b);
        copied = d.end;
    }
    line.copy_into(copied..text.len(), &mut b);
    *line = b.finish_line();
    drops.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::vocab::Vocab;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        let mut doc = Vocab::default();
        doc.add_line("жұмыс орнына автоматтандырылған автоматтандырылған сондай-ақ");
        let ev = Evidence::new(&doc, false);
        let mut line = MappedLine::borrowed(input, 0);
        repair(&mut line, &ev, &mut Memo::default());
        assert_eq!(line.as_str(), expected);
    }

    #[test]
    fn examples_from_damage_md() {
        check(
            "тәртібін, сондай- ақ мемлекеттік",
            "тәртібін, сондай-ақ мемлекеттік",
        ); // 004:452
        check(
            "автомат-тандырылған жұмыс орнына",
            "автоматтандырылған жұмыс орнына",
        ); // 004:487
    }

    #[test]
    fn every_hyphenated_token_of_a_line_is_looked_at_once() {
        check(
            "сондай- ақ 1-қосымша автомат-тандырылған",
            "сондай-ақ 1-қосымша автоматтандырылған",
        );
        check("а-б-в автомат-тандырылған-", "а-б-в автомат-тандырылған-");
        check("-", "-");
    }

    #[test]
    fn a_compound_weighed_once_is_decided_alike_on_later_lines() {
        let mut doc = Vocab::default();
        doc.add_line("жұмыс орнына автоматтандырылған автоматтандырылған");
        let ev = Evidence::new(&doc, true);
        let mut memo = Memo::default();
        for _ in 0..3 {
            let mut line = MappedLine::borrowed("іс-қимыл автомат-тандырылған", 0);
            assert_eq!(repair(&mut line, &ev, &mut memo), 1);
            assert_eq!(line.as_str(), "іс-қимыл автоматтандырылған");
        }
        assert_eq!(memo.compounds.len(), 2);
    }

    #[test]
    fn hyphens_written_on_purpose_stay() {
        check(
            "1 - тармаққа өзгеріс енгізілді",
            "1 - тармаққа өзгеріс енгізілді",
        ); // 002:31
        check("2 - қосымша", "2 - қосымша"); // 004:574
        check("іс-қимыл тәртібін", "іс-қимыл тәртібін");
        check("бизнес-процестерінің", "бизнес-процестерінің");
    }
}
