//! Repairs D4–D8: hard wraps, page breaks, stray lines, line-final hyphens
//! and punctuation stranded at a line break.
//!
//! The extractor wrapped every paragraph at the page width and scattered
//! empty lines (three for a page break, one inside annex stubs or next to a
//! moved link) and lines of spaces (an annex block starts, a diagram was
//! dropped). This module decides, line by line, whether a line starts a
//! paragraph or continues one ([`plan`]), and then writes each paragraph as
//! one line of the output ([`emit`]) with the join rules of the genre: one
//! space, except none after `(` or an opening quote, before `)` `,` `:` `;`
//! `.` or a closing quote, and after a number's hyphen (`2-` + `қосымша`).
//!
//! Paragraph starts: indented lines; after a line of spaces; section
//! headings (`2. Мемлекеттік …` at column 0 after an empty line); the status
//! line (`Күшін жойған`) and the line after it; annex headers, even when
//! glued to the text before them; in title and stub blocks, a line after a
//! unit end (`… 1-қосымша`, `… бекітілген`, `… регламенті`) or an opener
//! (`"` + letter).
//!
//! ```text
//! before  "      2) көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде "
//!         "бұрыштама қояды және құжаттарды көрсетілетін қызметті берушінің жауапты "
//!         "орындаушысына жолдайды;"                                       (000:127-129)
//! after   "2) көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде бұрыштама қояды және құжаттарды көрсетілетін қызметті берушінің жауапты орындаушысына жолдайды;"
//! ```

use std::ops::Range;

use super::lines::{LineKind, RawLine};
use super::mapped::{MapBuilder, MappedLine};
use super::vocab::Evidence;
use crate::chars::last_word;

/// A line after the line-level repairs.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub raw: RawLine<'a>,
    pub text: MappedLine<'a>,
    pub letter_spaced: bool,
}

/// What kind of paragraph a line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Opened by an indented line: the act's and the regulations' running text.
    Body,
    /// A column-0 block: title, status, header, heading, annex header, stub.
    Block,
}

/// The role of each line in the paragraph structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Empty or whitespace-only: not part of any paragraph.
    Skip,
    Start(ParagraphKind),
    Continue,
}

/// The register's status labels, each printed alone on the line after the
/// title: `Күшін жойған` ('repealed'), `Қолданыстағы` ('in force'), `Жаңа`
/// ('new': registered lately) and `Күшіне енбеген` ('not yet in force').
pub const STATUS_LABELS: [&str; 4] = ["Күшін жойған", "Қолданыстағы", "Жаңа", "Күшіне енбеген"];

/// Whether the line `t` is a status label (a stop after it is allowed).
pub fn is_status(t: &str) -> bool {
    STATUS_LABELS.contains(&t.strip_suffix('.').unwrap_or(t))
}

/// The byte length of a chapter label that starts `t`, up to the space
/// after it: `1-тарау.` ('chapter 1'), `2 - тарау.`, `3-бөлім.` ('part 3'),
/// as later regulations number their sections. The number is `t`'s
/// leading digits.
pub fn chapter_label(t: &str) -> Option<usize> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = t[digits..].trim_start_matches(' ');
    let rest = rest.strip_prefix(['-', '–'])?.trim_start_matches(' ');
    let rest = ["тарау", "бөлім"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    rest.starts_with(' ').then(|| t.len() - rest.len())
}

/// `2. Мемлекеттік …`, `4. "Азаматтарға …`, `1-тарау. Жалпы ережелер`
pub fn is_heading(t: &str) -> bool {
    if let Some(label) = chapter_label(t) {
        return t[label..]
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '"' || c == '«');
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let Some(rest) = t[digits..].strip_prefix('.') else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    if rest.len() == t.len() - digits - 1 {
        return false; // no space after the dot
    }
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '«')
}

/// A title or stub line that completes a unit: `… 1-қосымша`,
/// `… қаулысына қосымша`, `… бекітілген`, `… регламенті`.
fn ends_unit(t: &str) -> bool {
    let w = last_word(t);
    let w = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–');
    matches!(w, "қосымша" | "бекітілген" | "регламенті")
}

fn ends_annex(t: &str) -> bool {
    let w = last_word(t);
    w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–') == "қосымша"
}

fn is_opener(t: &str) -> bool {
    let mut cs = t.chars();
    (matches!(cs.next(), Some('"' | '«')) && cs.next().is_some_and(crate::chars::is_letter))
        || is_heading(t)
        || is_status(t)
}

/// Words that name the act an annex belongs to, in an annex header.
const HEADER_ACT_WORDS: &[&str] = &["қаулысына", "шешіміне", "бұйрығына", "өкіміне"];
/// Words that name the act that approved an annex, in a header that ends
/// `… қаулысымен бекітілген` ('approved by resolution …').
const APPROVING_ACT_WORDS: &[&str] = &["қаулысымен", "шешімімен", "бұйрығымен", "өкімімен"];
/// Issuers in the genitive, as they open an annex header line.
const ISSUER_GENITIVES: &[&str] = &[
    "әкімдігінің",
    "мәслихатының",
    "министрінің",
    "төрағасының",
    "әкімінің",
];

/// A line that can open an annex header: a date, an issuer or the act word.
fn header_like_start(t: &str) -> bool {
    let year = t.len() > 5
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && t[4..].starts_with(" жыл");
    let act = HEADER_ACT_WORDS.iter().any(|w| t.starts_with(w));
    // Every issuer genitive ends in `ң`, which most words do not.
    let issuer = t.chars().next().is_some_and(char::is_uppercase)
        && crate::chars::split_spaces(t).any(|w| w.ends_with('ң') && ISSUER_GENITIVES.contains(&w));
    year || act || issuer
}

/// The first line of a signature's position, which names whose official
/// signs: a few capitalized words ending in a genitive (`Қазақстан
/// Республикасының`, `Батыс Қазақстан облысының`), nothing else.
fn is_position_head(t: &str) -> bool {
    // The genitive ending first: it rules out nearly every line at once.
    let t = t.trim_end_matches(' ');
    if !crate::chars::is_genitive(t) {
        return false;
    }
    t.split(' ')
        .find(|w| !w.is_empty())
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && t.split(' ').filter(|w| !w.is_empty()).count() <= 4
        && t.chars()
            .all(|c| c == ' ' || c == '-' || crate::chars::is_letter(c))
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', ';', ':'])
}

/// Whether an indented letter-spaced line continues the previous line
/// (004:1572-1573: `… - 1 (бір)` / `м и н у т  і ш і н д е ;`): the previous
/// line ends in a number and this one starts with a unit.
fn continues_number(prev: &str, t: &str) -> bool {
    let prev_ends_number =
        prev.ends_with(')') && prev.contains('(') || prev.ends_with(|c: char| c.is_ascii_digit());
    let unit = ["минут", "сағат", "жұмыс", "күн", "ай"]
        .iter()
        .any(|u| t.starts_with(u));
    prev_ends_number && unit && !ends_sentence(prev)
}

/// Decides each line's role. `flat` documents (no indented line at all) are
/// already one paragraph per line.
pub fn plan(lines: &[Prepared<'_>], flat: bool) -> Vec<Role> {
    let mut roles = vec![Role::Skip; lines.len()];
    let mut cur: Option<ParagraphKind> = None;
    let mut block_first: Option<usize> = None;
    // Paragraphs started so far: the first is the act's title.
    let mut started = 0usize;
    let mut empties = 0usize;
    let mut prev_text: Option<usize> = None;
    for i in 0..lines.len() {
        let l = &lines[i];
        match l.raw.kind {
            LineKind::Empty => {
                empties += 1;
                continue;
            }
            LineKind::Blank => {
                // A page break inside a quoted stub title can be followed by a
                // line of spaces (004:1118-1123): the quote still open and a
                // lower-case continuation keep the block going.
                let open_quote = cur == Some(ParagraphKind::Block)
                    && empties >= 2
                    && block_first.is_some_and(|f| {
                        // An odd number of `"`, or more `«` than `»`.
                        let (plain, guillemets) = lines[f..i]
                            .iter()
                            .map(|l| quote_counts(l.text.as_str()))
                            .fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
                        plain % 2 == 1 || guillemets > 0
                    })
                    && next_text(lines, i)
                        .is_some_and(|t| t.chars().next().is_some_and(char::is_lowercase));
                if !open_quote {
                    cur = None;
                    empties = 0;
                }
                continue;
            }
            _ => {}
        }
        let t = l.text.as_str();
        let prev = prev_text.map(|p| lines[p].text.as_str());
        let role = if flat {
            Role::Start(ParagraphKind::Block)
        } else if l.raw.kind == LineKind::Indented {
            match prev {
                Some(p)
                    if l.letter_spaced
                        && empties == 0
                        && cur.is_some()
                        && continues_number(p, t) =>
                {
                    Role::Continue
                }
                // A signature's position over two lines: `Қазақстан
                // Республикасының` / `Білім және ғылым министрі А. Сәрінжіпов`.
                Some(p)
                    if empties == 0
                        && cur == Some(ParagraphKind::Body)
                        && block_first == prev_text
                        && is_position_head(p)
                        && crate::chars::person_name_words(t).is_some() =>
                {
                    Role::Continue
                }
                _ => Role::Start(ParagraphKind::Body),
            }
        } else {
            match cur {
                None => Role::Start(ParagraphKind::Block),
                Some(_) if is_status(t) || prev.is_some_and(is_status) => {
                    Role::Start(ParagraphKind::Block)
                }
                Some(ParagraphKind::Body) => {
                    // A heading or an annex header follows an empty line
                    // (as in the corpus) or at least a finished sentence.
                    let after_break = empties > 0 || prev.is_some_and(ends_sentence);
                    // A page break that cuts a sentence: the line before it
                    // was wrapped (a trailing space) and ends no sentence, so
                    // what follows goes on with it even when it reads like a
                    // header (`… беруші) Қазақстан ` / `Республикасы Білім
                    // және ғылым министрінің … бұйрығымен бекітілген`).
                    let cut_sentence = empties > 0
                        && prev_text.is_some_and(|p| {
                            let raw = &lines[p].raw;
                            raw.range.end > raw.text_start + raw.text.len()
                                && !ends_sentence(lines[p].text.as_str())
                        });
                    if after_break
                        && !cut_sentence
                        && (is_heading(t) || header_start(lines, i, true))
                    {
                        Role::Start(ParagraphKind::Block)
                    } else {
                        Role::Continue
                    }
                }
                Some(ParagraphKind::Block) => {
                    let block_is_header =
                        block_first.is_some_and(|f| header_like_start(lines[f].text.as_str()));
                    // The title ends with `туралы` ('on'); the header
                    // follows it, after the status line when there is one.
                    let title_ends = started == 1
                        && prev.is_some_and(|p| last_word(p) == "туралы")
                        && (empties > 0 || act_header_start(lines, i));
                    if (empties > 0 && (prev.is_some_and(ends_unit) || is_opener(t)))
                        || title_ends
                        || (!block_is_header && header_start(lines, i, false))
                        || (empties == 0 && is_heading(t) && prev.is_some_and(ends_unit))
                    {
                        Role::Start(ParagraphKind::Block)
                    } else {
                        Role::Continue
                    }
                }
            }
        };
        if let Role::Start(kind) = role {
            cur = Some(kind);
            block_first = Some(i);
            started += 1;
        }
        roles[i] = role;
        empties = 0;
        prev_text = Some(i);
    }
    roles
}

fn next_text<'a>(lines: &'a [Prepared<'_>], i: usize) -> Option<&'a str> {
    lines[i + 1..]
        .iter()
        .find(|l| !matches!(l.raw.kind, LineKind::Empty | LineKind::Blank))
        .map(|l| l.text.as_str())
}

/// Whether line `i` starts the act's own header: it starts like a header
/// and it or the next line names the act (`… № 164 қаулысы.`).
fn act_header_start(lines: &[Prepared<'_>], i: usize) -> bool {
    const OWN_ACT: &[&str] = &[" қаулысы.", " шешімі.", " бұйрығы.", " өкімі."];
    header_like_start(lines[i].text.as_str())
        && lines[i..]
            .iter()
            .filter(|l| l.raw.kind != LineKind::Empty)
            .take(2)
            .any(|l| OWN_ACT.iter().any(|w| l.text.as_str().contains(w)))
}

/// Whether line `i` opens an annex header of the act (`… қаулысына
/// 3-қосымша`). With `approval`, a header that only says which act approved
/// the annex (`… № 245 қаулысымен бекітілген`) opens one too: after the
/// body's last paragraph. Within the annex headers, such a line continues
/// the header block it stands in (000:59-63).
fn header_start(lines: &[Prepared<'_>], i: usize, approval: bool) -> bool {
    let first = lines[i].text.as_str();
    if !header_like_start(first) {
        return false;
    }
    let mut has_act_word = false;
    let mut approved_by = false;
    let mut seen = 0;
    for l in &lines[i..] {
        match l.raw.kind {
            LineKind::Empty => continue,
            LineKind::Blank | LineKind::Indented => return false,
            _ => {}
        }
        let t = l.text.as_str();
        has_act_word |= t.split(' ').any(|w| HEADER_ACT_WORDS.contains(&w));
        approved_by |= approval && t.split(' ').any(|w| APPROVING_ACT_WORDS.contains(&w));
        if ends_annex(t) {
            return has_act_word;
        }
        // An annex with no `қосымша` header, only `… № 245 қаулысымен
        // бекітілген`.
        if approval && last_word(t) == "бекітілген" {
            return approved_by;
        }
        seen += 1;
        if seen >= 6 {
            return false;
        }
    }
    false
}

/// Whether a line is a continuation whose single leading space is a moved
/// link's gap.
pub fn lead_gap(
    lines: &[Prepared<'_>],
    roles: &[Role],
    kinds: &[Option<ParagraphKind>],
    i: usize,
) -> bool {
    // Only inside a body paragraph.
    lines[i].raw.kind == LineKind::Lead1
        && roles[i] == Role::Continue
        && kinds[i] == Some(ParagraphKind::Body)
}

/// The kind of the paragraph each line belongs to (`None` for skipped lines
/// before any paragraph).
pub fn paragraph_kinds(roles: &[Role]) -> Vec<Option<ParagraphKind>> {
    let mut cur = None;
    roles
        .iter()
        .map(|r| {
            if let Role::Start(k) = r {
                cur = Some(*k);
            }
            cur
        })
        .collect()
}

/// One paragraph of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the normalized text.
    pub span: Range<usize>,
    /// First and last raw line (1-based, inclusive).
    pub lines: (u32, u32),
    pub kind: ParagraphKind,
}

/// A join of two lines, for the repair log.
#[derive(Debug, Clone)]
pub struct Join {
    /// Raw line number of the continuation line.
    pub line: u32,
    pub kind: JoinKind,
    /// Byte range in the unified text from the end of the previous line's
    /// text to the start of this line's text.
    pub raw: Range<usize>,
    /// Byte range in the output around the join point.
    pub out: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinKind {
    Joined,
    Dehyphenated,
}

/// The output of [`emit`].
#[derive(Debug, Default)]
pub struct Emitted {
    pub text: String,
    pub segs: Vec<super::mapped::Seg>,
    pub paragraphs: Vec<Paragraph>,
    pub joins: Vec<Join>,
    /// Output byte range of each line's content (indexed like the input lines).
    pub line_out: Vec<Option<Range<usize>>>,
}

/// The quotes of a line: how many `"`, and `«` less `»`.
fn quote_counts(t: &str) -> (usize, isize) {
    let count = |c: char| t.matches(c).count();
    (count('"'), count('«') as isize - count('»') as isize)
}

fn starts_with_closing(t: &str) -> bool {
    t.as_bytes().first().is_some_and(|&x| is_closing(x))
}

/// Punctuation that closes: no space goes before it.
/// Written as plain comparisons, not `matches!` (a bit test): the chunk
/// test of [`chunk_ends_run`] uses it and must vectorize.
#[inline]
fn is_closing(x: u8) -> bool {
    (x == b',') | (x == b'.') | (x == b';') | (x == b':') | (x == b')') | (x == b'!') | (x == b'?')
}

/// How two lines join: the separator, and whether the hyphen ending the
/// first line goes.
fn join_rule(prev: &str, next: &str, ev: &Evidence<'_>) -> (&'static str, bool) {
    if prev.ends_with('(') || prev.ends_with('«') || prev == "\"" || prev.ends_with("(\"") {
        return ("", false);
    }
    if starts_with_closing(next) || next.starts_with('»') {
        return ("", false);
    }
    if let Some(rest) = next.strip_prefix('"') {
        let after = rest.chars().next();
        // `"` + letter opens a quotation: space before it. Otherwise it closes one.
        if !after.is_some_and(crate::chars::is_alnum) {
            return ("", false);
        }
        return (" ", false);
    }
    if let Some(stem) = prev.strip_suffix('-') {
        let before = stem.chars().next_back();
        let next_letter = next.chars().next().is_some_and(crate::chars::is_letter);
        match before {
            Some(c) if c.is_ascii_digit() && next_letter => return ("", false),
            Some(c) if crate::chars::is_letter(c) && next_letter => {
                let word = stem
                    .rsplit(|c: char| !crate::chars::is_letter(c))
                    .next()
                    .unwrap_or(stem);
                let next_word: String = next
                    .chars()
                    .take_while(|c| crate::chars::is_letter(*c))
                    .collect();
                let joined = format!("{word}{next_word}");
                let hyphenated = format!("{word}-{next_word}");
                let drop = ev.word(&joined) > 0 && ev.word(&hyphenated) == 0;
                return ("", drop);
            }
            _ => {}
        }
    }
    (" ", false)
}

/// Copies the tokens of `line` from its first token (`first`) on, one
/// plain space between tokens: a run of spaces becomes one, and none is
/// left before closing punctuation or after `(` (`( үш )` → `(үш)`).
/// Tokens one plain space apart are copied as one run (most lines are a
/// single run), and the spaces that end a run are found by a vectorized
/// scan ([`next_run_end`]), not by walking from space to space. Returns
/// the length of the last token.
fn copy_spaced(line: &MappedLine<'_>, first: Range<usize>, b: &mut MapBuilder) -> usize {
    let bytes = line.as_str().as_bytes();
    let mut run_start = first.start;
    let mut from = first.end;
    let mut end = bytes.len();
    loop {
        let space = next_run_end(bytes, from);
        if space >= bytes.len() {
            break;
        }
        let mut next = space + 1;
        while bytes.get(next) == Some(&b' ') {
            next += 1;
        }
        let Some(&c) = bytes.get(next) else {
            end = space; // spaces that end the line
            break;
        };
        let glue = is_closing(c) || (space > 0 && bytes[space - 1] == b'(');
        line.copy_into(run_start..space, b);
        if !glue {
            b.push(" ", line.src_of(next - 1));
        }
        run_start = next;
        from = next;
    }
    line.copy_into(run_start..end, b);
    // The last token starts after the last space before `end` (not before
    // `first`: the line's indentation is not a token).
    let token_start = memchr::memrchr(b' ', &bytes[first.start..end])
        .map_or(first.start, |i| first.start + i + 1);
    end - token_start
}

/// The first space at or after `from` that ends a run of single-spaced
/// tokens, or the length of `bytes`: a space followed by a space, by
/// closing punctuation or by nothing, or a space after `(`. Chunks of 32
/// bytes without one (most of a line) are passed over with a test the
/// compiler vectorizes.
fn next_run_end(bytes: &[u8], from: usize) -> usize {
    let ends_run = |i: usize| {
        bytes[i] == b' '
            && (bytes.get(i + 1).is_none_or(|&n| n == b' ' || is_closing(n))
                || i > 0 && bytes[i - 1] == b'(')
    };
    let mut i = from;
    // Chunks with a byte on either side, so that the test needs no bounds.
    if i == 0 && !bytes.is_empty() {
        if ends_run(0) {
            return 0;
        }
        i = 1;
    }
    while let Some(chunk) = bytes.get(i - 1..i + 33) {
        if chunk_ends_run(chunk) {
            return scan_ends_run(bytes, i, ends_run);
        }
        i += 32;
    }
    if i >= bytes.len() {
        return bytes.len();
    }
    // The last bytes (fewer than 33) in a chunk padded with a letter: a
    // space followed by the padding is the line's last byte, and ends a
    // run only as such (tested apart).
    let mut padded = [b'x'; 34];
    let rest = &bytes[i - 1..];
    padded[..rest.len()].copy_from_slice(rest);
    if chunk_ends_run(&padded) || bytes.last() == Some(&b' ') {
        return scan_ends_run(bytes, i, ends_run);
    }
    bytes.len()
}

/// The first position at or after `i` where `ends_run` holds, or the
/// length of `bytes`.
fn scan_ends_run(bytes: &[u8], mut i: usize, ends_run: impl Fn(usize) -> bool) -> usize {
    while i < bytes.len() && !ends_run(i) {
        i += 1;
    }
    i.min(bytes.len())
}

/// Whether one of bytes 1..33 of `chunk` (34 bytes: one before, one
/// after) is a space that ends a run, in a test the compiler vectorizes.
#[inline]
fn chunk_ends_run(chunk: &[u8]) -> bool {
    let Some(chunk) = chunk.first_chunk::<34>() else {
        return true; // not a chunk: let the byte loop decide
    };
    (0..32).fold(0u8, |acc, k| {
        let (p, x, n) = (chunk[k], chunk[k + 1], chunk[k + 2]);
        acc | u8::from((x == b' ') & ((n == b' ') | is_closing(n) | (p == b'(')))
    }) != 0
}

/// Writes the paragraphs. `roles` comes from [`plan`].
pub fn emit(lines: &[Prepared<'_>], roles: &[Role], ev: &Evidence<'_>, capacity: usize) -> Emitted {
    let mut b = MapBuilder::with_capacity(capacity);
    // At most a join and a paragraph per line (004: a join per 1.8 lines,
    // a paragraph per 3.7). Grown from empty, the two copied enough to be
    // a third of the instructions 004 spent reallocating.
    let mut out = Emitted {
        line_out: vec![None; lines.len()],
        joins: Vec::with_capacity(lines.len()),
        paragraphs: Vec::with_capacity(lines.len() / 2 + 1),
        ..Emitted::default()
    };
    let mut para: Option<(usize, (u32, u32), ParagraphKind)> = None;
    // The last token written, as a range in the output.
    let mut last_tok: Option<Range<usize>> = None;
    let mut last_line_end_src = 0usize;
    // The previous line written: the raw start of its last word goes into
    // the log of a join (found only then).
    let mut prev_raw: Option<&RawLine<'_>> = None;
    for (i, l) in lines.iter().enumerate() {
        let role = roles[i];
        let t = l.text.as_str();
        match role {
            Role::Skip => continue,
            Role::Start(kind) => {
                if let Some((start, lns, k)) = para.take() {
                    out.paragraphs.push(Paragraph {
                        span: start..b.len(),
                        lines: lns,
                        kind: k,
                    });
                }
                if !b.is_empty() {
                    b.push("\n", l.raw.range.start.saturating_sub(1) as u32);
                }
                para = Some((b.len(), (l.raw.no, l.raw.no), kind));
                last_tok = None;
            }
            Role::Continue => {
                if let Some(p) = para.as_mut() {
                    p.1 .1 = l.raw.no;
                }
            }
        }
        let mut line_start_out: Option<usize> = None;
        let bytes = t.as_bytes();
        let first_start = bytes.iter().position(|&x| x != b' ');
        if let Some(first_start) = first_start {
            let first_end = crate::chars::next_space(bytes, first_start);
            let tok = &t[first_start..first_end];
            if let Some(prev) = last_tok.clone() {
                let (sep, drop_hyphen) = join_rule(&b.text[prev.clone()], tok, ev);
                let join_at = b.len();
                if drop_hyphen {
                    b.truncate(b.len() - 1);
                }
                b.push(sep, last_line_end_src as u32);
                let kind = if drop_hyphen {
                    JoinKind::Dehyphenated
                } else {
                    JoinKind::Joined
                };
                let out_start = prev.start;
                let out_end = b.len() + tok.len();
                out.joins.push(Join {
                    line: l.raw.no,
                    kind,
                    raw: prev_raw
                        .map_or(0, |r| r.text_start + r.text.len() - last_word(r.text).len())
                        ..l.raw.text_start + crate::chars::next_space(l.raw.text.as_bytes(), 0),
                    out: out_start..out_end.max(join_at),
                });
            }
            line_start_out = Some(b.len());
            let last_len = copy_spaced(&l.text, first_start..first_end, &mut b);
            last_tok = Some(b.len() - last_len..b.len());
        }
        if let Some(start) = line_start_out {
            out.line_out[i] = Some(start..b.len());
        }
        last_line_end_src = l.raw.text_start + l.raw.text.len();
        prev_raw = Some(&l.raw);
    }
    if let Some((start, lns, k)) = para.take() {
        out.paragraphs.push(Paragraph {
            span: start..b.len(),
            lines: lns,
            kind: k,
        });
    }
    out.text = b.text;
    out.segs = b.segs;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::vocab::Vocab;

    #[track_caller]
    fn check_join(prev: &str, next: &str, expected: &str) {
        let doc = Vocab::default();
        let ev = Evidence::new(&doc, true);
        let (sep, drop) = join_rule(prev, next, &ev);
        let prev = if drop { &prev[..prev.len() - 1] } else { prev };
        assert_eq!(format!("{prev}{sep}{next}"), expected);
    }

    /// A line's tokens as `emit` copied them before `copy_spaced`: token by
    /// token, one space between, none before closing punctuation or after
    /// `(`.
    fn spaced_by_tokens(line: &str) -> String {
        let mut out = String::new();
        let mut prev: Option<&str> = None;
        for t in crate::normalize::tokens::tokens(line) {
            if let Some(p) = prev {
                if !starts_with_closing(t.text) && !p.ends_with('(') {
                    out.push(' ');
                }
            }
            out.push_str(t.text);
            prev = Some(t.text);
        }
        out
    }

    #[track_caller]
    fn check_spaced(line: &str) {
        let mut b = MapBuilder::with_capacity(line.len());
        let src = 100;
        let mapped = MappedLine::borrowed(line, src);
        let want = spaced_by_tokens(line);
        let Some(first) = crate::normalize::tokens::tokens(line).next() else {
            return;
        };
        let last_len = copy_spaced(&mapped, first.start..first.end(), &mut b);
        assert_eq!(b.text, want, "{line:?}");
        let last = crate::normalize::tokens::tokens(line)
            .last()
            .map(|t| t.text);
        assert_eq!(Some(&b.text[b.text.len() - last_len..]), last, "{line:?}");
        // Every byte maps back to the same character of the line.
        let map = crate::normalize::mapped::OffsetMap::from_segs(b.segs.clone());
        for (k, c) in b.text.char_indices() {
            let at = map.to_source(k) - src as usize;
            assert_eq!(line[at..].chars().next(), Some(c), "{line:?} at {k}");
        }
    }

    #[test]
    fn spaces_are_copied_as_token_by_token() {
        for line in [
            "a",
            "  ( үш )  жұмыс  күні ,ішінде ; ",
            "Стандарттың  сәйкес өтінішті1-қосымшасына",
            "(\"кедергісіз\" ) ! ? : .",
            "тегін   көрсетіледі.   ",
        ] {
            check_spaced(line);
        }
    }

    /// [`next_run_end`] by its definition, byte by byte.
    fn next_run_end_byte_by_byte(b: &[u8], from: usize) -> usize {
        (from..b.len())
            .find(|&i| {
                b[i] == b' '
                    && (i + 1 == b.len()
                        || b[i + 1] == b' '
                        || is_closing(b[i + 1])
                        || i > 0 && b[i - 1] == b'(')
            })
            .unwrap_or(b.len())
    }

    proptest::proptest! {
        #[test]
        fn run_ends_are_found_as_byte_by_byte(line in "[ аә(),.;:!?x]{0,120}") {
            let b = line.as_bytes();
            for from in 0..=b.len() {
                proptest::prop_assert_eq!(next_run_end(b, from), next_run_end_byte_by_byte(b, from));
            }
        }

        #[test]
        fn spaces_are_copied_as_token_by_token_on_any_line(line in "[ а(),.;:!?\"қ]{0,40}|[ аә(),.қ]{30,120}") {
            check_spaced(&line);
        }
    }

    #[test]
    fn issuer_genitives_end_in_the_letter_tested_first() {
        assert!(ISSUER_GENITIVES.iter().all(|g| g.ends_with('ң')));
        assert!(header_like_start(
            "Батыс Қазақстан облысы әкімдігінің 2018 жылғы"
        ));
        assert!(!header_like_start("Батыс Қазақстан облысы әкімдігі"));
    }

    #[test]
    fn join_rules_from_damage_md() {
        check_join("(", "қызметкерлер)", "(қызметкерлер)"); // 002:170
        check_join("\"", "кедергісіз\"", "\"кедергісіз\""); // 004:193
        check_join("(үш", ")", "(үш)"); // 004:194
        check_join("№", "5309", "№ 5309"); // 000:10
        check_join("2-", "қосымша", "2-қосымша"); // 002:68
        check_join("10-", "тармағына", "10-тармағына"); // 002:195
        check_join("туралы", "\",", "туралы\","); // 000:18
        check_join("қабылдау", "\"", "қабылдау\""); // 002:72
        check_join("ретімен", "\"кедергісіз\"", "ретімен \"кедергісіз\""); // 004:692
        check_join("тағайындау\"", "мемлекеттік", "тағайындау\" мемлекеттік"); // 004:889
        check_join("-", "мемлекеттік", "- мемлекеттік"); // 002:161 `Нәтижесі -`
        check_join("қажет", ",", "қажет,"); // 004:472
        check_join("нәтижелерін беру", ":", "нәтижелерін беру:"); // 004:352

        // Guillemets say which way they go.
        check_join("№ 310 «", "Техникалық", "№ 310 «Техникалық");
        check_join("қабылдау", "» мемлекеттік", "қабылдау» мемлекеттік");
        check_join("ретімен", "«кедергісіз»", "ретімен «кедергісіз»");
    }

    #[test]
    fn headings_and_units() {
        assert!(is_heading("2. Мемлекеттік қызметті көрсету процесінде"));
        assert!(is_heading("4. \"Азаматтарға арналған үкімет\" мемлекеттік"));
        assert!(is_heading("4. «Азаматтарға арналған үкімет» мемлекеттік"));
        assert!(!is_heading("2.Мемлекеттік"));
        // Chapters, as later regulations number their sections.
        assert!(is_heading("1-тарау. Жалпы ережелер"));
        assert!(is_heading("2 - тарау. Мемлекеттік қызметті көрсету"));
        assert!(is_heading("3-бөлім. Мемлекеттік қызметті көрсету"));
        assert!(!is_heading("1-тарау. жалпы"));
        assert!(!is_heading("1-тараудың талаптары"));
        assert!(!is_heading("1-тармақ. Жалпы"));
        assert!(!is_heading("2018 жылғы"));
        assert!(ends_unit("регламентіне 1-қосымша"));
        assert!(ends_unit("№ 310 қаулысымен бекітілген"));
        assert!(ends_unit("3– қосымша"));
        assert!(!ends_unit("2-"));
        assert!(header_like_start("2016 жылғы 15 сәуірдегі №122"));
        assert!(header_like_start("Батыс Қазақстан облысы әкімдігінің"));
        assert!(header_like_start("қаулысына 6-қосымша"));
        assert!(!header_like_start("әкімдігінің"));
        assert!(!header_like_start("2- қосымша"));
    }
}
