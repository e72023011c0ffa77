//! "Qué acaba de pasar": for the last `docker` command(s), the path through Docker's architecture:
//! the client, the Engine API requests it sent, `dockerd`, and whether a registry, `containerd` and
//! `runc` took part. Each part opens to a Spanish explanation (`lessons/content/arquitectura.toml`).

use leptos::prelude::*;
use simulator::format::units::human_size;
use simulator::trace::{BuildOutcome, Hop, Trace, API_VERSION};

/// Commands of one line shown at most (the last ones).
const MAX_TRACES: usize = 3;

#[component]
pub fn TraceStrip(traces: RwSignal<Vec<Trace>>) -> impl IntoView {
    view! {
        <section class="trace-strip" aria-labelledby="traza-titulo" data-testid="trace-strip">
            <h3 id="traza-titulo" class="engine-section-title">"Qué acaba de pasar"</h3>
            {move || {
                let all = traces.get();
                if all.is_empty() {
                    return view! {
                        <p class="engine-empty">
                            "Ejecuta un comando " <code>"docker"</code>
                            " y aquí verás su camino: del cliente a la API, a dockerd y, si hace falta, a containerd y runc."
                        </p>
                    }
                    .into_any();
                }
                let skip = all.len().saturating_sub(MAX_TRACES);
                all.into_iter().skip(skip).map(trace_view).collect_view().into_any()
            }}
        </section>
    }
}

fn trace_view(trace: Trace) -> impl IntoView {
    let arch = crate::compiled_course::architecture();
    let requests = trace
        .requests
        .iter()
        .map(|r| {
            let status = r.status.map(|s| s.to_string());
            let bad = r.status.is_some_and(|s| s >= 400);
            view! {
                <li class="trace-request" data-testid="trace-request">
                    <code>{r.line()}</code>
                    {status.map(|s| view! { <span class="trace-status" class:bad=bad>{s}</span> })}
                </li>
            }
        })
        .collect_view();
    let hops = Hop::ALL
        .iter()
        .map(|&hop| {
            let reached = trace.reaches(hop);
            let part = arch.part(hop).cloned();
            let name = part.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| hop.key().to_string());
            let actions: Vec<&'static str> = if hop == Hop::Cli {
                vec![trace.cli_action]
            } else {
                let mut a: Vec<&'static str> = Vec::new();
                for step in trace.requests.iter().flat_map(|r| r.steps.iter()).filter(|s| s.hop == hop) {
                    if !a.contains(&step.action) {
                        a.push(step.action);
                    }
                }
                a
            };
            let done = actions
                .iter()
                .filter_map(|a| arch.action(hop, a))
                .map(|html| view! { <li inner_html=html.to_string()></li> })
                .collect_view();
            view! {
                <li class="trace-hop" class:reached=reached data-hop=hop.key() data-reached=if reached { "true" } else { "false" }>
                    <details>
                        <summary>
                            <span class="trace-hop-name">{name}</span>
                            {(!reached).then(|| view! { <span class="visually-hidden">" (no interviene)"</span> })}
                        </summary>
                        <div class="trace-hop-body">
                            {part.map(|p| view! {
                                <p class="trace-hop-summary">{p.summary.clone()}</p>
                                // Rendered from Markdown by the lessons crate, raw HTML escaped.
                                <div inner_html=p.html.clone()></div>
                            })}
                            {if reached {
                                view! { <p class="trace-hop-did">"En este comando:"</p> <ul>{done}</ul> }.into_any()
                            } else {
                                view! { <p class="trace-hop-did">"En este comando no ha intervenido."</p> }.into_any()
                            }}
                        </div>
                    </details>
                </li>
            }
            .into_any()
        })
        .collect::<Vec<AnyView>>();
    // Between the client and dockerd: the Engine API, with how many requests crossed it.
    let crossed = trace.requests.len();
    let api_reached = crossed > 0;
    let api = view! {
        <li class="trace-hop trace-api" class:reached=api_reached data-hop="api" data-reached=if api_reached { "true" } else { "false" }>
            <span class="trace-api-chip">
                {match crossed {
                    0 => format!("API {API_VERSION}: ninguna petición"),
                    1 => format!("API {API_VERSION}: 1 petición"),
                    n => format!("API {API_VERSION}: {n} peticiones"),
                }}
            </span>
        </li>
    }
    .into_any();
    let mut hops = hops;
    hops.insert(1.min(hops.len()), api);
    // A build: which steps made a new layer and which came from the cache.
    let build = (!trace.build.is_empty()).then(|| {
        let steps = trace
            .build
            .iter()
            .map(|b| {
                let (label, outcome) = match b.outcome {
                    BuildOutcome::Cached => ("de la caché".to_string(), "cached"),
                    BuildOutcome::NewLayer { size } => (format!("capa nueva, {}", human_size(size as f64)), "new-layer"),
                    BuildOutcome::NoLayer => ("sin capa".to_string(), "no-layer"),
                };
                view! {
                    <li class="trace-build-step" data-testid="trace-build-step" data-outcome=outcome>
                        <code>{b.step.clone()}</code>
                        <span class="trace-build-outcome">{label}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="trace-requests-title">"Pasos de la construcción:"</p>
            <ol class="trace-build">{steps}</ol>
        }
    });
    let has_requests = !trace.requests.is_empty();
    view! {
        <div class="trace" data-testid="trace" data-canonical=trace.canonical>
            <p class="trace-command">
                <code>{trace.command.clone()}</code>
                {trace.failed.then(|| view! { <span class="trace-failed">"terminó con error"</span> })}
            </p>
            <ol class="trace-path" aria-label="Camino del comando">{hops}</ol>
            {if has_requests {
                view! {
                    <p class="trace-requests-title">"Peticiones a la API de Docker Engine:"</p>
                    <ol class="trace-requests">{requests}</ol>
                }
                .into_any()
            } else {
                view! { <p class="trace-requests-title">"Ninguna petición: el cliente lo ha resuelto solo."</p> }.into_any()
            }}
            {build}
        </div>
    }
}
