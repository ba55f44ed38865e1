//! Moved link texts (D1) simulated on the corpus's own paragraphs.
//!
//! Each corpus document's normalized paragraphs are hard-wrapped again at
//! random widths, as the register prints them (an indented first line,
//! continuation lines at column 0 with a trailing space), once clean and
//! once with the link texts of some lines cut out of their place and
//! appended to the line's end, as `damage.md` describes the extractor:
//!
//! ```text
//! clean    "      … Стандарттың 2-қосымшасына сәйкес қолхат береді) - 20 "
//! damaged  "      … Стандарттың  сәйкес қолхат береді) - 20 2-қосымшасына"
//! ```
//!
//! The damaged text must normalize to exactly what the clean one does. The
//! widths and the lines hit differ from the corpus's own, so the repair
//! meets gaps and tails in places the corpus does not show them.

mod common;

/// A small deterministic generator (64-bit LCG), so that every run checks
/// the same texts.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Whether `w` is link text: a numbered reference (`2-қосымшасына`,
/// `16-бабының`, `9-тармағында`, `3-бөліміне`) or an act's number (`№204`).
fn is_link_text(w: &str) -> bool {
    if let Some(rest) = w.strip_prefix('№') {
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    }
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && w[digits..].strip_prefix('-').is_some_and(|noun| {
            ["қосымша", "тармағ", "тармақ", "бөлім", "баб", "бап"]
                .iter()
                .any(|s| noun.starts_with(s))
        })
}

/// The paragraphs wrapped at random widths; when `damage` is set, the link
/// texts of a line are moved to its end on about `percent` in a hundred
/// lines. Returns the text and how many link texts moved.
fn wrap(paragraphs: &str, seed: u64, damage: Option<u64>) -> (String, u32) {
    let mut widths = Lcg(seed);
    let mut hits = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut out = String::from("\n");
    let mut moved = 0;
    for para in paragraphs.lines() {
        let width = 60 + widths.below(36) as usize;
        let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
        let mut len = 6;
        for w in para.split(' ') {
            let n = w.chars().count();
            let cur = lines.last_mut().expect("one line at least");
            if !cur.is_empty() && len + 1 + n > width {
                lines.push(vec![w]);
                len = n;
            } else {
                len += usize::from(!cur.is_empty()) + n;
                cur.push(w);
            }
        }
        let last = lines.len() - 1;
        for (k, words) in lines.iter().enumerate() {
            let hit = damage.is_some_and(|percent| hits.below(100) < percent);
            let mut body: Vec<&str> = Vec::new();
            let mut links: Vec<String> = Vec::new();
            // Whether the last word was link text with nothing after it: the
            // next link word is the same link (`16-бабының 1-тармағына`).
            let mut open_link = false;
            for w in words {
                let core = w.trim_end_matches([',', '.', ';', ':', ')']);
                let rest = &w[core.len()..];
                if hit && is_link_text(core) {
                    match links.last_mut() {
                        Some(link) if open_link => {
                            link.push(' ');
                            link.push_str(core);
                            if let Some(last) = body.last_mut() {
                                *last = rest;
                            }
                        }
                        _ => {
                            links.push(core.to_owned());
                            body.push(rest);
                        }
                    }
                    open_link = rest.is_empty();
                } else {
                    body.push(w);
                    open_link = false;
                }
            }
            if k == 0 {
                out.push_str("      ");
            }
            out.push_str(&body.join(" "));
            if k != last {
                out.push(' ');
            }
            out.push_str(&links.join(" "));
            moved += links.len() as u32;
            out.push('\n');
        }
    }
    (out, moved)
}

#[test]
fn moved_link_texts_on_rewrapped_corpus_paragraphs_are_put_back_exactly() {
    let mut checked = 0;
    let mut moved_in_all = 0;
    for name in common::CORPUS {
        let text = common::corpus_text(name);
        let paragraphs = kazlex::normalize::normalize(&text).text;
        for seed in 1..=20 {
            let (clean, _) = wrap(&paragraphs, seed, None);
            let (damaged, moved) = wrap(&paragraphs, seed, Some(70));
            let want = kazlex::normalize::normalize(&clean);
            let got = kazlex::normalize::normalize(&damaged);
            assert_eq!(want.counts.moved_link_texts, 0, "{name}, seed {seed}");
            if got.text != want.text {
                let first = got
                    .text
                    .lines()
                    .zip(want.text.lines())
                    .find(|(g, w)| g != w)
                    .map(|(g, w)| format!("\n  got  {g}\n  want {w}"))
                    .unwrap_or_default();
                panic!("{name}, seed {seed}: the repaired text differs{first}");
            }
            checked += 1;
            moved_in_all += moved;
        }
    }
    assert_eq!(checked, 60);
    // 1,847 link texts moved in the 60 texts.
    assert!(moved_in_all > 1500, "{moved_in_all} link texts moved");
}
