//! Kazakh number words → integers.
//!
//! Durations in the acts repeat their digits in words, `15 (он бес) минут`,
//! and some give only words, `он жұмыс күні ішінде`. This module reads the
//! words: units `бір` … `тоғыз`, tens `он` … `тоқсан`, `жүз` (100) and `мың`
//! (1000), combined as written (`он бес` = 10 + 5, `екі жүз` = 2 × 100).
//! Case endings on the last word are allowed (`отыз минуттан` has none, but
//! `онға`, `бесте` do).
//!
//! ```text
//! before  "жиырма бес"
//! after   25
//! ```

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::space1;
use nom::combinator::{map, opt};
use nom::multi::fold_many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

const UNITS: &[(&str, u64)] = &[
    ("бір", 1),
    ("екі", 2),
    ("үш", 3),
    ("төрт", 4),
    ("бес", 5),
    ("алты", 6),
    ("жеті", 7),
    ("сегіз", 8),
    ("тоғыз", 9),
];

const TENS: &[(&str, u64)] = &[
    ("он", 10),
    ("жиырма", 20),
    ("отыз", 30),
    ("қырық", 40),
    ("елу", 50),
    ("алпыс", 60),
    ("жетпіс", 70),
    ("сексен", 80),
    ("тоқсан", 90),
];

const BIG: &[(&str, u64)] = &[("жүз", 100), ("мың", 1000)];

/// Whether `w` may start with a number word: its first three letters, in
/// either case, begin one of them (the two-letter `үш` and `он` with any
/// third). A cheap test that rules out almost every other word, `беру…`
/// and `алушы` among them, before it is measured.
pub fn may_start_number_word(w: &str) -> bool {
    // The letters are Cyrillic, two bytes each (lead D0..D3): read them
    // without a char iterator.
    let b = w.as_bytes();
    let letter = |i: usize| match (b.get(i), b.get(i + 1)) {
        (Some(&lead @ 0xD0..=0xD3), Some(&cont)) => crate::chars::lower_cyrillic(lead, cont),
        _ => '\0',
    };
    let first = letter(0);
    // Most words are ruled out by their first letter or two.
    if !matches!(
        first,
        'ү' | 'о' | 'б' | 'е' | 'т' | 'а' | 'ж' | 'с' | 'қ' | 'м'
    ) {
        return false;
    }
    let second = letter(2);
    if second == '\0' {
        return false;
    }
    matches!(
        (first, second, letter(4)),
        ('ү', 'ш', _)
            | ('о', 'н', _)
            | ('б', 'і', 'р')
            | ('б', 'е', 'с')
            | ('е', 'к', 'і')
            | ('е', 'л', 'у')
            | ('т', 'ө', 'р')
            | ('т', 'о', 'ғ' | 'қ')
            | ('а', 'л', 'т' | 'п')
            | ('ж', 'е', 'т')
            | ('ж', 'и', 'ы')
            | ('ж', 'ү', 'з')
            | ('с', 'е', 'г' | 'к')
            | ('о', 'т', 'ы')
            | ('қ', 'ы', 'р')
            | ('м', 'ы', 'ң')
    )
}

/// The value of one number word, with or without a case ending (its
/// caller, [`number_word`], has already applied [`may_start_number_word`]).
fn word_value(w: &str) -> Option<u64> {
    if w.len() > 24 {
        return None;
    }
    if w.chars().any(|c| crate::chars::lower(c) != c) {
        // Rare (`Он бес`): fold the case once.
        return lower_word_value(&w.to_lowercase());
    }
    lower_word_value(w)
}

/// [`word_value`] of a lowercase word: exact, or the longest number word
/// that prefixes it followed by a plausible suffix (at most four letters,
/// not another number word).
fn lower_word_value(lower: &str) -> Option<u64> {
    let all = || UNITS.iter().chain(TENS).chain(BIG);
    if let Some(&(_, v)) = all().find(|(name, _)| *name == lower) {
        return Some(v);
    }
    all()
        .filter(|(name, _)| lower.starts_with(name) && lower.len() - name.len() <= 8)
        .max_by_key(|(name, _)| name.len())
        .filter(|(name, _)| {
            let rest = &lower[name.len()..];
            !rest.is_empty() && rest.chars().count() <= 4 && word_value_exact(rest).is_none()
        })
        .map(|&(_, v)| v)
}

fn word_value_exact(w: &str) -> Option<u64> {
    UNITS
        .iter()
        .chain(TENS)
        .find(|(name, _)| *name == w)
        .map(|&(_, v)| v)
}

fn number_word(input: &str) -> IResult<&str, u64> {
    if !may_start_number_word(input) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    let end = input
        .char_indices()
        .find(|&(_, c)| !crate::chars::is_letter(c))
        .map_or(input.len(), |(i, _)| i);
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Alpha,
        )));
    }
    match word_value(&input[..end]) {
        Some(v) => Ok((&input[end..], v)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Parses a run of number words (`он бес`, `екі жүз жиырма`) at the start
/// of `input`; returns the rest and the value.
pub fn number_words(input: &str) -> IResult<&str, u64> {
    let (rest, first) = number_word(input)?;
    // Words are combined as they are read (no list of them is built).
    let (rest, (total, current)) = fold_many0(
        preceded(space1, number_word),
        move || add_word((0, 0), first),
        add_word,
    )
    .parse(rest)?;
    Ok((rest, total.saturating_add(current)))
}

/// Adds one word value to `(total, current)`: `екі жүз` = 2 × 100,
/// `он бес` = 10 + 5, `мың` closes a group of thousands.
fn add_word((total, current): (u64, u64), w: u64) -> (u64, u64) {
    match w {
        100 => (total, current.max(1).saturating_mul(w)),
        1000 => (total.saturating_add(current.max(1).saturating_mul(w)), 0),
        _ => (total, current.saturating_add(w)),
    }
}

/// Parses a decimal number at the start of `input`.
pub fn digits(input: &str) -> IResult<&str, u64> {
    map(nom::character::complete::digit1, |d: &str| {
        d.parse::<u64>().unwrap_or(u64::MAX)
    })
    .parse(input)
}

/// `15 (он бес)`: digits, optionally followed by the same number in words
/// in brackets. Returns the digit value and the word value when present.
pub fn digits_and_words(input: &str) -> IResult<&str, (u64, Option<u64>)> {
    let (rest, d) = digits(input)?;
    let (rest, w) = opt(preceded(
        nom::character::complete::space0,
        nom::sequence::delimited(
            (tag("("), nom::character::complete::space0),
            number_words,
            (nom::character::complete::space0, tag(")")),
        ),
    ))
    .parse(rest)?;
    Ok((rest, (d, w)))
}

/// Either digits (with optional words) or words alone.
pub fn quantity(input: &str) -> IResult<&str, u64> {
    alt((map(digits_and_words, |(d, _)| d), number_words)).parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<u64>) {
        let got = number_words(input).ok().map(|(_, v)| v);
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn every_number_word_passes_the_quick_test() {
        for (name, _) in UNITS.iter().chain(TENS).chain(BIG) {
            assert!(may_start_number_word(name), "{name}");
            let upper: String = name.to_uppercase();
            assert!(may_start_number_word(&upper), "{upper}");
        }
        assert!(!may_start_number_word("көрсетілетін"));
        assert!(!may_start_number_word("берушінің"));
        assert!(!may_start_number_word("алушы"));
        assert!(may_start_number_word("үш)"));
        assert!(may_start_number_word("он"));
        assert!(!may_start_number_word("мемлекеттік"));
        assert!(!may_start_number_word("б"));
    }

    #[test]
    fn units_and_tens_from_the_corpus() {
        check("бір", Some(1)); // 000:138
        check("екі", Some(2)); // 000:193
        check("үш", Some(3)); // 002:152
        check("төрт", Some(4)); // 002:161
        check("бес", Some(5)); // 002:157
        check("алты", Some(6)); // 000:130
        check("жеті", Some(7)); // 004:965
        check("сегіз", Some(8)); // 004:1254
        check("тоғыз", Some(9));
        check("он", Some(10)); // 000:107
        check("жиырма", Some(20)); // 002:149
        check("отыз", Some(30)); // 004:404
    }

    #[test]
    fn compounds() {
        check("он бес", Some(15)); // 000:124
        check("он жеті", Some(17)); // 004:414
        check("жиырма бес", Some(25));
        check("қырық екі", Some(42));
        check("тоқсан тоғыз", Some(99));
        check("жүз", Some(100));
        check("екі жүз жиырма", Some(220));
        check("мың", Some(1000));
        check("бір мың тоғыз жүз", Some(1900));
        check("екі мың он", Some(2010));
    }

    #[test]
    fn case_endings_and_non_numbers() {
        check("отыз минуттан", Some(30));
        check("онға", Some(10));
        check("минут", None);
        check("оны", Some(10)); // a pronoun looks like a number; callers look for a unit next
        check("", None);
    }

    #[test]
    fn digits_with_words() {
        assert_eq!(
            digits_and_words("15 (он бес) минут"),
            Ok((" минут", (15, Some(15))))
        );
        assert_eq!(
            digits_and_words("2 ( екі ) минут"),
            Ok((" минут", (2, Some(2))))
        );
        assert_eq!(digits_and_words("3 минут"), Ok((" минут", (3, None))));
        assert_eq!(quantity("он жұмыс"), Ok((" жұмыс", 10)));
        assert_eq!(digits("99999999999999999999999"), Ok(("", u64::MAX)));
    }
}
