//! Audit reports: one self-contained HTML page per document, and an index.
//!
//! A page shows, for a legal-data team about to load the extraction: the
//! warnings first; the act as a card (type, issuer, date, number, a
//! repealed/in-force badge, registration, repeal, notes, references linked
//! to their place in the text); each regulation with its steps as a table
//! and a bar chart of step durations (inline SVG, minutes on a log scale,
//! working day = 8 hours); and the raw and normalized text side by side,
//! paragraph by paragraph through the offset map, with every repair
//! highlighted by kind (hover shows before → after). Pages use no network
//! and no external asset; HTML is built with `maud`, which escapes text.
//!
//! ```text
//! before  kazlex report corpus/000_e8b092f41b6b2e75.txt -o report/
//! after   report/000_e8b092f41b6b2e75.html, report/index.html
//! ```

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::model::{Document, Reference, Status};
use crate::normalize::{Normalized, RepairKind};
use crate::Processed;

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:16px;margin:18px 0 8px}
.muted{color:#5f6b76}.card{background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:16px 18px;margin:12px 0}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px}
.repealed{background:#fde2e1;color:#a11a12}.in_force{background:#dcf5e3;color:#17663a}.unknown{background:#eceff2;color:#4a5560}
.warnings{background:#fff6db;border-color:#f0c94d}.warnings li{margin:2px 0}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e6e9ed;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5;font-weight:600;cursor:default}table.sortable th{cursor:pointer}
dl.kv{display:grid;grid-template-columns:170px 1fr;gap:4px 12px;margin:0}dl.kv dt{color:#5f6b76}dl.kv dd{margin:0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:0;border:1px solid #dde2e7;border-radius:8px;background:#fff;overflow:hidden}
.pair>div{padding:6px 10px;border-bottom:1px solid #eef0f3;font-size:13px;white-space:pre-wrap;word-break:break-word}
.pair>div.raw{font-family:ui-monospace,Menlo,Consolas,monospace;background:#fbfbfc;border-right:1px solid #eef0f3;color:#39434c}
.pair .ln{color:#9aa5af;user-select:none}
mark{border-radius:3px;padding:0 1px}
.k-homoglyph{background:#ffd6e7}.k-letter_spacing{background:#d7e9ff}.k-split_words{background:#dcd3ff}.k-moved_link{background:#ffe3b3}
.k-joined_line{background:#e8f5d0}.k-dehyphenated{background:#c9f0ee}.k-inline_hyphen{background:#c9f0ee}.k-page_break{background:#eee}.k-unified{background:#f3e8d0}
.ref{border-bottom:2px solid #2f6fdd}.ref:target,.ref.target{background:#cfe0ff}
.legend span{display:inline-block;margin:2px 8px 2px 0;padding:1px 8px;border-radius:10px;font-size:13px}
svg text{font:12px system-ui,sans-serif;fill:#39434c}
"#;

const SORT_SCRIPT: &str = r#"
document.querySelectorAll('table.sortable th').forEach(function(th, col){
  th.addEventListener('click', function(){
    var table = th.closest('table'), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute('data-asc') !== '1';
    rows.sort(function(a, b){
      var x = a.cells[col].getAttribute('data-key') || a.cells[col].textContent;
      var y = b.cells[col].getAttribute('data-key') || b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function(r){ body.appendChild(r); });
    table.querySelectorAll('th').forEach(function(h){ h.removeAttribute('data-asc'); });
    th.setAttribute('data-asc', asc ? '1' : '0');
  });
});
// A link can carry a sort order: index.html#sort=7 sorts by the 8th column.
var m = /^#sort=(\d+)$/.exec(location.hash);
if (m) {
  var th = document.querySelectorAll('table.sortable th')[+m[1]];
  if (th) th.click();
}
"#;

fn status_badge(s: Status) -> Markup {
    let (class, label) = match s {
        Status::Repealed => ("repealed", "repealed (Күшін жойған)"),
        Status::InForce => ("in_force", "in force (Қолданыстағы)"),
        Status::Unknown => ("unknown", "status unknown"),
    };
    html! { span class={"badge " (class)} { (label) } }
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Repealed => "repealed",
        Status::InForce => "in_force",
        Status::Unknown => "unknown",
    }
}

fn opt(s: &Option<String>) -> Markup {
    match s {
        Some(v) => html! { (v) },
        None => html! { span.muted { "—" } },
    }
}

fn kind_label(k: RepairKind) -> &'static str {
    match k {
        RepairKind::Unified => "unified characters",
        RepairKind::Homoglyph => "Latin letters in Cyrillic words",
        RepairKind::LetterSpacing => "letter-spaced line",
        RepairKind::SplitWords => "split words",
        RepairKind::MovedLink => "moved link text",
        RepairKind::JoinedLine => "joined line",
        RepairKind::Dehyphenated => "line-end hyphen removed",
        RepairKind::InlineHyphen => "hyphen fixed",
        RepairKind::PageBreak => "page break",
    }
}

/// Normalized paragraph text with repairs and reference spans marked.
fn marked_paragraph(
    n: &Normalized,
    raw: &str,
    span: std::ops::Range<usize>,
    refs: &[(usize, &Reference)],
) -> Markup {
    // Boundaries of every highlight inside the paragraph.
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    let repairs: Vec<&crate::normalize::Repair> = n
        .repairs
        .iter()
        .filter(|r| {
            r.out.start < span.end
                && r.out.end > span.start
                && r.kind != RepairKind::PageBreak
                && !r.out.is_empty()
        })
        .collect();
    for r in &repairs {
        cuts.push(r.out.start.max(span.start));
        cuts.push(r.out.end.min(span.end));
    }
    let here: Vec<&(usize, &Reference)> = refs
        .iter()
        .filter(|(_, r)| r.span[0] >= span.start && r.span[1] <= span.end)
        .collect();
    for (_, r) in &here {
        cuts.push(r.span[0]);
        cuts.push(r.span[1]);
    }
    cuts.retain(|&c| n.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut parts: Vec<Markup> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let piece = &n.text[a..b];
        // The narrowest repair covering the piece decides its colour.
        let cover = repairs
            .iter()
            .filter(|r| r.out.start <= a && b <= r.out.end)
            .min_by_key(|r| r.out.end - r.out.start);
        let reference = here.iter().find(|(_, r)| r.span[0] <= a && b <= r.span[1]);
        let inner = match cover {
            Some(r) => {
                let before = raw
                    .get(r.raw.clone())
                    .unwrap_or("")
                    .replace('\n', "⏎")
                    .replace('\u{c}', "␌");
                let after = n.text.get(r.out.clone()).unwrap_or("");
                let title = format!(
                    "line {}: {} — «{}» → «{}»",
                    r.line,
                    kind_label(r.kind),
                    before,
                    after
                );
                html! { mark class={"k-" (r.kind.name())} title=(title) { (piece) } }
            }
            None => html! { (piece) },
        };
        parts.push(match reference {
            // The anchor sits on the first piece of the reference only.
            Some((i, r)) if r.span[0] == a => {
                html! { span.ref id={"ref-" (i)} title={"reference: " (role(r))} { (inner) } }
            }
            Some((_, r)) => html! { span.ref title={"reference: " (role(r))} { (inner) } },
            None => inner,
        });
    }
    html! { @for p in parts { (p) } }
}

fn role(r: &Reference) -> &'static str {
    match r.role {
        crate::model::Role::LegalBasis => "legal basis",
        crate::model::Role::Amends => "amends",
        crate::model::Role::Standard => "standard",
        crate::model::Role::RepealedBy => "repealed by",
        crate::model::Role::Other => "other",
    }
}

fn unit_label(d: &crate::model::Duration) -> String {
    let name = unit_name(d.unit);
    if d.value == 1 {
        format!("1 {}", name.strip_suffix('s').unwrap_or(name))
    } else {
        format!("{} {name}", d.value)
    }
}

fn unit_name(u: crate::model::Unit) -> &'static str {
    match u {
        crate::model::Unit::Minute => "minutes",
        crate::model::Unit::Hour => "hours",
        crate::model::Unit::Day => "days",
        crate::model::Unit::WorkingDay => "working days",
        crate::model::Unit::CalendarDay => "calendar days",
        crate::model::Unit::Month => "months",
    }
}

fn minutes(d: &crate::model::Duration) -> f64 {
    let per = match d.unit {
        crate::model::Unit::Minute => 1.0,
        crate::model::Unit::Hour => 60.0,
        crate::model::Unit::WorkingDay => 480.0,
        crate::model::Unit::Day | crate::model::Unit::CalendarDay => 1440.0,
        crate::model::Unit::Month => 43_200.0,
    };
    d.value as f64 * per
}

/// A horizontal bar chart of step durations, minutes on a log scale.
fn chart(steps: &[(String, &crate::model::Duration)]) -> Markup {
    let row = 22.0;
    let label_w = 80.0;
    let width = 760.0;
    let bar_w = width - label_w - 170.0;
    let height = row * steps.len() as f64 + 34.0;
    // Log scale from 1 minute to the longest step (at least a working day).
    let max = steps
        .iter()
        .map(|(_, d)| minutes(d))
        .fold(480.0_f64, f64::max);
    let scale = |m: f64| (m.max(1.0).ln() / max.ln()) * bar_w;
    let ticks: Vec<(f64, &str)> = [
        (1.0, "1 min"),
        (60.0, "1 h"),
        (480.0, "1 work day"),
        (43_200.0, "1 month"),
    ]
    .into_iter()
    .filter(|(m, _)| *m <= max)
    .collect();
    html! {
        svg class="durations" width=(width) height=(height) viewBox={"0 0 " (width) " " (height)} role="img" aria-label="Step durations, minutes on a log scale" {
            @for (m, label) in &ticks {
                @let x = label_w + scale(*m);
                line x1=(x) x2=(x) y1="0" y2=(height - 18.0) stroke="#d5dbe1" {}
                text x=(x) y=(height - 4.0) text-anchor="middle" { (label) }
            }
            @for (i, (label, d)) in steps.iter().enumerate() {
                @let y = i as f64 * row + 4.0;
                @let w = scale(minutes(d)).max(2.0);
                text x=(label_w - 6.0) y=(y + 14.0) text-anchor="end" { (label) }
                rect x=(label_w) y=(y) width=(w) height=(row - 6.0) rx="3" fill="#4b7bd8" {
                    title { (label) ": " (d.text) " (" (unit_label(d)) ")" }
                }
                text x=(label_w + w + 6.0) y=(y + 14.0) { (unit_label(d)) }
            }
        }
    }
}

/// The page of one document.
pub fn document_page(raw: &str, p: &Processed) -> String {
    let d: &Document = &p.document;
    let n = &p.normalized;
    let refs: Vec<(usize, &Reference)> = d.references.iter().enumerate().collect();
    let counts = &n.counts;
    let title = d.title.clone().unwrap_or_else(|| d.source.path.clone());
    let page = html! {
        (DOCTYPE)
        html lang="kk" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "kazlex report: " (d.source.path) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    p.muted { a href="index.html" { "← all documents" } " · " (d.source.path) " · " (d.source.bytes) " bytes · sha256 " code { (d.source.sha256.get(..12).unwrap_or("")) } }
                    h1 { (title) }
                    p { (status_badge(d.status)) }
                    @if !d.warnings.is_empty() {
                        div.card.warnings id="warnings" {
                            h2 style="margin-top:0" { "Warnings (" (d.warnings.len()) ")" }
                            ul { @for w in &d.warnings { li { (w) } } }
                        }
                    }
                    div.card id="act" {
                        h2 style="margin-top:0" { "The act" }
                        dl.kv {
                            dt { "type" } dd { (format!("{:?}", d.act.act_type).to_lowercase()) " " span.muted { (d.act.type_text.clone().unwrap_or_default()) } }
                            dt { "issuer" } dd { (opt(&d.act.issuer)) }
                            dt { "region" } dd { (opt(&d.act.region)) }
                            dt { "date" } dd.act-date { (opt(&d.act.date)) }
                            dt { "number" } dd.act-number { (opt(&d.act.number)) }
                            dt { "registration" } dd { @match &d.registration {
                                Some(r) => { (opt(&r.authority)) ", " (opt(&r.date)) ", № " (opt(&r.number)) }
                                None => { span.muted { "—" } }
                            } }
                            dt { "repealed by" } dd { @match &d.repealed_by {
                                Some(r) => { (opt(&r.issuer)) ", " (opt(&r.date)) ", № " (opt(&r.number)) }
                                None => { span.muted { "—" } }
                            } }
                            dt { "signatory" } dd { @match &d.signatory { Some(s) => { (s.position) " " (s.name) } None => { span.muted { "—" } } } }
                        }
                    }
                    @if !d.notes.is_empty() {
                        h2 { "Notes" }
                        table id="notes" {
                            thead { tr { th { "kind" } th { "scope" } th { "by" } th { "effective" } } }
                            tbody { @for note in &d.notes { tr {
                                td { (format!("{:?}", note.kind).to_lowercase()) }
                                td { (note.scope) }
                                td { @if let Some(b) = &note.by { (opt(&b.date)) " № " (opt(&b.number)) } }
                                td { (opt(&note.effective)) }
                            } } }
                        }
                    }
                    h2 { "References (" (d.references.len()) ")" }
                    table id="references" {
                        thead { tr { th { "#" } th { "role" } th { "type" } th { "issuer" } th { "date" } th { "number" } th { "reg. №" } th { "title" } } }
                        tbody { @for (i, r) in &refs { tr {
                            td { a href={"#ref-" (i)} { (i + 1) } }
                            td { (role(r)) }
                            td { (format!("{:?}", r.act_type).to_lowercase()) }
                            td { (opt(&r.issuer)) }
                            td { (opt(&r.date)) }
                            td { (opt(&r.number)) }
                            td { (opt(&r.registration_number)) }
                            td { (opt(&r.title)) }
                        } } }
                    }
                    @for (ri, reg) in d.regulations.iter().enumerate() {
                        div.card.regulation {
                            h2 style="margin-top:0" { "Regulation " @if let Some(a) = &reg.annex { "(annex " (a) ")" } }
                            dl.kv {
                                dt { "service" } dd { (opt(&reg.service)) }
                                dt { "standard" } dd { @match &reg.standard {
                                    Some(s) => { (opt(&s.issuer)) ", " (opt(&s.date)) ", № " (opt(&s.number)) }
                                    None => { span.muted { "—" } }
                                } }
                                dt { "sections" } dd { (reg.sections.len()) }
                            }
                            @let steps: Vec<(String, &crate::model::Point, &crate::model::Subpoint)> = reg.sections.iter()
                                .flat_map(|s| s.points.iter())
                                .flat_map(|pt| pt.subpoints.iter().map(move |sp| (pt.number.clone().unwrap_or_default(), pt, sp)))
                                .filter(|(_, _, sp)| sp.duration.is_some() || sp.result.is_some())
                                .collect();
                            @if !steps.is_empty() {
                                h3 { "Steps" }
                                table.steps id={"steps-" (ri)} {
                                    thead { tr { th { "point" } th { "step" } th { "actor" } th { "duration" } th { "bound" } th { "result" } } }
                                    tbody { @for (num, _, sp) in &steps { tr {
                                        td { (num) }
                                        td { (sp.number.clone().unwrap_or_else(|| "·".into())) }
                                        td { (opt(&sp.actor)) }
                                        td { @if let Some(dd) = &sp.duration { (dd.text) } }
                                        td { @if let Some(dd) = &sp.duration { (dd.bound.map_or("", |b| if matches!(b, crate::model::Bound::Within) { "within" } else { "max" })) } }
                                        td { (opt(&sp.result)) }
                                    } } }
                                }
                                @let timed: Vec<(String, &crate::model::Duration)> = steps.iter()
                                    .filter_map(|(num, _, sp)| sp.duration.as_ref().map(|dd| (format!("{}.{}", num, sp.number.clone().unwrap_or_else(|| "·".into())), dd)))
                                    .collect();
                                @if !timed.is_empty() {
                                    h3 { "Step durations (log scale; a working day is 8 hours)" }
                                    (chart(&timed))
                                }
                            }
                        }
                    }
                    h2 { "Text: raw and normalized" }
                    p.legend {
                        @for k in RepairKind::ALL {
                            @if counts.get(k) > 0 {
                                span class={"k-" (k.name())} { (kind_label(k)) ": " (counts.get(k)) }
                            }
                        }
                        span.ref { "reference" }
                    }
                    div.pair id="text" {
                        @for para in &n.paragraphs {
                            @let (first, last) = para.lines;
                            div.raw {
                                @for (k, line) in raw.split('\n').enumerate().skip(first.saturating_sub(1) as usize).take((last + 1 - first) as usize) {
                                    span.ln { (format!("{:>4} ", k + 1)) } (line) "\n"
                                }
                            }
                            div.norm { (marked_paragraph(n, raw, para.span.clone(), &refs)) }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// One row of the index page.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub page: Option<String>,
    pub path: String,
    pub status: String,
    pub act: String,
    pub references: usize,
    pub notes: usize,
    pub regulations: usize,
    pub timed_steps: usize,
    pub warnings: usize,
    pub failure: Option<String>,
}

impl IndexRow {
    pub fn of(page: &str, d: &Document) -> Self {
        let timed = d
            .regulations
            .iter()
            .flat_map(|r| {
                r.sections
                    .iter()
                    .flat_map(|s| s.points.iter().flat_map(|p| p.subpoints.iter()))
            })
            .filter(|s| s.duration.is_some())
            .count();
        IndexRow {
            page: Some(page.to_owned()),
            path: d.source.path.clone(),
            status: status_name(d.status).to_owned(),
            act: format!(
                "{} № {}",
                d.act.date.clone().unwrap_or_else(|| "?".into()),
                d.act.number.clone().unwrap_or_else(|| "?".into())
            ),
            references: d.references.len(),
            notes: d.notes.len(),
            regulations: d.regulations.len(),
            timed_steps: timed,
            warnings: d.warnings.len(),
            failure: None,
        }
    }

    /// The row of a document that could not be read or extracted: its path
    /// and what went wrong, with no page.
    pub fn failed(path: String, message: String) -> Self {
        IndexRow {
            page: None,
            path,
            status: "unknown".into(),
            act: "?".into(),
            references: 0,
            notes: 0,
            regulations: 0,
            timed_steps: 0,
            warnings: 0,
            failure: Some(message),
        }
    }
}

/// The index of several documents, sortable by a click on a column.
pub fn index_page(rows: &[IndexRow]) -> String {
    html! {
        (DOCTYPE)
        html lang="kk" {
            head {
                meta charset="utf-8";
                title { "kazlex report: " (rows.len()) " documents" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { "kazlex report" }
                    p.muted { (rows.len()) " documents; " (rows.iter().filter(|r| r.failure.is_some()).count()) " failed; click a column to sort." }
                    table.sortable id="documents" {
                        thead { tr { th { "document" } th { "status" } th { "act" } th { "references" } th { "notes" } th { "regulations" } th { "timed steps" } th { "warnings" } th { "failure" } } }
                        tbody { @for r in rows { tr {
                            td { @match &r.page { Some(p) => { a href=(p) { (r.path) } } None => { (r.path) } } }
                            td { span class={"badge " (r.status)} { (r.status) } }
                            td { (r.act) }
                            td data-key=(r.references) { (r.references) }
                            td data-key=(r.notes) { (r.notes) }
                            td data-key=(r.regulations) { (r.regulations) }
                            td data-key=(r.timed_steps) { (r.timed_steps) }
                            td data-key=(r.warnings) { (r.warnings) }
                            td { @if let Some(f) = &r.failure { (f) } }
                        } } }
                    }
                    script { (PreEscaped(SORT_SCRIPT)) }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let rows = [IndexRow {
            page: None,
            path: "<b>&".into(),
            status: "unknown".into(),
            act: "? № ?".into(),
            references: 0,
            notes: 0,
            regulations: 0,
            timed_steps: 0,
            warnings: 0,
            failure: Some("x < y & z".into()),
        }];
        let html = index_page(&rows);
        assert!(html.contains("&lt;b&gt;&amp;"));
        assert!(html.contains("x &lt; y &amp; z"));
        assert!(!html.contains("<b>&"));
    }
}
