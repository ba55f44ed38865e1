//! Editorial notes (`Ескерту.`): what changed, where, by which act, from when.
//!
//! A note reads `Ескерту. [scope] <kind> – <act> (<entry into force>).`:
//! kind `Күші жойылды` (repeal) or `өзгеріс(тер) енгізілді` (older acts:
//! `Өзгерту енгізілді`, `өзгертулер енгізілді`) / `жаңа
//! редакцияда` / `толықтырулар` / `толықтырылды` / words `ауыстырылды`
//! (replaced) or `алып тасталды` (struck out), a part `алынып тасталды`
//! (taken out) (amendment); scope as written
//! (`1 - тармаққа` → `1-тармақ`, `3-тармақтың` → `3-тармақ`, `Регламент`)
//! or, when the note names none, taken from where it stands (see
//! `segment::NoteContext`); the act that made the change; and the final
//! parenthesis saying when it takes effect. A note with no act that only
//! dates a part's entry into force (`1-тармақтың 2) тармақшасы 01.01.2020
//! бастап қолданысқа енгізіледі.`) has that clause as its `effective`.
//!
//! ```text
//! before  "Ескерту. 1 - тармаққа өзгеріс енгізілді – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (…)"
//! after   {kind: amendment, scope: "1-тармақ", by: resolution No 186 of 2019-05-14}
//! ```

use std::ops::Range;

use super::acts::{self, Citation};
use crate::chars::Needle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Repeal,
    Amendment,
    Other,
}

impl NoteKind {
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Repeal => "repeal",
            NoteKind::Amendment => "amendment",
            NoteKind::Other => "other",
        }
    }
}

/// A note, with ranges relative to the note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    /// The scope as the note writes it, normalized (`1-тармақ`).
    pub scope: Option<String>,
    pub by: Option<Citation>,
    /// Further acts the note cites: a plural type word lists every act
    /// that made the change (`12.03.2019 № 5; 14.05.2020 № 186
    /// қаулыларымен`), and `by` is the first of them.
    pub also: Vec<Citation>,
    /// The entry-into-force clause, inside its parentheses.
    pub effective: Option<Range<usize>>,
}

/// The phrases that name a note's kind, each with a searcher built once
/// (every note is searched for all of them).
static KINDS: [(Needle, NoteKind); 14] = [
    (Needle::new("Күші жойылды"), NoteKind::Repeal),
    (Needle::new("күші жойылды"), NoteKind::Repeal),
    (Needle::new("өзгерістер енгізілді"), NoteKind::Amendment),
    (Needle::new("өзгеріс енгізілді"), NoteKind::Amendment),
    // The older wording: `Ескерту. Өзгерту енгізілді - ҚР Үкіметінің
    // 2009.12.30 N 2264 Қаулысымен.`, `2-тармаққа өзгертулер енгізілді`.
    (Needle::new("Өзгерту енгізілді"), NoteKind::Amendment),
    (Needle::new("өзгерту енгізілді"), NoteKind::Amendment),
    (Needle::new("өзгертулер енгізілді"), NoteKind::Amendment),
    (Needle::new("жаңа редакцияда"), NoteKind::Amendment),
    (Needle::new("толықтырулар енгізілді"), NoteKind::Amendment),
    (Needle::new("толықтыру енгізілді"), NoteKind::Amendment),
    // `Қаулы 3-1-тармақпен толықтырылды` ('supplemented with point 3-1').
    (Needle::new("толықтырылды"), NoteKind::Amendment),
    // Words replaced or struck out: `1-тармақтағы "…" деген сөз "…" деген
    // сөзбен ауыстырылды`, `"…" деген сөздер алып тасталды`.
    (Needle::new("ауыстырылды"), NoteKind::Amendment),
    (Needle::new("алып тасталды"), NoteKind::Amendment),
    // A part taken out: `2-тармақ алынып тасталды`.
    (Needle::new("алынып тасталды"), NoteKind::Amendment),
];

/// The scope of a note that replaces or strikes out words: what stands
/// before the quoted words, the locative dropped (`1-тармақтағы "…" деген
/// сөз …` → `1-тармақ`); `None` for the whole text (`Бүкіл мәтін бойынша`)
/// or when nothing stands there.
fn words_scope(before: &str) -> Option<String> {
    let s = before
        .find(crate::chars::QUOTES)
        .map_or(before, |q| &before[..q])
        .trim();
    if s.is_empty() || s.starts_with("Бүкіл мәтін") || s.contains("бойынша") {
        return None;
    }
    let mut scope = scope_form(s);
    for ending in ["тағы", "тегі", "дағы", "дегі"] {
        if let Some(stem) = scope.strip_suffix(ending) {
            scope = stem.to_owned();
            break;
        }
    }
    Some(scope)
}

/// `1 - тармаққа` → `1-тармақ`: hyphen spacing closed, the last word's case
/// ending dropped: dative (`тармаққа`), genitive (`3-тармақтың күші
/// жойылды`) or instrumental (`Қаулы 3-1-тармақпен толықтырылды`).
pub fn scope_form(s: &str) -> String {
    let joined = if s.contains(['-', '–']) {
        s.replace(" - ", "-")
            .replace(" – ", "-")
            .replace("- ", "-")
            .replace(" -", "-")
    } else {
        s.to_owned()
    };
    let mut words: Vec<String> = joined.split(' ').map(str::to_owned).collect();
    if let Some(last) = words.last_mut() {
        const DATIVE: [&str; 6] = ["ға", "ге", "қа", "ке", "на", "не"];
        const INSTRUMENTAL: [&str; 3] = ["мен", "пен", "бен"];
        for ending in DATIVE
            .iter()
            .chain(&crate::chars::GENITIVE_ENDINGS)
            .chain(&INSTRUMENTAL)
        {
            if let Some(stem) = last.strip_suffix(ending) {
                if stem.chars().count() >= 3 {
                    *last = stem.to_owned();
                    break;
                }
            }
        }
    }
    words.join(" ")
}

pub fn parse(text: &str) -> Note {
    let body = text
        .strip_prefix("Ескерту.")
        .or_else(|| text.strip_prefix("Ескерту:"))
        .unwrap_or(text);
    let found = KINDS
        .iter()
        .filter_map(|(phrase, kind)| phrase.find(body.as_bytes()).map(|at| (at, *kind)))
        .min_by_key(|(at, _)| *at);
    let (kind, scope) = match found {
        Some((at, kind)) => {
            // Before the kind's phrase, without the other change words of
            // a joint phrase (`1-тармаққа өзгерістер мен толықтырулар
            // енгізілді`).
            let s = trim_change_words(body[..at].trim());
            let words_changed =
                body[at..].starts_with("ауыстырылды") || body[at..].starts_with("алып тасталды");
            if words_changed {
                (kind, words_scope(s))
            } else {
                (kind, (!s.is_empty()).then(|| scope_form(s)))
            }
        }
        None => (NoteKind::Other, None),
    };
    let mut cited = acts::citations(text).into_iter();
    let by = cited.next();
    let also = cited.collect();
    let in_parens = text.rfind('(').and_then(|open| {
        let inner = &text[open + 1..];
        let close = inner.find(')')?;
        let clause = &inner[..close];
        IN_FORCE
            .iter()
            .any(|w| w.is_in(clause))
            .then_some(open + 1..open + 1 + close)
    });
    let (effective, scope) = match (in_parens, kind) {
        (Some(r), _) => (Some(r), scope),
        // A note that only dates a part's entry into force: `1-тармақтың 2)
        // тармақшасы 01.01.2020 бастап қолданысқа енгізіледі.`
        (None, NoteKind::Other) => match dated_entry_into_force(body) {
            Some((scope, clause)) => {
                let at = text.len() - body.len();
                (Some(at + clause.start..at + clause.end), scope)
            }
            None => (None, scope),
        },
        (None, _) => (None, scope),
    };
    Note {
        kind,
        scope,
        by,
        also,
        effective,
    }
}

static IN_FORCE: [Needle; 3] = [
    Needle::new("қолданысқа енгізіледі"),
    // The imperative some notes use: `(алғашқы ресми жарияланған күннен
    // бастап қолданысқа енгізілсін)`.
    Needle::new("қолданысқа енгізілсін"),
    Needle::new("күшіне енеді"),
];

/// The words of a joint change phrase that stand before the phrase's last
/// words (`өзгерістер мен`), dropped from the end of a scope.
fn trim_change_words(mut s: &str) -> &str {
    const CHANGE_WORDS: [&str; 9] = [
        "өзгерістер",
        "өзгеріс",
        "өзгертулер",
        "өзгерту",
        "толықтырулар",
        "толықтыру",
        "мен",
        "пен",
        "және",
    ];
    while let Some((rest, last)) = s.rsplit_once(' ') {
        if !CHANGE_WORDS.contains(&last) {
            break;
        }
        s = rest.trim_end();
    }
    s
}

/// A note that says when a part takes effect, with no act: the scope
/// before the date, and the clause from the date to the in-force phrase
/// (a range of `body`).
fn dated_entry_into_force(body: &str) -> Option<(Option<String>, Range<usize>)> {
    let phrase_end = IN_FORCE
        .iter()
        .find_map(|n| n.find(body.as_bytes()).map(|at| at + n.needle_len()))?;
    let (date, _) = super::dates::find_as_written(&body[..phrase_end])
        .into_iter()
        .next()?;
    let before = body[..date.start].trim();
    let scope = (!before.is_empty()).then(|| scope_form(before));
    Some((scope, date.start..phrase_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(
        text: &str,
        kind: NoteKind,
        scope: Option<&str>,
        by_number: Option<&str>,
        effective_starts: Option<&str>,
    ) {
        let n = parse(text);
        assert_eq!(n.kind, kind);
        assert_eq!(n.scope.as_deref(), scope);
        assert_eq!(n.by.as_ref().and_then(|c| c.number.as_deref()), by_number);
        let eff = n.effective.map(|r| &text[r]);
        match (eff, effective_starts) {
            (Some(e), Some(w)) => assert!(e.starts_with(w), "{e}"),
            (None, None) => {}
            (e, w) => panic!("effective {e:?}, expected {w:?}"),
        }
    }

    #[test]
    fn notes_from_the_corpus() {
        check(
            "Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № 120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі).",
            NoteKind::Repeal,
            None,
            Some("120"),
            Some("алғашқы ресми жарияланған күнінен бастап"),
        ); // 000:13
        check(
            "Ескерту. 1 - тармаққа өзгеріс енгізілді – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
            NoteKind::Amendment,
            Some("1-тармақ"),
            Some("186"),
            Some("алғашқы ресми"),
        ); // 002:31
        check(
            "Ескерту. Регламент күші жойылды – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
            NoteKind::Repeal,
            Some("Регламент"),
            Some("186"),
            Some("алғашқы"),
        ); // 002:77
    }

    /// An entry into force in the imperative (`… қолданысқа енгізілсін`),
    /// inside the citation before its type word (Karaganda's 2020 repeal).
    #[test]
    fn an_entry_into_force_in_the_imperative() {
        check(
            "Ескерту. Күші жойылды - Қарағанды облысының әкімдігінің 03.07.2020 № 41/04 (алғашқы ресми жарияланған күннен бастап қолданысқа енгізілсін) қаулысымен.",
            NoteKind::Repeal,
            None,
            Some("41/04"),
            Some("алғашқы ресми жарияланған күннен бастап"),
        );
    }

    /// Notes as the register's older acts write them: `Өзгерту
    /// енгізілді`, the date year first and the sign `N`.
    #[test]
    fn notes_in_the_older_wording() {
        let text = "Ескерту. Өзгерту енгізілді - ҚР Үкіметінің 2009.12.30 N 2264 Қаулысымен.";
        check(text, NoteKind::Amendment, None, Some("2264"), None);
        let by = parse(text).by;
        assert_eq!(
            by.as_ref()
                .and_then(|c| c.date)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2009-12-30")
        );
        check(
            "Ескерту. 2-тармаққа өзгертулер енгізілді - ҚР Ауыл шаруашылығы министрінің 2016.02.03 N 45 бұйрығымен.",
            NoteKind::Amendment,
            Some("2-тармақ"),
            Some("45"),
            None,
        );
    }

    /// Acts listed under one plural type word share its issuer; the first
    /// is the note's `by`.
    #[test]
    fn a_note_that_lists_two_amending_acts() {
        let text = "Ескерту. 1-тармаққа өзгерістер енгізілді - Ақмола облысы әкімдігінің 24.02.2014 № А-2/63; 10.06.2014 № А-5/265 қаулыларымен.";
        check(
            text,
            NoteKind::Amendment,
            Some("1-тармақ"),
            Some("А-2/63"),
            None,
        );
        let n = parse(text);
        let acts: Vec<(Option<&str>, Option<String>, Option<&str>)> =
            n.by.iter()
                .chain(&n.also)
                .map(|c| {
                    (
                        c.issuer.as_deref(),
                        c.date.map(|d| d.to_string()),
                        c.number.as_deref(),
                    )
                })
                .collect();
        assert_eq!(
            acts,
            [
                (
                    Some("Ақмола облысы әкімдігі"),
                    Some("2014-02-24".to_owned()),
                    Some("А-2/63")
                ),
                (
                    Some("Ақмола облысы әкімдігі"),
                    Some("2014-06-10".to_owned()),
                    Some("А-5/265")
                ),
            ]
        );
        // The effective clause may stand before the type word.
        check(
            "Ескерту. Тақырыбы жаңа редакцияда - Ақмола облысы әкімдігінің 12.03.2019 № А-3/120 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) қаулысымен.",
            NoteKind::Amendment,
            Some("Тақырыбы"),
            Some("А-3/120"),
            Some("алғашқы ресми"),
        );
    }

    /// Words replaced or struck out are amendments; the scope is what
    /// stands before the quoted words.
    #[test]
    fn words_replaced_or_struck_out() {
        check(
            "Ескерту. Бүкіл мәтін бойынша \"регламенті\" деген сөз \"регламенттері\" деген сөзбен ауыстырылды - Ақмола облысы әкімдігінің 12.03.2019 № А-3/120 қаулысымен.",
            NoteKind::Amendment,
            None,
            Some("А-3/120"),
            None,
        );
        check(
            "Ескерту. 1-тармақтағы \"бөлімі\" деген сөз \"басқармасы\" деген сөзбен ауыстырылды - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Amendment,
            Some("1-тармақ"),
            Some("186"),
            None,
        );
        check(
            "Ескерту. 2-тармақтағы \"және\" деген сөз алып тасталды - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Amendment,
            Some("2-тармақ"),
            Some("186"),
            None,
        );
    }

    /// The verb `толықтырылды`, joint change phrases and a scope in the
    /// genitive or instrumental, as the register writes them.
    #[test]
    fn supplements_and_scopes_in_other_cases() {
        check(
            "Ескерту. Қаулы 3-1-тармақпен толықтырылды - Ақмола облысы әкімдігінің 12.03.2019 № А-3/120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі).",
            NoteKind::Amendment,
            Some("Қаулы 3-1-тармақ"),
            Some("А-3/120"),
            Some("алғашқы ресми"),
        );
        check(
            "Ескерту. 1-тармаққа өзгерістер мен толықтырулар енгізілді - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Amendment,
            Some("1-тармақ"),
            Some("186"),
            None,
        );
        check(
            "Ескерту. 3-тармақтың күші жойылды - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Repeal,
            Some("3-тармақ"),
            Some("186"),
            None,
        );
        check(
            "Ескерту. Регламенттің күші жойылды - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Repeal,
            Some("Регламент"),
            Some("186"),
            None,
        );
        // A part taken out.
        check(
            "Ескерту. 2-тармақ алынып тасталды - Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Amendment,
            Some("2-тармақ"),
            Some("186"),
            None,
        );
    }

    /// A note that only says when a part takes effect: no act, the clause
    /// without parentheses.
    #[test]
    fn a_dated_entry_into_force() {
        check(
            "Ескерту. 1-тармақтың 2) тармақшасы 01.01.2020 бастап қолданысқа енгізіледі.",
            NoteKind::Other,
            Some("1-тармақтың 2) тармақшасы"),
            None,
            Some("01.01.2020 бастап қолданысқа енгізіледі"),
        );
        check(
            "Ескерту. 4-тармақ 2019 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
            NoteKind::Other,
            Some("4-тармақ"),
            None,
            Some("2019 жылғы 1 қаңтардан бастап қолданысқа енгізіледі"),
        );
    }

    #[test]
    fn new_wording_and_unknown_notes() {
        check(
            "Ескерту. 3-қосымша жаңа редакцияда – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен.",
            NoteKind::Amendment,
            Some("3-қосымша"),
            Some("186"),
            None,
        );
        check(
            "Ескерту. Мәтін түпнұсқада берілген.",
            NoteKind::Other,
            None,
            None,
            None,
        );
    }
}
