//! What a container's main process does, as far as a learner can see it: what it prints, when it
//! exits and with which code, and how it reacts to signals. Programs are recognised by name.

use std::collections::BTreeMap;

use crate::clock::{Timestamp, NANOS_PER_SEC};
use crate::output::{Output, Stream};
use crate::project::MemoryProject;
use crate::shell::{self, ProgramCall, Programs, ShellState};

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
    /// (terminate with 128+n), except for PID 1 where unhandled signals are ignored.
    pub handlers: BTreeMap<&'static str, SignalResponse>,
    /// Rows for `docker top`: (user, command line).
    pub processes: Vec<(String, String)>,
}

/// Why a process could not start (`docker start`/`run` error, exit 127/126).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// `exec: "x": executable file not found in $PATH`
    NotFound(String),
    /// `exec: "/x": stat /x: no such file or directory`
    NoSuchFile(String),
}

impl StartError {
    /// The daemon's message (after `Error response from daemon: `), as Docker 28.5 with
    /// containerd 2.x prints it.
    pub fn message(&self) -> String {
        let detail = match self {
            StartError::NotFound(p) => format!("exec: \"{p}\": executable file not found in $PATH"),
            StartError::NoSuchFile(p) => format!("exec: \"{p}\": stat {p}: no such file or directory"),
        };
        format!(
            "failed to create task for container: failed to create shim task: OCI runtime create failed: \
             runc create failed: unable to start container process: error during container init: {detail}"
        )
    }
}

/// What the program needs to know about its container.
pub struct Launch<'a> {
    pub argv: &'a [String],
    pub env: &'a [String],
    /// Hub lineage of the image (`busybox`, `nginx`…).
    pub lineage: &'a str,
    pub tty: bool,
    pub open_stdin: bool,
    pub init: bool,
    pub now: Timestamp,
    pub hostname: &'a str,
    /// Working directory (`-w` or the image's), `/` when empty.
    pub workdir: &'a str,
    /// The resolved user the process runs as.
    pub user: &'a crate::engine::users::User,
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
    /// What happens when signal `sig` (a number) reaches PID 1. `None`: nothing (ignored).
    pub fn on_signal(&self, sig: i32, init: bool) -> Option<i32> {
        if sig == 9 {
            return Some(137);
        }
        match self.handlers.get(signal_name(sig)) {
            Some(SignalResponse::Exit(code)) => Some(*code),
            Some(SignalResponse::Ignore) => None,
            // With --init, tini forwards the signal to a child that is not PID 1: default action.
            None if init => Some(128 + sig),
            // PID 1 ignores signals it has no handler for; stopping (SIGSTOP-like) ones aside.
            None => None,
        }
    }
}

const BUSYBOX_APPLETS: &[&str] = &[
    "sh", "ash", "echo", "printf", "sleep", "true", "false", "cat", "ls", "env", "printenv", "pwd", "hostname",
    "whoami", "id", "ps", "top", "tail", "head", "grep", "wc", "date", "uname", "ping", "wget", "nc", "touch",
    "mkdir", "rm", "cp", "mv", "df", "du", "free", "uptime", "which", "yes", "seq", "test", "expr", "vi",
    "httpd", "find", "sed", "awk", "tr", "cut", "sort", "uniq", "nslookup", "ip", "ifconfig", "kill", "chmod",
    "chown", "ln", "stat", "basename", "dirname", "md5sum", "sha256sum", "tee", "xargs", "watch", "hexdump",
];

const DEBIAN_PROGRAMS: &[&str] = &[
    "sh", "bash", "dash", "echo", "printf", "sleep", "true", "false", "cat", "ls", "env", "printenv", "pwd",
    "hostname", "whoami", "id", "ps", "top", "tail", "head", "grep", "wc", "date", "uname", "touch", "mkdir",
    "rm", "cp", "mv", "df", "du", "which", "yes", "seq", "test", "expr", "find", "sed", "awk", "tr", "cut",
    "sort", "uniq", "kill", "chmod", "chown", "ln", "stat", "basename", "dirname", "md5sum", "sha256sum", "tee",
    "xargs", "apt-get", "apt", "dpkg", "su", "mount", "tar", "gzip", "free", "uptime",
];

/// Programs of an image's lineage beyond its base OS.
fn extra_programs(lineage: &str) -> &'static [&'static str] {
    match lineage.strip_suffix("-alpine").unwrap_or(lineage) {
        "nginx" => &["nginx", "/docker-entrypoint.sh", "docker-entrypoint.sh", "curl"],
        "httpd" => &["httpd", "httpd-foreground", "apachectl"],
        "node" => &["node", "npm", "npx", "yarn", "docker-entrypoint.sh", "curl", "git", "python3"],
        "python" => &["python", "python3", "pip", "pip3"],
        "postgres" => &["postgres", "psql", "docker-entrypoint.sh", "pg_ctl"],
        "redis" => &["redis-server", "redis-cli", "docker-entrypoint.sh"],
        "mysql" => &["mysqld", "mysql", "docker-entrypoint.sh"],
        "rabbitmq" => &["rabbitmq-server", "rabbitmqctl", "docker-entrypoint.sh"],
        "hello-world" => &["/hello"],
        _ => &[],
    }
}

fn is_busybox_like(lineage: &str) -> bool {
    matches!(lineage, "busybox" | "alpine" | "mini") || lineage.ends_with("-alpine")
}

/// True if `program` can be executed in an image of this lineage.
pub fn exists(lineage: &str, program: &str) -> bool {
    if lineage == "hello-world" {
        return program == "/hello";
    }
    let base = program.rsplit('/').next().unwrap_or(program);
    let in_base = if is_busybox_like(lineage) { BUSYBOX_APPLETS.contains(&base) } else { DEBIAN_PROGRAMS.contains(&base) };
    in_base || extra_programs(lineage).contains(&program) || extra_programs(lineage).contains(&base)
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

/// Works out what `argv` does in this container.
pub fn launch(l: &Launch<'_>) -> Result<Program, StartError> {
    let Some(program) = l.argv.first() else {
        return Err(StartError::NotFound(String::new()));
    };
    if !exists(l.lineage, program) {
        return Err(if program.starts_with('/') {
            StartError::NoSuchFile(program.clone())
        } else {
            StartError::NotFound(program.clone())
        });
    }
    let base = program.rsplit('/').next().unwrap_or(program).to_string();
    let args: Vec<&str> = l.argv.iter().skip(1).map(String::as_str).collect();
    let cmdline = l.argv.join(" ");
    let mut p = Program { output: Vec::new(), exit: Some((0, 0)), handlers: BTreeMap::new(), processes: vec![("root".into(), cmdline.clone())] };
    match base.as_str() {
        "hello" => p.output.push((0, Stream::Stdout, HELLO.to_string())),
        "sleep" => {
            let secs = args.first().and_then(|a| parse_duration_secs(a));
            match secs {
                Some(s) => p.exit = Some(((s * NANOS_PER_SEC as f64) as i64, 0)),
                None => {
                    let arg = args.first().copied().unwrap_or("");
                    if arg.is_empty() {
                        p.output.push((0, Stream::Stderr, usage_error("sleep", l.lineage)));
                    } else {
                        p.output.push((0, Stream::Stderr, format!("sleep: invalid number '{arg}'\n")));
                    }
                    p.exit = Some((0, 1));
                }
            }
        }
        "sh" | "ash" | "bash" | "dash" if args.first() == Some(&"-c") => {
            let script = args.get(1).copied().unwrap_or("");
            run_script(script, l, &mut p);
        }
        "sh" | "ash" | "bash" | "dash" => {
            // Without stdin a shell reads EOF and exits 0; with -i it waits for input.
            if l.open_stdin || l.tty {
                p.exit = None;
                p.handlers.insert("TERM", SignalResponse::Ignore);
                p.handlers.insert("INT", SignalResponse::Ignore);
            }
        }
        "tail" if args.contains(&"-f") => p.exit = None,
        "top" | "ping" | "yes" | "watch" => {
            p.exit = None;
            p.handlers.insert("INT", SignalResponse::Exit(if base == "ping" { 0 } else { 130 }));
        }
        "cat" if l.open_stdin => p.exit = None,
        "nginx" | "docker-entrypoint.sh" | "httpd-foreground" | "httpd" | "redis-server" | "postgres" | "mysqld"
        | "rabbitmq-server" | "node" | "python" | "python3" => daemon_like(&base, &args, l, &mut p),
        _ => run_script(&cmdline_quoted(l.argv), l, &mut p),
    }
    Ok(p)
}

fn usage_error(program: &str, lineage: &str) -> String {
    if is_busybox_like(lineage) {
        format!("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: {program} [N]...\n")
    } else {
        format!("{program}: missing operand\nTry '{program} --help' for more information.\n")
    }
}

fn parse_duration_secs(s: &str) -> Option<f64> {
    let (num, mult) = match s.chars().last()? {
        's' => (s.get(..s.len() - 1)?, 1.0),
        'm' => (s.get(..s.len() - 1)?, 60.0),
        'h' => (s.get(..s.len() - 1)?, 3600.0),
        'd' => (s.get(..s.len() - 1)?, 86400.0),
        _ => (s, 1.0),
    };
    let v: f64 = if num == "infinity" { 1e12 } else { num.parse().ok()? };
    (v.is_finite() && v >= 0.0).then_some((v * mult).min(1e12))
}

/// Quotes argv back into a shell line (for running simple programs through the script runner).
fn cmdline_quoted(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c)) {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a short script (or a single utility) through the shell and records its output and exit.
fn run_script(script: &str, l: &Launch<'_>, p: &mut Program) {
    let ctx = ScriptContext { lineage: l.lineage, env: l.env, workdir: l.workdir, user: l.user };
    let mut state = ctx.fresh_state();
    let r = run_in_container(script, &ctx, &mut state);
    for c in &r.output.chunks {
        p.output.push((0, c.stream, c.text.clone()));
    }
    p.exit = if r.forever { None } else { Some((r.slept_ns, r.output.exit_code)) };
}

/// Where a script runs: the container's programs, environment, directory and user.
pub struct ScriptContext<'a> {
    pub lineage: &'a str,
    /// The process environment, in order.
    pub env: &'a [String],
    pub workdir: &'a str,
    pub user: &'a crate::engine::users::User,
}

/// What a script did.
pub struct ScriptResult {
    pub output: Output,
    /// Time it slept, in ns.
    pub slept_ns: i64,
    /// It started something that runs until stopped (`tail -f`, a server).
    pub forever: bool,
}

impl ScriptContext<'_> {
    /// A shell state holding exactly the process environment.
    pub fn fresh_state(&self) -> ShellState {
        let mut state = ShellState::new();
        state.env.clear();
        state.vars.clear();
        for kv in self.env {
            if let Some((k, v)) = kv.split_once('=') {
                state.env.insert(k.to_string(), v.to_string());
            }
        }
        state
    }
}

/// Runs one line of shell inside a container.
pub fn run_in_container(script: &str, ctx: &ScriptContext<'_>, state: &mut ShellState) -> ScriptResult {
    // `env` as the whole command prints the environment in the process's order.
    let words: Vec<&str> = script.split_whitespace().collect();
    if matches!(words.as_slice(), ["env"] | ["printenv"] | ["/bin/env"] | ["/usr/bin/env"]) {
        let mut output = Output::new();
        let mut printed: Vec<&str> = Vec::new();
        for kv in ctx.env {
            let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k);
            if let Some(v) = state.env.get(key) {
                output.outln(format!("{key}={v}"));
                printed.push(key);
            }
        }
        for (k, v) in &state.env {
            if !printed.contains(&k.as_str()) {
                output.outln(format!("{k}={v}"));
            }
        }
        return ScriptResult { output, slept_ns: 0, forever: false };
    }
    // Commands whose host-shell builtins would describe the learner's machine, not the container.
    let simple = match words.as_slice() {
        ["hostname"] => Some(state.env.get("HOSTNAME").cloned().unwrap_or_default()),
        ["whoami"] => Some(ctx.user.name.clone().unwrap_or_else(|| format!("whoami: unknown uid {}", ctx.user.uid))),
        ["id"] => Some(ctx.user.id_line()),
        ["pwd"] => Some(if ctx.workdir.is_empty() { "/".to_string() } else { ctx.workdir.to_string() }),
        _ => None,
    };
    if let Some(text) = simple {
        let mut output = Output::new();
        output.outln(text);
        return ScriptResult { output, slept_ns: 0, forever: false };
    }
    let mut host = ContainerPrograms {
        lineage: ctx.lineage,
        slept: 0,
        project: MemoryProject::new(),
        forever: false,
        workdir: if ctx.workdir.is_empty() { "/".to_string() } else { ctx.workdir.to_string() },
        id_line: ctx.user.id_line(),
        user_name: ctx.user.name.clone().unwrap_or_else(|| format!("{}", ctx.user.uid)),
    };
    let output = shell::run_line(script, state, &mut host);
    ScriptResult { output, slept_ns: host.slept, forever: host.forever }
}

/// Programs seen from a shell script inside a container.
struct ContainerPrograms<'a> {
    lineage: &'a str,
    slept: i64,
    project: MemoryProject,
    forever: bool,
    workdir: String,
    id_line: String,
    user_name: String,
}

impl Programs for ContainerPrograms<'_> {
    fn run(&mut self, call: ProgramCall<'_>) -> Output {
        let mut out = Output::new();
        let Some(name) = call.argv.first() else { return out };
        if !exists(self.lineage, name) {
            let shell = if is_busybox_like(self.lineage) { "sh" } else { "sh: 1" };
            out.errln(format!("{shell}: {name}: not found"));
            return out.with_exit(127);
        }
        match name.as_str() {
            "hostname" => out.outln(call.env.get("HOSTNAME").cloned().unwrap_or_default()),
            "whoami" => out.outln(&self.user_name),
            "id" => out.outln(&self.id_line),
            "pwd" => out.outln(&self.workdir),
            "uname" => out.outln("Linux"),
            "tail" if call.argv.iter().any(|a| a == "-f") => self.forever = true,
            "top" | "ping" | "yes" | "watch" | "nginx" | "httpd" => self.forever = true,
            _ => {}
        }
        out
    }

    fn sleep(&mut self, secs: f64) {
        if secs.is_finite() && secs >= 0.0 {
            self.slept = self.slept.saturating_add((secs.min(1e12) * NANOS_PER_SEC as f64) as i64);
        }
    }

    fn project(&mut self) -> &mut dyn crate::project::ProjectFiles {
        &mut self.project
    }
}

fn env_has(env: &[String], key: &str) -> bool {
    env.iter().any(|kv| kv.split_once('=').is_some_and(|(k, v)| k == key && !v.is_empty()))
}

/// Servers and interpreters: long-running, with their startup logs and signal handling.
fn daemon_like(base: &str, args: &[&str], l: &Launch<'_>, p: &mut Program) {
    let t = l.now;
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
                p.handlers.insert(sig, SignalResponse::Exit(0));
            }
            p.handlers.insert("HUP", SignalResponse::Ignore);
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
                p.handlers.insert(sig, SignalResponse::Exit(0));
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
            p.handlers.insert("TERM", SignalResponse::Exit(0));
            p.handlers.insert("INT", SignalResponse::Exit(0));
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
                p.handlers.insert(sig, SignalResponse::Exit(0));
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
            p.handlers.insert("TERM", SignalResponse::Exit(0));
            p.processes = vec![("999".into(), "mysqld".into())];
        }
        "rabbitmq-server" => {
            p.output.push((0, Stream::Stdout, "\n  ##  ##      RabbitMQ 3.13.7\n  ##  ##\n  ##########  Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries\n  ######  ##\n  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com\n\n  Starting broker... completed with 4 plugins.\n".to_string()));
            p.handlers.insert("TERM", SignalResponse::Exit(0));
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
                p.handlers.insert("TERM", SignalResponse::Exit(143));
            } else {
                p.exit = Some((0, 0));
            }
            p.processes = vec![("root".into(), target.to_string())];
        }
        _ => p.exit = Some((0, 0)),
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

    fn run(argv: &[&str], lineage: &str) -> Result<Program, StartError> {
        let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
        let root = crate::engine::users::resolve(lineage, "").unwrap();
        launch(&Launch {
            argv: &argv,
            env: &[],
            lineage,
            tty: false,
            open_stdin: false,
            init: false,
            now: Timestamp(0),
            hostname: "abc",
            workdir: "",
            user: &root,
        })
    }

    #[test]
    fn recognises_programs() {
        let p = run(&["/hello"], "hello-world").unwrap();
        assert!(p.output[0].2.contains("Hello from Docker!"));
        assert_eq!(p.exit, Some((0, 0)));
        assert_eq!(run(&["sleep", "5"], "busybox").unwrap().exit, Some((5 * NANOS_PER_SEC, 0)));
        assert_eq!(run(&["nosuch"], "busybox").unwrap_err(), StartError::NotFound("nosuch".into()));
        let nginx = run(&["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], "nginx").unwrap();
        assert_eq!(nginx.exit, None);
        assert_eq!(nginx.on_signal(15, false), Some(0));
        let sleeper = run(&["sleep", "1000"], "busybox").unwrap();
        assert_eq!(sleeper.on_signal(15, false), None);
        assert_eq!(sleeper.on_signal(15, true), Some(143));
        assert_eq!(sleeper.on_signal(9, false), Some(137));
    }
}
