//! The whole course: the index (`curso.toml`), every lesson, and the error table.

#[cfg(feature = "source")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use simulator::Output;

#[cfg(feature = "source")]
use crate::embedded::{self, ERRORS_FILE, INDEX_FILE, LESSONS_DIR};
use crate::exercise::Exercise;
use crate::explain::{ErrorTable, Explanation};
#[cfg(feature = "source")]
use crate::lesson;
use crate::lesson::Lesson;
#[cfg(feature = "source")]
use crate::problem::{CourseError, Problem};
#[cfg(feature = "source")]
use crate::quiz;

/// A module: a group of lessons, in the order of `curso.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Lesson ids, sorted by their `orden`.
    pub lessons: Vec<String>,
}

/// The course, loaded and validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub title: String,
    pub modules: Vec<Module>,
    /// In course order (module by module).
    pub(crate) lessons: Vec<Lesson>,
    pub(crate) errors: ErrorTable,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    titulo: String,
    modulo: Vec<ModuleFile>,
}

#[cfg(feature = "source")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleFile {
    id: String,
    titulo: String,
    #[serde(default)]
    descripcion: Option<String>,
}

impl Course {
    /// Loads the course embedded in the crate at build time.
    #[cfg(feature = "source")]
    pub fn load() -> Result<Course, CourseError> {
        Course::from_files(embedded::FILES)
    }

    /// The embedded course, loaded once for the whole program.
    #[cfg(feature = "source")]
    pub fn shared() -> Result<&'static Course, &'static CourseError> {
        static COURSE: OnceLock<Result<Course, CourseError>> = OnceLock::new();
        COURSE.get_or_init(Course::load).as_ref()
    }

    /// Loads a course from (path relative to `content/`, text) pairs.
    #[cfg(feature = "source")]
    pub fn from_files(files: &[(&str, &str)]) -> Result<Course, CourseError> {
        let mut problems = Vec::new();
        let find = |path: &str| files.iter().find(|(p, _)| *p == path).map(|(_, t)| *t);

        let index = match find(INDEX_FILE) {
            None => {
                problems.push(Problem::file(INDEX_FILE, "falta el índice del curso"));
                None
            }
            Some(text) => match toml::from_str::<IndexFile>(text) {
                Ok(i) => Some(i),
                Err(e) => {
                    problems.push(Problem::toml(INDEX_FILE, text, 0, &e));
                    None
                }
            },
        };
        let errors = match find(ERRORS_FILE) {
            None => {
                problems.push(Problem::file(ERRORS_FILE, "falta la tabla de explicaciones de errores"));
                ErrorTable::default()
            }
            Some(text) => ErrorTable::load(ERRORS_FILE, text).unwrap_or_else(|ps| {
                problems.extend(ps);
                ErrorTable::default()
            }),
        };

        let mut lessons: Vec<Lesson> = Vec::new();
        let mut quiz_files = Vec::new();
        for (path, text) in files {
            let Some(name) = path.strip_prefix(LESSONS_DIR) else { continue };
            if name.ends_with(".md") {
                match lesson::load(path, text) {
                    Ok(l) => {
                        if lessons.iter().any(|x| x.id == l.id) {
                            problems.push(Problem::file(path, format!("el id de lección «{}» ya lo usa otra lección", l.id)));
                        }
                        lessons.push(l);
                    }
                    Err(ps) => problems.extend(ps),
                }
            } else if let Some(stem) = name.strip_suffix(".quiz.toml") {
                quiz_files.push((*path, stem, *text));
            } else {
                problems.push(Problem::file(path, "archivo desconocido: en lecciones/ solo van lecciones (.md) y cuestionarios (.quiz.toml)"));
            }
        }
        for (path, stem, text) in quiz_files {
            let lesson_file = format!("{LESSONS_DIR}{stem}.md");
            let Some(l) = lessons.iter_mut().find(|l| l.file == lesson_file) else {
                problems.push(Problem::file(path, format!("no hay ninguna lección `{lesson_file}` a la que añadir este cuestionario")));
                continue;
            };
            if l.quiz.is_some() {
                problems.push(Problem::file(path, "la lección ya tiene un cuestionario en un bloque ```quiz"));
                continue;
            }
            match quiz::load(path, text, 0, text) {
                Ok(q) => lesson::attach_quiz(l, q),
                Err(ps) => problems.extend(ps),
            }
        }

        let mut modules = Vec::new();
        if let Some(index) = &index {
            for m in &index.modulo {
                if modules.iter().any(|x: &Module| x.id == m.id) {
                    problems.push(Problem::file(INDEX_FILE, format!("el módulo «{}» está repetido", m.id)));
                }
                let mut mine: Vec<&Lesson> = lessons.iter().filter(|l| l.module == m.id).collect();
                simulator::sort::sort_by_key(&mut mine, |l| l.order);
                for pair in mine.windows(2) {
                    if let [a, b] = pair {
                        if a.order == b.order {
                            problems.push(Problem::file(&b.file, format!("`orden = {}` repetido en el módulo «{}» (también en {})", b.order, m.id, a.file)));
                        }
                    }
                }
                modules.push(Module {
                    id: m.id.clone(),
                    title: m.titulo.clone(),
                    description: m.descripcion.clone(),
                    lessons: mine.iter().map(|l| l.id.clone()).collect(),
                });
            }
            for l in &lessons {
                if !index.modulo.iter().any(|m| m.id == l.module) {
                    problems.push(Problem::file(&l.file, format!("el módulo «{}» no está en {INDEX_FILE}", l.module)));
                }
            }
        }
        if !problems.is_empty() {
            return Err(CourseError { problems });
        }
        // Course order: module by module, then by `orden`.
        let mut ordered = Vec::with_capacity(lessons.len());
        for m in &modules {
            for id in &m.lessons {
                if let Some(pos) = lessons.iter().position(|l| &l.id == id) {
                    ordered.push(lessons.swap_remove(pos));
                }
            }
        }
        Ok(Course { title: index.map(|i| i.titulo).unwrap_or_default(), modules, lessons: ordered, errors })
    }

    /// Every lesson, in course order.
    pub fn lessons(&self) -> &[Lesson] {
        &self.lessons
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The lessons of a module, in order.
    pub fn lessons_in(&self, module_id: &str) -> Vec<&Lesson> {
        self.lessons.iter().filter(|l| l.module == module_id).collect()
    }

    /// The lesson after `id` in the course, if any.
    pub fn next(&self, id: &str) -> Option<&Lesson> {
        let pos = self.lessons.iter().position(|l| l.id == id)?;
        self.lessons.get(pos + 1)
    }

    /// The lesson before `id` in the course, if any.
    pub fn previous(&self, id: &str) -> Option<&Lesson> {
        let pos = self.lessons.iter().position(|l| l.id == id)?;
        self.lessons.get(pos.checked_sub(1)?)
    }

    /// An exercise by its key (`lesson/exercise`).
    pub fn exercise(&self, key: &str) -> Option<&Exercise> {
        let (lesson, exercise) = key.split_once('/')?;
        self.lesson(lesson)?.exercise(exercise)
    }

    /// A Spanish explanation of the error in `output`.
    pub fn explain(&self, output: &Output) -> Option<Explanation> {
        self.errors.explain(output)
    }

    pub fn error_table(&self) -> &ErrorTable {
        &self.errors
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    const INDEX: &str = "titulo = \"C\"\n[[modulo]]\nid = \"a\"\ntitulo = \"A\"\n[[modulo]]\nid = \"b\"\ntitulo = \"B\"\n";
    const ERRORS: &str = "[[error]]\ntipo = \"x\"\npatrones = [\"boom\"]\ntitulo = \"T\"\nexplicacion = \"E\"\n";

    fn lesson(module: &str, order: u32) -> String {
        format!("+++\ntitulo = \"L\"\nmodulo = \"{module}\"\norden = {order}\n+++\n# L\n")
    }

    #[test]
    fn orders_modules_then_lessons() {
        let (l1, l2, l3) = (lesson("b", 1), lesson("a", 2), lesson("a", 1));
        let files = [
            ("curso.toml", INDEX),
            ("errores.toml", ERRORS),
            ("lecciones/x.md", l1.as_str()),
            ("lecciones/y.md", l2.as_str()),
            ("lecciones/z.md", l3.as_str()),
        ];
        let course = Course::from_files(&files).map_err(|e| e.to_string());
        let course = match course {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let ids: Vec<&str> = course.lessons().iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["z", "y", "x"]);
        assert_eq!(course.modules.first().map(|m| m.lessons.clone()), Some(vec!["z".to_string(), "y".to_string()]));
        assert_eq!(course.next("y").map(|l| l.id.as_str()), Some("x"));
        assert_eq!(course.previous("z").map(|l| l.id.as_str()), None);
    }

    #[test]
    fn reports_every_problem() {
        let (l1, l2) = (lesson("a", 1), lesson("nada", 1));
        let files = [
            ("curso.toml", INDEX),
            ("lecciones/x.md", l1.as_str()),
            ("lecciones/y.md", l1.as_str()),
            ("lecciones/w.md", l2.as_str()),
            ("lecciones/notas.txt.toml", "x = 1"),
        ];
        let err = Course::from_files(&files).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("errores.toml: falta la tabla"), "{err}");
        assert!(err.contains("lecciones/y.md: `orden = 1` repetido en el módulo «a»"), "{err}");
        assert!(err.contains("lecciones/w.md: el módulo «nada» no está en curso.toml"), "{err}");
        assert!(err.contains("lecciones/notas.txt.toml: archivo desconocido"), "{err}");
    }
}
