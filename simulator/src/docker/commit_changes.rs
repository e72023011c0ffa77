//! `--change`/`-c` of `docker commit` (and `docker import`): Dockerfile instructions applied to an
//! image config (`CMD`, `ENTRYPOINT`, `ENV`, `EXPOSE`, `LABEL`, `ONBUILD`, `STOPSIGNAL`, `USER`,
//! `VOLUME`, `WORKDIR`).

use crate::engine::image::ImageConfig;

/// A JSON array of strings (`["echo","hi"]`), or `None` for the shell form.
fn json_list(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if !t.starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

/// The exec form of `CMD`/`ENTRYPOINT`: a JSON array as is, the shell form through `/bin/sh -c`.
fn command(text: &str) -> Vec<String> {
    json_list(text).unwrap_or_else(|| vec!["/bin/sh".to_string(), "-c".to_string(), text.trim().to_string()])
}

/// `A=1 B="two words"` or the legacy `A 1` form of `ENV`/`LABEL`.
fn pairs(text: &str) -> Vec<(String, String)> {
    let t = text.trim();
    if !t.contains('=') {
        return match t.split_once(char::is_whitespace) {
            Some((k, v)) => vec![(k.to_string(), v.trim().to_string())],
            None => vec![(t.to_string(), String::new())],
        };
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let mut words = Vec::new();
    let mut quote: Option<char> = None;
    for c in t.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            (_, c) => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    for w in words {
        let (k, v) = w.split_once('=').unwrap_or((w.as_str(), ""));
        out.push((k.to_string(), v.to_string()));
    }
    out
}

/// `80` → `80/tcp`.
fn port(spec: &str) -> String {
    if spec.contains('/') {
        spec.to_lowercase()
    } else {
        format!("{spec}/tcp")
    }
}

fn port_key(p: &str) -> (u16, String) {
    let (n, proto) = p.split_once('/').unwrap_or((p, "tcp"));
    (n.parse().unwrap_or(0), proto.to_string())
}

/// Applies one `--change` to `config`; the daemon's error message when it is not allowed.
pub fn apply(config: &mut ImageConfig, change: &str) -> Result<(), String> {
    let change = change.trim();
    let (keyword, rest) = change.split_once(char::is_whitespace).unwrap_or((change, ""));
    match keyword.to_ascii_uppercase().as_str() {
        "CMD" => config.cmd = Some(command(rest)),
        "ENTRYPOINT" => config.entrypoint = Some(command(rest)),
        "ENV" => {
            for (k, v) in pairs(rest) {
                let kv = format!("{k}={v}");
                match config.env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(ek, _)| ek) == k) {
                    Some(slot) => *slot = kv,
                    None => config.env.push(kv),
                }
            }
        }
        "EXPOSE" => {
            for p in rest.split_whitespace().map(port) {
                if !config.exposed_ports.contains(&p) {
                    config.exposed_ports.push(p);
                }
            }
            crate::sort::sort_by_key(&mut config.exposed_ports, |p| port_key(p));
        }
        "LABEL" => {
            for (k, v) in pairs(rest) {
                config.labels.insert(k, v);
            }
        }
        "USER" => config.user = rest.trim().to_string(),
        "WORKDIR" => config.working_dir = rest.trim().to_string(),
        "STOPSIGNAL" => config.stop_signal = Some(rest.trim().to_string()),
        "VOLUME" => {
            let list = json_list(rest).unwrap_or_else(|| rest.split_whitespace().map(str::to_string).collect());
            for v in list {
                if !config.volumes.contains(&v) {
                    config.volumes.push(v);
                }
            }
            crate::sort::sort(&mut config.volumes);
        }
        "ONBUILD" => config.on_build.push(rest.trim().to_string()),
        other => return Err(format!("{other} is not a valid change command")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_dockerfile_instructions() {
        let mut c = ImageConfig { env: vec!["FOO=bar".into()], ..ImageConfig::default() };
        for change in ["CMD [\"echo\",\"x\"]", "ENV A=1", "ENV FOO=baz", "EXPOSE 8080", "expose 80", "LABEL k=v \"a b\"=c", "WORKDIR /w", "USER nobody"] {
            assert_eq!(apply(&mut c, change), Ok(()));
        }
        assert_eq!(c.cmd, Some(vec!["echo".to_string(), "x".to_string()]));
        assert_eq!(c.env, ["FOO=baz", "A=1"]);
        assert_eq!(c.exposed_ports, ["80/tcp", "8080/tcp"]);
        assert_eq!(c.labels.get("a b").map(String::as_str), Some("c"));
        assert_eq!((c.working_dir.as_str(), c.user.as_str()), ("/w", "nobody"));
        assert_eq!(apply(&mut c, "CMD echo hi"), Ok(()));
        assert_eq!(c.cmd, Some(vec!["/bin/sh".to_string(), "-c".to_string(), "echo hi".to_string()]));
        assert_eq!(apply(&mut c, "RUN x"), Err("RUN is not a valid change command".to_string()));
        assert_eq!(apply(&mut c, "run x"), Err("RUN is not a valid change command".to_string()));
    }
}
