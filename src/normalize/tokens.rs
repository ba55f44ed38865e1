//! The space-separated tokens of a line: the unit most repairs look at.
//!
//! Every token comes with its byte offset and the number of spaces before
//! it, because a gap of two spaces is evidence in itself (a moved link left
//! it, a widened line split a word there).
//!
//! ```text
//! line    " Стандарттың  сәйкес"
//! tokens  (1, "Стандарттың", gap 1), (25, "сәйкес", gap 2)
//! ```

use std::ops::Range;

/// One token: its text, byte offset in the line and the spaces before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub gap: usize,
}

impl Token<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The tokens of `line`, skipping runs of spaces.
pub fn tokens(line: &str) -> Tokens<'_> {
    Tokens { line, pos: 0 }
}

/// The tokens of `line` from byte `pos` on (a character boundary; a
/// token that `pos` cuts is yielded from `pos`).
pub fn tokens_from(line: &str, pos: usize) -> Tokens<'_> {
    Tokens {
        line,
        pos: pos.min(line.len()),
    }
}

/// The byte range of the token of `line` that holds byte `pos` (a
/// character boundary that is not a space): from after the space before it
/// to the space after it. For repairs that find their tokens from a byte
/// (`-`, a parenthesis, `ішінде`) instead of walking every token.
pub fn token_at(line: &str, pos: usize) -> Range<usize> {
    let start = pos
        - line
            .get(..pos)
            .map_or(0, |s| crate::chars::last_word(s).len());
    start..crate::chars::next_space(line.as_bytes(), pos)
}

/// Appends to `out` the byte ranges of the tokens of `line` that are at
/// least `min` bytes long (`min` ≥ 8), in order. The glued-word warning
/// looks for long tokens in the whole output, and most tokens are short:
/// so the scan looks at windows of `min` bytes, not at every byte. A window
/// that holds a space is skipped up to its last space (found eight bytes at
/// a time from the window's end); a window with none opens a long token.
///
/// ```text
/// min 8    "a bb ccc dddddddddd"
/// windows  [a bb ccc] → after its last space: [ccc dddd] → [dddddddd]: long
/// ```
pub fn long_tokens(line: &str, min: usize, out: &mut Vec<Range<usize>>) {
    debug_assert!(min >= 8);
    let b = line.as_bytes();
    // A token start: 0, or the byte after a space (a space itself when
    // spaces run, and the next window then holds it).
    let mut start = 0;
    while let Some(window) = b.get(start..start + min) {
        match last_space(window) {
            Some(k) => start += k + 1,
            None => {
                let end = crate::chars::next_space(b, start + min);
                out.push(start..end);
                start = end + 1;
            }
        }
    }
}

/// The index of the last space in `window` (at least eight bytes long),
/// eight bytes at a time from its end; the first chunk may overlap the one
/// after it, whose spaces were looked at already.
#[inline]
fn last_space(window: &[u8]) -> Option<usize> {
    let mut end = window.len();
    while end > 0 {
        let from = end.saturating_sub(8);
        let chunk = window.get(from..from + 8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let spaces = crate::chars::space_mask(u64::from_le_bytes(word));
        if spaces != 0 {
            return Some(from + 7 - (spaces.leading_zeros() / 8) as usize);
        }
        end = from;
    }
    None
}

/// Iterator returned by [`tokens`] and [`tokens_from`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.line.as_bytes();
        let mut i = self.pos;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i >= b.len() {
            self.pos = b.len();
            return None;
        }
        let gap = i - self.pos;
        let end = crate::chars::next_space(b, i);
        self.pos = end;
        // Spaces are ASCII, so both ends are character boundaries.
        let text = self.line.get(i..end).unwrap_or("");
        Some(Token {
            text,
            start: i,
            gap,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(line: &str, expected: &[(usize, &str, usize)]) {
        let got: Vec<(usize, &str, usize)> =
            tokens(line).map(|t| (t.start, t.text, t.gap)).collect();
        assert_eq!(got, expected, "line: {line:?}");
    }

    #[track_caller]
    fn check_long(line: &str, min: usize) {
        let mut got = Vec::new();
        long_tokens(line, min, &mut got);
        let want: Vec<Range<usize>> = tokens(line)
            .filter(|t| t.text.len() >= min)
            .map(|t| t.start..t.end())
            .collect();
        assert_eq!(got, want, "line: {line:?}");
    }

    #[test]
    fn token_at_is_the_token_holding_the_byte() {
        for line in ["", "а", " сондай- ақ 1-қосымша  (он бес)минут ", "x(y)"]
        {
            for t in tokens(line) {
                for (k, _) in t.text.char_indices() {
                    assert_eq!(
                        token_at(line, t.start + k),
                        t.start..t.end(),
                        "{line:?} at {}",
                        t.start + k
                    );
                }
            }
        }
    }

    #[test]
    fn long_tokens_are_the_long_ones_of_tokens() {
        for line in [
            "",
            " ",
            "мемлекеттіккөрсетілетінқызмет",
            " мемлекеттіккөрсетілетінқызмет  а б ",
            "а мемлекеттіккөрсетілетінқызметстандарты",
            "12345678 123456789 1234567 12345678901234567890123456789",
            "көрсетілетін қызметті берушінің (мемлекеттік) корпорациясының",
        ] {
            for min in [8, 9, 16, 28] {
                check_long(line, min);
            }
        }
    }

    /// Long lines, with long tokens inside and across eight-byte words,
    /// runs of spaces, and long tokens at both ends.
    #[test]
    fn long_tokens_in_long_lines() {
        let long = "а".repeat(20); // 40 bytes
        let longer = "б".repeat(40); // 80 bytes
        for line in [
            format!("{long} {long} {long} {long}"),
            format!("{longer} a {longer}"),
            format!("{} {long} {}", "a ".repeat(30), "b ".repeat(40)),
            format!("{}{longer}{}", " ".repeat(63), " ".repeat(65)),
            format!("x{}", "ab cd ".repeat(50)),
            "a".repeat(68),
        ] {
            for min in [8, 9, 16, 28, 40, 63, 64, 79, 80, 81] {
                check_long(&line, min);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn long_tokens_are_the_long_ones_of_tokens_on_any_line(
            line in "( {1,3}[aә]{0,45}){0,16}|[ aә]{0,400}",
            min in 8usize..90,
        ) {
            let mut got = Vec::new();
            long_tokens(&line, min, &mut got);
            let want: Vec<Range<usize>> = tokens(&line)
                .filter(|t| t.text.len() >= min)
                .map(|t| t.start..t.end())
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn offsets_and_gaps() {
        // 004: a moved link leaves a double space.
        check(
            " Стандарттың  сәйкес",
            &[(1, "Стандарттың", 1), (25, "сәйкес", 2)],
        );
        check("", &[]);
        check("   ", &[]);
        check("a", &[(0, "a", 0)]);
        check("минут ішінде ", &[(0, "минут", 0), (11, "ішінде", 1)]);
    }
}
