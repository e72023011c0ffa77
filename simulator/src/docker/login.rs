//! `docker login` and `docker logout` (CLI 28.2), against the registries of [`crate::registry`].
//!
//! Interactive prompts (`Username: `, `Password: `) take what the learner typed at the terminal
//! ([`crate::Session::run_line_answering`]); a prompt still unanswered ends the command with the
//! prompt on screen, and the terminal runs the line again with the answer. Without a terminal (or
//! with piped input) Docker refuses to prompt at all.

use crate::cli::Invocation;
use crate::docker::errors;
use crate::engine::Engine;
use crate::output::Output;
use crate::registry::{hosts, Host, Kind};
use crate::shell::ProgramCall;

/// Where the CLI keeps credentials (`$HOME/.docker/config.json`).
pub const CONFIG_PATH: &str = "/home/estudiante/.docker/config.json";

const NON_TTY: &str = "Error: Cannot perform an interactive login from a non TTY device";
/// Where Docker Hub's web-based login sends the learner (`internal/oauth/manager`).
const DEVICE_URL: &str = "https://login.docker.com/activate";
const PASSWORD_WARNING: &str = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.";

/// The server a `login`/`logout` argument names: `(credential key, host for messages, registry)`.
/// The registry is `None` when the simulated network does not know the host.
pub fn server(arg: Option<&str>) -> (String, String, Option<Host>) {
    let Some(arg) = arg.filter(|a| !a.is_empty()) else {
        let hub = Host::lookup("docker.io");
        return (hosts::HUB_SERVER.to_string(), hosts::HUB_SERVER.to_string(), hub);
    };
    if arg == hosts::HUB_SERVER || arg.trim_end_matches('/') == hosts::HUB_SERVER.trim_end_matches('/') {
        return server(None);
    }
    let host = hostname(arg);
    match Host::lookup(&host) {
        Some(h) if h.kind == Kind::DockerHub => server(None),
        found => (host.clone(), host, found),
    }
}

/// `registry.ConvertToHostname`: without `http://`/`https://` and without a path.
fn hostname(arg: &str) -> String {
    let rest = arg.strip_prefix("http://").or_else(|| arg.strip_prefix("https://")).unwrap_or(arg);
    rest.split('/').next().unwrap_or(rest).to_string()
}

/// Why the daemon could not reach a registry host that the simulated network does not know (or the
/// Hub while offline).
pub fn unreachable(engine: &Engine, host: &str) -> String {
    if host == "registry-1.docker.io" && engine.hub_offline {
        return "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: dial udp 10.255.255.53:53: connect: network is unreachable".to_string();
    }
    if let Some(port) = host.strip_prefix("localhost:").or_else(|| host.strip_prefix("127.0.0.1:")) {
        return format!("Get \"http://{host}/v2/\": dial tcp 127.0.0.1:{port}: connect: connection refused");
    }
    let name = host.split(':').next().unwrap_or(host);
    format!("Get \"https://{host}/v2/\": dial tcp: lookup {name} on 127.0.0.53:53: no such host")
}

/// `docker login [OPTIONS] [SERVER]`.
pub fn login(engine: &mut Engine, inv: &Invocation, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let mut user = inv.str("username").unwrap_or("").trim().to_string();
    let mut password = inv.str("password").unwrap_or("").to_string();
    let from_stdin = inv.bool("password-stdin");
    if from_stdin && !password.is_empty() {
        out.errln("conflicting options: cannot specify both --password and --password-stdin");
        return out.with_exit(1);
    }
    if from_stdin {
        if user.is_empty() {
            out.errln("the --password-stdin option requires --username to be set");
            return out.with_exit(1);
        }
        password = call.stdin.unwrap_or("").trim_end_matches(['\n', '\r']).to_string();
    }
    if inv.str("password").is_some_and(|p| !p.is_empty()) {
        out.errln(PASSWORD_WARNING);
    }
    let (key, host_name, host) = server(inv.args.first().map(String::as_str));
    if user.is_empty() && password.is_empty() && !from_stdin {
        if let Some(stored) = engine.registries.login_for(&key).cloned() {
            out.errln(format!("Authenticating with existing credentials... [Username: {}]", stored.user));
            note(&mut out, engine.tty, "To login with a different account, run 'docker logout' followed by 'docker login'");
            out.errln("");
            return finish_login(engine, out, &key, &host_name, host.as_ref(), &stored.user, &stored.password, true);
        }
    }
    if user.is_empty() || password.is_empty() {
        // Docker prompts only when its input is a terminal: never with piped input.
        if !engine.tty || (call.stdin.is_some() && !from_stdin) {
            out.errln(NON_TTY);
            return out.with_exit(1);
        }
        let hub = host.as_ref().is_some_and(|h| h.kind == Kind::DockerHub);
        if hub && user.is_empty() && password.is_empty() && !oauth_disabled(call.env.get(OAUTH_ESCAPE_HATCH)) {
            if !engine.hub_offline {
                return device_login(engine, out, &key, &host_name, host.as_ref());
            }
            // Without internet the device code cannot be requested: the CLI falls back.
            out.err("Failed to start web-based login - falling back to command line login...\n\n");
        }
        let mut typed = engine.tty_answers.clone().into_iter();
        if user.is_empty() {
            out.out("Username: ");
            let Some(answer) = typed.next() else { return out };
            user = answer.trim().to_string();
            if user.is_empty() {
                out.outln("");
                out.errln("Error: Non-null Username Required");
                return out.with_exit(1);
            }
            // The terminal echoes what was typed.
            out.outln(&user);
        }
        if password.is_empty() {
            out.out("Password: ");
            // Not echoed: the CLI ends the line itself.
            let Some(answer) = typed.next() else { return out };
            password = answer.trim().to_string();
            out.outln("");
            if password.is_empty() {
                out.errln("Error: Password Required");
                return out.with_exit(1);
            }
        }
    }
    finish_login(engine, out, &key, &host_name, host.as_ref(), &user, &password, false)
}

/// The CLI's escape hatch back to username and password for Docker Hub.
const OAUTH_ESCAPE_HATCH: &str = "DOCKER_CLI_DISABLE_OAUTH_LOGIN";

/// `isOauthLoginDisabled`: the variable parses as a true Go bool.
fn oauth_disabled(value: Option<&String>) -> bool {
    value.is_some_and(|v| matches!(v.as_str(), "1" | "t" | "T" | "TRUE" | "true" | "True"))
}

/// `tui.Output.PrintNote`: a blank line, the Info header (`i Info → ` on a terminal), the text.
fn note(out: &mut Output, tty: bool, text: &str) {
    let header = if tty { "i Info → " } else { " Info -> " };
    let indent = " ".repeat(header.chars().count());
    out.err("\n");
    for (i, line) in text.split('\n').enumerate() {
        let lead = if i == 0 { header } else { indent.as_str() };
        out.errln(format!("{lead}{line}"));
    }
}

/// Docker Hub's web-based login (device code flow). The learner presses Enter to "open the
/// browser", where the simulated Hub signs in the course's demo account; until then the command
/// waits at `Waiting for authentication in the browser…`.
fn device_login(engine: &mut Engine, mut out: Output, key: &str, host_name: &str, host: Option<&Host>) -> Output {
    // The same code on every run of this command (the terminal runs it again with the answer).
    let mut ids = engine.ids.clone();
    let code: String = (0..8)
        .map(|i| {
            let letter = char::from(b'A' + (ids.below(26) as u8));
            if i == 4 { format!("-{letter}") } else { letter.to_string() }
        })
        .collect();
    out.errln("");
    out.errln("USING WEB-BASED LOGIN");
    note(&mut out, engine.tty, "To sign in with credentials on the command line, use 'docker login -u <username>'\n");
    out.errln(format!("\nYour one-time device confirmation code is: {code}"));
    out.errln(format!("Press ENTER to open your browser or submit your device code here: {DEVICE_URL}"));
    out.errln("\nWaiting for authentication in the browser…");
    if engine.tty_answers.is_empty() {
        return out;
    }
    let Some((user, password)) = host.and_then(Host::demo_user) else { return out };
    finish_login(engine, out, key, host_name, host, user, password, false)
}

/// Checks the credentials with the registry and stores them.
#[allow(clippy::too_many_arguments)]
fn finish_login(
    engine: &mut Engine,
    mut out: Output,
    key: &str,
    host_name: &str,
    host: Option<&Host>,
    user: &str,
    password: &str,
    existing: bool,
) -> Output {
    let Some(host) = host else {
        errors::daemon(&mut out, &unreachable(engine, host_name));
        return out.with_exit(1);
    };
    if host.kind == Kind::DockerHub && engine.hub_offline {
        errors::daemon(&mut out, &unreachable(engine, host.api_host()));
        return out.with_exit(1);
    }
    if !host.check_password(user, password) {
        let msg = if host.kind == Kind::DockerHub {
            "Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password".to_string()
        } else {
            format!("login attempt to {}://{}/v2/ failed with status: 401 Unauthorized", host.scheme(), host.domain)
        };
        errors::daemon(&mut out, &msg);
        return out.with_exit(1);
    }
    let changed = engine.registries.store_login(key, user, password);
    if changed {
        out.errln(format!(
            "\nWARNING! Your credentials are stored unencrypted in '{CONFIG_PATH}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/"
        ));
    }
    if changed || existing {
        out.outln("");
    }
    out.outln("Login Succeeded");
    out
}

/// `docker logout [SERVER]`: always succeeds, whether there was a login or not.
pub fn logout(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(arg) = inv.args.first().filter(|a| !a.is_empty()) else {
        out.outln(format!("Removing login credentials for {}", hosts::HUB_SERVER));
        engine.registries.remove_login(hosts::HUB_SERVER);
        return out;
    };
    // A named server is shown as its host name; the credentials stored under the name as typed,
    // the host name, or either URL form go.
    let host = hostname(arg);
    out.outln(format!("Removing login credentials for {host}"));
    for key in [arg.clone(), host.clone(), format!("http://{host}"), format!("https://{host}")] {
        engine.registries.remove_login(&key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_normalise() {
        assert_eq!(server(Some("http://localhost:5000/")).0, "localhost:5000");
        assert_eq!(server(Some("docker.io")).0, hosts::HUB_SERVER);
        assert_eq!(server(None).1, hosts::HUB_SERVER);
        assert!(server(Some("nosuch.invalid")).2.is_none());
    }
}
