//! Repair 1: unify the character stream before anything looks at it.
//!
//! Owns line ends (CRLF and lone CR become LF), invisible and odd spaces
//! (no-break and narrow spaces become a plain space, zero-width characters,
//! soft hyphens, a stray BOM and control characters such as NUL are dropped,
//! tabs become spaces) and Unicode composition (NFC), so that the later
//! repairs can work on plain `' '` and `'\n'`.
//!
//! ```text
//! before  "тегін\u{00A0}көрсетіледі.\r\n"   (no-break space, CRLF)
//! after   "тегін көрсетіледі.\n"
//! ```
//!
//! Text that needs none of this (the common case) is borrowed, not copied.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::mapped::{MapBuilder, OffsetMap};

/// What unification changed, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct UnifyCounts {
    pub line_ends: u32,
    pub spaces: u32,
    pub removed: u32,
    pub controls: u32,
    pub composed_lines: u32,
}

impl UnifyCounts {
    pub fn total(&self) -> u32 {
        self.line_ends + self.spaces + self.removed + self.controls + self.composed_lines
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Keep,
    /// Replace with one plain space.
    Space,
    /// Drop (zero-width, soft hyphen, BOM).
    Drop,
    /// Drop, and count as a control character.
    Control,
    CarriageReturn,
    Tab,
    Combining,
}

fn class(c: char) -> Class {
    match c {
        '\n' => Class::Keep,
        '\r' => Class::CarriageReturn,
        '\t' => Class::Tab,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}' => Class::Control,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Class::Space,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' => Class::Drop,
        c if c < '\u{300}' => Class::Keep,
        // Cyrillic letters (the bulk of the text) are never combining marks.
        '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' | '–' | '№' => Class::Keep,
        c if changes_under_nfc(c) => Class::Combining,
        _ => Class::Keep,
    }
}

/// Unifies `input`. Returns the text, its map back to `input` and what changed.
/// Bytes that can start a character [`class`] does not keep: ASCII
/// controls, the lead bytes of U+0080..U+00BF (no-break space, soft hyphen),
/// combining marks (U+0300..U+036F) and U+2000..U+206F/U+3000/U+FEFF, and
/// the Cyrillic combining marks. Text without them is kept as it is.
fn may_need_work(input: &str) -> bool {
    let b = input.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        match x {
            b'\n' | 0x20..=0x7E => {}
            0..=0x1F | 0x7F | 0xC2 | 0xCC | 0xCD | 0xE3 | 0xEF => return true,
            0xD2 if b.get(i + 1).is_some_and(|&n| (0x83..=0x89).contains(&n)) => return true,
            0xE2 => {
                // U+2000..U+206F are E2 80 xx / E2 81 xx; the en dash (E2 80 93)
                // and quotes are kept, the odd spaces and invisibles are not.
                if b.get(i + 1) == Some(&0x80) {
                    if b.get(i + 2)
                        .is_some_and(|&n| matches!(n, 0x80..=0x8F | 0xAF))
                    {
                        return true;
                    }
                } else if b.get(i + 1) == Some(&0x81)
                    && b.get(i + 2).is_some_and(|&n| matches!(n, 0x9F | 0xA0))
                {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

pub fn unify(input: &str) -> (Cow<'_, str>, OffsetMap, UnifyCounts) {
    let needs_work = may_need_work(input) && input.chars().any(|c| class(c) != Class::Keep);
    if !needs_work {
        return (
            Cow::Borrowed(input),
            OffsetMap::identity(),
            UnifyCounts::default(),
        );
    }
    let mut counts = UnifyCounts::default();
    let mut b = MapBuilder::with_capacity(input.len());
    let mut needs_nfc = false;
    let mut at_line_start = true;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let src = i as u32;
        match class(c) {
            Class::Keep => {
                let mut buf = [0u8; 4];
                b.push(c.encode_utf8(&mut buf), src);
                at_line_start = c == '\n';
                continue;
            }
            Class::Combining => {
                needs_nfc = true;
                let mut buf = [0u8; 4];
                b.push(c.encode_utf8(&mut buf), src);
            }
            Class::Space => {
                counts.spaces += 1;
                b.push(" ", src);
            }
            Class::Drop => counts.removed += 1,
            Class::Control => counts.controls += 1,
            Class::CarriageReturn => {
                counts.line_ends += 1;
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    // CRLF: the LF that follows ends the line.
                } else {
                    b.push("\n", src);
                    at_line_start = true;
                    continue;
                }
            }
            Class::Tab => {
                counts.spaces += 1;
                // A tab that indents a line stands for the usual six-space indent.
                b.push(if at_line_start { "      " } else { " " }, src);
                continue;
            }
        }
        at_line_start = false;
    }
    if !needs_nfc {
        return (Cow::Owned(b.text), OffsetMap::from_segs(b.segs), counts);
    }
    // Compose line by line; inside a recomposed line offsets map to its start.
    let stage1 = OffsetMap::from_segs(b.segs);
    let mut out = MapBuilder::with_capacity(b.text.len());
    let mut pos = 0usize;
    for line in b.text.split_inclusive('\n') {
        let src = stage1.to_source(pos) as u32;
        if line.chars().any(changes_under_nfc) {
            let composed: String = line.nfc().collect();
            if composed != line {
                counts.composed_lines += 1;
            }
            out.push(&composed, src);
        } else {
            // Keep the fine map of an untouched line.
            for (j, ch) in line.char_indices() {
                let mut buf = [0u8; 4];
                out.push(ch.encode_utf8(&mut buf), stage1.to_source(pos + j) as u32);
            }
        }
        pos += line.len();
    }
    (Cow::Owned(out.text), OffsetMap::from_segs(out.segs), counts)
}

/// Whether `text` holds a combining mark anywhere (Cyrillic and ASCII are
/// answered without a table lookup).
pub fn has_combining_marks(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_ascii()
            && !matches!(c, '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' | '\u{2000}'..='\u{206f}')
            && changes_under_nfc(c)
    })
}

/// Whether NFC may change text holding `c`: a combining mark, or a
/// character that is not NFC on its own (a singleton such as U+0374 GREEK
/// NUMERAL SIGN, which NFC maps to U+02B9).
fn changes_under_nfc(c: char) -> bool {
    is_combining_mark(c)
        || unicode_normalization::is_nfc_quick(std::iter::once(c))
            != unicode_normalization::IsNormalized::Yes
}

/// Composes (NFC) one repaired line when it holds combining marks, keeping
/// its map: each starter with its marks maps to the starter's source.
pub fn recompose_line(line: &mut super::mapped::MappedLine<'_>) {
    let text = line.as_str();
    if !has_combining_marks(text) || text.nfc().eq(text.chars()) {
        return;
    }
    let mut b = MapBuilder::with_capacity(text.len());
    let mut group_start = 0usize;
    let flush = |b: &mut MapBuilder, from: usize, to: usize| {
        if from < to {
            let composed: String = text[from..to].nfc().collect();
            b.push(&composed, line.src_of(from));
        }
    };
    for (i, c) in text.char_indices() {
        if i > 0 && !is_combining_mark(c) {
            flush(&mut b, group_start, i);
            group_start = i;
        }
    }
    flush(&mut b, group_start, text.len());
    *line = b.finish_line();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        let (text, map, _) = unify(input);
        assert_eq!(text, expected);
        // Every output char boundary maps inside the input.
        for (i, _) in text.char_indices() {
            assert!(map.to_source(i) <= input.len());
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let (text, map, counts) = unify("Күшін жойған\nқаулысы.");
        assert!(matches!(text, Cow::Borrowed(_)));
        assert!(map.is_identity());
        assert_eq!(counts.total(), 0);
    }

    #[test]
    fn line_ends() {
        check("а\r\nб\rв\n", "а\nб\nв\n");
    }

    #[test]
    fn odd_spaces_and_invisible_characters() {
        check("тегін\u{a0}көрсетіледі", "тегін көрсетіледі");
        check("\u{feff}Күшін жой\u{200b}ған", "Күшін жойған");
        check("а\u{0}б", "аб");
        check("мемле\u{ad}кеттік", "мемлекеттік");
    }

    #[test]
    fn tabs_indent_or_space() {
        check("\t1. Осы\tқаулы", "      1. Осы қаулы");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        // и + combining breve → й
        check("жо\u{438}\u{306}ылды", "жойылды");
    }

    #[test]
    fn nfc_singleton_without_combining_mark() {
        // U+0374 is not NFC on its own (it maps to U+02B9); found by fuzzing.
        check("а\u{374}б", "а\u{2b9}б");
    }

    #[test]
    fn map_points_back_past_removed_characters() {
        let input = "а\u{200b}б";
        let (text, map, _) = unify(input);
        assert_eq!(text, "аб");
        assert_eq!(map.to_source(2), "а\u{200b}".len());
    }
}
