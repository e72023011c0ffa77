//! A helper for working on the builder: `BUILD_REPLAY=tests/goldens/docker/70-build-basic.cmds
//! cargo test -p simulator --test build_replay -- --ignored --nocapture` prints the simulator's
//! transcript of a commands file (run against the real-engine fixture), to compare by eye with
//! the golden `.txt`.

use simulator::transcript::render_entry;
use simulator::Session;

#[test]
#[ignore = "a tool, not a test: prints a transcript"]
fn replay() {
    let Ok(file) = std::env::var("BUILD_REPLAY") else { return };
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut session = Session::real_docker_fixture();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
        let out = session.run_line(line);
        print!("{}", render_entry(line, &out.combined(), out.exit_code));
    }
}

/// The same with the session as a terminal (what the browser shows).
#[test]
#[ignore = "a tool, not a test: prints a transcript"]
fn replay_tty() {
    let Ok(file) = std::env::var("BUILD_REPLAY") else { return };
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut session = Session::real_docker_fixture();
    session.engine.tty = true;
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
        let out = session.run_line(line);
        print!("{}", render_entry(line, &out.combined(), out.exit_code));
    }
}
