//! The cases of a sheet by name, to find a case again when its rows come
//! back: a name's hash (32 bits) leads to the last case added with that
//! hash, cases whose names share a hash are chained, and the name itself
//! is compared. Eight bytes a case and no copy of its name: a sheet of
//! fifty thousand cases read in parts looks every case up twice, and a
//! table of names (a copy of each name, 24 bytes a slot) was memory the
//! processor waited for.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{same_text, FxHasher};

/// The end of a chain.
const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub(super) struct CaseIndex {
    /// The last case added under each hash.
    last: HashMap<u32, u32, BuildHasherDefault<Spread>>,
    /// For each case, the case added before it under the same hash.
    before: Vec<u32>,
}

impl CaseIndex {
    /// The hash a name is indexed under.
    pub fn hash(name: &str) -> u32 {
        let mut h = FxHasher::default();
        h.write(name.as_bytes());
        (h.finish() >> 32) as u32
    }

    /// The case named `name` (its hash `hash`), `name_of` giving each
    /// indexed case's name.
    pub fn find<'n>(
        &self,
        name: &str,
        hash: u32,
        name_of: impl Fn(usize) -> &'n str,
    ) -> Option<usize> {
        let mut k = *self.last.get(&hash)?;
        while k != NONE {
            let case = k as usize;
            if same_text(name_of(case), name) {
                return Some(case);
            }
            k = self.before.get(case).copied().unwrap_or(NONE);
        }
        None
    }

    /// Index the next case (cases are added in order: the first is 0)
    /// under `hash`.
    pub fn add(&mut self, hash: u32) {
        // Fewer than 2^32 - 1 cases: a sheet's rows are counted in `u32`
        // lines, and a case holds at least one row.
        let case = u32::try_from(self.before.len()).unwrap_or(NONE - 1);
        let before = self.last.insert(hash, case).unwrap_or(NONE);
        self.before.push(before);
    }

    /// Room for `more` cases.
    pub fn reserve(&mut self, more: usize) {
        self.last.reserve(more);
        self.before.reserve(more);
    }
}

/// A hasher for keys that are already hashes: a multiply spreads their
/// bits over the 64 the table takes its slot and its tag from.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = u64::from(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_found_by_name_also_when_hashes_meet() {
        let names = ["a", "b", "c", "d"];
        let mut index = CaseIndex::default();
        // "c" and "d" under the hash of "a": chained behind it.
        let hashes = [CaseIndex::hash("a"), CaseIndex::hash("b")];
        for h in [hashes[0], hashes[1], hashes[0], hashes[0]] {
            index.add(h);
        }
        let name_of = |i: usize| names[i];
        assert_eq!(index.find("a", hashes[0], name_of), Some(0));
        assert_eq!(index.find("b", hashes[1], name_of), Some(1));
        assert_eq!(index.find("c", hashes[0], name_of), Some(2));
        assert_eq!(index.find("d", hashes[0], name_of), Some(3));
        assert_eq!(index.find("e", hashes[0], name_of), None);
        assert_eq!(index.find("a", hashes[1], name_of), None);
        assert_eq!(index.find("a", CaseIndex::hash("zz") ^ 1, name_of), None);
        assert_eq!(index.before.len(), 4);
    }

    proptest::proptest! {
        #[test]
        fn prop_every_name_found_as_a_map_finds_it(
            names in proptest::collection::vec("[a-c]{0,3}", 0..60),
            hash_bits in 0u32..3,
        ) {
            // Few hash bits: many names share a hash.
            let hash = |n: &str| CaseIndex::hash(n) & ((1 << hash_bits) - 1);
            let mut index = CaseIndex::default();
            let mut cases: Vec<String> = Vec::new();
            let mut map = std::collections::HashMap::new();
            for n in &names {
                let found = index.find(n, hash(n), |i| cases[i].as_str());
                proptest::prop_assert_eq!(found, map.get(n.as_str()).copied());
                if found.is_none() {
                    index.add(hash(n));
                    map.insert(n.clone(), cases.len());
                    cases.push(n.clone());
                }
            }
        }
    }
}
