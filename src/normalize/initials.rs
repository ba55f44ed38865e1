//! Repair D9 in initials: a Latin capital typed for the Cyrillic initial of
//! a name.
//!
//! [`super::homoglyphs`] maps Latin letters inside words that hold Cyrillic
//! letters. An initial is a word of one letter, so that test cannot see
//! it; what shows it is the name it belongs to. A chain of initials (single
//! capitals, each followed by `.`) that ends at a Cyrillic name (a
//! capital and a small letter) is Cyrillic, and its Latin look-alikes are
//! mapped to their twins.
//!
//! ```text
//! before  Ғ.A.Оспанқұловқа жүктелсін     министрі A. Мамытбеков
//! after   Ғ.А.Оспанқұловқа жүктелсін     министрі А. Мамытбеков
//! ```
//!
//! This runs on the finished paragraphs, after every other repair: a line
//! can end at an initial and the name start the next line, and a space
//! before the `.` is dropped by the layout only. Found on the lines, a
//! second normalization would see contexts the first did not.
//!
//! `I` and `X` are not mapped: they are Roman numerals (`I. Жалпы
//! ережелер`). Neither is a Latin name (`J. Smith`) nor a capital that ends
//! a word (`NATO. Бұл`).

use std::ops::Range;

use super::homoglyphs::{self, is_cyrillic};
use super::layout::Emitted;
use super::mapped::Seg;

/// The Cyrillic twin of a Latin capital that can stand for an initial:
/// [`homoglyphs`]'s, but for `I` and `X` (Roman numerals).
fn twin(c: u8) -> Option<&'static str> {
    if !c.is_ascii_uppercase() || matches!(c, b'I' | b'X') {
        return None;
    }
    homoglyphs::twin(char::from(c))
}

/// Whether `line` holds a Latin capital that [`find`] could map. A cheap
/// test for the lines that hold Latin letters, so that the finished text
/// is searched only when one does. It asks for no context: the layout may
/// yet change what stands around the letter (drop the spaces before a stop,
/// join the name's line).
pub fn may_hold(line: &str) -> bool {
    line.bytes().any(|x| twin(x).is_some())
}

/// The byte offsets of the Latin initials of `text`, in order.
pub fn find(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    for dot in memchr::memchr_iter(b'.', b) {
        // The name: after the `.` and at most one space, a Cyrillic capital
        // and a small letter.
        let after = dot + 1 + usize::from(b.get(dot + 1) == Some(&b' '));
        let mut chars = text.get(after..).unwrap_or("").chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            continue;
        };
        let name = is_cyrillic(first)
            && first.is_uppercase()
            && is_cyrillic(second)
            && second.is_lowercase();
        if !name {
            continue;
        }
        // The chain of initials before it, from the last one back.
        let mut dot = dot;
        while let Some(initial) = text.get(..dot).and_then(|s| s.chars().next_back()) {
            let at = dot - initial.len_utf8();
            let before = text.get(..at).and_then(|s| s.chars().next_back());
            if before.is_some_and(crate::chars::is_alnum) {
                break; // the end of a word, not an initial
            }
            if initial.is_ascii() && twin(initial as u8).is_some() {
                found.push(at);
            } else if !(is_cyrillic(initial) && initial.is_uppercase()) {
                break;
            }
            // The initial before: `Ғ.A.` or `Ғ. A.`.
            dot = match before {
                Some('.') => at - 1,
                Some(' ') if b.get(at.wrapping_sub(2)) == Some(&b'.') => at - 2,
                _ => break,
            };
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Maps the Latin initials of the finished text to their Cyrillic twins,
/// moving every output offset after each (a twin takes two bytes where the
/// Latin letter took one). Returns the offsets of the mapped initials in the
/// new text.
pub fn repair(emitted: &mut Emitted) -> Vec<usize> {
    let found = find(&emitted.text);
    if found.is_empty() {
        return found;
    }
    // Each twin is one byte longer: an old offset moves by the number of
    // initials before it.
    let moved = |o: usize| o + found.partition_point(|&p| p < o);
    let range = |r: &Range<usize>| moved(r.start)..moved(r.end);

    let mut text = String::with_capacity(emitted.text.len() + found.len());
    let mut copied = 0;
    for &p in &found {
        text.push_str(emitted.text.get(copied..p).unwrap_or(""));
        let latin = emitted.text.as_bytes().get(p).copied();
        text.push_str(latin.and_then(twin).unwrap_or(""));
        copied = p + 1;
    }
    text.push_str(emitted.text.get(copied..).unwrap_or(""));

    // The map: both bytes of a twin come from the Latin letter.
    let old = std::mem::take(&mut emitted.segs);
    let whole = [Seg { out: 0, src: 0 }];
    let segs = if old.is_empty() { &whole[..] } else { &old[..] };
    let mut new = Vec::with_capacity(segs.len() + 2 * found.len());
    for (k, s) in segs.iter().enumerate() {
        let (start, end) = (
            s.out as usize,
            segs.get(k + 1)
                .map_or(emitted.text.len(), |n| n.out as usize),
        );
        new.push(Seg {
            out: moved(start) as u32,
            src: s.src,
        });
        let first = found.partition_point(|&p| p < start);
        for &p in found[first..].iter().take_while(|&&p| p < end) {
            let src = s.src + (p - start) as u32;
            new.push(Seg {
                out: moved(p) as u32 + 1,
                src,
            });
            if p + 1 < end {
                new.push(Seg {
                    out: moved(p) as u32 + 2,
                    src: src + 1,
                });
            }
        }
    }
    emitted.segs = new;
    for p in &mut emitted.paragraphs {
        p.span = range(&p.span);
    }
    for j in &mut emitted.joins {
        j.out = range(&j.out);
    }
    for r in emitted.line_out.iter_mut().flatten() {
        *r = range(r);
    }
    emitted.text = text;
    found.iter().map(|&p| moved(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with its Latin initials mapped.
    #[track_caller]
    fn check(input: &str, expected: &str) {
        let mut out = input.to_owned();
        for p in find(input).into_iter().rev() {
            let twin = twin(input.as_bytes()[p]).unwrap_or("?");
            out.replace_range(p..p + 1, twin);
        }
        assert_eq!(out, expected, "input: {input:?}");
    }

    #[test]
    fn initials_before_a_cyrillic_name() {
        // Seen in the register's acts.
        check(
            "бақылау Ғ.A.Оспанқұловқа жүктелсін",
            "бақылау Ғ.А.Оспанқұловқа жүктелсін",
        );
        check(
            "орынбасары A. Абдуалиевқа жүктелсін.",
            "орынбасары А. Абдуалиевқа жүктелсін.",
        );
        check("министрі A.Б. Мамытбеков", "министрі А.Б. Мамытбеков");
        check("A.B.Оспанов", "А.В.Оспанов");
        check("M. K. Тоқаев", "М. К. Тоқаев");
        check("(A.Оспанов)", "(А.Оспанов)");
    }

    #[test]
    fn latin_that_is_not_an_initial_stays() {
        for text in [
            "I. Жалпы ережелер",
            "X. Қорытынды ережелер",
            "J. Smith",
            "A. Smith",
            "NATO. Бұл",
            "www.egov.KZ. Бұл",
            "A .іқызметті",
            "A. ОСПАНОВ",
            "A.1-тармақ",
            "көрсетілетін A",
            "3A. Оспанов",
        ] {
            check(text, text);
        }
    }

    #[test]
    fn lines_that_may_hold_one() {
        assert!(may_hold("министрі A. Мамытбеков"));
        assert!(may_hold("министрі A .Мамытбеков"));
        assert!(may_hold("министрі A"));
        assert!(may_hold("A  .Оспанов"));
        assert!(!may_hold("www.egov.kz"));
        assert!(!may_hold("I. Жалпы ережелер"));
    }

    #[test]
    fn offsets_after_an_initial_move_and_its_bytes_map_to_it() {
        use super::super::layout::Paragraph;
        let text = "министрі A. Абдуалиев";
        let a = text.find('A').unwrap_or(0);
        let mut emitted = Emitted {
            text: text.to_owned(),
            segs: vec![Seg { out: 0, src: 100 }],
            paragraphs: vec![Paragraph {
                span: 0..text.len(),
                lines: (1, 1),
                kind: super::super::layout::ParagraphKind::Body,
            }],
            joins: Vec::new(),
            line_out: vec![Some(0..text.len())],
        };
        assert_eq!(repair(&mut emitted), vec![a]);
        assert_eq!(emitted.text, "министрі А. Абдуалиев");
        assert_eq!(emitted.paragraphs[0].span, 0..emitted.text.len());
        assert_eq!(emitted.line_out[0], Some(0..emitted.text.len()));
        let map = super::super::mapped::OffsetMap::from_segs(emitted.segs.clone());
        // Both bytes of `А` map to the Latin letter; the bytes after it
        // map as before.
        assert_eq!(map.to_source(a), 100 + a);
        assert_eq!(map.to_source(a + 1), 100 + a);
        assert_eq!(map.to_source(a + 2), 100 + a + 1);
        assert_eq!(map.to_source(emitted.text.len() - 1), 100 + text.len() - 1);
        assert_eq!(map.to_source(0), 100);
    }
}
