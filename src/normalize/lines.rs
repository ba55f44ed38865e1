//! Line classification: the first look at each raw line.
//!
//! The extractor's layout survives only as leading spaces: a body paragraph
//! starts with a six-space indent, a moved link that opened a visual line
//! leaves exactly one leading space, an empty line may be a paragraph break,
//! part of a page break or noise, and a line of spaces marks a dropped
//! diagram or the start of an annex block. This module sorts lines into
//! those shapes and keeps each line's text without its indentation and
//! trailing spaces; nothing is changed here.
//!
//! ```text
//! "      1. Батыс Қазақстан …"   Indented  text "1. Батыс Қазақстан …"
//! " қаулысымен (алғашқы … 120"   Lead1     text "қаулысымен (алғашқы … 120"
//! " "                            Blank
//! ""                             Empty
//! ```

use std::ops::Range;

/// The shape of a raw line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing at all.
    Empty,
    /// Only spaces: opens an annex block or stands for a dropped diagram.
    Blank,
    /// Two or more leading spaces: a paragraph start.
    Indented,
    /// Exactly one leading space: possibly a moved link's gap at the line start.
    Lead1,
    /// Text from column 0: a continuation or a block line.
    Col0,
}

/// A raw line, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// 1-based line number.
    pub no: u32,
    pub kind: LineKind,
    /// Byte range of the line in the text, without its `\n`.
    pub range: Range<usize>,
    /// The text without indentation and trailing spaces.
    pub text: &'a str,
    /// Byte offset of `text` in the whole text.
    pub text_start: usize,
    /// Number of leading spaces.
    pub indent: usize,
}

/// Splits `text` into classified lines. A final `\n` does not open a line.
pub fn classify(text: &str) -> Vec<RawLine<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut no = 1u32;
    loop {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        lines.push(classify_line(text, start..end, no));
        if end >= text.len() {
            break;
        }
        start = end + 1;
        no = no.saturating_add(1);
        if start >= text.len() {
            break;
        }
    }
    lines
}

/// Numbers `lines` as the input's lines, when unification added line ends
/// (a form feed's): a line after a line end that `added(offset)` says was
/// added keeps the number of the line before it.
///
/// ```text
/// input    "А\n\fБ"          lines 1, 2
/// unified  "А\n\n\nБ"        lines 1, 2, 2, 2
/// ```
pub fn number_as_input(lines: &mut [RawLine<'_>], added: impl Fn(usize) -> bool) {
    let mut no = 1u32;
    for (i, l) in lines.iter_mut().enumerate() {
        if i > 0 && !added(l.range.start.saturating_sub(1)) {
            no = no.saturating_add(1);
        }
        l.no = no;
    }
}

fn classify_line(text: &str, range: Range<usize>, no: u32) -> RawLine<'_> {
    let line = &text[range.clone()];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let body = line[indent..].trim_end_matches(' ');
    let kind = if line.is_empty() {
        LineKind::Empty
    } else if body.is_empty() {
        LineKind::Blank
    } else if indent >= 2 {
        LineKind::Indented
    } else if indent == 1 {
        LineKind::Lead1
    } else {
        LineKind::Col0
    };
    RawLine {
        no,
        kind,
        text_start: range.start + indent,
        range,
        text: body,
        indent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &[(LineKind, &str)]) {
        let got: Vec<_> = classify(input)
            .into_iter()
            .map(|l| (l.kind, l.text))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn shapes_from_000() {
        check(
            "      Облыс әкімі А.Көлгінов\n\n \n2018 жылғы 13 шілдедегі № 164\n қаулысымен (алғашқы 120",
            &[
                (LineKind::Indented, "Облыс әкімі А.Көлгінов"),
                (LineKind::Empty, ""),
                (LineKind::Blank, ""),
                (LineKind::Col0, "2018 жылғы 13 шілдедегі № 164"),
                (LineKind::Lead1, "қаулысымен (алғашқы 120"),
            ],
        );
    }

    #[test]
    fn trailing_newline_does_not_open_a_line() {
        assert_eq!(classify("а\n").len(), 1);
        assert_eq!(classify("").len(), 1);
    }

    #[test]
    fn lines_a_form_feed_added_keep_the_input_number() {
        // Unified from "А\n\u{c}Б\nВ" (`А` is two bytes): the line ends at
        // 3 and 4 were added.
        let text = "А\n\n\nБ\nВ";
        let mut lines = classify(text);
        number_as_input(&mut lines, |nl| nl == 3 || nl == 4);
        let got: Vec<_> = lines.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(got, [(1, "А"), (2, ""), (2, ""), (2, "Б"), (3, "В")]);
    }

    #[test]
    fn text_start_points_into_the_text() {
        let input = "x\n      1. Осы";
        let l = &classify(input)[1];
        assert_eq!(&input[l.text_start..], "1. Осы");
        assert_eq!(l.no, 2);
    }
}
