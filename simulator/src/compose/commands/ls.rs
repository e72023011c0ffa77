//! `docker compose ls`: the projects that have containers.

use super::columns::wide_table;
use super::containers::{label, CONFIG_FILES, PROJECT};
use super::Ctx;
use crate::output::Output;

/// (container status, how many), one entry per status.
type StateCounts = Vec<(String, usize)>;

pub fn ls(cx: &mut Ctx<'_, '_>) -> Output {
    let mut out = Output::new();
    let all = cx.flags.bool("all");
    // (project, state counts, config files), one entry per project, then sorted by name.
    let mut projects: Vec<(String, StateCounts, String)> = Vec::new();
    for c in cx.engine.containers.values() {
        let p = label(c, PROJECT);
        if p.is_empty() {
            continue;
        }
        let at = match projects.iter().position(|(name, _, _)| name == p) {
            Some(at) => at,
            None => {
                projects.push((p.to_string(), Vec::new(), label(c, CONFIG_FILES).to_string()));
                projects.len() - 1
            }
        };
        if let Some((_, states, _)) = projects.get_mut(at) {
            let status = c.status();
            match states.iter_mut().find(|(s, _)| s == status.as_str()) {
                Some(slot) => slot.1 += 1,
                None => states.push((status.as_str().to_string(), 1)),
            }
        }
    }
    crate::sort::sort_by(&mut projects, |a, b| a.0.cmp(&b.0));
    for (_, states, _) in &mut projects {
        crate::sort::sort_by(states, |a, b| a.0.cmp(&b.0));
    }
    let mut rows = vec![vec!["NAME".to_string(), "STATUS".to_string(), "CONFIG FILES".to_string()]];
    for (name, states, files) in projects {
        // Without -a, stopped containers do not count (and a project with nothing else is hidden).
        let shown: Vec<String> = states.iter().filter(|(s, _)| all || !matches!(s.as_str(), "exited" | "created" | "dead")).map(|(s, n)| format!("{s}({n})")).collect();
        if shown.is_empty() {
            continue;
        }
        let status = shown;
        if cx.flags.bool("quiet") {
            out.outln(&name);
            continue;
        }
        rows.push(vec![name, status.join(", "), files]);
    }
    if !cx.flags.bool("quiet") {
        out.out(wide_table(&rows));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::project::MemoryProject;
    use crate::session::{Session, SessionConfig};

    const APP: &str = "services:\n  web:\n    image: busybox\n    command: sleep 1000\n  job:\n    image: busybox\n    command: 'true'\n";

    #[test]
    fn projects_by_name_and_states_by_name() {
        let files = MemoryProject::new().with_file("zeta/compose.yaml", APP).with_file("alfa/compose.yaml", APP);
        let mut s = Session::new(SessionConfig::default(), Box::new(files));
        s.engine.import_real_docker_base_images();
        for dir in ["zeta", "alfa"] {
            let out = s.run_line(&format!("cd /home/estudiante/{dir} && docker compose up -d && cd .."));
            assert_eq!(out.exit_code, 0, "{}", out.combined());
        }
        assert_eq!(s.run_line("docker compose ls -q").stdout(), "alfa\nzeta\n");
        assert_eq!(
            s.run_line("docker compose ls -a").stdout(),
            "NAME                STATUS                  CONFIG FILES\n\
             alfa                exited(1), running(1)   /home/estudiante/alfa/compose.yaml\n\
             zeta                exited(1), running(1)   /home/estudiante/zeta/compose.yaml\n"
        );
    }
}
