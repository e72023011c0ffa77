//! Why a compose project could not be loaded, in Compose v2.40's words.

/// The families of loading errors (the keys of their Spanish explanations in `errores.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No `compose.yaml`/`docker-compose.yml` in the folder and no `-f`.
    NoConfigFile,
    /// A file named with `-f` does not exist.
    FileNotFound,
    /// The file holds no document.
    EmptyFile,
    /// YAML syntax (`yaml: line 3: …`).
    Yaml,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// The file does not follow the Compose schema (unknown attribute, wrong type).
    Schema,
    /// `${VAR:?message}` or a malformed `${`.
    Interpolation,
    /// A service refers to something undefined, has no image, …
    InvalidProject,
    /// `-p` names a project Compose refuses.
    InvalidProjectName,
    /// An `env_file` that does not exist.
    EnvFile,
}

impl ErrorKind {
    /// The key of the Spanish explanation in `lessons/content/errores.toml`.
    pub fn key(self) -> &'static str {
        match self {
            ErrorKind::NoConfigFile => "compose-no-config-file",
            ErrorKind::FileNotFound => "compose-file-not-found",
            ErrorKind::EmptyFile => "compose-empty-file",
            ErrorKind::Yaml => "compose-yaml",
            ErrorKind::DuplicateKey => "compose-duplicate-key",
            ErrorKind::Schema => "compose-schema",
            ErrorKind::Interpolation => "compose-interpolation",
            ErrorKind::InvalidProject => "compose-invalid-project",
            ErrorKind::InvalidProjectName => "compose-project-name",
            ErrorKind::EnvFile => "compose-env-file",
        }
    }
}

/// A loading error: the message Compose prints (without a trailing newline) and, for YAML errors,
/// the 1-based line it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposeError {
    pub kind: ErrorKind,
    pub message: String,
    /// The line in the file the error is about, when Compose names one.
    pub line: Option<usize>,
    /// The file (absolute path) the error is about, when known.
    pub file: Option<String>,
}

impl ComposeError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), line: None, file: None }
    }

    pub fn at(mut self, file: &str, line: Option<usize>) -> Self {
        self.file = Some(file.to_string());
        self.line = line;
        self
    }

    pub fn invalid_project(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidProject, format!("{}: invalid compose project", message.into()))
    }

    pub fn schema(file: &str, path: &str, what: &str) -> Self {
        Self::new(ErrorKind::Schema, format!("validating {file}: {path} {what}")).at(file, None)
    }
}

impl std::fmt::Display for ComposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ComposeError {}
