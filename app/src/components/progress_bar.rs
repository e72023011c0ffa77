//! A progress bar with its percentage, for a lesson, a module or the whole course.

use leptos::prelude::*;

use crate::progress::Tally;

#[component]
pub fn ProgressBar(
    #[prop(into)] tally: Signal<Tally>,
    /// What the bar measures, for screen readers ("Progreso del módulo Imágenes").
    #[prop(into)]
    label: String,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let percent = move || tally.get().percent();
    view! {
        <div class="progress" class:progress-small=small data-testid="progress">
            <div
                class="progress-track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || percent().to_string()
                aria-valuetext=move || {
                    let t = tally.get();
                    format!("{} % ({} de {})", t.percent(), t.done, t.total)
                }
            >
                <div class="progress-fill" style:width=move || format!("{}%", percent())></div>
            </div>
            <span class="progress-value" aria-hidden="true">{move || format!("{} %", percent())}</span>
        </div>
    }
}
