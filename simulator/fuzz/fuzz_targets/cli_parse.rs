//! Fuzzes `simulator::cli::parse_full`: the input, split on whitespace and NUL, is the argv after
//! `docker`. Parsing must never panic, and a rejected line must come with an exit code.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Runs of separators give empty arguments on purpose (`docker ""` is a real case).
    let argv: Vec<String> = if text.is_empty() {
        Vec::new()
    } else {
        text.split(|c: char| c.is_whitespace() || c == '\0').map(str::to_string).collect()
    };
    if let Err(out) = simulator::cli::parse_full(&argv) {
        assert!(out.exit_code == 0 || out.exit_code == 1 || out.exit_code == 125);
    }
});
