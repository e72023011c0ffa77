//! The tap-to-compose palette for phones: which buttons to offer for the line being composed
//! (commands, their usual flags, the names of containers and images), and how a tap changes the
//! line. Plain Rust, tested natively.

use simulator::Session;

/// The commands offered to start a line.
pub const COMMANDS: &[&str] = &[
    "docker run",
    "docker ps",
    "docker images",
    "docker pull",
    "docker build",
    "docker stop",
    "docker start",
    "docker rm",
    "docker rmi",
    "docker logs",
    "docker exec",
    "docker inspect",
    "docker network ls",
    "docker volume ls",
    "docker compose up -d",
    "docker compose ps",
    "docker compose down",
    "docker login",
    "docker push",
    "trivy image",
    "hadolint Dockerfile",
    "ls",
    "cat",
    "clear",
];

/// The buttons for the line as it is now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// Usual flags of the command in the line.
    pub flags: Vec<&'static str>,
    /// Container names and image references the command takes.
    pub names: Vec<String>,
}

/// The docker command of a line (`run`, `ps`, `network ls`…), if it is one.
fn docker_command(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    if words.next()? != "docker" {
        return None;
    }
    let first = words.next()?;
    if matches!(first, "network" | "volume" | "image" | "container") {
        return Some(format!("{first} {}", words.next().unwrap_or_default()).trim_end().to_string());
    }
    Some(first.to_string())
}

pub fn choices(line: &str, session: &Session) -> Choices {
    let Some(command) = docker_command(line) else { return Choices::default() };
    let flags: &[&'static str] = match command.as_str() {
        "run" => &["-d", "-it", "--rm", "--name", "-p 8080:80", "-v datos:/datos", "-e CLAVE=valor"],
        "ps" => &["-a", "-q"],
        "images" => &["-a", "-q"],
        "rm" => &["-f"],
        "rmi" => &["-f"],
        "logs" => &["-f", "--tail 10"],
        "exec" => &["-it", "sh"],
        "build" => &["-t mi-app", "."],
        "stop" | "start" | "inspect" | "pull" => &[],
        _ => &[],
    };
    let (containers, images) = match command.as_str() {
        "run" | "pull" | "rmi" => (false, true),
        "stop" | "start" | "rm" | "logs" | "exec" => (true, false),
        "inspect" => (true, true),
        _ => (false, false),
    };
    let mut names = Vec::new();
    if containers {
        let mut list: Vec<String> = session.engine.containers.values().map(|c| c.name.clone()).collect();
        simulator::sort::sort(&mut list);
        names.extend(list);
    }
    if images {
        let mut list: Vec<String> = session
            .engine
            .images
            .iter()
            .flat_map(|image| image.repo_tags.iter().map(|t| t.strip_suffix(":latest").unwrap_or(t).to_string()))
            .collect();
        simulator::sort::sort(&mut list);
        list.dedup();
        names.extend(list);
    }
    Choices { flags: flags.to_vec(), names }
}

/// The line after tapping a command: it starts a new line.
pub fn with_command(command: &str) -> String {
    command.to_string()
}

/// The line after tapping a flag or a name: appended after a space.
pub fn with_word(line: &str, word: &str) -> String {
    let line = line.trim_end();
    if line.is_empty() {
        word.to_string()
    } else {
        format!("{line} {word}")
    }
}

/// The line without its last word ("Borrar palabra").
pub fn without_last_word(line: &str) -> String {
    let line = line.trim_end();
    match line.rfind(' ') {
        Some(i) => line.get(..i).unwrap_or_default().trim_end().to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use simulator::{MemoryProject, SessionConfig};

    fn session() -> Session {
        let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
        s.run_line("docker run -d --name web nginx");
        s.run_line("docker pull alpine:3.20");
        s
    }

    #[test]
    fn run_offers_its_flags_and_the_images() {
        let c = choices("docker run -d", &session());
        assert!(c.flags.contains(&"--rm") && c.flags.contains(&"-p 8080:80"), "{c:?}");
        assert_eq!(c.names, vec!["alpine:3.20".to_string(), "nginx".to_string()]);
    }

    #[test]
    fn stop_offers_the_containers() {
        let c = choices("docker stop", &session());
        assert_eq!(c.names, vec!["web".to_string()]);
        assert!(c.flags.is_empty());
    }

    #[test]
    fn other_lines_offer_nothing() {
        assert_eq!(choices("", &session()), Choices::default());
        assert_eq!(choices("ls -la", &session()), Choices::default());
        assert_eq!(choices("docker network ls", &session()), Choices::default());
    }

    #[test]
    fn taps_build_the_line() {
        let line = with_command("docker run");
        let line = with_word(&line, "-d");
        let line = with_word(&line, "nginx");
        assert_eq!(line, "docker run -d nginx");
        assert_eq!(without_last_word(&line), "docker run -d");
        assert_eq!(without_last_word("docker"), "");
        assert_eq!(with_word("", "-a"), "-a");
    }

    proptest! {
        #[test]
        fn never_panics(line in "\\PC{0,60}") {
            let _ = choices(&line, &session());
            let _ = without_last_word(&line);
        }
    }
}
