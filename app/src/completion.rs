//! Tab completion in the terminal: Docker commands and subcommands and their flags (read from
//! the help texts the simulated CLI prints, so they are always the ones it understands), container
//! and image names from the session, and the host shell's common programs. As in bash: one match
//! completes the word, several complete their common start and list the candidates.

use simulator::Session;

/// What pressing Tab does to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// Nothing to complete.
    None,
    /// The line, completed.
    Replace(String),
    /// Several candidates: the line completed as far as they agree, and the candidates to show.
    Candidates { line: String, options: Vec<String> },
}

/// Programs offered for the first word of a line.
const PROGRAMS: &[&str] = &[
    "cat", "cd", "clear", "docker", "echo", "env", "exit", "grep", "hadolint", "head", "history", "ls", "mkdir", "printenv",
    "pwd", "sleep", "tail", "touch", "trivy", "wc",
];

/// Commands whose arguments are containers.
const CONTAINER_COMMANDS: &[&str] = &[
    "attach", "commit", "cp", "diff", "exec", "export", "inspect", "kill", "logs", "pause", "port", "rename", "restart",
    "rm", "start", "stats", "stop", "top", "unpause", "update", "wait",
];

/// Commands whose arguments are images.
const IMAGE_COMMANDS: &[&str] = &["create", "history", "inspect", "pull", "push", "rmi", "run", "save", "tag"];

/// Completes the last word of `line` (the cursor is assumed at the end).
pub fn complete(line: &str, session: &Session) -> Completion {
    // The word being completed starts after the last blank; `|`, `;` and `&&` start a new command.
    let word_start = line.rfind(|c: char| c.is_whitespace() || c == '|' || c == ';' || c == '&').map_or(0, |i| i + 1);
    let (before, word) = line.split_at(word_start);
    let command_start = before.rfind(['|', ';', '&']).map_or(0, |i| i + 1);
    let words: Vec<&str> = before.get(command_start..).unwrap_or_default().split_whitespace().collect();
    let options = candidates(&words, word, session);
    let mut matching: Vec<String> = options.into_iter().filter(|o| o.starts_with(word)).collect();
    simulator::sort::sort(&mut matching);
    matching.dedup();
    match matching.as_slice() {
        [] => Completion::None,
        [only] => Completion::Replace(format!("{before}{only} ")),
        many => {
            let common = common_prefix(many);
            let line = format!("{before}{common}");
            if common.len() > word.len() {
                Completion::Replace(line)
            } else {
                Completion::Candidates { line, options: many.to_vec() }
            }
        }
    }
}

/// Everything that could go where `word` is, after `words`.
fn candidates(words: &[&str], word: &str, session: &Session) -> Vec<String> {
    let Some((&program, args)) = words.split_first() else {
        return PROGRAMS.iter().map(|p| p.to_string()).collect();
    };
    if program != "docker" {
        return Vec::new();
    }
    // Global options (`docker --debug ps`) are skipped.
    let args: Vec<&str> = args.iter().copied().skip_while(|a| a.starts_with('-')).collect();
    let mut path: Vec<&str> = Vec::new();
    let mut rest = args.as_slice();
    loop {
        let Some(help) = help_of(&path) else { return Vec::new() };
        let subcommands = listed_commands(&help);
        if subcommands.is_empty() {
            // A command that runs: its flags, or its arguments.
            if word.starts_with('-') {
                return flags_in(&help);
            }
            return arguments(&path, rest, session);
        }
        match rest.split_first() {
            None if word.starts_with('-') => return flags_in(&help),
            None => return subcommands.into_iter().filter(|c| runs(&path, c)).collect(),
            Some((first, after)) if subcommands.iter().any(|c| c == first) => {
                path.push(first);
                rest = after;
            }
            Some(_) => return Vec::new(),
        }
    }
}

/// The help text `docker PATH --help` prints, if the simulated CLI knows the command.
fn help_of(path: &[&str]) -> Option<String> {
    let argv: Vec<String> = path.iter().map(|w| w.to_string()).chain(std::iter::once("--help".to_string())).collect();
    match simulator::cli::parse(&argv) {
        Err(out) if out.exit_code == 0 => Some(out.stdout()),
        _ => None,
    }
}

/// True when the simulated CLI implements `docker PATH command`.
fn runs(path: &[&str], command: &str) -> bool {
    let mut full = path.to_vec();
    full.push(command);
    help_of(&full).is_some()
}

/// The command names listed under the `…Commands:` headings of a help text.
fn listed_commands(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_list = false;
    for line in help.lines() {
        if !line.starts_with(' ') {
            in_list = line.ends_with("Commands:");
            continue;
        }
        if in_list {
            if let Some(name) = line.split_whitespace().next() {
                out.push(name.trim_end_matches('*').to_string());
            }
        }
    }
    out
}

/// The long flags listed under `Options:` (or `Global Options:`).
fn flags_in(help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_options = false;
    for line in help.lines() {
        if !line.starts_with(' ') {
            in_options = line.ends_with("Options:");
            continue;
        }
        if in_options {
            if let Some(flag) = line.split_whitespace().find(|w| w.starts_with("--")) {
                out.push(flag.trim_end_matches(',').to_string());
            }
        }
    }
    out
}

/// Arguments of a command: containers, images, or nothing known.
fn arguments(path: &[&str], rest: &[&str], session: &Session) -> Vec<String> {
    let (group, name) = match path {
        [name] => (None, *name),
        [group, name] => (Some(*group), *name),
        _ => return Vec::new(),
    };
    let (containers, images) = match (group, name) {
        (Some("image"), "rm" | "remove") => (false, true),
        (Some("image"), n) => (false, IMAGE_COMMANDS.contains(&n)),
        (Some("container"), n) => (CONTAINER_COMMANDS.contains(&n), matches!(n, "run" | "create")),
        (None, "inspect") => (true, true),
        (None, n) => (CONTAINER_COMMANDS.contains(&n), IMAGE_COMMANDS.contains(&n)),
        _ => (false, false),
    };
    // `run`, `create` and `pull` take one image; after it comes the command to run.
    let single_image = matches!(name, "run" | "create" | "pull");
    let image_given = rest.iter().any(|a| !a.starts_with('-'));
    let mut out = Vec::new();
    if containers {
        out.extend(session.engine.containers.values().map(|c| c.name.clone()));
    }
    if images && !(single_image && image_given) {
        for image in session.engine.images.iter() {
            for tag in &image.repo_tags {
                out.push(tag.clone());
                if let Some(repo) = tag.strip_suffix(":latest") {
                    out.push(repo.to_string());
                }
            }
        }
    }
    out
}

fn common_prefix(words: &[String]) -> String {
    let Some(first) = words.first() else { return String::new() };
    let mut end = first.len();
    for w in words.iter().skip(1) {
        end = first.char_indices().zip(w.chars()).take_while(|((_, a), b)| a == b).map(|((i, a), _)| i + a.len_utf8()).last().unwrap_or(0).min(end);
    }
    first.get(..end).unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use simulator::{MemoryProject, SessionConfig};

    fn session() -> Session {
        let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
        s.run_line("docker run -d --name webserver nginx");
        s.run_line("docker run -d --name web2 nginx");
        s.run_line("docker pull redis");
        s
    }

    #[test]
    fn completes_programs_and_docker_commands() {
        let s = session();
        assert_eq!(complete("doc", &s), Completion::Replace("docker ".into()));
        assert_eq!(complete("docker ima", &s), Completion::Replace("docker image".into()));
        assert_eq!(
            complete("docker image", &s),
            Completion::Candidates { line: "docker image".into(), options: vec!["image".into(), "images".into()] }
        );
        assert_eq!(complete("docker unp", &s), Completion::Replace("docker unpause ".into()));
        assert_eq!(complete("docker container pr", &s), Completion::Replace("docker container prune ".into()));
        assert_eq!(complete("triv", &s), Completion::Replace("trivy ".into()));
        assert_eq!(complete("hado", &s), Completion::Replace("hadolint ".into()));
        assert_eq!(complete("docker comp", &s), Completion::Replace("docker compose ".into()));
    }

    #[test]
    fn completes_flags_from_the_command_table() {
        let s = session();
        assert_eq!(complete("docker run --rest", &s), Completion::Replace("docker run --restart ".into()));
        assert_eq!(complete("docker ps --al", &s), Completion::Replace("docker ps --all ".into()));
        assert_eq!(complete("docker rm --for", &s), Completion::Replace("docker rm --force ".into()));
    }

    #[test]
    fn completes_container_and_image_names() {
        let s = session();
        assert_eq!(
            complete("docker stop we", &s),
            Completion::Candidates { line: "docker stop web".into(), options: vec!["web2".into(), "webserver".into()] }
                .replace_if_longer()
        );
        assert_eq!(complete("docker stop webs", &s), Completion::Replace("docker stop webserver ".into()));
        assert_eq!(complete("docker rmi red", &s), Completion::Replace("docker rmi redis".into()));
        assert_eq!(complete("docker rmi redis:", &s), Completion::Replace("docker rmi redis:latest ".into()));
        assert_eq!(complete("docker run -d re", &s), Completion::Candidates {
            line: "docker run -d redis".into(),
            options: vec!["redis".into(), "redis:latest".into()],
        }.replace_if_longer());
        assert_eq!(complete("docker ps && docker logs webs", &s), Completion::Replace("docker ps && docker logs webserver ".into()));
    }

    #[test]
    fn nothing_to_offer_is_none() {
        let s = session();
        assert_eq!(complete("docker stop zz", &s), Completion::None);
        assert_eq!(complete("echo hol", &s), Completion::None);
        assert_eq!(complete("docker run nginx ec", &s), Completion::None);
    }

    impl Completion {
        /// Several candidates with a longer common start complete that start (as bash does).
        fn replace_if_longer(self) -> Completion {
            match self {
                Completion::Candidates { line, .. } => Completion::Replace(line),
                other => other,
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(line in "(docker |container |image |run |rm |-|--|[a-zé]|[ |;&])*") {
            let s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
            let _ = complete(&line, &s);
        }
    }
}
