//! Repair 1: unify the character stream before anything looks at it.
//!
//! Owns line ends (CRLF and lone CR become LF; a form feed, the page end
//! `pdftotext` writes, becomes an empty line, as other extractors print a
//! page break), invisible and odd spaces
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
    /// Form feeds, each made two line ends.
    pub page_ends: u32,
}

impl UnifyCounts {
    pub fn total(&self) -> u32 {
        self.line_ends
            + self.spaces
            + self.removed
            + self.controls
            + self.composed_lines
            + self.page_ends
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
    /// A form feed: a page ends.
    PageEnd,
    Tab,
    Combining,
}

fn class(c: char) -> Class {
    match c {
        '\n' => Class::Keep,
        '\r' => Class::CarriageReturn,
        '\t' => Class::Tab,
        '\u{c}' => Class::PageEnd,
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

/// Whether a character [`class`] may not keep starts at byte `x`: ASCII
/// controls other than `\n`, and every lead byte except those of U+0080..
/// U+02FF (other than `C2`, for the no-break space and soft hyphen) and of
/// Cyrillic `D0`, `D1`, `D3` (`D2` holds the Cyrillic combining marks).
/// Continuation bytes (80..BF) never match, so the scan needs no decoding.
/// Written with `&` and `|`, not `&&` and `||`, so that a loop over a
/// chunk of bytes becomes vector instructions ([`any_suspect`]).
const fn is_suspect(x: u8) -> bool {
    (x < 0x20) & (x != b'\n')
        | (x == 0x7F)
        | (x == 0xC2)
        | (x & 0xFC == 0xCC)
        | (x == 0xD2)
        | (x >= 0xD4)
}

/// [`is_suspect`] for every byte, for the byte-at-a-time scan.
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = is_suspect(i as u8);
        i += 1;
    }
    t
};

/// Where `input` first holds a character [`class`] does not keep. A table scan
/// finds the few places worth decoding (ASCII and Cyrillic, the bulk of
/// the text, never are); each is decoded and classified, so that nothing
/// NFC would change slips through (U+0374, U+2126 …).
fn first_work(input: &str) -> Option<usize> {
    let b = input.as_bytes();
    let mut i = next_suspect(b, 0);
    while let Some(c) = input.get(i..).and_then(|s| s.chars().next()) {
        if class(c) != Class::Keep {
            return Some(i);
        }
        i = next_suspect(b, i + c.len_utf8());
    }
    None
}

/// The first byte at or after `from` that `lead` picks out, or the length.
/// `lead` must pick lead bytes or ASCII only (never a continuation byte,
/// 80..BF), so that every pick starts a character. Of the `D2` lead byte
/// (U+0480..U+04BF, where Kazakh `ғ қ ң ұ ү һ` live) only U+0483..U+0489,
/// the Cyrillic combining marks, are picked.
fn next_pick(b: &[u8], from: usize, lead: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    while i < b.len() {
        let x = b[i];
        if lead(x) {
            if x != 0xD2 || matches!(b.get(i + 1), Some(0x83..=0x89)) {
                return i;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    b.len()
}

/// [`next_pick`] with the [`SUSPECT`] lead bytes, 32 bytes at a time where
/// none is suspect (the common case: a chunk is tested with comparisons
/// the compiler turns into vector instructions, not a table lookup per
/// byte).
fn next_suspect(b: &[u8], from: usize) -> usize {
    let mut i = from;
    // A chunk and the byte after it, for the `D2` test.
    while let Some(window) = b.get(i..i + 33) {
        if !any_suspect(window) {
            i += 32;
            continue;
        }
        break;
    }
    next_pick(b, i, |x| SUSPECT[usize::from(x)])
}

/// Whether `next_pick` with [`SUSPECT`] would pick any of the first 32
/// bytes of `w` (33 bytes: the last is only looked at after a `D2`).
#[inline]
fn any_suspect(w: &[u8]) -> bool {
    // As an array, its length is known wherever this is compiled.
    let Some(w) = w.first_chunk::<33>() else {
        return true; // not a chunk: let the byte scan decide
    };
    let mut acc = 0u8;
    for k in 0..32 {
        let (x, next) = (w[k], w[k + 1]);
        // Of `D2`, only U+0483..U+0489, as in `next_pick`.
        let mark = next.wrapping_sub(0x83) < 7;
        acc |= u8::from(is_suspect(x) & ((x != 0xD2) | mark));
    }
    acc != 0
}

/// The offset of the first character of `text` that [`next_pick`] picks
/// and `test` holds for.
fn first_decoded(
    text: &str,
    lead: impl Fn(u8) -> bool,
    test: impl Fn(char) -> bool,
) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = next_pick(b, 0, &lead);
    while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
        if test(c) {
            return Some(i);
        }
        i = next_pick(b, i + c.len_utf8(), &lead);
    }
    None
}

/// Unifies `input`. Returns the text, its map back to `input` and what changed.
pub fn unify(input: &str) -> (Cow<'_, str>, OffsetMap, UnifyCounts) {
    let Some(first) = first_work(input) else {
        return (
            Cow::Borrowed(input),
            OffsetMap::identity(),
            UnifyCounts::default(),
        );
    };
    let mut counts = UnifyCounts::default();
    let mut b = MapBuilder::with_capacity(input.len());
    let mut needs_nfc = false;
    let mut at_line_start = true;
    let bytes = input.as_bytes();
    // Characters kept as they are are copied in runs: `keep_from..` is the
    // run not yet copied.
    // Everything before `first` is kept: the scan goes on from there.
    let mut keep_from = 0usize;
    let mut pos = first;
    loop {
        let i = next_suspect(bytes, pos);
        let Some(c) = input.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        pos = i + c.len_utf8();
        let class = class(c);
        if class == Class::Keep {
            continue;
        }
        if class == Class::Combining {
            // Kept, and composed below.
            needs_nfc = true;
            continue;
        }
        if keep_from < i {
            b.push(&input[keep_from..i], keep_from as u32);
            at_line_start = bytes[i - 1] == b'\n';
        }
        keep_from = pos;
        let src = i as u32;
        match class {
            // Handled above.
            Class::Keep | Class::Combining => {}
            Class::Space => {
                counts.spaces += 1;
                b.push(" ", src);
                at_line_start = false;
            }
            Class::Drop => {
                counts.removed += 1;
                at_line_start = false;
            }
            Class::Control => {
                counts.controls += 1;
                at_line_start = false;
            }
            Class::CarriageReturn => {
                counts.line_ends += 1;
                if bytes.get(pos) == Some(&b'\n') {
                    // CRLF: the LF that follows ends the line.
                    at_line_start = false;
                } else {
                    b.push("\n", src);
                    at_line_start = true;
                }
            }
            Class::PageEnd => {
                // Two line ends, both mapped to the form feed (so that the
                // lines they open can be told from the input's own): with the
                // line end before it, the empty lines of a page break.
                counts.page_ends += 1;
                b.push("\n", src);
                b.push("\n", src);
                at_line_start = true;
            }
            Class::Tab => {
                counts.spaces += 1;
                // A tab that indents a line stands for the usual six-space indent.
                b.push(if at_line_start { "      " } else { " " }, src);
            }
        }
    }
    if keep_from < input.len() {
        b.push(&input[keep_from..], keep_from as u32);
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

/// Whether `text` holds a character NFC could change (a combining mark or
/// a singleton). Only characters from U+0300 on can, and Cyrillic (`D0`,
/// `D1`, `D3` lead bytes) and general punctuation never do, so only the
/// rest is decoded.
pub fn has_combining_marks(text: &str) -> bool {
    first_decoded(
        text,
        |x| x >= 0xCC && !matches!(x, 0xD0 | 0xD1 | 0xD3),
        |c| {
            !matches!(c, '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' | '\u{2000}'..='\u{206f}')
                && changes_under_nfc(c)
        },
    )
    .is_some()
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
    fn a_form_feed_is_a_page_break() {
        // `pdftotext` ends each page with a form feed before the next
        // page's first line.
        let input = "Облыс әкімі А.Көлгінов\n\u{c}Батыс Қазақстан облысы";
        check(input, "Облыс әкімі А.Көлгінов\n\n\nБатыс Қазақстан облысы");
        let (text, map, counts) = unify(input);
        assert_eq!(counts.page_ends, 1);
        assert_eq!(counts.controls, 0);
        // Both line ends it became map to it.
        let ff = input.find('\u{c}');
        let nl = text.find("\n\n").map(|i| i + 1);
        assert_eq!(nl.map(|i| map.to_source(i)), ff);
        assert_eq!(nl.map(|i| map.to_source(i + 1)), ff);
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
        // The ohm sign is the Greek capital omega in NFC.
        check("10 \u{2126}", "10 \u{3a9}");
    }

    #[test]
    fn kept_text_is_borrowed() {
        for t in ["Күшін жойған – № 5 «Әділет» é", "ң ү ұ қ ғ ә і һ ө"]
        {
            let (text, _, _) = unify(t);
            assert!(matches!(text, Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn map_points_back_past_removed_characters() {
        let input = "а\u{200b}б";
        let (text, map, _) = unify(input);
        assert_eq!(text, "аб");
        assert_eq!(map.to_source(2), "а\u{200b}".len());
    }

    /// The scans may stop at characters unification keeps, never pass one
    /// it does not: every such character starts with a byte they pick.
    #[test]
    fn every_character_unification_changes_starts_with_a_picked_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if class(c) == Class::Keep {
                continue;
            }
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(next_pick(b, 0, |x| SUSPECT[usize::from(x)]), 0, "{c:?}");
        }
    }

    /// Texts long enough for the 32-byte chunks, each with one character
    /// unification must see at every offset.
    #[test]
    fn chunked_scan_stops_where_the_byte_scan_does() {
        let filler = "көрсетілетін қызмет ғұһү 15 (он бес) минут ";
        for odd in [
            "\r",
            "\t",
            "\u{0}",
            "\u{a0}",
            "\u{ad}",
            "\u{200b}",
            "\u{feff}",
            "и\u{306}",
            "\u{482}",
            "\u{483}",
            "\u{489}",
            "\u{48a}",
            "\u{374}",
            "–",
            "№",
            "«",
            "\n",
        ] {
            for at in 0..70 {
                let mut t: String = filler.repeat(3);
                let cut = (0..=at).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
                t.insert_str(cut, odd);
                let b = t.as_bytes();
                let mut from = 0;
                while from < b.len() {
                    let want = next_pick(b, from, |x| SUSPECT[usize::from(x)]);
                    assert_eq!(next_suspect(b, from), want, "{odd:?} at {cut}, from {from}");
                    from = want + 1;
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn chunked_scan_stops_where_the_byte_scan_does_on_any_text(
            t in "[ а-яқғңұүһәіө0-9\\n\\r\\t\u{0}\u{1f}\u{7f}\u{a0}\u{ad}\u{2000}-\u{200f}\u{300}-\u{306}\u{480}-\u{48a}–№«»é\u{374}]{0,120}"
        ) {
            let b = t.as_bytes();
            for from in 0..=b.len() {
                if t.is_char_boundary(from) {
                    proptest::prop_assert_eq!(
                        next_suspect(b, from),
                        next_pick(b, from, |x| SUSPECT[usize::from(x)])
                    );
                }
            }
        }
    }
}
