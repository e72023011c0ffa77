//! Fuzzes the compose loader (`simulator::compose::load`): YAML parsing, interpolation, schema
//! checks, normalisation, merging with an override file and `.env`, and printing the model as
//! `docker compose config` does. The input is split on NUL: `compose.yaml`, then
//! `compose.override.yaml`, then `.env`. No panic; errors name a line inside the file.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use simulator::MemoryProject;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let main = parts.next().unwrap_or_default();
    let mut project = MemoryProject::new().with_file("compose.yaml", main);
    if let Some(over) = parts.next() {
        project = project.with_file("compose.override.yaml", over);
    }
    if let Some(env) = parts.next() {
        project = project.with_file(".env", env);
    }
    let env: BTreeMap<String, String> = [("HOME".to_string(), "/home/estudiante".to_string())].into();
    match simulator::compose::load(&project, &[], &env) {
        Ok(p) => {
            let _ = simulator::compose::yaml_out::document(&p.tree);
            let _ = p.start_order();
        }
        Err(e) => {
            if let Some(line) = e.line {
                assert!(line >= 1);
            }
            assert!(!e.message.is_empty());
        }
    }
});
