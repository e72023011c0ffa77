//! A container's lifecycle as a small diagram: created, running, paused, restarting, exited, dead,
//! with the current state highlighted (decorative: the card says the state in words).

use leptos::prelude::*;
use simulator::ContainerState;

use super::changes::state_label;

/// (state, x, y, width) of each node, in a 300 × 110 drawing.
const NODES: [(ContainerState, u32, u32, u32); 6] = [
    (ContainerState::Created, 2, 44, 66),
    (ContainerState::Running, 108, 44, 84),
    (ContainerState::Paused, 108, 4, 84),
    (ContainerState::Restarting, 108, 84, 84),
    (ContainerState::Exited, 230, 44, 68),
    (ContainerState::Dead, 230, 84, 68),
];

/// The transitions Docker allows, as lines between node edges.
const EDGES: [(u32, u32, u32, u32); 5] = [
    (68, 55, 108, 55),   // created → running (start)
    (150, 44, 150, 26),  // running ⇄ paused
    (150, 66, 150, 84),  // running ⇄ restarting
    (192, 55, 230, 55),  // running ⇄ exited
    (264, 66, 264, 84),  // exited → dead
];

#[component]
pub fn StateDiagram(state: Memo<Option<ContainerState>>) -> impl IntoView {
    let edges = EDGES
        .iter()
        .map(|&(x1, y1, x2, y2)| view! { <line class="diagram-edge" x1=x1 y1=y1 x2=x2 y2=y2></line> })
        .collect_view();
    let nodes = NODES
        .iter()
        .map(|&(s, x, y, w)| {
            view! {
                <g class="diagram-node" class:current=move || state.get() == Some(s) data-node=s.as_str()>
                    <rect x=x y=y width=w height=22 rx=11></rect>
                    <text x=x + w / 2 y=y + 15 text-anchor="middle">{state_label(s)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="engine-diagram" viewBox="0 0 300 110" aria-hidden="true" focusable="false">
            {edges}
            {nodes}
        </svg>
    }
}
