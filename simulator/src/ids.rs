//! Deterministic identifiers: every ID and random choice comes from a seeded generator,
//! never from an OS random source.

use sha2::{Digest, Sha256};

/// Lower-case hex of the sha256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0xf] {
            s.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
    s
}

/// A seeded generator of 64-hex IDs and small random numbers.
#[derive(Debug, Clone)]
pub struct IdGen {
    seed: u64,
    counter: u64,
}

impl IdGen {
    pub fn new(seed: u64) -> Self {
        Self { seed, counter: 0 }
    }

    /// A fresh 64-character lower-case hex ID (like a container ID).
    pub fn next_id(&mut self) -> String {
        self.counter += 1;
        let mut input = self.seed.to_le_bytes().to_vec();
        input.extend_from_slice(&self.counter.to_le_bytes());
        sha256_hex(&input)
    }

    /// A pseudo-random u64 (splitmix64 over the counter).
    pub fn next_u64(&mut self) -> u64 {
        self.counter += 1;
        let mut z = self.seed.wrapping_add(self.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_deterministic_and_distinct() {
        let mut a = IdGen::new(7);
        let mut b = IdGen::new(7);
        let (x, y) = (a.next_id(), a.next_id());
        assert_eq!(x, b.next_id());
        assert_ne!(x, y);
        assert_eq!(x.len(), 64);
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
