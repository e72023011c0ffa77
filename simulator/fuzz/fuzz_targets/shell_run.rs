//! Fuzzes whole command lines through a `Session` (the host shell, its builtins and the engine): the
//! input, split on NUL, is up to 8 lines run one after the other. Nothing may panic, and no stream
//! may outgrow the shell's cap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use simulator::shell::MAX_STREAM_BYTES;
use simulator::{MemoryProject, Session, SessionConfig};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let project = MemoryProject::new().with_file("a.txt", "hello\nworld\n").with_file("app/Dockerfile", "FROM busybox\n");
    let mut session = Session::new(SessionConfig::default(), Box::new(project));
    for line in text.split('\0').take(8) {
        let out = session.run_line(line);
        assert!(out.stdout().len() <= MAX_STREAM_BYTES && out.stderr().len() <= MAX_STREAM_BYTES);
    }
});
