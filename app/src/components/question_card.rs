//! One quiz question: single choice (radio buttons), multiple choice (checkboxes), ordering (items
//! moved with "Subir"/"Bajar" buttons, so it works with the keyboard alone) or open text. "Comprobar"
//! grades it with the lessons crate and shows the feedback at once; the answer is saved.

use leptos::prelude::*;
use lessons::quiz::{Kind, Question, QuestionResult, Verdict};
use lessons::Answer;
use wasm_bindgen::JsCast;

use crate::quiz_order;
use crate::saved_progress::use_saved_progress;

#[component]
pub fn QuestionCard(lesson_id: &'static str, question: &'static Question, number: usize) -> impl IntoView {
    let saved = use_saved_progress();
    let group = format!("{lesson_id}-{}", question.id);
    let previous = saved.progress.with_untracked(|p| p.answer(lesson_id, &question.id).map(|a| a.answer.clone()));
    let result = RwSignal::new(previous.as_ref().map(|a| question.grade(Some(a))));

    let single = RwSignal::new(match &previous {
        Some(Answer::Single(id)) => Some(id.clone()),
        _ => None,
    });
    let multiple = RwSignal::new(match &previous {
        Some(Answer::Multiple(ids)) => ids.clone(),
        _ => Vec::new(),
    });
    let order = RwSignal::new(initial_order(question, previous.as_ref(), &group));
    let text = RwSignal::new(match &previous {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    });
    let moved = RwSignal::new(String::new());

    let answer = move || -> Option<Answer> {
        match question.kind {
            Kind::Single => single.get_untracked().map(Answer::Single),
            Kind::Multiple => Some(Answer::Multiple(multiple.get_untracked())),
            Kind::Ordering => Some(Answer::Order(
                order.get_untracked().iter().filter_map(|&i| question.choices.get(i).map(|c| c.id.clone())).collect(),
            )),
            Kind::Open => Some(Answer::Text(text.get_untracked())),
        }
    };
    let check = move |_| {
        let given = answer();
        let graded = question.grade(given.as_ref());
        if let Some(given) = given.filter(|_| graded.verdict != Verdict::Unanswered) {
            let correct = graded.verdict == Verdict::Correct;
            saved.update(|p| p.record_answer(lesson_id, &question.id, given, correct));
        }
        result.set(Some(graded));
    };

    let inputs = match question.kind {
        Kind::Single | Kind::Multiple => {
            let multiple_choice = question.kind == Kind::Multiple;
            question
                .choices
                .iter()
                .map(|choice| {
                    let id = choice.id.clone();
                    let id_for_check = id.clone();
                    let checked = move || {
                        if multiple_choice {
                            multiple.with(|m| m.contains(&id_for_check))
                        } else {
                            single.with(|s| s.as_deref() == Some(id_for_check.as_str()))
                        }
                    };
                    let on_change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        if multiple_choice {
                            multiple.update(|m| {
                                m.retain(|x| x != &id);
                                if on {
                                    m.push(id.clone());
                                }
                            });
                        } else if on {
                            single.set(Some(id.clone()));
                        }
                        result.set(None);
                    };
                    view! {
                        <label class="choice">
                            <input
                                type=if multiple_choice { "checkbox" } else { "radio" }
                                name=group.clone()
                                value=choice.id.clone()
                                prop:checked=checked
                                on:change=on_change
                            />
                            // Option texts are the author's Markdown, rendered and sanitised by the lessons crate.
                            <span class="choice-text" inner_html=choice.text.html.clone()></span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        Kind::Ordering => {
            let total = question.choices.len();
            let group = group.clone();
            view! {
                <p class="question-hint">"Ordena los elementos con los botones «Subir» y «Bajar»."</p>
                <ol class="order-list" data-testid="order-list">
                    <For
                        each=move || order.get()
                        key=|index| *index
                        children=move |index| {
                            let Some(choice) = question.choices.get(index) else { return ().into_any() };
                            let position = move || order.with(|o| o.iter().position(|&x| x == index).unwrap_or(0));
                            let plain = plain_text(&choice.text.markdown);
                            let button_id = |dir: &str| format!("{group}-{index}-{dir}");
                            let up_id = button_id("subir");
                            let down_id = button_id("bajar");
                            let group = group.clone();
                            let plain = plain.clone();
                            let shift = std::rc::Rc::new(move |up: bool| {
                                // Read before writing: a signal cannot be read while it is being updated.
                                let from = position();
                                let mut new_position = None;
                                order.update(|o| new_position = quiz_order::move_item(o, from, up));
                                if let Some(p) = new_position {
                                    result.set(None);
                                    moved.set(format!("«{}» está ahora en la posición {} de {total}.", plain, p + 1));
                                    // Moving re-inserts the item: give the focus back to its button (or the
                                    // other one at the ends of the list).
                                    let (same, other) = if up { ("subir", "bajar") } else { ("bajar", "subir") };
                                    let at_end = if up { p == 0 } else { p + 1 == total };
                                    let id = format!("{group}-{index}-{}", if at_end { other } else { same });
                                    request_animation_frame(move || focus_by_id(&id));
                                }
                            });
                            let shift_down = shift.clone();
                            view! {
                                <li class="order-item" data-testid="order-item" data-item=choice.id.clone()>
                                    <span class="order-position" aria-hidden="true">{move || format!("{}.", position() + 1)}</span>
                                    <span class="order-text" inner_html=choice.text.html.clone()></span>
                                    <span class="order-buttons">
                                        <button
                                            type="button"
                                            class="button button-small"
                                            id=up_id
                                            aria-label=format!("Subir: {}", plain_text(&choice.text.markdown))
                                            disabled=move || position() == 0
                                            on:click=move |_| shift(true)
                                        >
                                            <span aria-hidden="true">"↑ "</span>
                                            "Subir"
                                        </button>
                                        <button
                                            type="button"
                                            class="button button-small"
                                            id=down_id
                                            aria-label=format!("Bajar: {}", plain_text(&choice.text.markdown))
                                            disabled=move || position() + 1 == total
                                            on:click=move |_| shift_down(false)
                                        >
                                            <span aria-hidden="true">"↓ "</span>
                                            "Bajar"
                                        </button>
                                    </span>
                                </li>
                            }
                                .into_any()
                        }
                    />
                </ol>
                <p class="visually-hidden" role="status" data-testid="order-status">{move || moved.get()}</p>
            }
            .into_any()
        }
        Kind::Open => view! {
            <textarea
                class="open-answer"
                rows="4"
                aria-label="Tu respuesta"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    result.set(None);
                }
            ></textarea>
        }
        .into_any(),
    };

    let feedback = move || {
        result.get().map(|r: QuestionResult| {
            let (class, label) = verdict_label(r.verdict);
            // Unanswered: the verdict says it all.
            let shown = if r.verdict == Verdict::Unanswered { &[][..] } else { &r.feedback[..] };
            let paragraphs = shown
                .iter()
                // Feedback is the author's Markdown rendered by the lessons crate (raw HTML escaped).
                .map(|html| view! { <p inner_html=html.clone()></p> })
                .collect_view();
            view! {
                <div class=format!("feedback {class}") data-verdict=class>
                    <p class="feedback-verdict">{label}</p>
                    {paragraphs}
                </div>
            }
        })
    };

    view! {
        <fieldset class="question" data-testid="question" data-question=question.id.clone() data-kind=kind_name(question.kind)>
            <legend>
                <span class="question-number">{format!("Pregunta {number}")}</span>
                // The prompt is the author's Markdown, rendered and sanitised by the lessons crate.
                <span class="question-prompt" inner_html=question.prompt.html.clone()></span>
            </legend>
            <div class="choices">{inputs}</div>
            <div class="button-row">
                <button type="button" class="button" data-testid="question-check" on:click=check>
                    {if question.kind == Kind::Open { "Guardar la respuesta" } else { "Comprobar" }}
                </button>
            </div>
            <div class="feedback-live" role="status" data-testid="question-feedback">
                {feedback}
            </div>
        </fieldset>
    }
}

/// The learner's saved order, else a shuffled one (never the correct order).
fn initial_order(question: &Question, previous: Option<&Answer>, seed_text: &str) -> Vec<usize> {
    let n = question.choices.len();
    if let Some(Answer::Order(ids)) = previous {
        let order: Vec<usize> = ids.iter().filter_map(|id| question.choices.iter().position(|c| &c.id == id)).collect();
        let mut sorted = order.clone();
        simulator::sort::sort(&mut sorted);
        if sorted == (0..n).collect::<Vec<_>>() {
            return order;
        }
    }
    quiz_order::shuffled(n, quiz_order::seed_of(seed_text))
}

fn verdict_label(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Correct => ("correcta", "¡Correcto!"),
        Verdict::Partial => ("parcial", "Casi: parcialmente correcto."),
        Verdict::Incorrect => ("incorrecta", "No es correcto."),
        Verdict::Unanswered => ("sin-responder", "Elige una respuesta antes de comprobar."),
        Verdict::Pending => ("pendiente", "Respuesta guardada: la corregirá el equipo docente."),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Single => "unica",
        Kind::Multiple => "multiple",
        Kind::Ordering => "ordenar",
        Kind::Open => "abierta",
    }
}

/// A label from an option's Markdown: without backticks and asterisks.
fn plain_text(markdown: &str) -> String {
    markdown.chars().filter(|c| !matches!(c, '`' | '*')).collect()
}

fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
