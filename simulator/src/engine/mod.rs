//! Engine state: images, containers and the clock, and the entry point for `docker …`.

use crate::clock::Timestamp;
use crate::docker;
use crate::ids::IdGen;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

/// The simulated Docker daemon and its state.
pub struct Engine {
    now: Timestamp,
    pub ids: IdGen,
}

impl Engine {
    pub fn new(seed: u64, start: Timestamp) -> Self {
        Self { now: start, ids: IdGen::new(seed) }
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock forward (never backwards).
    pub fn advance_to(&mut self, t: Timestamp) {
        if t > self.now {
            self.now = t;
        }
    }

    /// Imports the base images the real-engine capture tool starts with. (Filled in with the image store.)
    pub fn import_real_docker_base_images(&mut self) {}

    /// Runs `docker <args>`.
    pub fn docker(&mut self, call: ProgramCall<'_>, _project: &mut dyn ProjectFiles) -> Output {
        let args = call.argv.get(1..).unwrap_or_default();
        let mut out = Output::new();
        match args.first().map(String::as_str) {
            Some("--version") | Some("-v") => docker::version::short_version(&mut out),
            Some(cmd) => {
                out.errln(format!("docker: unknown command: docker {cmd}\n\nRun 'docker --help' for more information"));
                out.exit_code = 1;
            }
            None => {}
        }
        out
    }
}
