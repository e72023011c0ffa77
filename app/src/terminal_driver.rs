//! Drives a simulated session from terminal keystrokes and writes what happens on the screen.
//! Plain Rust (the clock is passed in), so the whole flow is tested natively; the component only
//! wires keys, timers and the browser clock to it.
//!
//! The terminal runs either a free session or an exercise ([`lessons::Attempt`]): then every line
//! goes through the exercise (forbidden commands are refused) and its goal is checked after every
//! command, and again when a foreground command finishes.

use lessons::{Attempt, Exercise, Explanation, GoalStatus};
use simulator::{MemoryProject, Output, ProjectFiles, Session, SessionConfig, Stream, Timestamp};

use crate::compiled_course;
use crate::terminal_screen::TerminalScreen;

/// What a terminal echoes for Ctrl+C.
const CTRL_C: &str = "^C";
/// How Docker's confirmation questions end (`docker container prune` and friends).
const QUESTION_END: &str = "[y/N] ";

/// The prompts of `docker login` (typed answers; the password is not echoed).
const USERNAME_PROMPT: &str = "Username: ";
const PASSWORD_PROMPT: &str = "Password: ";
/// Where Docker Hub's web-based login waits (Enter "opens the browser").
const DEVICE_WAIT: &str = "Waiting for authentication in the browser…\n";

/// A question waiting for its answer: the command that asked (it ran without an answer, so it did
/// nothing yet) and what it printed so far, ending with the question.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingQuestion {
    line: String,
    question: String,
    /// `None` for a `[y/N]` question (answered on the command's input, `echo y | …`); for a typed
    /// prompt (`Username: `), the answers given to the earlier prompts of the same command.
    answers: Option<Vec<String>>,
}

/// The prompt of a continuation line (bash's `PS2`).
pub const CONTINUATION_PROMPT: &str = "> ";

/// The exercise running in the terminal.
struct ExerciseRun {
    attempt: Attempt,
    /// The goal was met during this run (a reset starts a new run).
    solved: bool,
}

/// The state of the exercise in the terminal after something happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseReport {
    /// `lesson/exercise`.
    pub key: String,
    pub status: GoalStatus,
    /// The goal was met for the first time in this run, just now.
    pub just_solved: bool,
}

/// What the page should show after a line ran (or a foreground command finished).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Present while an exercise runs in the terminal.
    pub exercise: Option<ExerciseReport>,
    /// A Spanish explanation of the engine error the line ended with, if any.
    pub explanation: Option<Explanation>,
}

/// A learner's session as a terminal sees it.
pub struct TerminalDriver {
    free: Session,
    exercise: Option<ExerciseRun>,
    /// The text of an unfinished command (open quote, trailing `|`…), waiting for more lines.
    continuation: Option<String>,
    /// A `[y/N]` question on the screen: the next line is its answer.
    question: Option<PendingQuestion>,
    seed: u64,
}

impl TerminalDriver {
    /// A session that behaves as attached to a terminal (`tty`), seeded and started at `now`.
    pub fn new(seed: u64, now: Timestamp) -> Self {
        let config = SessionConfig { seed, start: now, tty: true };
        Self { free: Session::new(config, Box::new(MemoryProject::new())), exercise: None, continuation: None, question: None, seed }
    }

    /// The session lines go to now: the exercise's, or the free one.
    pub fn session(&self) -> &Session {
        match &self.exercise {
            Some(run) => &run.attempt.session,
            None => &self.free,
        }
    }

    /// The seed the free session was started with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The project folder of the session lines go to now (the editor reads and writes it).
    pub fn project(&self) -> &dyn ProjectFiles {
        self.session().project.as_ref()
    }

    pub fn project_mut(&mut self) -> &mut dyn ProjectFiles {
        self.session_mut().project.as_mut()
    }

    /// The free session's project folder (the one kept in browser storage).
    pub fn free_project(&self) -> &dyn ProjectFiles {
        self.free.project.as_ref()
    }

    pub fn free_project_mut(&mut self) -> &mut dyn ProjectFiles {
        self.free.project.as_mut()
    }

    fn session_mut(&mut self) -> &mut Session {
        match &mut self.exercise {
            Some(run) => &mut run.attempt.session,
            None => &mut self.free,
        }
    }

    /// The prompt to show now: `> ` after an unfinished line, else the host shell's or, inside a
    /// container, the container shell's.
    pub fn prompt(&self) -> String {
        // The question itself is the prompt, as in a terminal.
        if self.question.is_some() {
            return String::new();
        }
        if self.continuation.is_some() {
            return CONTINUATION_PROMPT.to_string();
        }
        self.session().prompt()
    }

    /// True while a foreground command runs: no prompt, lines are not run, Ctrl+C stops it.
    pub fn is_busy(&self) -> bool {
        let s = self.session();
        s.is_attached() && !s.in_container_shell()
    }

    /// The key (`lesson/exercise`) of the exercise in the terminal, if any.
    pub fn exercise_key(&self) -> Option<String> {
        self.exercise.as_ref().map(|run| run.attempt.exercise().key())
    }

    /// Enter: echoes the prompt and the line, runs it and prints its output. Returns `None` when
    /// nothing ran: busy, or the line left the command unfinished (the prompt becomes `> `).
    pub fn submit(&mut self, line: &str, now: Timestamp, screen: &mut TerminalScreen) -> Option<Report> {
        if self.is_busy() {
            return None;
        }
        if let Some(pending) = self.question.take() {
            return Some(self.answer(pending, line, now, screen));
        }
        let prompt = self.prompt();
        let previous = self.continuation.take();
        let continuing = previous.is_some();
        let text = match previous {
            Some(before) => format!("{before}\n{line}"),
            None => line.to_string(),
        };
        if !self.session().in_container_shell() && simulator::shell::needs_more_input(&text) {
            if continuing {
                screen.continue_command(line);
            } else {
                screen.open_command(&prompt, line);
            }
            self.continuation = Some(text);
            return None;
        }
        let echo = |screen: &mut TerminalScreen, output: &Output| {
            if continuing {
                screen.continue_command(line);
                screen.append(output);
            } else {
                screen.record(&prompt, line, output);
            }
        };
        if text.trim().is_empty() {
            echo(screen, &Output::new());
            return Some(self.report(false, None));
        }
        self.session_mut().set_now(now);
        let in_container = self.session().in_container_shell();
        let Some(run) = self.exercise.as_mut() else {
            let output = self.free.run_line(&text);
            echo(screen, &output);
            self.question = (!in_container).then(|| question_of(&text, &output)).flatten();
            return Some(Report { exercise: None, explanation: compiled_course::explain(&output) });
        };
        let step = run.attempt.run(&text);
        let asked = step.output.as_ref().filter(|_| !in_container).and_then(|o| question_of(&text, o));
        match (&step.output, &step.refused) {
            (Some(output), _) => echo(screen, output),
            (None, Some(why)) => {
                if continuing {
                    screen.continue_command(line);
                    screen.notice(why);
                } else {
                    screen.refuse(&prompt, line, why);
                }
            }
            (None, None) => echo(screen, &Output::new()),
        }
        let just_solved = step.status.satisfied && !run.solved;
        run.solved |= step.status.satisfied;
        let explanation = step.output.as_ref().and_then(compiled_course::explain);
        let report = Report {
            exercise: Some(ExerciseReport { key: run.attempt.exercise().key(), status: step.status, just_solved }),
            explanation,
        };
        self.question = asked;
        Some(report)
    }

    /// True while the terminal waits for a password: what is typed must not show nor go into the
    /// history.
    pub fn hides_input(&self) -> bool {
        self.question.as_ref().is_some_and(|q| q.question.ends_with(PASSWORD_PROMPT))
    }

    /// True while the next line is the answer to a question, not a command.
    pub fn awaits_answer(&self) -> bool {
        self.question.is_some()
    }

    /// The answer to a question. A `[y/N]` answer is echoed after it, then the command runs again
    /// with the answer on its standard input (`echo y | …`, as Docker reads it); a typed prompt's
    /// answer is echoed by the program itself (a password not at all) and the command runs again
    /// with every answer so far. Only what follows what is already on screen is shown.
    fn answer(&mut self, pending: PendingQuestion, line: &str, now: Timestamp, screen: &mut TerminalScreen) -> Report {
        // The terminal echoes a `[y/N]` answer and the Enter of the web login; the login prompts echo
        // through the program (and a password not at all).
        if pending.answers.is_none() || pending.question.ends_with(DEVICE_WAIT) {
            let mut echo = Output::new();
            echo.push(Stream::Stdout, &format!("{line}\n"));
            screen.append(&echo);
        }
        let typed = pending.answers.is_some();
        let (command, answers) = match pending.answers {
            None => {
                let reply = if line.trim().eq_ignore_ascii_case("y") { "y" } else { "n" };
                (format!("echo {reply} | {}", pending.line), Vec::new())
            }
            Some(mut answers) => {
                answers.push(line.to_string());
                (pending.line.clone(), answers)
            }
        };
        self.session_mut().set_now(now);
        let (output, exercise) = match self.exercise.as_mut() {
            None => (self.free.run_line_answering(&command, answers.clone()), None),
            Some(run) => {
                let step = run.attempt.run_answering(&command, answers.clone());
                let just_solved = step.status.satisfied && !run.solved;
                run.solved |= step.status.satisfied;
                let output = match (step.output, step.refused) {
                    (Some(output), _) => output,
                    (None, Some(why)) => {
                        screen.notice(&why);
                        Output::new()
                    }
                    (None, None) => Output::new(),
                };
                (output, Some(ExerciseReport { key: run.attempt.exercise().key(), status: step.status, just_solved }))
            }
        };
        let rest = without_question(&output, &pending.question);
        screen.append(&rest);
        if typed {
            self.question = question_of(&pending.line, &output).map(|q| PendingQuestion { answers: Some(answers), ..q });
        }
        Report { exercise, explanation: compiled_course::explain(&output) }
    }

    /// Called on a timer while busy: prints what the foreground command wrote since the last call.
    /// Returns a report when the command finished.
    pub fn poll(&mut self, now: Timestamp, screen: &mut TerminalScreen) -> Option<Report> {
        if !self.session().is_attached() {
            return None;
        }
        self.session_mut().set_now(now);
        let output = self.session_mut().poll()?;
        screen.append(&output);
        if self.is_busy() {
            return None;
        }
        Some(self.report(true, compiled_course::explain(&output)))
    }

    /// The exercise's state now (the goal checked again), as a report.
    fn report(&mut self, may_solve: bool, explanation: Option<Explanation>) -> Report {
        let exercise = self.exercise.as_mut().map(|run| {
            let status = run.attempt.status();
            let just_solved = may_solve && status.satisfied && !run.solved;
            run.solved |= may_solve && status.satisfied;
            ExerciseReport { key: run.attempt.exercise().key(), status, just_solved }
        });
        Report { exercise, explanation }
    }

    /// Ctrl+C: stops the foreground command, or abandons the line being typed (`typed`).
    pub fn interrupt(&mut self, typed: &str, now: Timestamp, screen: &mut TerminalScreen) -> Option<Report> {
        self.session_mut().set_now(now);
        if self.is_busy() {
            let mut echo = Output::new();
            echo.push(Stream::Stdout, CTRL_C);
            echo.push(Stream::Stdout, "\n");
            screen.append(&echo);
            let output = self.session_mut().interrupt();
            screen.append(&output);
            return Some(self.report(true, None));
        }
        if self.question.take().is_some() {
            let mut echo = Output::new();
            echo.push(Stream::Stdout, &format!("{typed}{CTRL_C}\n"));
            screen.append(&echo.with_exit(130));
            return None;
        }
        if self.continuation.take().is_some() {
            screen.continue_command(&format!("{typed}{CTRL_C}"));
            screen.append(&Output::new().with_exit(130));
            return None;
        }
        let prompt = self.prompt();
        if self.session().in_container_shell() {
            let _ = self.session_mut().interrupt();
        }
        screen.record(&prompt, &format!("{typed}{CTRL_C}"), &Output::new().with_exit(130));
        None
    }

    /// Ctrl+P Ctrl+Q: leaves the foreground command running in the background.
    pub fn detach(&mut self, screen: &mut TerminalScreen) {
        if self.session().is_attached() {
            self.session_mut().detach();
            let mut echo = Output::new();
            echo.push(Stream::Stdout, "\n");
            screen.append(&echo);
        }
    }

    /// Puts an exercise in the terminal: a fresh session in its start state.
    pub fn start_exercise(&mut self, exercise: &Exercise, now: Timestamp, screen: &mut TerminalScreen) -> ExerciseReport {
        self.seed = self.seed.wrapping_add(1);
        let config = SessionConfig { seed: self.seed, start: now, tty: true };
        let attempt = Attempt::new(exercise.clone(), config);
        let status = attempt.status();
        self.exercise = Some(ExerciseRun { attempt, solved: false });
        self.continuation = None;
        self.question = None;
        screen.notice(&format!(
            "Ejercicio «{}»: la terminal está en su estado inicial. Tu objetivo se comprueba después de cada comando.",
            exercise.title
        ));
        ExerciseReport { key: exercise.key(), status, just_solved: false }
    }

    /// Back to the free session (as it was before the exercise).
    pub fn leave_exercise(&mut self, screen: &mut TerminalScreen) {
        if self.exercise.take().is_some() {
            self.continuation = None;
            self.question = None;
            screen.notice("Has vuelto a la terminal libre, tal como la dejaste.");
        }
    }

    /// Undoes the exercise's last command (the setup and every earlier line are replayed).
    pub fn undo(&mut self, screen: &mut TerminalScreen) -> Option<ExerciseReport> {
        let run = self.exercise.as_mut()?;
        let message = match run.attempt.lines().last() {
            None => "No hay ningún comando que deshacer.".to_string(),
            Some(last) => {
                let message = format!("Deshecho «{last}»: todo vuelve a estar como antes de ese comando.");
                run.attempt.undo();
                message
            }
        };
        self.continuation = None;
        self.question = None;
        screen.notice(&message);
        Some(self.report(false, None)).and_then(|r| r.exercise)
    }

    /// Starts the exercise again from its start state.
    pub fn reset(&mut self, screen: &mut TerminalScreen) -> Option<ExerciseReport> {
        let run = self.exercise.as_mut()?;
        run.attempt.reset();
        run.solved = false;
        self.continuation = None;
        self.question = None;
        screen.notice("Ejercicio reiniciado: la terminal vuelve a su estado inicial.");
        Some(self.report(false, None)).and_then(|r| r.exercise)
    }
}

/// The question a line ended with (`[y/N]`, or a prompt such as `Username: `), when the line is
/// one simple command (so that it can run again with the answer).
fn question_of(line: &str, output: &Output) -> Option<PendingQuestion> {
    if output.exit_code != 0 || output.attached.is_some() || line.contains([';', '&', '|', '\n', '`', '$']) {
        return None;
    }
    let stdout: String = output.chunks.iter().filter(|c| c.stream == Stream::Stdout).map(|c| c.text.as_str()).collect();
    // Everything on screen so far, both streams: the run with the answer repeats it.
    let shown: String = output.chunks.iter().map(|c| c.text.as_str()).collect();
    let answers = if stdout.ends_with(QUESTION_END) {
        None
    } else if stdout.ends_with(USERNAME_PROMPT) || stdout.ends_with(PASSWORD_PROMPT) || shown.ends_with(DEVICE_WAIT) {
        Some(Vec::new())
    } else {
        return None;
    };
    Some(PendingQuestion { line: line.to_string(), question: shown, answers })
}

/// The output without what it starts with that is already on the screen (the question and what
/// came before it, on either stream).
fn without_question(output: &Output, question: &str) -> Output {
    let mut rest = Output { chunks: Vec::new(), exit_code: output.exit_code, events: output.events.clone(), attached: output.attached.clone() };
    let mut skip = question;
    for chunk in &output.chunks {
        if !skip.is_empty() {
            if let Some(after) = chunk.text.strip_prefix(skip) {
                skip = "";
                rest.push(chunk.stream, after);
                continue;
            }
            if let Some(left) = skip.strip_prefix(chunk.text.as_str()) {
                skip = left;
                continue;
            }
            skip = "";
        }
        rest.push(chunk.stream, &chunk.text);
    }
    rest
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use crate::terminal_screen::EntryKind;

    const START: Timestamp = Timestamp(1_763_200_800_000_000_000);

    fn texts(screen: &TerminalScreen) -> Vec<(String, String, String)> {
        screen
            .entries()
            .iter()
            .map(|e| match &e.kind {
                EntryKind::Command { prompt, line, more, output, .. } => {
                    let line = std::iter::once(line.clone()).chain(more.iter().map(|m| format!("> {m}"))).collect::<Vec<_>>().join("\n");
                    (prompt.clone(), line, output.iter().map(|c| c.text.as_str()).collect())
                }
                EntryKind::Output { output } => (String::new(), String::new(), output.iter().map(|c| c.text.as_str()).collect()),
                EntryKind::Notice(text) => (String::new(), String::new(), text.clone()),
            })
            .collect()
    }

    fn exercise(lesson: &str, id: &str) -> &'static Exercise {
        let course = match crate::compiled_course::course() {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        match course.lesson(lesson).and_then(|l| l.exercise(id)) {
            Some(e) => e,
            None => panic!("no exercise {lesson}/{id}"),
        }
    }

    #[test]
    fn a_command_is_echoed_after_the_prompt_with_its_output() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        let report = driver.submit("docker --version", START, &mut screen);
        assert_eq!(report, Some(Report::default()));
        let [(prompt, line, output)] = texts(&screen).try_into().unwrap_or_default();
        assert_eq!(prompt, driver.prompt());
        assert!(prompt.ends_with("$ "), "{prompt:?}");
        assert_eq!(line, "docker --version");
        assert!(output.starts_with("Docker version 28.2.2, build "), "{output:?}");
        assert!(!driver.is_busy());
    }

    #[test]
    fn a_blank_line_only_echoes_the_prompt() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("   ", START, &mut screen);
        assert_eq!(texts(&screen), vec![(driver.prompt(), "   ".to_string(), String::new())]);
    }

    #[test]
    fn ctrl_c_at_the_prompt_abandons_the_line() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.interrupt("docker ps", START, &mut screen);
        assert_eq!(texts(&screen), vec![(driver.prompt(), "docker ps^C".to_string(), String::new())]);
    }

    #[test]
    fn clear_clears_the_screen() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        screen.notice("hola");
        driver.submit("docker --version", START, &mut screen);
        driver.submit("clear", START, &mut screen);
        assert!(texts(&screen).iter().all(|(_, line, _)| line != "docker --version"), "{:?}", texts(&screen));
    }

    #[test]
    fn a_foreground_server_keeps_the_terminal_busy_until_ctrl_c() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker run nginx", START, &mut screen);
        assert!(driver.is_busy(), "{:?}", texts(&screen));
        let prompt_lines = screen.entries().len();
        assert_eq!(driver.submit("docker ps", START.plus_secs(1), &mut screen), None);
        assert_eq!(screen.entries().len(), prompt_lines, "no line runs while busy");
        driver.poll(START.plus_secs(5), &mut screen);
        driver.interrupt("", START.plus_secs(6), &mut screen);
        assert!(!driver.is_busy());
        let all = texts(&screen);
        let (_, line, output) = all.last().cloned().unwrap_or_default();
        assert_eq!(line, "docker run nginx");
        assert!(output.contains("^C\n"), "{output:?}");
    }

    #[test]
    fn an_unfinished_line_asks_for_more_with_the_continuation_prompt() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        let host_prompt = driver.prompt();
        assert_eq!(driver.submit("echo \"uno", START, &mut screen), None);
        assert_eq!(driver.prompt(), "> ");
        assert_eq!(driver.submit("dos\"", START, &mut screen), Some(Report::default()));
        assert_eq!(driver.prompt(), host_prompt);
        assert_eq!(texts(&screen), vec![(host_prompt.clone(), "echo \"uno\n> dos\"".to_string(), "uno\ndos\n".to_string())]);
    }

    #[test]
    fn ctrl_c_abandons_an_unfinished_command() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker ps |", START, &mut screen);
        driver.interrupt("gr", START, &mut screen);
        assert_eq!(driver.prompt(), driver.session().prompt());
        assert_eq!(texts(&screen), vec![(driver.prompt(), "docker ps |\n> gr^C".to_string(), String::new())]);
    }

    #[test]
    fn engine_errors_come_with_a_spanish_explanation() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker run -d --name web nginx", START, &mut screen);
        let report = driver.submit("docker run -d --name web nginx", START, &mut screen);
        let explanation = report.and_then(|r| r.explanation);
        assert_eq!(explanation.map(|e| e.kind), Some("name-conflict".to_string()));
    }

    #[test]
    fn an_exercise_is_checked_after_every_line_and_solved_once() {
        let ex = exercise("anatomia-de-una-imagen", "otro-nombre");
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker pull alpine", START, &mut screen);
        let first = driver.start_exercise(ex, START, &mut screen);
        assert_eq!(first.key, "anatomia-de-una-imagen/otro-nombre");
        assert!(!first.status.satisfied);
        assert_eq!(driver.exercise_key().as_deref(), Some("anatomia-de-una-imagen/otro-nombre"));
        let images = driver.submit("docker images", START, &mut screen).and_then(|r| r.exercise);
        assert!(images.is_some_and(|r| !r.status.satisfied && !r.just_solved));
        let solved = driver.submit("docker tag nginx web:1.0", START, &mut screen).and_then(|r| r.exercise);
        assert!(solved.as_ref().is_some_and(|r| r.status.satisfied && r.just_solved), "{solved:?}");
        let again = driver.submit("docker images", START, &mut screen).and_then(|r| r.exercise);
        assert!(again.is_some_and(|r| r.status.satisfied && !r.just_solved));
        driver.leave_exercise(&mut screen);
        assert_eq!(driver.exercise_key(), None);
        assert!(driver.session().engine.images.resolve("alpine").is_ok(), "the free session is as it was");
    }

    #[test]
    fn forbidden_commands_are_refused_with_the_reason() {
        let ex = exercise("anatomia-de-una-imagen", "otro-nombre");
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.start_exercise(ex, START, &mut screen);
        let report = driver.submit("docker pull nginx", START, &mut screen);
        assert!(report.is_some_and(|r| r.explanation.is_none()));
        let all = texts(&screen);
        let (_, _, why) = all.last().cloned().unwrap_or_default();
        assert_eq!(why, "En este ejercicio no puedes usar `docker pull`. Busca otra forma de conseguirlo.");
    }

    #[test]
    fn undo_and_reset_go_back() {
        let ex = exercise("ciclo-de-vida-de-un-contenedor", "cada-uno-en-su-estado");
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.start_exercise(ex, START, &mut screen);
        assert!(driver.undo(&mut screen).is_some_and(|r| !r.status.satisfied));
        assert!(texts(&screen).last().is_some_and(|(_, _, t)| t == "No hay ningún comando que deshacer."));
        for line in &ex.solution {
            driver.submit(line, START, &mut screen);
        }
        assert!(driver.undo(&mut screen).is_some_and(|r| !r.status.satisfied));
        assert!(texts(&screen).last().is_some_and(|(_, _, t)| t.starts_with("Deshecho «docker rm tarea borrador»")));
        let redo = driver.submit("docker rm tarea borrador", START, &mut screen).and_then(|r| r.exercise);
        assert!(redo.is_some_and(|r| r.status.satisfied && !r.just_solved), "solved once per run");
        let reset = driver.reset(&mut screen);
        assert!(reset.is_some_and(|r| !r.status.satisfied));
        for line in &ex.solution {
            driver.submit(line, START, &mut screen);
        }
        let status = driver.submit("docker ps -a", START, &mut screen).and_then(|r| r.exercise);
        assert!(status.is_some_and(|r| r.status.satisfied));
    }

    #[test]
    fn a_y_n_question_takes_the_next_line_as_its_answer() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker run --name uno busybox true", START, &mut screen);
        driver.submit("docker container prune", START, &mut screen);
        assert_eq!(driver.prompt(), "", "the question is the prompt");
        let question = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ";
        assert_eq!(texts(&screen).last().map(|t| t.2.clone()).as_deref(), Some(question));
        driver.submit("y", START, &mut screen);
        let all = texts(&screen);
        let (_, line, output) = all.last().cloned().unwrap_or_default();
        assert_eq!(line, "docker container prune");
        let id = driver.session().engine.containers.len();
        assert_eq!(id, 0, "the stopped container is gone");
        assert!(output.starts_with(&format!("{question}y\nDeleted Containers:\n")), "{output:?}");
        assert!(output.ends_with("\nTotal reclaimed space: 0B\n"), "{output:?}");
        assert!(driver.prompt().ends_with("$ "));
    }

    #[test]
    fn docker_login_asks_for_username_and_password_at_the_prompt() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker login myregistry.com", START, &mut screen);
        assert!(driver.awaits_answer() && !driver.hides_input());
        assert_eq!(texts(&screen).last().map(|t| t.2.clone()).as_deref(), Some("Username: "));
        driver.submit("estudiante", START, &mut screen);
        assert!(driver.hides_input(), "the password is typed unseen");
        driver.submit("muelle123", START, &mut screen);
        assert!(!driver.awaits_answer());
        let (_, line, output) = texts(&screen).last().cloned().unwrap_or_default();
        assert_eq!(line, "docker login myregistry.com");
        assert!(output.starts_with("Username: estudiante\nPassword: \n"), "{output:?}");
        assert!(output.ends_with("Login Succeeded\n"), "{output:?}");
        assert!(!output.contains("muelle123"), "the password never shows");
        assert!(driver.prompt().ends_with("$ "));
    }

    #[test]
    fn docker_hub_login_is_web_based_and_enter_signs_in() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker login", START, &mut screen);
        assert!(driver.awaits_answer() && !driver.hides_input());
        let (_, _, shown) = texts(&screen).last().cloned().unwrap_or_default();
        assert!(shown.starts_with("\nUSING WEB-BASED LOGIN\n\ni Info → To sign in with credentials on the command line, use 'docker login -u <username>'\n"), "{shown:?}");
        assert!(shown.contains("\nYour one-time device confirmation code is: "), "{shown:?}");
        assert!(shown.ends_with("https://login.docker.com/activate\n\nWaiting for authentication in the browser…\n"), "{shown:?}");
        driver.submit("", START, &mut screen);
        assert!(!driver.awaits_answer());
        let (_, _, output) = texts(&screen).last().cloned().unwrap_or_default();
        assert!(output.starts_with(&shown), "what was shown stays, once: {output:?}");
        assert_eq!(output.matches("USING WEB-BASED LOGIN").count(), 1, "{output:?}");
        assert!(output.ends_with("Login Succeeded\n"), "{output:?}");
    }

    #[test]
    fn no_and_ctrl_c_leave_everything_as_it_was() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        driver.submit("docker run --name uno busybox true", START, &mut screen);
        driver.submit("docker container prune", START, &mut screen);
        driver.submit("n", START, &mut screen);
        assert_eq!(driver.session().engine.containers.len(), 1);
        let (_, _, output) = texts(&screen).last().cloned().unwrap_or_default();
        assert!(output.ends_with("[y/N] n\n"), "{output:?}");
        driver.submit("docker container prune", START, &mut screen);
        driver.interrupt("", START, &mut screen);
        assert_eq!(driver.session().engine.containers.len(), 1);
        assert!(texts(&screen).last().is_some_and(|(_, _, o)| o.ends_with("[y/N] ^C\n")));
        assert!(driver.prompt().ends_with("$ "));
        // With -f, or with an answer already piped, nothing is asked.
        driver.submit("echo y | docker container prune", START, &mut screen);
        assert!(driver.prompt().ends_with("$ "));
        assert_eq!(driver.session().engine.containers.len(), 0);
    }

    #[test]
    fn without_an_exercise_undo_does_nothing() {
        let mut driver = TerminalDriver::new(1, START);
        let mut screen = TerminalScreen::new();
        assert_eq!(driver.undo(&mut screen), None);
        assert_eq!(driver.reset(&mut screen), None);
        assert!(screen.entries().is_empty());
    }
}
