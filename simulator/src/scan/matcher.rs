//! Matching installed packages against the frozen database.

use super::db::{self, Advisory};
use super::packages::{OsInfo, Package, PkgKind};
use super::version::{self, Ecosystem};

/// A package affected by an advisory.
#[derive(Debug, Clone)]
pub struct Match {
    pub package: Package,
    pub advisory: &'static Advisory,
}

/// pip names compare case-insensitively with `-`, `_` and `.` equivalent (PEP 503).
fn pip_name(name: &str) -> String {
    name.to_ascii_lowercase().replace(['_', '.'], "-")
}

/// Every advisory that affects one of `packages`.
pub fn matches(os: Option<&OsInfo>, packages: &[Package]) -> Vec<Match> {
    let mut out = Vec::new();
    for p in packages {
        let eco = p.ecosystem(os);
        let (namespace, name) = match p.kind {
            PkgKind::Os => match os {
                Some(o) => (o.namespace(), p.src_name.clone()),
                None => continue,
            },
            PkgKind::Node => ("npm".to_string(), p.name.clone()),
            PkgKind::Python => ("pip".to_string(), pip_name(&p.name)),
        };
        for a in db::for_package(&namespace, &name) {
            if affects(eco, a, &p.version) {
                out.push(Match { package: p.clone(), advisory: a });
            }
        }
    }
    out
}

/// True if the advisory applies to `installed`.
pub fn affects(eco: Ecosystem, a: &Advisory, installed: &str) -> bool {
    match eco {
        Ecosystem::Npm | Ecosystem::Pip => version::in_range(eco, installed, a.range),
        Ecosystem::Dpkg | Ecosystem::Apk => a.fixed.is_empty() || version::compare(eco, installed, a.fixed) == std::cmp::Ordering::Less,
    }
}
