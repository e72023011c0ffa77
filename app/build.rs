//! Compiles the course at build time: loads every file of `lessons/content/` with the lessons
//! crate (feature `source`: TOML, front matter, goal language, Markdown rendered to HTML), checks
//! it, and writes it as one JSON document (`OUT_DIR/course.json`) that `src/compiled_course.rs`
//! includes. A course with problems fails the build, listing them as the course tests do.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    println!("cargo:rerun-if-changed={}", manifest.join("../lessons/content").display());
    println!("cargo:rerun-if-changed=build.rs");
    let compiled = match lessons::Compiled::load() {
        Ok(c) => c,
        Err(e) => fail(&e.to_string()),
    };
    let json = compiled.to_json().unwrap_or_else(|e| fail(&format!("no se pudo escribir el curso compilado: {e}")));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("course.json");
    if let Err(e) = std::fs::write(&out, json) {
        fail(&format!("no se pudo escribir {}: {e}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
