//! Embeds every course file under `content/` into the crate, so the web app (which has no
//! filesystem) can load the course, and so adding a lesson needs no Rust change: the build scans
//! the folder and generates `include_str!` entries for each `.md` and `.toml` file it finds
//! (except the authors' guide, `content/README.md`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// A build script is not part of the bundle: the std sort is fine here.
#[allow(clippy::disallowed_methods)]
fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into())).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from("/// Every course file, as (path relative to `content/`, text), sorted by path.\n");
    code.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for (rel, abs) in &files {
        let _ = writeln!(code, "    ({rel:?}, include_str!({abs:?})),");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("content_files.rs");
    if let Err(e) = std::fs::write(&out, code) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else { continue };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let wanted = rel.ends_with(".md") || rel.ends_with(".toml");
        if wanted && rel != "README.md" {
            files.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
