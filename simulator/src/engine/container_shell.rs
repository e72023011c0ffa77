//! An interactive shell inside a container (`docker run -it … sh`, `docker exec -it … bash`):
//! the prompt the image's shell shows, and each line run in the container's context.

use crate::engine::process::{self, ScriptContext};
use crate::engine::users::{self, User};
use crate::engine::Engine;
use crate::output::Output;
use crate::shell::ShellState;

/// A shell session inside a container.
#[derive(Debug, Clone)]
pub struct ContainerShell {
    pub container_id: String,
    /// True for `docker exec`: leaving the shell does not stop the container.
    pub exec: bool,
    pub cwd: String,
    pub hostname: String,
    pub lineage: String,
    pub user: User,
    /// The process environment, in order.
    pub env: Vec<String>,
    pub state: ShellState,
}

/// What one line did.
pub struct ShellLine {
    pub output: Output,
    /// `exit N`: the shell ended with this code.
    pub exited: Option<i32>,
}

fn busybox_like(lineage: &str) -> bool {
    matches!(lineage, "busybox" | "alpine" | "mini") || lineage.ends_with("-alpine")
}

impl ContainerShell {
    /// Opens a shell in a running container with the given environment, directory and user.
    pub fn open(engine: &Engine, id: &str, exec: bool, env: Vec<String>, workdir: &str, user: &str) -> Result<ContainerShell, String> {
        let c = engine.containers.get(id).ok_or_else(|| format!("No such container: {id}"))?;
        let lineage = engine.images.get(&c.image_id).map_or_else(|| "busybox".to_string(), |i| i.lineage.clone());
        let user = users::resolve(&lineage, user)?;
        let cwd = if workdir.is_empty() { "/".to_string() } else { workdir.to_string() };
        let mut shell = ContainerShell {
            container_id: id.to_string(),
            exec,
            cwd,
            hostname: c.config.hostname.clone(),
            lineage,
            user,
            env,
            state: ShellState::new(),
        };
        let ctx = shell.context();
        shell.state = ctx.fresh_state();
        Ok(shell)
    }

    fn context(&self) -> ScriptContext<'_> {
        ScriptContext { lineage: &self.lineage, env: &self.env, workdir: &self.cwd, user: &self.user }
    }

    /// The prompt the image's shell prints: `/ # ` (busybox, alpine) or `root@<id>:/# ` (bash).
    pub fn prompt(&self) -> String {
        let sign = if self.user.uid == 0 { '#' } else { '$' };
        let dir = if self.cwd == self.user.home && self.cwd != "/" { "~".to_string() } else { self.cwd.clone() };
        if busybox_like(&self.lineage) {
            format!("{dir} {sign} ")
        } else {
            let name = self.user.name.clone().unwrap_or_else(|| "I have no name!".to_string());
            format!("{name}@{}:{dir}{sign} ", self.hostname)
        }
    }

    /// Runs one line typed at the prompt.
    pub fn run_line(&mut self, line: &str) -> ShellLine {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut output = Output::new();
        match words.as_slice() {
            [] => return ShellLine { output, exited: None },
            ["exit"] => return ShellLine { output, exited: Some(self.state.last_exit) },
            ["exit", code] => {
                let code = code.parse::<i64>().map_or(2, |c| c.rem_euclid(256) as i32);
                return ShellLine { output, exited: Some(code) };
            }
            ["pwd"] => output.outln(&self.cwd),
            ["cd"] | ["cd", "~"] => self.cwd = self.user.home.clone(),
            ["cd", dir] => self.cwd = resolve_dir(&self.cwd, dir),
            _ => {
                let mut state = std::mem::take(&mut self.state);
                let r = process::run_in_container(line, &self.context(), &mut state);
                self.state = state;
                output = r.output;
            }
        }
        self.state.last_exit = output.exit_code;
        ShellLine { output, exited: None }
    }
}

/// `cd` within the container (paths are not checked until the filesystem knows them).
fn resolve_dir(cwd: &str, dir: &str) -> String {
    let mut parts: Vec<&str> = if dir.starts_with('/') { Vec::new() } else { cwd.split('/').filter(|p| !p.is_empty()).collect() };
    for p in dir.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cd_resolves_paths() {
        assert_eq!(resolve_dir("/", "tmp"), "/tmp");
        assert_eq!(resolve_dir("/usr/share", "../lib"), "/usr/lib");
        assert_eq!(resolve_dir("/a", "/"), "/");
    }
}
