//! Extraction: the act's fields, read from the segmented, normalized text.
//!
//! [`extract`] runs [`segment`] and then one module per
//! field family: `acts` (the act, registration, repeal, citations), `dates`,
//! `numbers`, `notes`, `references` (roles), `durations` and `procedures`
//! (steps), `regulations` (annex, service, standard). The result,
//! [`Extraction`], holds byte spans of the normalized text, not strings;
//! `model` turns it into the JSON contract.
//!
//! ```text
//! before  header "Батыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы. …"
//! after   act {type: resolution, issuer: "Батыс Қазақстан облысы әкімдігі", date: 2018-07-13, number: "164"}
//! ```

pub mod acts;
pub mod dates;
pub mod durations;
pub mod notes;
pub mod numbers;
pub mod procedures;
pub mod references;
pub mod regulations;

use std::ops::Range;

use crate::chars::Needle;
use crate::normalize::Normalized;
use crate::segment::{self, AnnexHeaderKind, NoteContext, PointSeg, Segments, SubSeg};
use acts::{ActType, Citation};
use dates::Date;
use durations::Duration;
use notes::NoteKind;
use references::{Reference, Role};

pub type Span = Range<usize>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    Repealed,
    InForce,
    #[default]
    Unknown,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Repealed => "repealed",
            Status::InForce => "in_force",
            Status::Unknown => "unknown",
        }
    }
}

/// The act itself, from its header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Act {
    pub act_type: Option<ActType>,
    pub type_text: Option<Span>,
    pub issuer: Option<String>,
    pub region: Option<String>,
    pub date: Option<Date>,
    pub number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub span: Span,
    pub kind: NoteKind,
    pub scope: String,
    pub by: Option<Citation>,
    pub effective: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Subpoint {
    pub number: Option<Span>,
    /// The paragraph, then the parts that continue it.
    pub text: Vec<Span>,
    pub actor: Option<Span>,
    pub duration: Option<Duration>,
    pub result: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Point {
    pub number: Option<Span>,
    pub text: Span,
    pub subpoints: Vec<Subpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: Option<Span>,
    pub title: Span,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regulation {
    pub annex: Option<String>,
    pub title: Span,
    pub service: Option<Span>,
    /// Index into `Extraction::references`.
    pub standard: Option<usize>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub position: Span,
    pub name: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub authority: Option<String>,
    pub date: Option<Date>,
    pub number: Option<String>,
}

/// Everything read from one act.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub title: Option<Span>,
    pub status: Status,
    pub act: Act,
    pub registration: Option<Registration>,
    pub repealed_by: Option<Citation>,
    pub notes: Vec<Note>,
    pub references: Vec<Reference>,
    pub body: Vec<Point>,
    pub signatory: Option<Signatory>,
    pub regulations: Vec<Regulation>,
    pub warnings: Vec<String>,
}

fn shift(mut c: Citation, base: usize) -> Citation {
    c.span = c.span.start + base..c.span.end + base;
    c.type_text = c.type_text.start + base..c.type_text.end + base;
    c.title = c.title.map(|t| t.start + base..t.end + base);
    c
}

fn shift_span(r: &Span, base: usize) -> Span {
    r.start + base..r.end + base
}

/// Citations of a span of the normalized text, with absolute spans.
fn citations_in(text: &str, span: &Span) -> Vec<Citation> {
    // A citation never crosses a paragraph (line) boundary.
    let mut out = Vec::new();
    let mut start = span.start;
    // Line ends found with `memchr` (SIMD); `split('\n')` scans a word at a
    // time, and this runs for every paragraph.
    let ends = memchr::memchr_iter(b'\n', &text.as_bytes()[span.clone()]).map(|i| span.start + i);
    for end in ends.chain(std::iter::once(span.end)) {
        let line = &text[start..end];
        out.extend(acts::citations(line).into_iter().map(|c| shift(c, start)));
        start = end + 1;
    }
    out
}

/// Reads the act's fields from normalized text.
pub fn extract(n: &Normalized) -> Extraction {
    let seg = segment::segment(n);
    extract_segments(n, &seg)
}

/// Whether `text` is Cyrillic without the letters Kazakh adds to Russian's:
/// at least 200 Cyrillic letters, fewer than one in 200 of them Kazakh
/// (the corpus's acts have one in six). Asked only of a text without a
/// header that reads, so that a user who fed the register's Russian
/// version is told.
fn lacks_kazakh_letters(text: &str) -> bool {
    let (mut cyrillic, mut kazakh) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            'ә' | 'Ә' | 'ғ' | 'Ғ' | 'қ' | 'Қ' | 'ң' | 'Ң' | 'ө' | 'Ө' | 'ұ' | 'Ұ' | 'ү' | 'Ү'
            | 'һ' | 'Һ' | 'і' | 'І' => {
                kazakh += 1;
                cyrillic += 1;
            }
            'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => cyrillic += 1,
            _ => {}
        }
    }
    cyrillic >= 200 && kazakh * 200 < cyrillic
}

pub fn extract_segments(n: &Normalized, seg: &Segments) -> Extraction {
    let text = n.text.as_str();
    let mut x = Extraction {
        title: seg.title.clone(),
        warnings: seg.warnings.clone(),
        ..Extraction::default()
    };
    let line_of = |offset: usize| n.paragraph_at(offset).map_or(0, |p| p.lines.0);

    // Status.
    x.status = match &seg.status {
        Some(s) if text[s.clone()].starts_with("Күшін жойған") => Status::Repealed,
        Some(s) if text[s.clone()].starts_with("Қолданыстағы") => Status::InForce,
        Some(s) => {
            // `Жаңа` ('new'), `Күшіне енбеген` ('not yet in force'): a
            // status line, but not one that says the act is in force.
            x.warnings.push(format!(
                "the status line `{}` says neither `Күшін жойған` nor `Қолданыстағы`; status is unknown",
                &text[s.clone()]
            ));
            Status::Unknown
        }
        None => Status::Unknown,
    };
    if seg.title.is_none() {
        x.warnings
            .push("no title was found before the status line".into());
    }
    if seg.status.is_none() {
        x.warnings.push(
            "no status line (`Күшін жойған` or `Қолданыстағы`) was found; status is unknown".into(),
        );
    }

    // Header: the act, its registration, its repeal.
    let mut refs: Vec<Reference> = Vec::new();
    match &seg.header {
        Some(h) => {
            let ht = &text[h.clone()];
            let cits = citations_in(text, h);
            let own = cits.iter().find(|c| {
                text[c.type_text.end..].starts_with('.')
                    || text[c.type_text.end..].starts_with(' ')
                        && !text[crate::chars::floor_boundary(text, c.span.start.saturating_sub(40))
                            ..c.span.start]
                            .contains("жойылды")
            });
            match own {
                Some(c) => {
                    x.act = Act {
                        act_type: Some(c.act_type),
                        type_text: Some(c.type_text.clone()),
                        issuer: c.issuer.clone(),
                        region: c.region.clone(),
                        date: c.date,
                        number: c.number.clone(),
                    };
                }
                None => x.warnings.push(format!(
                    "the header (line {}) does not read as `<issuer> <date> № <N> қаулысы.`; the act's fields are unknown",
                    line_of(h.start)
                )),
            }
            for (r, _) in dates::find_as_written(ht)
                .into_iter()
                .filter(|(_, d)| !d.exists())
            {
                x.warnings.push(format!(
                    "the header (line {}) gives the date «{}», which does not exist; that date is left null",
                    line_of(h.start + r.start),
                    &ht[r]
                ));
            }
            if let Some(r) = acts::registration(ht) {
                x.registration = Some(Registration {
                    authority: r.authority,
                    date: r.date,
                    number: r.number,
                });
            } else if !x
                .act
                .issuer
                .as_deref()
                .is_some_and(acts::is_never_registered)
            {
                x.warnings.push(
                    "the header has no registration sentence (`… № N болып тіркелді.`)".into(),
                );
            }
            if let Some(at) = ht.find("Күші жойылды") {
                if let Some(c) = cits.iter().find(|c| c.span.start >= h.start + at) {
                    x.repealed_by = Some(c.clone());
                    refs.push(Reference {
                        citation: c.clone(),
                        role: Role::RepealedBy,
                    });
                }
            }
        }
        None => x.warnings.push(
            "no header (`<issuer> <date> № <N> қаулысы.`) was found; the act's fields are unknown"
                .into(),
        ),
    }
    // An act whose fields are unknown may be in the wrong language.
    if x.act.date.is_none() && x.act.issuer.is_none() && lacks_kazakh_letters(text) {
        x.warnings.push(
            "the text has no Kazakh letters (ә ғ қ ң ө ұ ү і): it may be the act's Russian version; kazlex reads the Kazakh one"
                .into(),
        );
    }
    // Notes.
    for note in &seg.notes {
        let nt = &text[note.span.clone()];
        let parsed = notes::parse(nt);
        let by = parsed.by.map(|c| shift(c, note.span.start));
        let scope = parsed.scope.unwrap_or_else(|| match note.context {
            NoteContext::Document => "document".to_owned(),
            NoteContext::Point(i) => seg.body.get(i).and_then(|p| p.number.as_ref()).map_or_else(
                || "document".to_owned(),
                |num| format!("{}-тармақ", &text[num.clone()]),
            ),
            NoteContext::Regulation(_) => "Регламент".to_owned(),
        });
        if let Some(c) = &by {
            let role = if parsed.kind == NoteKind::Repeal && scope == "document" {
                Role::RepealedBy
            } else {
                Role::Other
            };
            refs.push(Reference {
                citation: c.clone(),
                role,
            });
        }
        for c in parsed.also {
            refs.push(Reference {
                citation: shift(c, note.span.start),
                role: Role::Other,
            });
        }
        x.notes.push(Note {
            span: note.span.clone(),
            kind: parsed.kind,
            scope,
            by,
            effective: parsed.effective.map(|r| shift_span(&r, note.span.start)),
        });
    }

    // Preamble: the legal basis.
    if let Some(p) = &seg.preamble {
        for c in citations_in(text, p) {
            refs.push(Reference {
                citation: c,
                role: Role::LegalBasis,
            });
        }
    }

    // The act's points.
    let own_act =
        |c: &Citation| x.act.number.is_some() && c.number == x.act.number && c.date == x.act.date;
    let mut body_refs = Vec::new();
    for p in &seg.body {
        // `1. … мынадай қаулыларының күші жойылды деп танылсын:` lists the
        // acts it repeals in its subpoints.
        let last_subpoint = p.subpoints.last().map(|s| &text[s.span.clone()]);
        let lists_repealed = references::lists_repealed(&text[p.span.clone()], last_subpoint);
        for span in std::iter::once(&p.span).chain(
            p.subpoints
                .iter()
                .flat_map(|s| std::iter::once(&s.span).chain(&s.parts)),
        ) {
            for c in citations_in(text, span) {
                if own_act(&c) {
                    continue;
                }
                let role = if lists_repealed && span != &p.span {
                    Role::Amends
                } else {
                    references::body_role(&text[span.clone()], c.span.end - span.start)
                };
                body_refs.push(Reference { citation: c, role });
            }
        }
    }
    x.body = seg
        .body
        .iter()
        .map(|p| point(text, p, &mut x.warnings, false, line_of))
        .collect();
    if seg.signatory.is_none() && !seg.body.is_empty() {
        x.warnings.push(
            "no signatory line (`<position> <initials and surname>`) was found after the points"
                .into(),
        );
    }
    x.signatory = seg.signatory.as_ref().map(|s| signatory(text, s));
    let amended: Vec<Citation> = body_refs
        .iter()
        .filter(|r| r.role == Role::Amends)
        .map(|r| r.citation.clone())
        .collect();
    refs.extend(body_refs);

    // Annex headers and regulations.
    let mut regulation_refs: Vec<Vec<usize>> = Vec::new();
    for (ri, r) in seg.regulations.iter().enumerate() {
        let mut annex = None;
        for h in &r.headers {
            let ht = &text[h.span.clone()];
            if h.kind == AnnexHeaderKind::Annex {
                annex = regulations::annex_number(ht);
                let has_date = !dates::find_all(ht).is_empty();
                if !has_date && !ht.contains('№') {
                    x.warnings.push(format!(
                        "annex {}: its header (line {}) lost the act's date and number in extraction",
                        annex.as_deref().unwrap_or("?"),
                        h.line
                    ));
                }
            }
            for c in citations_in(text, &h.span) {
                if own_act(&c) {
                    continue;
                }
                let role = if h.kind == AnnexHeaderKind::Approval
                    && amended.iter().any(|a| references::same_act(a, &c))
                {
                    Role::Amends
                } else {
                    Role::Other
                };
                refs.push(Reference { citation: c, role });
            }
        }
        let _ = ri;
        let mut mine = Vec::new();
        let mut sections = Vec::new();
        for (si, sec) in r.sections.iter().enumerate() {
            let mut points = Vec::new();
            for p in &sec.points {
                for span in std::iter::once(&p.span).chain(
                    p.subpoints
                        .iter()
                        .flat_map(|s| std::iter::once(&s.span).chain(&s.parts)),
                ) {
                    let para = &text[span.clone()];
                    for c in citations_in(text, span) {
                        let role = if si == 0
                            && regulations::names_standard(para)
                            && (c.act_type == ActType::Order
                                || regulations::approved_by(text, c.span.end))
                        {
                            Role::Standard
                        } else {
                            Role::Other
                        };
                        mine.push(refs.len());
                        refs.push(Reference { citation: c, role });
                    }
                }
                // Section 1 holds general provisions, not steps: no actors there.
                points.push(point(text, p, &mut x.warnings, si > 0, line_of));
            }
            link_results(text, &mut points);
            sections.push(crate::extract::Section {
                number: sec.number.clone(),
                title: sec.title.clone(),
                points,
            });
        }
        regulation_refs.push(mine);
        if sections.is_empty() && !r.repealed {
            x.warnings.push(format!(
                "the regulation «{}» (line {}) has no numbered sections",
                short(&text[r.title.clone()]),
                line_of(r.title.start)
            ));
        }
        for st in &r.stubs {
            let t = &text[st.clone()];
            if t.ends_with("қосымша") && !t.contains("регламентіне") && crate::chars::has_quote(t)
            {
                x.warnings.push(format!(
                    "the stub «{}» (line {}) lost words in extraction (expected `… қызмет регламентіне N-қосымша`)",
                    short(t),
                    line_of(st.start)
                ));
            }
            if !durations::find_all(t).is_empty() {
                x.warnings.push(format!(
                    "the stub title «{}» (line {}) holds diagram text that leaked into it",
                    short(t),
                    line_of(st.start)
                ));
            }
        }
        x.regulations.push(Regulation {
            annex,
            title: r.title.clone(),
            service: regulations::service(&text[r.title.clone()])
                .map(|s| shift_span(&s, r.title.start)),
            standard: None,
            sections,
        });
    }
    // Annexes that list the acts this one declares invalid: each item's
    // act is one this document repeals.
    for list in &seg.repeal_lists {
        let headers = list.headers.iter().map(|h| (&h.span, Role::Other));
        let items = list.items.iter().map(|span| (span, Role::Amends));
        for (span, role) in headers.chain(items) {
            for c in citations_in(text, span) {
                if !own_act(&c) {
                    refs.push(Reference { citation: c, role });
                }
            }
        }
    }
    for h in &seg.other_annexes {
        if h.kind == AnnexHeaderKind::Annex {
            x.warnings.push(format!(
                "annex header «{}» (line {}) heads no regulation",
                short(&text[h.span.clone()]),
                h.line
            ));
        }
    }

    // Order references by position; point regulations at their standards.
    let mut order: Vec<usize> = (0..refs.len()).collect();
    order.sort_by_key(|&i| (refs[i].citation.span.start, refs[i].citation.span.end));
    let mut new_index = vec![0; refs.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for (reg, mine) in x.regulations.iter_mut().zip(&regulation_refs) {
        reg.standard = mine
            .iter()
            .copied()
            .find(|&i| refs[i].role == Role::Standard)
            .map(|i| new_index[i]);
        if reg.standard.is_none() && !reg.sections.is_empty() {
            x.warnings.push(format!(
                "the regulation «{}» names no standard order in its section 1",
                short(&text[reg.title.clone()])
            ));
        }
    }
    // The same stable sort as `order`'s, moving the references instead of
    // copying them.
    refs.sort_by_key(|r| (r.citation.span.start, r.citation.span.end));
    x.references = refs;
    x
}

fn short(t: &str) -> String {
    if t.chars().count() > 80 {
        format!("{}…", t.chars().take(80).collect::<String>())
    } else {
        t.to_owned()
    }
}

fn signatory(text: &str, s: &Span) -> Signatory {
    let t = &text[s.clone()];
    let words: Vec<&str> = t.split(' ').collect();
    let last = words.len() - 1;
    let name_words = if words[last].contains('.') || last == 0 {
        1
    } else {
        2
    };
    let name_start = words[..words.len() - name_words]
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>();
    Signatory {
        position: s.start..s.start + name_start.saturating_sub(1),
        name: s.start + name_start..s.end,
    }
}

fn point(
    text: &str,
    p: &PointSeg,
    warnings: &mut Vec<String>,
    procedure: bool,
    line_of: impl Fn(usize) -> u32 + Copy,
) -> Point {
    Point {
        number: p.number.clone(),
        text: p.span.clone(),
        subpoints: p
            .subpoints
            .iter()
            .map(|s| subpoint(text, s, warnings, procedure, line_of))
            .collect(),
    }
}

/// The subpoint's text without its number (`1) `).
fn without_number(text: &str, s: &SubSeg) -> Span {
    let t = &text[s.span.clone()];
    match &s.number {
        Some(n) => {
            let after = n.end - s.span.start;
            let rest = &t[after..];
            let skip = rest.len() - rest.trim_start_matches([')', ' ']).len();
            s.span.start + after + skip..s.span.end
        }
        None => s.span.clone(),
    }
}

fn subpoint(
    text: &str,
    s: &SubSeg,
    warnings: &mut Vec<String>,
    procedure: bool,
    line_of: impl Fn(usize) -> u32,
) -> Subpoint {
    let body = without_number(text, s);
    let bt = &text[body.clone()];
    let mut all = vec![s.span.clone()];
    all.extend(s.parts.iter().cloned());
    // Durations: in the subpoint and its parts, before its inline result.
    let result_word = procedures::result_phrase(bt).map(|r| r.start);
    let result_at = result_word.unwrap_or(bt.len());
    let mut found: Vec<Duration> = durations::find_all(&bt[..result_at])
        .into_iter()
        .map(|mut d| {
            d.span = shift_span(&d.span, body.start);
            d
        })
        .collect();
    for part in &s.parts {
        found.extend(
            durations::find_all(&text[part.clone()])
                .into_iter()
                .map(|mut d| {
                    d.span = shift_span(&d.span, part.start);
                    d
                }),
        );
    }
    let line = line_of(s.span.start);
    // Written only into a warning (most steps have none).
    let label = || {
        s.number.as_ref().map_or_else(
            || "an unnumbered item".to_owned(),
            |n| format!("subpoint {})", &text[n.clone()]),
        )
    };
    if found.len() > 1 && s.parts.is_empty() {
        warnings.push(format!(
            "{} (line {line}) gives {} durations; the first is reported",
            label(),
            found.len()
        ));
    }
    if let Some(d) = found.first() {
        if d.damaged_bound {
            warnings.push(format!("{} (line {line}): «шінде» read as «ішінде» (its first letter was lost in extraction)", label()));
        }
        if d.words_disagree {
            warnings.push(format!("{} (line {line}): the duration's digits and words disagree; the digits are reported", label()));
        }
    }
    // `ішінде` ('within') that follows no duration: text was lost (004:970).
    if procedure {
        // Each word that holds `ішінде`, found from the word's occurrences.
        let b = bt.as_bytes();
        let mut words_seen_to = 0;
        static WITHIN: crate::chars::Needle = crate::chars::Needle::new("ішінде");
        for found_at in WITHIN.find_iter(b) {
            if found_at < words_seen_to {
                continue;
            }
            let std::ops::Range { start, end } = crate::normalize::tokens::token_at(bt, found_at);
            words_seen_to = end;
            let (w, at) = (&bt[start..end], body.start + start);
            if w.trim_matches([',', ';', '.', ')']) != "ішінде" {
                continue;
            }
            let bound_of_duration = {
                // The last duration that ends before this word.
                let k = found.partition_point(|d| d.span.end <= at);
                k.checked_sub(1)
                    .and_then(|k| found.get(k))
                    .is_some_and(|d| {
                        text.get(d.span.end..at)
                            .is_some_and(|s| s.trim().is_empty())
                    })
            };
            if !bound_of_duration {
                warnings.push(format!("{} (line {line}) says «ішінде» (within) with no duration before it; text was probably lost", label()));
            }
        }
    }
    let actor = if procedure {
        procedures::actor(bt).map(|r| shift_span(&r, body.start))
    } else {
        None
    };
    let result = match &s.result {
        Some(r) => procedures::result(&text[r.clone()]).map(|x| shift_span(&x, r.start)),
        None => result_word
            .and_then(|at| procedures::result(&bt[at..]).map(|x| shift_span(&x, body.start + at))),
    };
    Subpoint {
        number: s.number.clone(),
        text: all,
        actor,
        duration: found.into_iter().next(),
        result,
    }
}

/// Older regulations list each step's result in the next point
/// (`7. Келесі рәсімді (іс-қимылды) орындауды бастауға негіздеме болатын …
/// нәтижесі:`), subpoint by subpoint. Those texts become the results of the
/// steps of the point before.
fn link_results(text: &str, points: &mut [Point]) {
    for k in 1..points.len() {
        // This runs for every point: searchers built once, not per call.
        static RESULT: Needle = Needle::new("нәтижесі:");
        static NEXT_STEP: Needle = Needle::new("Келесі рәсім");
        static GROUNDS: Needle = Needle::new("негіздеме болатын");
        let t = &text[points[k].text.clone()];
        let b = t.as_bytes();
        let is_results =
            RESULT.find(b).is_some() && (NEXT_STEP.find(b).is_some() || GROUNDS.find(b).is_some());
        if !is_results {
            continue;
        }
        let results: Vec<Span> = points[k]
            .subpoints
            .iter()
            .filter(|s| s.number.is_some())
            .map(|s| {
                let r = s.text[0].clone();
                let t = &text[r.clone()];
                let skip = t.find(") ").map_or(0, |i| i + 2);
                let end = t.trim_end_matches([';', '.']).len();
                r.start + skip..r.start + end
            })
            .collect();
        let steps: Vec<&mut Subpoint> = points[k - 1]
            .subpoints
            .iter_mut()
            .filter(|s| s.number.is_some())
            .collect();
        if steps.len() == results.len() && steps.iter().all(|s| s.result.is_none()) {
            for (s, r) in steps.into_iter().zip(results) {
                s.result = Some(r);
            }
        }
    }
}
