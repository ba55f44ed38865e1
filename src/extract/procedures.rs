//! Procedure steps: who acts, and what the step results in.
//!
//! A step names its actor first, as a genitive chain that ends in a role
//! noun: `көрсетілетін қызметті берушінің кеңсе қызметкері` ('the provider's
//! office clerk'), `ауылдық округ әкімі аппаратының маманы`, `Мемлекеттік
//! корпорацияның қызметкері`. System steps put a label first
//! (`2) 1-процесс – …`, `5) 1-шарт – …`), nominalized steps put the actor in
//! the genitive (`Мемлекеттік корпорация қызметкерінің`), and alternatives
//! are joined by `немесе`. A step that starts with an action
//! (`құжаттарды қабылдау, тіркеу …`) has no actor. The result is the
//! `Нәтижесі –` clause (or `Нәтиже –`), inline or in its own paragraph.
//!
//! ```text
//! before  "2) 1-процесс – Мемлекеттік корпорацияның қызметкері мемлекеттік қызмет көрсету үшін …"
//! after   actor "Мемлекеттік корпорацияның қызметкері"
//! ```

use std::ops::Range;

use crate::chars::Needle;

/// Role nouns that end an actor phrase (nominative and genitive).
const ROLES: &[&str] = &[
    "қызметкері",
    "қызметкерінің",
    "қызметкерлері",
    "басшысы",
    "басшысының",
    "орындаушысы",
    "орындаушысының",
    // Without the possessive: `жауапты орындаушы құжаттарды қарайды`.
    "орындаушы",
    "маманы",
    "маманының",
    "мамандары",
    "әкімі",
    "әкімінің",
    "операторы",
    "операторының",
    "алушы",
    "алушының",
    "беруші",
    "кеңсесі",
    "инспекторы",
    "инспекторының",
    "хатшысы",
    "хатшысының",
    "комиссиясы",
    "комиссиясының",
    "директоры",
    "директорының",
    "бастығы",
    "бастығының",
    "орынбасары",
    "орынбасарының",
    "тұлғасы",
    "тұлғасының",
    "қызметшісі",
    "қызметшісінің",
    "консультанты",
    "консультантының",
    "заңгері",
    "заңгерінің",
    "сарапшысы",
    "сарапшысының",
    "курьері",
    "курьерінің",
    "бухгалтері",
    "бухгалтерінің",
    // `мемлекеттік ветеринариялық дәрігер`, `балабақша меңгерушісі`,
    // `іс жүргізушісі`, `комиссия төрағасы`.
    "дәрігер",
    "дәрігері",
    "дәрігерінің",
    "меңгерушісі",
    "меңгерушісінің",
    "жүргізушісі",
    "жүргізушісінің",
    "төрағасы",
    "төрағасының",
    // A commission acts as a body, named alone (`комиссия құжаттарды
    // қарайды`).
    LONE_ROLE,
    // Bodies that act as a whole: `аудандық білім бөлімі`, `облыстың жер
    // қатынастары басқармасы`, `жергілікті атқарушы орган(ы)`, `білім беру
    // ұйымы`.
    "бөлімі",
    "бөлімінің",
    "басқармасы",
    "басқармасының",
    "орган",
    "органы",
    "органының",
    "ұйымы",
    "ұйымының",
    // An akimat or an akim's office that acts: `аудан әкімдігі қаулы
    // қабылдайды`, `ауылдық округ әкімінің аппараты`.
    "әкімдігі",
    "әкімдігінің",
    "аппараты",
    "аппаратының",
    "басшысымен",
    "орындаушысымен",
    "қызметкерімен",
    "маманымен",
    "операторымен",
    "әкімімен",
];

/// The one role that acts named by itself, with no qualifier.
const LONE_ROLE: &str = "комиссия";

/// Whether `w` is one of [`ROLES`] (a set lookup: the actor search asks
/// this of every word it reads).
fn is_role(w: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| ROLES.iter().copied().collect());
    SET.contains(w)
}

/// Words that may not start or sit inside an actor phrase (actions, objects).
fn is_action_word(w: &str) -> bool {
    let w = w.trim_matches([',', ';', '.', ':']);
    w.ends_with("ды") && w.len() > 8 && !w.ends_with("дығы")
        || w.ends_with("ді") && w.len() > 8
        || w.ends_with("уы")
        || w.ends_with("уі")
        // One pass over the bytes (words are short: a `memchr` call each
        // would cost more).
        || w.bytes().any(|b| b.is_ascii_digit() || b == b'(' || b == b'"')
}

/// Words inside a chain between a genitive role and the role it owns
/// (`әкімінің жауапты орындаушысы`, `берушінің бөлім басшысы`).
const CHAIN_MODIFIERS: &[&str] = &["жауапты", "бөлім", "кеңсе", "аппаратының", "бөлімінің"];

/// Genitive roles of people, who act in nominalized steps.
const PERSON_GENITIVES: &[&str] = &[
    "қызметкерінің",
    "операторының",
    "басшысының",
    "орындаушысының",
    "маманының",
    "әкімінің",
    "инспекторының",
    "хатшысының",
    "тұлғасының",
    "қызметшісінің",
    "консультантының",
    "заңгерінің",
    "сарапшысының",
    "курьерінің",
    "бухгалтерінің",
    "дәрігерінің",
    "меңгерушісінің",
    "жүргізушісінің",
    "төрағасының",
];

/// A word in an oblique case that a genitive possesses (`құжаттарында`).
fn possessed(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', '.']);
    [
        "нда", "нде", "ына", "іне", "нан", "нен", "-мен", "-пен", "-бен",
    ]
    .iter()
    .any(|e| w.ends_with(e))
        && w.chars().count() > 4
}

fn is_genitive(w: &str) -> bool {
    crate::chars::is_genitive(w)
}

/// Strips a step label: `1-процесс – `, `2 шарт - `, `3-шарт – `,
/// `1 - процесс – `, and a label glued to its dash (`3-шарт–көрсетілетін`).
fn after_label(t: &str) -> usize {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return 0;
    }
    let rest = t[digits..].trim_start_matches([' ', '-']);
    let Some(word) = ["процесс", "шарт"].iter().find(|w| rest.starts_with(**w)) else {
        return 0;
    };
    let rest = &rest[word.len()..];
    let after = rest.trim_start_matches([' ', '–', '-', '—']);
    t.len() - after.len()
}

/// The first 17 pieces of `text` between single spaces, as `split(' ')`
/// gives them, and how many there are; without a heap allocation (this runs
/// for every step).
fn first_pieces(text: &str) -> ([&str; 17], usize) {
    let mut pieces = [""; 17];
    let mut n = 0;
    let mut from = 0;
    while n < pieces.len() {
        let end = crate::chars::next_space(text.as_bytes(), from);
        pieces[n] = text.get(from..end).unwrap_or("");
        n += 1;
        if end >= text.len() {
            break;
        }
        from = end + 1;
    }
    (pieces, n)
}

/// The actor of a step: a byte range in `text` (the subpoint text without
/// its number), or `None` when the step starts with an action.
pub fn actor(text: &str) -> Option<Range<usize>> {
    let mut start = after_label(text);
    // A purpose phrase may come first: `мемлекеттік көрсетілетін қызметті
    // көрсету үшін Мемлекеттік корпорацияның қызметкері …`.
    // (It stands within the first six words: look no further than that.)
    let head = &text[start..crate::chars::floor_boundary(text, start + 160)];
    static FOR: Needle = Needle::new(" үшін ");
    if let Some(at) = FOR.find(head.as_bytes()) {
        let before = &text[start..start + at];
        if before.split(' ').count() <= 6 && !before.split(' ').any(|w| is_role(w) || w == "беруші")
        {
            start += at + " үшін ".len();
        }
    }
    let rest = &text[start..];
    let mut best: Option<usize> = None;
    let mut chain_open = false;
    let mut pos = 0;
    // An actor phrase is at most 16 words long (the loop stops there).
    let (pieces, n) = first_pieces(rest);
    let words = &pieces[..n];
    for (k, w) in words.iter().enumerate() {
        if k >= 16 || w.is_empty() {
            break;
        }
        let core = w.trim_end_matches([',', ';', '.', ':']);
        if k == 0 && !core.chars().next().is_some_and(crate::chars::is_letter) {
            break;
        }
        if is_action_word(core) && k > 0 {
            break;
        }
        let end = pos + core.len();
        let next = words
            .get(k + 1)
            .copied()
            .unwrap_or("")
            .trim_end_matches([',', ';', '.', ':']);
        // The provider in the genitive acts when a new phrase follows
        // (`көрсетілетін қызметті берушінің көрсетілетін қызметті алушы
        // ұсынған құжаттарының сәйкестігін тексеруі`).
        if core == "берушінің" && next == "көрсетілетін" && w.len() == core.len()
        {
            best = Some(end);
            chain_open = false;
            break;
        }
        // A genitive role that a role or a modifier follows is part of a
        // longer chain (`ауылдық округ әкімінің маманы`).
        let role = is_role(core);
        if role
            && is_genitive(core)
            && w.len() == core.len()
            && (is_role(next) && !is_genitive(next) && !next.ends_with("мен")
                || CHAIN_MODIFIERS.contains(&next))
        {
            chain_open = true;
            pos += w.len() + 1;
            continue;
        }
        // A commission's official (`комиссия төрағасы`).
        if core == LONE_ROLE && w.len() == core.len() && is_role(next) {
            pos += w.len() + 1;
            continue;
        }
        if role {
            // A genitive role acts only in nominalized steps, and only a
            // person does (`корпорация қызметкерінің … таңдауы`); the
            // recipient's genitive is a possessor (`алушының құжаттарында`).
            // Nor does the issuer of an act cited by its date (`агенттігі
            // төрағасының 2014 жылғы … бұйрығына`).
            let oblique = is_genitive(core) || core.ends_with("мен");
            if oblique
                && (!PERSON_GENITIVES.contains(&core) && !core.ends_with("мен")
                    || possessed(words.get(k + 1).copied().unwrap_or(""))
                    || next.starts_with(|c: char| c.is_ascii_digit()))
            {
                break;
            }
            best = Some(end);
            chain_open = false;
            // A nominative role ends the phrase unless a genitive continues
            // the chain (`әкімі аппаратының маманы`) or an alternative follows
            // (`басшысы немесе оның орынбасары`).
            let chain_goes_on =
                is_genitive(next) && next.chars().next().is_some_and(char::is_lowercase);
            if oblique || !chain_goes_on && next != "немесе" {
                break;
            }
            chain_open = chain_goes_on;
        }
        if w.len() != core.len() {
            break; // punctuation ends the phrase
        }
        pos += w.len() + 1;
    }
    // A role followed by a genitive that leads to no other role was a
    // modifier (`алушы мәліметтерінің`): no actor.
    if chain_open {
        return None;
    }
    let end = best?;
    // Reject phrases that are a bare role without a qualifier (`алушы`),
    // but a commission.
    let phrase = &rest[..end];
    if !phrase.contains(' ') && phrase != LONE_ROLE {
        return None;
    }
    Some(start..start + end)
}

/// `Нәтиже` ('result'), looked for in every step: `Нәтижесі` ('its
/// result'), or `Нәтиже` itself before a dash or colon (`Нәтиже –
/// құжаттарды тіркеу;`).
static RESULT_WORD: Needle = Needle::new("Нәтиже");

/// What stands before a lower-case `нәтижесі` that names a step's own
/// result when a dash or colon follows (`…, рәсімнің (іс-қимылдың)
/// нәтижесі – жобаны дайындау;`); a bare `нәтижесі` may be the service's
/// (`мемлекеттік қызмет көрсету нәтижесі`), so it is not one.
const STEP_RESULT_OWNERS: [&str; 3] = ["рәсімнің (іс-қимылдың) ", "рәсімнің ", "іс-қимылдың "];

/// The first phrase in `text` that opens a step's result: `Нәтижесі`, or
/// a lower-case `нәтижесі` owned by the procedure, with its dash.
pub fn result_phrase(text: &str) -> Option<Range<usize>> {
    static LOWER: Needle = Needle::new("нәтижесі");
    let b = text.as_bytes();
    let capital = RESULT_WORD.find_iter(b).find_map(|at| {
        let len = crate::segment::result_word_len(text.get(at..)?)?;
        Some(at..at + len)
    });
    // One search for the lower-case word; the owner is read backwards.
    let lower = LOWER.find_iter(b).find_map(|at| {
        let end = at + LOWER.needle_len();
        let owner = STEP_RESULT_OWNERS
            .iter()
            .find(|o| text[..at].ends_with(*o))?;
        let dashed = text[end..]
            .trim_start_matches(' ')
            .starts_with(['–', '-', '—', ':']);
        dashed.then_some(at - owner.len()..end)
    });
    match (capital, lower) {
        (Some(c), Some(l)) => Some(if l.start < c.start { l } else { c }),
        (c, l) => c.or(l),
    }
}

/// The `Нәтижесі –` clause in `text`: the range of what follows the dash,
/// without the final `;` or `.`.
pub fn result(text: &str) -> Option<Range<usize>> {
    let phrase = result_phrase(text)?;
    let after = &text[phrase.end..];
    let skip = after.len() - after.trim_start_matches([' ', '–', '-', '—', ':']).len();
    let start = phrase.end + skip;
    let mut end = text.len();
    // An inline result ends at the step's end.
    while end > start && text[..end].ends_with([';', '.', ' ']) {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(actor(text).map(|r| &text[r]), expected, "{text:?}");
    }

    #[test]
    fn first_pieces_are_those_of_split() {
        let long = "бір екі үш төрт бес алты жеті сегіз тоғыз он он бір он екі он үш он төрт он бес он алты он жеті";
        for text in [
            "",
            " ",
            "а",
            "а  б",
            "а б ",
            " а",
            long,
            &format!("{long}  "),
        ] {
            let (pieces, n) = first_pieces(text);
            let want: Vec<&str> = text.split(' ').take(17).collect();
            assert_eq!(&pieces[..n], &want[..], "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_pieces_are_those_of_split_on_any_text(text in "[ аб]{0,60}") {
            let (pieces, n) = first_pieces(&text);
            let want: Vec<&str> = text.split(' ').take(17).collect();
            proptest::prop_assert_eq!(&pieces[..n], &want[..]);
        }
    }

    /// Services of other fields name other officials: veterinary,
    /// kindergarten and school services, clerks, a commission's chairman
    /// (a commission alone is in `other_roles_of_the_genre`).
    #[test]
    fn actors_of_other_fields() {
        check(
            "мемлекеттік ветеринариялық дәрігер жануарды тексереді – 1 (бір) жұмыс күні;",
            Some("мемлекеттік ветеринариялық дәрігер"),
        );
        check(
            "балабақша меңгерушісі бұйрыққа қол қояды – 1 (бір) жұмыс күні;",
            Some("балабақша меңгерушісі"),
        );
        check(
            "көрсетілетін қызметті берушінің іс жүргізушісі құжаттарды тіркейді – 10 (он) минут;",
            Some("көрсетілетін қызметті берушінің іс жүргізушісі"),
        );
        check(
            "комиссия төрағасы хаттамаға қол қояды – 1 (бір) жұмыс күні;",
            Some("комиссия төрағасы"),
        );
        // A commission's meeting held, nominalized: the commission acts.
        check("комиссия отырысы өткізіледі;", Some("комиссия"));
        // The issuer of an act cited by its date does not act.
        check(
            "Агенттік төрағасының 2014 жылғы 18 наурыздағы № 11 бұйрығына сәйкес",
            None,
        );
    }

    #[test]
    fn actors_from_the_corpus() {
        check(
            "көрсетілетін қызметті берушінің кеңсе қызметкері қажетті құжаттар тапсырылған сәттен бастап 15 (он бес) минут ішінде",
            Some("көрсетілетін қызметті берушінің кеңсе қызметкері"),
        ); // 000:123
        check(
            "ауылдық округ әкімі аппаратының маманы көрсетілетін қызметті алушы қажетті құжаттарды",
            Some("ауылдық округ әкімі аппаратының маманы"),
        ); // 004:952
        check(
            "1-процесс – Мемлекеттік корпорацияның қызметкері мемлекеттік қызмет көрсету үшін",
            Some("Мемлекеттік корпорацияның қызметкері"),
        ); // 000:194
        check(
            "2-процесс – Мемлекеттік корпорация қызметкерінің мемлекеттік көрсетілетін қызметті таңдауы",
            Some("Мемлекеттік корпорация қызметкерінің"),
        ); // 004:201
        check(
            "көрсетілетін қызметті алушы Стандарттың 1-қосымшасына сәйкес өтінішті",
            Some("көрсетілетін қызметті алушы"),
        ); // 000:190
        check(
            "көрсетілетін қызметті берушінің бөлім басшысы 3 (үш) сағат ішінде",
            Some("көрсетілетін қызметті берушінің бөлім басшысы"),
        ); // 004:2327
        check(
            "көрсетілетін қызметті берушінің кеңсе қызметкері;",
            Some("көрсетілетін қызметті берушінің кеңсе қызметкері"),
        ); // 000:165
    }

    /// Roles the corpus does not use but the genre does: an official
    /// (`жауапты тұлғасы`), a civil servant, a consultant.
    #[test]
    fn other_roles_of_the_genre() {
        for (text, want) in [
            (
                "көрсетілетін қызметті берушінің жауапты тұлғасы құжаттарды қабылдайды және тіркейді – 15 (он бес) минут;",
                Some("көрсетілетін қызметті берушінің жауапты тұлғасы"),
            ),
            (
                "көрсетілетін қызметті берушінің мемлекеттік қызметшісі құжаттарды қарайды – 2 (екі) сағат;",
                Some("көрсетілетін қызметті берушінің мемлекеттік қызметшісі"),
            ),
            (
                "Мемлекеттік корпорацияның консультанты құжаттарды қабылдайды – 15 (он бес) минут;",
                Some("Мемлекеттік корпорацияның консультанты"),
            ),
            (
                "жауапты орындаушы құжаттарды қарайды және жобаны дайындайды – 1 (бір) ай ішінде;",
                Some("жауапты орындаушы"),
            ),
            (
                "көрсетілетін қызметті берушінің заңгері құжаттарды тексереді, 40 (қырық) минут.",
                Some("көрсетілетін қызметті берушінің заңгері"),
            ),
            // Bodies acting as a whole.
            (
                "аудандық білім бөлімі құжаттарды тексереді, 2 (екі) сағат;",
                Some("аудандық білім бөлімі"),
            ),
            (
                "облыстың жер қатынастары басқармасы шешім қабылдайды – 2 (екі) жұмыс күні;",
                Some("облыстың жер қатынастары басқармасы"),
            ),
            (
                "жергілікті атқарушы орган шешім қабылдайды – 10 (он) күнтізбелік күн;",
                Some("жергілікті атқарушы орган"),
            ),
            (
                "білім беру ұйымының басшысы бұйрыққа қол қояды, 1 (бір) жұмыс күні;",
                Some("білім беру ұйымының басшысы"),
            ),
            (
                "аудан әкімдігі қаулы қабылдайды – 7 (жеті) жұмыс күні;",
                Some("аудан әкімдігі"),
            ),
            (
                "ауылдық округ әкімінің аппараты құжаттарды қарайды – 3 (үш) жұмыс күні;",
                Some("ауылдық округ әкімінің аппараты"),
            ),
            // A body's genitive that owns a document is no actor.
            (
                "басқармасының шешімін көрсетілетін қызметті алушыға береді;",
                None,
            ),
            // A bare role names no one in particular; a commission acts
            // as a body.
            ("алушы құжаттарды тапсырады;", None),
            (
                "комиссия құжаттарды қарайды және шешім шығарады – 5 (бес) жұмыс күні;",
                Some("комиссия"),
            ),
        ] {
            check(text, want);
        }
    }

    #[test]
    fn actor_after_a_purpose_phrase() {
        check(
            "1-процесс – мемлекеттік көрсетілетін қызметті көрсету үшін Мемлекеттік корпорацияның қызметкері Мемлекеттік корпорацияның Ықпалдастырылған ақпараттық жүйесінің",
            Some("Мемлекеттік корпорацияның қызметкері"),
        ); // 004:196
    }

    #[test]
    fn spaced_and_glued_labels() {
        check(
            "2 - процесс – Мемлекеттік корпорация қызметкерінің мемлекеттік көрсетілетін қызметті таңдауы",
            Some("Мемлекеттік корпорация қызметкерінің"),
        ); // 004:2130
        check(
            "3-шарт–көрсетілетін қызметті беруші көрсетілетін қызметті алушының құжаттарының топтамасының сәйкестігін тексеруі",
            Some("көрсетілетін қызметті беруші"),
        ); // 004:1632
    }

    #[test]
    fn provider_in_the_genitive_before_a_new_phrase() {
        check(
            "2 шарт – көрсетілетін қызметті берушінің көрсетілетін қызметті алушы ұсынған құжаттар топтамасының сәйкестігін тексеруі (өңдеуі) – 2 (екі) минут ішінде;",
            Some("көрсетілетін қызметті берушінің"),
        ); // 004:231
    }

    #[test]
    fn genitive_role_that_owns_a_role() {
        // 004:1311, a letter-spaced line
        check(
            "ауылдық округ әкімінің маманы;",
            Some("ауылдық округ әкімінің маманы"),
        );
        check(
            "ауылдық округ әкімінің жауапты орындаушысы.",
            Some("ауылдық округ әкімінің жауапты орындаушысы"),
        ); // 004:1313
    }

    #[test]
    fn alternatives_joined_by_nemese() {
        check(
            "көрсетілетін қызметті берушінің кеңсе маманы немесе ауылдық округ әкімі аппаратының маманы көрсетілетін қызметті алушы қажетті құжаттарды тапсырған кезден бастап",
            Some("көрсетілетін қызметті берушінің кеңсе маманы немесе ауылдық округ әкімі аппаратының маманы"),
        ); // 004:2074
        check(
            "көрсетілетін қызметті берушінің немесе ауылдық округ әкімі аппаратының жауапты орындаушысы келіп түскен құжаттарды қарайды",
            Some("көрсетілетін қызметті берушінің немесе ауылдық округ әкімі аппаратының жауапты орындаушысы"),
        ); // 004:2085
    }

    #[test]
    fn steps_without_an_actor() {
        check("құжаттарды қабылдау, тіркеу және көрсетілетін қызметті берушінің басшысына бұрыштама қоюға жолдау – 20 (жиырма) минут.", None); // 002:148
        check(
            "3-процесс – электрондық үкімет шлюзі (бұдан әрі – ЭҮШ) арқылы жеке тұлғалардың",
            None,
        ); // 004:208
        check(
            "6-процесс – электрондық құжатты ЭҮАШ АЖО-да тіркеу (1 (бір) минут ішінде);",
            None,
        ); // 000:233
    }

    #[test]
    fn results() {
        let t = "құжаттарды қабылдау – 20 (жиырма) минут. Нәтижесі - көрсетілетін қызметті берушінің басшысына жолдау;";
        assert_eq!(
            result(t).map(|r| &t[r]),
            Some("көрсетілетін қызметті берушінің басшысына жолдау")
        ); // 002:149
        let t = "Нәтиже – тіркеу журналына жазу;";
        assert_eq!(result(t).map(|r| &t[r]), Some("тіркеу журналына жазу"));
        let t = "Нәтиже: тіркеу журналына жазу;";
        assert_eq!(result(t).map(|r| &t[r]), Some("тіркеу журналына жазу"));
        // Not a result: the word in another phrase.
        let t = "Нәтижені көрсетілетін қызметті алушыға береді;";
        assert_eq!(result(t), None);
        let t = "Нәтижесі – тіркеу журналына жазу;";
        assert_eq!(result(t).map(|r| &t[r]), Some("тіркеу журналына жазу")); // 004:150
        let t = "Нәтижесі –хабарламаны береді.";
        assert_eq!(result(t).map(|r| &t[r]), Some("хабарламаны береді")); // 004:1854
        assert_eq!(result("жолдайды;"), None);
    }

    /// Results as other regulations write them: the step's own result in
    /// lower case after a comma, and a colon for the dash.
    #[test]
    fn results_named_by_the_procedure() {
        for (t, want) in [
            (
                "құжаттарды қарайды – 2 (екі) жұмыс күні ішінде, рәсімнің (іс-қимылдың) нәтижесі – жобаны дайындау;",
                Some("жобаны дайындау"),
            ),
            (
                "құжаттарды қарайды – 2 (екі) сағат, іс-қимылдың нәтижесі: жауапты орындаушыны анықтау.",
                Some("жауапты орындаушыны анықтау"),
            ),
            (
                "құжаттарды қабылдайды – 15 (он бес) минут. Нәтижесі: құжаттарды тіркеу;",
                Some("құжаттарды тіркеу"),
            ),
            // The service's result, and a result named with no dash, are
            // not the step's.
            (
                "мемлекеттік қызмет көрсету нәтижесі – шешім;",
                None,
            ),
            (
                "рәсімнің (іс-қимылдың) нәтижесі Стандарттың 3-бөліміне сәйкес көрсетіледі.",
                None,
            ),
        ] {
            assert_eq!(result(t).map(|r| &t[r]), want, "{t:?}");
        }
    }
}
