//! A handle to one terminal, shared by the components of a lesson page: the terminal itself (keys),
//! the lesson's "Ejecutar" buttons, the exercise cards and the error explanation. It owns the
//! [`TerminalDriver`], the screen and the history, and exposes what they show as signals.

use std::time::Duration;

use leptos::prelude::*;
use lessons::{Exercise, Explanation};

use crate::browser_clock;
use crate::command_history::{CommandHistory, HISTORY_KEY};
use crate::sandbox_link::{self, SandboxState};
use crate::saved_progress::SavedProgress;
use crate::terminal_driver::{ExerciseReport, Report, TerminalDriver};
use crate::terminal_screen::TerminalScreen;

/// How often a running foreground command is asked for new output.
const POLL_EVERY: Duration = Duration::from_millis(200);

const WELCOME: &str = "Escribe un comando de Docker y pulsa Intro. Prueba con: docker run hello-world";

/// Where the learner's project folder (the free session's files) is kept, as a JSON object of
/// path → content.
pub const PROJECT_KEY: &str = "muelle.proyecto";

type ReportHandler = Box<dyn Fn(&Report)>;

#[derive(Clone, Copy)]
pub struct TerminalControl {
    driver: StoredValue<TerminalDriver, LocalStorage>,
    history: StoredValue<CommandHistory>,
    poller: StoredValue<Option<IntervalHandle>>,
    on_report: StoredValue<Option<ReportHandler>, LocalStorage>,
    saved: Option<SavedProgress>,
    pub screen: RwSignal<TerminalScreen>,
    pub prompt: RwSignal<String>,
    pub busy: RwSignal<bool>,
    /// True while a password is being typed: the input hides it.
    pub secret_input: RwSignal<bool>,
    /// The exercise in the terminal and its goal's state (`None`: free session).
    pub exercise: RwSignal<Option<ExerciseReport>>,
    /// The explanation of the last command's error, until the next command.
    pub explanation: RwSignal<Option<Explanation>>,
    /// A short message about the exercise (success), read out by screen readers.
    pub message: RwSignal<Option<String>>,
    /// Bumped to ask the terminal to put the cursor back in its prompt.
    pub focus_requests: RwSignal<u32>,
    /// Bumped whenever the project folder may have changed (a command ran, the editor saved).
    pub files_revision: RwSignal<u32>,
    /// Every line run in the free session, with Ctrl+C, Ctrl+P Ctrl+Q and the editor's saves
    /// (for a shared sandbox, see [`sandbox_link::Step`]).
    transcript: StoredValue<Vec<String>>,
    /// The free session's project folder when it started.
    initial_files: StoredValue<Vec<(String, String)>>,
    /// The free session's seed.
    seed: u64,
    /// Where the free session's project folder is kept (`None`: not kept).
    project_key: Option<&'static str>,
}

impl TerminalControl {
    /// A fresh session. With `saved`, the command history is read from and written to browser storage.
    /// The project folder is the one kept in browser storage (when `saved` is given).
    pub fn new(saved: Option<SavedProgress>) -> TerminalControl {
        let seed = browser_clock::seed_from(browser_clock::now());
        Self::with_options(saved, seed, saved.map(|_| PROJECT_KEY))
    }

    /// A fresh session with a given seed, keeping its project folder under `project_key`.
    pub fn with_options(saved: Option<SavedProgress>, seed: u64, project_key: Option<&'static str>) -> TerminalControl {
        let start = browser_clock::now();
        let mut driver = TerminalDriver::new(seed, start);
        if let Some(text) = project_key.and_then(|key| saved.and_then(|s| s.get_raw(key))) {
            if let Ok(files) = serde_json::from_str::<std::collections::BTreeMap<String, String>>(&text) {
                for (path, content) in files {
                    let _ = driver.free_project_mut().write(&path, &content);
                }
            }
        }
        let initial_files = {
            let project = driver.free_project();
            project.list().into_iter().filter_map(|p| project.read(&p).map(|c| (p, c))).collect::<Vec<_>>()
        };
        let history = saved.and_then(|s| s.get_raw(HISTORY_KEY)).map(|t| CommandHistory::from_json(&t)).unwrap_or_default();
        let prompt = driver.prompt();
        TerminalControl {
            driver: StoredValue::new_local(driver),
            history: StoredValue::new(history),
            poller: StoredValue::new(None),
            on_report: StoredValue::new_local(None),
            saved,
            screen: RwSignal::new({
                let mut screen = TerminalScreen::new();
                screen.notice(WELCOME);
                screen
            }),
            prompt: RwSignal::new(prompt),
            busy: RwSignal::new(false),
            secret_input: RwSignal::new(false),
            exercise: RwSignal::new(None),
            explanation: RwSignal::new(None),
            message: RwSignal::new(None),
            focus_requests: RwSignal::new(0),
            files_revision: RwSignal::new(0),
            transcript: StoredValue::new(Vec::new()),
            initial_files: StoredValue::new(initial_files),
            seed,
            project_key,
        }
    }

    /// Called after every command (and when a foreground command finishes) with what happened.
    pub fn on_report(&self, handler: impl Fn(&Report) + 'static) {
        self.on_report.set_value(Some(Box::new(handler)));
    }

    /// Runs a line as if typed (history included, unless it answers a question).
    pub fn run(&self, line: &str) {
        if self.driver.with_value(TerminalDriver::awaits_answer) {
            self.run_unrecorded(line);
            return;
        }
        self.history.update_value(|h| h.record(line));
        if let Some(saved) = self.saved {
            let json = self.history.with_value(CommandHistory::to_json);
            saved.set_raw(HISTORY_KEY, &json);
        }
        self.run_unrecorded(line);
    }

    /// Runs a line without adding it to the history (a replay).
    fn run_unrecorded(&self, line: &str) {
        if self.in_free_session() && !self.busy.get_untracked() {
            self.transcript.update_value(|t| t.push(line.to_string()));
        }
        let report = self.with_driver(|d, s| d.submit(line, browser_clock::now(), s));
        self.after(report);
    }

    /// Runs an example's lines in order; stops at a command that stays in the foreground.
    pub fn run_lines(&self, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            if self.busy.get_untracked() {
                let left = lines.len() - i;
                self.screen.update(|s| {
                    s.notice(&format!(
                        "{} del ejemplo sin ejecutar: hay un comando en primer plano (Ctrl+C lo detiene).",
                        if left == 1 { "Queda 1 línea".to_string() } else { format!("Quedan {left} líneas") }
                    ))
                });
                break;
            }
            self.run(line);
        }
    }

    pub fn interrupt(&self, typed: &str) {
        if self.in_free_session() && self.busy.get_untracked() {
            self.transcript.update_value(|t| t.push(sandbox_link::INTERRUPT.to_string()));
        }
        let report = self.with_driver(|d, s| d.interrupt(typed, browser_clock::now(), s));
        self.after(report);
    }

    pub fn detach(&self) {
        if self.in_free_session() && self.busy.get_untracked() {
            self.transcript.update_value(|t| t.push(sandbox_link::DETACH.to_string()));
        }
        self.with_driver(|d, s| d.detach(s));
        self.sync();
    }

    pub fn clear(&self) {
        self.screen.update(TerminalScreen::clear);
    }

    /// ↑: the previous command in the history.
    pub fn older(&self, current: &str) -> Option<String> {
        self.history.try_update_value(|h| h.older(current)).flatten()
    }

    /// ↓: the next command in the history.
    pub fn newer(&self) -> Option<String> {
        self.history.try_update_value(CommandHistory::newer).flatten()
    }

    pub fn start_exercise(&self, exercise: &Exercise) {
        let report = self.with_driver(|d, s| d.start_exercise(exercise, browser_clock::now(), s));
        self.exercise.set(report);
        self.explanation.set(None);
        self.message.set(None);
        self.sync();
    }

    pub fn leave_exercise(&self) {
        self.with_driver(|d, s| d.leave_exercise(s));
        self.exercise.set(None);
        self.message.set(None);
        self.sync();
    }

    pub fn undo(&self) {
        if let Some(report) = self.with_driver(|d, s| d.undo(s)).flatten() {
            self.exercise.set(Some(report));
        }
        self.sync();
    }

    pub fn reset(&self) {
        if let Some(report) = self.with_driver(|d, s| d.reset(s)).flatten() {
            self.exercise.set(Some(report));
        }
        self.explanation.set(None);
        self.sync();
    }

    fn in_free_session(&self) -> bool {
        self.exercise.with_untracked(Option::is_none)
    }

    /// The project folder's files (path, content), sorted by path.
    pub fn project_files(&self) -> Vec<(String, String)> {
        self.driver
            .try_with_value(|d| {
                let project = d.project();
                project.list().into_iter().filter_map(|p| project.read(&p).map(|c| (p, c))).collect()
            })
            .unwrap_or_default()
    }

    /// Creates or replaces a file of the project folder (and keeps it). Errors are Spanish.
    pub fn write_file(&self, path: &str, content: &str) -> Result<(), String> {
        if self.in_free_session() {
            self.transcript.update_value(|t| t.push(sandbox_link::Step::saved(path, content)));
        }
        let written = self.driver.try_update_value(|d| d.project_mut().write(path, content));
        self.after_files_changed();
        match written {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(format!("No se pudo guardar «{path}»: {e}")),
            None => Err(format!("No se pudo guardar «{path}».")),
        }
    }

    /// Removes a file of the project folder.
    pub fn remove_file(&self, path: &str) -> bool {
        if self.in_free_session() {
            self.transcript.update_value(|t| t.push(sandbox_link::Step::deleted(path)));
        }
        let removed = self.driver.try_update_value(|d| d.project_mut().remove(path)).unwrap_or(false);
        self.after_files_changed();
        removed
    }

    /// Writes the free session's project folder to browser storage and tells the editor.
    fn after_files_changed(&self) {
        if let (Some(saved), Some(key)) = (self.saved, self.project_key) {
            let files = self
                .driver
                .try_with_value(|d| {
                    let project = d.free_project();
                    project.list().into_iter().filter_map(|p| project.read(&p).map(|c| (p, c))).collect::<std::collections::BTreeMap<_, _>>()
                })
                .unwrap_or_default();
            if let Ok(json) = serde_json::to_string(&files) {
                saved.set_raw(key, &json);
            }
        }
        self.files_revision.update(|n| *n = n.wrapping_add(1));
    }

    /// What a shared sandbox needs to reproduce this session.
    pub fn sandbox_state(&self) -> SandboxState {
        SandboxState { seed: self.seed, files: self.initial_files.get_value(), lines: self.transcript.get_value() }
    }

    /// Replays a shared sandbox: its files, then its lines (a foreground command left running is
    /// stopped with Ctrl+C before the next line, unless the learner had pressed Ctrl+P Ctrl+Q).
    pub fn replay(&self, state: &SandboxState) {
        for (path, content) in &state.files {
            let _ = self.driver.try_update_value(|d| d.free_project_mut().write(path, content));
        }
        self.initial_files.set_value(state.files.clone());
        for item in &state.lines {
            match sandbox_link::Step::read(item) {
                sandbox_link::Step::Interrupt => self.interrupt(""),
                sandbox_link::Step::Detach => self.detach(),
                sandbox_link::Step::Saved { path, content } => {
                    let _ = self.write_file(path, content);
                }
                sandbox_link::Step::Deleted(path) => {
                    self.remove_file(path);
                }
                sandbox_link::Step::Line(line) => {
                    if self.busy.get_untracked() {
                        self.interrupt("");
                    }
                    self.run_unrecorded(line);
                }
            }
        }
        self.after_files_changed();
    }

    /// Reads the session (for completion).
    pub fn with_session<R>(&self, read: impl FnOnce(&simulator::Session) -> R) -> Option<R> {
        self.driver.try_with_value(|d| read(d.session()))
    }

    pub fn request_focus(&self) {
        self.focus_requests.update(|n| *n = n.wrapping_add(1));
    }

    fn with_driver<R>(&self, act: impl FnOnce(&mut TerminalDriver, &mut TerminalScreen) -> R) -> Option<R> {
        let driver = self.driver;
        self.screen.try_update(|s| driver.try_update_value(|d| act(d, s))).flatten()
    }

    fn after(&self, report: Option<Option<Report>>) {
        self.sync();
        if let Some(report) = report.flatten() {
            // A command may have written to the project folder (`echo > f`, `docker cp`, bind mounts).
            self.after_files_changed();
            if report.exercise.is_some() {
                self.exercise.set(report.exercise.clone());
            }
            self.explanation.set(report.explanation.clone());
            self.on_report.with_value(|h| {
                if let Some(handler) = h {
                    handler(&report);
                }
            });
        }
        if self.busy.get_untracked() {
            self.start_polling();
        }
    }

    /// Shows the driver's state (prompt, busy).
    fn sync(&self) {
        let (prompt, busy, secret) = self.driver.with_value(|d| (d.prompt(), d.is_busy(), d.hides_input()));
        if self.secret_input.get_untracked() != secret {
            self.secret_input.set(secret);
        }
        if self.prompt.get_untracked() != prompt {
            self.prompt.set(prompt);
        }
        if self.busy.get_untracked() != busy {
            self.busy.set(busy);
        }
        if !busy {
            self.stop_polling();
        }
    }

    fn start_polling(&self) {
        if self.poller.with_value(Option::is_some) {
            return;
        }
        let this = *self;
        let poll = move || {
            let report = this.with_driver(|d, s| d.poll(browser_clock::now(), s));
            this.after(report);
        };
        if let Ok(handle) = set_interval_with_handle(poll, POLL_EVERY) {
            self.poller.set_value(Some(handle));
        }
    }

    pub fn stop_polling(&self) {
        if let Some(handle) = self.poller.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
