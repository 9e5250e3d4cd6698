//! Stable hashing: content ids (`open-…` claims) and the check that a text read twice
//! is the text read once (`ingest`). std's hasher is not stable across releases, and ids
//! must be. The same function as a `Hasher` ([`Fnv`]) keys the maps of link and of the
//! one-pass counts, whose keys are short lexicon ids and numbers.

/// 64-bit FNV-1a: a tiny, stable hash for content ids (std's hasher is not stable across
/// releases, and ids must be).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a as a `Hasher`, for maps keyed by lexicon ids and small numbers (link's keys):
/// several times faster than std's SipHash on such short keys. Only for keys no article
/// chooses: it has no defence against crafted collisions.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` hashed with [`Fnv`].
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A `HashSet` hashed with [`Fnv`].
pub type FnvSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv::default();
        std::hash::Hasher::write(&mut h, b"a");
        assert_eq!(std::hash::Hasher::finish(&h), fnv1a(b"a"));
    }
}
