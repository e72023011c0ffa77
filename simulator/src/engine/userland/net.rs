//! Network clients inside a container: `curl`, `wget`, `ping`, over the container's [`Net`].

use super::Machine;
use crate::engine::http_client::{self, Fetched};
use crate::output::Output;
use crate::shell::ProgramCall;

/// Writes what a client saved (relative to the caller's directory) and returns its output.
fn finish(m: &mut Machine<'_, '_>, call: &ProgramCall<'_>, fetched: Fetched, program: &str) -> Output {
    let mut out = fetched.output;
    if let Some((file, content)) = fetched.save {
        let p = Machine::absolute(call.cwd, &file);
        if let Err(e) = m.fs.write(&p, content.as_bytes()) {
            let msg = m.userland.strerror(e.errno);
            out.errln(match program {
                "wget" => format!("wget: can't open '{file}': {msg}"),
                _ => format!("curl: (23) Failure writing output to destination, passed {} returned 0", content.len()),
            });
            out.exit_code = if program == "wget" { 1 } else { 23 };
        }
    }
    out
}

/// `curl` of the image (7.88.1 on Debian, 8.11.1 on Alpine).
pub(super) fn curl(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let version = if m.fs.exists("/etc/alpine-release") { "8.11.1" } else { "7.88.1" };
    let fetched = http_client::curl(&mut m.net, call.argv, version);
    finish(m, &call, fetched, "curl")
}

/// BusyBox `wget`.
pub(super) fn wget(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let fetched = http_client::wget(&mut m.net, call.argv);
    finish(m, &call, fetched, "wget")
}

/// BusyBox `ping`.
pub(super) fn ping(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    http_client::ping(&m.net, call.argv)
}
