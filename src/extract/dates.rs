//! Dates as the acts write them → ISO dates.
//!
//! Three formulas: `2018 жылғы 13 шілдедегі` (year, `жылғы`/`жылы`/`жылдың`
//! or `ж.`, day, month with any case ending: `шілдедегі`, `шілдеде`,
//! `қазанында`), `01.06.2020` (or year first, `2009.12.30`, as older notes
//! write it, or `2015 ж. 08.06`), and the first with the day in quotes
//! (`"13" шілдедегі`).
//! Months: қаңтар 1, ақпан 2, наурыз 3, сәуір 4, мамыр 5, маусым 6, шілде 7,
//! тамыз 8, қыркүйек 9, қазан 10, қараша 11, желтоқсан 12.
//!
//! ```text
//! before  "Әділет департаментінде 2018 жылы 19 қарашада № 4865 болып тіркелді"
//! after   2018-11-19 at bytes 46..78
//! ```

use std::fmt;
use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char as ch, digit1, space0, space1};
use nom::combinator::{opt, verify};
use nom::{IResult, Parser};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub use crate::chars::month;

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as written: the day may not exist in its month (`29 ақпан
/// 2018`); [`Date::exists`] tells.
fn make(year: &str, month: u8, day: &str) -> Option<Date> {
    let year: u16 = year.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(Date { year, month, day })
}

impl Date {
    /// Whether the day exists in its month and year.
    pub fn exists(&self) -> bool {
        self.day <= days_in(self.year, self.month)
    }
}

fn num(max_len: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i| verify(digit1, |d: &str| d.len() <= max_len).parse(i)
}

fn word(i: &str) -> IResult<&str, &str> {
    take_while1(crate::chars::is_letter).parse(i)
}

/// `2018 жылғы 13 шілдедегі`
fn verbal(i: &str) -> IResult<&str, Date> {
    let (i, year) = num(4).parse(i)?;
    let (i, _) = space1(i)?;
    let (i, _) = alt((tag("жылғы"), tag("жылдың"), tag("жылы"), tag("ж."))).parse(i)?;
    let (i, _) = space1(i)?;
    // The day may be quoted (`"27"`, `«27»`) or hyphenated (`1-наурыздағы`).
    let (i, _) = opt(alt((ch('"'), ch('«')))).parse(i)?;
    let (i, day) = num(2).parse(i)?;
    let (i, _) = opt(alt((ch('"'), ch('»'), ch('-')))).parse(i)?;
    let (i, _) = space0(i)?;
    let (rest, m) = word(i)?;
    made(i, rest, month(m).and_then(|m| make(year, m, day)))
}

/// `2015 ж. 08.06`: the year with its abbreviated word, then day and
/// month dotted, as some notes of the register write a date. The same
/// notes write month first too (`2015 ж. 05.21`, 21 May): when the day
/// and month cannot be read so, they are read the other way round.
fn year_then_dotted(i: &str) -> IResult<&str, Date> {
    let two = |i| verify(digit1, |d: &str| d.len() == 2).parse(i);
    let (i, year) = verify(digit1, |d: &str| d.len() == 4).parse(i)?;
    let (i, _) = (space1, tag("ж."), space1).parse(i)?;
    let (i, first) = two(i)?;
    let (i, _) = ch('.')(i)?;
    let (rest, second) = two(i)?;
    // Not a full dotted date (`2015 ж. 08.06.2015` is that date's).
    let longer = rest.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let day_month = month_number(second).and_then(|m| make(year, m, first));
    let month_day = || month_number(first).and_then(|m| make(year, m, second));
    made(i, rest, day_month.or_else(month_day).filter(|_| !longer))
}

/// A parser's result from the date it made: `rest` after it, or an error
/// at `i` when there is none (no such month, day or year).
fn made<'a>(i: &'a str, rest: &'a str, date: Option<Date>) -> IResult<&'a str, Date> {
    match date {
        Some(d) => Ok((rest, d)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// The month of `digits` (`06` → 6), for [`make`].
fn month_number(digits: &str) -> Option<u8> {
    digits.parse().ok()
}

/// `01.06.2020`, and the year first as the register's older notes write
/// it (`ҚР Үкіметінің 2009.12.30 N 2264 Қаулысымен`).
fn dotted(i: &str) -> IResult<&str, Date> {
    alt((day_first, year_first)).parse(i)
}

/// `2009.12.30`: a four-digit year, month, day of two digits each.
fn year_first(i: &str) -> IResult<&str, Date> {
    let two = |i| verify(digit1, |d: &str| d.len() == 2).parse(i);
    let (i, year) = verify(digit1, |d: &str| d.len() == 4).parse(i)?;
    let (i, _) = ch('.')(i)?;
    let (i, month) = two(i)?;
    let (i, _) = ch('.')(i)?;
    let (rest, day) = two(i)?;
    // Not the start of a longer number (`2009.12.301`, `2009.12.30.5`).
    let longer = rest.starts_with(|c: char| c.is_ascii_digit())
        || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    let date = month_number(month).and_then(|m| make(year, m, day));
    made(i, rest, date.filter(|_| !longer))
}

/// `01.06.2020`
fn day_first(i: &str) -> IResult<&str, Date> {
    let (i, day) = num(2).parse(i)?;
    let (i, _) = ch('.')(i)?;
    let (i, month) = num(2).parse(i)?;
    let (i, _) = ch('.')(i)?;
    let (rest, year) = verify(digit1, |d: &str| d.len() == 4).parse(i)?;
    let longer = rest.starts_with(|c: char| c.is_ascii_digit());
    // `13.07.2018 жылғы`, `13.07.2018 ж.`: the year's word belongs to the
    // date.
    let rest = [" жылғы", " ж."]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let date = month_number(month).and_then(|m| make(year, m, day));
    made(i, rest, date.filter(|_| !longer))
}

/// A date at the start of `input`.
pub fn date(input: &str) -> IResult<&str, Date> {
    verify(date_as_written, Date::exists).parse(input)
}

/// A date's formula at the start of `input`, whether or not its day exists.
fn date_as_written(input: &str) -> IResult<&str, Date> {
    alt((verbal, year_then_dotted, dotted)).parse(input)
}

/// Whether a date can start at `b` (a number's first digit): a year of at
/// most four digits and a space (`2018 жылғы`), or a day of at most two
/// and a dot (`01.06.2020`), or a year of four and a dot (`2009.12.30`).
/// Most numbers of a text are neither; this
/// rules them out before the parsers run.
fn may_start_date(b: &[u8]) -> bool {
    let digits = b.iter().take(5).take_while(|x| x.is_ascii_digit()).count();
    match b.get(digits) {
        // Every year word (`жылғы`, `жылы`, `жылдың`) starts with `жыл`.
        Some(b' ' | b'\t') => {
            let after = &b[digits..];
            let spaces = after
                .iter()
                .take_while(|&&x| x == b' ' || x == b'\t')
                .count();
            let word = &after[spaces..];
            digits <= 4 && word.starts_with("жыл".as_bytes())
                || digits == 4 && word.starts_with("ж.".as_bytes())
        }
        Some(b'.') => digits <= 2 || digits == 4,
        _ => false,
    }
}

/// Every date in `text`, with its byte range.
pub fn find_all(text: &str) -> Vec<(Range<usize>, Date)> {
    scan(text, date)
}

/// Every date's formula in `text`, with its byte range, including those
/// whose day does not exist (`2018 жылғы 29 ақпандағы`): a citation holds
/// them in place of a date, and the header's is reported.
pub fn find_as_written(text: &str) -> Vec<(Range<usize>, Date)> {
    scan(text, date_as_written)
}

fn scan(text: &str, date: impl Fn(&str) -> IResult<&str, Date>) -> Vec<(Range<usize>, Date)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Every date starts with a digit that starts a number; digits are rare
    // in the text, and found by a vectorized scan.
    let mut after_last = 0;
    for i in crate::chars::ascii_digits(bytes) {
        let starts_number = i == 0 || !bytes[i - 1].is_ascii_digit();
        if i < after_last || !starts_number || !may_start_date(&bytes[i..]) {
            continue;
        }
        if let Ok((rest, d)) = date(&text[i..]) {
            let end = text.len() - rest.len();
            out.push((i..end, d));
            after_last = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let got = date(input).ok().map(|(_, d)| d.to_string());
        assert_eq!(got.as_deref(), expected, "{input:?}");
    }

    #[test]
    fn formulas_from_the_corpus() {
        check("2018 жылғы 13 шілдедегі", Some("2018-07-13")); // 000:9
        check("2018 жылы 19 қарашада", Some("2018-11-19")); // 002:7
        check("2018 жылғы 31 шілдеде", Some("2018-07-31")); // 000:10
        check("2018 жылғы 04 қазандағы", Some("2018-10-04")); // 002:67
        check("2015 жылдың 27 қазанында", Some("2015-10-27")); // 002:40
        check("01.06.2020", Some("2020-06-01")); // 000:13
        check("14.05.2019", Some("2019-05-14")); // 002:24
        check("2009.12.30", Some("2009-12-30")); // year first, as older notes write it
        check("2009.12.301", None);
        check("2009.13.30", None);
        check("2009.02.30", None);
        check("2009.12.30.5", None);
        // The year's abbreviated word, then day and month.
        check("2015 ж. 08.06", Some("2015-06-08"));
        check("2015 ж. 8 маусымдағы", Some("2015-06-08"));
        check("2015 ж. 31.06", None);
        // Month first when day first cannot be (Almaty's note of 21 May 2015).
        check("2015 ж. 05.21", Some("2015-05-21"));
        check("2015 ж. 13.13", None);
        check("2015 ж. 08.06.2015", None);
        check("2016 жылғы 15 сәуірдегі", Some("2016-04-15")); // 004:7
        check("2017 жылғы 28 желтоқсанда", Some("2017-12-28")); // 000:27
    }

    #[test]
    fn a_dotted_date_with_its_year_word() {
        for (input, rest) in [
            ("13.07.2018 жылғы № 164", " № 164"),
            ("13.07.2018 ж. № 164", " № 164"),
            ("13.07.2018 № 164", " № 164"),
            ("13.07.2018 жылы", " жылы"),
        ] {
            let (left, d) = date(input).expect(input);
            assert_eq!((d.to_string().as_str(), left), ("2018-07-13", rest));
        }
    }

    #[test]
    fn days_that_do_not_exist() {
        check("2018 жылғы 29 ақпандағы", None);
        check("2016 жылғы 29 ақпандағы", Some("2016-02-29"));
        check("31.04.2019", None);
        check("2019 жылғы 32 наурыздағы", None);
        let text = "№ 85 2018 жылғы 29 ақпандағы және 2019 жылғы 1 наурыздағы";
        assert_eq!(find_all(text).len(), 1);
        let written: Vec<(String, bool)> = find_as_written(text)
            .into_iter()
            .map(|(r, d)| (text[r].to_owned(), d.exists()))
            .collect();
        assert_eq!(
            written,
            [
                ("2018 жылғы 29 ақпандағы".to_owned(), false),
                ("2019 жылғы 1 наурыздағы".to_owned(), true)
            ]
        );
    }

    #[test]
    fn a_quoted_or_hyphenated_day() {
        check("2019 жылғы «27» тамыздағы", Some("2019-08-27"));
        check("2019 жылғы \"27\" тамыздағы", Some("2019-08-27"));
        check("2019 жылғы 1-наурыздағы", Some("2019-03-01"));
        check("2019 жылғы 1- наурыздағы", Some("2019-03-01"));
        check("2019 жылғы 1-тармағы", None);
    }

    #[test]
    fn every_month_with_case_endings() {
        let cases = [
            ("қаңтардағы", 1),
            ("ақпандағы", 2),
            ("наурыздағы", 3),
            ("сәуірдегі", 4),
            ("мамырда", 5),
            ("маусымдағы", 6),
            ("шілдедегі", 7),
            ("тамыздағы", 8),
            ("қыркүйекте", 9),
            ("қазанда", 10),
            ("қарашадағы", 11),
            ("желтоқсандағы", 12),
        ];
        for (w, m) in cases {
            assert_eq!(month(w), Some(m), "{w}");
            check(
                &format!("2020 жылғы 1 {w}"),
                Some(&format!("2020-{m:02}-01")),
            );
        }
    }

    #[test]
    fn month_stems_spell_the_months() {
        let stems = [
            "қаңтар",
            "ақпан",
            "наурыз",
            "сәуір",
            "мамыр",
            "маусым",
            "шілде",
            "тамыз",
            "қыркүйек",
            "қазан",
            "қараша",
            "желтоқсан",
        ];
        for (stem, letters) in stems.iter().zip(crate::chars::MONTHS) {
            assert_eq!(stem.chars().collect::<Vec<_>>(), letters, "{stem}");
            assert!(letters.len() <= 9);
        }
    }

    #[test]
    fn month_words_in_any_case() {
        assert_eq!(month("Қаңтардағы"), Some(1));
        assert_eq!(month("ШІЛДЕДЕГІ"), Some(7));
        assert_eq!(month("желтоқсан"), Some(12));
        assert_eq!(month("шіл"), None);
        assert_eq!(month(""), None);
    }

    #[test]
    fn quoted_day_and_bad_dates() {
        check("2018 жылғы \"13\" шілдедегі", Some("2018-07-13"));
        check("2019 жылғы 29 ақпандағы", None);
        check("2018 жылғы 32 шілдедегі", None);
        check("31.02.2020", None);
        check("2018 жылғы 13 минутта", None);
        check("01.06.20201", None);
    }

    /// `find_all` by definition: a date tried at every byte that starts a
    /// number.
    fn find_all_byte_by_byte(text: &str) -> Vec<(Range<usize>, Date)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
                if let Ok((rest, d)) = date(&text[i..]) {
                    out.push((i..text.len() - rest.len(), d));
                    i = text.len() - rest.len();
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    #[test]
    fn find_all_agrees_with_the_byte_by_byte_search() {
        let mut found = 0;
        for name in [
            "000_e8b092f41b6b2e75",
            "002_c1cbb27e839fa933",
            "004_e9cea40fad9b84a2",
        ] {
            let path = format!("{}/corpus/{name}.txt", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for line in text.lines() {
                let want = find_all_byte_by_byte(line);
                assert_eq!(find_all(line), want, "{line:?}");
                found += want.len();
            }
        }
        assert!(found > 50, "{found}");
        // Dates at the start, back to back and split over the 32-byte chunks.
        for pad in 0..40 {
            let t = format!(
                "{}01.06.2020, 2018 жылы 19 қарашада 14.05.2019",
                "ж".repeat(pad)
            );
            assert_eq!(find_all(&t), find_all_byte_by_byte(&t), "{t:?}");
            assert_eq!(find_all(&t).len(), 3, "{t:?}");
        }
        // A date is read only from the start of a number.
        for t in ["101.06.2020", "12018 жылы 19 қарашада", "№ 5101.06.2020"] {
            assert_eq!(find_all(t), Vec::new(), "{t:?}");
            assert_eq!(find_all_byte_by_byte(t), Vec::new(), "{t:?}");
        }
    }

    #[test]
    fn find_all_gives_ranges() {
        let text =
            "Әділет департаментінде 2018 жылы 19 қарашада № 4865 болып тіркелді, 01.06.2020 №";
        let found = find_all(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].0.clone()], "2018 жылы 19 қарашада");
        assert_eq!(found[1].1.to_string(), "2020-06-01");
    }
}
