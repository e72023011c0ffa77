//! Volumes and networks, each with links to the containers that use them.

use leptos::prelude::*;
use simulator::snapshot::Snapshot;

use super::Highlight;

#[component]
pub fn ResourceList(snapshot: RwSignal<Snapshot>, highlight: Highlight) -> impl IntoView {
    let users = move |names: Vec<String>, empty: &'static str| {
        if names.is_empty() {
            return view! { <span class="engine-muted">{empty}</span> }.into_any();
        }
        names
            .into_iter()
            .map(|n| {
                let target = format!("container:{n}");
                view! {
                    <button type="button" class="engine-link" on:click=move |_| highlight.follow(target.clone())>
                        {n.clone()}
                    </button>
                }
            })
            .collect_view()
            .into_any()
    };
    let volumes = move || {
        snapshot
            .with(|s| s.volumes.clone())
            .into_iter()
            .map(|v| {
                let key = format!("volume:{}", v.name);
                let id = Highlight::dom_id(&key);
                let label = if v.anonymous { format!("{} (anónimo)", short(&v.name)) } else { v.name.clone() };
                view! {
                    <li class="engine-resource" id=id class:highlighted=move || highlight.is(&key) data-testid="engine-volume" data-name=v.name.clone()>
                        <span class="engine-resource-name">{label}</span>
                        <span class="engine-resource-users">"usado por: " {users(v.used_by.clone(), "ningún contenedor")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let networks = move || {
        snapshot
            .with(|s| s.networks.clone())
            .into_iter()
            // `host` and `none` matter only when someone uses them.
            .filter(|n| n.name == "bridge" || !n.predefined || !n.containers.is_empty())
            .map(|n| {
                let key = format!("network:{}", n.name);
                let id = Highlight::dom_id(&key);
                let detail = match &n.subnet {
                    Some(subnet) => format!("{} · {subnet}", n.driver),
                    None => n.driver.clone(),
                };
                view! {
                    <li class="engine-resource" id=id class:highlighted=move || highlight.is(&key) data-testid="engine-network" data-name=n.name.clone()>
                        <span class="engine-resource-name">{n.name.clone()}</span>
                        <span class="engine-muted">{detail}</span>
                        <span class="engine-resource-users">"conectados: " {users(n.containers.clone(), "ninguno")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="engine-resources">
            <section class="engine-section" aria-labelledby="motor-volumenes">
                <h3 id="motor-volumenes" class="engine-section-title">"Volúmenes"</h3>
                <Show
                    when=move || snapshot.with(|s| !s.volumes.is_empty())
                    fallback=|| view! { <p class="engine-empty">"Ningún volumen."</p> }
                >
                    <ul class="engine-resource-list">{volumes}</ul>
                </Show>
            </section>
            <section class="engine-section" aria-labelledby="motor-redes">
                <h3 id="motor-redes" class="engine-section-title">"Redes"</h3>
                <ul class="engine-resource-list">{networks}</ul>
            </section>
        </div>
    }
}

/// The first 12 characters of an anonymous volume's long name.
fn short(name: &str) -> &str {
    name.get(..12).unwrap_or(name)
}
