//! An exercise in the lesson: what to do, a button that puts it in the terminal, its goal checked
//! after every command, hints one at a time, the solution after a confirmation, undo and reset.

use leptos::html::Button;
use leptos::prelude::*;
use lessons::Exercise;

use crate::saved_progress::use_saved_progress;
use crate::terminal_control::TerminalControl;

/// Where the reference solution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Solution {
    Hidden,
    /// "¿Seguro?" is on screen.
    Confirming,
    Shown,
}

#[component]
pub fn ExerciseCard(exercise: &'static Exercise, control: TerminalControl) -> impl IntoView {
    let saved = use_saved_progress();
    let key = exercise.key();
    let dom_id = format!("ejercicio-{}-{}", exercise.lesson_id, exercise.id);
    let active = Memo::new({
        let key = key.clone();
        move |_| control.exercise.with(|e| e.as_ref().is_some_and(|r| r.key == key))
    });
    let solved = Memo::new(move |_| saved.progress.with(|p| p.is_solved(&exercise.lesson_id, &exercise.id)));
    let hints_shown = RwSignal::new(0usize);
    let solution = RwSignal::new(Solution::Hidden);
    let confirm_ref = NodeRef::<Button>::new();
    let ask_ref = NodeRef::<Button>::new();

    let start = move |_| {
        control.start_exercise(exercise);
        control.request_focus();
    };
    let next_hint = move |_: leptos::ev::MouseEvent| hints_shown.update(|n| *n = (*n + 1).min(exercise.hints.len()));
    let ask_solution = move |_| {
        solution.set(Solution::Confirming);
        request_animation_frame(move || {
            if let Some(b) = confirm_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let show_solution = move |_| {
        solution.set(Solution::Shown);
        saved.update(|p| p.mark_solution_seen(&exercise.lesson_id, &exercise.id));
    };
    let cancel_solution = move |_| {
        solution.set(Solution::Hidden);
        request_animation_frame(move || {
            if let Some(b) = ask_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };

    let rules = (!exercise.restrictions.is_empty()).then(|| {
        let list = exercise
            .restrictions
            .iter()
            .enumerate()
            .map(|(i, r)| view! { {if i > 0 { ", " } else { "" }} <code>{r.text.clone()}</code> })
            .collect_view();
        view! { <p class="exercise-rules">"En este ejercicio no puedes usar: " {list} "."</p> }
    });

    let goal = move || {
        control.exercise.with(|report| {
            let parts = report.as_ref().filter(|_| active.get()).map(|r| r.status.parts.clone()).unwrap_or_default();
            parts
                .into_iter()
                .map(|part| {
                    let met = part.satisfied;
                    view! {
                        <li class="goal-part" class:met=met data-met=if met { "true" } else { "false" }>
                            <span class="goal-mark" aria-hidden="true">{if met { "✓" } else { "○" }}</span>
                            <span class="visually-hidden">{if met { "Cumplido: " } else { "Pendiente: " }}</span>
                            // Goal descriptions and details are Markdown rendered by the lessons crate
                            // (raw HTML escaped).
                            <span class="goal-text">
                                <span inner_html=lessons::goal_text_html(&part.description)></span>
                                {part.detail.map(|d| view! { <span class="goal-detail" inner_html=lessons::goal_text_html(&d)></span> })}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let hints = move || {
        let shown = hints_shown.get();
        let items = exercise
            .hints
            .iter()
            .take(shown)
            .map(|h| view! { <li inner_html=h.html.clone()></li> })
            .collect_view();
        let total = exercise.hints.len();
        view! {
            {(shown > 0).then(|| view! { <ol class="hint-list" data-testid="hints" aria-label="Pistas">{items}</ol> })}
            <button
                type="button"
                class="button button-quiet"
                data-testid="exercise-hint"
                disabled={shown >= total}
                on:click=next_hint
            >
                {if shown >= total {
                    "No hay más pistas".to_string()
                } else if shown == 0 {
                    format!("Ver una pista (1 de {total})")
                } else {
                    format!("Otra pista ({} de {total})", shown + 1)
                }}
            </button>
        }
    };

    view! {
        <section
            class="exercise-card"
            class:active=move || active.get()
            class:solved=move || solved.get()
            id=dom_id.clone()
            data-testid="exercise"
            data-exercise=exercise.id.clone()
            data-solved=move || if solved.get() { "true" } else { "false" }
            aria-labelledby=format!("{dom_id}-titulo")
        >
            <div class="exercise-head">
                <p class="exercise-kicker">"Ejercicio"</p>
                <h3 id=format!("{dom_id}-titulo")>{exercise.title.clone()}</h3>
                <Show when=move || solved.get()>
                    <span class="badge badge-done" data-testid="exercise-solved">
                        <span aria-hidden="true">"✓ "</span>
                        "Resuelto"
                    </span>
                </Show>
            </div>
            // The statement is the author's Markdown, rendered and sanitised by the lessons crate.
            <div class="exercise-statement" inner_html=exercise.statement.html.clone()></div>
            {rules}
            <Show
                when=move || active.get()
                fallback=move || {
                    view! {
                        <div class="button-row">
                            <button type="button" class="button button-primary" data-testid="exercise-start" on:click=start>
                                {move || if solved.get() { "Repetir el ejercicio" } else { "Empezar el ejercicio" }}
                            </button>
                        </div>
                    }
                }
            >
                <p class="exercise-active-note">
                    "La terminal tiene el estado inicial del ejercicio: escribe allí tus comandos. "
                    "El objetivo se comprueba después de cada uno."
                </p>
                <h4 class="goal-title">"Objetivo"</h4>
                <ul class="goal-list" data-testid="goal-list">{goal}</ul>
                <div class="button-row">
                    <button type="button" class="button" data-testid="exercise-undo" on:click=move |_| control.undo()>
                        "Deshacer el último comando"
                    </button>
                    <button type="button" class="button" data-testid="exercise-reset" on:click=move |_| control.reset()>
                        "Reiniciar el ejercicio"
                    </button>
                    <button type="button" class="button button-quiet" on:click=move |_| control.request_focus()>
                        "Ir a la terminal"
                    </button>
                </div>
            </Show>
            <div class="exercise-help">
                {hints}
                {move || match solution.get() {
                    Solution::Hidden => {
                        view! {
                            <button type="button" class="button button-quiet" data-testid="exercise-ask-solution" node_ref=ask_ref on:click=ask_solution>
                                "Ver la solución"
                            </button>
                        }
                            .into_any()
                    }
                    Solution::Confirming => {
                        view! {
                            <div class="confirm" role="group" aria-labelledby=format!("{}-confirmar", exercise.id)>
                                <p id=format!("{}-confirmar", exercise.id)>
                                    "¿Seguro que quieres ver la solución? Intentarlo un poco más, con las pistas, es la mejor forma de aprender."
                                </p>
                                <div class="button-row">
                                    <button type="button" class="button button-primary" data-testid="exercise-confirm-solution" node_ref=confirm_ref on:click=show_solution>
                                        "Sí, ver la solución"
                                    </button>
                                    <button type="button" class="button" on:click=cancel_solution>
                                        "Cancelar"
                                    </button>
                                </div>
                            </div>
                        }
                            .into_any()
                    }
                    Solution::Shown => {
                        view! {
                            <div class="solution" data-testid="exercise-solution">
                                <p class="solution-title">"Una solución:"</p>
                                <pre class="code-block"><code>{exercise.solution.join("\n")}</code></pre>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}
