//! Fuzzes the host shell's parser (`simulator::shell::parse`) and `needs_more_input`: they must never
//! panic, and an error must point inside the text with a 1-based line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = simulator::shell::parse(&text) {
        assert!(e.offset <= text.len());
        assert!(e.line >= 1 && e.column >= 1);
        assert!(e.line <= text.matches('\n').count() + 1);
        let _ = e.to_string();
    }
    let _ = simulator::shell::needs_more_input(&text);
});
