//! String interning: repeated texts (owners, phases, channels …) are stored
//! once, and rows hold a four-byte id.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::num::NonZeroU32;

/// A small, fast, non-cryptographic hasher (after the Fx hash of rustc, with
/// a folded multiply and a final mix) for interning: sheet text is short and hashing it with SipHash was a tenth of
/// the time to read a million rows. Hash flooding is no concern for a local file.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    /// One word in: a folded multiply (the high and low halves of the
    /// 128-bit product, xor-ed), so every bit of the word reaches every bit of
    /// the state. The plain Fx step (rotate, xor, 64-bit multiply) carried low
    /// bits upward only, and names that differ only towards their end
    /// (`s100001`, `s100002`, `Kundin Nummer 17 …`) piled into a few buckets.
    fn add(&mut self, word: u64) {
        let product = u128::from(self.0 ^ word) * u128::from(SEED);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
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

    /// The state with a final mix (the finaliser of SplitMix64): `hashbrown`
    /// picks a bucket from the low bits and a tag from the top seven, and
    /// both must depend on the whole text.
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
}

/// Whether `a` and `b` are the same text: `a == b`, with no call into the
/// C library for the short texts of a sheet's cells (names of steps and
/// cases are compared with the last row's on every row).
#[inline]
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two words that overlap cover the text: its first and last bytes.
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

/// The four bytes of `s` from `at` (there are at least that many).
#[inline(always)]
fn word4(s: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_le_bytes(w)
}

/// The eight bytes of `s` from `at` (there are at least that many).
#[inline(always)]
fn word8(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_le_bytes(w)
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
            if same_text(self.get(last), text) {
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

    /// The text interned last, if it is `text`: what [`Interner::intern`]
    /// gives for it, with nothing to change.
    #[inline]
    pub fn last_is(&self, text: &str) -> Option<Sym> {
        let last = self.last?;
        same_text(self.get(last), text).then_some(last)
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

    proptest::proptest! {
        #[test]
        fn prop_same_text_is_equality(
            a in "[ab]{0,20}",
            b in "[ab]{0,20}",
            tail in "[a-zé]{0,3}",
        ) {
            let (a, b) = (format!("{a}{tail}"), format!("{b}{tail}"));
            proptest::prop_assert_eq!(same_text(&a, &b), a == b);
            proptest::prop_assert!(same_text(&a, &a.clone()));
        }
    }

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

    /// Names that differ only in their last characters must spread over the
    /// table: counted as how many names share a bucket (the low bits) and a
    /// tag (the top seven bits) of a 2^20 table, not timed.
    /// SplitMix64: a fixed stand-in for random bits.
    fn mix(x: u64) -> u64 {
        let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    #[test]
    fn similar_names_spread_over_buckets() {
        use std::collections::HashSet;
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<FxHasher>::default();
        let n = 200_000u32;
        for name in [
            |i: u32| format!("s{i}"),
            |i: u32| format!("case-{i:08}"),
            |i: u32| format!("{i:x}"),
            |i: u32| format!("Kundin Nummer {i} aus der Umfrage"),
            // Random hex case names and UUIDs, as survey tools export them:
            // the case table (`TableBuilder::case_named`) hashes them with
            // this hasher, so a clash here is work per row there.
            |i: u32| format!("{:016x}", mix(u64::from(i))),
            |i: u32| {
                let (a, b) = (mix(u64::from(i)), mix(u64::from(i) + (1 << 40)));
                format!(
                    "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
                    a >> 32,
                    (a >> 16) & 0xffff,
                    a & 0xfff,
                    (b >> 48) & 0xfff,
                    b & 0xffff_ffff_ffff
                )
            },
        ] {
            let mut slots = HashSet::new();
            for i in 0..n {
                let h = build.hash_one(name(i).as_str());
                slots.insert((h & ((1 << 20) - 1), h >> 57));
            }
            // A uniform hash gives n distinct slots almost surely (n² / 2^28
            // expected clashes ≈ 150); the unmixed one gave a few thousand.
            assert!(
                slots.len() as u32 > n - n / 100,
                "{} of {n}: {}",
                slots.len(),
                name(1)
            );
        }
    }
}
