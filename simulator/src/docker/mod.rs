//! Docker command families, one file each. [`dispatch`] routes a parsed invocation to its family.

pub mod build;
pub mod commit;
pub mod commit_changes;
pub mod container_lifecycle;
pub mod cp;
pub mod diff;
pub mod errors;
pub mod exec;
pub mod export;
pub mod fixture_rootfs;
pub mod history;
pub mod host_path;
pub mod images;
pub mod import;
pub mod info;
pub mod inspect;
pub mod inspect_json;
pub mod listing;
pub mod login;
pub mod network;
pub mod logs;
pub mod prompt;
pub mod ps;
pub mod pull;
pub mod push;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod run_options;
pub mod save_load;
pub mod search;
pub mod secret;
pub mod service;
pub mod stack;
pub mod stats;
pub mod swarm;
pub mod system;
pub mod tag;
pub mod top_port;
pub mod version;
pub mod volume;

use crate::cli;
use crate::engine::Engine;
use crate::output::Output;
use crate::project::ProjectFiles;
use crate::shell::ProgramCall;

use inspect::Kind;

/// Runs `docker <args>` against the engine.
pub fn dispatch(engine: &mut Engine, args: &[String], call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    // `docker compose …` runs the Compose CLI plugin with the words after `compose`.
    if args.first().is_some_and(|a| a == "compose") {
        return crate::compose::commands::run(engine, args.get(1..).unwrap_or_default(), call, project);
    }
    let parsed = match cli::parse_full(args) {
        Ok(p) => p,
        Err(out) => return *out,
    };
    // Warnings the CLI prints before carrying on (deprecated flags…).
    let mut out = parsed.notices;
    let result = run_invocation(engine, &parsed.invocation, call, project);
    out.append(result);
    out
}

fn run_invocation(engine: &mut Engine, inv: &cli::Invocation, call: ProgramCall<'_>, project: &mut dyn ProjectFiles) -> Output {
    match inv.command {
        "--version" => {
            let mut out = Output::new();
            version::short_version(&mut out);
            out
        }
        "version" => version::version(engine, inv),
        "info" | "system info" => info::info(engine, inv),
        "container run" => run::run(engine, inv, call, project),
        "container create" => run::create(engine, inv, call, project),
        "container start" => container_lifecycle::start(engine, inv),
        "container stop" => container_lifecycle::stop(engine, inv),
        "container restart" => container_lifecycle::restart(engine, inv),
        "container pause" => container_lifecycle::pause(engine, inv),
        "container unpause" => container_lifecycle::unpause(engine, inv),
        "container kill" => container_lifecycle::kill(engine, inv),
        "container wait" => container_lifecycle::wait(engine, inv),
        "container rename" => container_lifecycle::rename(engine, inv),
        "container rm" => rm::rm(engine, inv),
        "container prune" => rm::prune(engine, inv, call.stdin),
        "container ls" => ps::ps(engine, inv),
        "container exec" => exec::exec(engine, inv, call, project),
        "container attach" => exec::attach(engine, inv),
        "container diff" => diff::diff(engine, inv),
        "container commit" => commit::commit(engine, inv),
        "container cp" => cp::cp(engine, inv, call, project),
        "container export" => export::export(engine, inv, call, project),
        "image save" => save_load::save(engine, inv, call, project),
        "image load" => save_load::load(engine, inv, call, project),
        "container logs" => logs::logs(engine, inv),
        "container top" => top_port::top(engine, inv),
        "container port" => top_port::port(engine, inv),
        "container stats" => stats::stats(engine, inv),
        "container inspect" => inspect::inspect(engine, inv, Kind::Container),
        "image inspect" => inspect::inspect(engine, inv, Kind::Image),
        "inspect" => inspect::inspect(engine, inv, Kind::Any),
        "image ls" => images::images(engine, inv),
        "image pull" => pull::pull(engine, inv),
        "image push" => push::push(engine, inv),
        "login" => login::login(engine, inv, call),
        "logout" => login::logout(engine, inv),
        "swarm init" => swarm::init(engine, inv),
        "swarm leave" => swarm::leave(engine, inv),
        "swarm join-token" => swarm::join_token(engine, inv),
        "node ls" => swarm::node_ls(engine, inv),
        "secret create" => secret::create(engine, inv, call, project),
        "secret ls" => secret::ls(engine, inv),
        "secret inspect" => secret::inspect(engine, inv),
        "secret rm" => secret::rm(engine, inv),
        "service create" => service::create(engine, inv, call, project),
        "service ls" => service::ls(engine, inv),
        "service ps" => service::ps(engine, inv),
        "service scale" => service::scale(engine, inv, call, project),
        "service logs" => service::logs(engine, inv),
        "service rm" => service::rm(engine, inv),
        "service inspect" => service::inspect(engine, inv),
        "stack deploy" => stack::deploy(engine, inv, call, project),
        "stack ls" => stack::ls(engine, inv),
        "stack ps" => stack::ps(engine, inv),
        "stack services" => stack::services(engine, inv),
        "stack rm" => stack::rm(engine, inv),
        "image rm" => rmi::rmi(engine, inv),
        "image prune" => rmi::prune(engine, inv, call.stdin),
        "image tag" => tag::tag(engine, inv),
        "image history" => history::history(engine, inv),
        "build" => build::build(engine, inv, call, project),
        "builder prune" => build::prune(engine, inv, call.stdin),
        "search" => search::search(engine, inv),
        "system df" => system::df(engine, inv),
        "network ls" => network::ls(engine, inv),
        "network create" => network::create(engine, inv),
        "network inspect" => network::inspect(engine, inv),
        "network rm" => network::rm(engine, inv),
        "network connect" => network::connect(engine, inv),
        "network disconnect" => network::disconnect(engine, inv),
        "network prune" => network::prune(engine, inv, call.stdin),
        "volume create" => volume::create(engine, inv),
        "volume ls" => volume::ls(engine, inv),
        "volume inspect" => volume::inspect(engine, inv),
        "volume rm" => volume::rm(engine, inv),
        "volume prune" => volume::prune(engine, inv, call.stdin),
        "system prune" => system::prune(engine, inv, call.stdin),
        _ => not_supported(inv),
    }
}

/// A real Docker command the simulator does not offer yet: answered as Docker answers a command
/// it does not know, never with a fake success.
fn not_supported(inv: &cli::Invocation) -> Output {
    let mut out = Output::new();
    out.errln(format!("{}: unknown command: {}\n\nRun 'docker --help' for more information", "docker", inv.typed));
    out.with_exit(1)
}
