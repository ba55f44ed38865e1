//! Repair D2: lines whose letters were spaced apart.
//!
//! The extractor rendered the last line of many justified paragraphs with a
//! space after every character and two spaces between words. A line is
//! letter-spaced when, split on runs of two or more spaces into words and
//! each word on single spaces into pieces, every piece holds at most one
//! letter or digit (punctuation may cling to it: `.қ`), at least one word
//! has two pieces or more and at least three pieces are letters. Only whole
//! lines are tested, so the single characters of `– 1 (` or `2 3 –` in
//! ordinary text never trigger it. Decoding joins each word's pieces and the
//! words with one space.
//!
//! ```text
//! before  1 5  ( о н  б е с )  м и н у т  і ш і н д е :      (004:2073)
//! after   15 (он бес) минут ішінде:
//! ```

use super::mapped::{MapBuilder, MappedLine};

/// Whether `text` (a line without indentation) is letter-spaced.
pub fn is_letter_spaced(text: &str) -> bool {
    let mut pieces = 0usize;
    let mut letters = 0usize;
    let mut wide_piece = false;
    let mut multi_piece_word = false;
    let mut alnum_anywhere = false;
    // One pass over the characters: a piece ends at a space, a word at two.
    let mut alnum_in_piece = 0;
    let mut chars_in_piece = 0;
    let mut pieces_in_word = 0;
    let mut spaces = 0;
    let mut end_piece = |alnum: &mut usize, chars: &mut usize, in_word: &mut usize| {
        if *chars > 0 {
            pieces += 1;
            *in_word += 1;
            wide_piece |= *chars > 1;
        }
        *alnum = 0;
        *chars = 0;
    };
    for c in text.chars() {
        if c == ' ' {
            if spaces == 0 {
                end_piece(
                    &mut alnum_in_piece,
                    &mut chars_in_piece,
                    &mut pieces_in_word,
                );
            }
            spaces += 1;
            if spaces == 2 {
                multi_piece_word |= pieces_in_word >= 2;
                pieces_in_word = 0;
            }
            continue;
        }
        spaces = 0;
        chars_in_piece += 1;
        if crate::chars::is_alnum(c) {
            alnum_anywhere = true;
            alnum_in_piece += 1;
            if alnum_in_piece > 1 {
                return false;
            }
            if crate::chars::is_letter(c) {
                letters += 1;
            }
        }
    }
    end_piece(
        &mut alnum_in_piece,
        &mut chars_in_piece,
        &mut pieces_in_word,
    );
    multi_piece_word |= pieces_in_word >= 2;
    // Letters, or a spaced-out run of punctuation alone (`) .`, 004:1762).
    let spaced_letters = pieces >= 3 && letters >= 3;
    let spaced_punctuation = pieces >= 2 && !wide_piece && !alnum_anywhere;
    (spaced_letters || spaced_punctuation) && multi_piece_word
}

/// Decodes a letter-spaced line. Call only when [`is_letter_spaced`] holds.
/// A run of three or more spaces is kept as a double space: it is the gap a
/// moved link left, which `moved_links` still needs to see.
pub fn decode(line: &MappedLine<'_>) -> MappedLine<'static> {
    let text = line.as_str();
    let bytes = text.as_bytes();
    // A piece and its space take at least two bytes: at most one segment
    // per two bytes.
    let mut b = MapBuilder::with_segments(text.len(), text.len() / 2 + 1);
    let mut i = 0usize;
    while i < bytes.len() {
        let start = i;
        if bytes[i] == b' ' {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            match i - start {
                // A single space separates the letters of one word: dropped.
                1 => {}
                2 => b.push(" ", line.src_of(start)),
                _ => b.push("  ", line.src_of(start)),
            }
        } else {
            while i < bytes.len() && bytes[i] != b' ' {
                i += 1;
            }
            line.copy_into(start..i, &mut b);
        }
    }
    b.finish_line()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        let line = MappedLine::borrowed(input, 0);
        let got = is_letter_spaced(input).then(|| decode(&line).as_str().to_owned());
        assert_eq!(got.as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn examples_from_damage_md() {
        check("Қ А У Л Ы  Е Т Е Д І :", Some("ҚАУЛЫ ЕТЕДІ:")); // 004:20
        check(
            "2 )  к ө р с е т і л е т і н  қ ы з м е т т і  б е р у ш і ;",
            Some("2) көрсетілетін қызметті беруші;"),
        ); // 004:109
        check(
            "1 5  ( о н  б е с )  м и н у т  і ш і н д е :",
            Some("15 (он бес) минут ішінде:"),
        ); // 004:2073
        check("м и н у т  і ш і н д е ;", Some("минут ішінде;")); // 004:1573
        check(
            "ө т к е н  с о ң  қ о л д а н ы с қ а  е н г і з і л е д і ) .",
            Some("өткен соң қолданысқа енгізіледі)."),
        ); // 004:13
        check(")  м и н у т  і ш і н д е ;", Some(") минут ішінде;")); // 004:195
    }

    #[test]
    fn a_single_space_still_joins() {
        check(
            "ж і б е р е д і  - 5  ( б е с )  ж ұ м ы с  к ү н .",
            Some("жібереді -5 (бес) жұмыс күн."),
        ); // 004:940
        check(
            "ә к і м і н е  ж о л д а й д ы  -  3 0  ( о т ы з )  м и н у т .",
            Some("әкіміне жолдайды - 30 (отыз) минут."),
        ); // 004:996
        check("А Ж О - ғ а  ж о л д а у ы ;", Some("АЖО-ға жолдауы;")); // 004:281
    }

    #[test]
    fn moved_link_tail_inside_a_letter_spaced_line() {
        check(
            "к ө р с е т і л г е н .қ о с ы м ш а с ы н д а",
            Some("көрсетілген.қосымшасында"),
        ); // 004:300
    }

    #[test]
    fn typos_survive_decoding() {
        check("қ ө р с е т і л е д і .", Some("қөрсетіледі.")); // 004:1465
        check("ш і н д е", Some("шінде")); // 004:1891
    }

    #[test]
    fn ordinary_text_is_not_letter_spaced() {
        check(
            "алуға мүмкіндіктің жоқтығы туралы хабарламаны қалыптастыруы - 1 (бір)",
            None,
        ); // 004:1572
        check(
            "осы Регламенттің ,  сәйкес көрсетілген. 2 3 – қосымшаларына",
            None,
        ); // 004:1940
        check("2) 1 - процесс", None);
        check("1 (бір)", None);
        check("қолхатты)  алуы –  2  ( ек і )  минут  ішінде ;", None); // D3, 004:241
        check("а  б  в", None); // single letters as words, never decoded to single letters again
        check("1 - 2", None);
    }

    #[test]
    fn spaced_punctuation_alone() {
        check(") .", Some(").")); // 004:1762
        check("- -", Some("--"));
        check("–", None);
    }

    #[test]
    fn decoding_keeps_a_wide_gap() {
        check("с ә й к е с   б е р і л г е н", Some("сәйкес  берілген"));
    }
}
