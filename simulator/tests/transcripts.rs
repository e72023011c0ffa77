//! Golden transcript tests: the simulator against transcripts captured from a real Docker Engine 28.5
//! (CLI 28.2), see `tests/goldens/README.md` for how they were captured.
//!
//! For every `tests/goldens/docker/NN-name.txt`, the commands are run in order through one fresh
//! [`simulator::Session::real_docker_fixture`] (busybox:latest + mini:1.0, like the capture engine), and each
//! command's output and exit code are compared with the real ones after normalisation.
//!
//! # Normalisation
//!
//! Both sides go through the same transcript format first: the simulator's output is rendered with
//! [`simulator::transcript::render_entry`] and parsed back with [`simulator::transcript::parse`], exactly as
//! the golden file is parsed, so the format loses the same things on both sides.
//!
//! Then, in this order (rules 1–2 apply to the real side only: they undo quirks of the capture machine):
//!
//! 1. Capture paths: `/tmp/real-docker/data` → `/var/lib/docker`, `/tmp/real-docker/exec` → `/var/run/docker`,
//!    `/tmp/real-docker/client-config` → `<DOCKER_CONFIG>`. On the simulated side, a path ending in `/.docker`
//!    (as in `'/root/.docker/config.json'`) becomes `<DOCKER_CONFIG>`.
//!    The capture's working folder `/tmp/golden-XXXXXX` → `/home/estudiante` (compose prints file paths).
//! 2. Debian version suffixes right after a version number: `+dfsg4`, `+ds1`, `+ds1-1`, `+unknown` are
//!    removed (`28.5.2+dfsg4` → `28.5.2`).
//! 3. `docker version`: the platform name after `Client:` / `Server:` is dropped (the Debian build has
//!    none, docker-ce prints `Docker Engine - Community`); in the `Server:` section the values of
//!    `Git commit:`, `Go version:`, `Built:`, `GitCommit:` and the `Version:` of `containerd` and `runc`
//!    become `<BUILD>` (they describe the capture engine's Debian build). The engine's own `Version:` stays.
//! 4. Docker Hub network errors: from `dial tcp` to the end of the line → `<NETWORK-ERROR>` (the capture
//!    machine has no internet; the tail names its DNS server).
//! 5. `multiple IDs found with provided prefix: X` → `… prefix: <PREFIX>` (the ambiguous prefix is computed
//!    from random IDs).
//!    Swarm IDs (25 characters of `[0-9a-z]`) → `<SWARM-ID>`, their 12-character short form (when not
//!    hex) → `<SWARM-ID:12>`; join tokens `SWMTKN-1-…` → `<SWARM-TOKEN>` (rule 5b).
//! 6. Times: RFC 3339 (`2026-11-29T22:59:12.598452032Z`) and Go's default layout
//!    (`2026-11-29 22:59:12 +0000 UTC`) → `<TIME>`. The zero time `0001-01-01T00:00:00Z` is kept.
//! 7. Sizes (`1.98MB`, `4.26kB`, `0B`, `328KiB`, `23.54GiB`) → `<SIZE>`; percentages (`0.00%`) → `<PCT>`.
//! 8. Human durations (`Less than a second`, `1 second`, `2 seconds`, `About a minute`, `3 hours`, …) →
//!    `<DURATION>`; the words around them stay (`Up <DURATION>`, `Exited (0) <DURATION> ago`).
//! 9. Hex IDs: every 64-hex or 12-hex word (container and image IDs, digests after `sha256:`, layer IDs,
//!    hostnames) is numbered in order of first appearance within the file, separately on each side; a
//!    12-hex word that is the start of a 64-hex one (or the reverse) gets the same number. A shorter hex
//!    word (4–63 characters, with a digit and a letter) that starts a known ID is that ID's prefix. They
//!    print as `<ID3>` (64 hex), `<ID3:12>` (12 hex), `<ID3:6>` (6-hex prefix).
//! 10. Only in an output where rule 6, 7 or 8 replaced something: runs of two or more spaces after the
//!     first non-blank character of a line become exactly two spaces, because table padding follows the
//!     width of the replaced cells. Indentation is kept.
//!
//! 11. `docker build` (BuildKit's plain progress): concurrent blocks sorted and renumbered, step
//!     times and output times → `<T>`, random checksum references → `<REF>`; applied first, see
//!     `tests/support/buildkit_progress.rs`.
//!
//! A command matches when the exit codes are equal, the normalised outputs are equal with every ID
//! written without its number, and the IDs pair up consistently: the real ID numbered 3 must correspond to
//! the same simulated ID in every matching command of the file (a one-to-one pairing, learnt from the
//! commands that matched before). So "the same ID twice" must be the same ID on both sides, and a command
//! the simulator does not implement yet does not shift the numbers of the commands after it.
//!
//! # Ratchet
//!
//! `tests/goldens/docker/known-gaps.txt` lists `file.txt:N` (N = the command's 1-based position in the
//! file) for the commands that do not match yet. The test fails when a command that is not listed does not
//! match (and prints a diff), when a listed command matches (remove it from the list), when the list names
//! a command that does not exist, when a golden file disagrees with its `.cmds` file, and when the
//! simulator panics. `UPDATE_KNOWN_GAPS=1 cargo test -p simulator --test transcripts` rewrites the list
//! from the current results. At most 25 diffs are printed; `TRANSCRIPTS_MAX_DIFFS=N` changes that.
//!
//! `GOLDENS_COMPARE_WITH=<dir>` makes [`real_captures_agree`] compare the goldens with a second real
//! capture (same rules on both sides), to find commands whose real output is not reproducible.

#![allow(clippy::disallowed_methods)] // test code: the std sorts never reach the browser bundle

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use simulator::transcript::{self, Entry};
use simulator::Session;

#[path = "support/buildkit_progress.rs"]
mod buildkit_progress;

const GOLDEN_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/goldens/docker");
const KNOWN_GAPS: &str = "known-gaps.txt";
/// How many diffs of unexpected mismatches are printed in full (`TRANSCRIPTS_MAX_DIFFS` overrides it).
const MAX_DIFFS: usize = 25;

fn max_diffs() -> usize {
    std::env::var("TRANSCRIPTS_MAX_DIFFS").ok().and_then(|v| v.parse().ok()).unwrap_or(MAX_DIFFS)
}

// ---------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Real,
    Simulated,
}

/// The IDs seen so far on one side of one file, in order of first appearance (longest form kept).
#[derive(Default)]
struct IdRegistry {
    known: Vec<String>,
}

impl IdRegistry {
    /// Number of a 12- or 64-hex word, registering it if it is new.
    fn number(&mut self, hex: &str) -> usize {
        for (i, known) in self.known.iter_mut().enumerate() {
            if known.starts_with(hex) {
                return i;
            }
            if hex.starts_with(known.as_str()) {
                *known = hex.to_string();
                return i;
            }
        }
        self.known.push(hex.to_string());
        self.known.len() - 1
    }

    /// Number of the known ID that `hex` is a prefix of, if exactly one.
    fn prefix_of(&self, hex: &str) -> Option<usize> {
        let mut found = self.known.iter().enumerate().filter(|(_, k)| k.starts_with(hex));
        let first = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some(first.0)
    }
}

/// A piece of normalised output.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Text(String),
    /// An ID: its number on its side and how many hex characters were shown.
    Id { number: usize, len: usize },
}

/// One command's output after normalisation.
#[derive(Debug, Clone)]
struct Normalised {
    segments: Vec<Segment>,
}

impl Normalised {
    /// The text with every ID written without its number: what must be equal on both sides.
    fn skeleton(&self) -> String {
        self.render(|_| String::new())
    }

    fn ids(&self) -> Vec<usize> {
        self.segments
            .iter()
            .filter_map(|s| match s {
                Segment::Id { number, .. } => Some(*number),
                Segment::Text(_) => None,
            })
            .collect()
    }

    /// Renders the text, naming each ID number with `name`.
    fn render(&self, name: impl Fn(usize) -> String) -> String {
        let mut out = String::new();
        for s in &self.segments {
            match s {
                Segment::Text(t) => out.push_str(t),
                Segment::Id { number, len } => {
                    let n = name(*number);
                    if *len == 64 {
                        let _ = write!(out, "<ID{n}>");
                    } else {
                        let _ = write!(out, "<ID{n}:{len}>");
                    }
                }
            }
        }
        out
    }
}

/// Markers around an ID inside a string being normalised (private-use characters, never in Docker output).
const ID_OPEN: char = '\u{E000}';
const ID_CLOSE: char = '\u{E001}';

/// Normalises the outputs of one side of one file, command after command.
struct Normaliser {
    side: Side,
    ids: IdRegistry,
}

impl Normaliser {
    fn new(side: Side) -> Self {
        Self { side, ids: IdRegistry::default() }
    }

    fn normalise(&mut self, output: &str) -> Normalised {
        let mut text = output.to_string();
        // 1–2: capture machine quirks.
        match self.side {
            Side::Real => {
                text = text
                    .replace("/tmp/real-docker/client-config", "<DOCKER_CONFIG>")
                    .replace("/tmp/real-docker/data", "/var/lib/docker")
                    .replace("/tmp/real-docker/exec", "/var/run/docker");
                text = rewrite(&text, debian_suffix);
                text = rewrite(&text, golden_work_dir);
            }
            Side::Simulated => text = rewrite(&text, docker_config_path),
        }
        // 11 (first: it reorders BuildKit's blocks before IDs are numbered).
        text = buildkit_progress::normalise(&text);
        // 3–5.
        text = server_build_fields(&text);
        text = replace_line_tail(&text, "dial tcp", "<NETWORK-ERROR>", false);
        text = replace_line_tail(&text, "multiple IDs found with provided prefix: ", "<PREFIX>", true);
        text = rewrite(&text, swarm_id);
        // 6–8.
        let before = text.clone();
        text = rewrite(&text, timestamp);
        text = rewrite(&text, size_or_percent);
        text = rewrite(&text, duration);
        let cells_replaced = text != before;
        // 9.
        text = self.number_ids(&text);
        // 10.
        if cells_replaced {
            text = collapse_padding(&text);
        }
        Normalised { segments: segments(&text) }
    }

    fn number_ids(&mut self, text: &str) -> String {
        let ids = &mut self.ids;
        rewrite(text, |b, i| {
            if i > 0 && b.get(i - 1).is_some_and(|c| is_word_byte(*c)) {
                return None;
            }
            let len = b.get(i..)?.iter().take_while(|c| is_lower_hex(**c)).count();
            if len == 0 || b.get(i + len).is_some_and(|c| is_word_byte(*c)) {
                return None;
            }
            let hex = std::str::from_utf8(b.get(i..i + len)?).ok()?;
            let number = if len == 12 || len == 64 {
                ids.number(hex)
            } else if (4..64).contains(&len)
                && hex.bytes().any(|c| c.is_ascii_digit())
                && hex.bytes().any(|c| c.is_ascii_lowercase())
            {
                ids.prefix_of(hex)?
            } else {
                return None;
            };
            Some((i + len, format!("{ID_OPEN}{number}:{len}{ID_CLOSE}")))
        })
    }
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn is_lower_hex(c: u8) -> bool {
    c.is_ascii_digit() || (b'a'..=b'f').contains(&c)
}

/// Rewrites `text`: at each byte position, `at(bytes, pos)` may claim the bytes up to an end position and
/// give their replacement. Every pattern is ASCII, so untouched bytes are copied as they are.
fn rewrite(text: &str, mut at: impl FnMut(&[u8], usize) -> Option<(usize, String)>) -> String {
    let b = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match at(b, i) {
            Some((end, replacement)) if end > i => {
                out.extend_from_slice(replacement.as_bytes());
                i = end;
            }
            _ => {
                if let Some(c) = b.get(i) {
                    out.push(*c);
                }
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Number of ASCII digits at `i`.
fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// `N` digits exactly at `i`, then returns the position after them.
fn exact_digits(b: &[u8], i: usize, n: usize) -> Option<usize> {
    (digits(b, i) >= n).then_some(i + n)
}

fn byte_is(b: &[u8], i: usize, c: u8) -> Option<usize> {
    (b.get(i) == Some(&c)).then_some(i + 1)
}

fn starts(b: &[u8], i: usize, s: &str) -> Option<usize> {
    b.get(i..)?.starts_with(s.as_bytes()).then_some(i + s.len())
}

/// Rule 2: `+dfsg4`, `+ds1`, `+ds1-1`, `+unknown` right after a digit.
fn debian_suffix(b: &[u8], i: usize) -> Option<(usize, String)> {
    if i == 0 || !b.get(i - 1)?.is_ascii_digit() || b.get(i) != Some(&b'+') {
        return None;
    }
    let end = if let Some(e) = starts(b, i, "+unknown") {
        e
    } else if let Some(e) = starts(b, i, "+dfsg") {
        e + digits(b, e)
    } else if let Some(e) = starts(b, i, "+ds") {
        let e = e + digits(b, e);
        match byte_is(b, e, b'-') {
            Some(d) if digits(b, d) > 0 => d + digits(b, d),
            _ => e,
        }
    } else {
        return None;
    };
    Some((end, String::new()))
}

/// Rule 1 (simulated side): a path ending in `/.docker` → `<DOCKER_CONFIG>`.
/// Rule 5b: Swarm's random IDs (25 characters of `[0-9a-z]` with a digit and a letter: nodes,
/// secrets, services, tasks) → `<SWARM-ID>`, and join tokens (`SWMTKN-1-…`) → `<SWARM-TOKEN>`.
fn swarm_id(b: &[u8], i: usize) -> Option<(usize, String)> {
    if i > 0 && b.get(i - 1).is_some_and(|c| is_word_byte(*c)) {
        return None;
    }
    let alnum = |c: &u8| c.is_ascii_digit() || c.is_ascii_lowercase();
    if let Some(rest) = b.get(i..).filter(|r| r.starts_with(b"SWMTKN-1-")) {
        let root = rest.get(9..)?.iter().take_while(|c| alnum(c)).count();
        let tail = rest.get(9 + root + 1..)?.iter().take_while(|c| alnum(c)).count();
        if root == 50 && rest.get(9 + root) == Some(&b'-') && tail == 25 {
            return Some((i + 9 + root + 1 + tail, "<SWARM-TOKEN>".to_string()));
        }
        return None;
    }
    let word = b.get(i..)?;
    let len = word.iter().take_while(|c| alnum(c)).count();
    let id = word.get(..len)?;
    if len == 25 && !word.get(len).is_some_and(|c| is_word_byte(*c)) && id.iter().any(u8::is_ascii_digit) && id.iter().any(u8::is_ascii_lowercase) {
        return Some((i + len, "<SWARM-ID>".to_string()));
    }
    // The 12-character short form (`docker service ls`), when it cannot be a hex ID.
    let not_hex = id.iter().any(|c| (b'g'..=b'z').contains(c));
    if len == 12 && not_hex && id.iter().any(u8::is_ascii_digit) && !word.get(len).is_some_and(|c| is_word_byte(*c)) {
        return Some((i + len, "<SWARM-ID:12>".to_string()));
    }
    None
}

fn docker_config_path(b: &[u8], i: usize) -> Option<(usize, String)> {
    let is_path = |c: u8| c.is_ascii_alphanumeric() || b"/._-~".contains(&c);
    if b.get(i) != Some(&b'/') && b.get(i) != Some(&b'~') {
        return None;
    }
    if i > 0 && b.get(i - 1).is_some_and(|c| is_path(*c)) {
        return None;
    }
    let len = b.get(i..)?.iter().take_while(|c| is_path(**c)).count();
    let path = std::str::from_utf8(b.get(i..i + len)?).ok()?;
    let at = path.find("/.docker")?;
    let end = at + "/.docker".len();
    if path.len() > end && !path[end..].starts_with('/') {
        return None;
    }
    Some((i + end, "<DOCKER_CONFIG>".to_string()))
}

/// Rule 3: `docker version` — the platform names after `Client:`/`Server:`, and in the `Server:` section
/// the build fields and the versions of the containerd and runc components.
fn server_build_fields(text: &str) -> String {
    const KEYS: [&str; 4] = ["Git commit:", "Go version:", "Built:", "GitCommit:"];
    let mut out = String::with_capacity(text.len());
    let mut in_server = false;
    let mut component = "";
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let newline = if line.ends_with('\n') { "\n" } else { "" };
        let trimmed = body.trim_start();
        let indent = body.len() - trimmed.len();
        if let Some(section) = ["Client:", "Server:"].iter().find(|s| body.starts_with(**s)) {
            in_server = *section == "Server:";
            component = "";
            out.push_str(section);
            out.push_str(newline);
            continue;
        }
        if !body.is_empty() && indent == 0 {
            in_server = false;
        }
        if in_server && indent == 1 && trimmed.ends_with(':') {
            component = trimmed;
        }
        let is_build_field = KEYS.iter().any(|k| trimmed.starts_with(*k))
            || (trimmed.starts_with("Version:") && (component == "containerd:" || component == "runc:"));
        match trimmed.split_once(':') {
            Some((key, rest)) if in_server && is_build_field => {
                let pad = rest.len() - rest.trim_start().len();
                out.push_str(&body[..indent + key.len() + 1 + pad]);
                out.push_str("<BUILD>");
                out.push_str(newline);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Rules 4–5: from `marker` to the end of the line → `replacement` (the marker kept when `keep_marker`).
fn replace_line_tail(text: &str, marker: &str, replacement: &str, keep_marker: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        match body.find(marker) {
            Some(at) => {
                out.push_str(&body[..at]);
                if keep_marker {
                    out.push_str(marker);
                }
                out.push_str(replacement);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Rule 6: RFC 3339 and Go's `2006-01-02 15:04:05.999 -0700 MST`.
/// The capture's temporary working folder (`/tmp/golden-XXXXXX`) is the learner's home on the
/// simulated side (compose prints absolute paths of its files).
fn golden_work_dir(b: &[u8], i: usize) -> Option<(usize, String)> {
    const PREFIX: &[u8] = b"/tmp/golden-";
    if !b.get(i..)?.starts_with(PREFIX) {
        return None;
    }
    let start = i + PREFIX.len();
    let n = b.get(start..)?.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if n != 6 {
        return None;
    }
    Some((start + n, "/home/estudiante".to_string()))
}

fn timestamp(b: &[u8], i: usize) -> Option<(usize, String)> {
    if i > 0 && b.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let date = (|| {
        let p = exact_digits(b, i, 4)?;
        let p = byte_is(b, p, b'-')?;
        let p = exact_digits(b, p, 2)?;
        let p = byte_is(b, p, b'-')?;
        exact_digits(b, p, 2)
    })()?;
    let sep = *b.get(date)?;
    if sep != b'T' && sep != b' ' {
        return None;
    }
    let p = exact_digits(b, date + 1, 2)?;
    let p = byte_is(b, p, b':')?;
    let p = exact_digits(b, p, 2)?;
    let p = byte_is(b, p, b':')?;
    let mut p = exact_digits(b, p, 2)?;
    if let Some(d) = byte_is(b, p, b'.') {
        if digits(b, d) > 0 {
            p = d + digits(b, d);
        }
    }
    let end = if sep == b'T' {
        if let Some(e) = byte_is(b, p, b'Z') {
            e
        } else {
            let s = byte_is(b, p, b'+').or_else(|| byte_is(b, p, b'-'))?;
            let e = exact_digits(b, s, 2)?;
            let e = byte_is(b, e, b':')?;
            exact_digits(b, e, 2)?
        }
    } else {
        let s = byte_is(b, p, b' ')?;
        let s = byte_is(b, s, b'+').or_else(|| byte_is(b, s, b'-'))?;
        let e = exact_digits(b, s, 4)?;
        let z = byte_is(b, e, b' ')?;
        // `UTC`, or `utc` as `docker secret inspect --pretty` prints it.
        let zone = b.get(z..)?.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if zone == 0 {
            return None;
        }
        z + zone
    };
    if b.get(i..end)?.starts_with(b"0001-01-01T00:00:00Z") {
        return None;
    }
    Some((end, "<TIME>".to_string()))
}

/// Rule 7: a number followed by a size unit, or by `%`.
fn size_or_percent(b: &[u8], i: usize) -> Option<(usize, String)> {
    const UNITS: [&str; 9] = ["KiB", "MiB", "GiB", "TiB", "kB", "MB", "GB", "TB", "B"];
    if i > 0 && b.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.') {
        return None;
    }
    let mut p = i + digits(b, i);
    if p == i {
        return None;
    }
    if let Some(d) = byte_is(b, p, b'.') {
        if digits(b, d) > 0 {
            p = d + digits(b, d);
        }
    }
    let (end, placeholder) = if let Some(e) = byte_is(b, p, b'%') {
        (e, "<PCT>")
    } else {
        let e = UNITS.iter().find_map(|u| starts(b, p, u))?;
        (e, "<SIZE>")
    };
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((end, placeholder.to_string()))
}

/// Rule 8: go-units' `HumanDuration` wording.
fn duration(b: &[u8], i: usize) -> Option<(usize, String)> {
    const PHRASES: [&str; 3] = ["Less than a second", "About a minute", "About an hour"];
    const UNITS: [&str; 14] = [
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months",
        "month", "years", "year",
    ];
    if i > 0 && b.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let end = if let Some(e) = PHRASES.iter().find_map(|p| starts(b, i, p)) {
        e
    } else {
        let n = digits(b, i);
        if n == 0 {
            return None;
        }
        let s = byte_is(b, i + n, b' ')?;
        UNITS.iter().find_map(|u| starts(b, s, u))?
    };
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((end, "<DURATION>".to_string()))
}

/// Rule 10: runs of 2+ spaces after the first non-blank character of each line → two spaces.
fn collapse_padding(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[..indent]);
        let mut spaces = 0;
        for c in line[indent..].chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match spaces {
                0 => {}
                1 => out.push(' '),
                _ => out.push_str("  "),
            }
            spaces = 0;
            out.push(c);
        }
        match spaces {
            0 => {}
            1 => out.push(' '),
            _ => out.push_str("  "),
        }
    }
    out
}

/// Splits a string with ID markers into segments.
fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(ID_OPEN) {
        let Some(close) = rest[open..].find(ID_CLOSE).map(|c| c + open) else { break };
        if open > 0 {
            out.push(Segment::Text(rest[..open].to_string()));
        }
        let inner = &rest[open + ID_OPEN.len_utf8()..close];
        let (number, len) = inner.split_once(':').unwrap_or(("0", "0"));
        out.push(Segment::Id { number: number.parse().unwrap_or(0), len: len.parse().unwrap_or(0) });
        rest = &rest[close + ID_CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest.to_string()));
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Comparison of one file
// ---------------------------------------------------------------------------------------------------

/// The outcome of one command.
struct CommandResult {
    /// 1-based position of the command in its file.
    index: usize,
    command: String,
    matched: bool,
    panicked: bool,
    /// A unified-style diff, filled in only when the command does not match.
    diff: String,
}

/// A one-to-one pairing of real ID numbers with simulated ID numbers, learnt from matching commands.
#[derive(Default, Clone)]
struct IdPairing {
    real_to_sim: HashMap<usize, usize>,
    sim_to_real: HashMap<usize, usize>,
}

impl IdPairing {
    /// Whether the pairs agree with what is known (without recording them).
    fn consistent(&self, pairs: &[(usize, usize)]) -> bool {
        let mut r2s = HashMap::new();
        let mut s2r = HashMap::new();
        pairs.iter().all(|&(r, s)| {
            let ok_r = self.real_to_sim.get(&r).or(r2s.get(&r)).is_none_or(|&k| k == s);
            let ok_s = self.sim_to_real.get(&s).or(s2r.get(&s)).is_none_or(|&k| k == r);
            r2s.insert(r, s);
            s2r.insert(s, r);
            ok_r && ok_s
        })
    }

    fn record(&mut self, pairs: &[(usize, usize)]) {
        for &(r, s) in pairs {
            self.real_to_sim.insert(r, s);
            self.sim_to_real.insert(s, r);
        }
    }
}

/// Runs one command, turning a panic into an entry (the panic message itself goes to stderr).
fn run_command(session: &mut Session, command: &str) -> (Entry, bool) {
    // capture.sh runs every line with its own `bash -c` in the work folder: a `cd` does not carry over.
    session.shell.cwd = String::new();
    let result = catch_unwind(AssertUnwindSafe(|| transcript::run_lines(session, [command])));
    match result {
        Ok(entries) => match entries.into_iter().next() {
            Some(entry) => (entry, false),
            None => (Entry { command: command.to_string(), output: String::new(), exit_code: -1 }, false),
        },
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let output = format!("<simulator panicked: {message}>\n");
            (Entry { command: command.to_string(), output, exit_code: 101 }, true)
        }
    }
}

/// Passes an entry through the transcript format, as the golden file went.
fn through_transcript_format(entry: &Entry) -> Entry {
    let text = transcript::render_entry(&entry.command, &entry.output, entry.exit_code);
    transcript::parse(&text).into_iter().next().unwrap_or_else(|| entry.clone())
}

/// Replays a golden file through a fresh simulator session and compares.
fn compare_file(name: &str, expected: &[Entry]) -> Vec<CommandResult> {
    let mut session = Session::real_docker_fixture();
    compare_entries(name, expected, Side::Simulated, |exp| {
        let (actual, panicked) = run_command(&mut session, &exp.command);
        (through_transcript_format(&actual), panicked)
    })
}

/// Compares each expected entry with what `actual` gives for it (an entry and whether it panicked);
/// `actual_side` says which normalisation rules apply to the actual outputs.
fn compare_entries(
    name: &str,
    expected: &[Entry],
    actual_side: Side,
    mut actual: impl FnMut(&Entry) -> (Entry, bool),
) -> Vec<CommandResult> {
    let mut real = Normaliser::new(Side::Real);
    let mut sim = Normaliser::new(actual_side);
    let mut pairing = IdPairing::default();
    let mut results = Vec::new();
    for (i, exp) in expected.iter().enumerate() {
        let (actual, panicked) = actual(exp);
        let e = real.normalise(&exp.output);
        let a = sim.normalise(&actual.output);
        let (e_ids, a_ids) = (e.ids(), a.ids());
        let same_text = e.skeleton() == a.skeleton() && e_ids.len() == a_ids.len();
        let pairs: Vec<(usize, usize)> = e_ids.iter().copied().zip(a_ids.iter().copied()).collect();
        let matched = !panicked && exp.exit_code == actual.exit_code && same_text && pairing.consistent(&pairs);
        let mut diff = String::new();
        if matched {
            pairing.record(&pairs);
        } else {
            // For display only: pair this command's IDs by position where that agrees with what is known.
            let mut shown = pairing.clone();
            for pair in &pairs {
                if shown.consistent(std::slice::from_ref(pair)) {
                    shown.record(std::slice::from_ref(pair));
                }
            }
            let expected_text = with_exit_line(&e.render(|n| (n + 1).to_string()), exp.exit_code);
            let actual_text = with_exit_line(
                &a.render(|n| match shown.sim_to_real.get(&n) {
                    Some(r) => (r + 1).to_string(),
                    None => format!("?{}", n + 1),
                }),
                actual.exit_code,
            );
            let _ = writeln!(diff, "--- expected (real Docker) {name}:{} $ {}", i + 1, exp.command);
            let _ = writeln!(diff, "+++ actual (simulator)");
            diff.push_str(&unified_diff(&expected_text, &actual_text));
            if same_text && exp.exit_code == actual.exit_code && !panicked {
                diff.push_str("  (the texts are equal but the IDs do not pair up with earlier commands;\n");
                diff.push_str("   <ID?n> is a simulated ID not paired with a real one yet)\n");
            }
        }
        results.push(CommandResult { index: i + 1, command: exp.command.clone(), matched, panicked, diff });
    }
    results
}

/// An output followed by its exit line, as in a transcript (without the command line).
fn with_exit_line(output: &str, exit_code: i32) -> String {
    let rendered = transcript::render_entry("", output, exit_code);
    rendered.strip_prefix("$ \n").unwrap_or(&rendered).to_string()
}

/// A line diff (longest common subsequence): ` ` same, `-` expected only, `+` actual only.
#[allow(clippy::indexing_slicing)] // every index is bounded by the loop conditions
fn unified_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let (n, m) = (e.len(), a.len());
    // lcs[i][j] = LCS length of e[i..] and a[j..], stored flat.
    let mut lcs = vec![0usize; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if e[i] == a[j] { lcs[at(i + 1, j + 1)] + 1 } else { lcs[at(i + 1, j)].max(lcs[at(i, j + 1)]) };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && e[i] == a[j] {
            let _ = writeln!(out, "  {}", e[i]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            let _ = writeln!(out, "- {}", e[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "+ {}", a[j]);
            j += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Golden files and the known-gaps list
// ---------------------------------------------------------------------------------------------------

fn golden_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.extension().is_some_and(|x| x == "txt") && p.file_name().is_some_and(|n| n != KNOWN_GAPS)
    });
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The commands of a `.cmds` file, as `capture.sh` runs them.
fn cmds_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// `file.txt:N` keys of the known-gaps list (first word of each line; `#` starts a comment).
fn read_known_gaps(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| !w.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn write_known_gaps(path: &Path, gaps: &[(String, String)]) -> std::io::Result<()> {
    let mut text = String::from(
        "# Commands of tests/goldens/docker/*.txt whose simulator output does not match real Docker yet.\n\
         # One `file.txt:N` per line (N = the command's 1-based position in the file), then the command.\n\
         # The transcripts test fails if a command not listed here mismatches, or if a listed one now matches.\n\
         # Regenerate: UPDATE_KNOWN_GAPS=1 cargo test -p simulator --test transcripts\n",
    );
    for (key, command) in gaps {
        let _ = writeln!(text, "{key}\t{command}");
    }
    std::fs::write(path, text)
}

#[test]
fn simulator_matches_real_docker_transcripts() {
    let dir = Path::new(GOLDEN_DIR);
    let files = golden_files(dir);
    assert!(!files.is_empty(), "no golden transcripts in {}", dir.display());
    let gaps_path = dir.join(KNOWN_GAPS);
    let known = read_known_gaps(&gaps_path);
    let update = std::env::var("UPDATE_KNOWN_GAPS").is_ok_and(|v| v == "1");

    let mut problems: Vec<String> = Vec::new();
    let mut report = String::new();
    let mut all_keys: BTreeSet<String> = BTreeSet::new();
    let mut mismatches: Vec<(String, String)> = Vec::new();
    let mut unexpected: Vec<String> = Vec::new();
    let mut fixed: Vec<String> = Vec::new();
    let mut per_file: BTreeMap<String, (usize, usize)> = BTreeMap::new();

    for path in &files {
        let name = file_name(path);
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains("[TIMED OUT]") {
            problems.push(format!("{name}: a command timed out during the capture; fix the .cmds and recapture"));
        }
        let expected = transcript::parse(&text);
        let cmds_path = path.with_extension("cmds");
        match std::fs::read_to_string(&cmds_path) {
            Ok(cmds) => {
                let listed = cmds_lines(&cmds);
                let captured: Vec<String> = expected.iter().map(|e| e.command.clone()).collect();
                if listed != captured {
                    problems.push(format!("{name}: its commands differ from {} (recapture it)", file_name(&cmds_path)));
                }
            }
            Err(_) => problems.push(format!("{name}: no {} next to it", file_name(&cmds_path))),
        }
        let results = compare_file(&name, &expected);
        let matched = results.iter().filter(|r| r.matched).count();
        per_file.insert(name.clone(), (matched, results.len()));
        for r in results {
            let key = format!("{name}:{}", r.index);
            all_keys.insert(key.clone());
            if r.panicked {
                problems.push(format!("{key}: the simulator panicked on `{}`", r.command));
            }
            if r.matched {
                if known.contains(&key) {
                    fixed.push(format!("{key}\t{}", r.command));
                }
            } else {
                if !known.contains(&key) {
                    unexpected.push(r.diff.clone());
                }
                mismatches.push((key, r.command.clone()));
            }
        }
    }

    let (total_match, total) = per_file.values().fold((0, 0), |(m, t), (fm, ft)| (m + fm, t + ft));
    for (name, (m, t)) in &per_file {
        let _ = writeln!(report, "  {name}: {m}/{t}");
    }
    let pct = if total == 0 { 0.0 } else { 100.0 * total_match as f64 / total as f64 };
    let _ = writeln!(report, "transcripts: {total_match}/{total} commands match ({pct:.1}%)");
    println!("{report}");

    if update {
        let written = write_known_gaps(&gaps_path, &mismatches);
        assert!(written.is_ok(), "cannot write {}: {written:?}", gaps_path.display());
        println!("UPDATE_KNOWN_GAPS=1: wrote {} entries to {}", mismatches.len(), gaps_path.display());
    } else {
        let stale: Vec<&String> = known.iter().filter(|k| !all_keys.contains(*k)).collect();
        if !stale.is_empty() {
            problems.push(format!(
                "{KNOWN_GAPS} lists commands that do not exist: {}",
                stale.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
        if !fixed.is_empty() {
            problems.push(format!(
                "{} command(s) listed in {KNOWN_GAPS} now match; remove them from the list (or run with \
                 UPDATE_KNOWN_GAPS=1):\n  {}",
                fixed.len(),
                fixed.join("\n  ")
            ));
        }
        if !unexpected.is_empty() {
            let mut shown = String::new();
            let max = max_diffs();
            for d in unexpected.iter().take(max) {
                shown.push_str(d);
                shown.push('\n');
            }
            if unexpected.len() > max {
                let _ = writeln!(shown, "… and {} more (TRANSCRIPTS_MAX_DIFFS=N shows more)", unexpected.len() - max);
            }
            problems.push(format!(
                "{} command(s) not listed in {KNOWN_GAPS} do not match real Docker:\n\n{shown}",
                unexpected.len()
            ));
        }
    }

    assert!(problems.is_empty(), "\n{report}\n{}", problems.join("\n\n"));
}

/// `GOLDENS_COMPARE_WITH=<dir> cargo test -p simulator --test transcripts real_captures_agree`: compares
/// every golden with the transcript of the same name in `<dir>` (a second capture of the same `.cmds`,
/// for example `REAL_DOCKER_TOOL=… /tmp/other/capture-docker.sh` run on copies), with the real-side rules
/// on both sides. Whatever differs there is flaky in real Docker, not a simulator bug. Without the
/// variable the test does nothing.
#[test]
fn real_captures_agree() {
    let Some(other_dir) = std::env::var_os("GOLDENS_COMPARE_WITH").map(PathBuf::from) else { return };
    let mut problems = Vec::new();
    for path in golden_files(Path::new(GOLDEN_DIR)) {
        let name = file_name(&path);
        let expected = transcript::parse(&std::fs::read_to_string(&path).unwrap_or_default());
        let other = transcript::parse(&std::fs::read_to_string(other_dir.join(&name)).unwrap_or_default());
        if other.len() != expected.len() {
            problems.push(format!("{name}: {} commands here, {} in the other capture", expected.len(), other.len()));
            continue;
        }
        let mut others = other.into_iter();
        let results = compare_entries(&name, &expected, Side::Real, |exp| {
            (others.next().unwrap_or_else(|| exp.clone()), false)
        });
        problems.extend(results.into_iter().filter(|r| !r.matched).map(|r| r.diff));
    }
    assert!(problems.is_empty(), "the two real captures differ:\n\n{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------------
// Tests of the normalisation itself
// ---------------------------------------------------------------------------------------------------

#[cfg(test)]
mod normalisation {
    use super::*;

    fn real(text: &str) -> String {
        Normaliser::new(Side::Real).normalise(text).render(|n| (n + 1).to_string())
    }

    #[test]
    fn numbers_ids_in_order_and_links_short_and_full_forms() {
        let full = "7d53864727899019e88fe1ff1937b50c1117c606a852d9004abee6f8f0fd3aab";
        let other = "dcadeb3e6a8b12cf2cf4c442b5258eea08e87e0a8bf325ec05fd8770855b0f91";
        let text = format!("{full}\n{other}\n7d5386472789 web\nsha256:{other}\nd75386 7d5386\n");
        assert_eq!(real(&text), "<ID1>\n<ID2>\n<ID1:12> web\nsha256:<ID2>\nd75386 <ID1:6>\n");
    }

    #[test]
    fn ids_match_only_when_they_pair_up() {
        let mut pairing = IdPairing::default();
        assert!(pairing.consistent(&[(0, 4), (1, 5)]));
        pairing.record(&[(0, 4), (1, 5)]);
        assert!(pairing.consistent(&[(1, 5), (2, 6)]));
        assert!(!pairing.consistent(&[(0, 5)]));
        assert!(!pairing.consistent(&[(3, 4)]));
        assert!(!pairing.consistent(&[(7, 8), (7, 9)]));
    }

    #[test]
    fn replaces_times_sizes_durations_and_collapses_padding() {
        let text = "CONTAINER ID   IMAGE     CREATED                  STATUS\n\
                    7d5386472789   busybox   Less than a second ago   Exited (137) 10 seconds ago\n";
        assert_eq!(
            real(text),
            "CONTAINER ID  IMAGE  CREATED  STATUS\n<ID1:12>  busybox  <DURATION> ago  Exited (137) <DURATION> ago\n"
        );
        assert_eq!(real("2026-11-29T23:05:31.049793971Z line 1\n"), "<TIME> line 1\n");
        assert_eq!(real("\"CreatedAt\":\"2026-11-29 22:59:12 +0000 UTC\"\n"), "\"CreatedAt\":\"<TIME>\"\n");
        assert_eq!(real("\"FinishedAt\": \"0001-01-01T00:00:00Z\"\n"), "\"FinishedAt\": \"0001-01-01T00:00:00Z\"\n");
        assert_eq!(real("0B (virtual 1.98MB) 328KiB / 23.54GiB 0.00%\n"), "<SIZE> (virtual <SIZE>) <SIZE> / <SIZE> <PCT>\n");
        assert_eq!(real("Up About a minute (Paused)\n"), "Up <DURATION> (Paused)\n");
        // No placeholder: padding is compared exactly.
        assert_eq!(real("NAME      PIDS\nalive     1\n"), "NAME      PIDS\nalive     1\n");
        // Indentation is kept.
        assert_eq!(real("    \"Created\": \"2026-11-29T22:59:12Z\",\n"), "    \"Created\": \"<TIME>\",\n");
        // Numbers that are not sizes or durations stay.
        assert_eq!(real("sleep 1000\nline 5\n5353:53/udp\n"), "sleep 1000\nline 5\n5353:53/udp\n");
    }

    #[test]
    fn undoes_capture_machine_quirks() {
        assert_eq!(real(" Version:          28.5.2+dfsg4\n"), " Version:          28.5.2\n");
        assert_eq!(real("  Version:          1.3.6+ds1\n"), "  Version:          1.3.6\n");
        let version = "Client:\n Git commit:        e6534b4\n\nServer: Docker Engine - Community\n Engine:\n  \
                       Version:          28.5.2\n  Git commit:       3ef3c07\n containerd:\n  Version:          2.1.9\n  \
                       GitCommit:        \n docker-init:\n  Version:          0.19.0\n";
        assert_eq!(
            real(version),
            "Client:\n Git commit:        e6534b4\n\nServer:\n Engine:\n  Version:          28.5.2\n  \
             Git commit:       <BUILD>\n containerd:\n  Version:          <BUILD>\n  GitCommit:        <BUILD>\n \
             docker-init:\n  Version:          0.19.0\n"
        );
        assert_eq!(
            real("stored unencrypted in '/tmp/real-docker/client-config/config.json'.\n"),
            "stored unencrypted in '<DOCKER_CONFIG>/config.json'.\n"
        );
        let sim = Normaliser::new(Side::Simulated).normalise("in '/root/.docker/config.json'.\n").skeleton();
        assert_eq!(sim, "in '<DOCKER_CONFIG>/config.json'.\n");
        assert_eq!(
            real("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: x\n"),
            "Get \"https://registry-1.docker.io/v2/\": <NETWORK-ERROR>\n"
        );
        assert_eq!(
            real("Error response from daemon: multiple IDs found with provided prefix: 0\n"),
            "Error response from daemon: multiple IDs found with provided prefix: <PREFIX>\n"
        );
    }

    #[test]
    fn diff_marks_removed_and_added_lines() {
        assert_eq!(unified_diff("a\nb\nc\n", "a\nx\nc\n"), "  a\n- b\n+ x\n  c\n");
    }
}
