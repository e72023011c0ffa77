//! Evaluating a goal against the engine's state, with a Spanish explanation of what is missing.

use simulator::engine::container::Container;
use simulator::engine::image::Image;
use simulator::engine::reference::Reference;
use simulator::engine::Engine;
use simulator::{ContainerState, Output, Session};

use super::describe::{port_text, state_phrase};
use super::{Check, Condition, ContainerProp, ExitExpect, Expr, Goal, ImageProp, Quantity, Span, WantedState};

/// What a goal is checked against: the engine and, when known, the last command line's result.
#[derive(Clone, Copy)]
pub struct World<'a> {
    pub engine: &'a Engine,
    /// Exit code of the last command line (`None` before any command).
    pub last_exit: Option<i32>,
    /// Output of the last command line, when the caller kept it.
    pub last_output: Option<&'a Output>,
}

impl<'a> World<'a> {
    /// The session's engine; the last exit code is the shell's `$?` once a command has run.
    pub fn from_session(session: &'a Session) -> Self {
        let ran = !session.shell.history.is_empty();
        World { engine: &session.engine, last_exit: ran.then_some(session.shell.last_exit), last_output: None }
    }

    /// The same world, with the output of the last command line.
    pub fn with_output(mut self, output: &'a Output) -> Self {
        self.last_exit = Some(output.exit_code);
        self.last_output = Some(output);
        self
    }
}

/// The state of one sub-goal (one condition of the top-level `y`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartStatus {
    /// What it asks for, in Spanish ("Hay un contenedor en ejecución llamado `web`").
    pub description: String,
    pub satisfied: bool,
    /// Why it is not met yet, in Spanish ("El contenedor `web` está detenido (exited), no en
    /// ejecución (running)."), when there is something useful to say.
    pub detail: Option<String>,
    /// Where the sub-goal is written in the goal text.
    pub span: Option<Span>,
}

/// The result of checking a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalStatus {
    pub satisfied: bool,
    pub parts: Vec<PartStatus>,
}

impl GoalStatus {
    /// The first sub-goal not met yet.
    pub fn first_unmet(&self) -> Option<&PartStatus> {
        self.parts.iter().find(|p| !p.satisfied)
    }
}

/// Checks `goal` in `world`.
pub fn check(goal: &Goal, world: &World<'_>) -> GoalStatus {
    let parts: Vec<PartStatus> = goal
        .parts()
        .into_iter()
        .map(|part| {
            let v = eval(part, world);
            let span = match part {
                Expr::Cond(c) => Some(c.span),
                Expr::Not(inner) => match inner.as_ref() {
                    Expr::Cond(c) => Some(c.span),
                    _ => None,
                },
                _ => None,
            };
            PartStatus { description: part.describe(), satisfied: v.ok, detail: if v.ok { None } else { v.detail }, span }
        })
        .collect();
    GoalStatus { satisfied: parts.iter().all(|p| p.satisfied), parts }
}

struct Verdict {
    ok: bool,
    detail: Option<String>,
}

impl Verdict {
    fn yes() -> Self {
        Verdict { ok: true, detail: None }
    }

    fn no(detail: impl Into<String>) -> Self {
        Verdict { ok: false, detail: Some(detail.into()) }
    }
}

fn eval(expr: &Expr, world: &World<'_>) -> Verdict {
    match expr {
        Expr::Cond(c) => condition(c, world),
        Expr::Not(inner) => {
            let v = eval(inner, world);
            if !v.ok {
                return Verdict::yes();
            }
            match inner.as_ref() {
                Expr::Cond(Condition { check: Check::Containers { props, .. }, .. }) => {
                    let names = matching_containers(world, props).iter().map(|c| format!("`{}`", c.name)).collect::<Vec<_>>();
                    Verdict::no(format!("Todavía hay {}: {}.", count_containers(names.len()), names.join(", ")))
                }
                _ => Verdict::no("Todavía se cumple."),
            }
        }
        Expr::And(items) => {
            for item in items {
                let v = eval(item, world);
                if !v.ok {
                    return v;
                }
            }
            Verdict::yes()
        }
        Expr::Or(items) => {
            let mut details = Vec::new();
            for item in items {
                let v = eval(item, world);
                if v.ok {
                    return Verdict::yes();
                }
                details.extend(v.detail);
            }
            Verdict { ok: false, detail: (!details.is_empty()).then(|| details.join(" ")) }
        }
    }
}

fn condition(c: &Condition, world: &World<'_>) -> Verdict {
    match &c.check {
        Check::Containers { quantity, props } => containers(world, *quantity, props),
        Check::Images { quantity, reference, props } => images(world, *quantity, reference.as_deref(), props),
        Check::LastExit(expect) => match world.last_exit {
            None => Verdict::no("Todavía no has ejecutado ningún comando."),
            Some(code) => {
                let ok = match expect {
                    ExitExpect::Code(n) => code == *n,
                    ExitExpect::Success => code == 0,
                    ExitExpect::Failure => code != 0,
                };
                if ok {
                    Verdict::yes()
                } else {
                    Verdict::no(format!("El último comando terminó con el código {code}."))
                }
            }
        },
        Check::OutputContains(text) => match world.last_output {
            None => Verdict::no("Todavía no hay salida de ningún comando."),
            Some(out) if out.combined().contains(text.as_str()) => Verdict::yes(),
            Some(_) => Verdict::no(format!("La salida del último comando no contiene «{text}».")),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------

fn count_containers(n: usize) -> String {
    if n == 1 {
        "1 contenedor".to_string()
    } else {
        format!("{n} contenedores")
    }
}

fn matching_containers<'w>(world: &World<'w>, props: &[ContainerProp]) -> Vec<&'w Container> {
    world
        .engine
        .containers_newest_first()
        .into_iter()
        .filter(|c| props.iter().all(|p| container_prop(world, c, p).is_ok()))
        .collect()
}

fn containers(world: &World<'_>, q: Quantity, props: &[ContainerProp]) -> Verdict {
    let matching = matching_containers(world, props);
    if q.accepts(matching.len()) {
        return Verdict::yes();
    }
    let names = matching.iter().map(|c| format!("`{}`", c.name)).collect::<Vec<_>>().join(", ");
    match q {
        Quantity::AtLeast(1) => Verdict::no(explain_missing(world, props)),
        Quantity::Exactly(0) | Quantity::AtMost(_) | Quantity::LessThan(_) => {
            Verdict::no(format!("Ahora hay {} que lo cumple{}: {names}.", count_containers(matching.len()), plural_n(matching.len())))
        }
        _ if matching.is_empty() => Verdict::no(format!("Ahora no hay ninguno. {}", explain_missing(world, props))),
        _ => Verdict::no(format!("Ahora hay {} que lo cumple{}: {names}.", count_containers(matching.len()), plural_n(matching.len()))),
    }
}

fn plural_n(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "n"
    }
}

/// Why no container has all of `props`: the closest container and its first unmet property.
fn explain_missing(world: &World<'_>, props: &[ContainerProp]) -> String {
    let all = world.engine.containers_newest_first();
    if all.is_empty() {
        return "No hay ningún contenedor (`docker ps -a` no muestra ninguno).".to_string();
    }
    let wanted_name = props.iter().find_map(|p| match p {
        ContainerProp::Name(n) => Some(n.as_str()),
        _ => None,
    });
    if let Some(name) = wanted_name {
        if !all.iter().any(|c| c.name == name.trim_start_matches('/')) {
            return format!("No hay ningún contenedor llamado `{name}`.");
        }
    }
    let mut best: Option<(&Container, usize)> = None;
    for c in all.iter().copied() {
        if let Some(name) = wanted_name {
            if c.name != name.trim_start_matches('/') {
                continue;
            }
        }
        let score = props.iter().filter(|p| container_prop(world, c, p).is_ok()).count();
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    let Some((c, _)) = best else { return "Ningún contenedor lo cumple.".to_string() };
    match props.iter().find_map(|p| container_prop(world, c, p).err()) {
        Some(reason) => format!("El contenedor `{}` {reason}.", c.name),
        None => "Ningún contenedor lo cumple.".to_string(),
    }
}

fn actual_state(s: ContainerState) -> &'static str {
    match s {
        ContainerState::Created => "creado (created)",
        ContainerState::Running => "en ejecución (running)",
        ContainerState::Paused => "en pausa (paused)",
        ContainerState::Restarting => "reiniciándose (restarting)",
        ContainerState::Removing => "eliminándose (removing)",
        ContainerState::Exited => "detenido (exited)",
        ContainerState::Dead => "muerto (dead)",
    }
}

fn wanted_matches(w: WantedState, s: ContainerState) -> bool {
    matches!(
        (w, s),
        (WantedState::Created, ContainerState::Created)
            | (WantedState::Running, ContainerState::Running)
            | (WantedState::Paused, ContainerState::Paused)
            | (WantedState::Restarting, ContainerState::Restarting)
            | (WantedState::Exited, ContainerState::Exited)
            | (WantedState::Dead, ContainerState::Dead)
    )
}

/// Whether container `c` has property `p`; if not, why (a Spanish phrase after its name).
fn container_prop(world: &World<'_>, c: &Container, p: &ContainerProp) -> Result<(), String> {
    match p {
        ContainerProp::State(w) => {
            let s = c.status();
            if wanted_matches(*w, s) {
                Ok(())
            } else {
                Err(format!("está {}, no {}", actual_state(s), state_phrase(*w, false)))
            }
        }
        ContainerProp::Name(n) => {
            if c.name == n.trim_start_matches('/') {
                Ok(())
            } else {
                Err(format!("se llama `{}`, no `{n}`", c.name))
            }
        }
        ContainerProp::Image(r) => {
            if image_matches(world, c, r) {
                Ok(())
            } else {
                Err(format!("es de la imagen `{}`, no de `{r}`", c.config.image))
            }
        }
        ContainerProp::Publishes { container_port, proto, host_port } => {
            let key = format!("{container_port}/{proto}");
            let configured = c.host_config.port_bindings.iter().any(|b| {
                b.container_port == key && host_port.is_none_or(|h| b.host_port == h.to_string())
            });
            let bound = c.bound_ports.iter().any(|b| {
                b.container_port == *container_port && b.proto == *proto && host_port.is_none_or(|h| b.host_port == h)
            });
            if configured || bound {
                return Ok(());
            }
            let port = port_text(*container_port, proto);
            let wanted = match host_port {
                Some(h) => format!("no publica el puerto {port} en el {h} del equipo"),
                None => format!("no publica el puerto {port}"),
            };
            let published: Vec<String> = c
                .host_config
                .port_bindings
                .iter()
                .map(|b| {
                    let host = if b.host_port.is_empty() { "(cualquiera)" } else { b.host_port.as_str() };
                    format!("`{host}->{}`", b.container_port)
                })
                .collect();
            if published.is_empty() {
                Err(format!("{wanted} (no publica ningún puerto)"))
            } else {
                Err(format!("{wanted} (publica {})", published.join(", ")))
            }
        }
        ContainerProp::Env { name, value } => {
            let found = c.config.env.iter().find_map(|e| {
                let (k, v) = e.split_once('=').unwrap_or((e.as_str(), ""));
                (k == name).then_some(v)
            });
            match (found, value) {
                (None, _) => Err(format!("no tiene la variable de entorno `{name}`")),
                (Some(v), Some(want)) if v != want => Err(format!("tiene `{name}={v}`, no `{name}={want}`")),
                _ => Ok(()),
            }
        }
        ContainerProp::Restart(want) => {
            let policy = &c.host_config.restart_policy;
            let actual = if policy.name == "on-failure" && policy.max_retries > 0 {
                format!("on-failure:{}", policy.max_retries)
            } else if policy.name.is_empty() {
                "no".to_string()
            } else {
                policy.name.clone()
            };
            let ok = actual == *want || (want == "on-failure" && policy.name == "on-failure");
            if ok {
                Ok(())
            } else {
                Err(format!("tiene la política de reinicio `{actual}`, no `{want}`"))
            }
        }
        ContainerProp::ExitCode(code) => {
            if c.state.running || c.state.finished_at.is_none() {
                Err("todavía no ha terminado".to_string())
            } else if c.state.exit_code != *code {
                Err(format!("terminó con el código {}, no con el {code}", c.state.exit_code))
            } else {
                Ok(())
            }
        }
        ContainerProp::Mount { source, target } => {
            let mounts = mounts_of(c);
            let at_target: Vec<&(String, String)> = mounts.iter().filter(|(_, t)| t == target).collect();
            match (at_target.first(), source) {
                (None, _) => Err(format!("no tiene nada montado en `{target}`")),
                (Some(_), None) => Ok(()),
                (Some(_), Some(want)) if at_target.iter().any(|(s, _)| s == want) => Ok(()),
                (Some((s, _)), Some(want)) => Err(format!("tiene `{s}` montado en `{target}`, no `{want}`")),
            }
        }
        ContainerProp::Network(net) => {
            let mode = match c.host_config.network_mode.as_str() {
                "" | "default" => "bridge",
                other => other,
            };
            if mode == net {
                Ok(())
            } else {
                Err(format!("está en la red `{mode}`, no en `{net}`"))
            }
        }
    }
}

/// (source, target) of every `-v`/`--mount` of a container, from the specs as typed.
fn mounts_of(c: &Container) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for bind in &c.host_config.binds {
        let mut parts = bind.split(':');
        match (parts.next(), parts.next()) {
            (Some(src), Some(dst)) => out.push((src.to_string(), dst.to_string())),
            (Some(dst), None) => out.push((String::new(), dst.to_string())),
            _ => {}
        }
    }
    for spec in &c.host_config.mounts {
        if spec.contains('=') {
            let mut src = String::new();
            let mut dst = String::new();
            for field in spec.split(',') {
                let (k, v) = field.split_once('=').unwrap_or((field, ""));
                match k {
                    "source" | "src" => src = v.to_string(),
                    "target" | "destination" | "dst" => dst = v.to_string(),
                    _ => {}
                }
            }
            out.push((src, dst));
        } else {
            let mut parts = spec.split(':');
            match (parts.next(), parts.next()) {
                (Some(src), Some(dst)) => out.push((src.to_string(), dst.to_string())),
                (Some(dst), None) => out.push((String::new(), dst.to_string())),
                _ => {}
            }
        }
    }
    out
}

/// True when `r` is a bare repository (no tag, no digest, not an ID): any tag matches.
fn is_bare_repository(r: &str) -> Option<String> {
    if r.starts_with("sha256:") {
        return None;
    }
    let parsed = Reference::parse(r).ok()?;
    if parsed.tag.is_some() || parsed.digest.is_some() {
        return None;
    }
    Some(parsed.familiar_name())
}

fn repository_of(reference: &str) -> Option<String> {
    Reference::parse(reference).ok().map(|p| p.familiar_name())
}

fn image_matches(world: &World<'_>, c: &Container, r: &str) -> bool {
    if let Some(repo) = is_bare_repository(r) {
        if repository_of(&c.config.image).is_some_and(|x| x == repo) {
            return true;
        }
        if let Some(img) = world.engine.images.get(&c.image_id) {
            if img.repo_tags.iter().any(|t| repository_of(t).is_some_and(|x| x == repo)) {
                return true;
            }
        }
        // An image ID prefix also parses as a bare repository.
        return world.engine.images.resolve(r).is_ok_and(|img| img.id == c.image_id);
    }
    if world.engine.images.resolve(r).is_ok_and(|img| img.id == c.image_id) {
        return true;
    }
    match (Reference::parse(r), Reference::parse(&c.config.image)) {
        (Ok(a), Ok(b)) => a.with_default_tag().familiar() == b.with_default_tag().familiar(),
        _ => c.config.image == r,
    }
}

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

fn images_for<'w>(world: &World<'w>, r: &str) -> Vec<&'w Image> {
    if let Some(repo) = is_bare_repository(r) {
        let by_repo: Vec<&Image> = world
            .engine
            .images
            .list()
            .into_iter()
            .filter(|img| img.repo_tags.iter().any(|t| repository_of(t).is_some_and(|x| x == repo)))
            .collect();
        if !by_repo.is_empty() {
            return by_repo;
        }
    }
    world.engine.images.resolve(r).map(|img| vec![img]).unwrap_or_default()
}

fn image_prop(img: &Image, p: &ImageProp) -> Result<(), String> {
    match p {
        ImageProp::Layers(q) => {
            let n = img.layers.len();
            if q.accepts(n) {
                Ok(())
            } else {
                Err(format!("tiene {n} {}", if n == 1 { "capa" } else { "capas" }))
            }
        }
        ImageProp::Exposes { port, proto } => {
            let key = format!("{port}/{proto}");
            if img.config.exposed_ports.contains(&key) {
                Ok(())
            } else {
                Err(format!("no expone el puerto {}", port_text(*port, proto)))
            }
        }
    }
}

fn image_name(img: &Image) -> String {
    img.repo_tags.first().cloned().unwrap_or_else(|| img.short_id().to_string())
}

fn images(world: &World<'_>, q: Quantity, reference: Option<&str>, props: &[ImageProp]) -> Verdict {
    let candidates = match reference {
        Some(r) => images_for(world, r),
        None => world.engine.images.list(),
    };
    let matching: Vec<&Image> = candidates.iter().copied().filter(|img| props.iter().all(|p| image_prop(img, p).is_ok())).collect();
    if q.accepts(matching.len()) {
        return Verdict::yes();
    }
    let names = matching.iter().map(|img| format!("`{}`", image_name(img))).collect::<Vec<_>>().join(", ");
    match (q, reference) {
        (Quantity::AtLeast(1), Some(r)) if candidates.is_empty() => {
            Verdict::no(format!("No existe la imagen `{r}` en tu equipo (`docker images` no la muestra)."))
        }
        (Quantity::AtLeast(1), _) if candidates.is_empty() => Verdict::no("No hay ninguna imagen en tu equipo."),
        (Quantity::AtLeast(1), _) => {
            let img = candidates.first().copied();
            let reason = img.and_then(|img| props.iter().find_map(|p| image_prop(img, p).err()));
            match (img, reason) {
                (Some(img), Some(reason)) => Verdict::no(format!("La imagen `{}` {reason}.", image_name(img))),
                _ => Verdict::no("Ninguna imagen lo cumple."),
            }
        }
        (Quantity::Exactly(0), Some(r)) => Verdict::no(format!("La imagen `{r}` todavía existe ({names}).")),
        _ => {
            let n = matching.len();
            Verdict::no(format!(
                "Ahora hay {n} {}{}",
                if n == 1 { "imagen" } else { "imágenes" },
                if n == 0 { ".".to_string() } else { format!(": {names}.") }
            ))
        }
    }
}

#[cfg(all(test, feature = "source"))]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use simulator::{MemoryProject, SessionConfig};

    fn session(lines: &[&str]) -> (Session, Option<Output>) {
        let mut s = Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()));
        let mut last = None;
        for line in lines {
            last = Some(s.run_line(line));
            crate::exercise::settle(&mut s);
        }
        (s, last)
    }

    fn status(goal: &str, s: &Session, last: Option<&Output>) -> GoalStatus {
        let g = match super::super::parse(goal) {
            Ok(g) => g,
            Err(e) => panic!("{goal}: {e}"),
        };
        let world = match last {
            Some(out) => World::from_session(s).with_output(out),
            None => World::from_session(s),
        };
        check(&g, &world)
    }

    fn detail(goal: &str, s: &Session) -> String {
        let st = status(goal, s, None);
        assert!(!st.satisfied, "{goal} should not hold");
        st.first_unmet().and_then(|p| p.detail.clone()).unwrap_or_default()
    }

    #[test]
    fn states_and_their_explanations() {
        let (s, _) = session(&["docker run -d --name web nginx", "docker stop web"]);
        assert!(status("contenedor detenido llamado web con código de salida 0", &s, None).satisfied);
        assert_eq!(detail("contenedor en ejecución llamado web", &s), "El contenedor `web` está detenido (exited), no en ejecución (running).");
        assert_eq!(detail("contenedor llamado api", &s), "No hay ningún contenedor llamado `api`.");
        let (empty, _) = session(&[]);
        assert_eq!(detail("contenedor", &empty), "No hay ningún contenedor (`docker ps -a` no muestra ninguno).");
    }

    #[test]
    fn environment_restart_and_mounts() {
        let (s, _) = session(&["docker run -d --name db -e MODO=prueba --restart on-failure:3 -v datos:/var/lib/data alpine sleep 100"]);
        assert!(status("contenedor llamado db con la variable MODO=prueba con la variable MODO", &s, None).satisfied);
        assert!(status("contenedor con reinicio on-failure y con reinicio on-failure:3", &s, None).satisfied);
        assert!(status("contenedor con el volumen datos montado en /var/lib/data", &s, None).satisfied);
        assert_eq!(detail("contenedor llamado db con la variable MODO=real", &s), "El contenedor `db` tiene `MODO=prueba`, no `MODO=real`.");
        assert_eq!(detail("contenedor llamado db con reinicio always", &s), "El contenedor `db` tiene la política de reinicio `on-failure:3`, no `always`.");
        assert_eq!(detail("contenedor llamado db con un montaje en /app", &s), "El contenedor `db` no tiene nada montado en `/app`.");
        assert!(status("contenedor en la red bridge", &s, None).satisfied);
    }

    #[test]
    fn images_by_repository_tag_and_layers() {
        let (s, _) = session(&["docker pull nginx", "docker tag nginx web:1.0"]);
        assert!(status("imagen nginx y imagen web:1.0 y imagen web", &s, None).satisfied);
        assert!(status("imagen nginx con 7 capas y con más de 3 capas y que expone 80", &s, None).satisfied);
        assert!(status("exactamente 1 imagen", &s, None).satisfied);
        assert_eq!(detail("imagen nginx con menos de 5 capas", &s), "La imagen `nginx:latest` tiene 7 capas.");
        assert_eq!(detail("imagen web:2.0", &s), "No existe la imagen `web:2.0` en tu equipo (`docker images` no la muestra).");
        assert_eq!(detail("imagen web ausente", &s), "La imagen `web` todavía existe (`nginx:latest`).");
    }

    #[test]
    fn containers_from_an_image_by_repository_or_tag() {
        let (s, _) = session(&["docker run -d --name uno nginx:latest", "docker run -d --name dos httpd"]);
        assert!(status("contenedor llamado uno de la imagen nginx y contenedor llamado uno de la imagen nginx:latest", &s, None).satisfied);
        assert_eq!(detail("contenedor llamado dos de la imagen nginx", &s), "El contenedor `dos` es de la imagen `httpd`, no de `nginx`.");
        assert!(status("2 contenedores en ejecución", &s, None).satisfied);
        assert_eq!(detail("ningún contenedor en ejecución", &s), "Ahora hay 2 contenedores que lo cumplen: `dos`, `uno`.");
        assert_eq!(detail("no hay un contenedor de la imagen httpd", &s), "Todavía hay 1 contenedor: `dos`.");
    }

    #[test]
    fn ports() {
        let (s, _) = session(&["docker run -d --name web -p 8080:80 nginx"]);
        assert!(status("contenedor publicando 80 en 8080 y contenedor publicando 80", &s, None).satisfied);
        assert_eq!(
            detail("contenedor llamado web publicando 80 en 9090", &s),
            "El contenedor `web` no publica el puerto 80 en el 9090 del equipo (publica `8080->80/tcp`)."
        );
    }

    #[test]
    fn last_command_and_output() {
        let (s, last) = session(&["docker run --rm alpine echo hola"]);
        assert!(status("el último comando tuvo éxito y la salida contiene hola", &s, last.as_ref()).satisfied);
        let (s, last) = session(&["docker stop nada"]);
        assert!(status("el último comando falló y el último comando terminó con código 1", &s, last.as_ref()).satisfied);
        assert!(status("el último comando falló", &s, None).satisfied, "the shell's $? is used without an output");
        let (fresh, _) = session(&[]);
        assert_eq!(detail("el último comando tuvo éxito", &fresh), "Todavía no has ejecutado ningún comando.");
    }

    #[test]
    fn parts_report_each_condition() {
        let (s, _) = session(&["docker run -d --name web nginx"]);
        let st = status("contenedor llamado web\ncontenedor llamado api\nimagen nginx", &s, None);
        let flags: Vec<bool> = st.parts.iter().map(|p| p.satisfied).collect();
        assert_eq!(flags, [true, false, true]);
        assert!(!st.satisfied);
        assert_eq!(st.first_unmet().map(|p| p.description.as_str()), Some("Hay un contenedor llamado `api`"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn checking_never_panics(words in proptest::collection::vec(prop_oneof![
            Just("contenedor"), Just("imagen"), Just("ningún"), Just("no"), Just("y"), Just("o"), Just("en ejecución"),
            Just("llamado web"), Just("de la imagen nginx"), Just("publicando 80"), Just("en 8080"), Just("con 3 capas"),
            Just("con código 0"), Just("ausente"), Just("al menos 2"), Just("detenido"), Just("el último comando falló"),
            Just("la salida contiene x"), Just("con la variable A"), Just("con un montaje en /a"), Just("en la red x"),
        ], 1..8)) {
            let (s, last) = session(&["docker run -d --name web -p 8080:80 nginx", "docker run --name t alpine true"]);
            if let Ok(g) = super::super::parse(&words.join(" ")) {
                let world = match &last { Some(o) => World::from_session(&s).with_output(o), None => World::from_session(&s) };
                let st = check(&g, &world);
                prop_assert_eq!(st.satisfied, st.parts.iter().all(|p| p.satisfied));
            }
        }
    }
}
