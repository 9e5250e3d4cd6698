//! Hashing: content ids (`open-…` claims, stable: std's hasher is not stable across
//! releases, and ids must be), and the check that a text read twice is the text read once
//! (`ingest`, a faster checksum). The same function as a `Hasher` ([`Fnv`]) keys the maps of link and of the
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

/// A fast checksum of bytes, eight at a time: whether a text read twice is the text
/// read once (`ingest::Pending`). Not stable across versions, so never an id; like any
/// 64-bit hash, it catches accidental changes, not crafted ones.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(31);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    chunks.remainder().iter().fold(h, |h, &b| mix(h, u64::from(b)))
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

    #[test]
    fn the_checksum_sees_a_changed_byte_anywhere() {
        let text = "قالت مصادر محلية إن قوات النظام انسحبت من عين عيسى.".repeat(3);
        let sum = checksum(text.as_bytes());
        for at in 0..text.len() {
            let mut changed = text.clone().into_bytes();
            changed[at] ^= 1;
            assert_ne!(checksum(&changed), sum, "byte {at}");
        }
        assert_ne!(checksum(b"ab"), checksum(b"ab\0"));
    }
}
