//! The engine panel: reads the session's snapshot and traces after every change of the terminal
//! (a command, a foreground command's output, an exercise starting), shows them as a diagram or as
//! text, and announces what changed in a polite live region.

use leptos::prelude::*;
use simulator::snapshot::Snapshot;
use simulator::trace::Trace;

use super::changes;
use super::container_card::ContainerCard;
use super::image_stack::ImageStack;
use super::resource_list::ResourceList;
use super::text_view::TextView;
use super::trace_strip::TraceStrip;
use super::Highlight;
use crate::terminal_control::TerminalControl;

/// Below this width the panel starts folded under the terminal.
const NARROW: &str = "(max-width: 899px)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Diagram,
    Text,
}

#[component]
pub fn EnginePanel(control: TerminalControl) -> impl IntoView {
    let snapshot = RwSignal::new(Snapshot::default());
    let traces = RwSignal::new(Vec::<Trace>::new());
    let announcement = RwSignal::new(String::new());
    let mode = RwSignal::new(Mode::Diagram);
    let open = RwSignal::new(!is_narrow());
    let highlight = Highlight(RwSignal::new(None));

    // The screen changes after everything the session does: read the engine again then.
    Effect::new(move |ran: Option<()>| {
        control.screen.track();
        let Some((now, latest)) = control.with_session(|s| (s.snapshot(), s.last_traces().to_vec())) else { return };
        if snapshot.with_untracked(|before| *before != now) {
            // Nothing is announced for the state the page opens with.
            if ran.is_some() {
                if let Some(text) = snapshot.with_untracked(|before| changes::announcement(before, &now)) {
                    announcement.set(text);
                }
            }
            snapshot.set(now);
        }
        // A line without docker commands keeps the last trace on screen.
        if !latest.is_empty() && traces.with_untracked(|t| *t != latest) {
            traces.set(latest);
        }
    });

    let mode_button = move |m: Mode, label: &'static str, testid: &'static str| {
        view! {
            <button
                type="button"
                class="engine-mode"
                data-testid=testid
                aria-pressed=move || if mode.get() == m { "true" } else { "false" }
                on:click=move |_| mode.set(m)
            >
                {label}
            </button>
        }
    };

    let diagram = move || {
        view! {
            <div class="engine-diagram-view" data-testid="engine-diagram">
                <section class="engine-section" aria-labelledby="motor-contenedores">
                    <h3 id="motor-contenedores" class="engine-section-title">"Contenedores"</h3>
                    <Show when=move || snapshot.with(|s| s.containers.is_empty())>
                        <p class="engine-empty">"Todavía no hay contenedores. Prueba con " <code>"docker run"</code> "."</p>
                    </Show>
                    <ul class="engine-cards">
                        <For
                            each=move || snapshot.with(|s| s.containers.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
                            key=|id| id.clone()
                            children=move |id| view! { <ContainerCard id=id snapshot=snapshot highlight=highlight /> }
                        />
                    </ul>
                </section>
                <section class="engine-section" aria-labelledby="motor-imagenes">
                    <h3 id="motor-imagenes" class="engine-section-title">"Imágenes"</h3>
                    <Show when=move || snapshot.with(|s| s.images.is_empty())>
                        <p class="engine-empty">"Todavía no hay imágenes locales."</p>
                    </Show>
                    <ul class="engine-images">
                        <For
                            each=move || snapshot.with(|s| s.images.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                            key=|id| id.clone()
                            children=move |id| view! { <ImageStack id=id snapshot=snapshot highlight=highlight /> }
                        />
                    </ul>
                </section>
                <ResourceList snapshot=snapshot highlight=highlight />
            </div>
        }
    };

    view! {
        <section class="engine-panel" aria-labelledby="motor-titulo" data-testid="engine-panel">
            <div class="engine-panel-bar">
                <h2 id="motor-titulo" class="engine-panel-title">"Dentro del motor"</h2>
                <div class="engine-modes" role="group" aria-label="Cómo ver el motor">
                    {mode_button(Mode::Diagram, "Diagrama", "engine-mode-diagram")}
                    {mode_button(Mode::Text, "Texto", "engine-mode-text")}
                </div>
                <button
                    type="button"
                    class="engine-fold"
                    data-testid="engine-fold"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="motor-contenido"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Ocultar" } else { "Mostrar" }}
                </button>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="engine-announcer">
                {move || announcement.get()}
            </p>
            <div id="motor-contenido" class="engine-panel-body" hidden=move || !open.get()>
                <TraceStrip traces=traces />
                {move || match mode.get() {
                    Mode::Diagram => diagram().into_any(),
                    Mode::Text => view! { <TextView snapshot=snapshot /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// True on a phone or a narrow window.
fn is_narrow() -> bool {
    window().match_media(NARROW).ok().flatten().is_some_and(|m| m.matches())
}
