//! "Qué acaba de pasar": for the last `docker` command(s), the path through Docker's architecture:
//! the client, the Engine API requests it sent, `dockerd`, and whether a registry, `containerd` and
//! `runc` took part. Each part opens to a Spanish explanation (`lessons/content/arquitectura.toml`).

use leptos::prelude::*;
use simulator::format::units::human_size;
use lessons::text::escape_html;
use lessons::Architecture;
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
    let html = trace_html(&trace, crate::compiled_course::architecture());
    view! { <div class="trace" data-testid="trace" data-canonical=trace.canonical inner_html=html></div> }
}

/// The inside of a trace's `<div class="trace">`. A trace never changes once shown (a new command
/// replaces the list), so it is built as text and set with `inner_html`: as `view!` trees it was
/// ~20 KB of rendering code in the browser build. Every text from the command line is escaped;
/// the architecture texts are HTML rendered by the lessons crate (raw HTML escaped).
fn trace_html(trace: &Trace, arch: &Architecture) -> String {
    let mut h = String::new();
    h.push_str(r#"<p class="trace-command"><code>"#);
    h.push_str(&escape_html(&trace.command));
    h.push_str("</code>");
    if trace.failed {
        h.push_str(r#"<span class="trace-failed">terminó con error</span>"#);
    }
    h.push_str(r#"</p><ol class="trace-path" aria-label="Camino del comando">"#);
    for (i, &hop) in Hop::ALL.iter().enumerate() {
        if i == 1 {
            api_hop(&mut h, trace.requests.len());
        }
        hop_html(&mut h, trace, arch, hop);
    }
    h.push_str("</ol>");
    if trace.requests.is_empty() {
        h.push_str(r#"<p class="trace-requests-title">Ninguna petición: el cliente lo ha resuelto solo.</p>"#);
    } else {
        h.push_str(r#"<p class="trace-requests-title">Peticiones a la API de Docker Engine:</p><ol class="trace-requests">"#);
        for r in &trace.requests {
            h.push_str(r#"<li class="trace-request" data-testid="trace-request"><code>"#);
            h.push_str(&escape_html(&r.line()));
            h.push_str("</code>");
            if let Some(status) = r.status {
                h.push_str(if status >= 400 { r#"<span class="trace-status bad">"# } else { r#"<span class="trace-status">"# });
                h.push_str(&status.to_string());
                h.push_str("</span>");
            }
            h.push_str("</li>");
        }
        h.push_str("</ol>");
    }
    // A build: which steps made a new layer and which came from the cache.
    if !trace.build.is_empty() {
        h.push_str(r#"<p class="trace-requests-title">Pasos de la construcción:</p><ol class="trace-build">"#);
        for b in &trace.build {
            let (label, outcome) = match b.outcome {
                BuildOutcome::Cached => ("de la caché".to_string(), "cached"),
                BuildOutcome::NewLayer { size } => (format!("capa nueva, {}", human_size(size as f64)), "new-layer"),
                BuildOutcome::NoLayer => ("sin capa".to_string(), "no-layer"),
            };
            h.push_str(r#"<li class="trace-build-step" data-testid="trace-build-step" data-outcome=""#);
            h.push_str(outcome);
            h.push_str(r#""><code>"#);
            h.push_str(&escape_html(&b.step));
            h.push_str(r#"</code><span class="trace-build-outcome">"#);
            h.push_str(&escape_html(&label));
            h.push_str("</span></li>");
        }
        h.push_str("</ol>");
    }
    h
}

/// Between the client and dockerd: the Engine API, with how many requests crossed it.
fn api_hop(h: &mut String, crossed: usize) {
    h.push_str(if crossed > 0 {
        r#"<li class="trace-hop trace-api reached" data-hop="api" data-reached="true">"#
    } else {
        r#"<li class="trace-hop trace-api" data-hop="api" data-reached="false">"#
    });
    h.push_str(r#"<span class="trace-api-chip">"#);
    h.push_str(&match crossed {
        0 => format!("API {API_VERSION}: ninguna petición"),
        1 => format!("API {API_VERSION}: 1 petición"),
        n => format!("API {API_VERSION}: {n} peticiones"),
    });
    h.push_str("</span></li>");
}

/// One part of the path, folded (`<details>`) with its explanation and what it did this time.
fn hop_html(h: &mut String, trace: &Trace, arch: &Architecture, hop: Hop) {
    let reached = trace.reaches(hop);
    let part = arch.part(hop);
    h.push_str(if reached { r#"<li class="trace-hop reached" data-hop=""# } else { r#"<li class="trace-hop" data-hop=""# });
    h.push_str(hop.key());
    h.push_str(if reached { r#"" data-reached="true">"# } else { r#"" data-reached="false">"# });
    h.push_str(r#"<details><summary><span class="trace-hop-name">"#);
    h.push_str(&escape_html(part.map_or(hop.key(), |p| p.name.as_str())));
    h.push_str("</span>");
    if !reached {
        h.push_str(r#"<span class="visually-hidden"> (no interviene)</span>"#);
    }
    h.push_str(r#"</summary><div class="trace-hop-body">"#);
    if let Some(p) = part {
        h.push_str(r#"<p class="trace-hop-summary">"#);
        h.push_str(&escape_html(&p.summary));
        // Rendered from Markdown by the lessons crate, raw HTML escaped.
        h.push_str("</p><div>");
        h.push_str(&p.html);
        h.push_str("</div>");
    }
    if reached {
        h.push_str(r#"<p class="trace-hop-did">En este comando:</p><ul>"#);
        let mut actions: Vec<&'static str> = Vec::new();
        if hop == Hop::Cli {
            actions.push(trace.cli_action);
        } else {
            for step in trace.requests.iter().flat_map(|r| r.steps.iter()).filter(|s| s.hop == hop) {
                if !actions.contains(&step.action) {
                    actions.push(step.action);
                }
            }
        }
        for html in actions.iter().filter_map(|a| arch.action(hop, a)) {
            h.push_str("<li>");
            h.push_str(html);
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    } else {
        h.push_str(r#"<p class="trace-hop-did">En este comando no ha intervenido.</p>"#);
    }
    h.push_str("</div></details></li>");
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use simulator::{MemoryProject, Session, SessionConfig};

    fn traces(line: &str) -> Vec<Trace> {
        let mut s = Session::new(SessionConfig::default(), Box::new(MemoryProject::new()));
        s.run_line(line);
        s.last_traces().to_vec()
    }

    fn html(line: &str) -> String {
        let all = traces(line);
        let trace = all.last().unwrap_or_else(|| panic!("no trace for {line}"));
        trace_html(trace, crate::compiled_course::architecture())
    }

    /// The markup the `view!` version rendered (classes, data attributes, hidden words), with the
    /// architecture texts and the command escaped.
    #[test]
    fn a_run_goes_through_every_part() {
        let h = html("docker run -d --name web nginx");
        assert!(h.starts_with(r#"<p class="trace-command"><code>docker run -d --name web nginx</code></p><ol class="trace-path" aria-label="Camino del comando"><li class="trace-hop reached" data-hop="cli" data-reached="true"><details><summary><span class="trace-hop-name">"#), "{h}");
        assert!(h.contains(r#"</details></li><li class="trace-hop trace-api reached" data-hop="api" data-reached="true"><span class="trace-api-chip">API v1.51: "#), "{h}");
        assert!(h.contains(r#"<li class="trace-hop reached" data-hop="containerd" data-reached="true"><details>"#), "{h}");
        assert!(h.contains("El supervisor de los procesos de los contenedores."), "{h}");
        assert!(h.contains(r#"<p class="trace-hop-did">En este comando:</p><ul><li>"#), "{h}");
        assert!(h.contains(r#"<p class="trace-requests-title">Peticiones a la API de Docker Engine:</p><ol class="trace-requests"><li class="trace-request" data-testid="trace-request"><code>"#), "{h}");
        assert_eq!(h.matches("<details>").count(), Hop::ALL.len());
        assert_eq!(h.matches("<li class=\"trace-hop").count(), Hop::ALL.len() + 1);
    }

    #[test]
    fn a_client_only_command_reaches_nothing_else() {
        let h = html("docker --version");
        assert!(h.contains(r#"<li class="trace-hop trace-api" data-hop="api" data-reached="false"><span class="trace-api-chip">API v1.51: ninguna petición</span></li>"#), "{h}");
        assert!(h.contains(r#"<li class="trace-hop" data-hop="dockerd" data-reached="false"><details><summary><span class="trace-hop-name">dockerd</span><span class="visually-hidden"> (no interviene)</span></summary>"#), "{h}");
        assert!(h.contains(r#"<p class="trace-hop-did">En este comando no ha intervenido.</p></div></details></li>"#), "{h}");
        assert!(h.ends_with(r#"</ol><p class="trace-requests-title">Ninguna petición: el cliente lo ha resuelto solo.</p>"#), "{h}");
    }

    #[test]
    fn the_command_is_escaped() {
        let h = html("docker inspect '<b>&x'");
        assert!(h.starts_with(r#"<p class="trace-command"><code>docker inspect &lt;b&gt;&amp;x</code><span class="trace-failed">terminó con error</span></p>"#), "{h}");
        assert!(!h.contains("<b>"), "{h}");
    }
}
