//! Character classes on the hot path.
//!
//! `char::is_alphabetic` and `char::to_lowercase` take a table lookup for
//! every non-ASCII character; Kazakh text is almost all Cyrillic, so these
//! answer the Cyrillic block directly and fall back to the standard library
//! for everything else. It also holds the few words of the genre that
//! normalization and extraction both read (month names, genitive endings,
//! person names).
//!
//! ```text
//! before  'Қ'.is_alphabetic()      (table lookup)
//! after   is_letter('Қ') == true   (a range test)
//! ```

use std::sync::{LazyLock, OnceLock};

/// Whether `c` is a letter.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        0..=0x7F => false,
        // The Cyrillic block, less its signs and combining marks.
        0x400..=0x481 | 0x48A..=0x4FF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit.
#[inline]
pub fn is_alnum(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// The index in [`CYRILLIC`] of the character with lead byte `lead`
/// (D0..D3) and continuation byte `cont`.
#[inline]
pub fn cyrillic_index(lead: u8, cont: u8) -> usize {
    (usize::from(lead & 0x03) << 6) | usize::from(cont & 0x3F)
}

/// Flag in [`CYRILLIC`] entries: the character is a letter.
pub const LETTER: u32 = 1 << 31;

/// The Cyrillic block U+0400..U+04FF: each character's lower case, with
/// [`LETTER`] set for letters and digits (built from [`lower`] and
/// [`is_alnum`], so the table and the functions always agree).
pub static CYRILLIC: LazyLock<[u32; 256]> = LazyLock::new(|| {
    let mut t = [0u32; 256];
    for (k, slot) in t.iter_mut().enumerate() {
        let c = char::from_u32(0x400 + k as u32).unwrap_or(' ');
        let letter = if is_alnum(c) { LETTER } else { 0 };
        *slot = lower(c) as u32 | letter;
    }
    t
});

/// The lower case of the two-byte character `lead`, `cont` (lead D0..D3),
/// by [`CYRILLIC`].
#[inline]
pub fn lower_cyrillic(lead: u8, cont: u8) -> char {
    char::from_u32(CYRILLIC[cyrillic_index(lead, cont)] & !LETTER).unwrap_or('\0')
}

/// A one in every byte of a word, and the high bit of every byte, for the
/// eight-bytes-at-a-time scans below.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES << 7;

/// The high bit of every byte of `w` that is a space, exactly (no false
/// positives above a true one, unlike the borrow trick of [`next_space`]).
#[inline]
pub fn space_mask(w: u64) -> u64 {
    let x = w ^ (ONES * u64::from(b' '));
    let low = ONES * 0x7F;
    // A byte of `x` below 0x80 plus 0x7F sets its high bit unless it is 0.
    !((x & low).wrapping_add(low) | x) & HIGH
}

/// The index of the first space in `bytes` at or after `from`, or its
/// length. Eight bytes at a time: words are short, so a call per word to
/// `memchr` costs more than it saves, and a byte loop is slower still.
#[inline]
pub fn next_space(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b' '));
        // The lowest byte that is zero, exactly (higher ones may be false).
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] != b' ' {
        i += 1;
    }
    i.min(bytes.len())
}

/// The pieces of `s` between single spaces, as `s.split(' ')` gives them
/// (empty ones too), with the spaces found by [`next_space`]: the words of
/// a phrase are short.
pub fn split_spaces(s: &str) -> impl Iterator<Item = &str> + '_ {
    let b = s.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let end = next_space(b, from);
        start = (end < b.len()).then_some(end + 1);
        // Spaces are ASCII: both ends are character boundaries.
        s.get(from..end)
    })
}

/// A fixed string to search for, with its searcher (SIMD) built on first
/// use and kept: `str::find`, `str::contains` and `memmem::find` build one
/// per call, which costs more than searching a line or a step. Declared as
/// a `static`: `static RESULT_WORD: Needle = Needle::new("Нәтижесі");`.
pub struct Needle {
    needle: &'static str,
    finder: OnceLock<memchr::memmem::Finder<'static>>,
    finder_rev: OnceLock<memchr::memmem::FinderRev<'static>>,
}

impl Needle {
    pub const fn new(needle: &'static str) -> Self {
        Needle {
            needle,
            finder: OnceLock::new(),
            finder_rev: OnceLock::new(),
        }
    }

    fn finder(&self) -> &memchr::memmem::Finder<'static> {
        self.finder
            .get_or_init(|| memchr::memmem::Finder::new(self.needle))
    }

    /// The byte offset of the first occurrence in `haystack`.
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        self.finder().find(haystack)
    }

    /// The needle's length in bytes (where a match ends).
    pub const fn needle_len(&self) -> usize {
        self.needle.len()
    }

    /// Whether `haystack` holds the needle.
    pub fn is_in(&self, haystack: &str) -> bool {
        self.find(haystack.as_bytes()).is_some()
    }

    /// The byte offset of the last occurrence in `haystack`.
    pub fn rfind(&self, haystack: &[u8]) -> Option<usize> {
        self.finder_rev
            .get_or_init(|| memchr::memmem::FinderRev::new(self.needle))
            .rfind(haystack)
    }

    /// The byte offsets of every occurrence in `haystack`.
    pub fn find_iter<'h, 'n>(&'n self, haystack: &'h [u8]) -> memchr::memmem::FindIter<'h, 'n> {
        self.finder().find_iter(haystack)
    }
}

/// Whether `t` holds a quote that can mark a title: `"`, `«` or `»`.
pub fn has_quote(t: &str) -> bool {
    // By bytes: `«` and `»` are C2 AB and C2 BB (a `char` pattern would
    // decode every character; this runs for every token of some lines).
    let b = t.as_bytes();
    memchr::memchr2_iter(b'"', 0xC2, b)
        .any(|i| b[i] == b'"' || matches!(b.get(i + 1), Some(0xAB | 0xBB)))
}

/// The quotes titles are written in: `"` either way, `«` opening and `»`
/// closing.
pub const QUOTES: [char; 3] = ['"', '«', '»'];

/// Whether `t` starts with a quote that may open (`"` or `«`).
pub fn starts_with_opening_quote(t: &str) -> bool {
    t.starts_with(['"', '«'])
}

/// Whether `t` holds two spaces in a row (a gap a moved link left, or a
/// widened line); this runs twice for every line.
pub fn has_double_space(t: &str) -> bool {
    static TWO_SPACES: Needle = Needle::new("  ");
    TWO_SPACES.find(t.as_bytes()).is_some()
}

/// The genitive endings (`облысының`, `әкімдігінің`, `тармақтың` …).
pub const GENITIVE_ENDINGS: [&str; 6] = ["ның", "нің", "дың", "дің", "тың", "тің"];

/// Whether `w` ends in a genitive ending.
pub fn is_genitive(w: &str) -> bool {
    GENITIVE_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// How many words the person's name that ends `t` takes, as acts are
/// signed: initials then a capitalized surname, glued (`А.Көлгінов`: 1) or
/// not (`А. Баталов`: 2). Runs of spaces count as one.
pub fn person_name_words(t: &str) -> Option<usize> {
    let mut words = t.split(' ').filter(|w| !w.is_empty()).rev();
    let last = words.next()?;
    if !last.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let initials_glued = last.contains('.')
        && last
            .split('.')
            .all(|p| p.chars().next().is_some_and(char::is_uppercase) || p.is_empty());
    if initials_glued {
        return Some(1);
    }
    let prev_initial = words.next().is_some_and(|p| {
        p.ends_with('.')
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().count() <= 4
    });
    prev_initial.then_some(2)
}

/// The text after the last space of `t` (all of it when it has none). The
/// last word is short, so a plain backward loop beats `rsplit`'s search.
pub fn last_word(t: &str) -> &str {
    let b = t.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1] != b' ' {
        i -= 1;
    }
    // A space is ASCII: `i` is a character boundary.
    t.get(i..).unwrap_or("")
}

/// The offsets of the ASCII letters in `bytes`, in order (see
/// [`positions_of`]).
pub fn ascii_letters(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    positions_of(bytes, |x| (x | 0x20).wrapping_sub(b'a') < 26)
}

/// The offsets of the ASCII digits in `bytes`, in order (see
/// [`positions_of`]).
pub fn ascii_digits(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    positions_of(bytes, |x| x.wrapping_sub(b'0') < 10)
}

/// The offsets of the bytes of `bytes` that pass `test`, in order, for
/// bytes that are rare in Kazakh text (Latin letters, digits). Chunks of
/// 32 bytes without one are passed over with a test the compiler
/// vectorizes (`test` must be plain arithmetic on the byte).
#[inline]
fn positions_of<'a>(
    bytes: &'a [u8],
    test: impl Fn(u8) -> bool + Copy + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let chunks = bytes.chunks_exact(32);
    let tail_at = bytes.len() - chunks.remainder().len();
    let tail = chunks
        .remainder()
        .iter()
        .enumerate()
        .map(move |(i, &x)| (tail_at + i, x));
    chunks
        .enumerate()
        // As an array, a chunk's length is known wherever the compiler
        // puts this test, so it vectorizes even where it is not inlined.
        .filter(move |(_, c)| {
            c.first_chunk::<32>()
                .is_some_and(|c| c.iter().fold(0u8, |acc, &x| acc | u8::from(test(x))) != 0)
        })
        .flat_map(|(k, c)| c.iter().enumerate().map(move |(i, &x)| (k * 32 + i, x)))
        .chain(tail)
        .filter(move |&(_, x)| test(x))
        .map(|(i, _)| i)
}

/// The nearest character boundary of `text` at or before `i` (clamped to
/// its length): a safe end for a window of bytes.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The lower case of `c` (the first character of it, for the rare letters
/// that lower to more than one).
#[inline]
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F => u,
        // Latin-1 punctuation, general punctuation and `№` have no case.
        0x80..=0xBF | 0x2000..=0x206F | 0x2116 => u,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x430..=0x45F => u,
        // Cyrillic letters with diacritics and Kazakh letters come in
        // upper/lower pairs (even/odd), except U+04C0 and U+04C1..U+04CE.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => u | 1,
        _ => return c.to_lowercase().next().unwrap_or(c),
    };
    char::from_u32(l).unwrap_or(c)
}

/// The month stems, January first (`қаңтар` … `желтоқсан`), as letters:
/// compared with a word's lower-cased letters without decoding a stem on
/// every call.
pub(crate) const MONTHS: [&[char]; 12] = [
    &['қ', 'а', 'ң', 'т', 'а', 'р'],
    &['а', 'қ', 'п', 'а', 'н'],
    &['н', 'а', 'у', 'р', 'ы', 'з'],
    &['с', 'ә', 'у', 'і', 'р'],
    &['м', 'а', 'м', 'ы', 'р'],
    &['м', 'а', 'у', 'с', 'ы', 'м'],
    &['ш', 'і', 'л', 'д', 'е'],
    &['т', 'а', 'м', 'ы', 'з'],
    &['қ', 'ы', 'р', 'к', 'ү', 'й', 'е', 'к'],
    &['қ', 'а', 'з', 'а', 'н'],
    &['қ', 'а', 'р', 'а', 'ш', 'а'],
    &['ж', 'е', 'л', 'т', 'о', 'қ', 'с', 'а', 'н'],
];

/// The month of a month word with any case ending.
pub fn month(word: &str) -> Option<u8> {
    // The word's first letters, lower-cased once (no stem is longer than
    // nine): no lower-case copy of the word.
    const LONGEST: usize = 9;
    let mut head = ['\0'; LONGEST];
    let mut n = 0;
    for (slot, c) in head.iter_mut().zip(word.chars()) {
        *slot = lower(c);
        n += 1;
    }
    let k = MONTHS
        .iter()
        .position(|stem| stem.len() <= n && head[..stem.len()] == **stem)?;
    Some(k as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_spaces_as_contains_finds_them() {
        for t in [
            "",
            " ",
            "  ",
            "а б",
            "а  б",
            " Стандарттың  сәйкес",
            "қызмет ",
            "a \u{a0} b",
        ] {
            assert_eq!(has_double_space(t), t.contains("  "), "{t:?}");
        }
    }

    #[test]
    fn the_cyrillic_table_is_read_by_the_utf8_bytes() {
        for u in 0x400..0x500u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut utf8 = [0u8; 2];
            c.encode_utf8(&mut utf8);
            assert_eq!(lower_cyrillic(utf8[0], utf8[1]), lower(c), "{c:?}");
            let letter = CYRILLIC[cyrillic_index(utf8[0], utf8[1])] & LETTER != 0;
            assert_eq!(letter, is_alnum(c), "{c:?}");
        }
    }

    #[test]
    fn agrees_with_the_standard_library_on_cyrillic_and_ascii() {
        for u in (0u32..0x80).chain(0x400..0x500) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            if c != '\u{4C0}' {
                assert_eq!(
                    lower(c),
                    c.to_lowercase().next().unwrap(),
                    "{c:?} U+{u:04X}"
                );
            }
        }
        assert!(is_letter('é'));
        assert_eq!(lower('Ә'), 'ә');
        assert_eq!(lower('Қ'), 'қ');
        assert_eq!(lower('І'), 'і');
    }

    #[test]
    fn split_spaces_splits_as_split_does() {
        for s in [
            "",
            " ",
            "  ",
            "Батыс Қазақстан облысы әкімдігінің",
            " 2018 жылғы  13 шілдедегі № 164 ",
            "көрсетілетінқызметтіберушінің",
            "a b",
        ] {
            let want: Vec<&str> = s.split(' ').collect();
            assert_eq!(split_spaces(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    /// The letter and digit scans against a byte-by-byte filter.
    #[track_caller]
    fn check_positions(bytes: &[u8]) {
        let want = |test: fn(&u8) -> bool| -> Vec<usize> {
            (0..bytes.len()).filter(|&i| test(&bytes[i])).collect()
        };
        let letters: Vec<usize> = ascii_letters(bytes).collect();
        assert_eq!(letters, want(u8::is_ascii_alphabetic), "{bytes:?}");
        let digits: Vec<usize> = ascii_digits(bytes).collect();
        assert_eq!(digits, want(u8::is_ascii_digit), "{bytes:?}");
    }

    #[test]
    fn letters_and_digits_are_found_in_and_after_the_chunks() {
        let cyrillic = "көрсетілетін қызмет ".repeat(5);
        for at in [0, 1, 31, 32, 33, 63, 64, 90, cyrillic.len()] {
            for letter in ["a", "Z", "@", "[", "`", "{", "ӓ", "0", "9", "/", ":"] {
                let mut t = cyrillic.clone().into_bytes();
                let at = at.min(t.len());
                t.splice(at..at, letter.bytes());
                check_positions(&t);
            }
        }
        check_positions(b"");
        check_positions(&(0..=255u8).collect::<Vec<_>>());
    }

    proptest::proptest! {
        #[test]
        fn letters_and_digits_are_found_on_any_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            check_positions(&bytes);
        }
    }

    #[test]
    fn last_word_is_what_follows_the_last_space() {
        for t in [
            "",
            " ",
            "a",
            "a ",
            "1-қосымша",
            "регламентіне 1-қосымша",
            "  х",
        ] {
            assert_eq!(last_word(t), t.rsplit(' ').next().unwrap_or(""), "{t:?}");
        }
    }

    #[test]
    fn next_space_agrees_with_a_byte_search() {
        let text = "  көрсетілетін қызметті  берушінің a bb ccc dddddddd eeeeeeeee ";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let slow = b[from..]
                .iter()
                .position(|&x| x == b' ')
                .map_or(b.len(), |k| from + k);
            assert_eq!(next_space(b, from), slow, "from {from}");
        }
    }
    #[test]
    fn person_names_as_acts_are_signed() {
        for (t, want) in [
            ("Облыс әкімі А.Көлгінов", Some(1)),
            ("Алматы облысының әкімі А. Баталов", Some(2)),
            (
                "Білім және ғылым министрі                  А. Сәрінжіпов",
                Some(2),
            ),
            ("министрі А.Б.Сәрінжіпов", Some(1)),
            ("Облыс әкімі а.көлгінов", None),
            ("Облыс әкімі Көлгінов", None),
            ("қолданысқа енгізіледі.", None),
            ("", None),
        ] {
            assert_eq!(person_name_words(t), want, "{t:?}");
        }
    }
}
