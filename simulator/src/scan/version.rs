//! Version comparison per ecosystem, as the package managers order versions: dpkg (Debian,
//! Ubuntu), apk (Alpine), semver (npm) and PEP 440 (pip). Every comparator takes any string and
//! never panics: unparsable parts compare as text.

use std::cmp::Ordering;

/// The ecosystems the scanner knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecosystem {
    Dpkg,
    Apk,
    Npm,
    Pip,
}

/// Compares two versions of one ecosystem.
pub fn compare(eco: Ecosystem, a: &str, b: &str) -> Ordering {
    match eco {
        Ecosystem::Dpkg => dpkg(a, b),
        Ecosystem::Apk => apk(a, b),
        Ecosystem::Npm => semver(a, b),
        Ecosystem::Pip => pep440(a, b),
    }
}

/// dpkg's order (`deb-version(7)`): epoch, then upstream version, then Debian revision; within
/// each, alternating non-digit parts (letters before non-letters, `~` before everything, even
/// the end) and numbers.
pub fn dpkg(a: &str, b: &str) -> Ordering {
    let (ea, ua, ra) = dpkg_split(a);
    let (eb, ub, rb) = dpkg_split(b);
    ea.cmp(&eb).then_with(|| dpkg_part(ua, ub)).then_with(|| dpkg_part(ra, rb))
}

fn dpkg_split(v: &str) -> (u64, &str, &str) {
    let v = v.trim();
    let (epoch, rest) = match v.split_once(':') {
        Some((e, r)) if !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit()) => (e.parse().unwrap_or(u64::MAX), r),
        _ => (0, v),
    };
    match rest.rsplit_once('-') {
        Some((u, r)) => (epoch, u, r),
        None => (epoch, rest, ""),
    }
}

fn dpkg_order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(b'~') => -1,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(c) => i32::from(c) + 256,
    }
}

fn dpkg_part(a: &str, b: &str) -> Ordering {
    // dpkg's `verrevcmp`.
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    let digit = |s: &[u8], k: usize| s.get(k).is_some_and(u8::is_ascii_digit);
    let other = |s: &[u8], k: usize| s.get(k).is_some_and(|c| !c.is_ascii_digit());
    while i < a.len() || j < b.len() {
        while other(a, i) || other(b, j) {
            let (oa, ob) = (dpkg_order(a.get(i).copied()), dpkg_order(b.get(j).copied()));
            if oa != ob {
                return oa.cmp(&ob);
            }
            i += 1;
            j += 1;
        }
        while a.get(i) == Some(&b'0') {
            i += 1;
        }
        while b.get(j) == Some(&b'0') {
            j += 1;
        }
        let mut first_diff = Ordering::Equal;
        while digit(a, i) && digit(b, j) {
            if first_diff == Ordering::Equal {
                first_diff = a.get(i).cmp(&b.get(j));
            }
            i += 1;
            j += 1;
        }
        if digit(a, i) {
            return Ordering::Greater;
        }
        if digit(b, j) {
            return Ordering::Less;
        }
        if first_diff != Ordering::Equal {
            return first_diff;
        }
    }
    Ordering::Equal
}

/// The number starting at `i` (leading zeros ignored; saturating), and the index after it.
fn number_at(s: &[u8], mut i: usize) -> (u128, usize) {
    let mut n: u128 = 0;
    while let Some(c) = s.get(i).copied().filter(u8::is_ascii_digit) {
        n = n.saturating_mul(10).saturating_add(u128::from(c - b'0'));
        i += 1;
    }
    (n, i)
}

/// apk's order (`apk-tools` `version.c`, simplified): numbers, a letter, suffixes
/// (`_alpha` < `_beta` < `_pre` < `_rc` < none < `_cvs` < `_svn` < `_git` < `_hg` < `_p`),
/// then the package release `-rN`.
pub fn apk(a: &str, b: &str) -> Ordering {
    let (va, ra) = apk_split(a);
    let (vb, rb) = apk_split(b);
    let ta = apk_tokens(va);
    let tb = apk_tokens(vb);
    let n = ta.len().max(tb.len());
    for k in 0..n {
        let x = ta.get(k).cloned().unwrap_or(ApkToken::End);
        let y = tb.get(k).cloned().unwrap_or(ApkToken::End);
        let o = x.cmp(&y);
        if o != Ordering::Equal {
            return o;
        }
    }
    ra.cmp(&rb)
}

fn apk_split(v: &str) -> (&str, u128) {
    let v = v.trim();
    match v.rsplit_once("-r") {
        Some((head, r)) if !r.is_empty() && r.bytes().all(|c| c.is_ascii_digit()) => (head, number_at(r.as_bytes(), 0).0),
        _ => (v, 0),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum ApkToken {
    /// A pre-release suffix sorts before the end of the version.
    Pre(u8, u128),
    End,
    Letter(u8),
    Post(u8, u128),
    Number(u128),
    Other(String),
}

fn apk_tokens(v: &str) -> Vec<ApkToken> {
    let s = v.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c.is_ascii_digit() {
            let (n, ni) = number_at(s, i);
            out.push(ApkToken::Number(n));
            i = ni;
        } else if c == b'_' {
            let start = i + 1;
            let mut e = start;
            while s.get(e).is_some_and(u8::is_ascii_alphabetic) {
                e += 1;
            }
            let word = &v[start.min(v.len())..e.min(v.len())];
            let (n, ni) = number_at(s, e);
            i = ni.max(e).max(i + 1);
            let pre = ["alpha", "beta", "pre", "rc"].iter().position(|w| *w == word);
            let post = ["cvs", "svn", "git", "hg", "p"].iter().position(|w| *w == word);
            out.push(match (pre, post) {
                (Some(p), _) => ApkToken::Pre(p as u8, n),
                (_, Some(p)) => ApkToken::Post(p as u8, n),
                _ => ApkToken::Other(word.to_string()),
            });
        } else if c.is_ascii_alphabetic() {
            out.push(ApkToken::Letter(c));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Semantic versioning (npm): `major.minor.patch`, a pre-release sorts before its release.
/// Build metadata is ignored; missing parts count as 0; a leading `v` or `=` is ignored.
pub fn semver(a: &str, b: &str) -> Ordering {
    let (ca, pa) = semver_split(a);
    let (cb, pb) = semver_split(b);
    let n = ca.len().max(cb.len()).max(3);
    for k in 0..n {
        let o = ca.get(k).copied().unwrap_or(0).cmp(&cb.get(k).copied().unwrap_or(0));
        if o != Ordering::Equal {
            return o;
        }
    }
    match (pa, pb) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => prerelease(x, y),
    }
}

fn semver_split(v: &str) -> (Vec<u128>, Option<&str>) {
    let v = v.trim().trim_start_matches(['v', '=']);
    let v = v.split('+').next().unwrap_or("");
    let (core, pre) = match v.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (v, None),
    };
    (core.split('.').map(|p| number_at(p.as_bytes(), 0).0).collect(), pre)
}

fn prerelease(a: &str, b: &str) -> Ordering {
    let mut x = a.split('.');
    let mut y = b.split('.');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let pn = !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
                let qn = !q.is_empty() && q.bytes().all(|c| c.is_ascii_digit());
                let o = match (pn, qn) {
                    (true, true) => number_at(p.as_bytes(), 0).0.cmp(&number_at(q.as_bytes(), 0).0),
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => p.cmp(q),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

/// PEP 440 (pip), the common forms: release numbers, then `aN` < `bN` < `rcN` < release <
/// `.postN`; `.devN` before all of them.
pub fn pep440(a: &str, b: &str) -> Ordering {
    let (ra, sa) = pep_split(a);
    let (rb, sb) = pep_split(b);
    let n = ra.len().max(rb.len());
    for k in 0..n {
        let o = ra.get(k).copied().unwrap_or(0).cmp(&rb.get(k).copied().unwrap_or(0));
        if o != Ordering::Equal {
            return o;
        }
    }
    sa.cmp(&sb)
}

fn pep_split(v: &str) -> (Vec<u128>, (i8, u128)) {
    let v = v.trim().to_ascii_lowercase();
    let v = v.trim_start_matches('v');
    let s = v.as_bytes();
    let mut release = Vec::new();
    let mut i = 0;
    loop {
        let (n, ni) = number_at(s, i);
        if ni == i {
            break;
        }
        release.push(n);
        i = ni;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    let rest = v.get(i..).unwrap_or("").trim_start_matches(['.', '-', '_']);
    let tag = |word: &str| rest.strip_prefix(word).map(|r| number_at(r.trim_start_matches(['.', '-', '_']).as_bytes(), 0).0);
    let suffix = if rest.is_empty() {
        (3, 0)
    } else if let Some(n) = tag("dev") {
        (0, n)
    } else if let Some(n) = tag("alpha").or_else(|| tag("a")) {
        (1, n)
    } else if let Some(n) = tag("beta").or_else(|| tag("b")) {
        (2, n)
    } else if let Some(n) = tag("rc").or_else(|| tag("c")) {
        (2, n.saturating_add(1_000_000))
    } else if let Some(n) = tag("post") {
        (4, n)
    } else {
        (3, 0)
    };
    (release, suffix)
}

/// True if `version` is in a range such as `>=1.3.2, <1.7.4` (npm and pip advisories):
/// operators `<`, `<=`, `>`, `>=`, `=`; parts separated by commas or spaces must all hold;
/// alternatives separated by `||`.
pub fn in_range(eco: Ecosystem, version: &str, range: &str) -> bool {
    range.split("||").any(|alt| in_all(eco, version, alt))
}

fn in_all(eco: Ecosystem, version: &str, range: &str) -> bool {
    let mut any = false;
    for part in range.split([',', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        any = true;
        let (op, v) = if let Some(v) = part.strip_prefix(">=") {
            (">=", v)
        } else if let Some(v) = part.strip_prefix("<=") {
            ("<=", v)
        } else if let Some(v) = part.strip_prefix('>') {
            (">", v)
        } else if let Some(v) = part.strip_prefix('<') {
            ("<", v)
        } else if let Some(v) = part.strip_prefix('=') {
            ("=", v)
        } else {
            ("=", part)
        };
        let o = compare(eco, version, v);
        let ok = match op {
            ">=" => o != Ordering::Less,
            "<=" => o != Ordering::Greater,
            ">" => o == Ordering::Greater,
            "<" => o == Ordering::Less,
            _ => o == Ordering::Equal,
        };
        if !ok {
            return false;
        }
    }
    any
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;
    use Ordering::{Equal, Greater, Less};

    #[test]
    fn dpkg_orders_like_dpkg() {
        assert_eq!(dpkg("3.7.9-2+deb12u3", "3.7.9-2+deb12u4"), Less);
        assert_eq!(dpkg("1:1.2.13.dfsg-1", "1.3"), Greater, "epoch wins");
        assert_eq!(dpkg("1.0~rc1-1", "1.0-1"), Less, "tilde sorts before the end");
        assert_eq!(dpkg("2.36-9+deb12u9", "2.36-9+deb12u10"), Less);
        assert_eq!(dpkg("3.0.15-1~deb12u1", "3.0.15-1"), Less);
        assert_eq!(dpkg("1.0a", "1.0+"), Less, "letters before other characters");
        assert_eq!(dpkg("7.88.1-10+deb12u8", "7.88.1-10+deb12u8"), Equal);
        assert_eq!(dpkg("5.2.15-2+b7", "5.2.15-2"), Greater);
    }

    #[test]
    fn apk_orders_like_apk() {
        assert_eq!(apk("3.1.2-r0", "3.1.4-r0"), Less);
        assert_eq!(apk("1.36.1-r29", "1.36.1-r30"), Less);
        assert_eq!(apk("1.36.1-r2", "1.36.1-r10"), Less, "release is numeric");
        assert_eq!(apk("6.5_p20241006-r3", "6.5-r3"), Greater, "_p is after the release");
        assert_eq!(apk("1.0_rc1-r0", "1.0-r0"), Less);
        assert_eq!(apk("1.2.13-r1", "1.2.13-r1"), Equal);
        assert_eq!(apk("1.0a-r0", "1.0-r0"), Greater);
    }

    #[test]
    fn semver_and_pep440() {
        assert_eq!(semver("4.17.20", "4.17.21"), Less);
        assert_eq!(semver("1.7.4", "1.7.10"), Less);
        assert_eq!(semver("1.0.0-beta.2", "1.0.0"), Less);
        assert_eq!(semver("1.0.0-alpha", "1.0.0-alpha.1"), Less);
        assert_eq!(pep440("2.31.0", "2.32.0"), Less);
        assert_eq!(pep440("3.1.0rc1", "3.1.0"), Less);
        assert_eq!(pep440("3.1.0.post1", "3.1.0"), Greater);
        assert_eq!(pep440("1.0", "1.0.0"), Equal);
        assert!(in_range(Ecosystem::Npm, "1.7.3", ">=1.3.2, <1.7.4"));
        assert!(!in_range(Ecosystem::Npm, "1.7.4", ">=1.3.2, <1.7.4"));
        assert!(!in_range(Ecosystem::Npm, "1.3.1", ">=1.3.2 <1.7.4"));
        assert!(!in_range(Ecosystem::Npm, "1.0.0", ""));
        assert!(in_range(Ecosystem::Npm, "6.3.0", "<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2"));
        assert!(!in_range(Ecosystem::Npm, "7.6.3", "<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2"));
    }
}
