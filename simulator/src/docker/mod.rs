//! Docker command families, one file each. [`dispatch`] routes a parsed invocation to its family.

pub mod import;
pub mod version;

use crate::engine::Engine;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// Runs `docker <args>` against the engine.
pub fn dispatch(engine: &mut Engine, args: &[String], _call: ProgramCall<'_>, _project: &mut dyn ProjectFiles) -> Output {
    let mut out = Output::new();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-v") => version::short_version(&mut out),
        Some("version") => version::version(engine, &mut out),
        Some(cmd) => {
            out.errln(format!("docker: unknown command: docker {cmd}\n\nRun 'docker --help' for more information"));
            out.exit_code = 1;
        }
        None => {}
    }
    out
}
