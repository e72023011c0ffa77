//! Exercises: a start state (setup commands), a goal in the goal language, escalating hints, a
//! reference solution and optional restrictions, written as a ` ```ejercicio ` TOML block in a
//! lesson. [`Attempt`] drives one learner's try: it runs lines, refuses restricted commands,
//! checks the goal after every command, undoes and resets.

use serde::{Deserialize, Serialize};
use simulator::{MemoryProject, Output, Session, SessionConfig};

use crate::goal::{self, Goal, GoalStatus, World};
#[cfg(feature = "source")]
use crate::problem::Problem;
use crate::quiz::Rich;
use crate::restriction::{self, Restriction};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    /// Unique in its lesson.
    pub id: String,
    /// The lesson it belongs to (so `lesson_id/id` is unique in the course).
    pub lesson_id: String,
    pub title: String,
    /// What to do, in Markdown → HTML.
    pub statement: Rich,
    /// Commands run in a fresh session before the learner starts.
    pub setup: Vec<String>,
    /// The goal as written.
    pub goal_text: String,
    pub goal: Goal,
    /// From gentle to explicit.
    pub hints: Vec<Rich>,
    /// Commands that reach the goal from the start state.
    pub solution: Vec<String>,
    pub restrictions: Vec<Restriction>,
}

impl Exercise {
    /// `lesson/exercise`: the key to record progress under.
    pub fn key(&self) -> String {
        format!("{}/{}", self.lesson_id, self.id)
    }

    /// Checks the goal against a session (the last exit code is the shell's `$?`).
    pub fn check(&self, session: &Session) -> GoalStatus {
        goal::check(&self.goal, &World::from_session(session))
    }

    /// Checks the goal against a session right after `last` was printed (for goals about the last
    /// command's output).
    pub fn check_after(&self, session: &Session, last: &Output) -> GoalStatus {
        goal::check(&self.goal, &World::from_session(session).with_output(last))
    }

    /// The restriction a command line breaks, with the Spanish message to show.
    pub fn violation(&self, line: &str) -> Option<String> {
        restriction::violated(&self.restrictions, line)
            .map(|r| format!("En este ejercicio no puedes usar `{}`. Busca otra forma de conseguirlo.", r.text))
    }

    /// A fresh session (as the browser's: `tty: true`) with the setup already run.
    pub fn start(&self) -> Attempt {
        Attempt::new(self.clone(), SessionConfig { tty: true, ..SessionConfig::default() })
    }
}

/// What happened when the learner ran one line in an exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The line's output; `None` when it was refused.
    pub output: Option<Output>,
    /// Set when the line was refused because of a restriction.
    pub refused: Option<String>,
    pub status: GoalStatus,
    /// True the first time the goal is met.
    pub just_solved: bool,
}

/// One learner's try at an exercise.
pub struct Attempt {
    exercise: Exercise,
    config: SessionConfig,
    pub session: Session,
    /// The learner's lines so far (refused ones excluded).
    lines: Vec<String>,
    last_output: Option<Output>,
    solved: bool,
    hints_shown: usize,
}

impl Attempt {
    pub fn new(exercise: Exercise, config: SessionConfig) -> Attempt {
        let session = fresh_session(&exercise, &config);
        Attempt { exercise, config, session, lines: Vec::new(), last_output: None, solved: false, hints_shown: 0 }
    }

    pub fn exercise(&self) -> &Exercise {
        &self.exercise
    }

    /// Runs one line (unless a restriction forbids it) and checks the goal.
    pub fn run(&mut self, line: &str) -> Step {
        self.run_answering(line, Vec::new())
    }

    /// Runs one line with the answers typed so far at its interactive prompts (see
    /// [`Session::run_line_answering`]) and checks the goal.
    pub fn run_answering(&mut self, line: &str, answers: Vec<String>) -> Step {
        if let Some(message) = self.exercise.violation(line) {
            return Step { output: None, refused: Some(message), status: self.status(), just_solved: false };
        }
        // A foreground command may still be attached: the UI keeps polling the session and
        // asks for `status()` again when it finishes.
        let output = self.session.run_line_answering(line, answers);
        self.lines.push(line.to_string());
        self.last_output = Some(output.clone());
        let status = self.status();
        let just_solved = status.satisfied && !self.solved;
        self.solved |= status.satisfied;
        Step { output: Some(output), refused: None, status, just_solved }
    }

    /// The goal's state now.
    pub fn status(&self) -> GoalStatus {
        match &self.last_output {
            Some(out) => self.exercise.check_after(&self.session, out),
            None => goal::check(&self.exercise.goal, &World { last_exit: None, ..World::from_session(&self.session) }),
        }
    }

    /// True once the goal has been met (it stays true).
    pub fn solved(&self) -> bool {
        self.solved
    }

    /// The lines run so far.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Undoes the last line: replays the setup and every line but the last in a fresh session.
    pub fn undo(&mut self) -> GoalStatus {
        self.lines.pop();
        let lines = std::mem::take(&mut self.lines);
        self.session = fresh_session(&self.exercise, &self.config);
        self.last_output = None;
        for line in &lines {
            let out = self.session.run_line(line);
            settle(&mut self.session);
            self.last_output = Some(out);
        }
        self.lines = lines;
        self.status()
    }

    /// Starts again from the start state.
    pub fn reset(&mut self) -> GoalStatus {
        self.session = fresh_session(&self.exercise, &self.config);
        self.lines.clear();
        self.last_output = None;
        self.status()
    }

    /// The next hint (each call reveals one more), or `None` when all were shown.
    pub fn next_hint(&mut self) -> Option<&Rich> {
        let hint = self.exercise.hints.get(self.hints_shown)?;
        self.hints_shown += 1;
        Some(hint)
    }

    /// How many hints were revealed.
    pub fn hints_shown(&self) -> usize {
        self.hints_shown
    }
}

/// A new session with the exercise's setup run (foreground commands interrupted).
fn fresh_session(exercise: &Exercise, config: &SessionConfig) -> Session {
    let mut session = Session::new(config.clone(), Box::new(MemoryProject::new()));
    for line in &exercise.setup {
        session.run_line(line);
        settle(&mut session);
    }
    session
}

/// Leaves the session at a prompt: interrupts a foreground command, leaves a container shell.
pub fn settle(session: &mut Session) {
    if session.in_container_shell() {
        session.run_line("exit");
    }
    if session.is_attached() {
        session.interrupt();
    }
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    id: String,
    titulo: String,
    enunciado: String,
    #[serde(default)]
    preparacion: Vec<String>,
    objetivo: String,
    pistas: Vec<String>,
    solucion: Vec<String>,
    #[serde(default)]
    prohibidos: Vec<String>,
}

/// Reads an exercise block. `text` is the whole lesson file; the TOML starts at byte `base`.
#[cfg(feature = "source")]
pub fn load(file: &str, text: &str, base: usize, toml_text: &str, lesson_id: &str) -> Result<Exercise, Vec<Problem>> {
    let raw: ExerciseFile = toml::from_str(toml_text).map_err(|e| vec![Problem::toml(file, text, base, &e)])?;
    let mut problems = Vec::new();
    let at = |message: String| Problem::at(file, text, base, message);
    let who = format!("ejercicio `{}`", raw.id);
    if raw.id.is_empty() || !raw.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        problems.push(at(format!("{who}: el id solo puede tener letras, números, - y _")));
    }
    if raw.titulo.trim().is_empty() {
        problems.push(at(format!("{who}: falta el título")));
    }
    if raw.pistas.is_empty() {
        problems.push(at(format!("{who}: escribe al menos una pista (de más suave a más explícita)")));
    }
    if raw.solucion.is_empty() {
        problems.push(at(format!("{who}: falta la solución (los comandos que resuelven el ejercicio)")));
    }
    let goal = match goal::parse(&raw.objetivo) {
        Ok(g) => Some(g),
        Err(e) => {
            // Point into the file when the goal text appears there as written.
            let trimmed_start = raw.objetivo.len() - raw.objetivo.trim_start().len();
            let located = toml_text
                .find(raw.objetivo.trim())
                .map(|found| Problem::at(file, text, base + found + e.offset.saturating_sub(trimmed_start), format!("{who}, objetivo: {}", e.message)));
            problems.push(located.unwrap_or_else(|| at(format!("{who}, objetivo ({e})"))));
            None
        }
    };
    let mut restrictions = Vec::new();
    for r in &raw.prohibidos {
        match Restriction::parse(r) {
            Ok(r) => restrictions.push(r),
            Err(m) => problems.push(at(format!("{who}: {m}"))),
        }
    }
    match goal {
        Some(goal) if problems.is_empty() => Ok(Exercise {
            id: raw.id,
            lesson_id: lesson_id.to_string(),
            title: raw.titulo.trim().to_string(),
            statement: Rich { markdown: raw.enunciado.clone(), html: crate::markdown::render_markdown(&raw.enunciado) },
            setup: raw.preparacion,
            goal_text: raw.objetivo.trim().to_string(),
            goal,
            hints: raw.pistas.iter().map(|h| Rich::new(h)).collect(),
            solution: raw.solucion,
            restrictions,
        }),
        _ => Err(problems),
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    const BLOCK: &str = r#"id = "web"
titulo = "Publica nginx"
enunciado = "Arranca `nginx`."
preparacion = ["docker pull nginx"]
objetivo = "contenedor en ejecución llamado web de la imagen nginx publicando 80 en 8080"
pistas = ["Usa `docker run`.", "Con `-d`, `--name` y `-p`."]
solucion = ["docker run -d --name web -p 8080:80 nginx"]
prohibidos = ["docker commit"]
"#;

    fn exercise() -> Exercise {
        match load("l.md", BLOCK, 0, BLOCK, "leccion") {
            Ok(e) => e,
            Err(p) => panic!("{p:?}"),
        }
    }

    #[test]
    fn an_attempt_is_checked_after_every_line() {
        let ex = exercise();
        assert_eq!(ex.key(), "leccion/web");
        let mut attempt = ex.start();
        assert!(!attempt.status().satisfied);
        let step = attempt.run("docker run -d --name web nginx");
        assert!(!step.status.satisfied);
        let unmet = step.status.first_unmet().and_then(|p| p.detail.clone()).unwrap_or_default();
        assert_eq!(unmet, "El contenedor `web` no publica el puerto 80 en el 8080 del equipo (no publica ningún puerto).");
        attempt.run("docker rm -f web");
        let step = attempt.run("docker run -d --name web -p 8080:80 nginx");
        assert!(step.status.satisfied && step.just_solved, "{:?}", step.status);
        let again = attempt.run("docker ps");
        assert!(again.status.satisfied && !again.just_solved);
    }

    #[test]
    fn undo_and_reset_replay_from_the_start_state() {
        let ex = exercise();
        let mut attempt = ex.start();
        attempt.run("docker run -d --name web -p 8080:80 nginx");
        assert!(attempt.status().satisfied);
        attempt.run("docker stop web");
        assert!(!attempt.status().satisfied);
        assert!(attempt.undo().satisfied);
        assert_eq!(attempt.lines(), ["docker run -d --name web -p 8080:80 nginx"]);
        assert!(!attempt.reset().satisfied);
        assert!(attempt.lines().is_empty());
        assert!(attempt.session.engine.images.resolve("nginx").is_ok(), "setup ran again");
    }

    #[test]
    fn restricted_commands_are_refused() {
        let mut attempt = exercise().start();
        let step = attempt.run("docker commit x y");
        assert_eq!(step.output, None);
        assert_eq!(step.refused.as_deref(), Some("En este ejercicio no puedes usar `docker commit`. Busca otra forma de conseguirlo."));
        assert!(attempt.lines().is_empty());
    }

    #[test]
    fn hints_are_revealed_one_by_one() {
        let mut attempt = exercise().start();
        assert_eq!(attempt.next_hint().map(|h| h.html.clone()), Some("Usa <code>docker run</code>.".to_string()));
        assert!(attempt.next_hint().is_some());
        assert!(attempt.next_hint().is_none());
        assert_eq!(attempt.hints_shown(), 2);
    }

    #[test]
    fn goal_errors_point_into_the_file() {
        let text = BLOCK.replace("publicando 80 en 8080", "publicando 80 en 80800");
        let problems = load("l.md", &text, 0, &text, "leccion").err().unwrap_or_default();
        let p = problems.first().map(|p| (p.line, p.column, p.message.clone()));
        assert_eq!(
            p,
            Some((5, 85, "ejercicio `web`, objetivo: el puerto «80800» no es válido: debe estar entre 1 y 65535".to_string()))
        );
    }

    #[test]
    fn missing_fields_are_reported_in_spanish() {
        let text = "id = \"x\"\ntitulo = \"t\"\n";
        let problems = load("l.md", text, 0, text, "l").err().unwrap_or_default();
        assert!(problems.first().is_some_and(|p| p.message.starts_with("falta el campo")), "{problems:?}");
    }
}
