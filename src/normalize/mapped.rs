//! Text that remembers where it came from.
//!
//! Every repair rebuilds text out of pieces of its input. [`MapBuilder`]
//! appends those pieces and records, for each run of bytes that was copied
//! contiguously, the byte offset it came from. The result is an
//! [`OffsetMap`]: given a byte offset in the output it answers the byte
//! offset in the source. Copy runs are merged, so a line that survives
//! untouched costs one entry and a letter-spaced line one entry per letter.
//!
//! ```text
//! source  "      2 )  к ө р с е т і л е т і н"      (letters at 6, 8, 11, 13 …)
//! output  "2) көрсетілетін"
//! map     out 0 → src 6, out 1 → src 8, out 2 → src 10, out 3 → src 11, …
//! ```

use std::borrow::Cow;
use std::ops::Range;

/// One copy run: output bytes from `out` on come from source bytes from `src` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    pub out: u32,
    pub src: u32,
}

/// A sorted list of copy runs mapping output offsets to source offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segs: Vec<Seg>,
}

impl OffsetMap {
    /// The map of a text that is its own source.
    pub fn identity() -> Self {
        OffsetMap { segs: Vec::new() }
    }

    pub fn from_segs(segs: Vec<Seg>) -> Self {
        OffsetMap { segs }
    }

    pub fn is_identity(&self) -> bool {
        self.segs.is_empty()
    }

    pub fn segs(&self) -> &[Seg] {
        &self.segs
    }

    /// The source offset of output offset `out`.
    pub fn to_source(&self, out: usize) -> usize {
        if self.segs.is_empty() {
            return out;
        }
        let out32 = out as u32;
        let i = self.segs.partition_point(|s| s.out <= out32);
        match i.checked_sub(1) {
            Some(i) => {
                let s = self.segs[i];
                (s.src + (out32 - s.out)) as usize
            }
            None => self.segs[0].src as usize,
        }
    }
}

/// Appends pieces of a source text and records where each came from.
#[derive(Debug, Default)]
pub struct MapBuilder {
    pub text: String,
    pub segs: Vec<Seg>,
}

impl MapBuilder {
    pub fn with_capacity(bytes: usize) -> Self {
        // A joined line or a repair starts a segment: on the corpus one per
        // 31 (004, letter-spaced and moved-link lines) to 96 bytes of
        // output (growing from empty cost a reallocation every few lines).
        MapBuilder::with_segments(bytes, bytes / 32 + 4)
    }

    /// Room for `bytes` of text in `segs` segments (a decoded letter-spaced
    /// line has one per letter).
    pub fn with_segments(bytes: usize, segs: usize) -> Self {
        MapBuilder {
            text: String::with_capacity(bytes),
            segs: Vec::with_capacity(segs),
        }
    }

    /// Appends `s`, whose first byte sits at source offset `src`.
    pub fn push(&mut self, s: &str, src: u32) {
        if s.is_empty() {
            return;
        }
        self.mark(self.text.len() as u32, src);
        self.text.push_str(s);
    }

    /// Records that output byte `out` (at or after the last mark) came
    /// from source offset `src`, unless the last segment already says so.
    fn mark(&mut self, out: u32, src: u32) {
        let contiguous = self
            .segs
            .last()
            .is_some_and(|last| last.src.wrapping_add(out - last.out) == src);
        if !contiguous {
            self.segs.push(Seg { out, src });
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn ends_with(&self, c: char) -> bool {
        self.text.ends_with(c)
    }

    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Removes trailing spaces.
    pub fn trim_end_spaces(&mut self) {
        let keep = self.text.trim_end_matches(' ').len();
        self.truncate(keep);
    }

    pub fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.segs.last().is_some_and(|s| s.out as usize >= len) {
            self.segs.pop();
        }
    }

    pub fn finish_line<'a>(self) -> MappedLine<'a> {
        MappedLine {
            text: Cow::Owned(self.text),
            map: LineMap::Segs(self.segs),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum LineMap {
    /// Byte `i` of the text comes from source byte `base + i`.
    Linear(u32),
    Segs(Vec<Seg>),
}

/// One line's text after line-level repairs, with its map to the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedLine<'a> {
    pub text: Cow<'a, str>,
    map: LineMap,
}

impl<'a> MappedLine<'a> {
    /// A slice of the source, unchanged.
    pub fn borrowed(text: &'a str, src: u32) -> Self {
        MappedLine {
            text: Cow::Borrowed(text),
            map: LineMap::Linear(src),
        }
    }

    /// Whether the line is still the text it was made from by
    /// [`MappedLine::borrowed`] (no repair has rewritten it).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The source offset of byte `pos` of this line.
    pub fn src_of(&self, pos: usize) -> u32 {
        match &self.map {
            LineMap::Linear(base) => base + pos as u32,
            LineMap::Segs(segs) => {
                let p = pos as u32;
                let i = segs.partition_point(|s| s.out <= p);
                match i.checked_sub(1) {
                    Some(i) => segs[i].src + (p - segs[i].out),
                    None => segs.first().map_or(0, |s| s.src),
                }
            }
        }
    }

    /// Appends `self.text[range]` to `b`, keeping the map exact.
    pub fn copy_into(&self, range: Range<usize>, b: &mut MapBuilder) {
        if range.is_empty() {
            return;
        }
        match &self.map {
            LineMap::Linear(base) => b.push(&self.text[range.clone()], base + range.start as u32),
            LineMap::Segs(segs) => {
                // The text in one copy, then the segments it spans, shifted
                // (a decoded letter-spaced line has one per letter).
                let start = range.start as u32;
                let end = range.end as u32;
                let out = b.text.len() as u32;
                b.text.push_str(&self.text[range]);
                let first = segs.partition_point(|s| s.out <= start).saturating_sub(1);
                for (k, s) in segs.iter().enumerate().skip(first) {
                    if s.out >= end {
                        break;
                    }
                    let seg_end = segs.get(k + 1).map_or(u32::MAX, |n| n.out);
                    let a = start.max(s.out);
                    if a < end.min(seg_end) {
                        b.mark(out + (a - start), s.src + (a - s.out));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_merges_contiguous_runs() {
        let mut b = MapBuilder::default();
        b.push("ab", 10);
        b.push("cd", 12);
        b.push(" ", 30);
        assert_eq!(b.segs.len(), 2);
        let map = OffsetMap::from_segs(b.segs.clone());
        assert_eq!(map.to_source(3), 13);
        assert_eq!(map.to_source(4), 30);
    }

    #[test]
    fn copy_into_splits_across_segments() {
        let mut b = MapBuilder::default();
        b.push("қ", 100);
        b.push("о", 103);
        let line = b.finish_line();
        let mut out = MapBuilder::default();
        line.copy_into(0..line.text.len(), &mut out);
        assert_eq!(out.text, "қо");
        assert_eq!(OffsetMap::from_segs(out.segs).to_source(2), 103);
    }
}
