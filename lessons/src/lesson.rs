//! A lesson: front matter, rendered body, runnable examples, exercises and quiz.

use serde::{Deserialize, Serialize};

use crate::exercise::Exercise;
use crate::lesson_body::{FileBlock, Heading, Segment};
use crate::quiz::Quiz;
#[cfg(feature = "source")]
use crate::{
    exercise, front_matter,
    markdown::{self, Claimed, FencedBlock},
    problem::Problem,
    quiz,
    text::escape_html,
};

/// Fenced-block language of an exercise.
pub const EXERCISE_LANG: &str = "ejercicio";
/// Fenced-block language of a quiz.
pub const QUIZ_LANG: &str = "quiz";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id: URLs and progress use it.
    pub id: String,
    pub title: String,
    /// The module's id.
    pub module: String,
    /// Position in its module.
    pub order: u32,
    pub objectives: Vec<String>,
    /// The objectives rendered as inline HTML (one per objective).
    pub objectives_html: Vec<String>,
    /// Estimated minutes, if the author gave them.
    pub duration: Option<u32>,
    /// Path relative to `lessons/content/`.
    pub file: String,
    /// The body as HTML; exercises and the quiz appear as empty
    /// `<div class="exercise-slot" data-exercise="ID">` / `<div class="quiz-slot" data-quiz="ID">`.
    pub html: String,
    /// The same body split around exercises and the quiz, for a UI that mounts components there.
    pub segments: Vec<Segment>,
    pub headings: Vec<Heading>,
    /// Runnable examples, in reading order (`data-example` in the HTML is the index).
    pub examples: Vec<Example>,
    /// Dockerfile/YAML blocks, in reading order (`data-snippet` in the HTML is the index).
    pub snippets: Vec<FileBlock>,
    pub exercises: Vec<Exercise>,
    pub quiz: Option<Quiz>,
}

impl Lesson {
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

/// A runnable example (a ` ```docker ` or ` ```sh ` block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub index: usize,
    pub lang: String,
    /// The block as written.
    pub code: String,
    /// The command lines to type, in order (comments and blank lines left out, `\` continuations
    /// joined).
    pub commands: Vec<String>,
    /// Marked `falla`: the example shows an error on purpose (every command exits non-zero).
    pub expect_failure: bool,
    /// 1-based line of the block's first command in the lesson file.
    pub line: usize,
}

/// Splits a runnable block into command lines.
pub fn command_lines(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for raw in code.lines() {
        let line = raw.trim_end();
        if pending.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(part) => {
                pending.push_str(part.trim());
                pending.push(' ');
            }
            None => {
                pending.push_str(if pending.is_empty() { line.trim_start() } else { line.trim() });
                out.push(std::mem::take(&mut pending));
            }
        }
    }
    if !pending.trim().is_empty() {
        out.push(pending.trim_end().to_string());
    }
    out
}

/// The lesson id a file name gives: `02-ciclo-de-vida.md` → `ciclo-de-vida`.
pub fn id_from_file(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let without_number = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    match without_number.strip_prefix('-') {
        Some(rest) if !rest.is_empty() && without_number.len() != stem.len() => rest.to_string(),
        _ => stem.to_string(),
    }
}

/// Reads a lesson file.
#[cfg(feature = "source")]
pub fn load(file: &str, text: &str) -> Result<Lesson, Vec<Problem>> {
    let (fm, body, body_offset) = front_matter::parse(file, text).map_err(|p| vec![p])?;
    let id = fm.id.clone().unwrap_or_else(|| id_from_file(file));
    let mut problems = Vec::new();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        problems.push(Problem::new(file, 1, 1, format!("el id de la lección «{id}» solo puede tener minúsculas, números y -")));
    }
    let mut exercises: Vec<Exercise> = Vec::new();
    let mut quiz: Option<Quiz> = None;
    let mut claim = |block: &FencedBlock| -> Option<Claimed> {
        let kind = block.lang.as_str();
        if kind != EXERCISE_LANG && kind != QUIZ_LANG {
            return None;
        }
        let base = body_offset + block.offset;
        if !block.top_level {
            problems.push(Problem::at(file, text, base, format!("un bloque ```{kind} no puede ir dentro de una lista ni de una cita")));
        }
        if kind == EXERCISE_LANG {
            match exercise::load(file, text, base, &block.code, &id) {
                Ok(ex) => {
                    if exercises.iter().any(|e| e.id == ex.id) {
                        problems.push(Problem::at(file, text, base, format!("el id de ejercicio `{}` está repetido", ex.id)));
                    }
                    let slot = Claimed::Slot {
                        placeholder: format!("<div class=\"exercise-slot\" data-exercise=\"{}\"></div>\n", escape_html(&ex.id)),
                        segment: Segment::Exercise(ex.id.clone()),
                    };
                    exercises.push(ex);
                    Some(slot)
                }
                Err(ps) => {
                    problems.extend(ps);
                    Some(Claimed::Html(String::new()))
                }
            }
        } else {
            match quiz::load(file, text, base, &block.code) {
                Ok(q) => {
                    if quiz.is_some() {
                        problems.push(Problem::at(file, text, base, "una lección solo puede tener un cuestionario"));
                    }
                    let slot = Claimed::Slot {
                        placeholder: format!("<div class=\"quiz-slot\" data-quiz=\"{}\"></div>\n", escape_html(&q.id)),
                        segment: Segment::Quiz,
                    };
                    quiz = Some(q);
                    Some(slot)
                }
                Err(ps) => {
                    problems.extend(ps);
                    Some(Claimed::Html(String::new()))
                }
            }
        }
    };
    let rendered = markdown::render(body, &mut claim);
    let examples: Vec<Example> = rendered
        .runnable
        .iter()
        .enumerate()
        .map(|(index, b)| Example {
            index,
            lang: b.lang.clone(),
            code: b.code.clone(),
            commands: command_lines(&b.code),
            expect_failure: b.expect_failure,
            line: crate::text::line_column(text, body_offset + b.offset).0,
        })
        .collect();
    for ex in &examples {
        if ex.commands.is_empty() {
            problems.push(Problem::new(file, ex.line, 1, "este bloque ejecutable no tiene ningún comando"));
        }
        if ex.commands.iter().any(|c| c.starts_with("$ ")) {
            problems.push(Problem::new(file, ex.line, 1, "no escribas el indicador `$ ` delante de los comandos: el botón «Ejecutar» los escribe tal cual"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Lesson {
        id,
        title: fm.titulo.trim().to_string(),
        module: fm.modulo,
        order: fm.orden,
        objectives_html: fm.objetivos.iter().map(|o| markdown::render_inline(o)).collect(),
        objectives: fm.objetivos,
        duration: fm.duracion,
        file: file.to_string(),
        html: rendered.html,
        segments: rendered.segments,
        headings: rendered.headings,
        examples,
        snippets: rendered.files,
        exercises,
        quiz,
    })
}

/// Adds a quiz from a sibling `*.quiz.toml` file at the end of the lesson.
#[cfg(feature = "source")]
pub fn attach_quiz(lesson: &mut Lesson, quiz: Quiz) {
    let placeholder = format!("<div class=\"quiz-slot\" data-quiz=\"{}\"></div>\n", escape_html(&quiz.id));
    lesson.html.push_str(&placeholder);
    lesson.segments.push(Segment::Quiz);
    lesson.quiz = Some(quiz);
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn loader_never_panics(body in "\\PC{0,300}") {
            let text = format!("+++\ntitulo = \"T\"\nmodulo = \"m\"\norden = 1\n+++\n{body}");
            let _ = load("lecciones/x.md", &text);
        }

        #[test]
        fn loader_never_panics_on_lesson_like_text(parts in proptest::collection::vec(prop_oneof![
            Just("```ejercicio\n".to_string()), Just("```quiz\n".to_string()), Just("```sh falla\n".to_string()),
            Just("```\n".to_string()), Just("id = \"x\"\n".to_string()), Just("- item\n".to_string()),
            Just("> [!TIP]\n".to_string()), Just("# T {#t}\n".to_string()), Just("[[pregunta]]\n".to_string()),
            Just("objetivo = \"contenedor\"\n".to_string()), Just("```dockerfile archivo=x\n".to_string()),
            "\\PC{0,20}\n",
        ], 0..24)) {
            let text = format!("+++\ntitulo = \"T\"\nmodulo = \"m\"\norden = 1\n+++\n{}", parts.concat());
            if let Ok(lesson) = load("lecciones/x.md", &text) {
                prop_assert!(!lesson.html.contains("<script"));
            }
        }
    }

    #[test]
    fn command_lines_skip_comments_and_join_continuations() {
        let code = "# listar\ndocker ps\n\ndocker run -d \\\n  --name web \\\n  nginx\n";
        assert_eq!(command_lines(code), ["docker ps", "docker run -d --name web nginx"]);
    }

    #[test]
    fn ids_come_from_file_names() {
        assert_eq!(id_from_file("lecciones/02-ciclo-de-vida.md"), "ciclo-de-vida");
        assert_eq!(id_from_file("lecciones/extra.md"), "extra");
        assert_eq!(id_from_file("lecciones/2024.md"), "2024");
    }

    const LESSON: &str = "+++\ntitulo = \"Prueba\"\nmodulo = \"m\"\norden = 1\n+++\n# Prueba\n\n```sh\ndocker ps\n```\n\n```ejercicio\nid = \"uno\"\ntitulo = \"Uno\"\nenunciado = \"Haz algo.\"\nobjetivo = \"imagen nginx\"\npistas = [\"Descárgala.\"]\nsolucion = [\"docker pull nginx\"]\n```\n\nFin.\n\n```quiz\nid = \"q\"\n[[pregunta]]\nid = \"p\"\ntipo = \"unica\"\nenunciado = \"?\"\n[[pregunta.opcion]]\ntexto = \"sí\"\ncorrecta = true\n[[pregunta.opcion]]\ntexto = \"no\"\n```\n";

    #[test]
    fn loads_a_lesson_with_slots() {
        let lesson = match load("lecciones/01-prueba.md", LESSON) {
            Ok(l) => l,
            Err(p) => panic!("{p:?}"),
        };
        assert_eq!(lesson.id, "prueba");
        assert_eq!(lesson.examples.len(), 1);
        assert_eq!(lesson.examples.first().map(|e| e.line), Some(9));
        assert_eq!(lesson.exercises.first().map(|e| e.key()).as_deref(), Some("prueba/uno"));
        assert!(lesson.quiz.is_some());
        assert!(lesson.html.contains("<div class=\"exercise-slot\" data-exercise=\"uno\"></div>"), "{}", lesson.html);
        assert!(lesson.html.contains("<div class=\"quiz-slot\" data-quiz=\"q\"></div>"), "{}", lesson.html);
        let kinds: Vec<&str> = lesson
            .segments
            .iter()
            .map(|s| match s {
                Segment::Html(_) => "html",
                Segment::Exercise(_) => "exercise",
                Segment::Quiz => "quiz",
            })
            .collect();
        assert_eq!(kinds, ["html", "exercise", "html", "quiz"]);
    }

    #[test]
    fn problems_point_at_the_block() {
        let bad = LESSON.replace("objetivo = \"imagen nginx\"", "objetivo = \"imagen\"\nsobra = 1");
        let problems = load("lecciones/01-prueba.md", &bad).err().unwrap_or_default();
        assert_eq!(problems.first().map(|p| p.line), Some(17), "{problems:?}");
    }
}
