//! What a container's main process does, as far as a learner can see it: what it prints, when it
//! exits and with which code, and how it reacts to signals. The program is looked up in the
//! container's filesystem (`$PATH`), then recognised by name; utilities and shell scripts run in
//! the container's [`userland`](crate::engine::userland) against its files.

use std::collections::BTreeMap;

use crate::clock::Timestamp;
use crate::engine::userland::{self, Machine};
use crate::engine::mounted_fs::View;
use crate::fs::path;
use crate::output::Stream;

/// How a process reacts to a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalResponse {
    /// The process exits with this code.
    Exit(i32),
    /// The signal is ignored (PID 1 without a handler, or a handled reload like nginx's SIGHUP).
    Ignore,
}

/// A running (or about to run) main process.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// What it writes when it starts: (delay after start in ns, stream, text).
    pub output: Vec<(i64, Stream, String)>,
    /// When it exits by itself: (ns after start, exit code). `None`: runs until signalled.
    pub exit: Option<(i64, i32)>,
    /// Response to each signal by name (`TERM`, `INT`, `QUIT`, `HUP`, …). Absent: default action
    /// (terminate with 128+n), except for PID 1 where unhandled signals are ignored. One entry
    /// per signal ([`Program::handle`] replaces).
    pub handlers: Vec<(&'static str, SignalResponse)>,
    /// Rows for `docker top`: (user, command line).
    pub processes: Vec<(String, String)>,
}

/// Why a process could not start (`docker start`/`run`/`exec` error, exit 127/126).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// `exec: "x": executable file not found in $PATH`
    NotFound(String),
    /// `exec: "/x": stat /x: no such file or directory`
    NoSuchFile(String),
    /// `exec: "/etc/passwd": permission denied` (not executable)
    PermissionDenied(String),
    /// `exec: "/tmp": is a directory: permission denied`
    IsDirectory(String),
    /// `chdir to cwd ("/nope") set in config.json failed: no such file or directory`
    NoWorkdir(String),
}

impl StartError {
    /// What runc says after `unable to start container process: `.
    pub fn detail(&self) -> String {
        match self {
            StartError::NotFound(p) => format!("exec: \"{p}\": executable file not found in $PATH"),
            StartError::NoSuchFile(p) => format!("exec: \"{p}\": stat {p}: no such file or directory"),
            StartError::PermissionDenied(p) => format!("exec: \"{p}\": permission denied"),
            StartError::IsDirectory(p) => format!("exec: \"{p}\": is a directory: permission denied"),
            StartError::NoWorkdir(d) => format!("chdir to cwd (\"{d}\") set in config.json failed: no such file or directory"),
        }
    }

    /// The daemon's message (after `Error response from daemon: `), as Docker 28.5 with
    /// containerd 2.x prints it.
    pub fn message(&self) -> String {
        let detail = self.detail();
        let stage = if matches!(self, StartError::NoWorkdir(_)) { "" } else { "error during container init: " };
        format!(
            "failed to create task for container: failed to create shim task: OCI runtime create failed: \
             runc create failed: unable to start container process: {stage}{detail}"
        )
    }

    /// `docker exec`'s message (printed as is), exit 126 or 127.
    pub fn exec_message(&self) -> String {
        format!("OCI runtime exec failed: exec failed: unable to start container process: {}", self.detail())
    }

    /// The exit code `docker run`/`exec` return for it.
    pub fn exit_code(&self) -> i32 {
        match self {
            StartError::NotFound(_) | StartError::NoSuchFile(_) | StartError::NoWorkdir(_) => 127,
            StartError::PermissionDenied(_) | StartError::IsDirectory(_) => 126,
        }
    }
}

/// What the program needs to know about its container.
pub struct Launch<'a> {
    pub argv: &'a [String],
    pub env: &'a [String],
    pub tty: bool,
    pub open_stdin: bool,
    pub init: bool,
    pub now: Timestamp,
    pub hostname: &'a str,
    /// Working directory (`-w` or the image's), `/` when empty.
    pub workdir: &'a str,
    /// The resolved user the process runs as.
    pub user: &'a crate::engine::users::User,
    /// The network as the container sees it, when the command may use it.
    pub net: Option<&'a crate::engine::http::Net>,
}

/// The environment as a map (the shell's view of it).
pub fn env_map(env: &[String]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (k, v) in env.iter().filter_map(|kv| kv.split_once('=')) {
        map.insert(k.to_string(), v.to_string());
    }
    map
}

/// The value of `PATH` in an environment (Docker's default when unset).
pub fn path_of(env: &[String]) -> String {
    env.iter().find_map(|kv| kv.strip_prefix("PATH=")).unwrap_or(userland::DEFAULT_PATH).to_string()
}

/// Finds the program runc would execute on a container's filesystem with its mounts: a path
/// containing `/` as is (relative to `workdir`), a bare name in `path_var`. Errors are runc's.
pub fn resolve_in_view(fs: &View<'_>, program: &str, path_var: &str, workdir: &str) -> Result<String, StartError> {
    let cwd = if workdir.is_empty() { "/" } else { workdir };
    if !fs.stat(cwd).is_ok_and(|s| s.is_dir()) {
        return Err(StartError::NoWorkdir(cwd.to_string()));
    }
    if program.contains('/') {
        let p = path::join(cwd, program);
        return match fs.stat(&p) {
            Err(_) => Err(StartError::NoSuchFile(program.to_string())),
            Ok(s) if s.is_dir() => Err(StartError::IsDirectory(program.to_string())),
            Ok(s) if !s.is_executable() => Err(StartError::PermissionDenied(program.to_string())),
            Ok(_) => Ok(p),
        };
    }
    fs.which(program, path_var).ok_or_else(|| StartError::NotFound(program.to_string()))
}

/// Signal numbers by name (Linux x86-64).
pub fn signal_number(name: &str) -> Option<i32> {
    let n = name.trim_start_matches("SIG").to_ascii_uppercase();
    if let Ok(num) = n.parse::<i32>() {
        return (1..=64).contains(&num).then_some(num);
    }
    Some(match n.as_str() {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "ILL" => 4,
        "TRAP" => 5,
        "ABRT" | "IOT" => 6,
        "BUS" => 7,
        "FPE" => 8,
        "KILL" => 9,
        "USR1" => 10,
        "SEGV" => 11,
        "USR2" => 12,
        "PIPE" => 13,
        "ALRM" => 14,
        "TERM" => 15,
        "STKFLT" => 16,
        "CHLD" => 17,
        "CONT" => 18,
        "STOP" => 19,
        "TSTP" => 20,
        "TTIN" => 21,
        "TTOU" => 22,
        "URG" => 23,
        "XCPU" => 24,
        "XFSZ" => 25,
        "VTALRM" => 26,
        "PROF" => 27,
        "WINCH" => 28,
        "IO" | "POLL" => 29,
        "PWR" => 30,
        "SYS" => 31,
        _ => return None,
    })
}

/// The canonical short name of signal `n` (`TERM`).
pub fn signal_name(n: i32) -> &'static str {
    match n {
        1 => "HUP",
        2 => "INT",
        3 => "QUIT",
        6 => "ABRT",
        9 => "KILL",
        10 => "USR1",
        12 => "USR2",
        15 => "TERM",
        28 => "WINCH",
        _ => "OTHER",
    }
}

impl Program {
    /// Sets the response to signal `name`, replacing an earlier one.
    pub fn handle(&mut self, name: &'static str, response: SignalResponse) {
        match self.handlers.iter_mut().find(|(s, _)| *s == name) {
            Some(slot) => slot.1 = response,
            None => self.handlers.push((name, response)),
        }
    }

    /// What happens when signal `sig` (a number) reaches PID 1. `None`: nothing (ignored).
    pub fn on_signal(&self, sig: i32, init: bool) -> Option<i32> {
        if sig == 9 {
            return Some(137);
        }
        let name = signal_name(sig);
        match self.handlers.iter().find(|(s, _)| *s == name).map(|(_, r)| r) {
            Some(SignalResponse::Exit(code)) => Some(*code),
            Some(SignalResponse::Ignore) => None,
            // With --init, tini forwards the signal to a child that is not PID 1: default action.
            None if init => Some(128 + sig),
            // PID 1 ignores signals it has no handler for; stopping (SIGSTOP-like) ones aside.
            None => None,
        }
    }
}

const HELLO: &str = "
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate your workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

";

/// The processes a container shows in `ps` while `argv` is its main process: (PID, user, command).
pub fn process_table(l: &Launch<'_>, program: &Program) -> Vec<(u32, String, String)> {
    let user = l.user.display_name();
    let mut rows: Vec<(u32, String, String)> = Vec::new();
    if l.init {
        rows.push((1, "root".to_string(), format!("/sbin/docker-init -- {}", l.argv.join(" "))));
    }
    for (i, (u, cmd)) in program.processes.iter().enumerate() {
        let pid = if rows.is_empty() && i == 0 { 1 } else { 6 + rows.len() as u32 + i as u32 };
        let shown = if u == "root" { user.clone() } else { u.clone() };
        rows.push((pid, if i == 0 { user.clone() } else { shown }, cmd.clone()));
    }
    rows
}

/// Programs the images' entrypoint scripts start themselves (configuring them first).
fn is_server(program: &str) -> bool {
    matches!(
        userland::base_name(program),
        "nginx" | "nginx-debug" | "httpd-foreground" | "redis-server" | "postgres" | "mysqld" | "rabbitmq-server" | "node" | "python" | "python3"
    )
}

/// Works out what `argv` does in this container; utilities and scripts run against `fs`.
pub fn launch(l: &Launch<'_>, fs: &mut View<'_>) -> Result<Program, StartError> {
    let Some(program) = l.argv.first() else {
        return Err(StartError::NotFound(String::new()));
    };
    resolve_in_view(fs, program, &path_of(l.env), l.workdir)?;
    let base = userland::base_name(program).to_string();
    let args: Vec<&str> = l.argv.iter().skip(1).map(String::as_str).collect();
    // An image's entrypoint script configures its server, or runs the command it was given
    // (`exec "$@"`): `docker run nginx cat /etc/nginx/nginx.conf`.
    if base == "docker-entrypoint.sh" {
        if let Some(first) = args.first().filter(|a| !a.starts_with('-') && !is_server(a)) {
            if fs.which(first, &path_of(l.env)).is_some() {
                let rest: Vec<String> = l.argv.iter().skip(1).cloned().collect();
                return launch(&Launch { argv: &rest, ..*l }, fs);
            }
        }
    }
    let cmdline = l.argv.join(" ");
    let mut p = Program { output: Vec::new(), exit: Some((0, 0)), handlers: Vec::new(), processes: vec![("root".into(), cmdline.clone())] };
    match base.as_str() {
        "hello" => p.output.push((0, Stream::Stdout, HELLO.to_string())),
        "sh" | "ash" | "bash" | "dash" if args.first() == Some(&"-c") => run_in_machine(l, fs, &mut p, true),
        "sh" | "ash" | "bash" | "dash" if args.is_empty() => {
            // Without stdin a shell reads EOF and exits 0; with -i it waits for input.
            if l.open_stdin || l.tty {
                p.exit = None;
                p.handle("TERM", SignalResponse::Ignore);
                p.handle("INT", SignalResponse::Ignore);
            }
        }
        "tail" if args.contains(&"-f") => p.exit = None,
        "top" | "ping" | "yes" | "watch" => {
            p.exit = None;
            p.handle("INT", SignalResponse::Exit(if base == "ping" { 0 } else { 130 }));
        }
        "cat" if l.open_stdin && args.is_empty() => p.exit = None,
        "nginx" | "docker-entrypoint.sh" | "httpd-foreground" | "httpd" | "redis-server" | "postgres" | "mysqld"
        | "rabbitmq-server" | "node" | "python" | "python3" => daemon_like(&base, &args, l, fs, &mut p),
        _ => run_in_machine(l, fs, &mut p, false),
    }
    Ok(p)
}

/// Runs the program (a utility or `sh -c`) in the container and records its output and exit.
fn run_in_machine(l: &Launch<'_>, fs: &mut View<'_>, p: &mut Program, _script: bool) {
    let mut m = Machine::new(fs, l.user.clone(), l.hostname, l.now);
    m.tty = l.tty;
    if let Some(net) = l.net {
        m.net = net.clone();
    }
    m.env_order = l.env.to_vec();
    m.processes = if l.init { vec![(1, "root".to_string(), format!("/sbin/docker-init -- {}", l.argv.join(" ")))] } else { Vec::new() };
    if !m.processes.is_empty() || userland::base_name(l.argv.first().map_or("", String::as_str)) != "ps" {
        m.processes.push((if l.init { 7 } else { 1 }, l.user.display_name(), l.argv.join(" ")));
    }
    if userland::base_name(l.argv.first().map_or("", String::as_str)) == "ps" {
        // `ps` as PID 1 (or right after docker-init) lists itself.
        m.processes.retain(|(pid, _, _)| *pid == 1 && l.init);
    }
    let env = env_map(l.env);
    let workdir = if l.workdir.is_empty() { "/" } else { l.workdir };
    let out = m.run_argv(l.argv, &env, workdir);
    for c in &out.chunks {
        p.output.push((0, c.stream, c.text.clone()));
    }
    p.exit = if m.forever { None } else { Some((m.slept_ns, out.exit_code)) };
}

fn env_has(env: &[String], key: &str) -> bool {
    env.iter().any(|kv| kv.split_once('=').is_some_and(|(k, v)| k == key && !v.is_empty()))
}

/// Servers and interpreters: long-running, with their startup logs and signal handling.
fn daemon_like(base: &str, args: &[&str], l: &Launch<'_>, fs: &mut View<'_>, p: &mut Program) {
    let t = l.now;
    started_files(base, args, fs, t);
    let (y, mo, d, h, mi, s) = t.civil();
    let nginx_time = format!("{y:04}/{mo:02}/{d:02} {h:02}:{mi:02}:{s:02}");
    let target = if base == "docker-entrypoint.sh" { args.first().copied().unwrap_or("") } else { base };
    p.exit = None;
    match target {
        "nginx" => {
            let mut logs = String::from(
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n\
                 /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n\
                 /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n\
                 10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n\
                 10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n\
                 /docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n\
                 /docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n\
                 /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n\
                 /docker-entrypoint.sh: Configuration complete; ready for start up\n",
            );
            p.output.push((0, Stream::Stdout, std::mem::take(&mut logs)));
            let notices = [
                "using the \"epoll\" event method",
                "nginx/1.27.3",
                "built by gcc 12.2.0 (Debian 12.2.0-14) ",
                "OS: Linux 6.1.0-28-amd64",
                "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
                "start worker processes",
                "start worker process 29",
                "start worker process 30",
            ];
            let mut err = String::new();
            for n in notices {
                err.push_str(&format!("{nginx_time} [notice] 1#1: {n}\n"));
            }
            p.output.push((0, Stream::Stderr, err));
            for sig in ["TERM", "INT", "QUIT"] {
                p.handle(sig, SignalResponse::Exit(0));
            }
            p.handle("HUP", SignalResponse::Ignore);
            p.processes = vec![
                ("root".into(), "nginx: master process nginx -g daemon off;".into()),
                ("101".into(), "nginx: worker process".into()),
                ("101".into(), "nginx: worker process".into()),
            ];
        }
        "httpd-foreground" | "httpd" => {
            p.output.push((0, Stream::Stderr, format!(
                "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n\
                 AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n\
                 [{}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations\n\
                 [{}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n",
                apache_time(t), apache_time(t)
            )));
            for sig in ["TERM", "INT", "WINCH"] {
                p.handle(sig, SignalResponse::Exit(0));
            }
            p.processes = vec![
                ("root".into(), "httpd -DFOREGROUND".into()),
                ("www-data".into(), "httpd -DFOREGROUND".into()),
                ("www-data".into(), "httpd -DFOREGROUND".into()),
            ];
        }
        "redis-server" => {
            p.output.push((0, Stream::Stdout, format!(
                "1:C {rt} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n\
                 1:C {rt} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started\n\
                 1:C {rt} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n\
                 1:M {rt} * monotonic clock: POSIX clock_gettime\n\
                 1:M {rt} * Running mode=standalone, port=6379.\n\
                 1:M {rt} * Server initialized\n\
                 1:M {rt} * Ready to accept connections tcp\n",
                rt = redis_time(t)
            )));
            p.handle("TERM", SignalResponse::Exit(0));
            p.handle("INT", SignalResponse::Exit(0));
            p.processes = vec![("999".into(), "redis-server *:6379".into())];
        }
        "postgres" => {
            if !env_has(l.env, "POSTGRES_PASSWORD") && !l.env.iter().any(|e| e == "POSTGRES_HOST_AUTH_METHOD=trust") {
                p.output.push((0, Stream::Stderr, "Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".\n\n       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about \"trust\":\n       https://www.postgresql.org/docs/current/auth-trust.html\n".to_string()));
                p.exit = Some((0, 1));
                return;
            }
            p.output.push((0, Stream::Stdout, "The files belonging to this database system will be owned by user \"postgres\".\nThis user must also own the server process.\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\nPostgreSQL init process complete; ready for start up.\n\n".to_string()));
            p.output.push((0, Stream::Stderr, format!("{} UTC [1] LOG:  database system is ready to accept connections\n", t.go_default().replace(" +0000 UTC", ".000"))));
            for sig in ["TERM", "INT", "QUIT"] {
                p.handle(sig, SignalResponse::Exit(0));
            }
            p.processes = vec![("999".into(), "postgres".into())];
        }
        "mysqld" => {
            let ok = ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"].iter().any(|k| env_has(l.env, k));
            let stamp = t.rfc3339_nano();
            if !ok {
                p.output.push((0, Stream::Stderr, format!("{stamp}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n{stamp}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n")));
                p.exit = Some((0, 1));
                return;
            }
            p.output.push((0, Stream::Stderr, format!("{stamp}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n{stamp}Z 0 [System] [MY-015015] [Server] MySQL Server - start.\n{stamp}Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n")));
            p.handle("TERM", SignalResponse::Exit(0));
            p.processes = vec![("999".into(), "mysqld".into())];
        }
        "rabbitmq-server" => {
            p.output.push((0, Stream::Stdout, "\n  ##  ##      RabbitMQ 3.13.7\n  ##  ##\n  ##########  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries\n  ######  ##\n  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com\n\n  Starting broker... completed with 4 plugins.\n".to_string()));
            p.handle("TERM", SignalResponse::Exit(0));
            p.processes = vec![("999".into(), "/usr/local/lib/erlang/erts-14.2.5/bin/beam.smp -- -root /usr/local/lib/erlang -- rabbitmq-server".into())];
        }
        "node" | "python" | "python3" => {
            let interactive = l.open_stdin || l.tty;
            let rest: Vec<&str> = if base == "docker-entrypoint.sh" { args.iter().skip(1).copied().collect() } else { args.to_vec() };
            if let Some(script) = rest.first().filter(|a| !a.starts_with('-')) {
                let (msg, code) = if target == "node" {
                    (format!("node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '/{script}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}}\n\nNode.js v20.18.1\n"), 1)
                } else {
                    (format!("{target}: can't open file '/{script}': [Errno 2] No such file or directory\n"), 2)
                };
                p.output.push((0, Stream::Stderr, msg));
                p.exit = Some((0, code));
            } else if interactive {
                if l.tty {
                    let banner = if target == "node" {
                        "Welcome to Node.js v20.18.1.\nType \".help\" for more information.\n> ".to_string()
                    } else {
                        "Python 3.12.8 (main, Dec  4 2024, 20:38:46) [GCC 12.2.0] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n>>> ".to_string()
                    };
                    p.output.push((0, Stream::Stdout, banner));
                }
                p.handle("TERM", SignalResponse::Exit(143));
            } else {
                p.exit = Some((0, 0));
            }
            p.processes = vec![("root".into(), target.to_string())];
        }
        _ => p.exit = Some((0, 0)),
    }
}

/// What a server writes into its container when it starts (what `docker diff` then shows).
fn started_files(base: &str, args: &[&str], fs: &mut View<'_>, t: Timestamp) {
    let target = if base == "docker-entrypoint.sh" { args.first().copied().unwrap_or("") } else { base };
    if target == "nginx" && fs.exists("/etc/nginx/nginx.conf") {
        fs.set_context(t.secs(), 0, 0);
        // 10-listen-on-ipv6-by-default.sh rewrites default.conf; nginx makes its temp dirs and pid file.
        if let Ok(conf) = fs.read("/etc/nginx/conf.d/default.conf") {
            let _ = fs.write_content("/etc/nginx/conf.d/default.conf", conf, None);
        }
        let group = if fs.exists("/etc/alpine-release") { 101 } else { 0 };
        for dir in ["client_temp", "fastcgi_temp", "proxy_temp", "scgi_temp", "uwsgi_temp"] {
            let p = format!("/var/cache/nginx/{dir}");
            if fs.mkdir_all(&p).is_ok() {
                let _ = fs.chmod(&p, 0o700);
                let _ = fs.chown(&p, 101, group);
            }
        }
        let pid = if fs.exists("/run") { "/run/nginx.pid" } else { "/var/run/nginx.pid" };
        let _ = fs.write(pid, b"1\n");
    }
}

fn apache_time(t: Timestamp) -> String {
    let (y, mo, d, h, mi, s) = t.civil();
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    let dow = days.get(t.secs().div_euclid(86_400).rem_euclid(7) as usize).copied().unwrap_or("Mon");
    let mon = months.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
    format!("{dow} {mon} {d:02} {h:02}:{mi:02}:{s:02}.000000 {y}")
}

fn redis_time(t: Timestamp) -> String {
    let (y, mo, d, h, mi, s) = t.civil();
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mon = months.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
    format!("{d:02} {mon} {y} {h:02}:{mi:02}:{s:02}.000")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::NANOS_PER_SEC;
    use crate::fs::MergedFs;
    use std::sync::Arc;

    fn run(argv: &[&str]) -> Result<Program, StartError> {
        let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
        let mut root_fs = MergedFs::new(vec![Arc::new(crate::docker::fixture_rootfs::layer(0))]);
        let root = crate::engine::users::resolve(&root_fs, "").map_err(|_| StartError::NotFound("root".into()))?;
        let mut fs = View::plain(&mut root_fs);
        let env = vec![format!("PATH={}", userland::DEFAULT_PATH)];
        launch(
            &Launch { argv: &argv, env: &env, tty: false, open_stdin: false, init: false, now: Timestamp(0), hostname: "abc", workdir: "", user: &root, net: None },
            &mut fs,
        )
    }

    #[test]
    fn recognises_programs() {
        assert_eq!(run(&["sleep", "5"]).map(|p| p.exit), Ok(Some((5 * NANOS_PER_SEC, 0))));
        assert_eq!(run(&["nosuch"]).err(), Some(StartError::NotFound("nosuch".into())));
        assert_eq!(run(&["/etc/passwd"]).err(), Some(StartError::PermissionDenied("/etc/passwd".into())));
        assert_eq!(run(&["/tmp"]).err(), Some(StartError::IsDirectory("/tmp".into())));
        assert_eq!(run(&["/nonexistent/prog"]).err(), Some(StartError::NoSuchFile("/nonexistent/prog".into())));
        let sleeper = run(&["sleep", "1000"]).ok();
        assert_eq!(sleeper.as_ref().and_then(|p| p.on_signal(15, false)), None);
        assert_eq!(sleeper.as_ref().and_then(|p| p.on_signal(15, true)), Some(143));
        assert_eq!(sleeper.as_ref().and_then(|p| p.on_signal(9, false)), Some(137));
        let echo = run(&["sh", "-c", "echo hi; exit 3"]).ok();
        assert_eq!(echo.as_ref().map(|p| p.exit), Some(Some((0, 3))));
        assert_eq!(echo.map(|p| p.output.iter().map(|o| o.2.clone()).collect::<String>()), Some("hi\n".to_string()));
    }
}
