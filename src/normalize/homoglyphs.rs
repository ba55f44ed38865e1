//! Repair D9: Latin letters typed inside Cyrillic words.
//!
//! Kazakh `і` (U+0456) and Latin `i` (U+0069) look the same, and older
//! documents are full of the Latin one. A Latin letter is replaced by its
//! Cyrillic twin only inside a word that also holds Cyrillic letters, so real
//! Latin (`www.egov.kz`, the Roman numeral in `(II кезең)`) stays.
//!
//! ```text
//! before  iс-қимылы тәртiбiн        (004:139, Latin i three times)
//! after   іс-қимылы тәртібін
//! ```

use super::mapped::{MapBuilder, MappedLine};

/// The Cyrillic look-alike of a Latin letter, if it has one.
pub(super) fn twin(c: char) -> Option<&'static str> {
    Some(match c {
        'i' => "і",
        'I' => "І",
        'a' => "а",
        'e' => "е",
        'o' => "о",
        'p' => "р",
        'c' => "с",
        'x' => "х",
        'y' => "у",
        'h' => "һ",
        'A' => "А",
        'B' => "В",
        'C' => "С",
        'E' => "Е",
        'H' => "Н",
        'K' => "К",
        'M' => "М",
        'O' => "О",
        'P' => "Р",
        'T' => "Т",
        'X' => "Х",
        'Y' => "Ү",
        _ => return None,
    })
}

pub(super) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Replaces Latin look-alikes inside mixed-script words. Returns the number
/// of characters replaced (0 leaves `line` untouched).
pub fn repair(line: &mut MappedLine<'_>) -> u32 {
    let text = line.as_str();
    if crate::chars::ascii_letters(text.as_bytes())
        .next()
        .is_none()
    {
        return 0;
    }
    // Find the words to fix: (start, end) byte ranges.
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut has_cyr = false;
    let mut has_latin_twin = false;
    let mut has_latin_other = false;
    let mut close = |start: usize, end: usize, cyr: bool, twin: bool, other: bool| {
        if cyr && twin && !other {
            fixes.push((start, end));
        }
    };
    for (i, c) in text.char_indices() {
        if crate::chars::is_letter(c) {
            if word_start.is_none() {
                word_start = Some(i);
                has_cyr = false;
                has_latin_twin = false;
                has_latin_other = false;
            }
            if is_cyrillic(c) {
                has_cyr = true;
            } else if c.is_ascii_alphabetic() {
                if twin(c).is_some() {
                    has_latin_twin = true;
                } else {
                    has_latin_other = true;
                }
            }
        } else if let Some(s) = word_start.take() {
            close(s, i, has_cyr, has_latin_twin, has_latin_other);
        }
    }
    if let Some(s) = word_start {
        close(s, text.len(), has_cyr, has_latin_twin, has_latin_other);
    }
    if fixes.is_empty() {
        return 0;
    }
    let mut b = MapBuilder::with_capacity(text.len() + 8);
    let mut count = 0u32;
    let mut copied = 0usize;
    for (start, end) in fixes {
        for (j, c) in text[start..end].char_indices() {
            if let Some(t) = twin(c) {
                let at = start + j;
                line.copy_into(copied..at, &mut b);
                b.push(t, line.src_of(at));
                copied = at + c.len_utf8();
                count += 1;
            }
        }
    }
    line.copy_into(copied..text.len(), &mut b);
    *line = b.finish_line();
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str, replaced: u32) {
        let mut line = MappedLine::borrowed(input, 0);
        assert_eq!(repair(&mut line), replaced);
        assert_eq!(line.as_str(), expected);
    }

    #[test]
    fn examples_from_the_corpus() {
        check("тегiн", "тегін", 1); // 002:115
        check("iс-қимылы тәртiбiн", "іс-қимылы тәртібін", 3); // 004:139
        check("мемлекеттiк көрсетілетін", "мемлекеттік көрсетілетін", 1); // 004:543
        check("мемлекеттiккөрсетілетін", "мемлекеттіккөрсетілетін", 1); // 004:1709
    }

    #[test]
    fn real_latin_stays() {
        check("(II кезең)", "(II кезең)", 0);
        check(
            "3) www.egov.kz \"электрондық үкіметтің\" веб-порталы",
            "3) www.egov.kz \"электрондық үкіметтің\" веб-порталы",
            0,
        );
    }

    #[test]
    fn same_script_typos_are_not_homoglyphs() {
        check("ұшін", "ұшін", 0);
    }

    #[test]
    fn map_points_at_the_replaced_letter() {
        let mut line = MappedLine::borrowed("тегiн", 100);
        repair(&mut line);
        // "тег" is 6 bytes; the replacement "і" maps to the Latin i at 106.
        assert_eq!(line.src_of(6), 106);
        // "н" after the 2-byte replacement maps to 107.
        assert_eq!(line.src_of(8), 107);
    }
}
