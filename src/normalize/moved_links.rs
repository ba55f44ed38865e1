//! Repair D1: link text torn out of its place and appended to the line end.
//!
//! The extractor cut every hyperlink's text (and a few bold runs) out of its
//! visual line, leaving a *gap*, and appended the runs to the end of the
//! line in their original order. This module finds the two halves and puts
//! each run back:
//!
//! * **gaps**: two or more spaces between words; one space before `,` or `:`
//!   (the link was followed by punctuation); a single leading space when the
//!   link opened the visual line (only accepted by the caller inside a body
//!   paragraph, or on a paragraph's first line indented one space more than
//!   the document's usual indent); the start of a line that begins with `,`
//!   or `:` (a lone quote, or link text that punctuation followed). On a
//!   widened line (D3) whose gap shows as a leading space or a run of three,
//!   runs of two spaces and the space before the last stop are widening;
//! * **the tail**: the longest run at the line end made of link-like tokens:
//!   numbers (`120`, `17)`, `3-`), `№ N`, references (`1-қосымшасына`,
//!   `тармағында`, `стандартына`, `қаулысына`, `регламенті` …), quoted
//!   title fragments (`басқару туралы"`) and the bold `ҚАУЛЫ ЕТЕДІ`. A tail
//!   glued to the word before it is cut off at punctuation
//!   (`асырылады.3-бөліміне`), at a letter–digit seam (`өтінішті1-қосымшасына`)
//!   or where a known word ends and a reference begins (`әрістандартына`).
//!
//! The tail is split into runs before each number, `№` (unless the sign
//! stands alone before its number) or quote, the runs fill the gaps left to
//! right, and runs left over stay at the end (they were already there). With
//! more runs than gaps, the first runs may be the line's own text (`… - 20
//! 2-қосымшасына`: a duration's number) and word-pair evidence chooses; a
//! numbered reference that owns the next (`16-бабының 1-тармағына`, `16-бабы
//! 3-тармағына`) takes it along into its gap. A double space right before
//! the tail is the gap of a run that was already last: filling it changes
//! nothing, unless the run is the line's own word and the reference after
//! it belongs before it (`4 тамыздағы  қаулысымен №204`: an act's number
//! follows its date). When there are more gaps than runs, word-pair
//! evidence chooses; when nothing decides, the line is left as it is with
//! a warning.
//!
//! ```text
//! before  1) көрсетілетін қызметті алушы Стандарттың  сәйкес өтінішті1-қосымшасына   (000:190)
//! after   1) көрсетілетін қызметті алушы Стандарттың 1-қосымшасына сәйкес өтінішті
//! ```

use std::ops::Range;

use super::mapped::{MapBuilder, MappedLine};
use super::vocab::Evidence;
use crate::chars::{has_quote, starts_with_opening_quote};

/// What the repair did to one line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Runs put back into a gap.
    pub moved: u32,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
struct Span {
    range: Range<usize>,
    /// Spaces before this span (0 when glued to the previous one).
    gap_before: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cls {
    Num,
    No,
    Dash,
    Noun,
    NounGen,
    NumRef,
    Quote,
    Close,
    Formula1,
    Formula2,
    Other,
}

/// Opening words of the operative formula, printed bold and moved like links.
const FORMULAS: &[(&str, Option<&str>)] = &[
    ("ҚАУЛЫ", Some("ЕТЕДІ")),
    ("ШЕШІМ", Some("ҚАБЫЛДАДЫ")),
    ("БҰЙЫРАМЫН", None),
    // A joint order's (`БҰЙЫРАМЫЗ`, 'we order'), an akim's decision
    // (`ШЕШІМ ҚАБЫЛДАЙМЫН`, 'I decide').
    ("БҰЙЫРАМЫЗ", None),
    ("ШЕШІМ", Some("ҚАБЫЛДАЙМЫН")),
];

/// Whether `t` is a formula of one word (`БҰЙЫРАМЫН`): moved alone, at the
/// line's end.
fn is_one_word_formula(t: &str) -> bool {
    FORMULAS.iter().any(|&(a, b)| a == t && b.is_none())
}

/// Stems of the nouns that link texts are made of: annex, point, subpoint,
/// section, article, standard, resolution, order, decision, law, regulation,
/// code, decree.
const STEMS: &[&str] = &[
    "қосымша",
    "тармақ",
    "тармағ",
    "бөлім",
    "бап",
    "баб",
    "стандарт",
    "қаулы",
    "бұйрық",
    "бұйрығ",
    "шешім",
    "заң",
    "регламент",
    "кодекс",
    "жарлық",
    "жарлығ",
];
const NOT_STEMS: &[&str] = &["бөлімше", "заңды", "заңна", "бапта"];

/// Whether `t` is a reference noun that link texts are made of
/// (`қосымшасына`, `тармағында`, `стандартына` …).
pub fn is_reference_noun(t: &str) -> bool {
    is_noun(t)
}

fn is_noun(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !first.is_lowercase() || !t.chars().all(|c| crate::chars::is_letter(c) || c == '-') {
        return false;
    }
    STEMS.iter().any(|s| t.starts_with(s)) && !NOT_STEMS.iter().any(|s| t.starts_with(s))
}

fn is_digits(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `c`, after the letter `p` in one token, starts a number sign:
/// `№`, or a Latin `N` after a Cyrillic letter (`тіркелгенN 3344`), as
/// acts that write the sign `N` glue it.
fn starts_number_sign(p: char, c: char) -> bool {
    c == '№' || c == 'N' && !p.is_ascii()
}

/// Whether `t` starts with a number sign followed by nothing or by digits
/// alone: `№`, `№5`, and the Latin `N` some acts write for it (`N`, `N5`).
fn is_number_sign(t: &str) -> bool {
    t.strip_prefix('№')
        .or_else(|| t.strip_prefix('N'))
        .is_some_and(|rest| rest.is_empty() || is_digits(rest))
}

fn classify(t: &str) -> Cls {
    match t {
        "-" | "–" | "—" => return Cls::Dash,
        "\"" | "»" => return Cls::Quote,
        _ => {}
    }
    if is_number_sign(t) {
        return Cls::No;
    }
    if FORMULAS.iter().any(|(a, _)| *a == t) {
        return Cls::Formula1;
    }
    if FORMULAS.iter().any(|(_, b)| *b == Some(t)) {
        return Cls::Formula2;
    }
    let digits_end = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits_end > 0 {
        let rest = &t[digits_end..];
        if rest.is_empty() || rest == ")" {
            return Cls::Num;
        }
        for dash in ["-", "–"] {
            if let Some(after) = rest.strip_prefix(dash) {
                if after.is_empty() {
                    return Cls::Num;
                }
                if is_noun(after) {
                    return Cls::NumRef;
                }
            }
        }
        return Cls::Other;
    }
    // A title's end (`туралы"`, `туралы»`), or a whole quoted name.
    let closing = match t.as_bytes() {
        [.., b'"'] => 1,
        [.., 0xC2, 0xBB] => 2,
        _ => 0,
    };
    if closing > 0 {
        let body = &t[..t.len() - closing];
        if !body.is_empty()
            && (!has_quote(body)
                || starts_with_opening_quote(body) && body.chars().nth(1).is_some())
        {
            return Cls::Close;
        }
    }
    if is_noun(t) {
        return if is_genitive(t) {
            Cls::NounGen
        } else {
            Cls::Noun
        };
    }
    Cls::Other
}

/// `тармақшаларының`: a genitive reference is link text only after its
/// number (`18) тармақшаларының`); alone it is the text's own (`осы қаулының`).
fn is_genitive(t: &str) -> bool {
    crate::chars::is_genitive(t)
}

fn anchor_like(c: Cls) -> bool {
    matches!(
        c,
        Cls::Num | Cls::No | Cls::Noun | Cls::NumRef | Cls::Formula1
    )
}

fn spans_of(text: &str) -> Vec<Span> {
    super::tokens::tokens(text)
        .map(|t| Span {
            range: t.start..t.end(),
            gap_before: t.gap,
        })
        .collect()
}

/// Where a glued tail starts inside token `t`, if it has one. Returns the
/// byte offset of the tail and whether the seam was punctuation or a
/// letter–digit change (strong signs of the extractor's gluing).
fn glue_split(t: &str, ev: &Evidence<'_>, next_is_formula2: bool) -> Option<(usize, bool)> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    // 1. After punctuation that follows a word, or at the token start.
    for (k, &(i, c)) in chars.iter().enumerate() {
        let dash_at_start = k == 0 && matches!(c, '-' | '–');
        if !matches!(c, '.' | ';' | ':' | '(') && !dash_at_start {
            continue;
        }
        let after = i + c.len_utf8();
        if after >= t.len() {
            continue;
        }
        let before_ok = k == 0
            || chars[k - 1].1.is_alphabetic()
            || chars[k - 1].1 == ')'
            || chars[k - 1].1 == '"'
            || chars[k - 1].1 == '»';
        if !before_ok {
            continue;
        }
        let suffix = &t[after..];
        let cls = classify(suffix);
        if anchor_like(cls)
            && (cls != Cls::Formula1 || next_is_formula2 || is_one_word_formula(suffix))
        {
            return Some((after, true));
        }
    }
    // 2. A letter followed by a digit or a number sign.
    for w in chars.windows(2) {
        let (_, a) = w[0];
        let (j, b) = w[1];
        if crate::chars::is_letter(a)
            && (b.is_ascii_digit() || starts_number_sign(a, b))
            && anchor_like(classify(&t[j..]))
        {
            return Some((j, true));
        }
    }
    // 3. A known word followed by a reference noun.
    if ev.word(t) == 0 {
        for &(j, _) in chars.iter().skip(2) {
            let (head, suffix) = t.split_at(j);
            if is_noun(suffix) && !is_genitive(suffix) && ev.word(head) >= 2 {
                return Some((j, false));
            }
        }
    }
    None
}

#[derive(Debug, Clone)]
struct Piece {
    spans: Range<usize>,
    first: Cls,
    stay: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GapKind {
    Space,
    Punct,
    Lead,
    Invisible,
    Noop,
}

#[derive(Debug, Clone, Copy)]
struct Gap {
    /// Insert before body span `at`.
    at: usize,
    kind: GapKind,
}

/// Genitive nouns that announce a reference: `Стандарттың 9-тармағына`.
fn wants_reference(word: &str) -> bool {
    let w = word.trim_matches(crate::chars::QUOTES);
    (w.ends_with("тың")
        || w.ends_with("тің")
        || w.ends_with("ның")
        || w.ends_with("нің")
        || w.ends_with("дың")
        || w.ends_with("дің"))
        && [
            "Стандарт",
            "Регламент",
            "қаулы",
            "Заң",
            "бұйрығ",
            "бұйрық",
            "шешім",
            "бап",
            "баб",
            "тармағ",
            "Кодекс",
        ]
        .iter()
        .any(|s| w.starts_with(s))
}

/// Whether `word` ends a date: a dotted date (`01.06.2020`) or a month in
/// the attributive case (`тамыздағы`, `шілдедегі`).
fn ends_a_date(word: &str) -> bool {
    let dotted = word.len() == 10
        && word.bytes().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                b == b'.'
            } else {
                b.is_ascii_digit()
            }
        });
    dotted || ["ғы", "гі"].iter().any(|e| word.ends_with(e)) && crate::chars::month(word).is_some()
}

/// A cheap test that rules out most lines: no double space, no space
/// before `,` or `:`, no line-initial `,`/`:` and no tail glued after
/// punctuation or to a word in the last token. `measured` is what the
/// caller knows of the line already.
fn may_hold_a_gap(text: &str, measured: Option<Measured>) -> bool {
    let b = text.as_bytes();
    if text.starts_with([',', ':']) {
        return true;
    }
    // Searched for (SIMD), not walked from space to space: a line holds
    // more spaces than commas and colons.
    let Measured {
        double_space,
        spaced_mark,
    } = measured.unwrap_or_else(|| Measured {
        double_space: crate::chars::has_double_space(text),
        spaced_mark: memchr::memchr2_iter(b',', b':', b).any(|i| i > 0 && b[i - 1] == b' '),
    });
    if double_space || spaced_mark {
        return true;
    }
    // A glued tail without a gap is only reported; look at the last token,
    // and at its characters only if it holds punctuation before its end, a
    // digit, `№` (lead byte E2) or `N`: most last words hold none. One pass from
    // the line's end back to the space before the last token.
    let mut start = b.len();
    let mut suspect = false;
    while start > 0 && b[start - 1] != b' ' {
        start -= 1;
        let x = b[start];
        suspect |= x.is_ascii_digit()
            || x == 0xE2
            || x == b'N'
            || matches!(x, b'.' | b';' | b':') && start + 1 < b.len();
    }
    if !suspect {
        return false;
    }
    // A space is ASCII: `start` is a character boundary.
    let last = &text[start..];
    let mut prev: Option<char> = None;
    for c in last.chars() {
        if let Some(p) = prev {
            let after_punct = matches!(p, '.' | ';' | ':') && crate::chars::is_alnum(c);
            let letter_digit =
                crate::chars::is_letter(p) && (c.is_ascii_digit() || starts_number_sign(p, c));
            if after_punct || letter_digit {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

/// A reference that is always numbered, found without its number: a point
/// or section, or an annex of the Standard or the Regulation.
fn lost_number(before: &str, noun: &str) -> bool {
    let always_numbered = ["тармағ", "тармақ", "бөлім", "бап", "баб"]
        .iter()
        .any(|s| noun.starts_with(s));
    let defined_term = before.starts_with(['С', 'Р']) && wants_reference(before);
    always_numbered || (defined_term && noun.starts_with("қосымша"))
}

/// Repairs one line. `lead_gap` says that the line's single leading space is
/// a gap (the caller knows the line continues a body paragraph).
pub fn repair(line: &mut MappedLine<'_>, lead_gap: bool, ev: &Evidence<'_>) -> Outcome {
    let widened = super::split_words::ends_widened(line.as_str());
    repair_measured(line, lead_gap, None, widened, ev)
}

/// What the caller measured of a line already (normalization looks for
/// these over the whole text at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    /// Two spaces in a row.
    pub double_space: bool,
    /// A space before `,` or `:`.
    pub spaced_mark: bool,
}

/// [`repair`], told what the caller measured of the line (`None`:
/// measure) and whether the line came widened (split words, a space
/// before its last stop: its runs of two spaces may be the widening).
#[allow(clippy::needless_range_loop)] // spans are indexed by gap positions
pub fn repair_measured(
    line: &mut MappedLine<'_>,
    lead_gap: bool,
    measured: Option<Measured>,
    widened: bool,
    ev: &Evidence<'_>,
) -> Outcome {
    let mut out = Outcome::default();
    if !lead_gap && !may_hold_a_gap(line.as_str(), measured) {
        return out;
    }
    let text = line.as_str().to_owned();
    let mut spans = spans_of(&text);
    let n = spans.len();
    if n == 0 {
        return out;
    }
    let tok = |s: &Span| &text[s.range.clone()];

    // --- The stay piece: an opening-quote fragment that ends the line.
    // A lone `"` ending the line is an opening quote stranded by the wrap;
    // a `"Word …` run ending the line is a title that continues on the next
    // line. Neither moved.
    let mut i = n;
    let mut pieces_rev: Vec<Piece> = Vec::new();
    let stay_from = if matches!(tok(&spans[n - 1]), "\"" | "«") {
        Some(n - 1)
    } else {
        (0..n)
            .rev()
            .find(|&j| has_quote(tok(&spans[j])))
            .filter(|&j| {
                let t = tok(&spans[j]);
                starts_with_opening_quote(t)
                    && t.matches(crate::chars::QUOTES).count() == 1
                    && t.len() > 1
                    && spans[j + 1..]
                        .iter()
                        .all(|s| classify(tok(s)) == Cls::Other)
            })
    };
    if let Some(j) = stay_from {
        pieces_rev.push(Piece {
            spans: j..n,
            first: Cls::Other,
            stay: true,
        });
        i = j;
    }

    // --- Scan the tail backwards.
    let mut glued_strong = false;
    let mut tail_start = i;
    let mut run: Vec<(usize, Cls)> = Vec::new(); // spans of the tail, backwards
    while i > 0 {
        let k = i - 1;
        // Borrowed from the line's copy, which splitting a span leaves as is.
        let t: &str = &text[spans[k].range.clone()];
        let cls = classify(t);
        let mut took = true;
        match cls {
            Cls::Num | Cls::No | Cls::Noun | Cls::NumRef | Cls::Quote => {
                run.push((k, cls));
                i = k;
            }
            // A dash belongs to the tail only between a number and a noun
            // (`3 – қосымшаларына`); otherwise it is the text's own (`әрі –`).
            Cls::Dash
                if run.last().is_some_and(|&(_, c)| c == Cls::Noun)
                    && k > 0
                    && (classify(tok(&spans[k - 1])) == Cls::Num
                        || tok(&spans[k - 1]).ends_with(|c: char| c.is_ascii_digit())) =>
            {
                run.push((k, cls));
                i = k;
            }
            Cls::NounGen
                if k > 0
                    && spans[k].gap_before == 1
                    && classify(tok(&spans[k - 1])) == Cls::Num =>
            {
                run.push((k, Cls::Noun));
                i = k;
            }
            Cls::Formula2
                if k > 0
                    && spans[k].gap_before == 1
                    && FORMULAS
                        .iter()
                        .any(|(a, b)| *b == Some(t) && tok(&spans[k - 1]).ends_with(a)) =>
            {
                run.push((k, cls));
                i = k;
            }
            Cls::Formula1
                if run.last().is_some_and(|&(_, c)| c == Cls::Formula2)
                    || run.is_empty() && k + 1 == n && is_one_word_formula(t) =>
            {
                run.push((k, cls));
                i = k;
            }
            Cls::Close => {
                // Extend back over the title's lower-case words.
                let mut s = k;
                if !starts_with_opening_quote(t) {
                    let mut steps = 0;
                    while s > 0 && spans[s].gap_before == 1 && steps < 12 {
                        let p = tok(&spans[s - 1]);
                        if starts_with_opening_quote(p) {
                            s -= 1;
                            break;
                        }
                        let lower = p.chars().next().is_some_and(char::is_lowercase);
                        if lower && !p.ends_with([',', '.', ';', ':', ')']) && !has_quote(p) {
                            s -= 1;
                            steps += 1;
                        } else {
                            break;
                        }
                    }
                }
                for q in (s..=k).rev() {
                    run.push((q, if q == s { Cls::Close } else { Cls::Other }));
                }
                i = s;
            }
            _ => {
                took = false;
                let next_is_f2 = run.last().is_some_and(|&(_, c)| c == Cls::Formula2);
                if let Some((at, strong)) = glue_split(t, ev, next_is_f2) {
                    // Split span k into head and glued suffix.
                    let start = spans[k].range.start;
                    let head = Span {
                        range: start..start + at,
                        gap_before: spans[k].gap_before,
                    };
                    let suffix = Span {
                        range: start + at..spans[k].range.end,
                        gap_before: 0,
                    };
                    let scls = classify(&text[suffix.range.clone()]);
                    spans.splice(k..=k, [head, suffix]);
                    // Indices after k shift by one.
                    for p in pieces_rev.iter_mut() {
                        p.spans = p.spans.start + 1..p.spans.end + 1;
                    }
                    for r in run.iter_mut() {
                        r.0 += 1;
                    }
                    run.push((k + 1, scls));
                    glued_strong = strong;
                    i = k + 1;
                    tail_start = i;
                }
            }
        }
        if !took {
            break;
        }
        tail_start = i;
        if spans[i].gap_before >= 2 {
            break;
        }
    }
    if run.is_empty() {
        return out;
    }
    run.reverse();

    // --- Split the tail into pieces.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut prev: Option<(usize, Cls)> = None;
    for &(k, cls) in &run {
        let t = &text[spans[k].range.clone()];
        let starts_new = match prev {
            None => true,
            Some((pk, pc)) => {
                let digit = t.starts_with(|c: char| c.is_ascii_digit());
                // A number continues a bare sign (`№ 122`), not one that
                // has its number (`№122 1-қосымша` is two pieces).
                let bare_sign = pc == Cls::No
                    && !text[spans[pk].range.clone()]
                        .bytes()
                        .any(|b| b.is_ascii_digit());
                (digit && !bare_sign)
                    || t.starts_with('№')
                    || is_number_sign(t)
                    || matches!(cls, Cls::Quote | Cls::Close)
                    || (starts_with_opening_quote(t) && cls != Cls::Other)
                    || (cls == Cls::Noun && matches!(pc, Cls::Noun | Cls::Close | Cls::Quote))
                    || cls == Cls::Formula1
                    || (matches!(pc, Cls::Quote) && cls != Cls::Other)
            }
        };
        // Words inside a quoted title (Cls::Other) never start a piece.
        if starts_new && !(cls == Cls::Other && prev.is_some()) {
            pieces.push(Piece {
                spans: k..k + 1,
                first: cls,
                stay: false,
            });
        } else if let Some(last) = pieces.last_mut() {
            last.spans.end = k + 1;
        }
        prev = Some((k, cls));
    }
    // The quoted text that stays at the line's end, when there is one, is
    // the last piece.
    pieces.extend(pieces_rev.into_iter().rev());

    // --- Find the gaps in the body.
    let body_end = tail_start;
    let mut gaps: Vec<Gap> = Vec::new();
    if lead_gap {
        gaps.push(Gap {
            at: 0,
            kind: GapKind::Lead,
        });
    } else if body_end > 0 && tok(&spans[0]).starts_with([',', ':']) {
        gaps.push(Gap {
            at: 0,
            kind: GapKind::Invisible,
        });
    }
    // On a widened line whose gap shows otherwise, as a leading space or a
    // run of three, the runs of two spaces are the widening (` сәйкес
    // жүзеге  асырылады ;5-тармағына`).
    let widening = widened
        && (lead_gap
            || spans
                .get(1..body_end)
                .unwrap_or_default()
                .iter()
                .any(|s| s.gap_before >= 3));
    for k in 1..body_end {
        let g = spans[k].gap_before;
        if g >= 2 && !(widening && g == 2) {
            gaps.push(Gap {
                at: k,
                kind: GapKind::Space,
            });
        } else if g == 1
            && tok(&spans[k]).starts_with([',', ':'])
            // The space before a widened line's last stop is the widening
            // when another gap shows (`ҚАУЛЫ ЕТЕДІ :16-бабының 3-тармағына`).
            && !(widened && k + 1 == body_end && tok(&spans[k]) == ":" && !gaps.is_empty())
        {
            gaps.push(Gap {
                at: k,
                kind: GapKind::Punct,
            });
        }
    }
    let mut real_gaps = gaps.len();
    if body_end < spans.len() && spans[body_end].gap_before >= 2 && body_end > 0 {
        // The double space right before the tail is where its first piece
        // stood, unless that piece is the line's own word and the reference
        // after it moved from the gap: an act's number follows its date
        // (`4 тамыздағы  қаулысымен №204` → `4 тамыздағы №204 қаулысымен`),
        // a numbered reference follows the word that asks for one
        // (`қаулысының  17) 1-тармағының` → `қаулысының 1-тармағының 17)`,
        // `Заңының  2) тармақшасына 6-бабының` → `Заңының 6-бабының 2)
        // тармақшасына`: the subpoint's reference is the line's own).
        let left = tok(&spans[body_end - 1]);
        let own_piece = |p: &Piece| {
            !p.stay && (p.spans.len() == 1 || p.first == Cls::Num && p.spans.len() == 2)
        };
        let own_word_first = real_gaps == 0 && pieces.len() >= 2 && own_piece(&pieces[0]);
        let number_after_own_type_word = own_word_first
            && (pieces[0].first == Cls::Noun && pieces[1].first == Cls::No && ends_a_date(left)
                || pieces[0].first == Cls::Num
                    && pieces[1].first == Cls::NumRef
                    && wants_reference(left));
        if number_after_own_type_word {
            pieces[0].stay = true;
            real_gaps = 1;
        }
        gaps.push(Gap {
            at: body_end,
            kind: if number_after_own_type_word {
                GapKind::Space
            } else {
                GapKind::Noop
            },
        });
    }
    let movable: Vec<usize> = (0..pieces.len()).filter(|&p| !pieces[p].stay).collect();
    if real_gaps == 0 || movable.is_empty() {
        if glued_strong && real_gaps == 0 {
            out.warnings.push(format!(
                "«{}» looks like link text moved to the line end, but no gap shows where it came from; left as is",
                &text[spans[body_end.min(spans.len() - 1)].range.start..]
            ));
        }
        return out;
    }

    // --- Assign pieces to gaps.
    let word_before = |at: usize| -> &str {
        if at == 0 {
            ""
        } else {
            tok(&spans[at - 1])
        }
    };
    let word_at = |at: usize| -> &str {
        if at < spans.len() {
            tok(&spans[at])
        } else {
            ""
        }
    };
    let piece_first = |p: &Piece| tok(&spans[p.spans.start]).to_owned();
    let piece_last = |p: &Piece| tok(&spans[p.spans.end - 1]).to_owned();
    // Whether piece `a` ends with a numbered reference that owns piece `b`,
    // in the genitive (`16-бабының 1-тармағына`) or with the possessive of
    // an izafet (`16-бабы 3-тармағына`): one link text of two pieces.
    let owns = |a: &Piece, b: &Piece| {
        let owner = piece_last(a);
        classify(&owner) == Cls::NumRef
            && (is_genitive(&owner) || owner.ends_with(['ы', 'і']))
            && matches!(b.first, Cls::NumRef | Cls::Num)
    };
    // A line that starts with `,` or `:` lost what opened it: a lone quote
    // (000:19) or link text that a comma followed (`1-тармағына, "…`).
    let compatible = |g: &Gap, p: &Piece| {
        g.kind != GapKind::Invisible
            || matches!(
                p.first,
                Cls::Quote | Cls::NumRef | Cls::Noun | Cls::No | Cls::Num
            )
    };
    let score = |g: &Gap, p: &Piece| -> i64 {
        if g.kind == GapKind::Noop {
            return 0;
        }
        let left = word_before(g.at);
        let right = word_at(g.at);
        let mut s =
            i64::from(ev.pair(left, &piece_first(p))) + i64::from(ev.pair(&piece_last(p), right));
        if wants_reference(left) && matches!(p.first, Cls::Noun | Cls::NumRef | Cls::Num) {
            s += 5;
        }
        // An act's number follows its date (`4 тамыздағы №204`,
        // `01.06.2020 № 120`).
        if p.first == Cls::No && ends_a_date(left) {
            s += 5;
        }
        s - i64::from(ev.pair(left, right)).min(3)
    };

    let m = movable.len();
    let g_total = gaps.len();
    // assignment[j] = Some(piece index in `movable`) for gap j.
    let mut assignment: Vec<Option<usize>> = vec![None; g_total];
    if m >= g_total {
        // Every gap takes the next compatible piece; the rest stay. The
        // first pieces of the tail may be the line's own text, with the
        // moved text after it (`… береді) - 20 2-қосымшасына`, where `20`
        // is a duration; `… тамыздағы  қаулысымен №204`): the pieces after
        // them go first when the evidence says so.
        // Scores are asked only when there is a choice (they cost
        // vocabulary questions).
        let choice = m > g_total;
        let fill = |skip: usize| -> (Vec<Option<usize>>, i64) {
            let mut a = vec![None; g_total];
            let mut total = 0;
            let mut next = skip;
            for (j, g) in gaps.iter().enumerate() {
                if next < m && compatible(g, &pieces[movable[next]]) {
                    a[j] = Some(next);
                    if choice {
                        total += score(g, &pieces[movable[next]]);
                    }
                    next += 1;
                }
            }
            (a, total)
        };
        let (first, first_score) = fill(0);
        assignment = first;
        let mut best = first_score;
        for skip in 1..=m - g_total {
            // A reference is not left behind by the one it belongs to.
            if owns(&pieces[movable[skip - 1]], &pieces[movable[skip]]) {
                continue;
            }
            let (a, total) = fill(skip);
            // Without evidence either way, bare numbers (`18)`) or single
            // words (`шешім`) before a numbered reference or an act's number
            // (`1-тармағының`, `№204`) are the line's own: such a reference
            // is link text for certain.
            let own_numbers = movable[..skip].iter().all(|&p| {
                pieces[p].first == Cls::Num
                    || pieces[p].first == Cls::Noun && pieces[p].spans.len() == 1
            }) && matches!(pieces[movable[skip]].first, Cls::NumRef | Cls::No);
            if total > best || total == best && own_numbers {
                assignment = a;
                best = total;
            }
        }
    } else {
        // More gaps than pieces: choose gaps by evidence.
        let best = choose(&gaps, &movable, &pieces, &compatible, &score);
        match best {
            Some(chosen) => assignment = chosen,
            None => {
                out.warnings.push(format!(
                    "«{}» looks like moved link text, but nothing shows which of {} gaps it came from; left as is",
                    &text[spans[body_end].range.start..],
                    real_gaps
                ));
                return out;
            }
        }
    }

    // Link text of several words (`16-бабының 1-тармағына`, `16-бабы
    // 3-тармағына`: a numbered reference that owns the next) is cut into pieces at
    // each number. When the gaps are fewer than the pieces, a piece that no
    // gap took goes with such a genitive before it, unless the evidence
    // joins it more strongly to the word it would follow at the line's end.
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); g_total];
    let last_assigned = assignment
        .iter()
        .enumerate()
        .filter_map(|(j, a)| a.map(|a| (j, a)))
        .max_by_key(|&(_, a)| a);
    if let Some((j, mut prev)) = last_assigned.filter(|&(j, _)| gaps[j].kind != GapKind::Noop) {
        let own_last = body_end.checked_sub(1).map_or("", |k| tok(&spans[k]));
        for next in prev + 1..m {
            if movable[next] != movable[prev] + 1 {
                break;
            }
            let p = &pieces[movable[next]];
            let owner = &pieces[movable[prev]];
            if !owns(owner, p)
                || ev.pair(&piece_last(owner), &piece_first(p)) < ev.pair(own_last, &piece_first(p))
            {
                break;
            }
            followers[j].push(movable[next]);
            prev = next;
        }
    }

    // --- Rebuild the line.
    let mut b = MapBuilder::with_capacity(text.len() + 4);
    let mut placed = vec![false; pieces.len()];
    let copy_piece = |p: &Piece, b: &mut MapBuilder| {
        for (q, k) in p.spans.clone().enumerate() {
            if q > 0 && spans[k].gap_before > 0 {
                b.push(" ", line.src_of(spans[k].range.start - 1));
            }
            line.copy_into(spans[k].range.clone(), b);
        }
    };
    let mut moved = 0u32;
    for k in 0..=body_end {
        let filled: Option<(usize, GapKind, usize)> = gaps
            .iter()
            .zip(&assignment)
            .enumerate()
            .find(|(_, (g, a))| g.at == k && a.is_some())
            .and_then(|(j, (g, a))| a.map(|a| (j, g.kind, movable[a])));
        match filled {
            Some((_, GapKind::Noop, _)) | None => {
                if k == body_end {
                    break;
                }
                if k > 0 && spans[k].gap_before > 0 {
                    let g = spans[k].gap_before.min(2);
                    b.push(&"  "[..g], line.src_of(spans[k].range.start - g));
                }
            }
            Some((j, kind, p)) => {
                if k > 0 {
                    b.push(" ", line.src_of(spans[k].range.start.saturating_sub(1)));
                }
                copy_piece(&pieces[p], &mut b);
                placed[p] = true;
                moved += 1;
                for &f in &followers[j] {
                    let at = spans[pieces[f].spans.start].range.start;
                    b.push(" ", line.src_of(at.saturating_sub(1)));
                    copy_piece(&pieces[f], &mut b);
                    placed[f] = true;
                    moved += 1;
                }
                if k < body_end {
                    match kind {
                        GapKind::Punct | GapKind::Invisible => {}
                        _ => b.push(" ", line.src_of(spans[k].range.start.saturating_sub(1))),
                    }
                }
                if k == body_end {
                    break;
                }
            }
        }
        line.copy_into(spans[k].range.clone(), &mut b);
    }
    // Pieces that stay, in order, with their original spacing.
    for (p, piece) in pieces.iter().enumerate() {
        if placed[p] {
            continue;
        }
        let first = piece.spans.start;
        if spans[first].gap_before > 0 && !b.is_empty() {
            b.push(" ", line.src_of(spans[first].range.start - 1));
        }
        copy_piece(piece, &mut b);
    }
    // Warn about a reference that lost its number (004:1769).
    for (j, g) in gaps.iter().enumerate() {
        if let (Some(a), GapKind::Space | GapKind::Punct) = (assignment[j], g.kind) {
            let p = &pieces[movable[a]];
            if p.first == Cls::Noun && lost_number(word_before(g.at), tok(&spans[p.spans.start])) {
                out.warnings.push(format!(
                    "«{} {}»: the reference has no number; its link text was probably lost in extraction",
                    word_before(g.at),
                    tok(&spans[p.spans.start])
                ));
            }
        }
    }
    out.moved = moved;
    if moved > 0 {
        *line = b.finish_line();
    }
    out
}

type Assignment = Vec<Option<usize>>;

/// Chooses which gaps receive the pieces (in order) when there are more gaps
/// than pieces. Returns `None` when the evidence does not single out one
/// choice.
fn choose(
    gaps: &[Gap],
    movable: &[usize],
    pieces: &[Piece],
    compatible: &dyn Fn(&Gap, &Piece) -> bool,
    score: &dyn Fn(&Gap, &Piece) -> i64,
) -> Option<Assignment> {
    let g = gaps.len();
    let m = movable.len();
    if g > 12 {
        return None;
    }
    let mut best: Option<(i64, Assignment)> = None;
    let mut tie = false;
    // Enumerate subsets of gaps of size m (order-preserving).
    for mask in 0u32..(1 << g) {
        if mask.count_ones() as usize != m {
            continue;
        }
        let mut a: Assignment = vec![None; g];
        let mut next = 0;
        let mut ok = true;
        let mut total = 0i64;
        for (j, gap) in gaps.iter().enumerate() {
            if mask & (1 << j) != 0 {
                let p = &pieces[movable[next]];
                if !compatible(gap, p) {
                    ok = false;
                    break;
                }
                total += score(gap, p);
                a[j] = Some(next);
                next += 1;
            }
        }
        if !ok {
            continue;
        }
        match &best {
            Some((s, _)) if *s > total => {}
            Some((s, _)) if *s == total => tie = true,
            _ => {
                best = Some((total, a));
                tie = false;
            }
        }
    }
    match best {
        Some((s, a)) if s > 0 && !tie => Some(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::vocab::Vocab;

    #[track_caller]
    fn check_lead(input: &str, lead: bool, expected: &str, moved: u32) {
        let doc = Vocab::default();
        let ev = Evidence::new(&doc, true);
        let mut line = MappedLine::borrowed(input, 0);
        let outcome = repair(&mut line, lead, &ev);
        assert_eq!(line.as_str(), expected, "input: {input:?}");
        assert_eq!(outcome.moved, moved, "moved count for {input:?}");
    }

    #[track_caller]
    fn check(input: &str, expected: &str, moved: u32) {
        check_lead(input, false, expected, moved);
    }

    /// The gap test by its definition: a line-initial `,` or `:`, a space
    /// followed by a space, `,` or `:`, or a last token with a letter or
    /// digit after `.`, `;` or `:`, or a digit or `№` after a letter, or
    /// `N` after a Cyrillic one.
    fn may_hold_a_gap_by_definition(text: &str) -> bool {
        let b = text.as_bytes();
        text.starts_with([',', ':'])
            || b.windows(2)
                .any(|w| w[0] == b' ' && matches!(w[1], b' ' | b',' | b':'))
            || crate::chars::last_word(text)
                .chars()
                .zip(crate::chars::last_word(text).chars().skip(1))
                .any(|(p, c)| {
                    (matches!(p, '.' | ';' | ':') && crate::chars::is_alnum(c))
                        || (crate::chars::is_letter(p)
                            && (c.is_ascii_digit() || c == '№' || c == 'N' && !p.is_ascii()))
                })
    }

    /// What normalization measures of a line, by definition.
    fn measure(text: &str) -> Measured {
        let b = text.as_bytes();
        Measured {
            double_space: text.contains("  "),
            spaced_mark: b
                .windows(2)
                .any(|w| w[0] == b' ' && matches!(w[1], b',' | b':')),
        }
    }

    #[test]
    fn gap_test_finds_what_its_definition_does() {
        for text in [
            "",
            "минут ішінде",
            "минут  ішінде",
            "ішінде ,",
            "Нәтижесі :",
            ", қосымшаға",
            "өтінішті1-қосымшасына",
            "1-тармағына:",
            "тармағына:1",
            "жылғы№ 5",
            "қаулысы№5",
            "бекітілген.Стандарт",
            "бекітілген.",
            "минут ",
        ] {
            let want = may_hold_a_gap_by_definition(text);
            assert_eq!(may_hold_a_gap(text, None), want, "{text:?}");
            assert_eq!(may_hold_a_gap(text, Some(measure(text))), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn gap_test_finds_what_its_definition_does_on_any_line(text in "[ ,:;.аҚ1№N–]{0,30}") {
            let want = may_hold_a_gap_by_definition(&text);
            proptest::prop_assert_eq!(may_hold_a_gap(&text, None), want);
            proptest::prop_assert_eq!(may_hold_a_gap(&text, Some(measure(&text))), want);
        }
    }

    #[test]
    fn one_gap_one_run() {
        check(
            "Стандарттың  сәйкес жүзеге асырылады.3-бөліміне",
            "Стандарттың 3-бөліміне сәйкес жүзеге асырылады.",
            1,
        ); // 000:250
        check(
            "туралы\"  (Нормативтік-құқықтық актілерді мемлекеттік тіркеу қаулысына",
            "туралы\" қаулысына (Нормативтік-құқықтық актілерді мемлекеттік тіркеу",
            1,
        ); // 000:26
        check(
            "1) көрсетілетін қызметті алушы Стандарттың  сәйкес өтінішті1-қосымшасына",
            "1) көрсетілетін қызметті алушы Стандарттың 1-қосымшасына сәйкес өтінішті",
            1,
        ); // 000:190
    }

    #[test]
    fn several_gaps() {
        check(
            "1-тармағының  және  күші 17) 18) тармақшаларының",
            "1-тармағының 17) және 18) тармақшаларының күші",
            2,
        ); // 002:41
        check(
            "осы Регламенттің ,  сәйкес көрсетілген. 2 3 – қосымшаларына",
            "осы Регламенттің 2, 3 – қосымшаларына сәйкес көрсетілген.",
            2,
        ); // 004:1940
        check(
            "мемлекеттік көрсетілетін қызмет  осы қаулының  сәйкес регламенті қосымшасына",
            "мемлекеттік көрсетілетін қызмет регламенті осы қаулының қосымшасына сәйкес",
            2,
        ); // 000:33
        check(
            "жүгінген кезде Стандарттың  және (немесе)  сәйкес нысандар 1 2-қосымшаларына",
            "жүгінген кезде Стандарттың 1 және (немесе) 2-қосымшаларына сәйкес нысандар",
            2,
        ); // 004:397
    }

    #[test]
    fn numbers_and_no_sign() {
        check_lead(
            "қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа 120",
            true,
            "120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа",
            1,
        ); // 000:15
        check(
            "туралы\" 2015 жылғы 8 сәуірдегі  Қазақстан Республикасы Білім және № 173",
            "туралы\" 2015 жылғы 8 сәуірдегі № 173 Қазақстан Республикасы Білім және",
            1,
        ); // 002:19
        check(
            "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде  тіркелген№ 3344",
            "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 3344 тіркелген",
            1,
        ); // 002:36
    }

    #[test]
    fn a_latin_n_written_for_the_number_sign() {
        // As 002:19 and 002:36, in an act that writes the sign `N`.
        check(
            "туралы\" 2015 жылғы 8 сәуірдегі  Қазақстан Республикасы Білім және N 173",
            "туралы\" 2015 жылғы 8 сәуірдегі N 173 Қазақстан Республикасы Білім және",
            1,
        );
        check(
            "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде  тіркелгенN 3344",
            "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде N 3344 тіркелген",
            1,
        );
        // A Latin word that ends in `N` is no sign.
        check(
            "Internet-ресурсы арқылы PIN",
            "Internet-ресурсы арқылы PIN",
            0,
        );
    }

    #[test]
    fn glued_after_punctuation_colon_and_semicolon() {
        check(
            "Қазақстан облысы әкімдігінің  келесідей өзгерістер енгізілсін:қаулысына",
            "Қазақстан облысы әкімдігінің қаулысына келесідей өзгерістер енгізілсін:",
            1,
        ); // 004:25
        check(
            "қаулының  сәйкес жаңа редакцияда жазылсын;6-қосымшасына",
            "қаулының 6-қосымшасына сәйкес жаңа редакцияда жазылсын;",
            1,
        ); // 004:49
        check(
            "осы қаулының  сәйкес жаңа редакцияда жазылсын;4 - қосымшасына",
            "осы қаулының 4 - қосымшасына сәйкес жаңа редакцияда жазылсын;",
            1,
        ); // 004:39
        check(
            "үшін негіздеме Стандарттың  сәйкес өтінішті және құжаттарды (9-тармағына",
            "үшін негіздеме Стандарттың 9-тармағына сәйкес өтінішті және құжаттарды (",
            1,
        ); // 004:2305
    }

    /// A bare number ends the line's own text (a duration) and the moved
    /// reference follows it: the reference goes to the gap, the number stays.
    #[test]
    fn a_duration_number_before_the_moved_text() {
        check(
            "және Стандарттың  сәйкес қолхат береді) - 20 2-қосымшасына",
            "және Стандарттың 2-қосымшасына сәйкес қолхат береді) - 20",
            1,
        );
    }

    /// The act's number moved from the double space after its date to
    /// after the line's own type word; the number follows the date again.
    #[test]
    fn an_act_number_moved_past_its_type_word() {
        check(
            "Батыс Қазақстан облысы әкімдігінің 2015 жылғы 4 тамыздағы  қаулысымен №204",
            "Батыс Қазақстан облысы әкімдігінің 2015 жылғы 4 тамыздағы №204 қаулысымен",
            1,
        );
        check(
            "Алматы облысы әкімдігінің 01.06.2020  қаулысымен № 120",
            "Алматы облысы әкімдігінің 01.06.2020 № 120 қаулысымен",
            1,
        );
        // A number that already stood last after a double space stays.
        check(
            "Алматы облысы әкімдігінің 31.01.2020  № 35",
            "Алматы облысы әкімдігінің 31.01.2020  № 35",
            0,
        );
    }

    /// A subpoint's own number before the moved point reference, after the
    /// word that asks for a reference: the reference goes before it.
    #[test]
    fn an_own_number_before_a_moved_point_reference() {
        check(
            "жарияланған) қаулысының  17) 1-тармағының",
            "жарияланған) қаулысының 1-тармағының 17)",
            1,
        );
    }

    /// The same with the subpoint's whole reference before the moved
    /// article (`2) тармақшасына` is the line's own; the link was
    /// `6-бабының`).
    #[test]
    fn an_own_subpoint_reference_before_a_moved_article() {
        check(
            "сәуірдегі Қазақстан Республикасы Заңының  2) тармақшасына 6-бабының",
            "сәуірдегі Қазақстан Республикасы Заңының 6-бабының 2) тармақшасына",
            1,
        );
    }

    /// Link text that opened its line before a comma leaves the line
    /// starting with the comma; the text goes back to the line's start.
    #[test]
    fn link_text_that_opened_its_line_before_a_comma() {
        check(
            ", \"Қазақстан Республикасы Білім және ғылым 1-тармағына",
            "1-тармағына, \"Қазақстан Республикасы Білім және ғылым",
            1,
        );
    }

    /// A point's reference owned by an article's (`16-бабының
    /// 1-тармағына`) is one link text: both go to the one gap.
    #[test]
    fn a_reference_owned_by_the_genitive_before_it() {
        check(
            "Қазақстан Республикасы Заңының , \"Қазақстан Республикасы 16-бабының 1-тармағына",
            "Қазақстан Республикасы Заңының 16-бабының 1-тармағына, \"Қазақстан Республикасы",
            2,
        );
    }

    /// An izafet: the article's possessive owns the point after it.
    #[test]
    fn a_reference_owned_by_the_possessive_before_it() {
        check(
            "көрсетілетін қызметтер туралы» Заңының  сәйкес Павлодар 16-бабы 3-тармағына",
            "көрсетілетін қызметтер туралы» Заңының 16-бабы 3-тармағына сәйкес Павлодар",
            2,
        );
    }

    /// A number sign that holds its number ends its piece: the annex
    /// reference after it is a piece of its own.
    #[test]
    fn a_number_with_its_sign_and_an_annex_reference_are_two_pieces() {
        check(
            "2016 жылғы 15 сәуірдегі  Батыс Қазақстан облысы әкімдігінің қаулысына №122 1-қосымша",
            "2016 жылғы 15 сәуірдегі №122 Батыс Қазақстан облысы әкімдігінің қаулысына 1-қосымша",
            1,
        );
    }

    #[test]
    fn bold_formula() {
        check(
            "Заңдарына сәйкес Батыс Қазақстан облысының әкімдігі :ҚАУЛЫ ЕТЕДІ",
            "Заңдарына сәйкес Батыс Қазақстан облысының әкімдігі ҚАУЛЫ ЕТЕДІ:",
            1,
        ); // 000:21
           // The same formula of an akim's decision and of a joint order.
        check(
            "сәйкес, Айдарлы ауылдық округінің әкімі :ШЕШІМ ҚАБЫЛДАЙМЫН",
            "сәйкес, Айдарлы ауылдық округінің әкімі ШЕШІМ ҚАБЫЛДАЙМЫН:",
            1,
        );
        check(
            "ұйымдастыру мақсатында :БҰЙЫРАМЫЗ",
            "ұйымдастыру мақсатында БҰЙЫРАМЫЗ:",
            1,
        );
        check(
            "2)-тармақшасына сәйкес :БҰЙЫРАМЫН",
            "2)-тармақшасына сәйкес БҰЙЫРАМЫН:",
            1,
        );
        // Where it stands, a one-word formula is no moved text.
        check(
            "2)-тармақшасына сәйкес БҰЙЫРАМЫН:",
            "2)-тармақшасына сәйкес БҰЙЫРАМЫН:",
            0,
        );
    }

    #[test]
    fn lone_quote_goes_before_the_comma() {
        check(
            ", 2013 жылғы 15 сәуірдегі  \" \"Мемлекеттік көрсетілетін қызметтер туралы\"",
            "\", 2013 жылғы 15 сәуірдегі \"Мемлекеттік көрсетілетін қызметтер туралы\"",
            1,
        ); // 000:19
           // The same in guillemets: the lone quote is a `»`.
        check(
            ", 2013 жылғы 15 сәуірдегі  » «Мемлекеттік көрсетілетін қызметтер туралы»",
            "», 2013 жылғы 15 сәуірдегі «Мемлекеттік көрсетілетін қызметтер туралы»",
            1,
        );
    }

    #[test]
    fn more_runs_than_gaps() {
        check_lead(
            "2001 жылғы 23 қаңтардағы, басқару туралы\" \"Мемлекеттік көрсетілетін",
            true,
            "басқару туралы\" 2001 жылғы 23 қаңтардағы, \"Мемлекеттік көрсетілетін",
            1,
        ); // 004:16
        check_lead(
            "2013 жылғы 15 сәуірдегі Қазақстан Республикасының қызметтер туралы\"",
            true,
            "қызметтер туралы\" 2013 жылғы 15 сәуірдегі Қазақстан Республикасының",
            1,
        ); // 004:17
        check(
            "қою\" мемлекеттік көрсетілетін қызмет  осы қаулының регламенті 1-қосымшасына",
            "қою\" мемлекеттік көрсетілетін қызмет регламенті осы қаулының 1-қосымшасына",
            1,
        ); // 004:27
        check(
            "жүйелерді қолдану тәртібінің сипаттамасы осы Регламенттің , 2 3-",
            "жүйелерді қолдану тәртібінің сипаттамасы осы Регламенттің 2, 3-",
            1,
        ); // 004:1090
    }

    #[test]
    fn glued_to_a_known_word() {
        check(
            "тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет  (бұдан әрістандартына",
            "тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет стандартына (бұдан әрі",
            1,
        ); // 004:102
        check_lead(
            "көрсетілген құжаттар топтамасын (бұдан әрі-құжаттар) тіркейді жәнетармағында",
            true,
            "тармағында көрсетілген құжаттар топтамасын (бұдан әрі-құжаттар) тіркейді және",
            1,
        ); // 004:403
    }

    #[test]
    fn noop_gaps_change_nothing() {
        check(
            "жүгінген кезде іс-қимылды бастауға негіздеме Стандарттың  1-қосымшасына",
            "жүгінген кезде іс-қимылды бастауға негіздеме Стандарттың  1-қосымшасына",
            0,
        ); // 000:119
        check(
            "Ескерту. Күші жойылды – Алматы облысы әкімдігінің 31.01.2020  № 35",
            "Ескерту. Күші жойылды – Алматы облысы әкімдігінің 31.01.2020  № 35",
            0,
        ); // 002:10
        check(
            "осы Регламенттің ,  2 3-қосымшаларына",
            "осы Регламенттің 2, 3-қосымшаларына",
            1,
        ); // 004:1383
    }

    #[test]
    fn real_double_spaces_without_a_tail() {
        check(
            "орынбасары М.Л.  Тоқжановқа жүктелсін.",
            "орынбасары М.Л.  Тоқжановқа жүктелсін.",
            0,
        ); // 004:67
        check(
            "ілеспе хатқа қол қояды -1 (бір)  жұмыс күн.",
            "ілеспе хатқа қол қояды -1 (бір)  жұмыс күн.",
            0,
        ); // 004:1260
    }

    #[test]
    fn lead_gap_only_when_the_caller_says_so() {
        check_lead(
            "2016 жылғы 15 сәуірдегі №122",
            false,
            "2016 жылғы 15 сәуірдегі №122",
            0,
        ); // 004:314
    }

    #[test]
    fn tails_from_decoded_lines() {
        check_lead(
            "көрсетілген.қосымшасында",
            true,
            "қосымшасында көрсетілген.",
            1,
        ); // 004:300 after D2
        check(
            "Регламент)  берілген.1-қосымшасында",
            "Регламент) 1-қосымшасында берілген.",
            1,
        ); // 004:514 after D3
           // A widened line whose link text opened it: its runs of two spaces
           // are the widening, not gaps.
        check_lead(
            "сәйкес жүзеге  асырылады ;5-тармағына",
            true,
            "5-тармағына сәйкес жүзеге  асырылады ;",
            1,
        );
        check_lead(
            "сәйкес Түркістан  облысының әкімдігі  ҚАУЛЫ ЕТЕДІ :16-бабының 3-тармағына",
            true,
            "16-бабының 3-тармағына сәйкес Түркістан  облысының әкімдігі  ҚАУЛЫ ЕТЕДІ :",
            2,
        );
    }

    #[test]
    fn lost_number_warns() {
        let doc = Vocab::default();
        let ev = Evidence::new(&doc, true);
        let mut line = MappedLine::borrowed(
            "корпорация қызметкері Стандарттың  сәйкес нысан бойынша қосымшасына",
            0,
        );
        let outcome = repair(&mut line, false, &ev);
        assert_eq!(
            line.as_str(),
            "корпорация қызметкері Стандарттың қосымшасына сәйкес нысан бойынша"
        ); // 004:1769
        assert_eq!(outcome.warnings.len(), 1);
    }
}
