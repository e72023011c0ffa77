//! Goals read back in Spanish, for the learner's checklist ("Hay un contenedor en ejecución
//! llamado `web`…").

use super::{Check, Condition, ContainerProp, ExitExpect, Expr, ImageProp, Quantity, WantedState};

impl Expr {
    /// A Spanish sentence saying what this part of the goal asks for.
    pub fn describe(&self) -> String {
        match self {
            Expr::Cond(c) => c.describe(),
            Expr::Not(inner) => match inner.as_ref() {
                Expr::Cond(Condition { check: Check::Containers { quantity: Quantity::AtLeast(1), props }, .. }) => {
                    containers_sentence(Quantity::Exactly(0), props)
                }
                Expr::Cond(Condition {
                    check: Check::Images { quantity: Quantity::AtLeast(1), reference, props }, ..
                }) => images_sentence(Quantity::Exactly(0), reference.as_deref(), props),
                other => format!("No debe cumplirse: {}", lower_first(&other.describe())),
            },
            Expr::And(items) => join(items, "; y además, "),
            Expr::Or(items) => join(items, "; o bien, "),
        }
    }
}

fn join(items: &[Expr], sep: &str) -> String {
    let parts: Vec<String> = items.iter().enumerate().map(|(i, e)| {
        let d = e.describe();
        if i == 0 { d } else { lower_first(&d) }
    }).collect();
    parts.join(sep)
}

impl Condition {
    pub fn describe(&self) -> String {
        match &self.check {
            Check::Containers { quantity, props } => containers_sentence(*quantity, props),
            Check::Images { quantity, reference, props } => images_sentence(*quantity, reference.as_deref(), props),
            Check::LastExit(ExitExpect::Code(n)) => format!("El último comando terminó con el código {n}"),
            Check::LastExit(ExitExpect::Success) => "El último comando tuvo éxito (código 0)".to_string(),
            Check::LastExit(ExitExpect::Failure) => "El último comando falló (código distinto de 0)".to_string(),
            Check::OutputContains(text) => format!("La salida del último comando contiene «{text}»"),
        }
    }
}

/// "un contenedor", "ningún contenedor", "al menos 2 contenedores"…, and whether it is plural.
pub fn quantity_phrase(q: Quantity, singular: &str, plural: &str, feminine: bool) -> (String, bool) {
    let one = if feminine { "una" } else { "un" };
    let count = |n: u32| if n == 1 { (format!("{one} {singular}"), false) } else { (format!("{n} {plural}"), true) };
    match q {
        Quantity::AtLeast(1) => (format!("{one} {singular}"), false),
        Quantity::Exactly(0) => (format!("{} {singular}", if feminine { "ninguna" } else { "ningún" }), false),
        Quantity::Exactly(n) => {
            let (p, pl) = count(n);
            (format!("exactamente {p}"), pl)
        }
        Quantity::AtLeast(n) => {
            let (p, pl) = count(n);
            (format!("al menos {p}"), pl)
        }
        Quantity::AtMost(n) => {
            let (p, pl) = count(n);
            (format!("como máximo {p}"), pl)
        }
        Quantity::MoreThan(n) => (format!("más de {n} {plural}"), true),
        Quantity::LessThan(n) => (format!("menos de {n} {plural}"), true),
    }
}

fn containers_sentence(q: Quantity, props: &[ContainerProp]) -> String {
    let (noun, plural) = quantity_phrase(q, "contenedor", "contenedores", false);
    let verb = if q == Quantity::Exactly(0) { "No hay" } else { "Hay" };
    let mut s = format!("{verb} {noun}");
    for p in props {
        s.push(' ');
        s.push_str(&container_prop(p, plural));
    }
    s
}

fn images_sentence(q: Quantity, reference: Option<&str>, props: &[ImageProp]) -> String {
    let mut s = match (q, reference) {
        (Quantity::AtLeast(1), Some(r)) => format!("Existe la imagen `{r}`"),
        (Quantity::Exactly(0), Some(r)) => format!("No existe la imagen `{r}`"),
        (q, r) => {
            let (noun, _) = quantity_phrase(q, "imagen", "imágenes", true);
            let verb = if q == Quantity::Exactly(0) { "No hay" } else { "Hay" };
            match r {
                Some(r) => format!("{verb} {noun} `{r}`"),
                None => format!("{verb} {noun}"),
            }
        }
    };
    for p in props {
        s.push(' ');
        s.push_str(&image_prop(p));
    }
    s
}

pub fn container_prop(p: &ContainerProp, plural: bool) -> String {
    let n = |sing: &str, pl: &str| if plural { pl.to_string() } else { sing.to_string() };
    match p {
        ContainerProp::State(s) => state_phrase(*s, plural),
        ContainerProp::Name(name) => format!("{} `{name}`", n("llamado", "llamados")),
        ContainerProp::Image(image) => format!("de la imagen `{image}`"),
        ContainerProp::Publishes { container_port, proto, host_port } => {
            let port = port_text(*container_port, proto);
            match host_port {
                Some(h) => format!("{} el puerto {port} del contenedor en el {h} del equipo", n("que publica", "que publican")),
                None => format!("{} el puerto {port} del contenedor", n("que publica", "que publican")),
            }
        }
        ContainerProp::Env { name, value: Some(v) } => format!("con la variable de entorno `{name}={v}`"),
        ContainerProp::Env { name, value: None } => format!("con la variable de entorno `{name}`"),
        ContainerProp::Restart(policy) => format!("con la política de reinicio `{policy}`"),
        ContainerProp::ExitCode(code) => format!("{} con el código {code}", n("que terminó", "que terminaron")),
        ContainerProp::Mount { source: Some(s), target } => format!("con `{s}` montado en `{target}`"),
        ContainerProp::Mount { source: None, target } => format!("con algo montado en `{target}`"),
        ContainerProp::Network(net) => format!("{} a la red `{net}`", n("conectado", "conectados")),
    }
}

pub fn state_phrase(s: WantedState, plural: bool) -> String {
    let (sing, pl) = match s {
        WantedState::Created => ("creado (created)", "creados (created)"),
        WantedState::Running => ("en ejecución (running)", "en ejecución (running)"),
        WantedState::Paused => ("en pausa (paused)", "en pausa (paused)"),
        WantedState::Restarting => ("reiniciando (restarting)", "reiniciando (restarting)"),
        WantedState::Exited => ("detenido (exited)", "detenidos (exited)"),
        WantedState::Dead => ("muerto (dead)", "muertos (dead)"),
    };
    if plural { pl } else { sing }.to_string()
}

fn image_prop(p: &ImageProp) -> String {
    match p {
        ImageProp::Layers(q) => {
            let (phrase, _) = quantity_phrase(*q, "capa", "capas", true);
            format!("con {phrase}")
        }
        ImageProp::Exposes { port, proto } => format!("que expone el puerto {}", port_text(*port, proto)),
    }
}

pub fn port_text(port: u16, proto: &str) -> String {
    if proto == "tcp" {
        port.to_string()
    } else {
        format!("{port}/{proto}")
    }
}

pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
