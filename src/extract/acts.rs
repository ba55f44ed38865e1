//! Act citations: the act itself (header), its registration, its repeal,
//! and every citation of another act.
//!
//! A citation is a type word (`қаулысы`, `бұйрығымен`, `Заңдарына` …) with
//! the parts that identify the act in front of it, in any of the orders the
//! genre uses: issuer–date–number–title (`Батыс Қазақстан облысы
//! әкімдігінің 2017 жылғы 5 желтоқсандағы №310 "…" қаулысына`),
//! title–date–issuer (`"…" 2013 жылғы 15 сәуірдегі Қазақстан Республикасы
//! Заңының`), date–number–title–register–issuer. A parenthesis with `№ N
//! (болып) тіркелген/тіркелді` or `тізілімінде №N` gives the registration
//! number; dates and numbers inside other parentheses (publication notes)
//! are not the act's. A plural type word (`Заңдарына`) covering several
//! titles yields one citation per title. A joint act (`… № 260 және …
//! № 110 бірлескен бұйрығы`) is one citation, named by its first act's
//! issuer, date and number. The issuer is put in the nominative
//! (`әкімдігінің` → `әкімдігі`), and a region is read from it.
//!
//! ```text
//! before  "Күші жойылды - Батыс Қазақстан облысы әкімдігінің 2020 жылғы 1 маусымдағы № 120 қаулысымен"
//! after   {type: resolution, issuer: "Батыс Қазақстан облысы әкімдігі", region: "Батыс Қазақстан облысы",
//!          date: 2020-06-01, number: "120"}
//! ```

use std::ops::Range;

use crate::chars::{split_spaces, Needle};

use super::dates::{self, Date};

/// The kinds of act the genre cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActType {
    Resolution,
    Decision,
    Order,
    Law,
    Code,
    Decree,
    Other,
}

impl ActType {
    pub fn name(self) -> &'static str {
        match self {
            ActType::Resolution => "resolution",
            ActType::Decision => "decision",
            ActType::Order => "order",
            ActType::Law => "law",
            ActType::Code => "code",
            ActType::Decree => "decree",
            ActType::Other => "other",
        }
    }
}

/// Whether `w` starts with the bytes of a stem's first letter: every stem
/// of [`type_word`] starts with қ, ш, б, з, к, ж or ө, in either case. Most
/// words are ruled out here, before any character is decoded.
fn starts_like_a_stem(w: &[u8]) -> bool {
    matches!(
        w,
        [
            0xD0,
            0x91 | 0xB1 | 0x96 | 0xB6 | 0x97 | 0xB7 | 0x9A | 0xBA | 0xA8,
            ..
        ] | [0xD1, 0x88, ..]
            | [0xD2, 0x9A | 0x9B, ..]
            | [0xD3, 0xA8 | 0xA9, ..]
    )
}

/// The act type of a word, if it is a type word (any case ending).
pub fn type_word(w: &str) -> Option<ActType> {
    if !starts_like_a_stem(w.as_bytes()) {
        return None;
    }
    // The first two letters rule out most of the rest (`көрсетілетін`,
    // `қызметті`, `бойынша` start like no stem below).
    let mut cs = w.chars();
    let first = cs.next().map(crate::chars::lower)?;
    let second = cs.next().map(crate::chars::lower)?;
    if !matches!(
        (first, second),
        ('қ', 'а') | ('ш', 'е') | ('б', 'ұ') | ('з', 'а') | ('к', 'о') | ('ж', 'а') | ('ө', 'к')
    ) {
        return None;
    }
    // Case-folded prefix test on the first letters (no stem below is
    // longer than six), without building the lower-case word.
    let mut head = ['\0'; 6];
    for (slot, c) in head.iter_mut().zip(w.chars()) {
        *slot = crate::chars::lower(c);
    }
    let t = |p: &str| {
        p.chars()
            .enumerate()
            .all(|(i, pc)| head.get(i) == Some(&pc))
    };
    if t("қаулы") {
        Some(ActType::Resolution)
    } else if t("шешім") {
        Some(ActType::Decision)
    } else if t("бұйрығ") || t("бұйрық") {
        Some(ActType::Order)
    } else if (t("заң") && !t("заңды") && !t("заңна") && !t("заңсыз")) && w.starts_with('З')
    {
        Some(ActType::Law)
    } else if t("кодекс") {
        Some(ActType::Code)
    } else if t("жарлығ") || t("жарлық") {
        Some(ActType::Decree)
    } else if t("өкім") && !t("өкіл") {
        Some(ActType::Other)
    } else {
        None
    }
}

fn is_plural_type(w: &str) -> bool {
    let lower = w.to_lowercase();
    ["дар", "дер", "тар", "тер", "лар", "лер"].iter().any(|p| {
        lower
            .char_indices()
            .any(|(i, _)| lower[i..].starts_with(p) && i >= 3)
    }) && (lower.contains("заңдар")
        || lower.contains("қаулылар")
        || lower.contains("бұйрықтар")
        || lower.contains("шешімдер"))
}

/// A cited act, with byte ranges in the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub span: Range<usize>,
    pub act_type: ActType,
    /// The type word as written (`қаулысына`).
    pub type_text: Range<usize>,
    /// Nominative issuer (`Батыс Қазақстан облысы әкімдігі`).
    pub issuer: Option<String>,
    pub region: Option<String>,
    pub date: Option<Date>,
    pub number: Option<String>,
    pub registration_number: Option<String>,
    /// The quoted title, without its quotes.
    pub title: Option<Range<usize>>,
}

#[derive(Debug, Clone)]
enum Part {
    Title(Range<usize>),
    Date(Range<usize>, Date),
    /// The `№ …` range, and the number's own.
    Number(Range<usize>, Range<usize>),
    /// A date whose day does not exist (`2018 жылғы 29 ақпандағы`): part
    /// of the citation, but no date.
    NoDate(Range<usize>),
}

impl Part {
    fn range(&self) -> Range<usize> {
        match self {
            Part::Title(r) | Part::Date(r, _) | Part::Number(r, _) | Part::NoDate(r) => r.clone(),
        }
    }
}

/// Byte ranges of parentheses (outermost) in `text`.
fn parens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    // Parentheses are ASCII: found by their bytes (SIMD), not by decoding
    // every character.
    for i in memchr::memchr2_iter(b'(', b')', text.as_bytes()) {
        match text.as_bytes()[i] {
            b'(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    out
}

fn is_opening_quote(text: &str, i: usize) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + 1..].chars().next();
    prev.is_none_or(|p| p == ' ' || p == '(' || p == '«' || p == '"' || p == '–' || p == '-')
        && next.is_some_and(|n| crate::chars::is_alnum(n) || n == '"' || n == '«')
}

/// The quotes of `text`: byte offset, length and whether it opens. A `"`
/// opens or closes by its neighbours; `«` opens and `»` closes (titles are
/// quoted either way: `"Мемлекеттік көрсетілетін қызметтер туралы"`,
/// `«Мемлекеттік көрсетілетін қызметтер туралы»`).
fn quote_marks(text: &str) -> Vec<(usize, usize, bool)> {
    let b = text.as_bytes();
    // `«` and `»` are C2 AB and C2 BB; C2 leads no Kazakh letter.
    memchr::memchr2_iter(b'"', 0xC2, b)
        .filter_map(|i| match (b[i], b.get(i + 1)) {
            (b'"', _) => Some((i, 1, is_opening_quote(text, i))),
            (_, Some(0xAB)) => Some((i, 2, true)),
            (_, Some(0xBB)) => Some((i, 2, false)),
            _ => None,
        })
        .collect()
}

/// Quoted titles in `text` (ranges include the quotes). An opening quote
/// closes at the first closing quote that brings the depth back to zero; if
/// the text there does not end with `туралы` but a later closing quote of the
/// same clause does, the title extends to it (nested names inside titles).
pub fn quoted(text: &str) -> Vec<Range<usize>> {
    let quotes = quote_marks(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < quotes.len() {
        let (start, _, opening) = quotes[k];
        if !opening {
            k += 1;
            continue;
        }
        let mut depth = 0i32;
        let mut end: Option<usize> = None;
        let mut j = k;
        while j < quotes.len() {
            let (_, _, op) = quotes[j];
            if op {
                depth += 1;
            } else {
                depth -= 1;
            }
            if depth <= 0 {
                end = Some(j);
                break;
            }
            j += 1;
        }
        let Some(mut e) = end else {
            k += 1;
            continue;
        };
        // Extend to a later `туралы"` when this one does not end the title.
        let ends_tural = |q: usize| text[..quotes[q].0].trim_end().ends_with("туралы");
        if !ends_tural(e) {
            let mut q = e + 1;
            while q < quotes.len() && !quotes[q].2 {
                let between = &text[quotes[e].0..quotes[q].0];
                if between.contains(['(', ')', ';']) || between.contains(". ") {
                    break;
                }
                if ends_tural(q) {
                    e = q;
                    break;
                }
                q += 1;
            }
        }
        out.push(start..quotes[e].0 + quotes[e].1);
        k = e + 1;
    }
    out
}

/// `№ 164`, `№164` → "164"; `№ А-3/85` → "А-3/85"; `№ ҚР ДСМ-210/2020`
/// → "ҚРДСМ-210/2020" (the contract's numbers hold no spaces).
/// `№`, by a searcher built once: `match_indices('№')` and `contains('№')`
/// stop at every byte 96, the last of `№` but also of `і`, the commonest
/// Kazakh letter.
static NUMBER_SIGN: Needle = Needle::new("№");

/// The number signs of `text`, in order: where each starts, and its length.
/// The sign is `№`, or a Latin `N` standing alone before digits, as many
/// acts of the register write it (`2012 жылғы 26 маусымдағы N 856
/// қаулысы`, `тізілімінде N 7953 тіркелген`). A Latin `N` counts only as a
/// word of its own followed by a number: `N-қосымша` and words holding `N`
/// are no sign.
fn number_signs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    // `№` is E2 84 96; one search finds both signs' first bytes.
    memchr::memchr2_iter(b'N', 0xE2, b).filter_map(move |i| {
        if b[i] == 0xE2 {
            return b[i..]
                .starts_with("№".as_bytes())
                .then_some((i, '№'.len_utf8()));
        }
        let alone = i == 0 || matches!(b[i - 1], b' ' | b'(' | b'\n');
        let after = &text[i + 1..];
        let rest = after.trim_start_matches(' ');
        let number =
            rest.as_bytes().first().is_some_and(u8::is_ascii_digit) || code_prefix(rest) > 0;
        (alone && number).then_some((i, 1))
    })
}

/// The `№ …` numbers of `text`: the range from `№` to the number's end, and
/// the number's own range (`№ 164` → `164`).
fn numbers(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    for (i, sign) in number_signs(text) {
        let after = &text[i + sign..];
        let ws = after.len() - after.trim_start_matches(' ').len();
        let rest = &after[ws..];
        // A code in capitals before the digits, as ministries and some
        // akimats number their acts (`А-3/85`, `ҚР ДСМ-210/2020`).
        let code = code_prefix(rest);
        // Digits, then parts joined by `-` or `/` (`1/120`, `25-3`, `88-V`).
        let digits = rest[code..].bytes().take_while(u8::is_ascii_digit).count();
        let mut len = if digits > 0 { code + digits } else { 0 };
        while len > 0 {
            let tail = &rest[len..];
            let Some(sep) = tail.chars().next().filter(|c| matches!(c, '/' | '-')) else {
                break;
            };
            let part: usize = tail[1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || crate::chars::is_letter(*c))
                .map(char::len_utf8)
                .sum();
            if part == 0 || part > 12 {
                break;
            }
            len += sep.len_utf8() + part;
        }
        if len > 0 {
            let end = i + sign + ws + len;
            out.push((i..end, end - len..end));
        }
    }
    out
}

/// The length of the capital-letter code that starts a number, with the
/// `-` after it (`А-` of `А-3/85`, `ҚР ДСМ-` of `ҚР ДСМ-210/2020`): one or
/// two words of one to six capitals, the last joined to the digits by a
/// hyphen. Zero when `rest` does not start so.
fn code_prefix(rest: &str) -> usize {
    let capitals = |s: &str| -> usize {
        let n: usize = s
            .chars()
            .take_while(|c| c.is_uppercase() && crate::chars::is_letter(*c))
            .take(7)
            .map(char::len_utf8)
            .sum();
        if s[..n].chars().count() > 6 {
            0
        } else {
            n
        }
    };
    let first = capitals(rest);
    if first == 0 {
        return 0;
    }
    let mut end = first;
    if rest[end..].starts_with(' ') {
        let second = capitals(&rest[end + 1..]);
        if second > 0 {
            end += 1 + second;
        }
    }
    let digit_after = |at: usize| rest.as_bytes().get(at).is_some_and(u8::is_ascii_digit);
    if rest[end..].starts_with('-') && digit_after(end + 1) {
        end + 1
    } else {
        0
    }
}

/// The value of a number found by [`numbers`]: its text without spaces.
fn number_value(text: &str) -> String {
    text.split(' ').collect()
}

/// The registration number in a text such as `(… тізілімінде № 11058
/// тіркелген)`, `№ 15740 болып тіркелген`, `№11342 тіркелді`, `тізілімінде №4990`.
pub fn registration_number(text: &str) -> Option<String> {
    for (r, n) in numbers(text) {
        let after = text[r.end..].trim_start();
        let before = text[..r.start].trim_end();
        if after.starts_with("тіркел")
            || after.starts_with("болып тіркел")
            || before.ends_with("тізілімінде")
        {
            return Some(number_value(&text[n]));
        }
    }
    None
}

const ISSUER_GENITIVES: &[&str] = &[
    "әкімдігінің",
    "министрінің",
    "министрлігінің",
    "мәслихатының",
    "Үкіметінің",
    "Президентінің",
    "Республикасының",
    "әкімінің",
    "комитетінің",
    "төрағасының",
    "агенттігінің",
    "банкінің",
    // A board or a department (`Ұлттық Банкі Басқармасының`, `облысының
    // білім басқармасының`), a commission.
    "басқармасының",
    "Басқармасының",
    "департаментінің",
    "комиссиясының",
];

/// Whether acts of `issuer` are never registered with the justice bodies:
/// the Government's and the President's (`Қазақстан Республикасы
/// Үкіметі`, `Қазақстан Республикасы Президенті`), so that a header
/// without a registration sentence is no fault.
pub fn is_never_registered(issuer: &str) -> bool {
    issuer.ends_with("Республикасы Үкіметі") || issuer.ends_with("Республикасы Президенті")
}

/// Whether `w` is the genitive of an issuer (`әкімдігінің`): every one ends
/// in `ң`, which most words do not.
fn is_issuer_genitive(w: &str) -> bool {
    w.ends_with('ң')
        && ISSUER_GENITIVES
            .iter()
            .any(|g| w.ends_with(g) || is_capitalized(w, g))
}

/// Whether `w` is `word` with its first letter in capitals (`Министрінің`,
/// as some acts write an office's name).
fn is_capitalized(w: &str, word: &str) -> bool {
    // A Cyrillic capital takes the bytes its small letter does: other
    // lengths are ruled out before any character is decoded.
    if w.len() != word.len() {
        return false;
    }
    let (mut a, mut b) = (w.chars(), word.chars());
    match (a.next(), b.next()) {
        (Some(x), Some(y)) => x != y && crate::chars::lower(x) == y && a.as_str() == b.as_str(),
        _ => false,
    }
}

/// How far an acting official's title reaches after the issuer's genitive
/// (`министрінің м.а. 2015 жылғы …`, `министрінің міндетін атқарушының
/// 2015 жылғы …`): the acting official issues the act, so the title belongs
/// to the issuer (`… министрінің м.а.`, `… министрінің міндетін
/// атқарушы`). `rest` is the text after the genitive; 0 when none follows.
fn acting(rest: &str) -> usize {
    for title in [
        " м.а.",
        " м. а.",
        " міндетін атқарушының",
        " міндетін атқарушы",
    ] {
        if let Some(after) = rest.strip_prefix(title) {
            if after.is_empty() || after.starts_with(' ') {
                return title.len();
            }
        }
    }
    0
}

/// The space-separated words of `text[range]`, last first, as ranges of
/// `text`.
fn words_back(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    // Words are short: a byte loop finds the space before each sooner than
    // a `memrchr` call would.
    let b = text.as_bytes();
    let start = range.start.min(b.len());
    let mut end = range.end.clamp(start, b.len());
    std::iter::from_fn(move || {
        while end > start && b[end - 1] == b' ' {
            end -= 1;
        }
        if end == start {
            return None;
        }
        let mut s = end;
        while s > start && b[s - 1] != b' ' {
            s -= 1;
        }
        let word = s..end;
        end = s;
        Some(word)
    })
}

/// Nominative of a genitive issuer word: `әкімдігінің` → `әкімдігі`.
pub fn nominative(word: &str) -> String {
    nominative_of(word).to_owned()
}

/// [`nominative`], borrowed from the word.
fn nominative_of(word: &str) -> &str {
    for ending in ["нің", "ның"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.ends_with(['і', 'ы']) {
                return stem;
            }
        }
    }
    word
}

/// The region named by an issuer: `Батыс Қазақстан облысы әкімдігі` →
/// `Батыс Қазақстан облысы`. The last word that names a region wins, a noun
/// (`облысы`, `ауданының` …) or the adjective a maslikhat is named by
/// (`облыстық`, `аудандық`, `қалалық`: `Маңғыстау облыстық мәслихаты` →
/// `Маңғыстау облысы`), so that a district's maslikhat within a region is
/// the district's: `Маңғыстау облысы Бейнеу аудандық мәслихаты` →
/// `Маңғыстау облысы Бейнеу ауданы`.
pub fn region_of(issuer: &str) -> Option<String> {
    // The last region word's start, and the word in the nominative.
    let mut found = None;
    let mut start = 0;
    for w in split_spaces(issuer) {
        let noun = match w {
            "облысы" | "облысының" | "қаласы" | "қаласының" | "ауданы" | "ауданының" => {
                Some(nominative_of(w))
            }
            "облыстық" => Some("облысы"),
            "аудандық" => Some("ауданы"),
            "қалалық" => Some("қаласы"),
            _ => None,
        };
        if let Some(noun) = noun {
            found = Some((start, noun));
        }
        start += w.len() + 1;
    }
    match found {
        Some((start, noun)) if start > 0 => Some([&issuer[..start], noun].concat()),
        _ => None,
    }
}

/// The issuer ending at the genitive word `g` (a byte range in `text`):
/// from the first capitalized word after the last boundary before it.
fn issuer_phrase(text: &str, window_start: usize, g: Range<usize>) -> (Range<usize>, String) {
    let before = &text[window_start..g.start];
    // The last boundary: punctuation, a dash or a closing bracket or quote.
    // A hyphen between two letters joins a name (`Нұр-Сұлтан қаласы`).
    let joins_a_name = |i: usize| {
        let is_letter = |c: Option<char>| c.is_some_and(crate::chars::is_letter);
        is_letter(before[..i].chars().next_back()) && is_letter(before[i + 1..].chars().next())
    };
    let boundary = before
        .char_indices()
        .filter(|&(i, c)| {
            matches!(
                c,
                ',' | ';' | ':' | '–' | '-' | ')' | '"' | '«' | '»' | '.' | '—'
            ) && !(c == '-' && joins_a_name(i))
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    // Digits (a date or number) also end the boundary region.
    let mut start = window_start + boundary;
    let region = &text[start..g.start];
    let mut last_digit_word_end = None;
    let mut pos = start;
    for w in split_spaces(region) {
        if w.bytes().any(|b| b.is_ascii_digit())
            || w == "№"
            || w == "N"
            || w.ends_with("ғы") && w.chars().count() > 4 && dates::month(w).is_some()
        {
            last_digit_word_end = Some(pos + w.len());
        }
        pos += w.len() + 1;
    }
    if let Some(e) = last_digit_word_end {
        start = e;
    }
    // Skip `жылғы 5 желтоқсандағы`-like date words after digits.
    let region = &text[start..g.start];
    let mut offset = 0;
    for w in split_spaces(region) {
        if w.is_empty() {
            offset += 1;
            continue;
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        offset += w.len() + 1;
    }
    let phrase_start = (start + offset).min(g.start);
    // The words, single-spaced, the last in the nominative, and the
    // register's abbreviation `ҚР` (notes: `ҚР Үкіметінің 2009.12.30 N 2264
    // Қаулысымен`) as a person names it: `Қазақстан Республикасы`.
    let mut words = split_spaces(&text[phrase_start..g.end]).filter(|w| !w.is_empty());
    let mut out = String::with_capacity(g.end - phrase_start + 32);
    let mut next = words.next();
    while let Some(w) = next {
        next = words.next();
        if out.is_empty() && w == "ҚР" && next.is_some() {
            out.push_str("Қазақстан Республикасы");
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // An akimat is named with its place in the possessive, as its own
        // headers name it: `Қарағанды облысының әкімдігінің` → `Қарағанды
        // облысы әкімдігі`, the issuer of `Қарағанды облысы әкімдігінің`.
        let place = match (w, next) {
            ("облысының" | "ауданының" | "қаласының", Some("әкімдігінің")) => {
                Some(nominative_of(w))
            }
            _ => None,
        };
        out.push_str(place.unwrap_or(if next.is_none() { nominative_of(w) } else { w }));
    }
    (phrase_start..g.end, out)
}

/// A nominative issuer right before a law's type word:
/// `Қазақстан Республикасы Заңының` → `Қазақстан Республикасы`.
fn nominative_issuer_before(
    text: &str,
    window_start: usize,
    type_start: usize,
) -> Option<(Range<usize>, String)> {
    let before = text[window_start..type_start].trim_end();
    for name in ["Қазақстан Республикасы", "Қазақстан Республикасының"]
    {
        if before.ends_with(name) {
            let s = window_start + before.len() - name.len();
            return Some((s..s + name.len(), nominative(name)));
        }
    }
    None
}

fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    crate::normalize::tokens::tokens(text).map(|t| t.start..t.end())
}

fn strip_punct(w: &str) -> &str {
    w.get(core_of(w)).unwrap_or("")
}

/// The byte range of `w` without the punctuation around it (see
/// [`strip_punct`]).
fn core_of(w: &str) -> Range<usize> {
    // The marks are ASCII: trimming bytes trims whole characters.
    let punct = |x: &u8| matches!(x, b',' | b'.' | b';' | b':' | b'(' | b')' | b'"');
    let b = w.as_bytes();
    let start = b.iter().position(|x| !punct(x)).unwrap_or(b.len());
    let end = b.iter().rposition(|x| !punct(x)).map_or(start, |e| e + 1);
    start..end
}

/// The longest citation the genre writes, in bytes (a long quoted title,
/// its register parenthesis and the issuer fit comfortably).
const MAX_CITATION: usize = 4000;

/// Whether `text` can hold a citation at all: it needs a `№`, a year
/// (`жыл…`) or a dotted date.
fn might_cite(text: &str) -> bool {
    // This runs for every paragraph.
    static YEAR: Needle = Needle::new("жыл");
    // Laws and codes are cited by their names alone too (`Қазақстан
    // Республикасының "Құқықтық актілер туралы" Заңы`, `… Жер кодексі`).
    static LAW: Needle = Needle::new("Заң");
    static CODE: Needle = Needle::new("одекс");
    let b = text.as_bytes();
    NUMBER_SIGN.find(b).is_some()
        || YEAR.find(b).is_some()
        || LAW.find(b).is_some()
        || CODE.find(b).is_some()
        || memchr::memchr_iter(b'.', b).any(|i| {
            i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        })
}

/// Every citation in `text` (a paragraph or part of one). Ranges are
/// relative to `text`.
pub fn citations(text: &str) -> Vec<Citation> {
    if !might_cite(text) {
        return Vec::new();
    }
    // Every citation ends in a type word (`қаулысы`, `бұйрығымен` …); the
    // words before the first one need no second look.
    let Some(first_type_word) =
        word_ranges(text).find(|wr| type_word(strip_punct(&text[wr.clone()])).is_some())
    else {
        return Vec::new();
    };
    let parens = parens(text);
    let titles: Vec<Range<usize>> = quoted(text);
    // Both lists are sorted and their ranges do not overlap: a binary search
    // finds the one that may hold a range.
    let holder = |list: &[Range<usize>], r: &Range<usize>, strict: bool| -> bool {
        let i = list.partition_point(|x| x.start <= r.start);
        i.checked_sub(1).and_then(|i| list.get(i)).is_some_and(|x| {
            (if strict {
                x.start < r.start
            } else {
                x.start <= r.start
            }) && r.end <= x.end
        })
    };
    let in_paren = |r: &Range<usize>| holder(&parens, r, true);
    let in_title = |r: &Range<usize>| holder(&titles, r, false);
    let mut parts: Vec<Part> = Vec::new();
    for t in &titles {
        if !in_paren(t) {
            parts.push(Part::Title(t.clone()));
        }
    }
    for (r, d) in dates::find_as_written(text) {
        if !in_paren(&r) && !in_title(&r) {
            parts.push(if d.exists() {
                Part::Date(r, d)
            } else {
                Part::NoDate(r)
            });
        }
    }
    for (r, n) in numbers(text) {
        let after = text[r.end..].trim_start();
        let before = text[..r.start].trim_end();
        let registration = after.starts_with("тіркел")
            || after.starts_with("болып тіркел")
            || before.ends_with("тізілімінде")
            || before.ends_with(REGISTRATION_WORD);
        if !in_paren(&r) && !in_title(&r) && !registration {
            parts.push(Part::Number(r, n));
        }
    }
    parts.sort_by_key(|p| p.range().start);

    let mut out = Vec::new();
    let mut window_start = 0usize;
    // Buffers for each type word's parts, kept across the words.
    let mut mine: Vec<&Part> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    let mut titles_here: Vec<Range<usize>> = Vec::new();
    let mut dates_here: Vec<(Range<usize>, Date)> = Vec::new();
    let words = crate::normalize::tokens::tokens_from(text, first_type_word.start);
    for wr in words.map(|t| t.start..t.end()) {
        if in_title(&wr) || in_paren(&wr) {
            continue;
        }
        let core = core_of(&text[wr.clone()]);
        let w = &text[wr.start + core.start..wr.start + core.end];
        let Some(act_type) = type_word(w) else {
            continue;
        };
        let type_range = wr.start + core.start..wr.start + core.end;
        // Asked only where a list is possible (it lower-cases the word).
        let plural = || is_plural_type(w);
        // A joint act (`… № 260 және … № 110 бірлескен бұйрығы`) lists its
        // issuers' acts before `бірлескен`; it is named by the first.
        let joint = is_joint(text, type_range.start);
        // A citation does not reach back across the end of a sentence, nor
        // further than any citation of the genre is long.
        let lookback =
            crate::chars::floor_boundary(text, type_range.start.saturating_sub(MAX_CITATION));
        let clause = clause_start(
            text,
            window_start.max(lookback),
            type_range.start,
            &titles,
            &parens,
        );
        // The parts of this citation: between the window start and the type word.
        let first = parts.partition_point(|p| p.range().start < clause);
        mine.clear();
        mine.extend(
            parts[first..]
                .iter()
                .take_while(|p| p.range().start < type_range.start)
                .filter(|p| p.range().end <= type_range.start),
        );
        // A code named without quotes, by the words before `кодекс…`
        // (`Бюджет кодексіне`, `Жер кодексінің`).
        let code_name = if act_type == ActType::Code {
            code_name(text, clause, type_range.clone(), &mine)
        } else {
            None
        };
        // A citation needs a date or a number: a quoted title alone is a
        // name (`"Үздік педагог" атағы`). Laws and codes are the exception:
        // their title or name is enough to tell which act is meant.
        if !identified(&mine, act_type, code_name.is_some()) {
            continue;
        }
        // Registration: a parenthesis inside the window or right after the
        // type word, or after its `бекітілген` ('approved by order № 272
        // (… № 11050 болып тіркелген)').
        let mut registration_number = None;
        let from = parens.partition_point(|p| p.start < clause);
        let after_type = {
            let rest = &text[type_range.end..];
            let approved = rest.trim_start().strip_prefix("бекітілген");
            type_range.end + approved.map_or(0, |a| rest.len() - a.len())
        };
        for p in parens[from..]
            .iter()
            .take_while(|p| p.start <= after_type + 2)
        {
            let inside_window = p.start >= clause && p.end <= type_range.start;
            let right_after = p.start >= after_type && text[after_type..p.start].trim().is_empty();
            if inside_window || right_after {
                if let Some(r) = registration_number_in(&text[p.clone()]) {
                    registration_number = Some(r);
                }
            }
        }
        // The issuer: the last genitive issuer word in the window (not in
        // titles or parens), found from the type word backwards.
        let issuer_end = if joint {
            // The first act's issuer: before the first act's number.
            mine.iter()
                .find(|p| matches!(p, Part::Number(..)))
                .map_or(type_range.start, |p| p.range().start)
        } else {
            type_range.start
        };
        let genitive = words_back(text, clause..issuer_end).find(|r| {
            is_issuer_genitive(strip_punct(&text[r.clone()])) && !in_title(r) && !in_paren(r)
        });
        let (issuer_range, issuer) = match genitive {
            Some(g) => {
                let g = g.start..g.end + acting(&text[g.end..type_range.start]);
                let (r, s) = issuer_phrase(text, clause, g);
                (Some(r), Some(s))
            }
            None => match nominative_issuer_before(
                text,
                clause,
                code_name.as_ref().map_or(type_range.start, |r| r.start),
            ) {
                Some((r, s)) => (Some(r), Some(s)),
                None => (None, None),
            },
        };
        // The citation is the chain of parts that reaches back from the type
        // word with nothing but spaces and commas between them: a quoted name
        // earlier in the sentence is not this act's title.
        let chain_start = {
            covered.clear();
            covered.extend(mine.iter().map(|p| p.range()));
            covered.extend(issuer_range.clone());
            covered.extend(code_name.clone());
            let from = parens.partition_point(|p| p.start < clause);
            covered.extend(
                parens[from..]
                    .iter()
                    .take_while(|p| p.start < type_range.start)
                    .filter(|p| p.end <= type_range.start)
                    .cloned(),
            );
            covered.sort_by_key(|r| std::cmp::Reverse(r.end));
            let mut cur = type_range.start;
            if joint {
                // Each issuer's act stands between `және` or commas: the
                // joint act reaches back to the first act's issuer.
                covered.clear();
                cur = issuer_range.as_ref().map_or_else(
                    || mine.first().map_or(type_range.start, |p| p.range().start),
                    |r| r.start,
                );
            }
            for r in covered.iter().cloned() {
                if r.end > cur {
                    cur = cur.min(r.start);
                    continue;
                }
                // A plural type word lists its acts: `12.03.2019 № 5;
                // 14.05.2020 № 186 қаулыларымен`, `… № 5 және … № 186`.
                let between = &text[r.end..cur];
                let joined = between.bytes().all(|x| x == b' ' || x == b',') || {
                    let gap = between.trim_matches([' ', ',']);
                    (gap == ";" || gap == "және") && plural()
                };
                if joined {
                    cur = r.start;
                } else {
                    break;
                }
            }
            cur
        };
        mine.retain(|p| p.range().start >= chain_start);
        if !identified(&mine, act_type, code_name.is_some()) {
            continue;
        }
        let (issuer_range, issuer) = match issuer_range {
            Some(r) if r.start >= chain_start => (Some(r), issuer),
            _ => (None, None),
        };
        let first_start = mine
            .iter()
            .map(|p| p.range().start)
            .chain(code_name.as_ref().map(|r| r.start))
            .min()
            .unwrap_or(type_range.start);
        let span_start = issuer_range
            .as_ref()
            .map_or(first_start, |r| r.start.min(first_start));
        titles_here.clear();
        titles_here.extend(mine.iter().filter_map(|p| {
            if let Part::Title(r) = p {
                Some(r.clone())
            } else {
                None
            }
        }));
        dates_here.clear();
        dates_here.extend(mine.iter().filter_map(|p| {
            if let Part::Date(r, d) = p {
                Some((r.clone(), *d))
            } else {
                None
            }
        }));
        // A citation is named by its last date and number; a joint act by
        // its first act's.
        let mut number_parts = mine.iter().filter_map(|p| match p {
            Part::Number(_, n) => Some(n.clone()),
            _ => None,
        });
        let named_number = if joint {
            number_parts.next()
        } else {
            number_parts.next_back()
        };
        let named_date = if joint {
            dates_here.first()
        } else {
            dates_here.last()
        }
        .map(|(_, d)| *d);
        let region = issuer.as_deref().and_then(region_of);
        // Without its quotes; a title whose own first word is a quoted name
        // (`"Техникалық … қабылдау" мемлекеттік … туралы"`) shares its opening
        // quote with that name and keeps it.
        let strip = |r: &Range<usize>| {
            let t = &text[r.clone()];
            let open = t.chars().next().map_or(0, char::len_utf8);
            let close = t.chars().next_back().map_or(0, char::len_utf8);
            let inner = r.start + open..r.end - close;
            let inside = &text[inner.clone()];
            let unbalanced = inside.matches('"').count() % 2 == 1
                || inside.matches('«').count() != inside.matches('»').count();
            if unbalanced {
                r.start..r.end - close
            } else {
                inner
            }
        };
        // Item `k` of `n` that a plural type word lists, whose own parts
        // cover `own`: the first reaches back to the issuer, the last on to
        // the type word.
        let list_item = |k: usize,
                         n: usize,
                         own: Range<usize>,
                         date: Option<Date>,
                         number: Option<String>,
                         title: Option<Range<usize>>| {
            let start = if k == 0 {
                span_start.min(own.start)
            } else {
                own.start
            };
            let end = if k + 1 == n { type_range.end } else { own.end };
            Citation {
                span: start..end,
                act_type,
                type_text: type_range.clone(),
                issuer: issuer.clone(),
                region: region.clone(),
                date,
                number,
                registration_number: None,
                title,
            }
        };
        let numbers_in_list = mine
            .iter()
            .filter(|p| matches!(p, Part::Number(..)))
            .count();
        if !joint && titles_here.len() < 2 && numbers_in_list >= 2 && plural() {
            let numbers_here: Vec<(Range<usize>, Range<usize>)> = mine
                .iter()
                .filter_map(|p| match p {
                    Part::Number(r, n) => Some((r.clone(), n.clone())),
                    _ => None,
                })
                .collect();
            // One citation per number, each with the date before it and
            // the issuer of them all.
            for (k, (r, n)) in numbers_here.iter().enumerate() {
                let prev_end = if k == 0 {
                    clause
                } else {
                    numbers_here[k - 1].0.end
                };
                let paired = dates_here
                    .iter()
                    .rev()
                    .find(|(d, _)| d.end <= r.start && d.start >= prev_end);
                let own = paired.map_or(r.start, |(d, _)| d.start)..r.end;
                out.push(list_item(
                    k,
                    numbers_here.len(),
                    own,
                    paired.map(|(_, d)| *d),
                    Some(number_value(&text[n.clone()])),
                    None,
                ));
            }
        } else if !joint && titles_here.len() >= 2 && plural() {
            // One citation per title, each with the date next to it.
            for (k, t) in titles_here.iter().enumerate() {
                let next_title = titles_here.get(k + 1).map_or(type_range.start, |n| n.start);
                let prev_title = if k == 0 {
                    clause
                } else {
                    titles_here[k - 1].end
                };
                // Dates come before their titles (`2001 жылғы 23 қаңтардағы "…"`)
                // or after them (`"…" 2001 жылғы 23 қаңтардағы`), the same way
                // for every title of the list.
                let date_first = dates_here
                    .first()
                    .is_some_and(|(r, _)| r.start < titles_here[0].start);
                let before = || {
                    dates_here
                        .iter()
                        .rev()
                        .find(|(r, _)| r.end <= t.start && r.start >= prev_title)
                };
                let after = || {
                    dates_here
                        .iter()
                        .find(|(r, _)| r.start >= t.end && r.end <= next_title)
                };
                let paired = if date_first {
                    before().or_else(after)
                } else {
                    after().or_else(before)
                };
                let own_start = paired.map_or(t.start, |(r, _)| r.start.min(t.start));
                let own_end = paired.map_or(t.end, |(r, _)| r.end.max(t.end));
                out.push(list_item(
                    k,
                    titles_here.len(),
                    own_start..own_end,
                    paired.map(|(_, d)| *d),
                    None,
                    Some(strip(t)),
                ));
            }
        } else {
            out.push(Citation {
                span: span_start..type_range.end,
                act_type,
                type_text: type_range.clone(),
                issuer,
                region,
                date: named_date,
                number: named_number.map(|n| number_value(&text[n])),
                registration_number,
                title: titles_here.last().map(strip),
            });
        }
        window_start = type_range.end;
    }
    out
}

/// Whether the word before byte `type_start` (a type word's start) is
/// `бірлескен` ('joint').
fn is_joint(text: &str, type_start: usize) -> bool {
    words_back(text, 0..type_start)
        .next()
        .is_some_and(|w| matches!(&text[w], "бірлескен" | "Бірлескен" | "БІРЛЕСКЕН"))
}

/// Whether a citation's parts tell which act it is: a date or a number,
/// or, for a law or a code, a quoted title or a code's name.
fn identified(parts: &[&Part], act_type: ActType, has_code_name: bool) -> bool {
    let named = matches!(act_type, ActType::Law | ActType::Code);
    has_code_name
        || parts.iter().any(|p| match p {
            Part::Date(..) | Part::Number(..) => true,
            Part::Title(..) => named,
            Part::NoDate(..) => false,
        })
}

/// The name of a code cited without quotes: the words before a lower-case
/// `кодекс…`, from a capitalized one on (`Бюджет кодексіне`, `Азаматтық
/// процестік кодексі`, `Қылмыстық-атқару кодексінің`). Not the issuer
/// (`Қазақстан Республикасының кодексі` names none), and not found past
/// punctuation, digits or `clause`. The issuer or a date comes first.
fn code_name(
    text: &str,
    clause: usize,
    type_range: Range<usize>,
    parts: &[&Part],
) -> Option<Range<usize>> {
    if !text[type_range.clone()].starts_with('к') {
        return None;
    }
    let mut end = None;
    for w in words_back(text, clause..type_range.start).take(5) {
        let end = *end.get_or_insert(w.end);
        let word = &text[w.clone()];
        if !word.chars().all(|c| crate::chars::is_letter(c) || c == '-') {
            return None;
        }
        let first = word.chars().next()?;
        if first.is_uppercase() {
            if word.starts_with("Республика") || word == "Қазақстан" {
                return None;
            }
            // The issuer or the date stands right before the name (`Осы
            // кодекске` names no code).
            let before = text[clause..w.start].trim_end();
            let dated = parts.iter().any(|p| {
                matches!(p, Part::Date(..) | Part::NoDate(..))
                    && p.range().end == clause + before.len()
            });
            let issued = nominative_issuer_before(text, clause, w.start).is_some();
            return (dated || issued).then_some(w.start..end);
        }
    }
    None
}

/// The start of the sentence that holds `to`, not before `from`: after the
/// last `. ` that ends a word (not a date's or an initial's dot), outside
/// titles and parentheses.
fn clause_start(
    text: &str,
    from: usize,
    to: usize,
    titles: &[Range<usize>],
    parens: &[Range<usize>],
) -> usize {
    let inside_one = |list: &[Range<usize>], i: usize| {
        let k = list.partition_point(|r| r.start < i);
        k.checked_sub(1)
            .and_then(|k| list.get(k))
            .is_some_and(|r| i < r.end)
    };
    let inside = |i: usize| inside_one(titles, i) || inside_one(parens, i);
    static SENTENCE_END: Needle = Needle::new(". ");
    let mut start = from;
    for i in SENTENCE_END.find_iter(&text.as_bytes()[from..to]) {
        let at = from + i;
        let mut before = text[..at].chars().rev();
        let word_end = before.next().is_some_and(char::is_lowercase)
            && before.next().is_some_and(crate::chars::is_letter);
        if word_end && !inside(at) {
            start = at + 2;
        }
    }
    start
}

fn registration_number_in(paren: &str) -> Option<String> {
    registration_number(paren)
}

/// The registration sentence of a header: `Батыс Қазақстан облысының Әділет
/// департаментінде 2018 жылғы 31 шілдеде № 5309 болып тіркелді.`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub span: Range<usize>,
    pub authority: Option<String>,
    pub date: Option<Date>,
    pub number: Option<String>,
}

pub fn registration(text: &str) -> Option<Registration> {
    let verb = text.find("тіркелді")?;
    // The sentence: from the previous sentence end (`. ` not inside a date).
    let start = text[..verb]
        .match_indices(". ")
        .map(|(i, _)| i + 2)
        .filter(|&i| !text[..i].trim_end().ends_with(|c: char| c.is_ascii_digit()))
        .last()
        .unwrap_or(0);
    let sentence = &text[start..verb];
    let found = dates::find_all(sentence);
    let (date_range, date) = found
        .last()
        .map(|(r, d)| (Some(r.clone()), Some(*d)))
        .unwrap_or((None, None));
    let mut number = numbers(sentence)
        .last()
        .map(|(_, n)| number_value(&sentence[n.clone()]));
    let authority = date_range.map(|r| {
        let phrase = sentence[..r.start].trim();
        let mut words: Vec<String> = phrase.split(' ').map(str::to_owned).collect();
        if let Some(last) = words.last_mut() {
            // Drop the locative: `департаментінде` → `департаменті`.
            for loc in ["нде", "нда", "де", "да"] {
                if let Some(stem) = last.strip_suffix(loc) {
                    if stem.ends_with(['і', 'ы']) {
                        *last = stem.to_owned();
                        break;
                    }
                }
            }
        }
        words.join(" ")
    });
    let mut end =
        verb + "тіркелді".len() + usize::from(text[verb + "тіркелді".len()..].starts_with('.'));
    if number.is_none() {
        // Older acts give the number in a sentence of its own: `… 2005
        // жылғы 1 қарашада тіркелді. Тіркеу N 3915.`
        if let Some((r, n)) = registration_sentence_number(&text[end..]) {
            number = Some(n);
            end += r.end;
        }
    }
    Some(Registration {
        span: start..end,
        authority: authority.filter(|a| !a.is_empty()),
        date,
        number,
    })
}

/// `Тіркеу N 3915.` at the start of `rest` (after spaces): the range of the
/// sentence, its `.` included, and the number.
fn registration_sentence_number(rest: &str) -> Option<(Range<usize>, String)> {
    let after = rest
        .trim_start_matches(' ')
        .strip_prefix(REGISTRATION_WORD)?;
    let word_end = rest.len() - after.len();
    let (r, n) = numbers(after).into_iter().next()?;
    if !after[..r.start].trim_matches(' ').is_empty() {
        return None;
    }
    let end = word_end + r.end;
    let end = end + usize::from(rest[end..].starts_with('.'));
    Some((0..end, number_value(&after[n])))
}

/// The word that opens an older act's registration number (`Тіркеу N
/// 3915`): such a number is the act's registration, never a citation's.
const REGISTRATION_WORD: &str = "Тіркеу";

#[cfg(test)]
mod tests {
    use super::*;

    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    #[track_caller]
    fn check(text: &str, expected: &[Row<'_>]) {
        let got: Vec<_> = citations(text)
            .into_iter()
            .map(|c| {
                (
                    c.act_type.name().to_owned(),
                    c.issuer.clone(),
                    c.date.map(|d| d.to_string()),
                    c.number.clone(),
                    c.registration_number.clone(),
                    c.title.map(|r| text[r].to_owned()),
                )
            })
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(t, i, d, n, r, ti)| {
                (
                    (*t).to_owned(),
                    i.map(str::to_owned),
                    d.map(str::to_owned),
                    n.map(str::to_owned),
                    r.map(str::to_owned),
                    ti.map(str::to_owned),
                )
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn header_repeal_and_notes() {
        check(
            "Батыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы.",
            &[(
                "resolution",
                Some("Батыс Қазақстан облысы әкімдігі"),
                Some("2018-07-13"),
                Some("164"),
                None,
                None,
            )],
        ); // 000:9
        check(
            "Күші жойылды - Батыс Қазақстан облысы әкімдігінің 2020 жылғы 1 маусымдағы № 120 қаулысымен",
            &[("resolution", Some("Батыс Қазақстан облысы әкімдігі"), Some("2020-06-01"), Some("120"), None, None)],
        ); // 000:11
        check(
            "Ескерту. Күші жойылды – Алматы облысы әкімдігінің 31.01.2020 № 35 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
            &[("resolution", Some("Алматы облысы әкімдігі"), Some("2020-01-31"), Some("35"), None, None)],
        ); // 002:10
    }

    /// A joint order of two ministers is one act, named by the first
    /// issuer's date and number, in the header and in a repeal note.
    #[test]
    fn joint_acts_are_named_by_their_first_act() {
        check(
            "Қазақстан Республикасы Қаржы министрінің 2014 жылғы 4 маусымдағы № 260 және Қазақстан Республикасы Әділет министрінің 2014 жылғы 5 маусымдағы № 110 бірлескен бұйрығы.",
            &[("order", Some("Қазақстан Республикасы Қаржы министрі"), Some("2014-06-04"), Some("260"), None, None)],
        );
        check(
            "Ескерту. Күші жойылды - ҚР Қаржы министрінің 27.03.2015 № 248, ҚР Әділет министрінің 30.03.2015 № 115 бірлескен бұйрығымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
            &[("order", Some("Қазақстан Республикасы Қаржы министрі"), Some("2015-03-27"), Some("248"), None, None)],
        );
        // After an earlier citation in the same sentence, the joint act
        // starts after it.
        check(
            "Облыс әкімдігінің 2015 жылғы 1 наурыздағы № 5 қаулысына және ҚР Қаржы министрінің 27.03.2015 № 248, ҚР Әділет министрінің 30.03.2015 № 115 бірлескен бұйрығына сәйкес",
            &[
                ("resolution", Some("Облыс әкімдігі"), Some("2015-03-01"), Some("5"), None, None),
                ("order", Some("Қазақстан Республикасы Қаржы министрі"), Some("2015-03-27"), Some("248"), None, None),
            ],
        );
    }

    #[test]
    fn preamble_laws_and_orders() {
        check(
            "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы \"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы\", 2013 жылғы 15 сәуірдегі \"Мемлекеттік көрсетілетін қызметтер туралы\" Заңдарына сәйкес Батыс Қазақстан облысының әкімдігі ҚАУЛЫ ЕТЕДІ:",
            &[
                ("law", Some("Қазақстан Республикасы"), Some("2001-01-23"), None, None, Some("Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы")),
                ("law", Some("Қазақстан Республикасы"), Some("2013-04-15"), None, None, Some("Мемлекеттік көрсетілетін қызметтер туралы")),
            ],
        ); // 000:17-21
        check(
            "\"Мемлекеттік көрсетілетін қызметтер туралы\" 2013 жылғы 15 сәуірдегі Қазақстан Республикасы Заңының 16-бабының 1-тармағына, \"Қазақстан Республикасы Білім және ғылым министрлігі, жергілікті атқарушы органдар көрсететін \"Үздік педагог\" атағын беру және мемлекеттік орта білім беру мекемелерінің басшылары лауазымдарына орналасу конкурстарына қатысу үшін құжаттарды қабылдау бойынша мемлекеттік қызметтер стандарттарын бекіту туралы\" 2015 жылғы 8 сәуірдегі № 173 Қазақстан Республикасы Білім және ғылым министрінің бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 11058 тіркелген) сәйкес Алматы облысының әкімдігі ҚАУЛЫ ЕТЕДІ:",
            &[
                ("law", Some("Қазақстан Республикасы"), Some("2013-04-15"), None, None, Some("Мемлекеттік көрсетілетін қызметтер туралы")),
                ("order", Some("Қазақстан Республикасы Білім және ғылым министрі"), Some("2015-04-08"), Some("173"), Some("11058"), Some("Қазақстан Республикасы Білім және ғылым министрлігі, жергілікті атқарушы органдар көрсететін \"Үздік педагог\" атағын беру және мемлекеттік орта білім беру мекемелерінің басшылары лауазымдарына орналасу конкурстарына қатысу үшін құжаттарды қабылдау бойынша мемлекеттік қызметтер стандарттарын бекіту туралы")),
            ],
        ); // 002:13-22
    }

    #[test]
    fn laws_and_codes_cited_by_name_alone() {
        // A law's quoted title tells which law it is, with or without a date.
        check(
            "Қазақстан Республикасының «Құқықтық актілер туралы» Заңының 27-бабына сәйкес ШЕШІМ ҚАБЫЛДАДЫ:",
            &[("law", Some("Қазақстан Республикасы"), None, None, None, Some("Құқықтық актілер туралы"))],
        );
        check(
            "«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасының Заңына сәйкес",
            &[("law", Some("Қазақстан Республикасы"), None, None, None, Some("Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы"))],
        );
        // A code named without quotes, before a lower-case `кодекс…`: the
        // name is not a quoted title, so `title` stays empty.
        check(
            "Қазақстан Республикасының 2008 жылғы 4 желтоқсандағы Бюджет кодексіне сәйкес аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:",
            &[("code", Some("Қазақстан Республикасы"), Some("2008-12-04"), None, None, None)],
        );
        check(
            "Қазақстан Республикасы Жер кодексінің 17-бабына, Қазақстан Республикасының Азаматтық процестік кодексіне сәйкес",
            &[
                ("code", Some("Қазақстан Республикасы"), None, None, None, None),
                ("code", Some("Қазақстан Республикасы"), None, None, None, None),
            ],
        );
        // Not a citation: no name, no title, no date, no number; and a
        // quoted name alone before another type word is a name.
        check(
            "Қазақстан Республикасының кодексіне және Заңдарына сәйкес",
            &[],
        );
        check("\"Үздік педагог\" атағын беру туралы қаулысы", &[]);
        check("Осы кодекске сәйкес", &[]);
        // A word in `-дағы` before the name is no date.
        check("2019 жылы осы жолдағы Салық кодексіне сәйкес", &[]);
    }

    #[test]
    fn dotted_dates_with_their_year_word() {
        for text in [
            "Түркістан облысы әкімдігінің 13.07.2018 жылғы № 164 қаулысымен.",
            "Түркістан облысы әкімдігінің 13.07.2018 ж. № 164 қаулысымен.",
        ] {
            check(
                text,
                &[(
                    "resolution",
                    Some("Түркістан облысы әкімдігі"),
                    Some("2018-07-13"),
                    Some("164"),
                    None,
                    None,
                )],
            );
        }
    }

    #[test]
    fn boards_departments_and_approving_orders() {
        // A board's act, a department's act.
        check(
            "Қазақстан Республикасы Ұлттық Банкі Басқармасының 2018 жылғы 29 қазандағы № 265 қаулысы.",
            &[("resolution", Some("Қазақстан Республикасы Ұлттық Банкі Басқармасы"), Some("2018-10-29"), Some("265"), None, None)],
        );
        check(
            "Алматы облысының денсаулық сақтау басқармасының 2018 жылғы 2 наурыздағы № 12 бұйрығы.",
            &[(
                "order",
                Some("Алматы облысының денсаулық сақтау басқармасы"),
                Some("2018-03-02"),
                Some("12"),
                None,
                None,
            )],
        );
        assert!(is_never_registered("Қазақстан Республикасы Үкіметі"));
        assert!(!is_never_registered("Алматы облысы әкімдігі"));
        // The register parenthesis after `бекітілген`.
        check(
            "Қазақстан Республикасы Ұлттық экономика министрінің 2015 жылғы 27 наурыздағы № 272 бұйрығымен бекітілген (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 11050 болып тіркелген) «Жер учаскесіне құқық беру» мемлекеттік көрсетілетін қызмет стандартына",
            &[("order", Some("Қазақстан Республикасы Ұлттық экономика министрі"), Some("2015-03-27"), Some("272"), Some("11050"), None)],
        );
    }

    #[test]
    fn amended_act_with_register_parenthesis() {
        check(
            "1. 2015 жылғы 4 тамыздағы №204 \"Әлеуметтік-еңбек саласындағы мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы\" (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде №4030 тіркелген, 2015 жылғы 5 қазанда \"Әділет\" ақпараттық-құқықтық жүйесінде жарияланған) Батыс Қазақстан облысы әкімдігінің қаулысына келесідей өзгерістер енгізілсін:",
            &[("resolution", Some("Батыс Қазақстан облысы әкімдігі"), Some("2015-08-04"), Some("204"), Some("4030"), Some("Әлеуметтік-еңбек саласындағы мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы"))],
        ); // 004:21-25
    }

    #[test]
    fn standard_order_in_a_regulation() {
        check(
            "Мемлекеттік көрсетілетін қызмет Батыс Қазақстан облысының аудандары және облыстық маңызы бар қаласының жұмыспен қамту орталықтарымен (бұдан әрі – көрсетілетін қызметті беруші) Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің 2015 жылғы 28 сәуірдегі №279 \"Әлеуметтік-еңбек саласындағы мемлекеттік көрсетілетін қызмет стандарттарын бекіту туралы\" (Қазақстан Республикасы Әділет министрлігінде 2015 жылғы 12 маусымда №11342 тіркелді) бұйрығымен бекітілген \"Жұмыссыз азаматтарды тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет стандартына (бұдан әрі – Стандарт) сәйкес көрсетіледі.",
            &[("order", Some("Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрі"), Some("2015-04-28"), Some("279"), Some("11342"), Some("Әлеуметтік-еңбек саласындағы мемлекеттік көрсетілетін қызмет стандарттарын бекіту туралы"))],
        ); // 004:95-103
    }

    #[test]
    fn not_citations() {
        check("осы қаулының 2-қосымшасына сәйкес бекітілсін.", &[]);
        check("көрсетілген қаулымен бекітілген \"Жұмыссыз азаматтарды тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет регламенті", &[]);
        check("Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.", &[]);
    }

    #[test]
    fn issuers_in_other_forms() {
        check(
            "Алматы қаласы әкімдігінің 2019 жылғы 3 наурыздағы № 1/120 қаулысымен",
            &[(
                "resolution",
                Some("Алматы қаласы әкімдігі"),
                Some("2019-03-03"),
                Some("1/120"),
                None,
                None,
            )],
        );
        check(
            "Қарасай ауданы мәслихатының 2017 жылғы 20 желтоқсандағы № 25-3 шешімімен",
            &[(
                "decision",
                Some("Қарасай ауданы мәслихаты"),
                Some("2017-12-20"),
                Some("25-3"),
                None,
                None,
            )],
        );
        // Of two genitives before the type word, the last one is the
        // issuer's (the first names whose minister it is).
        check(
            "Қазақстан Республикасының Денсаулық сақтау министрінің 2020 жылғы 3 наурыздағы № 5 бұйрығымен",
            &[(
                "order",
                Some("Қазақстан Республикасының Денсаулық сақтау министрі"),
                Some("2020-03-03"),
                Some("5"),
                None,
                None,
            )],
        );
        // Numbers with a code in capitals, as Akmola's akimat and the
        // ministries number their acts; the contract's numbers hold no
        // spaces.
        check(
            "Ақмола облысы әкімдігінің 2018 жылғы 28 ақпандағы № А-3/85 қаулысымен",
            &[(
                "resolution",
                Some("Ақмола облысы әкімдігі"),
                Some("2018-02-28"),
                Some("А-3/85"),
                None,
                None,
            )],
        );
        check(
            "Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қарашадағы № ҚР ДСМ-210/2020 бұйрығымен",
            &[(
                "order",
                Some("Қазақстан Республикасы Денсаулық сақтау министрі"),
                Some("2020-11-30"),
                Some("ҚРДСМ-210/2020"),
                None,
                None,
            )],
        );
        // An acting minister issues the act (`м.а.`, `міндетін атқарушы`).
        check(
            "Күші жойылды - Қазақстан Республикасы Мәдениет және спорт министрінің м.а. 2015 жылғы 22 мамырдағы № 190 бұйрығымен",
            &[(
                "order",
                Some("Қазақстан Республикасы Мәдениет және спорт министрінің м.а."),
                Some("2015-05-22"),
                Some("190"),
                None,
                None,
            )],
        );
        check(
            "Қазақстан Республикасы Ұлттық экономика министрінің міндетін атқарушының 2015 жылғы 27 наурыздағы № 264 бұйрығымен",
            &[(
                "order",
                Some("Қазақстан Республикасы Ұлттық экономика министрінің міндетін атқарушы"),
                Some("2015-03-27"),
                Some("264"),
                None,
                None,
            )],
        );
        // A hyphen inside a name does not end the issuer.
        check(
            "Күші жойылды - Нұр-Сұлтан қаласы әкімдігінің 2019 жылғы 3 қыркүйектегі № 505-1532 қаулысымен",
            &[(
                "resolution",
                Some("Нұр-Сұлтан қаласы әкімдігі"),
                Some("2019-09-03"),
                Some("505-1532"),
                None,
                None,
            )],
        );
        assert_eq!(
            region_of("Нұр-Сұлтан қаласы әкімдігі").as_deref(),
            Some("Нұр-Сұлтан қаласы")
        );
        // A maslikhat is named by an adjective: `облыстық` is `облысы`.
        for (issuer, want) in [
            ("Маңғыстау облыстық мәслихаты", Some("Маңғыстау облысы")),
            ("Қарасай аудандық мәслихаты", Some("Қарасай ауданы")),
            ("Алматы қалалық мәслихаты", Some("Алматы қаласы")),
            ("облыстық мәслихаты", None),
        ] {
            assert_eq!(region_of(issuer).as_deref(), want, "{issuer:?}");
        }
        assert_eq!(
            region_of("Қарасай ауданы мәслихаты").as_deref(),
            Some("Қарасай ауданы")
        );
        // A district's maslikhat within a region: the district, not the
        // region before it.
        assert_eq!(
            region_of("Маңғыстау облысы Бейнеу аудандық мәслихаты").as_deref(),
            Some("Маңғыстау облысы Бейнеу ауданы")
        );
        assert_eq!(
            region_of("Алматы облысы Талдықорған қалалық мәслихаты").as_deref(),
            Some("Алматы облысы Талдықорған қаласы")
        );
        assert_eq!(
            region_of("Қазақстан Республикасы Білім және ғылым министрі"),
            None
        );
    }

    #[test]
    fn numbers_as_written_after_the_sign() {
        let values = |text: &str| -> Vec<String> {
            numbers(text)
                .into_iter()
                .map(|(_, n)| number_value(&text[n]))
                .collect()
        };
        for (text, want) in [
            ("№ 164 қаулысы", vec!["164"]),
            ("№164 және №25-3", vec!["164", "25-3"]),
            ("№ 1/120 қаулысы", vec!["1/120"]),
            ("№ 88-V Заңы", vec!["88-V"]),
            ("№ А-3/85 қаулысы", vec!["А-3/85"]),
            ("№ ҚР ДСМ-210/2020 бұйрығы", vec!["ҚРДСМ-210/2020"]),
            ("№ ҚБП-15 бұйрығы", vec!["ҚБП-15"]),
            // Not numbers: no digits, or capitals that do not reach them.
            ("№ А 5", vec![]),
            ("№ Қаулы-5", vec![]),
            ("№ ҚАЗАҚСТАН-5", vec![]),
            ("№ АБ ВГ ДЕ-5", vec![]),
            ("№ -5", vec![]),
            ("№", vec![]),
            // The Latin `N` that many acts write for the sign, standing alone.
            ("N 164 қаулысы", vec!["164"]),
            ("N164 және N 25-3", vec!["164", "25-3"]),
            ("(N 11050 болып тіркелген)", vec!["11050"]),
            ("N А-3/85 қаулысы", vec!["А-3/85"]),
            ("N-қосымша", vec![]),
            ("PIN 1234", vec![]),
            ("N N", vec![]),
        ] {
            assert_eq!(values(text), want, "{text:?}");
        }
    }

    #[test]
    fn words_back_are_the_words_last_first() {
        for text in [
            "",
            " ",
            "а",
            "  әкімдігінің  № 5 ",
            "(он бес) минут,  ішінде",
        ] {
            for start in 0..=text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let mut want: Vec<Range<usize>> = word_ranges(&text[start..])
                    .map(|r| start + r.start..start + r.end)
                    .collect();
                want.reverse();
                let got: Vec<Range<usize>> = words_back(text, start..text.len()).collect();
                assert_eq!(got, want, "{text:?} from {start}");
            }
        }
    }

    #[test]
    fn regions_of_issuers() {
        // The region by definition: the words before the last region word,
        // joined again, and that word in the nominative.
        let by_words = |issuer: &str| -> Option<String> {
            let words: Vec<&str> = issuer.split(' ').collect();
            let k = words.iter().rposition(|w| {
                matches!(
                    *w,
                    "облысы"
                        | "облысының"
                        | "қаласы"
                        | "қаласының"
                        | "ауданы"
                        | "ауданының"
                )
            })?;
            let mut region: Vec<String> = words[..k].iter().map(|w| (*w).to_owned()).collect();
            region.push(nominative(words[k]));
            (k > 0).then(|| region.join(" "))
        };
        for (issuer, want) in [
            (
                "Батыс Қазақстан облысы әкімдігі",
                Some("Батыс Қазақстан облысы"),
            ),
            ("Алматы облысының әкімдігі", Some("Алматы облысы")),
            (
                "Ақтөбе қаласы  Алматы ауданы әкімдігі",
                Some("Ақтөбе қаласы  Алматы ауданы"),
            ),
            (" облысы әкімдігі", Some(" облысы")),
            ("облысы әкімдігі", None),
            ("Білім және ғылым министрлігі", None),
            ("", None),
        ] {
            assert_eq!(region_of(issuer).as_deref(), want, "{issuer:?}");
            assert_eq!(region_of(issuer), by_words(issuer), "{issuer:?}");
        }
    }

    #[test]
    fn strip_punct_trims_as_trim_matches_does() {
        for w in [
            "қаулысымен,",
            "(қаулысы)",
            "\"Заңы\";",
            "«Заңы»",
            ".,;:()\"",
            "",
            "№",
            ",ә,",
            "2018.",
        ] {
            let want =
                w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"'));
            assert_eq!(strip_punct(w), want, "{w:?}");
        }
    }

    #[test]
    fn stem_letters_are_told_by_their_bytes() {
        // Every character that lowers to a stem's first letter passes the
        // byte test, and no other does.
        let firsts = ['қ', 'ш', 'б', 'з', 'к', 'ж', 'ө'];
        let mut passed = 0;
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = firsts.contains(&crate::chars::lower(c));
            assert_eq!(starts_like_a_stem(bytes), want, "{c:?}");
            passed += usize::from(want);
        }
        assert_eq!(passed, 14);
    }

    #[test]
    fn type_words_in_any_case_and_their_neighbours() {
        use ActType::*;
        for (w, want) in [
            ("қаулысымен", Some(Resolution)),
            ("ҚАУЛЫСЫ", Some(Resolution)),
            ("Шешімі", Some(Decision)),
            ("бұйрығымен", Some(Order)),
            ("БҰЙРЫҚ", Some(Order)),
            ("Заңы", Some(Law)),
            ("ЗАҢЫ", Some(Law)),
            ("заңы", None),
            ("Заңды", None),
            ("Кодексі", Some(Code)),
            ("Жарлығымен", Some(Decree)),
            ("өкімі", Some(Other)),
            ("өкілі", None),
            ("қызметті", None),
            ("көрсетілетін", None),
            ("бойынша", None),
            ("жылғы", None),
            ("қа", None),
            ("қ", None),
            ("", None),
        ] {
            assert_eq!(type_word(w), want, "{w}");
        }
    }

    /// Titles in guillemets, nested and mixed with straight quotes.
    #[test]
    fn titles_in_guillemets() {
        let titles =
            |t: &str| -> Vec<String> { quoted(t).into_iter().map(|r| t[r].to_owned()).collect() };
        assert_eq!(
            titles("«Мемлекеттік көрсетілетін қызметтер туралы» Заңына"),
            ["«Мемлекеттік көрсетілетін қызметтер туралы»"]
        );
        assert_eq!(
            titles("№ 5 ««Үздік педагог» атағын беру туралы» қаулысы, «а» және «б»"),
            ["««Үздік педагог» атағын беру туралы»", "«а»", "«б»"]
        );
        assert_eq!(
            titles("«\"Азаматтарға арналған үкімет\" корпорациясы туралы» қаулы"),
            ["«\"Азаматтарға арналған үкімет\" корпорациясы туралы»"]
        );
        check(
            "Ақмола облысы әкімдігінің 2015 жылғы 4 тамыздағы № А-8/365 «Мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы» (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 4977 тіркелген) қаулысының",
            &[(
                "resolution",
                Some("Ақмола облысы әкімдігі"),
                Some("2015-08-04"),
                Some("А-8/365"),
                Some("4977"),
                Some("Мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы"),
            )],
        );
    }

    #[test]
    fn registrations() {
        let r = registration("Батыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы. Батыс Қазақстан облысының Әділет департаментінде 2018 жылғы 31 шілдеде № 5309 болып тіркелді. Күші жойылды").unwrap();
        assert_eq!(
            r.authority.as_deref(),
            Some("Батыс Қазақстан облысының Әділет департаменті")
        );
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2018-07-31"));
        assert_eq!(r.number.as_deref(), Some("5309"));
        let r = registration("Алматы облысы әкімдігінің 2018 жылғы 4 қазандағы № 458 қаулысы. Алматы облысы Әділет департаментінде 2018 жылы 19 қарашада № 4865 болып тіркелді.").unwrap();
        assert_eq!(
            r.authority.as_deref(),
            Some("Алматы облысы Әділет департаменті")
        );
        assert_eq!(r.number.as_deref(), Some("4865"));
    }

    /// An office written with a capital (`мәдениет және спорт Министрінің`)
    /// is an issuer as in lower case; a word that only ends like one is not.
    #[test]
    fn an_issuer_written_with_a_capital() {
        check(
            "Қазақстан Республикасы мәдениет және спорт Министрінің 2016 жылғы 28 қаңтардағы № 19 \"Қазақстан Республикасы Мәдениет және спорт Министрінің кейбір бұйрықтарына өзгерістер енгізу туралы\" бұйрығына (нормативтік құқықтық актілерді мемлекеттік тіркеу Тізілімінде № 13402 болып тіркелген) сәйкес",
            &[(
                "order",
                Some("Қазақстан Республикасы мәдениет және спорт Министрі"),
                Some("2016-01-28"),
                Some("19"),
                Some("13402"),
                Some("Қазақстан Республикасы Мәдениет және спорт Министрінің кейбір бұйрықтарына өзгерістер енгізу туралы"),
            )],
        );
        assert!(is_capitalized("Министрінің", "министрінің"));
        assert!(!is_capitalized("министрінің", "министрінің"));
        assert!(!is_capitalized("Әкімінің", "министрінің"));
    }

    /// An akimat cited with its place in the genitive is named as its own
    /// header names it, so that the two citations give one issuer.
    #[test]
    fn an_akimat_cited_with_its_place_in_the_genitive() {
        check(
            "Ескерту. Күші жойылды - Қарағанды облысының әкімдігінің 03.07.2020 № 41/04 (алғашқы ресми жарияланған күннен бастап қолданысқа енгізілсін) қаулысымен.",
            &[("resolution", Some("Қарағанды облысы әкімдігі"), Some("2020-07-03"), Some("41/04"), None, None)],
        );
        check(
            "Түркістан облысы Созақ ауданының әкімдігінің 2019 жылғы 5 наурыздағы № 60 қаулысына",
            &[(
                "resolution",
                Some("Түркістан облысы Созақ ауданы әкімдігі"),
                Some("2019-03-05"),
                Some("60"),
                None,
                None,
            )],
        );
        assert_eq!(
            region_of("Қарағанды облысы әкімдігі").as_deref(),
            Some("Қарағанды облысы")
        );
    }

    /// A note's date written month first (`2015 ж. 05.21`) keeps its issuer.
    #[test]
    fn a_note_dated_month_first() {
        check(
            "Ескерту. Күші жойылды - Алматы қаласы әкімдігінің 2015 ж. 05.21 № 2/305 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
            &[("resolution", Some("Алматы қаласы әкімдігі"), Some("2015-05-21"), Some("2/305"), None, None)],
        );
    }

    /// Older acts give the registration number in a sentence of its own
    /// (`тіркелді. Тіркеу N 3915.`); it is no citation's number, so the
    /// repeal sentence after it is read too.
    #[test]
    fn a_registration_number_in_a_sentence_of_its_own() {
        let text = "Қазақстан Республикасы Қаржы министрінің 2005 жылғы 29 қазандағы N 386 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2005 жылғы 1 қарашада тіркелді. Тіркеу N 3915. Күші жойылды - Қазақстан Республикасы Қаржы министрінің 2010 жылғы 24 мамырдағы № 248 бұйрығымен";
        let r = registration(text).unwrap();
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2005-11-01"));
        assert_eq!(r.number.as_deref(), Some("3915"));
        assert!(text[r.span.clone()].ends_with("Тіркеу N 3915."));
        let numbers: Vec<Option<String>> = citations(text).into_iter().map(|c| c.number).collect();
        assert_eq!(numbers, [Some("386".to_owned()), Some("248".to_owned())]);
        // A number after the verb's own sentence is not taken.
        let r = registration(
            "Әділет министрлігінде 2005 жылғы 1 қарашада тіркелді. Тіркеу бойынша N 3915.",
        )
        .unwrap();
        assert_eq!(r.number, None);
    }

    #[test]
    fn the_abbreviation_of_the_republic_in_notes() {
        let text = "Ескерту. Өзгерту енгізілді - ҚР Үкіметінің 2009.12.30 N 2264 Қаулысымен.";
        let c = &citations(text)[0];
        assert_eq!(c.issuer.as_deref(), Some("Қазақстан Республикасы Үкіметі"));
        assert!(c.issuer.as_deref().is_some_and(is_never_registered));
        assert_eq!(c.act_type, ActType::Resolution);
        let text = "Ескерту. Тақырыбы жаңа редакцияда - ҚР Ауыл шаруашылығы министрінің 02.03.2019 № 88 бұйрығымен.";
        let c = &citations(text)[0];
        assert_eq!(
            c.issuer.as_deref(),
            Some("Қазақстан Республикасы Ауыл шаруашылығы министрі")
        );
        assert_eq!(c.number.as_deref(), Some("88"));
    }

    #[test]
    fn a_header_that_writes_the_number_sign_n() {
        let text = "Батыс Қазақстан облысы әкімдігінің 2012 жылғы 26 маусымдағы N 856 қаулысы. Батыс Қазақстан облысының Әділет департаментінде 2012 жылғы 11 шілдеде N 3095 болып тіркелді.";
        let r = registration(text).unwrap();
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2012-07-11"));
        assert_eq!(r.number.as_deref(), Some("3095"));
        let c = &citations(text)[0];
        assert_eq!(c.issuer.as_deref(), Some("Батыс Қазақстан облысы әкімдігі"));
        assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2012-06-26"));
        assert_eq!(c.number.as_deref(), Some("856"));
        assert_eq!(
            registration_number(
                "(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде N 7953 тіркелген)"
            )
            .as_deref(),
            Some("7953")
        );
    }

    #[test]
    fn quotes_nest_inside_titles() {
        let t = "№310 \"Техникалық, кәсіптік және орта білімнен кейінгі білімі бар кадрларды даярлауға арналған мемлекеттік білім беру тапсырысын орналастыру бойынша конкурсқа құжаттарды қабылдау\" мемлекеттік көрсетілетін қызмет регламентін бекіту туралы\" қаулысына";
        let q = quoted(t);
        assert_eq!(q.len(), 1);
        assert!(t[q[0].clone()].ends_with("бекіту туралы\""));
        let t = "\"Азаматтарға арналған үкімет\" мемлекеттік корпорациясы\" коммерциялық емес";
        assert_eq!(&t[quoted(t)[0].clone()], "\"Азаматтарға арналған үкімет\"");
    }
}
