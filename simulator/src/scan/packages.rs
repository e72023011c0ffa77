//! Package discovery from an image's files, the way Trivy's analyzers read them: the OS release
//! files, dpkg's `/var/lib/dpkg/status`, apk's `/lib/apk/db/installed`, `package.json` files
//! under `node_modules`, and Python `*.dist-info/METADATA`. Each package remembers the layer
//! that introduced it (Trivy's `Layer.DiffID`).

use std::sync::Arc;

use super::version::Ecosystem;
use crate::fs::{FileType, Layer, MergedFs, Origin};

/// The detected operating system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsInfo {
    /// `debian`, `ubuntu`, `alpine`.
    pub family: &'static str,
    /// `12.9`, `22.04`, `3.18.3`.
    pub version: String,
}

impl OsInfo {
    /// The advisory namespace: `debian 12`, `ubuntu 22.04`, `alpine 3.18`.
    pub fn namespace(&self) -> String {
        let major = match self.family {
            "debian" | "oracle" => self.version.split('.').next().unwrap_or("").to_string(),
            "alpine" => self.version.split('.').take(2).collect::<Vec<_>>().join("."),
            _ => self.version.clone(),
        };
        format!("{} {major}", self.family)
    }

    /// The version Trivy logs as `os_version` (`12`, `3.18`, `22.04`).
    pub fn short_version(&self) -> String {
        self.namespace().split_once(' ').map(|(_, v)| v.to_string()).unwrap_or_default()
    }

    /// True for releases their distribution no longer supports (at the database's date).
    pub fn end_of_life(&self) -> bool {
        matches!(self.namespace().as_str(), "debian 10" | "debian 9" | "alpine 3.17" | "alpine 3.16")
    }
}

/// Where a package was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PkgKind {
    Os,
    Node,
    Python,
}

/// One installed package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub name: String,
    pub version: String,
    /// The source package (Debian `Source:`, Alpine origin); equal to `name` when absent.
    pub src_name: String,
    pub arch: String,
    pub kind: PkgKind,
    /// For language packages: the file it was read from (without the leading `/`).
    pub path: String,
    /// Index of the layer that introduced it.
    pub layer: usize,
}

impl Package {
    pub fn ecosystem(&self, os: Option<&OsInfo>) -> Ecosystem {
        match self.kind {
            PkgKind::Node => Ecosystem::Npm,
            PkgKind::Python => Ecosystem::Pip,
            PkgKind::Os if os.is_some_and(|o| o.family == "alpine") => Ecosystem::Apk,
            PkgKind::Os => Ecosystem::Dpkg,
        }
    }
}

const DPKG_STATUS: &str = "/var/lib/dpkg/status";
const APK_INSTALLED: &str = "/lib/apk/db/installed";

/// What an image contains, for the scanner.
#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub os: Option<OsInfo>,
    pub os_packages: Vec<Package>,
    pub lang_packages: Vec<Package>,
}

/// Reads the OS and the packages of a stack of layers (bottom first).
pub fn inventory(layers: &[Arc<Layer>]) -> Inventory {
    let fs = MergedFs::new(layers.to_vec());
    let os = detect_os(&fs);
    let mut inv = Inventory { os: os.clone(), ..Inventory::default() };
    let db = match os.as_ref().map(|o| o.family) {
        Some("alpine") => Some(APK_INSTALLED),
        Some("debian" | "ubuntu") => Some(DPKG_STATUS),
        // Oracle Linux keeps an rpm database the simulated images do not carry.
        _ => None,
    };
    if let Some(db_path) = db {
        let parse = |text: &str| if db_path == APK_INSTALLED { parse_apk(text) } else { parse_dpkg(text) };
        let current = fs.read_to_string(db_path).ok().flatten().map(|t| parse(&t)).unwrap_or_default();
        // The first layer whose database lists each package at its current version.
        // (name, version, layer), one entry per name and version.
        let mut first_seen: Vec<(String, String, usize)> = Vec::new();
        for i in 0..layers.len() {
            let prefix = MergedFs::new(layers.get(..=i).map(<[Arc<Layer>]>::to_vec).unwrap_or_default());
            if prefix.origin(db_path).ok() != Some(Origin::Lower(i)) {
                continue;
            }
            if let Some(text) = prefix.read_to_string(db_path).ok().flatten() {
                for p in parse(&text) {
                    if !first_seen.iter().any(|(n, v, _)| *n == p.name && *v == p.version) {
                        first_seen.push((p.name, p.version, i));
                    }
                }
            }
        }
        inv.os_packages = current
            .into_iter()
            .map(|mut p| {
                p.layer = first_seen.iter().find(|(n, v, _)| *n == p.name && *v == p.version).map_or(0, |(_, _, i)| *i);
                p
            })
            .collect();
    }
    inv.lang_packages = lang_packages(&fs);
    inv
}

/// `/etc/os-release` (`ID`, `VERSION_ID`), `/etc/debian_version`, `/etc/alpine-release`.
pub fn detect_os(fs: &MergedFs) -> Option<OsInfo> {
    let read = |p: &str| fs.read_to_string(p).ok().flatten();
    if let Some(v) = read("/etc/alpine-release") {
        return Some(OsInfo { family: "alpine", version: v.trim().to_string() });
    }
    let release = read("/etc/os-release").unwrap_or_default();
    let key = |k: &str| {
        release.lines().find_map(|l| l.strip_prefix(k).and_then(|r| r.strip_prefix('='))).map(|v| v.trim().trim_matches('"').to_string())
    };
    match key("ID").as_deref() {
        Some("ubuntu") => Some(OsInfo { family: "ubuntu", version: key("VERSION_ID").unwrap_or_default() }),
        Some("ol") => Some(OsInfo { family: "oracle", version: key("VERSION_ID").unwrap_or_default() }),
        Some("debian") => {
            let v = read("/etc/debian_version").map(|v| v.trim().to_string()).or_else(|| key("VERSION_ID"))?;
            Some(OsInfo { family: "debian", version: v })
        }
        _ => None,
    }
}

/// Packages of dpkg's status file (only `install ok installed` ones).
pub fn parse_dpkg(text: &str) -> Vec<Package> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        // (field, value) in file order; a repeated field's last value counts.
        let mut fields: Vec<(&str, &str)> = Vec::new();
        for line in block.lines() {
            if line.starts_with([' ', '\t']) {
                continue;
            }
            if let Some((k, v)) = line.split_once(':') {
                fields.push((k.trim(), v.trim()));
            }
        }
        let field = |name: &str| fields.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| v);
        let (Some(name), Some(version)) = (field("Package"), field("Version")) else { continue };
        if field("Status").is_some_and(|s| !s.ends_with("installed") || s.contains("not-installed")) {
            continue;
        }
        // `Source: name (version)` names the source package with its own version.
        let src = field("Source").map(|s| s.split_whitespace().next().unwrap_or(s)).unwrap_or(name);
        out.push(Package {
            name: (*name).to_string(),
            version: (*version).to_string(),
            src_name: src.to_string(),
            arch: field("Architecture").copied().unwrap_or("amd64").to_string(),
            kind: PkgKind::Os,
            path: String::new(),
            layer: 0,
        });
    }
    out
}

/// Packages of apk's installed database (`P:`, `V:`, `A:`, `o:` lines).
pub fn parse_apk(text: &str) -> Vec<Package> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let get = |k: &str| block.lines().find_map(|l| l.strip_prefix(k)).map(str::trim);
        let (Some(name), Some(version)) = (get("P:"), get("V:")) else { continue };
        out.push(Package {
            name: name.to_string(),
            version: version.to_string(),
            src_name: get("o:").unwrap_or(name).to_string(),
            arch: get("A:").unwrap_or("x86_64").to_string(),
            kind: PkgKind::Os,
            path: String::new(),
            layer: 0,
        });
    }
    out
}

/// `node_modules/**/package.json` and `site-packages/*.dist-info/METADATA` files.
fn lang_packages(fs: &MergedFs) -> Vec<Package> {
    let Ok(all) = fs.walk("/") else { return Vec::new() };
    let mut out = Vec::new();
    for (path, stat) in all {
        if stat.file_type != FileType::File {
            continue;
        }
        let node = path.ends_with("/package.json") && path.rsplit('/').nth(2).is_some_and(|d| d == "node_modules" || d.starts_with('@'));
        let python = path.ends_with(".dist-info/METADATA");
        if !node && !python {
            continue;
        }
        let Some(text) = fs.read_to_string(&path).ok().flatten() else { continue };
        let parsed = if node { parse_package_json(&text) } else { parse_metadata(&text) };
        let Some((name, version)) = parsed else { continue };
        let layer = match fs.origin(&path) {
            Ok(Origin::Lower(i)) => i,
            _ => 0,
        };
        out.push(Package {
            src_name: name.clone(),
            name,
            version,
            arch: String::new(),
            kind: if node { PkgKind::Node } else { PkgKind::Python },
            path: path.trim_start_matches('/').to_string(),
            layer,
        });
    }
    out
}

/// `name` and `version` of a `package.json`.
pub fn parse_package_json(text: &str) -> Option<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let name = v.get("name")?.as_str()?.to_string();
    let version = v.get("version")?.as_str()?.to_string();
    Some((name, version))
}

/// `Name:` and `Version:` of a Python `METADATA` file.
pub fn parse_metadata(text: &str) -> Option<(String, String)> {
    let get = |k: &str| text.lines().take_while(|l| !l.is_empty()).find_map(|l| l.strip_prefix(k)).map(|v| v.trim().to_string());
    Some((get("Name:")?, get("Version:")?))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    #[test]
    fn dpkg_status_blocks_become_packages() {
        let text = "Package: libc6\nStatus: install ok installed\nSource: glibc\nVersion: 2.36-9+deb12u9\nDescription: x\n multi\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: tar\nStatus: install ok installed\nVersion: 1.34\n";
        let pkgs = parse_dpkg(text);
        assert_eq!(pkgs.len(), 2);
        assert_eq!((pkgs[0].name.as_str(), pkgs[0].src_name.as_str(), pkgs[0].version.as_str()), ("libc6", "glibc", "2.36-9+deb12u9"));
        assert_eq!(pkgs[1].src_name, "tar");
    }

    #[test]
    fn apk_database_blocks_become_packages() {
        let pkgs = parse_apk("P:busybox-binsh\nV:1.36.1-r29\nA:x86_64\no:busybox\n\nP:zlib\nV:1.3.1-r1\n");
        assert_eq!(pkgs.len(), 2);
        assert_eq!(pkgs[0].src_name, "busybox");
        assert_eq!(pkgs[1].src_name, "zlib");
    }

    #[test]
    fn the_layer_that_introduced_each_package_is_known() {
        let image = crate::hub::find("node", "16-alpine").map(crate::hub::HubImage::to_image);
        let Some(image) = image else { panic!("node:16-alpine missing") };
        let inv = inventory(&image.fs_layers());
        assert_eq!(inv.os.as_ref().map(|o| (o.family, o.version.as_str())), Some(("alpine", "3.18.3")));
        let busybox = inv.os_packages.iter().find(|p| p.name == "busybox");
        let libgcc = inv.os_packages.iter().find(|p| p.name == "libgcc");
        assert_eq!(busybox.map(|p| p.layer), Some(0));
        assert!(libgcc.is_some_and(|p| p.layer > 0), "{libgcc:?}");
    }
}
