//! String interning: repeated texts (owners, phases, channels …) are stored
//! once, and rows hold a four-byte id.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::num::NonZeroU32;

/// A small, fast, non-cryptographic hasher (the Fx hash of rustc) for
/// interning: sheet text is short and hashing it with SipHash was a tenth of
/// the time to read a million rows. Hash flooding is no concern for a local file.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(tail) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An interned string id. `Option<Sym>` is four bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

#[derive(Debug, Clone, Default)]
pub struct Interner {
    ids: FastMap<Box<str>, Sym>,
    texts: Vec<Box<str>>,
    last: Option<Sym>,
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> Sym {
        // Sheets repeat a value down a column (a segment, an owner): check
        // the last one before hashing.
        if let Some(last) = self.last {
            if self.get(last) == text {
                return last;
            }
        }
        if let Some(&sym) = self.ids.get(text) {
            self.last = Some(sym);
            return sym;
        }
        // More than u32::MAX - 1 distinct strings cannot come from a sheet
        // that fits in memory; saturate rather than panic.
        let n = u32::try_from(self.texts.len() + 1).unwrap_or(u32::MAX);
        let sym = Sym(NonZeroU32::MIN.saturating_add(n - 1));
        self.texts.push(text.into());
        self.ids.insert(text.into(), sym);
        self.last = Some(sym);
        sym
    }

    pub fn lookup(&self, text: &str) -> Option<Sym> {
        self.ids.get(text).copied()
    }

    pub fn get(&self, sym: Sym) -> &str {
        self.texts.get(sym.index()).map(|s| &**s).unwrap_or("")
    }

    /// Text by dense index (0-based, in interning order).
    pub fn texts_at(&self, index: usize) -> &str {
        self.texts.get(index).map(|s| &**s).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_id() {
        let mut i = Interner::default();
        let a = i.intern("field");
        let b = i.intern("billing");
        assert_eq!(i.intern("field"), a);
        assert_ne!(a, b);
        assert_eq!(i.get(b), "billing");
        assert_eq!(i.len(), 2);
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 4);
    }
}
