//! Stable hashing: content ids (`open-…` claims) and the check that a text read twice
//! is the text read once (`ingest`). std's hasher is not stable across releases, and ids
//! must be.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
