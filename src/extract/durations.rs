//! Durations of procedure steps: value, unit and bound.
//!
//! The genre writes a number in digits and again in words, then a unit and
//! often `ішінде` ('within'): `15 (он бес) минут ішінде`, `1 (бір) жұмыс күні`,
//! `3 (үш) сағат`. Variants: words only (`он жұмыс күні ішінде`,
//! `отыз минуттан аспайды`), digits only (`– 10 минут`), `жұмыс күн` without
//! its suffix, a glued bracket (`(бір)минут`), a maximum
//! (`ең ұзақ уақыты – 10 минут`, `… минуттан аспайды`, `… артық емес`,
//! `… кешіктірмей`), calendar days
//! (`күнтізбелік он күн`), hours and minutes together (`1 (бір) сағат 30
//! (отыз) минут` is 90 minutes). A phrase followed by `бұрын` ('before'),
//! `өткен соң` ('after … passed') or `ұзартылады` ('is extended by') is not
//! a step's duration and is skipped.
//!
//! ```text
//! before  "көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде бұрыштама қояды"
//! after   {value: 15, unit: minute, bound: within, text: "15 (он бес) минут"}
//! ```

use std::ops::Range;

use crate::chars::Needle;

use super::numbers;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    WorkingDay,
    CalendarDay,
    Month,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::WorkingDay => "working_day",
            Unit::CalendarDay => "calendar_day",
            Unit::Month => "month",
        }
    }

    /// Minutes in one unit, with a working day of 8 hours.
    pub fn minutes(self) -> u64 {
        match self {
            Unit::Minute => 1,
            Unit::Hour => 60,
            Unit::WorkingDay => 8 * 60,
            Unit::Day | Unit::CalendarDay => 24 * 60,
            Unit::Month => 30 * 24 * 60,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Within,
    Max,
}

impl Bound {
    pub fn name(self) -> &'static str {
        match self {
            Bound::Within => "within",
            Bound::Max => "max",
        }
    }
}

/// A duration phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    pub value: u64,
    pub unit: Unit,
    pub bound: Option<Bound>,
    /// The phrase as written, without the bound word (`15 (он бес) минут`).
    pub span: Range<usize>,
    /// The digits and the words in brackets give different numbers.
    pub words_disagree: bool,
    /// `шінде`: the bound word lost its first letter in extraction.
    pub damaged_bound: bool,
}

/// The unit at the start of `s`: its kind and length in bytes.
fn unit(s: &str) -> Option<(Unit, usize)> {
    let word_end = |s: &str| s.find([' ', ',', '.', ';', ')', ':']).unwrap_or(s.len());
    let w = &s[..word_end(s)];
    if w.starts_with("минут") {
        return Some((Unit::Minute, w.len()));
    }
    if w.starts_with("сағат") {
        return Some((Unit::Hour, w.len()));
    }
    if w == "жұмыс" {
        let rest = &s[w.len()..];
        let rest_t = rest.trim_start();
        let next = &rest_t[..word_end(rest_t)];
        if next.starts_with("күн") {
            return Some((Unit::WorkingDay, s.len() - rest_t.len() + next.len()));
        }
        return None;
    }
    if w == "күнтізбелік" {
        let rest_t = s[w.len()..].trim_start();
        let next = &rest_t[..word_end(rest_t)];
        if next.starts_with("күн") {
            return Some((Unit::CalendarDay, s.len() - rest_t.len() + next.len()));
        }
        return None;
    }
    if w.starts_with("тәулік") || (w.starts_with("күн") && w.chars().count() <= 6) {
        return Some((Unit::Day, w.len()));
    }
    if w == "ай"
        || w.starts_with("айға")
        || w.starts_with("айдан")
        || w.starts_with("айлық")
        || w == "айда"
    {
        return Some((Unit::Month, w.len()));
    }
    None
}

/// Tries a duration phrase at the start of `s`.
fn phrase(s: &str) -> Option<(u64, Option<u64>, Unit, usize)> {
    let parsed: nom::IResult<&str, (u64, Option<u64>)> = numbers::digits_and_words(s);
    let (rest, value, words) = match parsed {
        Ok((rest, (d, w))) => (rest, d, w),
        Err(_) => {
            let (rest, v) = numbers::number_words(s).ok()?;
            (rest, v, None)
        }
    };
    // `(бір)минут`: allow no space after the bracket; `он күнтізбелік күн`.
    let rest_t = rest.trim_start();
    let (unit, ulen) = unit(rest_t)?;
    Some((value, words, unit, s.len() - rest_t.len() + ulen))
}

fn followed_by(s: &str, words: &[&str]) -> bool {
    let s = s.trim_start_matches([' ', ',']);
    words.iter().any(|w| s.starts_with(w))
}

/// `күнтізбелік он күн`: the calendar word before the number.
fn calendar_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].trim_end();
    before.strip_suffix("күнтізбелік").map(|b| b.len())
}

/// Every step duration in `text`, in order.
pub fn find_all(text: &str) -> Vec<Duration> {
    let mut out = Vec::new();
    // A phrase ends in a unit, so none starts past the last place a unit
    // word could start (most texts hold none at all).
    let Some(last_unit) = last_unit_start(text) else {
        return out;
    };
    let b = text.as_bytes();
    // Where the last phrase found ends: no new one starts inside it.
    let mut from = 0;
    for pos in word_starts(b) {
        if pos > last_unit || pos >= text.len() {
            break;
        }
        if pos < from {
            continue;
        }
        // A word start is a character boundary (it follows an ASCII byte
        // or a whole `–`).
        if b[pos].is_ascii_digit() || numbers::may_start_number_word(&text[pos..]) {
            if let Some((value, words, mut unit, len)) = phrase(&text[pos..]) {
                let mut start = pos;
                if let Some(cal) = calendar_before(text, pos) {
                    if unit == Unit::Day {
                        unit = Unit::CalendarDay;
                        start = cal;
                    }
                }
                let end = pos + len;
                let after = &text[end..];
                if followed_by(after, &["бұрын", "өткен соң", "ұзартылады", "кейін"])
                {
                    from = end;
                    continue;
                }
                let mut bound = None;
                let mut damaged_bound = false;
                let after_t = after.trim_start();
                if after_t.starts_with("ішінде") {
                    bound = Some(Bound::Within);
                } else if after_t.starts_with("шінде") {
                    bound = Some(Bound::Within);
                    damaged_bound = true;
                } else if after_t.starts_with("аспайды")
                    || ablative(&text[pos..end])
                        && ["аспа", "артық емес", "кешіктірмей"]
                            .iter()
                            .any(|w| after_t.starts_with(w))
                {
                    // 'does not exceed', 'not more than', 'not later than'.
                    bound = Some(Bound::Max);
                }
                let before = text[..start]
                    .trim_end()
                    .trim_end_matches(['–', '-', '—'])
                    .trim_end();
                if before.ends_with("ең ұзақ уақыты") || before.ends_with("ең ұзақ уақыт")
                {
                    bound = Some(Bound::Max);
                }
                let words_disagree = words.is_some_and(|w| w != value);
                // Hours and then minutes are one duration (`1 (бір) сағат 30
                // (отыз) минут` is 90 minutes).
                if let Some(hours) = out.last_mut().filter(|d| {
                    d.unit == Unit::Hour
                        && unit == Unit::Minute
                        && d.bound.is_none()
                        && text[d.span.end..start].trim_matches(' ').is_empty()
                }) {
                    hours.value = hours.value.saturating_mul(60).saturating_add(value);
                    hours.unit = Unit::Minute;
                    hours.bound = bound;
                    hours.span.end = end;
                    hours.words_disagree |= words_disagree;
                    hours.damaged_bound = damaged_bound;
                    from = end;
                    continue;
                }
                out.push(Duration {
                    value,
                    unit,
                    bound,
                    span: start..end,
                    words_disagree,
                    damaged_bound,
                });
                from = end;
            }
        }
    }
    out
}

/// The places where a word starts, in order: the text's start and every
/// byte after a space, `(`, `-`, `–` (E2 80 93) or `—` (E2 80 94), found
/// with `memchr` instead of testing every byte.
fn word_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut ascii = memchr::memchr3_iter(b' ', b'(', b'-', b).peekable();
    // 0x93 and 0x94 also end `ғ`, `ҙ` and other letters: only a whole
    // dash counts.
    let mut dashes = memchr::memchr2_iter(0x93, 0x94, b)
        .filter(move |&i| i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80)
        .peekable();
    // The two lists are sorted and never share a position: merge them.
    let separators = std::iter::from_fn(move || match (ascii.peek(), dashes.peek()) {
        (Some(&a), Some(&d)) if d < a => dashes.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => dashes.next(),
    });
    std::iter::once(0).chain(separators.map(|i| i + 1))
}

/// The byte offset of the last place where [`unit`] could match: the last
/// occurrence of a unit word's stem (`күн` also starts `күнтізбелік`, and
/// `жұмыс` needs a `күн` after it). Each stem is searched for forwards
/// with a searcher built once (SIMD): cheaper than testing every byte
/// backwards, and than searching backwards (no SIMD there).
fn last_unit_start(text: &str) -> Option<usize> {
    static STEMS: [Needle; 5] = [
        Needle::new("минут"),
        Needle::new("сағат"),
        Needle::new("күн"),
        Needle::new("тәулік"),
        Needle::new("ай"),
    ];
    let b = text.as_bytes();
    STEMS
        .iter()
        .filter_map(|stem| stem.find_iter(b).last())
        .max()
}

/// Whether a unit word is in the ablative ('than', 'from'), as before
/// `аспайды`: `минуттан`, `сағаттан`, `күнінен`.
fn ablative(unit_word: &str) -> bool {
    ["тан", "тен", "нан", "нен", "дан", "ден"]
        .iter()
        .any(|e| unit_word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[(u64, &str, Option<&str>, &str)]) {
        let got: Vec<_> = find_all(text)
            .into_iter()
            .map(|d| {
                (
                    d.value,
                    d.unit.name(),
                    d.bound.map(Bound::name),
                    text[d.span].to_owned(),
                )
            })
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|&(v, u, b, t)| (v, u, b, t.to_owned()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    /// Word starts by definition: the start, and after every ` `, `(`,
    /// `-`, `–` or `—`.
    fn plain_word_starts(text: &str) -> Vec<usize> {
        let mut out = vec![0];
        for (i, c) in text.char_indices() {
            if matches!(c, ' ' | '(' | '-' | '–' | '—') {
                out.push(i + c.len_utf8());
            }
        }
        out
    }

    #[test]
    fn last_unit_start_is_the_last_stem() {
        let plain = |text: &str| {
            let stems = ["минут", "сағат", "күн", "тәулік", "ай"];
            (0..text.len()).rev().find(|&i| {
                stems
                    .iter()
                    .any(|s| text.as_bytes()[i..].starts_with(s.as_bytes()))
            })
        };
        for text in [
            "",
            "ай",
            "15 (он бес) минут ішінде қабылдайды",
            "1 (бір) жұмыс күні ішінде",
            "тәулік бойы сағат",
            "құжаттарды тексереді",
        ] {
            assert_eq!(last_unit_start(text), plain(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_scans_agree_with_plain_ones_on_any_text(text in "[ (\\-–—а-яәқүі0-9]{0,60}") {
            proptest::prop_assert_eq!(word_starts(text.as_bytes()).collect::<Vec<_>>(), plain_word_starts(&text));
            let stems = ["минут", "сағат", "күн", "тәулік", "ай"];
            let plain = (0..text.len())
                .rev()
                .find(|&i| stems.iter().any(|s| text.as_bytes()[i..].starts_with(s.as_bytes())));
            proptest::prop_assert_eq!(last_unit_start(&text), plain);
        }
    }

    #[test]
    fn word_starts_found_by_memchr_are_the_plain_ones() {
        for text in [
            "",
            " ",
            "15 (он бес) минут ішінде",
            "ең ұзақ уақыты – 10 минут",
            "–бір",
            "а–б-в(г д  е–",
            "(бір)минут – – 3",
            "танысады—2 (екі) сағат",
            "ғ— ҙ–",
        ] {
            assert_eq!(
                word_starts(text.as_bytes()).collect::<Vec<_>>(),
                plain_word_starts(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn digits_words_unit_bound() {
        check(
            "1) көрсетілетін қызметті берушінің кеңсе қызметкері қажетті құжаттар тапсырылған сәттен бастап 15 (он бес) минут ішінде оларды қабылдауды",
            &[(15, "minute", Some("within"), "15 (он бес) минут")],
        ); // 000:124
        check(
            "жолдау – 3 (үш) сағат. Нәтижесі -",
            &[(3, "hour", None, "3 (үш) сағат")],
        ); // 002:152
        check(
            "1 (бір) жұмыс күні ішінде мемлекеттік",
            &[(1, "working_day", Some("within"), "1 (бір) жұмыс күні")],
        ); // 000:138
        check(
            "басшысы 1 (бір) жұмыс күн ішінде құжаттарын",
            &[(1, "working_day", Some("within"), "1 (бір) жұмыс күн")],
        ); // 004:151
        check(
            "жүзеге асырады -30 (отыз) минут.",
            &[(30, "minute", None, "30 (отыз) минут")],
        ); // 004:954
        check(
            "(1 (бір) минут ішінде);",
            &[(1, "minute", Some("within"), "1 (бір) минут")],
        ); // 000:198
        check(
            "сағат ішінде жолдайды 4 (төрт) сағат ішінде",
            &[(4, "hour", Some("within"), "4 (төрт) сағат")],
        );
    }

    #[test]
    fn words_only_max_and_calendar() {
        check(
            "осы қаулы мемлекеттік тіркеуден өткеннен кейін он жұмыс күні ішінде",
            &[(10, "working_day", Some("within"), "он жұмыс күні")],
        ); // 002:55
        check(
            "ең ұзақ уақыты – 10 минут, Мемлекеттік корпорацияға",
            &[(10, "minute", Some("max"), "10 минут")],
        ); // 004:129
        check(
            "күту уақыты отыз минуттан аспайды",
            &[(30, "minute", Some("max"), "отыз минуттан")],
        );
        // 'Not more than', 'not later than', after any unit.
        check(
            "2 (екі) сағаттан артық емес",
            &[(2, "hour", Some("max"), "2 (екі) сағаттан")],
        );
        check(
            "10 (он) минуттан кешіктірмей жолдайды",
            &[(10, "minute", Some("max"), "10 (он) минуттан")],
        );
        check(
            "2 (екі) жұмыс күнінен аспайды",
            &[(2, "working_day", Some("max"), "2 (екі) жұмыс күнінен")],
        );
        check("15 (он бес) минуттан кейін", &[]);
        check(
            "тіркелген күннен бастап күнтізбелік он күн ішінде",
            &[(10, "calendar_day", Some("within"), "күнтізбелік он күн")],
        ); // 002:47
    }

    #[test]
    fn damaged_forms() {
        // An em dash glued to the number.
        check(
            "құжаттармен танысады—2 (екі) сағат ішінде;",
            &[(2, "hour", Some("within"), "2 (екі) сағат")],
        );
        check(
            "қол қояды -1 (бір)минут ішінде",
            &[(1, "minute", Some("within"), "1 (бір)минут")],
        ); // 004:1569
        let d = &find_all("береді – 1 (бір) минут шінде;")[0]; // 004:1891
        assert!(d.damaged_bound);
        assert_eq!(d.bound, Some(Bound::Within));
        let d = &find_all("5 (алты) жұмыс күні")[0];
        assert!(d.words_disagree);
    }

    #[test]
    fn hours_and_minutes_are_one_duration() {
        check(
            "береді – 1 (бір) сағат 30 (отыз) минут ішінде;",
            &[(
                90,
                "minute",
                Some("within"),
                "1 (бір) сағат 30 (отыз) минут",
            )],
        );
        check(
            "2 сағат 15 минуттан аспайды",
            &[(135, "minute", Some("max"), "2 сағат 15 минуттан")],
        );
        // Apart, they stay two.
        check(
            "1 (бір) сағат; 30 (отыз) минут",
            &[
                (1, "hour", None, "1 (бір) сағат"),
                (30, "minute", None, "30 (отыз) минут"),
            ],
        );
    }

    #[test]
    fn two_durations_in_one_step() {
        check(
            "қол қоюға жолдау – 1 (бір) жұмыс күні, көрсетілетін қызметті берушінің орналасқан жері бойынша емес – 5 (бес) жұмыс күні. Нәтижесі",
            &[(1, "working_day", None, "1 (бір) жұмыс күні"), (5, "working_day", None, "5 (бес) жұмыс күні")],
        ); // 002:156-157
    }

    #[test]
    fn not_step_durations() {
        check("жағдайларда 1 (бір) айға ұзартылады.", &[]); // 004:381
        check("аяқталғаннан бір тәулік бұрын жеткізуді", &[]); // 000:111
        check("күнтізбелік он күн өткен соң қолданысқа енгізіледі", &[]); // 000:45
        check("Стандарттың 9-тармағында көрсетілген", &[]);
        check("4) ауылдық округ әкімі ішінде көрсетілетін", &[]); // 004:970
        check("1-процесс – мемлекеттік", &[]);
    }

    #[test]
    fn unit_minutes() {
        assert_eq!(Unit::WorkingDay.minutes(), 480);
        assert_eq!(Unit::Hour.minutes(), 60);
    }
}
