//! Above the terminal's screen: which exercise the terminal is running and how far its goal is,
//! the way back to the free terminal, and a quiet message when the goal is met.

use leptos::prelude::*;

use crate::terminal_control::TerminalControl;

#[component]
pub fn ExerciseBar(control: TerminalControl) -> impl IntoView {
    let title = move || {
        control.exercise.with(|e| {
            e.as_ref().and_then(|r| crate::compiled_course::course().ok()?.exercise(&r.key)).map(|ex| ex.title.clone())
        })
    };
    let tally = move || {
        control.exercise.with(|e| {
            e.as_ref().map(|r| (r.status.parts.iter().filter(|p| p.satisfied).count(), r.status.parts.len(), r.status.satisfied))
        })
    };
    let leave = move |_| {
        control.leave_exercise();
        control.request_focus();
    };
    view! {
        <div class="exercise-bar-wrap">
            {move || {
                title()
                    .map(|title| {
                        view! {
                            <div class="exercise-bar" data-testid="exercise-bar">
                                <span class="exercise-bar-label">"Ejercicio:"</span>
                                <span class="exercise-bar-title">{title}</span>
                                {tally()
                                    .map(|(met, total, done)| {
                                        view! {
                                            <span class="exercise-bar-tally" class:done=done data-testid="exercise-bar-tally">
                                                {if done { "objetivo cumplido".to_string() } else { format!("{met} de {total} condiciones") }}
                                            </span>
                                        }
                                    })}
                                <button type="button" class="terminal-button" data-testid="exercise-leave" on:click=leave>
                                    "Salir del ejercicio"
                                </button>
                            </div>
                        }
                    })
            }}
            <p class="exercise-message" role="status" data-testid="exercise-message">
                {move || control.message.get()}
            </p>
        </div>
    }
}
