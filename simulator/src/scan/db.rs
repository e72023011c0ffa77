//! The frozen vulnerability database shipped with the course (`db/advisories.tsv`), and the
//! metadata `trivy --version` prints for it. Frozen so that every scan gives the same answer.

use std::sync::OnceLock;

use super::severity::Severity;

/// When the database snapshot was taken (Trivy's `UpdatedAt`).
pub const UPDATED_AT: &str = "2025-02-14 00:37:52.804135447 +0000 UTC";
pub const NEXT_UPDATE: &str = "2025-02-15 00:37:52.804135267 +0000 UTC";
pub const DOWNLOADED_AT: &str = "2025-02-14 06:02:11.497219114 +0000 UTC";
/// The Trivy release the simulated scanner answers as.
pub const TRIVY_VERSION: &str = "0.58.2";

/// One advisory: a package of one namespace (`debian 12`, `alpine 3.18`, `npm`…) is affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advisory {
    pub namespace: &'static str,
    pub package: &'static str,
    pub id: &'static str,
    pub severity: Severity,
    /// `fixed`, `affected`, `will_not_fix`…
    pub status: &'static str,
    /// The version that fixes it (empty when there is none).
    pub fixed: &'static str,
    /// For npm and pip: the vulnerable range (`>=1.3.2 <1.7.4`).
    pub range: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

const DATA: &str = include_str!("db/advisories.tsv");

/// Every advisory, parsed once.
pub fn advisories() -> &'static [Advisory] {
    static DB: OnceLock<Vec<Advisory>> = OnceLock::new();
    DB.get_or_init(|| parse(DATA))
}

fn field(s: &'static str) -> &'static str {
    if s == "-" {
        ""
    } else {
        s
    }
}

/// Parses the tab-separated table (comment lines start with `#`; malformed lines are skipped).
pub fn parse(data: &'static str) -> Vec<Advisory> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&'static str> = l.split('\t').collect();
            let [namespace, package, id, severity, status, fixed, range, title, description] = f.as_slice() else { return None };
            Some(Advisory {
                namespace,
                package,
                id,
                severity: Severity::parse(severity)?,
                status,
                fixed: field(fixed),
                range: field(range),
                title: field(title),
                description: field(description),
            })
        })
        .collect()
}

/// The advisories of one namespace and package.
pub fn for_package<'a>(namespace: &'a str, package: &'a str) -> impl Iterator<Item = &'static Advisory> + 'a {
    advisories().iter().filter(move |a| a.namespace == namespace && a.package.eq_ignore_ascii_case(package))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_database_parses() {
        let lines = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(advisories().len(), lines);
        for a in advisories() {
            assert!(a.id.starts_with("CVE-") || a.id.starts_with("GHSA-"), "{}", a.id);
            assert!(!a.title.is_empty() || !a.description.is_empty(), "{}", a.id);
            assert_eq!(a.status == "fixed", !a.fixed.is_empty(), "{} {}", a.namespace, a.id);
            let lang = a.namespace == "npm" || a.namespace == "pip";
            assert_eq!(lang, !a.range.is_empty(), "{} {}", a.namespace, a.id);
        }
    }
}
