//! A small, self-contained compressor for short texts (an LZ77 variant) and URL-safe base64, for
//! putting a sandbox in the address. No crate in the build does deflate, and the texts are a few
//! kilobytes, so a compact codec of our own is smaller than any dependency.
//!
//! Format: a sequence of tokens. A byte `t < 0x80` is followed by `t + 1` literal bytes; a byte
//! `t >= 0x80` copies `(t & 0x7f) + 3` bytes from `distance` bytes back in the output, the distance
//! following as an unsigned LEB128 number (1 or more). Decoding checks every length and distance
//! and stops at [`MAX_OUTPUT`]: malformed input gives an error, never a panic.

use std::collections::HashMap;
use std::fmt;

/// Decoding never produces more than this (1 MiB): a link cannot ask for more memory.
pub const MAX_OUTPUT: usize = 1 << 20;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 0x7f + MIN_MATCH;
const MAX_LITERALS: usize = 0x80;
const WINDOW: usize = 1 << 15;
/// How many earlier positions with the same 3 bytes are tried for each match.
const CHAIN_DEPTH: usize = 48;

/// Why a text could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodecError {
    /// A character that URL-safe base64 does not use, or a length no base64 text has.
    NotBase64,
    /// The compressed data ends in the middle of a token.
    Truncated,
    /// A copy reaches before the start of the output.
    BadDistance,
    /// The decoded data would exceed [`MAX_OUTPUT`].
    TooLarge,
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CodecError::NotBase64 => "contiene caracteres que no forman parte de un enlace de Muelle",
            CodecError::Truncated => "está incompleto (quizá se cortó al copiarlo)",
            CodecError::BadDistance => "está dañado",
            CodecError::TooLarge => "es demasiado grande",
        })
    }
}

/// Compresses `input` (greedy LZ77 with hash chains).
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2 + 8);
    let mut heads: HashMap<[u8; 3], Vec<usize>> = HashMap::new();
    let mut literals_from = 0;
    let mut i = 0;
    while i < input.len() {
        let best = longest_match(input, i, &heads);
        match best {
            Some((length, distance)) => {
                flush_literals(&mut out, input.get(literals_from..i).unwrap_or_default());
                out.push(0x80 | (length - MIN_MATCH) as u8);
                push_leb128(&mut out, distance);
                for p in i..i + length {
                    remember(input, p, &mut heads);
                }
                i += length;
                literals_from = i;
            }
            None => {
                remember(input, i, &mut heads);
                i += 1;
            }
        }
    }
    flush_literals(&mut out, input.get(literals_from..).unwrap_or_default());
    out
}

fn key_at(input: &[u8], at: usize) -> Option<[u8; 3]> {
    input.get(at..at + 3).and_then(|k| k.try_into().ok())
}

fn remember(input: &[u8], at: usize, heads: &mut HashMap<[u8; 3], Vec<usize>>) {
    if let Some(key) = key_at(input, at) {
        heads.entry(key).or_default().push(at);
    }
}

/// The longest earlier copy of the bytes at `at`: (length, distance).
fn longest_match(input: &[u8], at: usize, heads: &HashMap<[u8; 3], Vec<usize>>) -> Option<(usize, usize)> {
    let key = key_at(input, at)?;
    let candidates = heads.get(&key)?;
    let rest = input.get(at..)?;
    let mut best: Option<(usize, usize)> = None;
    for &start in candidates.iter().rev().take(CHAIN_DEPTH) {
        let distance = at - start;
        if distance > WINDOW {
            break;
        }
        // Overlapping copies are allowed (the decoder copies byte by byte).
        let length = (0..rest.len().min(MAX_MATCH))
            .take_while(|&k| input.get(start + k).is_some_and(|b| Some(b) == rest.get(k)))
            .count();
        if length >= MIN_MATCH && best.is_none_or(|(l, _)| length > l) {
            best = Some((length, distance));
            if length == MAX_MATCH {
                break;
            }
        }
    }
    best
}

fn flush_literals(out: &mut Vec<u8>, literals: &[u8]) {
    for chunk in literals.chunks(MAX_LITERALS) {
        out.push((chunk.len() - 1) as u8);
        out.extend_from_slice(chunk);
    }
}

fn push_leb128(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Decompresses what [`compress`] produced; anything else gives an error.
pub fn decompress(input: &[u8]) -> Result<Vec<u8>, CodecError> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len() * 2);
    let mut i = 0;
    while let Some(&tag) = input.get(i) {
        i += 1;
        if tag < 0x80 {
            let n = usize::from(tag) + 1;
            let literals = input.get(i..i + n).ok_or(CodecError::Truncated)?;
            if out.len() + n > MAX_OUTPUT {
                return Err(CodecError::TooLarge);
            }
            out.extend_from_slice(literals);
            i += n;
        } else {
            let length = usize::from(tag & 0x7f) + MIN_MATCH;
            let mut distance: usize = 0;
            let mut shift = 0;
            loop {
                let byte = *input.get(i).ok_or(CodecError::Truncated)?;
                i += 1;
                if shift > 28 {
                    return Err(CodecError::BadDistance);
                }
                distance |= usize::from(byte & 0x7f) << shift;
                shift += 7;
                if byte < 0x80 {
                    break;
                }
            }
            if distance == 0 || distance > out.len() {
                return Err(CodecError::BadDistance);
            }
            if out.len() + length > MAX_OUTPUT {
                return Err(CodecError::TooLarge);
            }
            let start = out.len() - distance;
            for k in start..start + length {
                let byte = *out.get(k).ok_or(CodecError::BadDistance)?;
                out.push(byte);
            }
        }
    }
    Ok(out)
}

const BASE64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding (RFC 4648 §5): safe in an address fragment as it is.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk.first().copied().unwrap_or(0), chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = chunk.len() + 1;
        for k in 0..digits {
            let index = ((n >> (18 - 6 * k)) & 0x3f) as usize;
            out.push(char::from(BASE64_URL.get(index).copied().unwrap_or(b'A')));
        }
    }
    out
}

/// Reads URL-safe base64 (padding `=` forgiven, and `+` `/` of the classic alphabet too).
pub fn from_base64url(text: &str) -> Result<Vec<u8>, CodecError> {
    let text = text.trim_end_matches('=');
    let mut values = Vec::with_capacity(text.len());
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return Err(CodecError::NotBase64),
        };
        values.push(u32::from(v));
    }
    if values.len() % 4 == 1 {
        return Err(CodecError::NotBase64);
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (k, v)| acc | (v << (18 - 6 * k)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(bytes.get(..chunk.len() - 1).unwrap_or_default());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn repeated_text_gets_smaller_and_comes_back() {
        let text = "docker run -d --name web nginx\ndocker ps\ndocker stop web\ndocker rm web\n".repeat(20);
        let packed = compress(text.as_bytes());
        assert!(packed.len() * 5 < text.len(), "{} → {}", text.len(), packed.len());
        assert_eq!(decompress(&packed), Ok(text.into_bytes()));
    }

    #[test]
    fn known_encodings() {
        assert_eq!(compress(b""), Vec::<u8>::new());
        assert_eq!(compress(b"ab"), vec![1, b'a', b'b']);
        // "aaaaaa": one literal, then a copy of 5 from 1 back.
        assert_eq!(compress(b"aaaaaa"), vec![0, b'a', 0x80 | 2, 1]);
        assert_eq!(to_base64url(b"Muelle?>"), "TXVlbGxlPz4");
        assert_eq!(from_base64url("TXVlbGxlPz4="), Ok(b"Muelle?>".to_vec()));
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert_eq!(decompress(&[5, b'a']), Err(CodecError::Truncated));
        assert_eq!(decompress(&[0x80, 1]), Err(CodecError::BadDistance));
        assert_eq!(decompress(&[0, b'a', 0x80]), Err(CodecError::Truncated));
        assert_eq!(decompress(&[0, b'a', 0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), Err(CodecError::BadDistance));
        assert_eq!(from_base64url("ab$c"), Err(CodecError::NotBase64));
        assert_eq!(from_base64url("abcde"), Err(CodecError::NotBase64));
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        // One literal, then copies of 130 bytes for ever.
        let mut bomb = vec![0, b'x'];
        for _ in 0..10_000 {
            bomb.extend_from_slice(&[0xff, 1]);
        }
        assert_eq!(decompress(&bomb), Err(CodecError::TooLarge));
    }

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            prop_assert_eq!(decompress(&compress(&bytes)), Ok(bytes.clone()));
            prop_assert_eq!(from_base64url(&to_base64url(&bytes)), Ok(bytes));
        }

        #[test]
        fn round_trip_of_repetitive_text(parts in proptest::collection::vec("(docker|run|ps|-d|nginx| |\n){1,6}", 0..300)) {
            let text = parts.concat();
            prop_assert_eq!(decompress(&compress(text.as_bytes())), Ok(text.into_bytes()));
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), text in "\\PC{0,200}") {
            let _ = decompress(&bytes);
            let _ = from_base64url(&text);
        }

        #[test]
        fn base64url_uses_only_safe_characters(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = to_base64url(&bytes);
            prop_assert!(text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'), "{}", text);
        }
    }
}
