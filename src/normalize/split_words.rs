//! Repair D3: words split by stray spaces on widened lines.
//!
//! Some justified lines came out with extra spaces: double spaces between
//! words and single spaces inside words, mostly before `і`
//! (`етс ін`, `ретт іл іг ін`), after a lone letter (`ұ зартылады`,
//! `т іркеу`), inside brackets (`( ек і )`) and around hyphens
//! (`іс -қимылдарының`). Because a single space may or may not separate
//! words on such a line, only *flagged* lines are touched: a widened line (a
//! run of two or more spaces, or a space before its final `.` `;` `:`) with
//! at least one of those signs. Each join is decided on evidence: the joined
//! form is a known word, the piece is a known suffix fragment (`і ін ік іл
//! іг ір`), the piece is not a word of its own (`іс` always is) and does
//! not start one with the piece after it (`минут іш інде` is `минут
//! ішінде`), or what stands before it is no word anywhere (`меңгеруш ісі`
//! is `меңгерушісі`, though `ісі` is a word). Runs of two
//! or more spaces are kept (a moved link's gap may be among them), unless
//! the line holds a run of three: then that run is the gap, kept as two
//! spaces, and the runs of two were the widening; spaces
//! before `.` `;` `)` are dropped here, those before `,` and `:` only after
//! `moved_links` has looked at them.
//!
//! ```text
//! before  ресми  жариялануын қамтамасыз  етс ін .     (004:65)
//! after   ресми  жариялануын қамтамасыз  етсін.
//! ```

use super::mapped::{MapBuilder, MappedLine};
use super::vocab::Evidence;

/// Suffix fragments that are never words of their own.
const FRAGMENTS: &[&str] = &["і", "ін", "ік", "іл", "іг", "ір"];

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}') && crate::chars::is_letter(c)
}

fn single_letter(t: &str) -> bool {
    let mut cs = t.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_cyrillic_letter(c) && c.is_lowercase())
}

/// Whether a line ends with a space before its final `.`, `;` or `:`
/// (`көрсетед і .`), or before such a stop that a moved link's tail is
/// glued to (` бер ілген .1-қосымшасында`, `ЕТЕДІ :16-бабының
/// 3-тармағына`): a widened line, even with no double space in it.
pub fn ends_widened(text: &str) -> bool {
    let b = text.as_bytes();
    let end = b.iter().rposition(|&x| x != b' ').map_or(0, |i| i + 1);
    // The line's last stop, within the length of a link text or two from
    // its end: after a space, and either the line's end or glued to a tail
    // that is a number or a lower-case word (not the bold formula,
    // `әкімдігі :ҚАУЛЫ ЕТЕДІ`).
    let from = end.saturating_sub(64);
    let Some(stop) = memchr::memrchr3(b'.', b';', b':', &b[from..end]).map(|i| from + i) else {
        return false;
    };
    stop > 0
        && b[stop - 1] == b' '
        && (stop + 1 == end
            || text
                .get(stop + 1..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase()))
}

/// Whether a line (without indentation) shows the signs of split words: a
/// widened line (a run of two or more spaces, or a space before its final
/// punctuation) with a space inside a word.
pub fn is_flagged(text: &str) -> bool {
    if !crate::chars::has_double_space(text) && !ends_widened(text) {
        return false;
    }
    let mut prev: Option<&str> = None;
    for (tok, gap) in tokens(text) {
        if let Some(p) = prev {
            if gap == 1 && joins_signal(p, tok) {
                return true;
            }
        }
        prev = Some(tok);
    }
    false
}

fn joins_signal(p: &str, t: &str) -> bool {
    let p_last = p.chars().next_back();
    let t_first = t.chars().next();
    match (p_last, t_first) {
        // A Latin `i` split off a word is the same sign (D9 on a D3 line).
        (Some(a), Some('і' | 'i')) if is_cyrillic_letter(a) => true,
        (Some('('), _) => true,
        (_, Some(')')) => true,
        (Some(a), Some('-'))
            if crate::chars::is_alnum(a)
                && t.chars().nth(1).is_some_and(crate::chars::is_letter) =>
        {
            true
        }
        (Some('-'), Some(b)) if crate::chars::is_letter(b) && p.chars().count() > 1 => true,
        _ => single_letter(p) && t_first.is_some_and(|c| is_cyrillic_letter(c) && c.is_lowercase()),
    }
}

/// Tokens with the number of spaces before each.
fn tokens(text: &str) -> impl Iterator<Item = (&str, usize)> {
    super::tokens::tokens(text).map(|t| (t.text, t.gap))
}

/// The letters (and hyphens) that start `t`: `ішінде;2-қосымшасына` →
/// `ішінде`, `ін.` → `ін`.
fn letters(t: &str) -> &str {
    let end = t
        .char_indices()
        .find(|&(_, c)| !(crate::chars::is_letter(c) || c == '-'))
        .map_or(t.len(), |(i, _)| i);
    &t[..end]
}

/// Whether the single space between `p` and `t` should go; `next` is the
/// token after `t` when one space separates them.
fn should_join(p: &str, t: &str, next: Option<&str>, ev: &Evidence<'_>) -> bool {
    let p_last = p.chars().next_back();
    let t_first = t.chars().next();
    match (p_last, t_first) {
        (Some('('), _) => return true,
        (_, Some(')' | '.' | ';')) => return true,
        // `іс -қимылдарының`, `1 -қосымшасында`; but not `әрі -стандартына`,
        // where a moved reference is glued to a dash.
        // A dash before a number after a word introduces a value (`қол
        // қояды -1 (бір) жұмыс күн.`), and a dash on its own stands between
        // words (`(бұдан әрі - көрсетілетін`): neither is a split.
        (Some(a), Some('-'))
            if crate::chars::is_alnum(a)
                && t.chars().nth(1).is_some_and(crate::chars::is_letter) =>
        {
            return a.is_ascii_digit() || !super::moved_links::is_reference_noun(&t[1..])
        }
        (Some('-'), Some(b)) if crate::chars::is_letter(b) && p.chars().count() > 1 => return true,
        _ => {}
    }
    let (Some(a), Some(b)) = (p_last, t_first) else {
        return false;
    };
    // A piece that starts with a Latin `i` (`қызметт i`) is weighed as the
    // Kazakh `і` it stands for; the homoglyph repair maps it once joined.
    let cyrillic_t;
    let (t, b) = if b == 'i' {
        cyrillic_t = format!("і{}", &t[1..]);
        (cyrillic_t.as_str(), 'і')
    } else {
        (t, b)
    };
    if !is_cyrillic_letter(a) || !is_cyrillic_letter(b) {
        return false;
    }
    // The piece's letters: a moved link's tail may be glued after them
    // (`ішінде;2-қосымшасына`).
    let t_core = letters(t);
    if b == 'і' {
        if FRAGMENTS.contains(&t_core) {
            return true;
        }
        let joined = format!("{}{}", p.trim_start_matches(['(', '"']), t_core);
        if ev.word(&joined) > 0 {
            return true;
        }
        // The piece starts a real word with the piece after it: `минут іш
        // інде` is `минут ішінде`.
        if let Some(n) = next {
            let n_core = letters(n);
            if !n_core.is_empty() && ev.word(&format!("{t_core}{n_core}")) > 0 {
                return false;
            }
        }
        // A real word (`ішінде`, `іс`, `іске`) keeps its space after a
        // word; after a piece that is no word anywhere (`меңгеруш ісі`,
        // where `меңгерушісі` occurs nowhere intact), the space split one.
        // `іс` ('affair') is a word even where the vocabulary writes it
        // only in compounds (`іс-қимыл`, `іс жүргізушісі`).
        let word = t_core == "іс" || ev.word(t_core) > 0;
        let p_core = letters(p.trim_start_matches(['(', '"']));
        return !word || p_core.chars().count() >= 3 && ev.word(p_core) == 0;
    }
    single_letter(p.trim_start_matches(['(', '"'])) && b.is_lowercase()
}

/// Rejoins split words on a flagged line. Returns the number of joins.
pub fn repair(line: &mut MappedLine<'_>, ev: &Evidence<'_>) -> u32 {
    let text = line.as_str();
    let mut b = MapBuilder::with_capacity(text.len());
    let mut joins = 0u32;
    let mut pos = 0usize;
    let mut prev: Option<&str> = None;
    // Tokens of the line joined so far since the last kept space, for the
    // "joined form is a word" test (`ретт` + `іл` + `іг` + `ін`).
    let mut current_word = String::new();
    // A run of three spaces inside a widened line is a moved link's gap
    // (`Регламент)   бер ілген .1 -қосымшасында`, 004:514): then the runs of
    // two are the widening, and only the gap stays a double space.
    let widest = tokens(text).skip(1).map(|(_, gap)| gap).max().unwrap_or(0);
    let widening = if widest >= 3 { 2 } else { 1 };
    let mut toks = tokens(text).peekable();
    while let Some((tok, gap)) = toks.next() {
        let start = pos + gap;
        if let Some(p) = prev {
            let probe: &str = if current_word.is_empty() {
                p
            } else {
                &current_word
            };
            let next = toks.peek().filter(|(_, g)| *g == 1).map(|(n, _)| *n);
            if gap == 1 && should_join(probe, tok, next, ev) {
                joins += 1;
            } else if gap > widening {
                b.push("  ", line.src_of(pos));
                current_word.clear();
            } else {
                b.push(" ", line.src_of(pos));
                current_word.clear();
            }
        }
        line.copy_into(start..start + tok.len(), &mut b);
        current_word.push_str(tok);
        pos = start + tok.len();
        prev = Some(tok);
    }
    // The tokens borrow the line, which is replaced below.
    drop(toks);
    if joins > 0 {
        *line = b.finish_line();
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::vocab::Vocab;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        let doc = Vocab::default();
        let ev = Evidence::new(&doc, true);
        assert!(is_flagged(input), "not flagged: {input:?}");
        let mut line = MappedLine::borrowed(input, 0);
        repair(&mut line, &ev);
        assert_eq!(line.as_str(), expected);
    }

    #[test]
    fn examples_from_damage_md() {
        check(
            "ресми  жариялануын қамтамасыз  етс ін .",
            "ресми  жариялануын қамтамасыз  етсін.",
        ); // 004:65
        check(
            "қолхатты)  алуы –  2  ( ек і )  минут  ішінде ;",
            "қолхатты)  алуы –  2  (екі)  минут  ішінде;",
        ); // 004:241
        check(
            "іс -қимылдарының)  ретт іл іг ін  сипаттау:",
            "іс-қимылдарының)  реттілігін  сипаттау:",
        ); // 004:249
        check(
            "бұдан  әр і  –  Мемлекетт ік  корпорация) ;",
            "бұдан  әрі  –  Мемлекеттік  корпорация);",
        ); // 004:356
        check(
            "жағдайда өтінішті  т іркеу жүргіз ілмейді ;",
            "жағдайда өтінішті  тіркеу жүргізілмейді;",
        ); // 004:2314
        check(
            "жағдайларда  1  (б ір )  айға  ұ зартылады.",
            "жағдайларда  1  (бір)  айға  ұзартылады.",
        ); // 004:381
        check(
            "көрсет ілет ін  қызметт і  алушыға  береді ;",
            "көрсетілетін  қызметті  алушыға  береді;",
        ); // 004:950
    }

    /// A dash between words and a dash before a value keep their spaces on
    /// a widened line.
    #[test]
    fn dashes_that_are_not_split_hyphens() {
        check(
            "тұлғаларға  (бұдан әр і  - көрсетілет ін қызметті  алушы) тегін  көрсетіледі .",
            "тұлғаларға  (бұдан әрі  - көрсетілетін қызметті  алушы) тегін  көрсетіледі.",
        );
        check(
            "қол  қояды -1 (б ір) жұмыс  күн .",
            "қол  қояды -1 (бір) жұмыс  күн.",
        );
    }

    #[test]
    fn moved_link_tail_on_a_split_line_keeps_its_gap() {
        check(
            "Регламент)   бер ілген .1 -қосымшасында",
            "Регламент)  берілген.1-қосымшасында",
        ); // 004:514
           // The same on a line widened throughout: the runs of two were the
           // widening, the run of three the gap.
        check(
            "көрсетілетін  қызмет  регламентін ің (бұдан әр і –  Регламент)   бер ілген .1-қосымшасында",
            "көрсетілетін қызмет регламентінің (бұдан әрі – Регламент)  берілген.1-қосымшасында",
        );
    }

    #[test]
    fn real_words_starting_with_i_keep_their_space() {
        check(
            "мәліметтерін енгізуі -  2 (екі)  минут ішінде;",
            "мәліметтерін енгізуі -  2 (екі)  минут ішінде;",
        ); // 004:474
    }

    /// Found by the damage simulation: `ісі` is a word (`мұрағат ісі`), but
    /// `меңгеруш` is none, so the space split `меңгерушісі` (which occurs
    /// nowhere intact); `іс` itself is a word though the vocabulary holds
    /// it only in compounds.
    #[test]
    fn a_known_i_word_after_a_piece_that_is_no_word() {
        let mut doc = Vocab::default();
        doc.add_line("Мұрағат ісі саласындағы мемлекеттік көрсетілетін қызметтер");
        let ev = Evidence::new(&doc, true);
        assert!(ev.word("ісі") > 0);
        let mut line = MappedLine::borrowed(
            "14)  бөлім  меңгеруш ісі құжаттарды  қарайды – 1 (бір)  сағат;",
            0,
        );
        repair(&mut line, &ev);
        assert_eq!(
            line.as_str(),
            "14)  бөлім  меңгерушісі құжаттарды  қарайды – 1 (бір)  сағат;"
        );
        // After a word, the same `ісі` keeps its space.
        let mut line = MappedLine::borrowed("бөлім  мұрағат ісі  жүргізіледі ;", 0);
        repair(&mut line, &ev);
        assert_eq!(line.as_str(), "бөлім  мұрағат ісі  жүргізіледі;");
        check(
            "5)  көрсетілетін  қызметт і берушінің іс жүргізушісі ;",
            "5)  көрсетілетін  қызметті берушінің іс жүргізушісі;",
        );
    }

    /// Lines that are not in the corpus, split as its lines are.
    #[test]
    fn a_piece_that_starts_a_word_with_the_next_one_keeps_its_space() {
        // `іш` is no word, but `іш` + `інде` is `ішінде`: the space before
        // `іш` is a word boundary, not a split.
        check(
            "жолдайды  –  30 (отыз)  минут іш інде ;",
            "жолдайды  –  30 (отыз)  минут ішінде;",
        );
    }

    #[test]
    fn a_line_widened_only_before_its_last_stop_is_flagged() {
        // No double space, but a space before the final `.`.
        check(
            "көрсетілетін қызмет регламент і бек ітілсін .",
            "көрсетілетін қызмет регламенті бекітілсін.",
        );
        check("беруші) көрсетед і .", "беруші) көрсетеді.");
        // The stop with a moved link's tail glued to it.
        check("бер ілген .1-қосымшасында", "берілген.1-қосымшасында");
        assert!(ends_widened(
            "облысының әкімдігі ҚАУЛЫ ЕТЕДІ :16-бабының 3-тармағына"
        ));
        assert!(!ends_widened("облысының әкімдігі :ҚАУЛЫ ЕТЕДІ"));
        assert!(!is_flagged("көрсетілетін қызмет регламенті бекітілсін."));
        assert!(!is_flagged("регламенті бекітілсін.1-қосымшасына"));
    }

    /// A moved link's tail glued after the piece is not a part of it.
    #[test]
    fn a_word_with_a_moved_tail_glued_to_it_keeps_its_space() {
        check(
            "Регламенттің  сәйкес жобаны дайындайды – 5 (бес) жұмыс күні ішінде;2-қосымшасына",
            "Регламенттің  сәйкес жобаны дайындайды – 5 (бес) жұмыс күні ішінде;2-қосымшасына",
        );
        check(
            "Регламент)   бер ілген.1 -қосымшасында",
            "Регламент)  берілген.1-қосымшасында",
        );
    }

    #[test]
    fn unflagged_lines() {
        assert!(!is_flagged("орынбасары М.Л.  Тоқжановқа жүктелсін.")); // 004:67
        assert!(!is_flagged(
            "көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде"
        )); // no double space
        assert!(!is_flagged("1 - тармаққа өзгеріс енгізілді")); // spaced hyphen in the source, 002:31
    }
}
