//! The JSON contract (`extract-schema.md`, version 1) as serde types, and
//! the conversion from an [`Extraction`].
//!
//! Only this module knows serde. Every field of the contract is present:
//! what a document does not have is `null` (objects, scalars) or `[]`
//! (lists), never omitted and never an empty string. Text values are slices
//! of the normalized text; `span`s are byte ranges of it.
//!
//! ```text
//! before  Extraction { act: Act { act_type: Some(Resolution), issuer: Some("Батыс Қазақстан облысы әкімдігі"), … } }
//! after   "act": {"type": "resolution", "type_text": "қаулысы", "issuer": "Батыс Қазақстан облысы әкімдігі", …}
//! ```

use serde::{Deserialize, Serialize};

use crate::extract::{self, acts, durations, notes, references, Extraction};
use crate::normalize::{Normalized, RepairCounts};

pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of [`Document`].
pub const JSON_SCHEMA: &str = include_str!("../schema/kazlex.schema.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// Whether any string in a serialized document is empty, which the
/// contract forbids (a missing value is `null`). For tests and fuzzers.
pub fn has_empty_string(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.iter().any(has_empty_string),
        serde_json::Value::Object(o) => o.values().any(has_empty_string),
        _ => false,
    }
}

/// What a batch needs of a document an earlier run wrote, read without
/// building the rest of it: its source (for `--resume` and to order JSONL
/// output), its repairs and how many warnings it has (so that a resumed
/// batch's summary counts every document).
#[derive(Debug, Clone)]
pub struct OutputHead {
    pub source: Source,
    pub repairs: Repairs,
    pub warnings: usize,
}

/// Reads an [`OutputHead`] from a serialized document.
pub fn read_head(json: &[u8]) -> Option<OutputHead> {
    #[derive(Deserialize)]
    struct Head {
        source: Source,
        repairs: Repairs,
        warnings: Vec<serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Head>(json)
        .ok()
        .map(|h| OutputHead {
            source: h.source,
            repairs: h.repairs,
            warnings: h.warnings.len(),
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActType {
    Resolution,
    Decision,
    Order,
    Law,
    Code,
    Decree,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Repealed,
    InForce,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    #[serde(rename = "type")]
    pub act_type: ActType,
    pub type_text: Option<String>,
    pub issuer: Option<String>,
    pub region: Option<String>,
    pub date: Option<String>,
    pub number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActRef {
    #[serde(rename = "type")]
    pub act_type: Option<ActType>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub authority: Option<String>,
    pub date: Option<String>,
    pub number: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Repeal,
    Amendment,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub scope: String,
    pub by: Option<ActRef>,
    pub effective: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    LegalBasis,
    Amends,
    Standard,
    RepealedBy,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(rename = "type")]
    pub act_type: ActType,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub number: Option<String>,
    pub registration_number: Option<String>,
    pub title: Option<String>,
    pub role: Role,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minute,
    Hour,
    Day,
    WorkingDay,
    CalendarDay,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Within,
    Max,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duration {
    pub value: u64,
    pub unit: Unit,
    pub bound: Option<Bound>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subpoint {
    pub number: Option<String>,
    pub text: String,
    pub actor: Option<String>,
    pub duration: Option<Duration>,
    pub result: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub number: Option<String>,
    pub text: String,
    pub subpoints: Vec<Subpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub number: Option<String>,
    pub title: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regulation {
    pub annex: Option<String>,
    pub title: Option<String>,
    pub service: Option<String>,
    pub standard: Option<Reference>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub position: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repairs {
    pub letter_spaced_lines: u32,
    pub moved_link_texts: u32,
    pub joined_lines: u32,
    pub dehyphenated: u32,
    pub homoglyphs: u32,
    pub page_breaks: u32,
}

/// One document's extraction, as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub source: Source,
    pub title: Option<String>,
    pub status: Status,
    pub act: Act,
    pub registration: Option<Registration>,
    pub repealed_by: Option<ActRef>,
    pub notes: Vec<Note>,
    pub references: Vec<Reference>,
    pub body: Vec<Point>,
    pub signatory: Option<Signatory>,
    pub regulations: Vec<Regulation>,
    pub repairs: Repairs,
    pub warnings: Vec<String>,
}

/// Why a document could not be written as JSON. Not expected (every type
/// here serializes), but reported, never a panic.
#[derive(Debug, thiserror::Error)]
#[error("cannot serialize the extraction: {0}")]
pub struct SerializeError(String);

/// The document as JSON text (UTF-8 bytes): one line, or pretty with
/// two-space indents.
///
/// Written by `sonic-rs`, which escapes strings with SIMD instructions
/// (serde_json's loop looks at every byte: 7 % of the whole pipeline's
/// instructions on 004 went there; writing the whole document takes 3.6 %
/// now).
/// Its output is serde_json's byte for byte: the same key order, escapes
/// and layout (`tests/json_output.rs` holds it to serde_json on every
/// control character and on the corpus).
///
/// The buffer is sized from the source once: the corpus's JSON is 1.2–1.4
/// times its source on one line and 1.6–1.8 times pretty. Grown by
/// doubling from empty, its copies had cost 3.6 instructions per input
/// byte on 002.
pub fn to_json(doc: &Document, pretty: bool) -> Result<Vec<u8>, SerializeError> {
    let bytes = usize::try_from(doc.source.bytes).unwrap_or(0);
    let estimate = if pretty {
        bytes.saturating_mul(2)
    } else {
        bytes.saturating_add(bytes / 2)
    };
    let mut out = Vec::with_capacity(estimate.saturating_add(4096));
    let written = if pretty {
        sonic_rs::to_writer_pretty(&mut out, doc)
    } else {
        sonic_rs::to_writer(&mut out, doc)
    };
    written.map_err(|e| SerializeError(e.to_string()))?;
    Ok(out)
}

fn act_type(t: acts::ActType) -> ActType {
    match t {
        acts::ActType::Resolution => ActType::Resolution,
        acts::ActType::Decision => ActType::Decision,
        acts::ActType::Order => ActType::Order,
        acts::ActType::Law => ActType::Law,
        acts::ActType::Code => ActType::Code,
        acts::ActType::Decree => ActType::Decree,
        acts::ActType::Other => ActType::Other,
    }
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn act_ref(c: &acts::Citation) -> ActRef {
    ActRef {
        act_type: Some(act_type(c.act_type)),
        issuer: c.issuer.clone(),
        date: c.date.map(|d| d.to_string()),
        number: c.number.clone(),
    }
}

fn reference(text: &str, r: &references::Reference) -> Reference {
    let c = &r.citation;
    Reference {
        act_type: act_type(c.act_type),
        issuer: c.issuer.clone(),
        date: c.date.map(|d| d.to_string()),
        number: c.number.clone(),
        registration_number: c.registration_number.clone(),
        title: c.title.as_ref().and_then(|t| nonempty(&text[t.clone()])),
        role: match r.role {
            references::Role::LegalBasis => Role::LegalBasis,
            references::Role::Amends => Role::Amends,
            references::Role::Standard => Role::Standard,
            references::Role::RepealedBy => Role::RepealedBy,
            references::Role::Other => Role::Other,
        },
        span: [c.span.start, c.span.end],
    }
}

fn duration(text: &str, d: &durations::Duration) -> Duration {
    Duration {
        value: d.value,
        unit: match d.unit {
            durations::Unit::Minute => Unit::Minute,
            durations::Unit::Hour => Unit::Hour,
            durations::Unit::Day => Unit::Day,
            durations::Unit::WorkingDay => Unit::WorkingDay,
            durations::Unit::CalendarDay => Unit::CalendarDay,
            durations::Unit::Month => Unit::Month,
        },
        bound: d.bound.map(|b| match b {
            durations::Bound::Within => Bound::Within,
            durations::Bound::Max => Bound::Max,
        }),
        text: text[d.span.clone()].to_owned(),
    }
}

fn point(text: &str, p: &extract::Point) -> Point {
    Point {
        number: p.number.as_ref().map(|n| text[n.clone()].to_owned()),
        text: text[p.text.clone()].to_owned(),
        subpoints: p
            .subpoints
            .iter()
            .map(|s| Subpoint {
                number: s.number.as_ref().map(|n| text[n.clone()].to_owned()),
                text: joined(text, &s.text),
                actor: s.actor.as_ref().and_then(|a| nonempty(&text[a.clone()])),
                duration: s.duration.as_ref().map(|d| duration(text, d)),
                result: s.result.as_ref().and_then(|r| nonempty(&text[r.clone()])),
            })
            .collect(),
    }
}

/// The pieces of `text` at `ranges`, one space between them, in one
/// allocation.
fn joined(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let len = ranges.iter().map(|r| r.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len);
    for (k, r) in ranges.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&text[r.clone()]);
    }
    out
}

impl Repairs {
    /// The contract's counts of a document's repairs (split words count as
    /// letter-spaced lines).
    pub fn of(c: &RepairCounts) -> Repairs {
        Repairs {
            letter_spaced_lines: c.letter_spaced_lines + c.split_word_lines,
            moved_link_texts: c.moved_link_texts,
            joined_lines: c.joined_lines,
            dehyphenated: c.dehyphenated,
            homoglyphs: c.homoglyphs,
            page_breaks: c.page_breaks,
        }
    }

    /// Adds another document's counts (a batch's totals).
    pub fn add(&mut self, o: &Repairs) {
        self.letter_spaced_lines += o.letter_spaced_lines;
        self.moved_link_texts += o.moved_link_texts;
        self.joined_lines += o.joined_lines;
        self.dehyphenated += o.dehyphenated;
        self.homoglyphs += o.homoglyphs;
        self.page_breaks += o.page_breaks;
    }
}

/// Builds the contract's document. `warnings` are the decoder's and the
/// normalizer's, in plain words; the extraction's own are appended.
pub fn document(
    source: Source,
    n: &Normalized,
    x: &Extraction,
    mut warnings: Vec<String>,
) -> Document {
    let text = n.text.as_str();
    let refs: Vec<Reference> = x.references.iter().map(|r| reference(text, r)).collect();
    warnings.extend(x.warnings.iter().cloned());
    Document {
        schema_version: SCHEMA_VERSION,
        source,
        title: x.title.as_ref().and_then(|t| nonempty(&text[t.clone()])),
        status: match x.status {
            extract::Status::Repealed => Status::Repealed,
            extract::Status::InForce => Status::InForce,
            extract::Status::Unknown => Status::Unknown,
        },
        act: Act {
            act_type: x.act.act_type.map_or(ActType::Other, act_type),
            type_text: x.act.type_text.as_ref().map(|r| text[r.clone()].to_owned()),
            issuer: x.act.issuer.clone(),
            region: x.act.region.clone(),
            date: x.act.date.map(|d| d.to_string()),
            number: x.act.number.clone(),
        },
        registration: x.registration.as_ref().map(|r| Registration {
            authority: r.authority.clone(),
            date: r.date.map(|d| d.to_string()),
            number: r.number.clone(),
        }),
        repealed_by: x.repealed_by.as_ref().map(act_ref),
        notes: x
            .notes
            .iter()
            .map(|nt| Note {
                kind: match nt.kind {
                    notes::NoteKind::Repeal => NoteKind::Repeal,
                    notes::NoteKind::Amendment => NoteKind::Amendment,
                    notes::NoteKind::Other => NoteKind::Other,
                },
                scope: nt.scope.clone(),
                by: nt.by.as_ref().map(act_ref),
                effective: nt
                    .effective
                    .as_ref()
                    .and_then(|e| nonempty(&text[e.clone()])),
                text: text[nt.span.clone()].to_owned(),
            })
            .collect(),
        body: x.body.iter().map(|p| point(text, p)).collect(),
        signatory: x.signatory.as_ref().map(|s| Signatory {
            position: text[s.position.clone()].to_owned(),
            name: text[s.name.clone()].to_owned(),
        }),
        regulations: x
            .regulations
            .iter()
            .map(|r| Regulation {
                annex: r.annex.clone(),
                title: nonempty(&text[r.title.clone()]),
                service: r.service.as_ref().and_then(|s| nonempty(&text[s.clone()])),
                standard: r.standard.and_then(|i| refs.get(i).cloned()),
                sections: r
                    .sections
                    .iter()
                    .map(|s| Section {
                        number: s.number.as_ref().map(|n| text[n.clone()].to_owned()),
                        title: text[s.title.clone()].to_owned(),
                        points: s.points.iter().map(|p| point(text, p)).collect(),
                    })
                    .collect(),
            })
            .collect(),
        references: refs,
        repairs: Repairs::of(&n.counts),
        warnings,
    }
}
