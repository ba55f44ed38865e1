//! Segmentation: the parts of an act, found in the normalized paragraphs.
//!
//! An akimat resolution has a fixed skeleton: title, status line
//! (`Күшін жойған`), a header block (act, registration, repeal), `Ескерту.`
//! notes, a preamble ending in `ҚАУЛЫ ЕТЕДІ:`, the act's numbered points and
//! subpoints, the signatory, and annexes. An annex that holds a regulation
//! has its own headers, a title (`"…" мемлекеттік көрсетілетін қызмет
//! регламенті`), four numbered sections with points and subpoints, and
//! stubs that head dropped diagrams. An annex of an act that repeals others
//! lists them (`… күші жойылды деп танылатын … тізбесі`, then `1. "…" … №
//! 515 қаулысы (…).`). This module walks the paragraphs once
//! and records every part as a byte span of the normalized text; it reads
//! no field values (that is `extract`'s job).
//!
//! ```text
//! before  "Облыс әкімі А.Көлгінов" / "2018 жылғы 13 шілдедегі № 164 … қаулысына қосымша" / …
//! after   signatory 2113..2149, annex header 2150..2260, regulation title 2385..2590, …
//! ```

use std::ops::Range;

use crate::chars::last_word;
use crate::normalize::layout::is_status;
use crate::normalize::{Normalized, ParagraphKind};

pub type Span = Range<usize>;

/// Where a note stands, which gives its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteContext {
    /// Right after the header: about the whole act.
    Document,
    /// After the act's point with this index in `body`.
    Point(usize),
    /// Under the regulation with this index.
    Regulation(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSeg {
    pub span: Span,
    pub context: NoteContext,
}

/// A subpoint (`1) …`) or an unnumbered item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubSeg {
    pub span: Span,
    /// The number as written, without `)`.
    pub number: Option<Span>,
    /// Unnumbered paragraphs that continue this subpoint (its list ends in `:`).
    pub parts: Vec<Span>,
    /// A `Нәтижесі …` paragraph that follows the subpoint.
    pub result: Option<Span>,
}

/// A numbered point (`1. …`) or an unnumbered item at point level.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PointSeg {
    pub span: Span,
    /// The number as written, without `.`.
    pub number: Option<Span>,
    pub subpoints: Vec<SubSeg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSeg {
    pub number: Option<Span>,
    pub title: Span,
    pub points: Vec<PointSeg>,
}

/// The headers above an annex: `… қаулысына 1-қосымша`, `… қаулысымен бекітілген`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexHeaderSeg {
    pub span: Span,
    /// First raw line of the paragraph, for warnings.
    pub line: u32,
    pub kind: AnnexHeaderKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnexHeaderKind {
    /// `… қаулысына N-қосымша` or `… бекітілген N-қосымша`: an annex of this act.
    Annex,
    /// `… қаулысымен бекітілген`: the act that approved the regulation.
    Approval,
    /// `"…" мемлекеттік көрсетілетін қызмет регламентіне N-қосымша`: a stub
    /// inside a regulation that heads a diagram or a directory.
    Stub,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegulationSeg {
    pub headers: Vec<AnnexHeaderSeg>,
    pub title: Span,
    /// A lone `)` and a repeal note under the title: the regulation is gone.
    pub repealed: bool,
    pub sections: Vec<SectionSeg>,
    /// Stub headers and titles after the last point (diagrams, directories).
    pub stubs: Vec<Span>,
}

/// An annex that lists the acts this one declares invalid (`Алматы облысы
/// әкімдігінің күші жойылды деп танылатын кейбір қаулыларының тізбесі`),
/// as the acts that repealed the regulations of the genre do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepealListSeg {
    pub headers: Vec<AnnexHeaderSeg>,
    pub title: Span,
    /// Its items, each naming an act (`1. "…" … № 515 қаулысы (…).`).
    pub items: Vec<Span>,
}

/// The parts of one act.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segments {
    pub title: Option<Span>,
    pub status: Option<Span>,
    pub header: Option<Span>,
    pub notes: Vec<NoteSeg>,
    pub preamble: Option<Span>,
    pub body: Vec<PointSeg>,
    pub signatory: Option<Span>,
    pub regulations: Vec<RegulationSeg>,
    pub repeal_lists: Vec<RepealListSeg>,
    /// Annex headers that no regulation or list claimed.
    pub other_annexes: Vec<AnnexHeaderSeg>,
    pub warnings: Vec<String>,
}

const FORMULAS: &[&str] = &[
    "ҚАУЛЫ ЕТЕДІ",
    "ШЕШІМ ҚАБЫЛДАДЫ",
    "ШЕШІМ ҚАБЫЛДАЙМЫН",
    "БҰЙЫРАМЫН",
    "БҰЙЫРАМЫЗ",
    "ШЕШТІ",
];

/// `12.` → the span of `12` (relative to `t`). A point or subpoint inserted
/// by an amendment is numbered after the one it follows: `3-1.` → `3-1`,
/// `1-1)` → `1-1`.
fn numbered(t: &str, mark: char) -> Option<Range<usize>> {
    let b = t.as_bytes();
    let group = |from: usize| b[from..].iter().take_while(|x| x.is_ascii_digit()).count();
    let mut digits = group(0);
    if digits == 0 || digits > 3 {
        return None;
    }
    // At most two inserted levels (`3-1-2.`).
    for _ in 0..2 {
        if b.get(digits) != Some(&b'-') {
            break;
        }
        let more = group(digits + 1);
        if more == 0 || more > 3 {
            break;
        }
        digits += 1 + more;
    }
    let rest = &t[digits..];
    let rest_trim = rest.trim_start_matches(' ');
    if !rest_trim.starts_with(mark) {
        return None;
    }
    // `1.` must be followed by a space and not be a date like `01.06.2020`.
    let after = &rest_trim[mark.len_utf8()..];
    if mark == '.' && !after.starts_with(' ') {
        return None;
    }
    Some(0..digits)
}

fn ends_with_annex(t: &str) -> bool {
    let w = last_word(t);
    w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–') == "қосымша"
}

fn classify_header(t: &str) -> Option<AnnexHeaderKind> {
    if ends_with_annex(t) {
        if t.contains("регламентіне")
            || (!t.contains("қаулысына")
                && !t.contains("бекітілген")
                && !t.contains("шешіміне")
                && !t.contains("бұйрығына")
                && crate::chars::has_quote(t))
        {
            return Some(AnnexHeaderKind::Stub);
        }
        return Some(AnnexHeaderKind::Annex);
    }
    if t.ends_with("бекітілген") {
        return Some(AnnexHeaderKind::Approval);
    }
    None
}

/// The title of an annex listing acts declared invalid: `… күші жойылды
/// деп танылатын … тізбесі` ('the list of … to be declared invalid'),
/// `күші жойылған деп танылатын`, `күші жойылды деп танылған`.
fn is_repeal_list_title(t: &str) -> bool {
    t.contains("тізбесі") && t.contains("күші жойыл") && t.contains("деп таныл")
}

fn is_regulation_title(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ' ']);
    t.ends_with("регламенті") && crate::chars::has_quote(t)
}

/// `Облыс әкімі А.Көлгінов`, `Алматы облысының әкімі А. Баталов`: a
/// position, then a name (see [`crate::chars::person_name_words`]).
pub fn is_signatory(t: &str) -> bool {
    if t.ends_with(['.', ';', ':', ',']) || t.split(' ').count() > 10 || t.len() > 200 {
        return false;
    }
    let words = t.split(' ').count();
    crate::chars::person_name_words(t).is_some_and(|name| words > name)
}

fn has_formula(t: &str) -> bool {
    FORMULAS.iter().any(|f| t.contains(f))
}

fn is_note(t: &str) -> bool {
    t.starts_with("Ескерту.") || t.starts_with("Ескерту:")
}

/// A note the register printed without `Ескерту.`, as in older acts,
/// between the header and the preamble: `Күші жойылды - ҚР Қаржы
/// министрінің 2010.05.24 № 248 … Бірлескен бұйрығымен.`
fn is_bare_note(t: &str) -> bool {
    ["Күші жойылды", "Өзгерту енгізілді", "Өзгерістер енгізілді"]
        .iter()
        .any(|w| t.starts_with(w))
}

fn is_result(t: &str) -> bool {
    result_word_len(t).is_some()
}

/// The length of the word that opens a step's result at the start of `t`:
/// `Нәтижесі` ('its result'), or `Нәтиже` ('result') before a dash or
/// colon (`Нәтиже – құжаттарды тіркеу;`). `Нәтижені` ('the result', an
/// object) opens none.
pub fn result_word_len(t: &str) -> Option<usize> {
    let rest = t.strip_prefix("Нәтиже")?;
    if rest.starts_with("сі") {
        return Some("Нәтижесі".len());
    }
    let dashed = rest
        .trim_start_matches(' ')
        .starts_with(['–', '-', '—', ':']);
    dashed.then_some("Нәтиже".len())
}

/// Walks the paragraphs and records the parts.
pub fn segment(n: &Normalized) -> Segments {
    let mut s = Segments::default();
    let text = n.text.as_str();
    let paras: Vec<(Span, ParagraphKind, u32)> = n
        .paragraphs
        .iter()
        .map(|p| (p.span.clone(), p.kind, p.lines.0))
        .collect();

    #[derive(PartialEq, Eq, Clone, Copy, Debug)]
    enum Phase {
        Front,
        Header,
        Preamble,
        Body,
        Annexes,
    }
    let mut phase = Phase::Front;
    let mut pending_headers: Vec<AnnexHeaderSeg> = Vec::new();
    let mut in_stubs = false;
    // Inside an annex that lists repealed acts: its paragraphs are items.
    let mut in_list = false;
    // Text with no layout (already normalized: one paragraph per line, no
    // indentation) has every paragraph as a block; its kinds are read from
    // the words instead, as the phase expects them.
    let flat = paras.iter().all(|p| p.1 == ParagraphKind::Block);

    let mut i = 0;
    while i < paras.len() {
        let (span, kind, line) = paras[i].clone();
        let t = &text[span.clone()];
        i += 1;
        if t.is_empty() {
            continue;
        }
        let kind = if flat {
            flat_kind(
                t,
                phase == Phase::Annexes,
                phase == Phase::Front || phase == Phase::Header,
            )
        } else {
            kind
        };
        // Notes may stand anywhere; bare ones before the preamble only.
        let before_preamble = match phase {
            Phase::Front | Phase::Header => true,
            Phase::Preamble => s.preamble.is_none(),
            Phase::Body | Phase::Annexes => false,
        };
        if is_note(t) || (before_preamble && s.header.is_some() && is_bare_note(t)) {
            let context = match phase {
                Phase::Annexes if !s.regulations.is_empty() => {
                    NoteContext::Regulation(s.regulations.len() - 1)
                }
                Phase::Body if !s.body.is_empty() => NoteContext::Point(s.body.len() - 1),
                _ => NoteContext::Document,
            };
            s.notes.push(NoteSeg { span, context });
            if phase == Phase::Front || phase == Phase::Header {
                phase = Phase::Preamble;
            }
            continue;
        }
        match phase {
            Phase::Front => {
                if is_status(t) {
                    s.status = Some(span);
                    phase = Phase::Header;
                } else if kind == ParagraphKind::Body {
                    // No status line and no header: the body starts here.
                    phase = Phase::Preamble;
                    i -= 1;
                } else if s.title.is_none() && !looks_like_header(t) {
                    s.title = Some(span);
                } else if looks_like_header(t) && s.header.is_none() {
                    s.header = Some(span);
                    phase = Phase::Preamble;
                }
            }
            Phase::Header => {
                if kind == ParagraphKind::Block && s.header.is_none() {
                    s.header = Some(span);
                    phase = Phase::Preamble;
                } else {
                    phase = Phase::Preamble;
                    i -= 1;
                }
            }
            Phase::Preamble => {
                if kind == ParagraphKind::Block {
                    phase = Phase::Annexes;
                    i -= 1;
                    continue;
                }
                let start = s.preamble.as_ref().map_or(span.start, |p| p.start);
                if has_formula(t) {
                    s.preamble = Some(start..span.end);
                    phase = Phase::Body;
                } else if numbered(t, '.').is_some() && s.preamble.is_some() {
                    // The formula was lost: the points begin.
                    phase = Phase::Body;
                    i -= 1;
                } else if numbered(t, '.').is_some() {
                    phase = Phase::Body;
                    i -= 1;
                } else {
                    s.preamble = Some(start..span.end);
                }
            }
            Phase::Body => {
                if kind == ParagraphKind::Block {
                    phase = Phase::Annexes;
                    i -= 1;
                    continue;
                }
                if is_signatory(t) && !s.body.is_empty() {
                    s.signatory = Some(span);
                    phase = Phase::Annexes;
                    continue;
                }
                push_item(&mut s.body, span, text);
            }
            Phase::Annexes => {
                if kind == ParagraphKind::Block {
                    if let Some(hk) = classify_header(t) {
                        let h = AnnexHeaderSeg {
                            span: span.clone(),
                            line,
                            kind: hk,
                        };
                        if hk == AnnexHeaderKind::Stub {
                            in_stubs = true;
                            if let Some(r) = s.regulations.last_mut() {
                                r.stubs.push(span);
                            } else {
                                s.other_annexes.push(h);
                            }
                        } else {
                            in_stubs = false;
                            in_list = false;
                            pending_headers.push(h);
                        }
                        continue;
                    }
                    if is_repeal_list_title(t) {
                        in_stubs = false;
                        in_list = true;
                        s.repeal_lists.push(RepealListSeg {
                            headers: std::mem::take(&mut pending_headers),
                            title: span,
                            items: Vec::new(),
                        });
                        continue;
                    }
                    if is_regulation_title(t) {
                        in_stubs = false;
                        in_list = false;
                        s.regulations.push(RegulationSeg {
                            headers: std::mem::take(&mut pending_headers),
                            title: span,
                            repealed: false,
                            sections: Vec::new(),
                            stubs: Vec::new(),
                        });
                        continue;
                    }
                    if in_list {
                        if let Some(list) = s.repeal_lists.last_mut() {
                            list.items.push(span);
                        }
                        continue;
                    }
                    if t == ")" || t == "(" {
                        if let Some(r) = s.regulations.last_mut() {
                            if r.sections.is_empty() {
                                r.repealed = true;
                            }
                        }
                        continue;
                    }
                    // `2. Мемлекеттік …` or `2-тарау. Мемлекеттік …`.
                    let section_number = numbered(t, '.').or_else(|| {
                        crate::normalize::layout::chapter_label(t)
                            .map(|_| 0..t.bytes().take_while(u8::is_ascii_digit).count())
                    });
                    if !in_stubs && section_number.is_some() {
                        if let Some(r) = s.regulations.last_mut() {
                            let num =
                                section_number.map(|r| span.start + r.start..span.start + r.end);
                            r.sections.push(SectionSeg {
                                number: num,
                                title: span,
                                points: Vec::new(),
                            });
                            continue;
                        }
                    }
                    // A stub title (diagram, directory) or a qualifier.
                    if let Some(r) = s.regulations.last_mut() {
                        r.stubs.push(span);
                    }
                    in_stubs = in_stubs || !s.regulations.is_empty();
                    continue;
                }
                if in_list {
                    if let Some(list) = s.repeal_lists.last_mut() {
                        list.items.push(span);
                    }
                    continue;
                }
                // Body paragraphs in the annexes: points of the current section.
                if in_stubs {
                    continue;
                }
                if let Some(sec) = s.regulations.last_mut().and_then(|r| r.sections.last_mut()) {
                    push_item(&mut sec.points, span, text);
                }
            }
        }
    }
    s.other_annexes.extend(pending_headers);
    s
}

/// The kind of a paragraph of text with no layout, from its words: what
/// the raw text would have printed flush left (annex headers, regulation
/// titles, and in the annexes section headings), or indented (points,
/// notes, the preamble, the signatory). `front`: the title, status and
/// header, which are blocks.
fn flat_kind(t: &str, annexes: bool, front: bool) -> ParagraphKind {
    let block = front
        || classify_header(t).is_some()
        || is_regulation_title(t)
        || annexes
            && (t == ")"
                || t == "("
                || (numbered(t, '.').is_some()
                    || crate::normalize::layout::chapter_label(t).is_some())
                    && !t.ends_with(['.', ';', ':']));
    if block {
        ParagraphKind::Block
    } else {
        ParagraphKind::Body
    }
}

fn looks_like_header(t: &str) -> bool {
    const OWN_ACT: &[&str] = &[
        " қаулысы.",
        " шешімі.",
        " бұйрығы.",
        " Заңы.",
        " Кодексі.",
        " Жарлығы.",
        " өкімі.",
        "тіркелді",
    ];
    OWN_ACT.iter().any(|w| t.contains(w)) && t.contains('№')
}

/// Adds a body paragraph to a list of points: `N.` opens a point, `N)` a
/// subpoint, `Нәтижесі` is the result of the last subpoint, and other
/// paragraphs are unnumbered items, or parts of the last subpoint when its
/// text introduces a list (`… рәсімдейді:`) that has not ended with `.` yet.
fn push_item(points: &mut Vec<PointSeg>, span: Span, text: &str) {
    let t = &text[span.clone()];
    if let Some(r) = numbered(t, '.') {
        points.push(PointSeg {
            number: Some(span.start + r.start..span.start + r.end),
            span,
            subpoints: Vec::new(),
        });
        return;
    }
    let Some(point) = points.last_mut() else {
        points.push(PointSeg {
            span,
            number: None,
            subpoints: Vec::new(),
        });
        return;
    };
    if let Some(r) = numbered(t, ')') {
        point.subpoints.push(SubSeg {
            number: Some(span.start + r.start..span.start + r.end),
            span,
            ..SubSeg::default()
        });
        return;
    }
    if let Some(sub) = point.subpoints.last_mut() {
        if is_result(t) && sub.result.is_none() {
            sub.result = Some(span);
            return;
        }
        let list_open = match sub.parts.last() {
            None => text[sub.span.clone()].ends_with(':'),
            Some(last) => !text[last.clone()].ends_with('.'),
        };
        if sub.number.is_some() && sub.result.is_none() && list_open {
            sub.parts.push(span);
            return;
        }
    }
    point.subpoints.push(SubSeg {
        span,
        number: None,
        ..SubSeg::default()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(t: &str, mark: char, expected: Option<&str>) {
        assert_eq!(numbered(t, mark).map(|r| &t[r]), expected, "{t:?}");
    }

    #[test]
    fn numbers_of_points_and_subpoints() {
        check("1. Жалпы ережелер", '.', Some("1"));
        check("12. Осы қаулы", '.', Some("12"));
        check("1) көрсетілетін", ')', Some("1"));
        // Inserted by an amendment.
        check("3-1. Осы қаулының орындалуын", '.', Some("3-1"));
        check("1-1) көрсетілетін", ')', Some("1-1"));
        check("3-1-2. Осы", '.', Some("3-1-2"));
        // Not numbers of points.
        check("01.06.2020 № 120", '.', None);
        check("1-тарау. Жалпы ережелер", '.', None);
        check("3-1-тармақпен толықтырылды", '.', None);
        check("3-. Осы", '.', None);
        check("2018 жылғы", '.', None);
    }
}
