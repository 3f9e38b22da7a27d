//! String interning: repeated texts (owners, phases, channels …) are stored
//! once, and rows hold a four-byte id.

use std::collections::HashMap;
use std::num::NonZeroU32;

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
    ids: HashMap<Box<str>, Sym>,
    texts: Vec<Box<str>>,
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(&sym) = self.ids.get(text) {
            return sym;
        }
        // More than u32::MAX - 1 distinct strings cannot come from a sheet
        // that fits in memory; saturate rather than panic.
        let n = u32::try_from(self.texts.len() + 1).unwrap_or(u32::MAX);
        let sym = Sym(NonZeroU32::MIN.saturating_add(n - 1));
        self.texts.push(text.into());
        self.ids.insert(text.into(), sym);
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
