//! Normalization: from PDF-extracted text to clean paragraphs.
//!
//! The repairs run in a fixed order, each one a module that owns one kind of
//! damage (see `damage.md` kinds D1–D11):
//!
//! 1. [`unify`]: line ends, odd spaces, invisible characters, NFC;
//! 2. [`lines`]: classify raw lines by their indentation (nothing changes);
//! 3. [`homoglyphs`] (D9): Latin letters inside Cyrillic words;
//! 4. [`letter_spacing`] (D2): letter-spaced lines, decoded before any other
//!    test looks at them;
//! 5. [`vocab`]: the document's vocabulary, from its undamaged lines
//!    (repeated work on the same token is kept in a bounded [`memo`]);
//! 6. [`split_words`] (D3): words split on widened lines, on evidence;
//! 7. [`inline_hyphens`] (D7 inside lines): `сондай- ақ`, `автомат-тандырылған`;
//! 8. [`moved_links`] (D1): link text put back into its gap (lines whose
//!    leading space is a gap wait for step 9 to know they are in a body
//!    paragraph);
//! 9. [`layout`] (D4–D8): paragraphs, page breaks, joins, folding; then
//!    [`initials`] (D9 in initials: `A. Абдуалиевқа`) on the finished text;
//! 10. warnings for damage that is not repaired (D10 glued words, D11 lost text).
//!
//! ```text
//! before  "      Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № "
//!         ""
//!         " қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа 120"
//!         "енгізіледі)."                                                    (000:13-16)
//! after   "Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № 120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі)."
//! ```

pub mod homoglyphs;
pub mod initials;
pub mod inline_hyphens;
pub mod layout;
pub mod letter_spacing;
pub mod lines;
pub mod mapped;
pub mod memo;
pub mod moved_links;
pub mod split_words;
pub mod tokens;
pub mod unify;
pub mod vocab;

use std::fmt;
use std::ops::Range;

use crate::diagnostic::Diagnostic;
use layout::Prepared;
use lines::{LineKind, RawLine};
use mapped::{MappedLine, OffsetMap, Seg};
use vocab::{DocVocab, Evidence};

pub use layout::{Paragraph, ParagraphKind};

/// The kinds of repair, as counted and explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RepairKind {
    /// Line ends, odd spaces, invisible characters, composition.
    Unified,
    /// D9: a Latin letter inside a Cyrillic word (counted per character).
    Homoglyph,
    /// D2: a letter-spaced line decoded.
    LetterSpacing,
    /// D3: a line whose split words were rejoined.
    SplitWords,
    /// D1: a moved link text put back (counted per run).
    MovedLink,
    /// D4: a line joined to the one before it.
    JoinedLine,
    /// D7: a line-final hyphen removed when joining.
    Dehyphenated,
    /// D7 inside a line: a frozen or loose hyphen fixed.
    InlineHyphen,
    /// D5: a run of empty lines left by a page break.
    PageBreak,
}

impl RepairKind {
    pub const ALL: [RepairKind; 9] = [
        RepairKind::Unified,
        RepairKind::Homoglyph,
        RepairKind::LetterSpacing,
        RepairKind::SplitWords,
        RepairKind::MovedLink,
        RepairKind::JoinedLine,
        RepairKind::Dehyphenated,
        RepairKind::InlineHyphen,
        RepairKind::PageBreak,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RepairKind::Unified => "unified",
            RepairKind::Homoglyph => "homoglyph",
            RepairKind::LetterSpacing => "letter_spacing",
            RepairKind::SplitWords => "split_words",
            RepairKind::MovedLink => "moved_link",
            RepairKind::JoinedLine => "joined_line",
            RepairKind::Dehyphenated => "dehyphenated",
            RepairKind::InlineHyphen => "inline_hyphen",
            RepairKind::PageBreak => "page_break",
        }
    }
}

impl fmt::Display for RepairKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One repair, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub kind: RepairKind,
    /// 1-based raw line the repair concerns.
    pub line: u32,
    /// How many units (characters, runs) this entry stands for.
    pub count: u32,
    /// Byte range in the input (before).
    pub raw: Range<usize>,
    /// Byte range in the normalized text (after).
    pub out: Range<usize>,
}

/// Repairs counted by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RepairCounts {
    pub unified: u32,
    pub homoglyphs: u32,
    pub letter_spaced_lines: u32,
    pub split_word_lines: u32,
    pub moved_link_texts: u32,
    pub joined_lines: u32,
    pub dehyphenated: u32,
    pub inline_hyphens: u32,
    pub page_breaks: u32,
}

impl RepairCounts {
    pub fn get(&self, kind: RepairKind) -> u32 {
        match kind {
            RepairKind::Unified => self.unified,
            RepairKind::Homoglyph => self.homoglyphs,
            RepairKind::LetterSpacing => self.letter_spaced_lines,
            RepairKind::SplitWords => self.split_word_lines,
            RepairKind::MovedLink => self.moved_link_texts,
            RepairKind::JoinedLine => self.joined_lines,
            RepairKind::Dehyphenated => self.dehyphenated,
            RepairKind::InlineHyphen => self.inline_hyphens,
            RepairKind::PageBreak => self.page_breaks,
        }
    }

    fn add(&mut self, kind: RepairKind, n: u32) {
        let slot = match kind {
            RepairKind::Unified => &mut self.unified,
            RepairKind::Homoglyph => &mut self.homoglyphs,
            RepairKind::LetterSpacing => &mut self.letter_spaced_lines,
            RepairKind::SplitWords => &mut self.split_word_lines,
            RepairKind::MovedLink => &mut self.moved_link_texts,
            RepairKind::JoinedLine => &mut self.joined_lines,
            RepairKind::Dehyphenated => &mut self.dehyphenated,
            RepairKind::InlineHyphen => &mut self.inline_hyphens,
            RepairKind::PageBreak => &mut self.page_breaks,
        };
        *slot += n;
    }
}

/// A position in the raw input: 1-based line and 1-based character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// The result of [`normalize`].
#[derive(Debug, Clone)]
pub struct Normalized {
    /// One paragraph per line, no trailing newline.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub repairs: Vec<Repair>,
    pub counts: RepairCounts,
    pub diagnostics: Vec<Diagnostic>,
    map: OffsetMap,
    /// Where the input's lines start, found on the first [`Normalized::position`]
    /// (most callers never ask).
    line_starts: std::sync::OnceLock<Vec<usize>>,
    input_len: usize,
}

impl Normalized {
    /// The input byte offset that normalized byte `offset` came from.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.map.to_source(offset).min(self.input_len)
    }

    /// The input's line starts (`input` is the text this was normalized
    /// from). A line ends at `\n`, or at a lone `\r`, as unification and
    /// the repairs' line numbers count them.
    fn line_starts(&self, input: &str) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let b = input.as_bytes();
            let mut starts = vec![0usize];
            starts.extend(
                memchr::memchr2_iter(b'\n', b'\r', b)
                    .filter(|&i| b[i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
                    .map(|i| i + 1),
            );
            starts
        })
    }

    /// The raw line and column that normalized byte `offset` came from
    /// (`input` is the text this was normalized from).
    pub fn position(&self, input: &str, offset: usize) -> Position {
        let src = self.source_offset(offset);
        let line_starts = self.line_starts(input);
        let line = line_starts.partition_point(|&s| s <= src).max(1);
        let start = line_starts.get(line - 1).copied().unwrap_or(0);
        let column = input
            .get(start..src.max(start))
            .map_or(0, |s| s.chars().count())
            + 1;
        Position {
            line: line as u32,
            column: column as u32,
        }
    }

    /// The 1-based raw line of an input byte offset (`input` is the text
    /// this was normalized from).
    pub fn line_of_source(&self, input: &str, src: usize) -> u32 {
        self.line_starts(input)
            .partition_point(|&s| s <= src)
            .max(1) as u32
    }

    /// The paragraph holding normalized byte `offset`.
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        let i = self.paragraphs.partition_point(|p| p.span.end < offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.span.contains(&offset) || p.span.end == offset)
    }

    /// The warnings, formatted for people.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Warning)
    }
}

/// Knobs of the normalizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Back the document's own vocabulary with the bundled one.
    pub bundled_vocabulary: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bundled_vocabulary: true,
        }
    }
}

/// Normalizes PDF-extracted text with the default options. Never fails:
/// damage that cannot be repaired with confidence becomes a diagnostic.
pub fn normalize(input: &str) -> Normalized {
    normalize_with(input, &Options::default())
}

#[derive(Default)]
struct LineLog {
    /// The raw text holds two spaces in a row (measured once, for the
    /// vocabulary and for split words).
    raw_double_space: bool,
    /// The raw text has a space before its final `.` `;` `:` (a widened
    /// line, for the vocabulary and for split words).
    raw_widened: bool,
    /// The raw text holds a `-` (no repair before the inline-hyphen one
    /// makes one).
    raw_hyphen: bool,
    /// The raw text holds a space before `,` or `:` (for the moved-link
    /// gate).
    raw_spaced_mark: bool,
    homoglyphs: u32,
    letter_spaced: bool,
    split_words: bool,
    inline_hyphens: u32,
    moved: u32,
}

impl LineLog {
    fn is_empty(&self) -> bool {
        self.homoglyphs == 0
            && !self.letter_spaced
            && !self.split_words
            && self.inline_hyphens == 0
            && self.moved == 0
    }
}

/// Hyphens and spaces before `,` or `:`, which the inline-hyphen repair and
/// the moved-link gate look for, found by one search each over the whole
/// text instead of a call per line (most lines hold neither), and told
/// line by line.
struct LineMarks<'t> {
    bytes: &'t [u8],
    hyphens: std::iter::Peekable<memchr::Memchr<'t>>,
    marks: std::iter::Peekable<memchr::Memchr2<'t>>,
}

impl<'t> LineMarks<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        LineMarks {
            bytes,
            hyphens: memchr::memchr_iter(b'-', bytes).peekable(),
            marks: memchr::memchr2_iter(b',', b':', bytes).peekable(),
        }
    }

    /// Whether the text of `raw` (the next line, in order) holds a `-`,
    /// and a space before `,` or `:`.
    fn of(&mut self, raw: &RawLine<'_>) -> (bool, bool) {
        let (start, end) = (raw.text_start, raw.text_start + raw.text.len());
        while self.hyphens.next_if(|&at| at < start).is_some() {}
        // A mark at the line's first byte has its space outside the line.
        while self.marks.next_if(|&at| at <= start).is_some() {}
        let hyphen = self.hyphens.peek().is_some_and(|&at| at < end);
        let mut spaced_mark = false;
        while let Some(at) = self.marks.next_if(|&at| at < end) {
            if self.bytes[at - 1] == b' ' {
                spaced_mark = true;
                break;
            }
        }
        (hyphen, spaced_mark)
    }
}

/// Lines whose words may teach the vocabulary: no sign of damage.
fn is_clean(p: &Prepared<'_>, log: &LineLog) -> bool {
    matches!(p.raw.kind, LineKind::Indented | LineKind::Col0)
        && !p.letter_spaced
        && log.homoglyphs == 0
        && !log.raw_double_space
        && !log.raw_widened
        // A space before `,` or `:` is where a moved link stood (002:14
        // `16-бабының , "Қазақстан 1-тармағына`).
        && !log.raw_spaced_mark
}

/// The indentation most of the document's indented lines have (six spaces
/// in the register's texts), if any line is indented.
fn usual_indent(lines: &[Prepared<'_>]) -> Option<usize> {
    let mut counts = [0u32; 17];
    for l in lines {
        if l.raw.kind == LineKind::Indented {
            if let Some(n) = counts.get_mut(l.raw.indent) {
                *n += 1;
            }
        }
    }
    let (indent, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
    (n > 0).then_some(indent)
}

/// Normalizes with explicit options.
pub fn normalize_with(input: &str, options: &Options) -> Normalized {
    let (unified, umap, ucounts) = unify::unify(input);
    let text: &str = &unified;
    let mut raw_lines = lines::classify(text);
    if ucounts.page_ends > 0 {
        // Lines keep the input's numbers: the line ends a form feed became
        // map to it.
        lines::number_as_input(&mut raw_lines, |nl| {
            input.as_bytes().get(umap.to_source(nl)) == Some(&0x0c)
        });
    }
    // Text with no layout at all (no indents, empty lines or lines of
    // spaces) is already one paragraph per line: normalized output, or text
    // from a tool that did not wrap.
    let flat = raw_lines.iter().all(|l| l.kind == LineKind::Col0) && !text.ends_with("\n\n");
    let mut diagnostics = Vec::new();
    if ucounts.controls > 0 {
        diagnostics.push(Diagnostic::warning(
            None,
            format!(
                "{} control character(s) such as NUL were removed",
                ucounts.controls
            ),
        ));
    }

    // Steps 3-4: per-line repairs that need no evidence.
    let mut logs: Vec<LineLog> = Vec::with_capacity(raw_lines.len());
    let mut prepared: Vec<Prepared<'_>> = Vec::with_capacity(raw_lines.len());
    // Latin letters are rare in Kazakh text: one pass over the whole text
    // finds them, and only lines holding one are looked at for homoglyphs.
    let mut latin = crate::chars::ascii_letters(text.as_bytes()).peekable();
    let mut marks = LineMarks::new(text);
    // A Latin capital that may be an initial: the finished text is searched
    // for Latin initials only then.
    let mut latin_initial = false;
    for raw in raw_lines {
        let (raw_hyphen, raw_spaced_mark) = marks.of(&raw);
        let mut log = LineLog {
            raw_double_space: crate::chars::has_double_space(raw.text),
            raw_widened: split_words::ends_widened(raw.text),
            raw_hyphen,
            raw_spaced_mark,
            ..LineLog::default()
        };
        let mut line = MappedLine::borrowed(raw.text, raw.text_start as u32);
        // Flat text (one paragraph per line) has been normalized already or
        // never had a layout: single letters in it are words, not spacing.
        let letter_spaced = !flat && letter_spacing::is_letter_spaced(line.as_str());
        if letter_spaced {
            line = letter_spacing::decode(&line);
            log.letter_spaced = true;
        }
        // After decoding, so that a Latin letter spaced apart from its
        // Cyrillic word is seen inside it (decoding removes only spaces).
        while latin.next_if(|&at| at < raw.text_start).is_some() {}
        if latin
            .peek()
            .is_some_and(|&at| at < raw.text_start + raw.text.len())
        {
            log.homoglyphs = homoglyphs::repair(&mut line);
            latin_initial |= initials::may_hold(line.as_str());
        }
        logs.push(log);
        prepared.push(Prepared {
            raw,
            text: line,
            letter_spaced,
        });
    }

    // Step 5: the document's vocabulary.
    let clean: Vec<&str> = prepared
        .iter()
        .zip(&logs)
        .filter(|(p, log)| is_clean(p, log))
        .map(|(p, _)| p.raw.text)
        .collect();
    let doc_vocab = DocVocab::lazy(clean);
    let ev = Evidence::lazy(&doc_vocab, options.bundled_vocabulary);

    // Steps 6-8: repairs on evidence.
    let mut hyphen_memo = inline_hyphens::Memo::default();
    // A paragraph whose first line is indented one space more than the
    // document's paragraphs are opened with link text (`      ` + ` жаңа
    // редакцияда жазылсын.4-тармақ`): that space is the link's gap.
    let paragraph_indent = usual_indent(&prepared);
    for (p, log) in prepared.iter_mut().zip(logs.iter_mut()) {
        // A line still as it came was measured for double spaces already.
        let may_be_split = !p.text.is_borrowed() || log.raw_double_space || log.raw_widened;
        if !p.letter_spaced
            && may_be_split
            && split_words::is_flagged(p.text.as_str())
            && split_words::repair(&mut p.text, &ev) > 0
        {
            log.split_words = true;
            // A Latin `i` split off its word is inside the word again.
            log.homoglyphs += homoglyphs::repair(&mut p.text);
        }
        if flat {
            // Normalized text is a fixed point: repairs that weigh evidence
            // would weigh the text they produced themselves.
            continue;
        }
        if log.raw_hyphen {
            log.inline_hyphens = inline_hyphens::repair(&mut p.text, &ev, &mut hyphen_memo);
        }
        if p.raw.kind != LineKind::Lead1 {
            // A line still as it came was measured already.
            let measured = p.text.is_borrowed().then_some(moved_links::Measured {
                double_space: log.raw_double_space,
                spaced_mark: log.raw_spaced_mark,
            });
            let widened = log.raw_widened || log.split_words;
            let opened_by_link = p.raw.kind == LineKind::Indented
                && paragraph_indent.is_some_and(|usual| p.raw.indent == usual + 1);
            let outcome =
                moved_links::repair_measured(&mut p.text, opened_by_link, measured, widened, &ev);
            log.moved = outcome.moved;
            if outcome.moved > 0 {
                // A run cut off a glued token can make a new mixed-script word.
                log.homoglyphs += homoglyphs::repair(&mut p.text);
            }
            for w in outcome.warnings {
                diagnostics.push(Diagnostic::warning(Some(p.raw.no), w));
            }
        }
    }
    let roles = layout::plan(&prepared, flat);
    let kinds = layout::paragraph_kinds(&roles);
    for i in 0..prepared.len() {
        if prepared[i].raw.kind == LineKind::Lead1 && !flat {
            let gap = layout::lead_gap(&prepared, &roles, &kinds, i);
            let p = &mut prepared[i];
            let widened = logs[i].raw_widened || logs[i].split_words;
            let outcome = moved_links::repair_measured(&mut p.text, gap, None, widened, &ev);
            logs[i].moved = outcome.moved;
            if outcome.moved > 0 {
                logs[i].homoglyphs += homoglyphs::repair(&mut p.text);
            }
            for w in outcome.warnings {
                diagnostics.push(Diagnostic::warning(Some(p.raw.no), w));
            }
        }
    }

    // Repairs can bring a combining mark next to the letter it was spaced
    // apart from (`у ̈`): compose such lines once more. Text that unification
    // kept as it was holds no character NFC could change.
    let unified_untouched = matches!(unified, std::borrow::Cow::Borrowed(_));
    if !unified_untouched && unify::has_combining_marks(text) {
        for p in &mut prepared {
            unify::recompose_line(&mut p.text);
        }
    }

    // Step 9: paragraphs.
    let mut emitted = layout::emit(&prepared, &roles, &ev, text.len());
    if latin_initial {
        // Each mapped initial counts as a homoglyph of the line it is on.
        for at in initials::repair(&mut emitted) {
            let line = emitted
                .line_out
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.as_ref().filter(|r| r.start <= at).map(|r| (r.start, i)))
                .max()
                .map(|(_, i)| i);
            if let Some(log) = line.and_then(|i| logs.get_mut(i)) {
                log.homoglyphs += 1;
            }
        }
    }

    // The repair log.
    let to_input = |r: Range<usize>| umap.to_source(r.start)..umap.to_source(r.end);
    let mut repairs = Vec::new();
    let mut counts = RepairCounts {
        unified: ucounts.total(),
        ..RepairCounts::default()
    };
    for (i, (p, log)) in prepared.iter().zip(&logs).enumerate() {
        if log.is_empty() {
            continue; // most lines
        }
        let out = emitted.line_out[i].clone().unwrap_or(0..0);
        let raw = to_input(p.raw.range.clone());
        let mut push = |kind: RepairKind, count: u32| {
            if count > 0 {
                counts.add(kind, count);
                repairs.push(Repair {
                    kind,
                    line: p.raw.no,
                    count,
                    raw: raw.clone(),
                    out: out.clone(),
                });
            }
        };
        push(RepairKind::Homoglyph, log.homoglyphs);
        push(RepairKind::LetterSpacing, u32::from(log.letter_spaced));
        push(RepairKind::SplitWords, u32::from(log.split_words));
        push(RepairKind::InlineHyphen, log.inline_hyphens);
        push(RepairKind::MovedLink, log.moved);
    }
    for j in &emitted.joins {
        let kind = match j.kind {
            layout::JoinKind::Joined => RepairKind::JoinedLine,
            layout::JoinKind::Dehyphenated => RepairKind::Dehyphenated,
        };
        counts.add(RepairKind::JoinedLine, 1);
        if kind == RepairKind::Dehyphenated {
            counts.add(kind, 1);
        }
        repairs.push(Repair {
            kind,
            line: j.line,
            count: 1,
            raw: to_input(j.raw.clone()),
            out: j.out.clone(),
        });
    }
    // Page breaks: runs of two or more empty lines.
    let mut run_start: Option<usize> = None;
    for i in 0..=prepared.len() {
        let empty = prepared
            .get(i)
            .is_some_and(|p| p.raw.kind == LineKind::Empty);
        match (empty, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                if i - s >= 2 {
                    let out_at = (i..prepared.len())
                        .find_map(|k| emitted.line_out[k].clone())
                        .map_or(emitted.text.len(), |r| r.start);
                    let raw_start = prepared[s].raw.range.start;
                    let raw_end = prepared[i - 1].raw.range.end;
                    let mut raw = to_input(raw_start..raw_end);
                    if input.as_bytes().get(raw.start) == Some(&0x0c) {
                        // The empty lines a form feed became: the form feed.
                        raw.end = raw.end.max(raw.start + 1);
                    }
                    counts.add(RepairKind::PageBreak, 1);
                    repairs.push(Repair {
                        kind: RepairKind::PageBreak,
                        line: prepared[s].raw.no,
                        count: 1,
                        raw,
                        out: out_at..out_at,
                    });
                }
                run_start = None;
            }
            _ => {}
        }
    }
    repairs.sort_by_key(|r| (r.line, r.kind));

    // Step 10: warnings for what stays damaged.
    warn_unrepaired(&emitted, &prepared, &ev, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.line.unwrap_or(0));

    let map = compose(&emitted.segs, &umap);
    Normalized {
        text: emitted.text,
        paragraphs: emitted.paragraphs,
        repairs,
        counts,
        diagnostics,
        map,
        line_starts: std::sync::OnceLock::new(),
        input_len: input.len(),
    }
}

/// The bundled-vocabulary listing of the undamaged lines of `texts`
/// (`kazlex vocab`).
pub fn clean_line_listing<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut clean: Vec<String> = Vec::new();
    for text in texts {
        let (unified, _, _) = unify::unify(text);
        // The same tests as a document's own vocabulary takes.
        let mut marks = LineMarks::new(&unified);
        for raw in lines::classify(&unified) {
            let mut line = MappedLine::borrowed(raw.text, 0);
            let (_, raw_spaced_mark) = marks.of(&raw);
            let log = LineLog {
                raw_double_space: crate::chars::has_double_space(raw.text),
                raw_widened: split_words::ends_widened(raw.text),
                raw_spaced_mark,
                homoglyphs: homoglyphs::repair(&mut line),
                ..LineLog::default()
            };
            let letter_spaced = letter_spacing::is_letter_spaced(line.as_str());
            let p = Prepared {
                raw: raw.clone(),
                text: line,
                letter_spaced,
            };
            if is_clean(&p, &log) {
                clean.push(raw.text.to_owned());
            }
        }
    }
    vocab::listing(clean.iter().map(String::as_str))
}

/// Composes the emitted map (output → unified text) with the unification
/// map (unified text → input).
fn compose(segs: &[Seg], umap: &OffsetMap) -> OffsetMap {
    if umap.is_identity() {
        return OffsetMap::from_segs(segs.to_vec());
    }
    let inner = umap.segs();
    let mut out = Vec::with_capacity(segs.len());
    for (k, s) in segs.iter().enumerate() {
        let len = segs.get(k + 1).map_or(u32::MAX / 2, |n| n.out - s.out);
        let start = s.src;
        let end = start.saturating_add(len);
        out.push(Seg {
            out: s.out,
            src: umap.to_source(start as usize) as u32,
        });
        // Inner boundaries strictly inside [start, end) start new runs.
        let first = inner.partition_point(|g| g.out <= start);
        for g in &inner[first..] {
            if g.out >= end {
                break;
            }
            out.push(Seg {
                out: s.out + (g.out - start),
                src: g.src,
            });
        }
    }
    OffsetMap::from_segs(out)
}

/// D10 and D11: damage that is reported, not repaired.
fn warn_unrepaired(
    emitted: &layout::Emitted,
    prepared: &[Prepared<'_>],
    ev: &Evidence<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Output ranges of lines, in output order, for a binary search.
    let starts: Vec<(usize, u32)> = emitted
        .line_out
        .iter()
        .zip(prepared)
        .filter_map(|(r, p)| r.as_ref().map(|r| (r.start, p.raw.no)))
        .collect();
    let line_of = |out: usize| -> Option<u32> {
        let i = starts.partition_point(|&(s, _)| s <= out);
        starts.get(i.checked_sub(1)?).map(|&(_, no)| no)
    };
    let mut candidates: Vec<Range<usize>> = Vec::new();
    // Long words weighed for the glued-word warning, by their text (at
    // most 16,384: a document has a few dozen distinct ones).
    let mut glued: memo::Memo<&str, Option<String>> = memo::Memo::new(1 << 14, 64);
    for p in &emitted.paragraphs {
        let para = &emitted.text[p.span.clone()];
        if para == ")" || para == "(" {
            diagnostics.push(Diagnostic::warning(
                Some(p.lines.0),
                format!("a lone \"{para}\" stands on its own line; the text around it was lost in extraction"),
            ));
            continue;
        }
        // Only long tokens and tokens with a parenthesis glued to a letter
        // are looked at: found from the spaces eight bytes at a time and
        // from the parentheses' positions, not by walking every token.
        candidates.clear();
        tokens::long_tokens(para, 28, &mut candidates);
        let b = para.as_bytes();
        let mut seen_to = 0;
        for q in memchr::memchr2_iter(b'(', b')', b) {
            if q < seen_to {
                continue; // in the token before
            }
            if !glued_paren_at(para, q) {
                continue; // `(он бес)`: most parentheses are not glued
            }
            let token = tokens::token_at(para, q);
            seen_to = token.end;
            candidates.push(token);
        }
        // Tokens in order, each once (a long token may hold a parenthesis).
        candidates.sort_by_key(|r| r.start);
        candidates.dedup_by_key(|r| r.start);
        for r in &candidates {
            let Some(text) = para.get(r.clone()) else {
                continue;
            };
            // Fourteen Cyrillic letters take at least 28 bytes.
            let long = text.len() >= 28;
            let paren = memchr::memchr2(b'(', b')', text.as_bytes()).is_some();
            let (at, tok) = (p.span.start + r.start, text);
            let word = vocab::core(tok);
            if long && word.len() >= 28 {
                // A document repeats its long words (`мәліметтерінің` 40
                // times in 004): each is weighed once.
                let split = glued.get_or_compute_copy(word, || {
                    let letters =
                        word.chars().count() >= 14 && word.chars().all(crate::chars::is_letter);
                    letters.then(|| glued_split(word, ev)).flatten()
                });
                if let Some(split) = split {
                    diagnostics.push(Diagnostic::warning(
                        line_of(at),
                        format!(
                            "«{word}» looks like two words run together («{}»); left as is",
                            split
                        ),
                    ));
                }
            }
            if !paren {
                continue;
            }
            if let Some(k) = paren_glue(tok) {
                diagnostics.push(Diagnostic::warning(
                    line_of(at),
                    format!("«{tok}»: no space {k} the parenthesis; left as is"),
                ));
            }
        }
    }
}

fn glued_split(word: &str, ev: &Evidence<'_>) -> Option<String> {
    // Two words of the genre run together are short; a longer token is
    // something else and would make this search quadratic.
    if word.chars().count() > 48 {
        return None;
    }
    // Prefix keys come in one pass; the suffix is looked at only after its
    // prefix proved to be a word.
    for (i, prefix) in vocab::prefix_keys(word).skip(4) {
        let (a, b) = word.split_at(i);
        if ev.word_key(prefix) >= 2
            && b.chars().count() >= 4
            && ev.word(b) >= 2
            && ev.pair(a, b) >= ev.word(word).max(1)
        {
            return Some(format!("{a} {b}"));
        }
    }
    None
}

/// Whether the parenthesis at byte `q` of `text` follows a letter (`(`) or
/// is followed by one (`)`): the places [`paren_glue`] reports.
fn glued_paren_at(text: &str, q: usize) -> bool {
    let is_letter = |c: Option<char>| c.is_some_and(crate::chars::is_letter);
    match text.as_bytes().get(q) {
        Some(b'(') => is_letter(text.get(..q).and_then(|s| s.chars().next_back())),
        Some(b')') => is_letter(text.get(q + 1..).and_then(|s| s.chars().next())),
        _ => false,
    }
}

fn paren_glue(tok: &str) -> Option<&'static str> {
    let mut prev: Option<char> = None;
    for c in tok.chars() {
        if let Some(p) = prev {
            if crate::chars::is_letter(p) && c == '(' {
                return Some("before");
            }
            if p == ')' && crate::chars::is_letter(c) {
                return Some("after");
            }
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests;
