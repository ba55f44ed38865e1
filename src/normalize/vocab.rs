//! Vocabulary: evidence from the text itself.
//!
//! Several repairs must choose between readings: is `т іркеу` one word, does
//! a moved link belong in this gap or that one, is `ішінде` a word or a
//! suffix? The strongest evidence is what the same document says where it
//! is undamaged, backed by a bundled vocabulary of the genre built the same
//! way from the corpus (`data/vocab.txt`, rebuilt with
//! `kazlex vocab corpus/*.txt > data/vocab.txt`). A [`Vocab`] counts words and
//! adjacent word pairs, case-folded, with surrounding punctuation stripped.
//!
//! ```text
//! clean line   "көрсетілетін қызметті берушінің басшысы 15 (он бес) минут ішінде"
//! words        көрсетілетін, қызметті, берушінің, басшысы, 15, он, бес, минут, ішінде
//! pairs        (көрсетілетін, қызметті), (қызметті, берушінің), …
//! ```

use std::sync::LazyLock;

use crate::chars::{cyrillic_index, CYRILLIC, LETTER};

use rustc_hash::FxHashMap;

/// Word and word-pair counts, keyed by hashes of case-folded words.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Vocab {
    words: FxHashMap<u64, u32>,
    pairs: FxHashMap<u64, u32>,
}

const PUNCT: &[char] = &[
    '"', '«', '»', '(', ')', ',', '.', ';', ':', '!', '?', '[', ']', '“', '”', '„',
];

/// The core of a token: without surrounding punctuation.
pub fn core(token: &str) -> &str {
    let b = token.as_bytes();
    // Fastest path: a word that starts and ends with an ASCII letter or
    // digit or a character of the Cyrillic block (lead byte D0..D3), none of
    // which is punctuation (most tokens).
    if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        let starts = first.is_ascii_alphanumeric() || first & 0xFC == 0xD0;
        let ends = last.is_ascii_alphanumeric() || b.len() >= 2 && b[b.len() - 2] & 0xFC == 0xD0;
        if starts && ends {
            return token;
        }
    }
    // Fast path: ASCII punctuation at the ends (the common case).
    let ascii = |x: u8| {
        matches!(
            x,
            b'"' | b'(' | b')' | b',' | b'.' | b';' | b':' | b'!' | b'?' | b'[' | b']'
        )
    };
    let mut s = 0;
    let mut e = b.len();
    while s < e && ascii(b[s]) {
        s += 1;
    }
    while e > s && ascii(b[e - 1]) {
        e -= 1;
    }
    let t = &b[s..e];
    // `«`, `»` are C2 AB, C2 BB; `“`, `”`, `„` are E2 80 9C..9E.
    let quote_start = matches!(t, [0xC2, 0xAB | 0xBB, ..] | [0xE2, 0x80, 0x9C..=0x9E, ..]);
    let quote_end = matches!(t, [.., 0xC2, 0xAB | 0xBB] | [.., 0xE2, 0x80, 0x9C..=0x9E]);
    let t = &token[s..e];
    if quote_start || quote_end {
        t.trim_matches(PUNCT)
    } else {
        t
    }
}

/// Hash of a case-folded word.
pub fn key(word: &str) -> u64 {
    key_alnum(word).0
}

/// Hash of a case-folded word, and whether it holds a letter or digit: one
/// pass over the bytes (this runs for every word of a document). The key
/// hashes the word's lower-case characters two at a time; two Cyrillic
/// letters (four bytes, lead bytes D0..D3) are read and looked up in a
/// table at once, anything else one character at a time.
fn key_alnum(word: &str) -> (u64, bool) {
    let b = word.as_bytes();
    let table = &*CYRILLIC;
    let mut h = KeyState::default();
    let mut alnum = false;
    let mut i = 0;
    while i < b.len() {
        if h.pending.is_none() {
            if let Some(&[l0, c0, l1, c1]) = b.get(i..i + 4) {
                if l0 & 0xFC == 0xD0 && l1 & 0xFC == 0xD0 {
                    let e0 = table[cyrillic_index(l0, c0)];
                    let e1 = table[cyrillic_index(l1, c1)];
                    alnum |= (e0 | e1) & LETTER != 0;
                    h.pair(e0 & !LETTER, e1 & !LETTER);
                    i += 4;
                    continue;
                }
            }
        }
        let x = b[i];
        let c = if x < 0x80 {
            i += 1;
            alnum |= x.is_ascii_alphanumeric();
            u32::from(x.to_ascii_lowercase())
        } else if x & 0xFC == 0xD0 && i + 1 < b.len() {
            let entry = table[cyrillic_index(x, b[i + 1])];
            i += 2;
            alnum |= entry & LETTER != 0;
            entry & !LETTER
        } else {
            let c = word[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            alnum |= crate::chars::is_alnum(c);
            crate::chars::lower(c) as u32
        };
        h.push(c);
    }
    (h.key(), alnum)
}

/// The hash of a sequence of (folded) characters, taken two at a time.
struct KeyState {
    h: u64,
    pending: Option<u32>,
}

impl Default for KeyState {
    fn default() -> Self {
        KeyState {
            h: 0xcbf2_9ce4_8422_2325,
            pending: None,
        }
    }
}

/// Stands for the missing second character of an odd-length word (no
/// character has this code).
const NO_CHAR: u32 = 1 << 21;

/// Two characters into the hash.
#[inline]
fn mix(h: u64, a: u32, b: u32) -> u64 {
    (h.rotate_left(7) ^ (u64::from(a) | (u64::from(b) << 32))).wrapping_mul(0x0100_0000_01b3)
}

impl KeyState {
    #[inline]
    fn pair(&mut self, a: u32, b: u32) {
        self.h = mix(self.h, a, b);
    }

    #[inline]
    fn push(&mut self, c: u32) {
        match self.pending.take() {
            Some(a) => self.pair(a, c),
            None => self.pending = Some(c),
        }
    }

    /// The key of the characters pushed so far.
    fn key(&self) -> u64 {
        finish(self.pending.map_or(self.h, |a| mix(self.h, a, NO_CHAR)))
    }
}

/// Final mix, so that keys spread over the hash map's buckets.
fn finish(h: u64) -> u64 {
    (h ^ (h >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Keys of every prefix of `word` that ends before a character, in one
/// pass: `(byte offset, key of word[..offset])`.
pub fn prefix_keys(word: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    let mut h = KeyState::default();
    word.char_indices().map(move |(i, c)| {
        let before = h.key();
        h.push(crate::chars::lower(c) as u32);
        (i, before)
    })
}

/// Tokens whose word id [`DocCounts`] keeps by their text at most (about
/// 2 MB): a document of the genre has a few thousand distinct tokens; text
/// of nothing but distinct tokens must not make the memo grow with it.
const TOKEN_MEMO_MAX: usize = 1 << 16;

fn pair_key(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Vocab {
    /// Adds the words and pairs of one undamaged line.
    pub fn add_line(&mut self, line: &str) {
        let mut prev: Option<u64> = None;
        for super::tokens::Token {
            text: token, gap, ..
        } in super::tokens::tokens(line)
        {
            if gap > 1 {
                // A pair does not reach across a double space either.
                prev = None;
            }
            let (k, alnum) = key_alnum(core(token));
            if !alnum {
                prev = None;
                continue;
            }
            *self.words.entry(k).or_insert(0) += 1;
            if let Some(p) = prev {
                *self.pairs.entry(pair_key(p, k)).or_insert(0) += 1;
            }
            // A pair does not reach across punctuation that ends a clause.
            let clause_end = matches!(
                token.as_bytes().last(),
                Some(b',' | b'.' | b';' | b':' | b')')
            );
            prev = if clause_end { None } else { Some(k) };
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word_count(&self, word: &str) -> u32 {
        self.count_key(key(core(word)))
    }

    /// The count of a word by its key (see [`prefix_keys`]).
    pub fn count_key(&self, k: u64) -> u32 {
        self.words.get(&k).copied().unwrap_or(0)
    }

    pub fn pair_count(&self, a: &str, b: &str) -> u32 {
        self.pair_count_keys(key(core(a)), key(core(b)))
    }

    fn pair_count_keys(&self, a: u64, b: u64) -> u32 {
        self.pairs.get(&pair_key(a, b)).copied().unwrap_or(0)
    }

    /// Parses the bundled format: `N<TAB>word` and `N<TAB>word word` lines.
    pub fn parse(text: &str) -> Vocab {
        let mut v = Vocab::default();
        for line in text.lines() {
            let Some((n, rest)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.trim().parse::<u32>() else {
                continue;
            };
            match rest.split_once(' ') {
                Some((a, b)) => {
                    *v.pairs.entry(pair_key(key(a), key(b))).or_insert(0) += n;
                }
                None => {
                    *v.words.entry(key(rest)).or_insert(0) += n;
                }
            }
        }
        v
    }
}

/// Builds the bundled-vocabulary listing for a set of undamaged lines:
/// words and pairs with their counts, most frequent first.
pub fn listing<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut words: FxHashMap<String, u32> = FxHashMap::default();
    let mut pairs: FxHashMap<(String, String), u32> = FxHashMap::default();
    for line in lines {
        let mut prev: Option<String> = None;
        for token in line.split(' ') {
            let w = core(token).to_lowercase();
            if !w.chars().any(crate::chars::is_alnum) {
                prev = None;
                continue;
            }
            *words.entry(w.clone()).or_insert(0) += 1;
            if let Some(p) = prev.take() {
                *pairs.entry((p, w.clone())).or_insert(0) += 1;
            }
            prev = if token.ends_with([',', '.', ';', ':', ')']) {
                None
            } else {
                Some(w)
            };
        }
    }
    let mut w: Vec<_> = words.into_iter().collect();
    w.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut p: Vec<_> = pairs.into_iter().collect();
    p.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::new();
    for (word, n) in w {
        out.push_str(&format!("{n}\t{word}\n"));
    }
    for ((a, b), n) in p {
        out.push_str(&format!("{n}\t{a} {b}\n"));
    }
    out
}

static BUNDLED: LazyLock<Vocab> =
    LazyLock::new(|| Vocab::parse(include_str!("../../data/vocab.txt")));

/// A document's vocabulary, built from its undamaged lines the first time
/// a repair asks for evidence (many documents never need it).
#[derive(Debug, Default)]
pub struct DocVocab<'a> {
    lines: Vec<&'a str>,
    counted: std::sync::OnceLock<DocCounts>,
}

impl<'a> DocVocab<'a> {
    pub fn lazy(lines: Vec<&'a str>) -> Self {
        DocVocab {
            lines,
            counted: std::sync::OnceLock::new(),
        }
    }

    /// The words and pairs, counted on first use.
    fn counted(&self) -> &DocCounts {
        self.counted
            .get_or_init(|| DocCounts::count(&self.lines, TOKEN_MEMO_MAX))
    }

    /// The counts as a [`Vocab`], to hold them to [`Vocab::add_line`]'s.
    #[cfg(test)]
    fn to_vocab(&self) -> Vocab {
        self.counted().to_vocab()
    }
}

/// Stands between two words of [`DocCounts::seq`] that are not a pair.
const NO_PAIR: u32 = u32::MAX;

/// A document's word counts. Each distinct word gets an id; the words of
/// the lines are counted by id and kept in order, so that pairs are
/// counted only when a repair first asks for one (most documents never
/// do). Counting a token is then one lookup by its text (a document
/// repeats its words), not two hash-map inserts as for [`Vocab`].
///
/// ```text
/// line   "көрсетілетін қызметті берушінің басшысы, минут ішінде"
/// ids    0 1 2 3 | 4 5          (| is NO_PAIR: no pair across a comma)
/// ```
#[derive(Debug, Default)]
struct DocCounts {
    /// Word key → id.
    ids: FxHashMap<u64, u32>,
    /// Count of each id.
    counts: Vec<u32>,
    /// The ids of the words in order, [`NO_PAIR`] where a pair does not
    /// reach across.
    seq: Vec<u32>,
    /// What follows each word, grouped by word, built at the first pair
    /// question.
    followers: std::sync::OnceLock<Followers>,
}

/// For each word id, the ids of the words that follow its occurrences
/// ([`NO_PAIR`] where none does), grouped by id: `next[start[a]..start[a +
/// 1]]`. Built by a counting sort of `seq` (two passes, no hashing), so
/// that a pair question reads the followers of one word only.
#[derive(Debug, Default)]
struct Followers {
    start: Vec<u32>,
    next: Vec<u32>,
}

impl Followers {
    fn of(counts: &[u32], seq: &[u32]) -> Followers {
        let mut start = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        start.push(0);
        for &c in counts {
            total += c;
            start.push(total);
        }
        let mut fill: Vec<u32> = start.clone();
        let mut next = vec![NO_PAIR; total as usize];
        for (i, &x) in seq.iter().enumerate() {
            if let Some(slot) = fill.get_mut(x as usize) {
                if let Some(n) = next.get_mut(*slot as usize) {
                    *n = seq.get(i + 1).copied().unwrap_or(NO_PAIR);
                }
                *slot += 1;
            }
        }
        Followers { start, next }
    }

    fn count(&self, a: u32, b: u32) -> u32 {
        let (Some(&s), Some(&e)) = (self.start.get(a as usize), self.start.get(a as usize + 1))
        else {
            return 0;
        };
        self.next
            .get(s as usize..e as usize)
            .unwrap_or_default()
            .iter()
            .map(|&y| u32::from(y == b))
            .sum()
    }
}

impl DocCounts {
    /// Counts the words of `lines`, keeping the ids of at most `memo_max`
    /// distinct tokens by their text.
    fn count(lines: &[&str], memo_max: usize) -> DocCounts {
        // About one word in eight bytes; distinct words are fewer.
        let bytes: usize = lines.iter().map(|l| l.len()).sum();
        let mut ids: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(bytes / 32, Default::default());
        let mut counts: Vec<u32> = Vec::with_capacity(bytes / 32);
        let mut seq: Vec<u32> = Vec::with_capacity(bytes / 8);
        // A document repeats its words (`көрсетілетін` hundreds of times):
        // finding a word's id by its text, punctuation included
        // (`қызметті,` is `қызметті`), costs less than stripping, folding
        // and hashing it letter by letter again.
        let mut cache: super::memo::Memo<TokenText<'_>, u32> =
            super::memo::Memo::new(memo_max, bytes / 32);
        for line in lines {
            let mut paired = false;
            for super::tokens::Token {
                text: token, gap, ..
            } in super::tokens::tokens(line)
            {
                let id = cache.get_or_compute_copy(TokenText(token), || {
                    let (k, alnum) = key_alnum(core(token));
                    if !alnum {
                        return NO_PAIR;
                    }
                    *ids.entry(k).or_insert_with(|| {
                        counts.push(0);
                        (counts.len() - 1) as u32
                    })
                });
                let Some(n) = counts.get_mut(id as usize) else {
                    // Not a word (no letter or digit): no pair across it.
                    paired = false;
                    continue;
                };
                *n += 1;
                // A pair does not reach across a double space either.
                if !paired || gap > 1 {
                    seq.push(NO_PAIR);
                }
                seq.push(id);
                // Nor across punctuation that ends a clause.
                paired = !matches!(
                    token.as_bytes().last(),
                    Some(b',' | b'.' | b';' | b':' | b')')
                );
            }
        }
        DocCounts {
            ids,
            counts,
            seq,
            followers: std::sync::OnceLock::new(),
        }
    }

    fn count_key(&self, k: u64) -> u32 {
        self.ids
            .get(&k)
            .and_then(|&id| self.counts.get(id as usize))
            .copied()
            .unwrap_or(0)
    }

    fn pair_count_keys(&self, a: u64, b: u64) -> u32 {
        let (Some(&a), Some(&b)) = (self.ids.get(&a), self.ids.get(&b)) else {
            return 0;
        };
        self.followers
            .get_or_init(|| Followers::of(&self.counts, &self.seq))
            .count(a, b)
    }

    /// Every pair of neighbouring words, as ids, in order.
    #[cfg(test)]
    fn id_pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.seq
            .windows(2)
            .filter(|w| w[0] != NO_PAIR && w[1] != NO_PAIR)
            .map(|w| (w[0], w[1]))
    }

    #[cfg(test)]
    fn to_vocab(&self) -> Vocab {
        let mut keys = vec![0u64; self.counts.len()];
        let mut v = Vocab::default();
        for (&k, &id) in &self.ids {
            keys[id as usize] = k;
            v.words.insert(k, self.counts[id as usize]);
        }
        for (x, y) in self.id_pairs() {
            *v.pairs
                .entry(pair_key(keys[x as usize], keys[y as usize]))
                .or_insert(0) += 1;
        }
        v
    }
}

/// A token's text as a memo key, hashed and compared by its first and last
/// eight bytes when it has at most sixteen: most tokens are short, and
/// then neither a byte-by-byte hash nor a `memcmp` call is needed.
/// Longer tokens are hashed and compared whole. Equality is exact.
#[derive(Debug, Clone, Copy)]
struct TokenText<'a>(&'a str);

impl TokenText<'_> {
    /// The first and last eight bytes (zero-padded when shorter): together
    /// every byte of a token of up to sixteen.
    #[inline]
    fn ends(&self) -> (u64, u64) {
        let b = self.0.as_bytes();
        match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
            _ => {
                // Byte by byte: a `copy_from_slice` of a length not known
                // at compile time is a `memcpy` call (short tokens are
                // many: `1)`, `мен`, `—`).
                let x = b
                    .iter()
                    .rev()
                    .fold(0u64, |x, &byte| (x << 8) | u64::from(byte));
                (x, x)
            }
        }
    }
}

impl std::hash::Hash for TokenText<'_> {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let (head, tail) = self.ends();
        state.write_u64(head ^ tail.rotate_left(29) ^ (self.0.len() as u64) << 56);
        if self.0.len() > 16 {
            // Every byte of a longer token: tokens that share their ends
            // (made on purpose, `aaaaaaaa…Xaaaaaaaa`) must not share a
            // hash, or each lookup would walk all of them.
            state.write(self.0.as_bytes());
        }
    }
}

impl PartialEq for TokenText<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len()
            && self.ends() == other.ends()
            && (a.len() <= 16 || {
                // The ends are equal: the rest eight bytes at a time,
                // inline (a `memcmp` call costs more for a word).
                fn words(s: &[u8]) -> impl Iterator<Item = Option<u64>> + '_ {
                    s.chunks_exact(8)
                        .map(|c| c.first_chunk::<8>().map(|w| u64::from_le_bytes(*w)))
                }
                words(&a[8..]).eq(words(&b[8..]))
            })
    }
}

impl Eq for TokenText<'_> {}

#[derive(Debug, Clone, Copy)]
enum DocRef<'v> {
    Ready(&'v Vocab),
    Lazy(&'v DocVocab<'v>),
}

/// The document's own vocabulary backed by the bundled one.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'v> {
    doc: DocRef<'v>,
    pub bundled: Option<&'v Vocab>,
}

impl<'v> Evidence<'v> {
    pub fn new(doc: &'v Vocab, use_bundled: bool) -> Self {
        Evidence {
            doc: DocRef::Ready(doc),
            bundled: use_bundled.then(|| &*BUNDLED),
        }
    }

    pub fn lazy(doc: &'v DocVocab<'v>, use_bundled: bool) -> Self {
        Evidence {
            doc: DocRef::Lazy(doc),
            bundled: use_bundled.then(|| &*BUNDLED),
        }
    }

    pub fn word(&self, w: &str) -> u32 {
        self.word_key(key(core(w)))
    }

    pub fn pair(&self, a: &str, b: &str) -> u32 {
        let (a, b) = (key(core(a)), key(core(b)));
        let doc = match self.doc {
            DocRef::Ready(v) => v.pair_count_keys(a, b),
            DocRef::Lazy(d) => d.counted().pair_count_keys(a, b),
        };
        doc + self.bundled.map_or(0, |v| v.pair_count_keys(a, b))
    }

    /// Like [`Evidence::word`] for a key from [`key`] or [`prefix_keys`]
    /// (the word must have no surrounding punctuation).
    pub fn word_key(&self, k: u64) -> u32 {
        let doc = match self.doc {
            DocRef::Ready(v) => v.count_key(k),
            DocRef::Lazy(d) => d.counted().count_key(k),
        };
        doc + self.bundled.map_or(0, |b| b.count_key(k))
    }

    /// Counts in the bundled vocabulary alone (no document scan).
    pub fn bundled_word(&self, w: &str) -> u32 {
        self.bundled.map_or(0, |b| b.word_count(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_pairs_are_case_folded_and_stripped() {
        let mut v = Vocab::default();
        v.add_line("Көрсетілетін қызметті \"берушінің\" басшысы, минут ішінде;");
        assert_eq!(v.word_count("көрсетілетін"), 1);
        assert_eq!(v.word_count("берушінің)"), 1);
        assert_eq!(v.pair_count("көрсетілетін", "Қызметті"), 1);
        // No pair across a comma.
        assert_eq!(v.pair_count("басшысы", "минут"), 0);
    }

    #[test]
    fn keys_fold_case_and_agree_with_prefix_keys() {
        for (a, b) in [
            ("ҚАУЛЫ", "қаулы"),
            ("Әкімдігінің", "әкімдігінің"),
            ("ЁЖЇҐӀ", "ёжїґӏ"),
            ("Ωmega№5", "ωmega№5"),
            ("Straße", "straße"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
            let whole = prefix_keys(&format!("{a}x")).last().map(|(_, k)| k);
            assert_eq!(whole, Some(key(a)), "{a}");
        }
        assert_ne!(key("қаулы"), key("каулы"));
        assert!(!key_alnum("«—»").1);
        assert!(key_alnum("«а»").1);
    }

    /// The key by definition: fold every character, hash them in pairs.
    fn reference_key(word: &str) -> (u64, bool) {
        let mut h = KeyState::default();
        for c in word.chars() {
            h.push(crate::chars::lower(c) as u32);
        }
        (h.key(), word.chars().any(crate::chars::is_alnum))
    }

    #[test]
    fn fast_keys_agree_with_the_definition() {
        let chars: Vec<char> = "aZ09 ,(«№–ҚқӘәІіЁёЯяҒғҮүҺһӀӁӂ\u{483}\u{482}ѠѡéΩ"
            .chars()
            .collect();
        let mut words: Vec<String> = Vec::new();
        for &a in &chars {
            for &b in &chars {
                for &c in &chars {
                    words.push([a, b, c].iter().collect());
                    words.push([a, 'ң', b, c].iter().collect());
                }
            }
        }
        words.extend(["көрсетілетін", "ҚАУЛЫ", "Әкімдігінің", "iс-қимылы"].map(String::from));
        for w in &words {
            assert_eq!(key_alnum(w), reference_key(w), "{w:?}");
            let ends: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
            for (i, k) in prefix_keys(w) {
                assert!(ends.contains(&i));
                assert_eq!(k, key(&w[..i]), "{w:?} up to {i}");
            }
        }
    }

    #[test]
    fn document_counts_agree_with_line_by_line_counts() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/004_e9cea40fad9b84a2.txt"
        ))
        .unwrap_or_default();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let mut plain = Vocab::default();
        for line in &lines {
            plain.add_line(line);
        }
        let cached = DocVocab::lazy(lines.clone());
        assert_eq!(cached.to_vocab(), plain);
        // And to counts made without keys at all: words lower-cased as
        // strings by `listing`, then keyed once each by `parse`.
        assert_eq!(
            cached.to_vocab(),
            Vocab::parse(&listing(lines.iter().copied()))
        );
        // Past the memo's limit, tokens are keyed as without it.
        for limit in [0, 10] {
            assert_eq!(DocCounts::count(&lines, limit).to_vocab(), plain);
        }
        // Pairs asked of the document's counts (counted on the first
        // question) as of the line-by-line ones: every two neighbouring
        // tokens, and tokens two apart.
        let ev = Evidence::lazy(&cached, false);
        let mut asked = 0;
        for line in &lines {
            let toks: Vec<&str> = line.split(' ').collect();
            for step in [1, 2] {
                for w in toks.windows(step + 1) {
                    let (a, b) = (w[0], w[step]);
                    assert_eq!(ev.pair(a, b), plain.pair_count(a, b), "{a} {b}");
                    assert_eq!(ev.word(a), plain.word_count(a), "{a}");
                    asked += usize::from(plain.pair_count(a, b) > 0);
                }
            }
        }
        assert!(asked > 1000, "{asked}");
        assert!(plain.word_count("көрсетілетін") > 100);
        assert_eq!(
            cached.to_vocab().word_count("Көрсетілетін"),
            plain.word_count("көрсетілетін")
        );
    }

    #[test]
    fn listing_round_trips_through_parse() {
        let text = listing(["минут ішінде", "минут ішінде;"].into_iter());
        let v = Vocab::parse(&text);
        assert_eq!(v.word_count("минут"), 2);
        assert_eq!(v.pair_count("минут", "ішінде"), 2);
    }

    #[test]
    fn tokens_that_share_their_ends_hash_apart() {
        use std::hash::BuildHasher;
        let hash = |s: &str| rustc_hash::FxBuildHasher.hash_one(TokenText(s));
        assert_ne!(hash("аааааааXаааааааа"), hash("аааааааYаааааааа"));
        assert_ne!(hash("abcdefgh1ijklmnop"), hash("abcdefgh2ijklmnop"));
        assert!(TokenText("abcdefgh1ijklmnop") != TokenText("abcdefgh2ijklmnop"));
        assert!(TokenText("қызметті") == TokenText("қызметті"));
        // And they are counted as themselves.
        let line: Vec<String> = (0..300)
            .map(|i| format!("abcdefgh{i:03}ijklmnop"))
            .collect();
        let line = line.join(" ");
        let mut plain = Vocab::default();
        plain.add_line(&line);
        assert_eq!(
            DocCounts::count(&[line.as_str()], 1 << 16).to_vocab(),
            plain
        );
    }

    /// Equality by the ends and by eight-byte words is string equality:
    /// every length up to 40 bytes, a difference at every byte.
    #[test]
    fn token_text_equality_is_string_equality() {
        let base = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
        for len in 0..=base.len() {
            let a = &base[..len];
            assert!(TokenText(a) == TokenText(a), "{a:?}");
            for at in 0..len {
                let b = format!("{}_{}", &a[..at], &a[at + 1..]);
                assert!(TokenText(a) != TokenText(&b), "{a:?} / {b:?}");
            }
            // A prefix or an extension is not equal either.
            if len > 0 {
                assert!(TokenText(a) != TokenText(&base[..len - 1]), "{a:?}");
            }
        }
    }

    #[test]
    fn bundled_vocabulary_knows_the_genre() {
        let empty = Vocab::default();
        let e = Evidence::new(&empty, true);
        assert!(e.word("ішінде") > 10);
        assert!(e.pair("көрсетілетін", "қызметті") > 10);
    }
}
