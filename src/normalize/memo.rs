//! A bounded memo: work a document repeats on the same text, done once.
//!
//! A document of the genre repeats its words (`көрсетілетін` hundreds of
//! times), its compounds (`іс-қимыл`) and its long words. The repairs that
//! weigh such a token keep the answer here, by the token's text: the
//! vocabulary's keys, the inline-hyphen decision on a compound, the
//! glued-word test of a long word. A memo stops growing at a fixed size,
//! so that text of nothing but distinct tokens costs no more memory than
//! the bound; past it, answers are computed each time, as without it.
//!
//! ```text
//! 004   254 long words, 36 distinct   →  the glued-word test runs 36 times
//! ```

use std::borrow::Borrow;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Answers by key, at most `max` of them.
#[derive(Debug)]
pub struct Memo<K, V> {
    map: FxHashMap<K, V>,
    max: usize,
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    /// An empty memo that keeps at most `max` answers, with room reserved
    /// for `capacity` of them (never more than `max`).
    pub fn new(max: usize, capacity: usize) -> Self {
        Memo {
            map: FxHashMap::with_capacity_and_hasher(capacity.min(max), Default::default()),
            max,
        }
    }

    /// The answer for `key`: the one kept, or `compute()`'s, kept under
    /// `owned()` (the key as the memo stores it) while there is room.
    #[inline]
    pub fn get_or_compute<Q>(
        &mut self,
        key: &Q,
        owned: impl FnOnce() -> K,
        compute: impl FnOnce() -> V,
    ) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if let Some(v) = self.map.get(key) {
            return v.clone();
        }
        let v = compute();
        if self.map.len() < self.max {
            self.map.insert(owned(), v.clone());
        }
        v
    }

    /// How many answers are kept.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl<K: Hash + Eq + Copy, V: Clone> Memo<K, V> {
    /// [`Memo::get_or_compute`] for keys that cost nothing to store (a
    /// `&str` into the document): one hash, not two, for a key seen first
    /// (this runs for every word of a document).
    #[inline]
    pub fn get_or_compute_copy(&mut self, key: K, compute: impl FnOnce() -> V) -> V {
        if self.map.len() < self.max {
            return self.map.entry(key).or_insert_with(compute).clone();
        }
        self.map.get(&key).cloned().unwrap_or_else(compute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_up_to_the_bound_and_computed_past_it() {
        let mut owned: Memo<String, usize> = Memo::new(2, 16);
        let mut stored: Memo<&str, usize> = Memo::new(2, 0);
        let (mut computed_owned, mut computed_stored) = (0, 0);
        for word in [
            "іс-қимыл",
            "іс-қимыл",
            "бизнес-процесс",
            "сондай-ақ",
            "сондай-ақ",
        ] {
            let a = owned.get_or_compute(
                word,
                || word.to_owned(),
                || {
                    computed_owned += 1;
                    word.len()
                },
            );
            let b = stored.get_or_compute_copy(word, || {
                computed_stored += 1;
                word.len()
            });
            assert_eq!((a, b), (word.len(), word.len()));
        }
        // The first two kept; the third, past the bound, computed twice.
        assert_eq!((owned.len(), computed_owned), (2, 4));
        assert_eq!((stored.len(), computed_stored), (2, 4));
    }
}
