//! Restrictions of an exercise: Docker commands the learner may not use (`docker commit`,
//! `docker rm -f`…). A restriction is written as a command; it matches any command line that
//! runs the same Docker command (whatever alias: `docker rm` = `docker container rm`) with at
//! least the same flags (`-f` = `--force`), anywhere in the line (after `&&`, in a pipe, inside
//! `$(…)`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use simulator::cli;
use simulator::shell::ast::{Command, List, Word, WordPart};

/// A command the learner may not run. Stored (in the compiled course) as the text the author
/// wrote, read again with [`Restriction::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    /// As the author wrote it (`docker rm -f`), to show to the learner.
    pub text: String,
    /// Canonical command (`container rm`).
    command: &'static str,
    /// Long names of the flags that must be present (`force`).
    flags: Vec<&'static str>,
}

impl Restriction {
    /// Reads a restriction; the error is a Spanish message for the author.
    pub fn parse(text: &str) -> Result<Restriction, String> {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        match words.first().map(String::as_str) {
            Some("docker") => {}
            _ => return Err(format!("la restricción «{text}» debe ser un comando de Docker (empezar por `docker`)")),
        }
        let args = words.get(1..).unwrap_or_default().to_vec();
        if args.is_empty() {
            return Err(format!("la restricción «{text}» debe nombrar un comando (`docker commit`, `docker rm -f`…)"));
        }
        // Commands that need arguments fail to parse without them: add placeholders.
        let mut padded = args.clone();
        for _ in 0..3 {
            if let Ok(inv) = cli::parse(&padded) {
                if matches!(inv.command, "--version") || inv.flags.contains_key("help") {
                    break;
                }
                let flags = inv.flags.keys().copied().collect();
                return Ok(Restriction { text: text.trim().to_string(), command: inv.command, flags });
            }
            padded.push("x".to_string());
        }
        Err(format!("la restricción «{text}» no es un comando de Docker que Muelle conozca"))
    }

    /// True if `argv` (after `docker`) runs the restricted command.
    fn matches(&self, docker_args: &[String]) -> bool {
        match cli::parse(docker_args) {
            Ok(inv) => inv.command == self.command && self.flags.iter().all(|f| inv.flags.contains_key(f)),
            Err(_) => false,
        }
    }
}

impl Serialize for Restriction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Restriction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Restriction, D::Error> {
        let text = String::deserialize(deserializer)?;
        Restriction::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The first restriction a command line breaks, if any.
pub fn violated<'r>(restrictions: &'r [Restriction], line: &str) -> Option<&'r Restriction> {
    if restrictions.is_empty() {
        return None;
    }
    let script = simulator::shell::parse(line).ok()?;
    let mut calls = Vec::new();
    docker_calls(&script.list, &mut calls);
    restrictions.iter().find(|r| calls.iter().any(|argv| r.matches(argv)))
}

/// The arguments of every `docker …` simple command in `list`, command substitutions included.
fn docker_calls(list: &List, out: &mut Vec<Vec<String>>) {
    for and_or in &list.items {
        let pipelines = std::iter::once(&and_or.first).chain(and_or.rest.iter().map(|(_, p)| p));
        for pipeline in pipelines {
            for command in &pipeline.commands {
                match command {
                    Command::Simple(simple) => {
                        for w in &simple.words {
                            substitutions(&w.parts, out);
                        }
                        let argv: Vec<String> = simple.words.iter().map(literal).collect();
                        if argv.first().is_some_and(|w| w == "docker") {
                            out.push(argv.get(1..).unwrap_or_default().to_vec());
                        }
                    }
                    Command::Subshell { body, .. } | Command::Group { body, .. } => docker_calls(body, out),
                    Command::If { branches, otherwise, .. } => {
                        for (condition, then) in branches {
                            docker_calls(condition, out);
                            docker_calls(then, out);
                        }
                        if let Some(list) = otherwise {
                            docker_calls(list, out);
                        }
                    }
                    Command::For { body, .. } => docker_calls(body, out),
                    Command::While { condition, body, .. } => {
                        docker_calls(condition, out);
                        docker_calls(body, out);
                    }
                    // Constructs the shell grammar may gain later: not looked into.
                    #[allow(unreachable_patterns)]
                    _ => {}
                }
            }
        }
    }
}

fn substitutions(parts: &[WordPart], out: &mut Vec<Vec<String>>) {
    for p in parts {
        match p {
            WordPart::CommandSubst(list) => docker_calls(list, out),
            WordPart::DoubleQuoted(inner) => substitutions(inner, out),
            _ => {}
        }
    }
}

/// The text of a word without expansions (parameters and substitutions count as empty).
fn literal(word: &Word) -> String {
    fn push(parts: &[WordPart], s: &mut String) {
        for p in parts {
            match p {
                WordPart::Literal(t) | WordPart::Quoted(t) => s.push_str(t),
                WordPart::DoubleQuoted(inner) => push(inner, s),
                _ => {}
            }
        }
    }
    let mut s = String::new();
    push(&word.parts, &mut s);
    s
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(restriction in "docker [a-z -]{0,20}", line in "\\PC{0,80}") {
            if let Ok(r) = Restriction::parse(&restriction) {
                let _ = violated(&[r], &line);
            }
        }
    }

    fn r(text: &str) -> Restriction {
        match Restriction::parse(text) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn matches_aliases_and_long_flags() {
        let rs = [r("docker rm -f")];
        assert!(violated(&rs, "docker rm -f web").is_some());
        assert!(violated(&rs, "docker container rm --force web").is_some());
        assert!(violated(&rs, "docker rm web").is_none());
        assert!(violated(&rs, "docker stop web && docker rm -f web").is_some());
    }

    #[test]
    fn matches_inside_substitutions_pipes_and_loops() {
        let rs = [r("docker commit")];
        assert!(violated(&rs, "for i in 1 2; do docker commit web x$i; done").is_some());
        assert!(violated(&rs, "echo $(docker commit web copia)").is_some());
        assert!(violated(&rs, "docker ps | docker commit web x").is_some());
        assert!(violated(&rs, "docker ps").is_none());
    }

    #[test]
    fn unknown_or_non_docker_restrictions_are_rejected() {
        assert!(Restriction::parse("rm -rf /").is_err());
        assert!(Restriction::parse("docker").is_err());
        assert!(Restriction::parse("docker frobnicate").is_err());
        assert_eq!(r("docker rmi").text, "docker rmi");
    }
}
