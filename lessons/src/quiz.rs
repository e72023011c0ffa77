//! Quizzes: single choice, multiple choice, ordering and open questions, written in TOML (a
//! ` ```quiz ` block in a lesson, or a `*.quiz.toml` file), graded by [`Quiz::grade`].
//!
//! Every question has a stable `id` and `puntos`, so answers can be exported, handed in and
//! graded later by an instructor; open questions (`tipo = "abierta"`) are left for the
//! instructor (their result is [`Verdict::Pending`]). In practice mode the UI calls
//! [`Question::grade`] after each answer and shows the feedback at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(feature = "source")]
use crate::markdown::render_inline;
#[cfg(feature = "source")]
use crate::problem::Problem;

/// Text written in Markdown by an author, with its rendered HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Rich {
    pub markdown: String,
    pub html: String,
}

impl Rich {
    #[cfg(feature = "source")]
    pub fn new(markdown: &str) -> Self {
        Rich { markdown: markdown.trim().to_string(), html: render_inline(markdown.trim()) }
    }
}

/// How a quiz is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback after each answer.
    #[serde(rename = "practica")]
    Practice,
    /// Answers are handed in; feedback after grading.
    #[serde(rename = "entrega")]
    HandIn,
}

/// The kinds of questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// One correct option.
    #[serde(rename = "unica")]
    Single,
    /// One or more correct options.
    #[serde(rename = "multiple")]
    Multiple,
    /// Put the items in order.
    #[serde(rename = "ordenar")]
    Ordering,
    /// Free text, graded by an instructor.
    #[serde(rename = "abierta")]
    Open,
}

/// An option of a choice question, or an item of an ordering question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable id (`a`, `b`, … unless the author gave one).
    pub id: String,
    pub text: Rich,
    pub correct: bool,
    /// Feedback shown when the learner picks it.
    pub feedback: Option<Rich>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub prompt: Rich,
    pub points: u32,
    /// Options (single, multiple) or items in their correct order (ordering).
    pub choices: Vec<Choice>,
    /// Multiple choice: partial credit instead of all or nothing.
    pub partial: bool,
    /// General feedback, shown after answering whatever the answer.
    pub feedback: Option<Rich>,
    /// Open questions: what the instructor should look for.
    pub rubric: Option<Rich>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    pub id: String,
    pub title: String,
    pub mode: Mode,
    pub questions: Vec<Question>,
}

/// A learner's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "tipo", content = "valor", rename_all = "lowercase")]
pub enum Answer {
    /// The id of the chosen option.
    #[serde(rename = "unica")]
    Single(String),
    /// The ids of the chosen options.
    #[serde(rename = "multiple")]
    Multiple(Vec<String>),
    /// Item ids in the learner's order.
    #[serde(rename = "ordenar")]
    Order(Vec<String>),
    #[serde(rename = "abierta")]
    Text(String),
}

/// Answers by question id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn set(&mut self, question: &str, answer: Answer) {
        self.0.insert(question.to_string(), answer);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Correct,
    Partial,
    Incorrect,
    Unanswered,
    /// Waiting for an instructor (open questions).
    Pending,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub verdict: Verdict,
    pub points: f64,
    pub max_points: f64,
    /// Feedback paragraphs, as HTML, in the order to show them.
    pub feedback: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizResult {
    pub score: f64,
    pub max_score: f64,
    pub questions: Vec<QuestionResult>,
    /// True when some question waits for an instructor.
    pub pending_review: bool,
}

impl Quiz {
    /// Grades every question (unanswered ones score 0).
    pub fn grade(&self, answers: &Answers) -> QuizResult {
        let questions: Vec<QuestionResult> = self.questions.iter().map(|q| q.grade(answers.0.get(&q.id))).collect();
        QuizResult {
            score: questions.iter().map(|r| r.points).sum(),
            max_score: questions.iter().map(|r| r.max_points).sum(),
            pending_review: questions.iter().any(|r| r.verdict == Verdict::Pending),
            questions,
        }
    }

    /// The answers that get full marks (open questions excepted).
    pub fn key(&self) -> Answers {
        let mut answers = Answers::new();
        for q in &self.questions {
            let correct = || q.choices.iter().filter(|c| c.correct).map(|c| c.id.clone());
            let answer = match q.kind {
                Kind::Single => correct().next().map(Answer::Single),
                Kind::Multiple => Some(Answer::Multiple(correct().collect())),
                Kind::Ordering => Some(Answer::Order(q.choices.iter().map(|c| c.id.clone()).collect())),
                Kind::Open => None,
            };
            if let Some(a) = answer {
                answers.set(&q.id, a);
            }
        }
        answers
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

impl Question {
    /// Grades one answer (`None`: not answered).
    pub fn grade(&self, answer: Option<&Answer>) -> QuestionResult {
        let max = f64::from(self.points);
        let mut feedback = Vec::new();
        let (verdict, fraction) = match (self.kind, answer) {
            (_, None) => {
                feedback.push("No has respondido a esta pregunta.".to_string());
                (Verdict::Unanswered, 0.0)
            }
            (Kind::Single, Some(Answer::Single(id))) => match self.choice(id) {
                Some(c) => {
                    feedback.extend(c.feedback.as_ref().map(|f| f.html.clone()));
                    if c.correct {
                        (Verdict::Correct, 1.0)
                    } else {
                        (Verdict::Incorrect, 0.0)
                    }
                }
                None => {
                    feedback.push("Esa opción no existe en esta pregunta.".to_string());
                    (Verdict::Incorrect, 0.0)
                }
            },
            (Kind::Multiple, Some(Answer::Multiple(ids))) => self.grade_multiple(ids, &mut feedback),
            (Kind::Ordering, Some(Answer::Order(ids))) => self.grade_order(ids, &mut feedback),
            (Kind::Open, Some(Answer::Text(text))) => {
                if text.trim().is_empty() {
                    feedback.push("No has respondido a esta pregunta.".to_string());
                    (Verdict::Unanswered, 0.0)
                } else {
                    feedback.push("Tu respuesta queda pendiente de corrección por el equipo docente.".to_string());
                    (Verdict::Pending, 0.0)
                }
            }
            _ => {
                feedback.push("La respuesta no corresponde al tipo de pregunta.".to_string());
                (Verdict::Incorrect, 0.0)
            }
        };
        if verdict != Verdict::Unanswered {
            feedback.extend(self.feedback.as_ref().map(|f| f.html.clone()));
        }
        QuestionResult { id: self.id.clone(), verdict, points: max * fraction, max_points: max, feedback }
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }

    fn grade_multiple(&self, ids: &[String], feedback: &mut Vec<String>) -> (Verdict, f64) {
        let mut chosen: Vec<&Choice> = Vec::new();
        for id in ids {
            if let Some(c) = self.choice(id) {
                if !chosen.iter().any(|x| x.id == c.id) {
                    chosen.push(c);
                }
            }
        }
        // Feedback in the order the options are shown.
        for c in &self.choices {
            if chosen.iter().any(|x| x.id == c.id) {
                feedback.extend(c.feedback.as_ref().map(|f| f.html.clone()));
            }
        }
        let total_correct = self.choices.iter().filter(|c| c.correct).count();
        let hits = chosen.iter().filter(|c| c.correct).count();
        let wrong = chosen.len() - hits;
        if hits == total_correct && wrong == 0 {
            return (Verdict::Correct, 1.0);
        }
        if hits < total_correct {
            feedback.push("Te falta marcar alguna opción correcta.".to_string());
        }
        if wrong > 0 {
            feedback.push("Has marcado alguna opción que no es correcta.".to_string());
        }
        let fraction = if self.partial && total_correct > 0 {
            let raw = (hits as f64 - wrong as f64) / total_correct as f64;
            raw.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (if fraction > 0.0 { Verdict::Partial } else { Verdict::Incorrect }, fraction)
    }

    fn grade_order(&self, ids: &[String], feedback: &mut Vec<String>) -> (Verdict, f64) {
        let expected: Vec<&str> = self.choices.iter().map(|c| c.id.as_str()).collect();
        let given: Vec<&str> = ids.iter().map(String::as_str).collect();
        if given == expected {
            return (Verdict::Correct, 1.0);
        }
        let position = |id: &str| given.iter().position(|g| *g == id);
        let mut said = false;
        for pair in self.choices.windows(2) {
            if let [a, b] = pair {
                let ok = matches!((position(&a.id), position(&b.id)), (Some(pa), Some(pb)) if pa < pb);
                if !ok {
                    feedback.push(format!("{} va antes que {}.", a.text.html, b.text.html));
                    said = true;
                    break;
                }
            }
        }
        if !said {
            feedback.push("El orden no es correcto.".to_string());
        }
        (Verdict::Incorrect, 0.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    id: String,
    #[serde(default)]
    titulo: Option<String>,
    #[serde(default)]
    modo: Option<Mode>,
    #[serde(default)]
    pregunta: Vec<QuestionFile>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    tipo: Kind,
    enunciado: String,
    #[serde(default)]
    puntos: Option<u32>,
    #[serde(default)]
    parcial: bool,
    #[serde(default)]
    retro: Option<String>,
    #[serde(default)]
    opcion: Vec<OptionFile>,
    #[serde(default)]
    elementos: Vec<String>,
    #[serde(default)]
    rubrica: Option<String>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    #[serde(default)]
    id: Option<String>,
    texto: String,
    #[serde(default)]
    correcta: bool,
    #[serde(default)]
    retro: Option<String>,
}

/// `a`, `b`, … `z`, `aa`, `ab`…
#[cfg(feature = "source")]
fn letter_id(i: usize) -> String {
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let mut n = i;
    let mut s = String::new();
    loop {
        let c = letters.chars().nth(n % 26).unwrap_or('a');
        s.insert(0, c);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s
}

#[cfg(feature = "source")]
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Reads a quiz written in TOML. `text` is the whole file and the TOML starts at byte `base`
/// (a ` ```quiz ` block inside a lesson), so that problems point into the file.
#[cfg(feature = "source")]
pub fn load(file: &str, text: &str, base: usize, toml_text: &str) -> Result<Quiz, Vec<Problem>> {
    let raw: QuizFile = toml::from_str(toml_text).map_err(|e| vec![Problem::toml(file, text, base, &e)])?;
    let mut problems = Vec::new();
    let at = |message: String| Problem::at(file, text, base, message);
    if !valid_id(&raw.id) {
        problems.push(at(format!("el id del cuestionario «{}» solo puede tener letras, números, - y _", raw.id)));
    }
    if raw.pregunta.is_empty() {
        problems.push(at("el cuestionario no tiene preguntas ([[pregunta]])".to_string()));
    }
    let mut questions = Vec::new();
    for q in raw.pregunta {
        let who = format!("pregunta `{}`", q.id);
        if !valid_id(&q.id) {
            problems.push(at(format!("{who}: el id solo puede tener letras, números, - y _")));
        }
        if questions.iter().any(|x: &Question| x.id == q.id) {
            problems.push(at(format!("{who}: el id está repetido")));
        }
        if q.enunciado.trim().is_empty() {
            problems.push(at(format!("{who}: falta el enunciado")));
        }
        let points = q.puntos.unwrap_or(1);
        if points == 0 {
            problems.push(at(format!("{who}: `puntos` debe ser al menos 1")));
        }
        let choices: Vec<Choice> = match q.tipo {
            Kind::Ordering => {
                if !q.opcion.is_empty() {
                    problems.push(at(format!("{who}: una pregunta de ordenar usa `elementos`, no `[[pregunta.opcion]]`")));
                }
                q.elementos
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Choice { id: letter_id(i), text: Rich::new(e), correct: true, feedback: None })
                    .collect()
            }
            _ => {
                if !q.elementos.is_empty() {
                    problems.push(at(format!("{who}: `elementos` solo sirve en preguntas de tipo \"ordenar\"")));
                }
                q.opcion
                    .iter()
                    .enumerate()
                    .map(|(i, o)| Choice {
                        id: o.id.clone().unwrap_or_else(|| letter_id(i)),
                        text: Rich::new(&o.texto),
                        correct: o.correcta,
                        feedback: o.retro.as_deref().map(Rich::new),
                    })
                    .collect()
            }
        };
        let n_correct = choices.iter().filter(|c| c.correct).count();
        match q.tipo {
            Kind::Single if choices.len() < 2 || n_correct != 1 => {
                problems.push(at(format!("{who}: una pregunta «unica» necesita al menos 2 opciones y exactamente 1 correcta (tiene {} y {n_correct})", choices.len())));
            }
            Kind::Multiple if choices.len() < 2 || n_correct == 0 => {
                problems.push(at(format!("{who}: una pregunta «multiple» necesita al menos 2 opciones y al menos 1 correcta (tiene {} y {n_correct})", choices.len())));
            }
            Kind::Ordering if choices.len() < 2 => {
                problems.push(at(format!("{who}: una pregunta de ordenar necesita al menos 2 elementos")));
            }
            Kind::Ordering if q.elementos.iter().enumerate().any(|(i, e)| q.elementos.iter().skip(i + 1).any(|f| f == e)) => {
                problems.push(at(format!("{who}: hay elementos repetidos")));
            }
            Kind::Open if !choices.is_empty() => {
                problems.push(at(format!("{who}: una pregunta abierta no tiene opciones")));
            }
            _ => {}
        }
        for (i, c) in choices.iter().enumerate() {
            if !valid_id(&c.id) {
                problems.push(at(format!("{who}: el id de opción «{}» solo puede tener letras, números, - y _", c.id)));
            }
            if choices.iter().skip(i + 1).any(|d| d.id == c.id) {
                problems.push(at(format!("{who}: el id de opción «{}» está repetido", c.id)));
            }
            if c.text.markdown.is_empty() {
                problems.push(at(format!("{who}: hay una opción sin texto")));
            }
        }
        questions.push(Question {
            id: q.id,
            kind: q.tipo,
            prompt: Rich::new(&q.enunciado),
            points,
            choices,
            partial: q.parcial,
            feedback: q.retro.as_deref().map(Rich::new),
            rubric: q.rubrica.as_deref().map(Rich::new),
        });
    }
    if problems.is_empty() {
        Ok(Quiz {
            id: raw.id,
            title: raw.titulo.unwrap_or_else(|| "Comprueba lo que sabes".to_string()),
            mode: raw.modo.unwrap_or(Mode::Practice),
            questions,
        })
    } else {
        Err(problems)
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const QUIZ: &str = r#"
id = "prueba"

[[pregunta]]
id = "estado"
tipo = "unica"
enunciado = "¿Qué estado deja `docker stop`?"
retro = "Repasa el diagrama."

[[pregunta.opcion]]
texto = "`paused`"
retro = "No: pausar congela."

[[pregunta.opcion]]
texto = "`exited`"
correcta = true
retro = "Eso es."

[[pregunta]]
id = "borran"
tipo = "multiple"
enunciado = "¿Qué comandos eliminan contenedores?"
puntos = 2
parcial = true

[[pregunta.opcion]]
texto = "`docker rm`"
correcta = true

[[pregunta.opcion]]
texto = "`docker container prune`"
correcta = true

[[pregunta.opcion]]
texto = "`docker stop`"
retro = "`stop` detiene, no elimina."

[[pregunta]]
id = "orden"
tipo = "ordenar"
enunciado = "Ordena"
elementos = ["`docker create`", "`docker start`", "`docker rm`"]

[[pregunta]]
id = "explica"
tipo = "abierta"
enunciado = "Explica qué es una capa."
rubrica = "Menciona solo lectura."
"#;

    fn quiz() -> Quiz {
        match load("q.toml", QUIZ, 0, QUIZ) {
            Ok(q) => q,
            Err(p) => panic!("{p:?}"),
        }
    }

    #[test]
    fn loads_questions_with_letter_ids() {
        let q = quiz();
        assert_eq!(q.questions.len(), 4);
        let ids: Vec<&str> = q.questions.iter().flat_map(|q| q.choices.iter().map(|c| c.id.as_str())).collect();
        assert_eq!(ids, ["a", "b", "a", "b", "c", "a", "b", "c"]);
        assert_eq!(q.mode, Mode::Practice);
        assert_eq!(q.questions.first().map(|q| q.prompt.html.as_str()), Some("¿Qué estado deja <code>docker stop</code>?"));
    }

    #[test]
    fn the_key_gets_full_marks_except_open_questions() {
        let q = quiz();
        let r = q.grade(&q.key());
        assert_eq!(r.score, 4.0);
        assert_eq!(r.max_score, 5.0);
        assert!(!r.pending_review);
        let mut answers = q.key();
        answers.set("explica", Answer::Text("Una capa es de solo lectura.".into()));
        let r = q.grade(&answers);
        assert!(r.pending_review);
        assert_eq!(r.questions.last().map(|x| x.verdict), Some(Verdict::Pending));
    }

    #[test]
    fn single_choice_feedback_per_option() {
        let q = quiz();
        let Some(question) = q.question("estado") else { panic!() };
        let r = question.grade(Some(&Answer::Single("a".into())));
        assert_eq!(r.verdict, Verdict::Incorrect);
        assert_eq!(r.feedback, ["No: pausar congela.", "Repasa el diagrama."]);
        let r = question.grade(Some(&Answer::Single("b".into())));
        assert_eq!((r.verdict, r.points), (Verdict::Correct, 1.0));
        assert_eq!(r.feedback, ["Eso es.", "Repasa el diagrama."]);
    }

    #[test]
    fn multiple_choice_partial_credit() {
        let q = quiz();
        let Some(question) = q.question("borran") else { panic!() };
        let r = question.grade(Some(&Answer::Multiple(vec!["a".into()])));
        assert_eq!((r.verdict, r.points), (Verdict::Partial, 1.0));
        assert_eq!(r.feedback, ["Te falta marcar alguna opción correcta."]);
        let r = question.grade(Some(&Answer::Multiple(vec!["a".into(), "c".into()])));
        assert_eq!((r.verdict, r.points), (Verdict::Incorrect, 0.0));
        assert_eq!(
            r.feedback,
            ["<code>stop</code> detiene, no elimina.", "Te falta marcar alguna opción correcta.", "Has marcado alguna opción que no es correcta."]
        );
    }

    #[test]
    fn ordering_says_which_pair_is_wrong() {
        let q = quiz();
        let Some(question) = q.question("orden") else { panic!() };
        let r = question.grade(Some(&Answer::Order(vec!["b".into(), "a".into(), "c".into()])));
        assert_eq!(r.verdict, Verdict::Incorrect);
        assert_eq!(r.feedback, ["<code>docker create</code> va antes que <code>docker start</code>."]);
        let r = q.grade(&Answers::new());
        assert_eq!(r.score, 0.0);
        assert!(r.questions.iter().all(|x| x.verdict == Verdict::Unanswered));
    }

    #[test]
    fn invalid_keys_are_reported() {
        let text = "id = \"x\"\n[[pregunta]]\nid = \"p\"\ntipo = \"unica\"\nenunciado = \"?\"\n[[pregunta.opcion]]\ntexto = \"a\"\ncorrecta = true\n[[pregunta.opcion]]\ntexto = \"b\"\ncorrecta = true\n";
        let err = load("q.toml", text, 0, text).err().unwrap_or_default();
        assert_eq!(err.len(), 1);
        assert!(err.iter().any(|p| p.message.contains("exactamente 1 correcta")), "{err:?}");
        let text = "id = \"x\"\n[[pregunta]]\nid = \"p\"\ntipo = \"elegir\"\nenunciado = \"?\"\n";
        let err = load("q.toml", text, 0, text).err().unwrap_or_default();
        assert_eq!(err.first().map(|p| (p.line, p.column)), Some((4, 8)), "{err:?}");
    }

    #[test]
    fn answers_round_trip_as_json() {
        let q = quiz();
        let json = serde_json::to_string(&q.key()).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"borran":{"tipo":"multiple","valor":["a","b"]},"estado":{"tipo":"unica","valor":"b"},"orden":{"tipo":"ordenar","valor":["a","b","c"]}}"#
        );
        let back: Answers = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, q.key());
    }

    #[test]
    fn letter_ids_continue_past_z() {
        assert_eq!(letter_id(0), "a");
        assert_eq!(letter_id(25), "z");
        assert_eq!(letter_id(26), "aa");
        assert_eq!(letter_id(27), "ab");
    }

    proptest! {
        #[test]
        fn loader_never_panics(text in "\\PC{0,300}") {
            let _ = load("q.toml", &text, 0, &text);
        }

        #[test]
        fn loader_never_panics_on_quiz_like_text(
            lines in proptest::collection::vec(prop_oneof![
                Just("id = \"q\"".to_string()), Just("[[pregunta]]".to_string()), Just("[[pregunta.opcion]]".to_string()),
                Just("tipo = \"unica\"".to_string()), Just("tipo = \"ordenar\"".to_string()), Just("tipo = \"multiple\"".to_string()),
                Just("enunciado = \"?\"".to_string()), Just("texto = \"t\"".to_string()), Just("correcta = true".to_string()),
                Just("elementos = [\"a\", \"b\"]".to_string()), Just("puntos = 0".to_string()), "[a-z]{1,5} = \"[a-z]{0,3}\"",
            ], 0..20)
        ) {
            let text = lines.join("\n");
            if let Ok(q) = load("q.toml", &text, 0, &text) {
                let r = q.grade(&q.key());
                prop_assert!(r.score <= r.max_score);
            }
        }
    }
}
