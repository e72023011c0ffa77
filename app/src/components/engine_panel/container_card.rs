//! One container as a card: name, image, its state on the lifecycle diagram, published ports
//! (host → container), and links to its volumes and networks.

use leptos::prelude::*;
use simulator::snapshot::{ContainerView, Snapshot};

use super::changes::state_label;
use super::state_diagram::StateDiagram;
use super::Highlight;

#[component]
pub fn ContainerCard(id: String, snapshot: RwSignal<Snapshot>, highlight: Highlight) -> impl IntoView {
    let card = Memo::new(move |_| snapshot.with(|s| s.containers.iter().find(|c| c.id == id).cloned()));
    let state = Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.state)));
    let name = move || card.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let key = move || format!("container:{}", name());
    let read = move |f: fn(&ContainerView) -> String| card.with(|c| c.as_ref().map(f).unwrap_or_default());

    let ports = move || {
        card.with(|c| c.as_ref().map(|c| c.ports.clone()).unwrap_or_default())
            .into_iter()
            .map(|p| {
                let host = if p.host_port.is_empty() { "(al arrancar)".to_string() } else { p.host_port.clone() };
                let title = if p.active {
                    format!("El puerto {host} de tu equipo lleva al puerto {} del contenedor", p.container_port)
                } else {
                    "Publicado cuando el contenedor esté en ejecución".to_string()
                };
                view! {
                    <li class="engine-port" class:inactive=!p.active data-testid="engine-port" title=title>
                        <span class="port-host">{format!("equipo:{host}")}</span>
                        <span class="port-arrow" aria-label="lleva a">" → "</span>
                        <span class="port-container">{format!("contenedor:{}", p.container_port)}</span>
                    </li>
                }
            })
            .collect_view()
    };

    let links = move || {
        let (mounts, networks) = card.with(|c| c.as_ref().map(|c| (c.mounts.clone(), c.networks.clone())).unwrap_or_default());
        let mounts = mounts
            .into_iter()
            .map(|m| {
                let ro = if m.read_only { " (solo lectura)" } else { "" };
                match m.kind.as_str() {
                    "volume" => {
                        let target = format!("volume:{}", m.source);
                        view! {
                            <li>
                                <button type="button" class="engine-link" on:click=move |_| highlight.follow(target.clone())>
                                    {format!("volumen {}", m.source)}
                                </button>
                                {format!(" en {}{ro}", m.target)}
                            </li>
                        }
                        .into_any()
                    }
                    "bind" => view! { <li>{format!("carpeta {} en {}{ro}", m.source, m.target)}</li> }.into_any(),
                    _ => view! { <li>{format!("tmpfs en {}", m.target)}</li> }.into_any(),
                }
            })
            .collect_view();
        let networks = networks
            .into_iter()
            .map(|n| {
                let target = format!("network:{n}");
                view! {
                    <li>
                        <button type="button" class="engine-link" on:click=move |_| highlight.follow(target.clone())>
                            {format!("red {n}")}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="engine-card-links">{mounts}{networks}</ul> }
    };

    view! {
        <li
            class="engine-card"
            id=move || Highlight::dom_id(&key())
            class:highlighted=move || highlight.is(&key())
            data-testid="engine-container"
            data-name=name
            data-state=move || state.get().map(|s| s.as_str()).unwrap_or_default()
        >
            <div class="engine-card-head">
                <span class="engine-card-name">{name}</span>
                <span class="engine-state" data-testid="engine-container-state">
                    {move || state.get().map(state_label).unwrap_or_default()}
                </span>
            </div>
            <p class="engine-card-image">
                "imagen " <code>{move || read(|c| c.image.clone())}</code>
                <span class="engine-card-id">{move || read(|c| c.short_id.clone())}</span>
                {move || {
                    card.with(|c| c.as_ref().and_then(|c| c.exit_code))
                        .map(|code| view! { <span class="engine-card-exit">{format!("código de salida {code}")}</span> })
                }}
            </p>
            <StateDiagram state=state />
            <ul class="engine-ports" aria-label="Puertos publicados">{ports}</ul>
            {links}
        </li>
    }
}
