//! Every `docker` command the simulator understands: its path, aliases, canonical name, arity,
//! parsing mode and captured `--help` text (in `help/`, captured by `help/capture.sh` from the
//! real CLI 28.2.2 with a 28.5 Linux daemon and the buildx/compose plugins).
//!
//! Docker has two command objects for most commands: the management form (`docker container ls`)
//! and the top-level shortcut (`docker ps`). They differ in their help text and in the path their
//! messages print, so each has its own [`Leaf`]; both share the canonical name.
//!
//! `docker build`, `docker image build` and `docker builder …` are forwarded by the CLI to the
//! buildx plugin (`docker buildx build`), whose messages differ slightly ([`Leaf::buildx`]).

use std::sync::OnceLock;

use super::flag_table::{ExtraFlag, FlagTable, Unsupported};

/// How many positional arguments a command takes (`cli.NoArgs`, `cli.RequiresMinArgs`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    NoArgs,
    /// `RequiresMinArgs(0)` (`docker stats`): anything goes.
    Any,
    Min(usize),
    Max(usize),
    Exact(usize),
    Range(usize, usize),
}

/// A command that runs (has no subcommands).
#[derive(Debug)]
pub struct Leaf {
    /// The name the engine dispatches on (`"container ls"`, `"version"`).
    pub canonical: &'static str,
    /// Docker's command path without `docker ` (`"ps"`, `"container ls"`, `"buildx build"`).
    pub path: &'static str,
    pub help: &'static str,
    pub arity: Arity,
    /// False for `run`, `create`, `exec`, `top`, `commit`, `tag`: flags stop at the first argument.
    pub interspersed: bool,
    /// Flags the help text does not show.
    pub extras: &'static [ExtraFlag],
    /// Runs in the buildx plugin (arity errors get buildx's `ERROR: ` prefix).
    pub buildx: bool,
}

/// A management command (`docker container`, `docker image`…).
#[derive(Debug)]
pub struct Group {
    /// Docker's command path without `docker ` (`"container"`; `"buildx"` for `docker builder`).
    pub path: &'static str,
    /// Cobra's `UseLine`, printed after `Usage:` in errors (`docker volume COMMAND`).
    pub use_line: &'static str,
    pub help: &'static str,
    /// Subcommand names and aliases.
    pub children: &'static [(&'static str, &'static Leaf)],
    /// The buildx plugin's root (`docker builder`): help on stdout, buildx's unknown-command error.
    pub buildx: bool,
}

/// What a word after `docker` can name.
#[derive(Debug, Clone, Copy)]
pub enum Child {
    Leaf(&'static Leaf),
    Group(&'static Group),
    /// Cobra's `help [command]`.
    Help,
}

/// `docker --help` and `docker` alone.
pub const ROOT_HELP: &str = include_str!("help/docker.txt");
/// The root command's `UseLine` (in flag errors).
pub const ROOT_USE_LINE: &str = "docker [OPTIONS] COMMAND [ARG...]";

macro_rules! leaf {
    ($name:ident, $canonical:literal, $path:literal, $file:literal, $arity:expr) => {
        leaf!($name, $canonical, $path, $file, $arity, true, &[]);
    };
    ($name:ident, $canonical:literal, $path:literal, $file:literal, $arity:expr, $interspersed:expr, $extras:expr) => {
        pub static $name: Leaf = Leaf {
            canonical: $canonical,
            path: $path,
            help: include_str!(concat!("help/", $file, ".txt")),
            arity: $arity,
            interspersed: $interspersed,
            extras: $extras,
            buildx: false,
        };
    };
}

use Arity::{Any, Exact, Max, Min, NoArgs, Range};

/// Hidden and daemon-dependent flags of `run` / `create`.
const RUN_EXTRAS: &[ExtraFlag] = &[
    ExtraFlag::alias("net", "network", "network"),
    ExtraFlag::alias("net-alias", "list", "network-alias"),
    ExtraFlag::alias("dns-opt", "list", "dns-option"),
    ExtraFlag::unsupported("cpu-count", "int", Unsupported::WindowsOnly),
    ExtraFlag::unsupported("cpu-percent", "int", Unsupported::WindowsOnly),
    ExtraFlag::unsupported("io-maxbandwidth", "bytes", Unsupported::WindowsOnly),
    ExtraFlag::unsupported("io-maxiops", "uint", Unsupported::WindowsOnly),
];
const START_EXTRAS: &[ExtraFlag] = &[
    ExtraFlag::unsupported("checkpoint", "string", Unsupported::Experimental),
    ExtraFlag::unsupported("checkpoint-dir", "string", Unsupported::Experimental),
];
const STOP_EXTRAS: &[ExtraFlag] = &[ExtraFlag::deprecated("time", "int", "timeout", "use --timeout instead")];
/// `volume create`: the hidden `--name`, and the cluster-volume flags the help hides without swarm.
const VOLUME_CREATE_EXTRAS: &[ExtraFlag] = &[
    ExtraFlag::hidden("name", "string"),
    ExtraFlag::hidden("availability", "string"),
    ExtraFlag::hidden("group", "string"),
    ExtraFlag::hidden("limit-bytes", "bytes"),
    ExtraFlag::hidden("required-bytes", "bytes"),
    ExtraFlag::hidden("scope", "string"),
    ExtraFlag::hidden("secret", "map"),
    ExtraFlag::hidden("sharing", "string"),
    ExtraFlag::hidden("topology-preferred", "list"),
    ExtraFlag::hidden("topology-required", "list"),
    ExtraFlag::hidden("type", "string"),
];
const VOLUME_LS_EXTRAS: &[ExtraFlag] = &[ExtraFlag::hidden("cluster", "")];

// Top-level commands.
leaf!(VERSION, "version", "version", "version", NoArgs);
leaf!(INFO, "info", "info", "info", NoArgs);
leaf!(RUN, "container run", "run", "run", Min(1), false, RUN_EXTRAS);
leaf!(CREATE, "container create", "create", "create", Min(1), false, RUN_EXTRAS);
leaf!(START, "container start", "start", "start", Min(1), true, START_EXTRAS);
leaf!(STOP, "container stop", "stop", "stop", Min(1), true, STOP_EXTRAS);
leaf!(RESTART, "container restart", "restart", "restart", Min(1), true, STOP_EXTRAS);
leaf!(PAUSE, "container pause", "pause", "pause", Min(1));
leaf!(UNPAUSE, "container unpause", "unpause", "unpause", Min(1));
leaf!(KILL, "container kill", "kill", "kill", Min(1));
leaf!(RM, "container rm", "rm", "rm", Min(1));
leaf!(RENAME, "container rename", "rename", "rename", Exact(2));
leaf!(WAIT, "container wait", "wait", "wait", Min(1));
leaf!(LOGS, "container logs", "logs", "logs", Exact(1));
leaf!(TOP, "container top", "top", "top", Min(1), false, &[]);
leaf!(PORT, "container port", "port", "port", Range(1, 2));
leaf!(INSPECT, "inspect", "inspect", "inspect", Min(1));
leaf!(PS, "container ls", "ps", "ps", NoArgs);
leaf!(STATS, "container stats", "stats", "stats", Any);
leaf!(EXEC, "container exec", "exec", "exec", Min(2), false, &[]);
leaf!(ATTACH, "container attach", "attach", "attach", Exact(1));
leaf!(CP, "container cp", "cp", "cp", Exact(2));
leaf!(DIFF, "container diff", "diff", "diff", Exact(1));
leaf!(COMMIT, "container commit", "commit", "commit", Range(1, 2), false, &[]);
leaf!(EXPORT, "container export", "export", "export", Exact(1));
leaf!(IMAGES, "image ls", "images", "images", Max(1));
leaf!(PULL, "image pull", "pull", "pull", Exact(1));
leaf!(PUSH, "image push", "push", "push", Exact(1));
leaf!(RMI, "image rm", "rmi", "rmi", Min(1));
leaf!(HISTORY, "image history", "history", "history", Exact(1));
leaf!(TAG, "image tag", "tag", "tag", Exact(2), false, &[]);
leaf!(SAVE, "image save", "save", "save", Min(1));
leaf!(LOAD, "image load", "load", "load", NoArgs);
leaf!(SEARCH, "search", "search", "search", Exact(1));
leaf!(LOGIN, "login", "login", "login", Max(1));
leaf!(LOGOUT, "logout", "logout", "logout", Max(1));

/// `docker build`, `docker image build`, `docker builder build`: `docker buildx build`.
pub static BUILD: Leaf = Leaf {
    canonical: "build",
    path: "buildx build",
    help: include_str!("help/build.txt"),
    arity: Exact(1),
    interspersed: true,
    extras: &[],
    buildx: true,
};

// docker container …
leaf!(
    C_RUN,
    "container run",
    "container run",
    "container_run",
    Min(1),
    false,
    RUN_EXTRAS
);
leaf!(
    C_CREATE,
    "container create",
    "container create",
    "container_create",
    Min(1),
    false,
    RUN_EXTRAS
);
leaf!(
    C_START,
    "container start",
    "container start",
    "container_start",
    Min(1),
    true,
    START_EXTRAS
);
leaf!(
    C_STOP,
    "container stop",
    "container stop",
    "container_stop",
    Min(1),
    true,
    STOP_EXTRAS
);
leaf!(
    C_RESTART,
    "container restart",
    "container restart",
    "container_restart",
    Min(1),
    true,
    STOP_EXTRAS
);
leaf!(C_PAUSE, "container pause", "container pause", "container_pause", Min(1));
leaf!(
    C_UNPAUSE,
    "container unpause",
    "container unpause",
    "container_unpause",
    Min(1)
);
leaf!(C_KILL, "container kill", "container kill", "container_kill", Min(1));
leaf!(C_RM, "container rm", "container rm", "container_rm", Min(1));
leaf!(C_RENAME, "container rename", "container rename", "container_rename", Exact(2));
leaf!(C_WAIT, "container wait", "container wait", "container_wait", Min(1));
leaf!(C_LOGS, "container logs", "container logs", "container_logs", Exact(1));
leaf!(C_TOP, "container top", "container top", "container_top", Min(1), false, &[]);
leaf!(C_PORT, "container port", "container port", "container_port", Range(1, 2));
leaf!(
    C_INSPECT,
    "container inspect",
    "container inspect",
    "container_inspect",
    Min(1)
);
leaf!(C_LS, "container ls", "container ls", "container_ls", NoArgs);
leaf!(C_PRUNE, "container prune", "container prune", "container_prune", NoArgs);
leaf!(C_STATS, "container stats", "container stats", "container_stats", Any);
leaf!(
    C_EXEC,
    "container exec",
    "container exec",
    "container_exec",
    Min(2),
    false,
    &[]
);
leaf!(C_ATTACH, "container attach", "container attach", "container_attach", Exact(1));
leaf!(C_CP, "container cp", "container cp", "container_cp", Exact(2));
leaf!(C_DIFF, "container diff", "container diff", "container_diff", Exact(1));
leaf!(
    C_COMMIT,
    "container commit",
    "container commit",
    "container_commit",
    Range(1, 2),
    false,
    &[]
);
leaf!(C_EXPORT, "container export", "container export", "container_export", Exact(1));

// docker image …
leaf!(I_LS, "image ls", "image ls", "image_ls", Max(1));
leaf!(I_PULL, "image pull", "image pull", "image_pull", Exact(1));
leaf!(I_PUSH, "image push", "image push", "image_push", Exact(1));
leaf!(I_RM, "image rm", "image rm", "image_rm", Min(1));
leaf!(I_PRUNE, "image prune", "image prune", "image_prune", NoArgs);
leaf!(I_HISTORY, "image history", "image history", "image_history", Exact(1));
leaf!(I_TAG, "image tag", "image tag", "image_tag", Exact(2), false, &[]);
leaf!(I_INSPECT, "image inspect", "image inspect", "image_inspect", Min(1));
leaf!(I_SAVE, "image save", "image save", "image_save", Min(1));
leaf!(I_LOAD, "image load", "image load", "image_load", NoArgs);

// docker volume …
leaf!(
    V_CREATE,
    "volume create",
    "volume create",
    "volume_create",
    Max(1),
    true,
    VOLUME_CREATE_EXTRAS
);
leaf!(V_LS, "volume ls", "volume ls", "volume_ls", NoArgs, true, VOLUME_LS_EXTRAS);
leaf!(V_INSPECT, "volume inspect", "volume inspect", "volume_inspect", Min(1));
leaf!(V_RM, "volume rm", "volume rm", "volume_rm", Min(1));
leaf!(V_PRUNE, "volume prune", "volume prune", "volume_prune", NoArgs);

// docker network …
leaf!(N_CREATE, "network create", "network create", "network_create", Exact(1));
leaf!(N_LS, "network ls", "network ls", "network_ls", NoArgs);
leaf!(N_INSPECT, "network inspect", "network inspect", "network_inspect", Min(1));
leaf!(N_RM, "network rm", "network rm", "network_rm", Min(1));
leaf!(N_CONNECT, "network connect", "network connect", "network_connect", Exact(2));
leaf!(
    N_DISCONNECT,
    "network disconnect",
    "network disconnect",
    "network_disconnect",
    Exact(2)
);
leaf!(N_PRUNE, "network prune", "network prune", "network_prune", NoArgs);

// docker system …
leaf!(S_DF, "system df", "system df", "system_df", NoArgs);
leaf!(S_PRUNE, "system prune", "system prune", "system_prune", NoArgs);
leaf!(S_INFO, "info", "system info", "system_info", NoArgs);

pub static CONTAINER: Group = Group {
    path: "container",
    use_line: "docker container",
    help: include_str!("help/container.txt"),
    children: &[
        ("attach", &C_ATTACH),
        ("commit", &C_COMMIT),
        ("cp", &C_CP),
        ("create", &C_CREATE),
        ("diff", &C_DIFF),
        ("exec", &C_EXEC),
        ("export", &C_EXPORT),
        ("inspect", &C_INSPECT),
        ("kill", &C_KILL),
        ("logs", &C_LOGS),
        ("ls", &C_LS),
        ("list", &C_LS),
        ("ps", &C_LS),
        ("pause", &C_PAUSE),
        ("port", &C_PORT),
        ("prune", &C_PRUNE),
        ("rename", &C_RENAME),
        ("restart", &C_RESTART),
        ("rm", &C_RM),
        ("remove", &C_RM),
        ("run", &C_RUN),
        ("start", &C_START),
        ("stats", &C_STATS),
        ("stop", &C_STOP),
        ("top", &C_TOP),
        ("unpause", &C_UNPAUSE),
        ("wait", &C_WAIT),
    ],
    buildx: false,
};

pub static IMAGE: Group = Group {
    path: "image",
    use_line: "docker image",
    help: include_str!("help/image.txt"),
    children: &[
        ("build", &BUILD),
        ("history", &I_HISTORY),
        ("inspect", &I_INSPECT),
        ("load", &I_LOAD),
        ("ls", &I_LS),
        ("list", &I_LS),
        ("prune", &I_PRUNE),
        ("pull", &I_PULL),
        ("push", &I_PUSH),
        ("rm", &I_RM),
        ("rmi", &I_RM),
        ("remove", &I_RM),
        ("save", &I_SAVE),
        ("tag", &I_TAG),
    ],
    buildx: false,
};

pub static VOLUME: Group = Group {
    path: "volume",
    use_line: "docker volume COMMAND",
    help: include_str!("help/volume.txt"),
    children: &[
        ("create", &V_CREATE),
        ("inspect", &V_INSPECT),
        ("ls", &V_LS),
        ("list", &V_LS),
        ("prune", &V_PRUNE),
        ("rm", &V_RM),
        ("remove", &V_RM),
    ],
    buildx: false,
};

pub static NETWORK: Group = Group {
    path: "network",
    use_line: "docker network",
    help: include_str!("help/network.txt"),
    children: &[
        ("connect", &N_CONNECT),
        ("create", &N_CREATE),
        ("disconnect", &N_DISCONNECT),
        ("inspect", &N_INSPECT),
        ("ls", &N_LS),
        ("list", &N_LS),
        ("prune", &N_PRUNE),
        ("rm", &N_RM),
        ("remove", &N_RM),
    ],
    buildx: false,
};

pub static SYSTEM: Group = Group {
    path: "system",
    use_line: "docker system",
    help: include_str!("help/system.txt"),
    children: &[("df", &S_DF), ("info", &S_INFO), ("prune", &S_PRUNE)],
    buildx: false,
};

/// `docker builder …` runs `docker buildx …`.
pub static BUILDER: Group = Group {
    path: "buildx",
    use_line: "docker buildx",
    help: include_str!("help/builder.txt"),
    children: &[("build", &BUILD), ("b", &BUILD), ("prune", &BX_PRUNE)],
    buildx: true,
};

/// `docker builder prune`: `docker buildx prune`.
pub static BX_PRUNE: Leaf = Leaf {
    canonical: "builder prune",
    path: "buildx prune",
    help: include_str!("help/builder_prune.txt"),
    arity: NoArgs,
    interspersed: true,
    extras: &[],
    buildx: true,
};

// Swarm: `docker swarm`, `secret`, `service`, `stack`, `node` (help captured with the daemon a swarm
// manager; `docker swarm --help` as printed outside a swarm).
leaf!(SW_INIT, "swarm init", "swarm init", "swarm_init", NoArgs);
leaf!(SW_LEAVE, "swarm leave", "swarm leave", "swarm_leave", NoArgs);
leaf!(SW_JOIN_TOKEN, "swarm join-token", "swarm join-token", "swarm_join-token", Exact(1));
leaf!(SEC_CREATE, "secret create", "secret create", "secret_create", Range(1, 2));
leaf!(SEC_LS, "secret ls", "secret ls", "secret_ls", NoArgs);
leaf!(SEC_INSPECT, "secret inspect", "secret inspect", "secret_inspect", Min(1));
leaf!(SEC_RM, "secret rm", "secret rm", "secret_rm", Min(1));
leaf!(SVC_CREATE, "service create", "service create", "service_create", Min(1), false, &[]);
leaf!(SVC_LS, "service ls", "service ls", "service_ls", NoArgs);
leaf!(SVC_PS, "service ps", "service ps", "service_ps", Min(1));
leaf!(SVC_SCALE, "service scale", "service scale", "service_scale", Min(1));
leaf!(SVC_LOGS, "service logs", "service logs", "service_logs", Exact(1));
leaf!(SVC_RM, "service rm", "service rm", "service_rm", Min(1));
leaf!(SVC_INSPECT, "service inspect", "service inspect", "service_inspect", Min(1));
leaf!(STK_DEPLOY, "stack deploy", "stack deploy", "stack_deploy", Exact(1));
leaf!(STK_LS, "stack ls", "stack ls", "stack_ls", NoArgs);
leaf!(STK_PS, "stack ps", "stack ps", "stack_ps", Exact(1));
leaf!(STK_RM, "stack rm", "stack rm", "stack_rm", Min(1));
leaf!(STK_SERVICES, "stack services", "stack services", "stack_services", Exact(1));
leaf!(NODE_LS, "node ls", "node ls", "node_ls", NoArgs);

pub static SWARM: Group = Group {
    path: "swarm",
    use_line: "docker swarm",
    help: include_str!("help/swarm.txt"),
    children: &[("init", &SW_INIT), ("join-token", &SW_JOIN_TOKEN), ("leave", &SW_LEAVE)],
    buildx: false,
};

pub static SECRET: Group = Group {
    path: "secret",
    use_line: "docker secret",
    help: include_str!("help/secret.txt"),
    children: &[
        ("create", &SEC_CREATE),
        ("inspect", &SEC_INSPECT),
        ("ls", &SEC_LS),
        ("list", &SEC_LS),
        ("rm", &SEC_RM),
        ("remove", &SEC_RM),
    ],
    buildx: false,
};

pub static SERVICE: Group = Group {
    path: "service",
    use_line: "docker service",
    help: include_str!("help/service.txt"),
    children: &[
        ("create", &SVC_CREATE),
        ("inspect", &SVC_INSPECT),
        ("logs", &SVC_LOGS),
        ("ls", &SVC_LS),
        ("list", &SVC_LS),
        ("ps", &SVC_PS),
        ("rm", &SVC_RM),
        ("remove", &SVC_RM),
        ("scale", &SVC_SCALE),
    ],
    buildx: false,
};

pub static STACK: Group = Group {
    path: "stack",
    use_line: "docker stack [OPTIONS]",
    help: include_str!("help/stack.txt"),
    children: &[
        ("deploy", &STK_DEPLOY),
        ("up", &STK_DEPLOY),
        ("ls", &STK_LS),
        ("list", &STK_LS),
        ("ps", &STK_PS),
        ("rm", &STK_RM),
        ("remove", &STK_RM),
        ("down", &STK_RM),
        ("services", &STK_SERVICES),
    ],
    buildx: false,
};

pub static NODE: Group = Group {
    path: "node",
    use_line: "docker node",
    help: include_str!("help/node.txt"),
    children: &[("ls", &NODE_LS), ("list", &NODE_LS)],
    buildx: false,
};

/// The words `docker` itself understands.
pub static ROOT_CHILDREN: &[(&str, Child)] = &[
    ("attach", Child::Leaf(&ATTACH)),
    ("build", Child::Leaf(&BUILD)),
    ("builder", Child::Group(&BUILDER)),
    ("commit", Child::Leaf(&COMMIT)),
    ("container", Child::Group(&CONTAINER)),
    ("cp", Child::Leaf(&CP)),
    ("create", Child::Leaf(&CREATE)),
    ("diff", Child::Leaf(&DIFF)),
    ("exec", Child::Leaf(&EXEC)),
    ("export", Child::Leaf(&EXPORT)),
    ("help", Child::Help),
    ("history", Child::Leaf(&HISTORY)),
    ("image", Child::Group(&IMAGE)),
    ("images", Child::Leaf(&IMAGES)),
    ("info", Child::Leaf(&INFO)),
    ("inspect", Child::Leaf(&INSPECT)),
    ("kill", Child::Leaf(&KILL)),
    ("load", Child::Leaf(&LOAD)),
    ("login", Child::Leaf(&LOGIN)),
    ("logout", Child::Leaf(&LOGOUT)),
    ("logs", Child::Leaf(&LOGS)),
    ("network", Child::Group(&NETWORK)),
    ("node", Child::Group(&NODE)),
    ("pause", Child::Leaf(&PAUSE)),
    ("port", Child::Leaf(&PORT)),
    ("ps", Child::Leaf(&PS)),
    ("pull", Child::Leaf(&PULL)),
    ("push", Child::Leaf(&PUSH)),
    ("remove", Child::Leaf(&RM)),
    ("rename", Child::Leaf(&RENAME)),
    ("restart", Child::Leaf(&RESTART)),
    ("rm", Child::Leaf(&RM)),
    ("rmi", Child::Leaf(&RMI)),
    ("run", Child::Leaf(&RUN)),
    ("save", Child::Leaf(&SAVE)),
    ("search", Child::Leaf(&SEARCH)),
    ("secret", Child::Group(&SECRET)),
    ("service", Child::Group(&SERVICE)),
    ("stack", Child::Group(&STACK)),
    ("start", Child::Leaf(&START)),
    ("stats", Child::Leaf(&STATS)),
    ("stop", Child::Leaf(&STOP)),
    ("swarm", Child::Group(&SWARM)),
    ("system", Child::Group(&SYSTEM)),
    ("tag", Child::Leaf(&TAG)),
    ("top", Child::Leaf(&TOP)),
    ("unpause", Child::Leaf(&UNPAUSE)),
    ("version", Child::Leaf(&VERSION)),
    ("volume", Child::Group(&VOLUME)),
    ("wait", Child::Leaf(&WAIT)),
];

/// Every leaf, once.
pub static LEAVES: &[&Leaf] = &[
    &VERSION,
    &INFO,
    &RUN,
    &CREATE,
    &START,
    &STOP,
    &RESTART,
    &PAUSE,
    &UNPAUSE,
    &KILL,
    &RM,
    &RENAME,
    &WAIT,
    &LOGS,
    &TOP,
    &PORT,
    &INSPECT,
    &PS,
    &STATS,
    &EXEC,
    &ATTACH,
    &CP,
    &DIFF,
    &COMMIT,
    &EXPORT,
    &IMAGES,
    &PULL,
    &PUSH,
    &RMI,
    &HISTORY,
    &TAG,
    &SAVE,
    &LOAD,
    &SEARCH,
    &LOGIN,
    &LOGOUT,
    &BUILD,
    &BX_PRUNE,
    &C_RUN,
    &C_CREATE,
    &C_START,
    &C_STOP,
    &C_RESTART,
    &C_PAUSE,
    &C_UNPAUSE,
    &C_KILL,
    &C_RM,
    &C_RENAME,
    &C_WAIT,
    &C_LOGS,
    &C_TOP,
    &C_PORT,
    &C_INSPECT,
    &C_LS,
    &C_PRUNE,
    &C_STATS,
    &C_EXEC,
    &C_ATTACH,
    &C_CP,
    &C_DIFF,
    &C_COMMIT,
    &C_EXPORT,
    &I_LS,
    &I_PULL,
    &I_PUSH,
    &I_RM,
    &I_PRUNE,
    &I_HISTORY,
    &I_TAG,
    &I_INSPECT,
    &I_SAVE,
    &I_LOAD,
    &V_CREATE,
    &V_LS,
    &V_INSPECT,
    &V_RM,
    &V_PRUNE,
    &N_CREATE,
    &N_LS,
    &N_INSPECT,
    &N_RM,
    &N_CONNECT,
    &N_DISCONNECT,
    &N_PRUNE,
    &S_DF,
    &S_PRUNE,
    &S_INFO,
    &SW_INIT,
    &SW_LEAVE,
    &SW_JOIN_TOKEN,
    &SEC_CREATE,
    &SEC_LS,
    &SEC_INSPECT,
    &SEC_RM,
    &SVC_CREATE,
    &SVC_LS,
    &SVC_PS,
    &SVC_SCALE,
    &SVC_LOGS,
    &SVC_RM,
    &SVC_INSPECT,
    &STK_DEPLOY,
    &STK_LS,
    &STK_PS,
    &STK_RM,
    &STK_SERVICES,
    &NODE_LS,
];

/// Every management command, once.
pub static GROUPS: &[&Group] = &[&CONTAINER, &IMAGE, &VOLUME, &NETWORK, &SYSTEM, &BUILDER, &SWARM, &SECRET, &SERVICE, &STACK, &NODE];

impl Leaf {
    /// Cobra's `UseLine`: the help text's usage paragraph without `Usage:  ` (two lines for
    /// `docker cp`).
    pub fn use_line(&self) -> &'static str {
        let usage = self.help.strip_prefix("Usage:  ").unwrap_or(self.help);
        usage.split("\n\n").next().unwrap_or_default()
    }

    /// The flags, read from the help text once.
    pub fn flags(&'static self) -> &'static FlagTable {
        static TABLES: OnceLock<Vec<FlagTable>> = OnceLock::new();
        static EMPTY: OnceLock<FlagTable> = OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            LEAVES
                .iter()
                .map(|l| FlagTable::from_help(l.help, "Options:", l.extras))
                .collect()
        });
        LEAVES
            .iter()
            .position(|l| std::ptr::eq(*l, self))
            .and_then(|i| tables.get(i))
            .unwrap_or_else(|| EMPTY.get_or_init(|| FlagTable::from_help("", "Options:", &[])))
    }
}

impl Group {
    pub fn find(&self, name: &str) -> Option<&'static Leaf> {
        self.children.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
    }

    /// The group's own flags: `--help`, plus buildx's `--builder` and `-D`.
    pub fn flags(&'static self) -> &'static FlagTable {
        static TABLES: OnceLock<Vec<FlagTable>> = OnceLock::new();
        static EMPTY: OnceLock<FlagTable> = OnceLock::new();
        let tables = TABLES.get_or_init(|| GROUPS.iter().map(|g| FlagTable::from_help(g.help, "Options:", &[])).collect());
        GROUPS
            .iter()
            .position(|g| std::ptr::eq(*g, self))
            .and_then(|i| tables.get(i))
            .unwrap_or_else(|| EMPTY.get_or_init(|| FlagTable::from_help("", "Options:", &[])))
    }
}

/// The global options (`docker --debug …`), with `--version` and `--help`.
pub fn root_flags() -> &'static FlagTable {
    static TABLE: OnceLock<FlagTable> = OnceLock::new();
    TABLE.get_or_init(|| FlagTable::from_help(ROOT_HELP, "Global Options:", &[]))
}

pub fn root_child(name: &str) -> Option<Child> {
    ROOT_CHILDREN.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}
