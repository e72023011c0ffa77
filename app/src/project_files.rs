//! The editor's plain-Rust side: which language a project file is written in, its highlighted
//! HTML, the checks on file names, and the lint marks to underline. Tested natively.

/// The language of a file, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Dockerfile,
    Yaml,
    Text,
}

impl FileKind {
    pub fn of(path: &str) -> FileKind {
        let name = path.rsplit('/').next().unwrap_or(path);
        let lower = name.to_ascii_lowercase();
        if lower == "dockerfile" || lower == "containerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile") {
            FileKind::Dockerfile
        } else if lower.ends_with(".yml") || lower.ends_with(".yaml") {
            FileKind::Yaml
        } else {
            FileKind::Text
        }
    }

    /// The name shown to the learner.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Dockerfile => "Dockerfile",
            FileKind::Yaml => "YAML",
            FileKind::Text => "Texto",
        }
    }
}

/// The HTML of the text, highlighted when the language has a highlighter (always escaped). A
/// trailing newline gets a space after it, so the last empty line keeps its height.
pub fn highlighted_html(path: &str, text: &str) -> String {
    let lang = match FileKind::of(path) {
        FileKind::Dockerfile => "dockerfile",
        FileKind::Yaml => "yaml",
        FileKind::Text => "",
    };
    let mut html = lessons::highlight::highlight(lang, text).unwrap_or_else(|| lessons::text::escape_html(text));
    if text.is_empty() || text.ends_with('\n') {
        html.push(' ');
    }
    html
}

/// How many lines the editor shows for the text (at least one).
pub fn line_count(text: &str) -> usize {
    text.split('\n').count().max(1)
}

/// A problem the linter found on a line (1-based), with its Spanish explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintMark {
    pub line: usize,
    /// The rule's code (`DL3008`).
    pub code: String,
    /// `error`, `warning`, `info` or `style` (as hadolint names its levels).
    pub level: &'static str,
    /// A short Spanish title (the linter's English message when the rule has no explanation).
    pub title: String,
    /// The Spanish explanation as sanitised HTML (rendered from the course's Markdown), if any.
    pub explanation_html: Option<String>,
    /// Why it matters, as sanitised HTML, if the rule has an explanation.
    pub why_html: Option<String>,
    /// The rule's example written the right way (plain text), if any.
    pub fixed: Option<String>,
}

/// The lint marks of a file: Dockerfiles go through the hadolint-style linter, with the Spanish
/// explanations of `lessons` (`content/reglas.toml`).
pub fn lint_marks(path: &str, text: &str) -> Vec<LintMark> {
    if FileKind::of(path) != FileKind::Dockerfile || text.trim().is_empty() {
        return Vec::new();
    }
    simulator::lint::lint(text)
        .into_iter()
        .map(|finding| {
            let rule = crate::compiled_course::lint_rule(finding.rule);
            LintMark {
                line: finding.line.max(1),
                code: finding.rule.to_string(),
                level: finding.level.as_str(),
                title: rule.map(|r| r.titulo.clone()).unwrap_or_else(|| finding.message.clone()),
                explanation_html: rule.map(|r| r.explicacion_html.clone()),
                why_html: rule.map(|r| r.por_que_html.clone()),
                fixed: rule.map(|r| r.bien.clone()).filter(|b| !b.trim().is_empty()),
            }
        })
        .collect()
}

/// Checks a new file name: a relative path of plain parts. Returns the cleaned name or why not (Spanish).
pub fn check_name(name: &str, existing: &[String]) -> Result<String, String> {
    let name = name.trim().trim_start_matches("./").to_string();
    if name.is_empty() {
        return Err("Escribe un nombre para el archivo.".to_string());
    }
    if name.len() > 120 {
        return Err("Ese nombre es demasiado largo (máximo 120 caracteres).".to_string());
    }
    if name.starts_with('/') || name.ends_with('/') || name.split('/').any(|part| part.is_empty() || part == "." || part == "..") {
        return Err(format!("«{name}» no es un nombre válido: usa una ruta dentro de la carpeta del proyecto, como «app/main.py»."));
    }
    if name.chars().any(|c| c.is_control() || c == '\\') {
        return Err(format!("«{name}» contiene caracteres que no se admiten en un nombre de archivo."));
    }
    if existing.contains(&name) {
        return Err(format!("Ya existe un archivo llamado «{name}»."));
    }
    // A file cannot also be a folder of other files.
    if existing.iter().any(|e| e.starts_with(&format!("{name}/")) || name.starts_with(&format!("{e}/"))) {
        return Err(format!("«{name}» choca con una carpeta o un archivo que ya existe."));
    }
    Ok(name)
}

/// Where a lesson's file block goes in the project folder: the name the author gave, else
/// `Dockerfile` or `docker-compose.yml` by language.
pub fn snippet_path(lang: &str, name: Option<&str>) -> String {
    if let Some(name) = name.filter(|n| check_name(n, &[]).is_ok()) {
        return name.trim().trim_start_matches("./").to_string();
    }
    match lang {
        "yaml" | "yml" | "compose" => "docker-compose.yml".to_string(),
        _ => "Dockerfile".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(FileKind::of("Dockerfile"), FileKind::Dockerfile);
        assert_eq!(FileKind::of("api/Dockerfile.dev"), FileKind::Dockerfile);
        assert_eq!(FileKind::of("web.dockerfile"), FileKind::Dockerfile);
        assert_eq!(FileKind::of("docker-compose.yml"), FileKind::Yaml);
        assert_eq!(FileKind::of("compose.yaml"), FileKind::Yaml);
        assert_eq!(FileKind::of(".dockerignore"), FileKind::Text);
        assert_eq!(FileKind::of("app.py"), FileKind::Text);
    }

    #[test]
    fn dockerfiles_are_highlighted_and_text_is_escaped() {
        assert_eq!(highlighted_html("Dockerfile", "FROM alpine"), "<span class=\"tok-keyword\">FROM</span> <span class=\"tok-image\">alpine</span>");
        assert_eq!(highlighted_html("notas.txt", "<b>\n"), "&lt;b&gt;\n ");
        assert_eq!(highlighted_html("x", ""), " ");
    }

    #[test]
    fn lines_are_counted_as_the_editor_shows_them() {
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a"), 1);
        assert_eq!(line_count("a\n"), 2);
        assert_eq!(line_count("a\nb\nc"), 3);
    }

    #[test]
    fn dockerfile_problems_are_marked_with_spanish_titles() {
        let marks = lint_marks("Dockerfile", "FROM ubuntu\nRUN apt-get install curl\n");
        let codes: Vec<(usize, &str)> = marks.iter().map(|m| (m.line, m.code.as_str())).collect();
        assert!(codes.contains(&(1, "DL3006")), "{codes:?}");
        assert!(codes.contains(&(2, "DL3008")), "{codes:?}");
        let pin = marks.iter().find(|m| m.code == "DL3008").map(|m| m.title.clone()).unwrap_or_default();
        let spanish = crate::compiled_course::lint_rule("DL3008").map(|r| r.titulo.clone()).unwrap_or_default();
        assert!(!spanish.is_empty());
        assert_eq!(pin, spanish);
        let fixed = marks.iter().find(|m| m.code == "DL3008").and_then(|m| m.fixed.clone()).unwrap_or_default();
        assert!(fixed.contains('='), "the fixed form pins a version: {fixed:?}");
        assert!(marks.iter().all(|m| m.why_html.is_some()), "every rule says why it matters");
        assert_eq!(lint_marks("notas.txt", "FROM ubuntu\n"), Vec::new());
        assert_eq!(lint_marks("Dockerfile", "  \n"), Vec::new());
    }

    #[test]
    fn names_are_checked() {
        let existing = vec!["Dockerfile".to_string(), "app/main.py".to_string()];
        assert_eq!(check_name(" ./web.py ", &existing), Ok("web.py".to_string()));
        assert_eq!(check_name("app/util.py", &existing), Ok("app/util.py".to_string()));
        assert_eq!(check_name("Dockerfile", &existing), Err("Ya existe un archivo llamado «Dockerfile».".to_string()));
        assert_eq!(check_name("", &existing), Err("Escribe un nombre para el archivo.".to_string()));
        assert!(check_name("../fuera", &existing).is_err());
        assert!(check_name("/etc/passwd", &existing).is_err());
        assert!(check_name("app", &existing).is_err());
        assert!(check_name("Dockerfile/x", &existing).is_err());
    }

    #[test]
    fn snippets_go_to_their_files() {
        assert_eq!(snippet_path("dockerfile", None), "Dockerfile");
        assert_eq!(snippet_path("yaml", None), "docker-compose.yml");
        assert_eq!(snippet_path("dockerfile", Some("api/Dockerfile")), "api/Dockerfile");
        assert_eq!(snippet_path("dockerfile", Some("../x")), "Dockerfile");
    }

    proptest! {
        #[test]
        fn never_panics(name in "\\PC{0,40}", text in "\\PC{0,200}") {
            let _ = check_name(&name, std::slice::from_ref(&name));
            let _ = highlighted_html(&name, &text);
            let _ = lint_marks(&name, &text);
            prop_assert!(line_count(&text) >= 1);
        }
    }
}
