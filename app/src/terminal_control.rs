//! A handle to one terminal, shared by the components of a lesson page: the terminal itself (keys),
//! the lesson's "Ejecutar" buttons, the exercise cards and the error explanation. It owns the
//! [`TerminalDriver`], the screen and the history, and exposes what they show as signals.

use std::time::Duration;

use leptos::prelude::*;
use lessons::{Exercise, Explanation};

use crate::browser_clock;
use crate::command_history::{CommandHistory, HISTORY_KEY};
use crate::saved_progress::SavedProgress;
use crate::terminal_driver::{ExerciseReport, Report, TerminalDriver};
use crate::terminal_screen::TerminalScreen;

/// How often a running foreground command is asked for new output.
const POLL_EVERY: Duration = Duration::from_millis(200);

const WELCOME: &str = "Escribe un comando de Docker y pulsa Intro. Prueba con: docker run hello-world";

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
    /// The exercise in the terminal and its goal's state (`None`: free session).
    pub exercise: RwSignal<Option<ExerciseReport>>,
    /// The explanation of the last command's error, until the next command.
    pub explanation: RwSignal<Option<Explanation>>,
    /// A short message about the exercise (success), read out by screen readers.
    pub message: RwSignal<Option<String>>,
    /// Bumped to ask the terminal to put the cursor back in its prompt.
    pub focus_requests: RwSignal<u32>,
}

impl TerminalControl {
    /// A fresh session. With `saved`, the command history is read from and written to browser storage.
    pub fn new(saved: Option<SavedProgress>) -> TerminalControl {
        let start = browser_clock::now();
        let driver = TerminalDriver::new(browser_clock::seed_from(start), start);
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
            exercise: RwSignal::new(None),
            explanation: RwSignal::new(None),
            message: RwSignal::new(None),
            focus_requests: RwSignal::new(0),
        }
    }

    /// Called after every command (and when a foreground command finishes) with what happened.
    pub fn on_report(&self, handler: impl Fn(&Report) + 'static) {
        self.on_report.set_value(Some(Box::new(handler)));
    }

    /// Runs a line as if typed (history included).
    pub fn run(&self, line: &str) {
        self.history.update_value(|h| h.record(line));
        if let Some(saved) = self.saved {
            let json = self.history.with_value(CommandHistory::to_json);
            saved.set_raw(HISTORY_KEY, &json);
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
        let report = self.with_driver(|d, s| d.interrupt(typed, browser_clock::now(), s));
        self.after(report);
    }

    pub fn detach(&self) {
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
        let (prompt, busy) = self.driver.with_value(|d| (d.prompt(), d.is_busy()));
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
