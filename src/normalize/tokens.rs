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
