//! A lesson (`#/leccion/<id>`): the rendered lesson, with its exercise cards and quiz, beside the
//! terminal and the explanation of the last error.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use lessons::{Lesson, Segment};
use wasm_bindgen::JsCast;

use super::editor::Editor;
use super::engine_panel::EnginePanel;
use super::exercise_card::ExerciseCard;
use super::explanation_panel::ExplanationPanel;
use super::not_found_page::NotFoundPage;
use super::quiz_card::QuizCard;
use super::terminal::Terminal;
use crate::browser_clock;
use crate::lesson_html::{split_after_title, with_block_actions};
use crate::project_files::snippet_path;
use crate::navigation::use_navigation;
use crate::route::Route;
use crate::sandbox_link::SandboxState;
use crate::saved_progress::use_saved_progress;
use crate::terminal_control::TerminalControl;

#[component]
pub fn LessonPage(id: String) -> impl IntoView {
    let Some(lesson) = crate::compiled_course::course().ok().and_then(|c| c.lesson(&id)) else {
        return view! { <NotFoundPage address=Route::Lesson(id).href() /> }.into_any();
    };
    let saved = use_saved_progress();
    let navigation = use_navigation();
    let now_ms = || browser_clock::now().0 / 1_000_000;
    if saved.progress.with_untracked(|p| p.lesson(&lesson.id).and_then(|l| l.visited_at).is_none()) {
        saved.update(|p| p.mark_visited(&lesson.id, now_ms()));
    }

    let control = TerminalControl::new(Some(saved));
    control.on_report(move |report| {
        let Some(exercise) = report.exercise.as_ref().filter(|e| e.just_solved) else { return };
        let Some((lesson_id, exercise_id)) = exercise.key.split_once('/') else { return };
        saved.update(|p| p.mark_solved(lesson_id, exercise_id, now_ms()));
        let title = lesson.exercise(exercise_id).map(|e| e.title.clone()).unwrap_or_default();
        control.message.set(Some(format!("¡Conseguido! Has resuelto el ejercicio «{title}». Tu progreso está guardado.")));
    });

    // After moving here from another page, the keyboard focus goes to the lesson's title.
    if navigation.navigated.get_untracked() {
        request_animation_frame(move || navigation.focus_main());
    }

    // The project editor, shown on demand (or by "Abrir en el editor").
    let editor_open = RwSignal::new(false);
    let open_request = RwSignal::new(None::<String>);

    // "Ejecutar" and "Abrir en el editor" buttons (added to the lesson HTML) and in-page anchors,
    // by delegation.
    let on_lesson_click = move |ev: MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if let Some(button) = target.closest("button.open-editor-button").ok().flatten() {
            let index = button.get_attribute("data-snippet").and_then(|i| i.parse::<usize>().ok());
            if let Some(snippet) = index.and_then(|i| lesson.snippets.get(i)) {
                let path = snippet_path(&snippet.lang, snippet.name.as_deref());
                match control.write_file(&path, &snippet.code) {
                    Ok(()) => {
                        editor_open.set(true);
                        open_request.set(Some(path));
                        request_animation_frame(|| {
                            if let Some(el) = document().query_selector(".editor-input").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                let _ = el.focus();
                            }
                        });
                    }
                    Err(message) => control.message.set(Some(message)),
                }
            }
            return;
        }
        if let Some(button) = target.closest("button.run-button").ok().flatten() {
            let index = button.get_attribute("data-example").and_then(|i| i.parse::<usize>().ok());
            if let Some(example) = index.and_then(|i| lesson.examples.get(i)) {
                control.run_lines(&example.commands);
            }
            return;
        }
        // `#anchor` links scroll without replacing the lesson's address.
        if let Some(link) = target.closest("a[href^='#']").ok().flatten() {
            let href = link.get_attribute("href").unwrap_or_default();
            if !href.starts_with("#/") {
                ev.prevent_default();
                if let Some(el) = document().get_element_by_id(href.trim_start_matches('#')) {
                    el.scroll_into_view();
                }
            }
        }
    };

    view! {
        <div class="lesson-layout" data-testid="lesson-page" data-lesson=lesson.id.clone()>
            <a class="skip-link" href="#terminal" on:click=move |ev| {
                ev.prevent_default();
                control.request_focus();
            }>"Ir a la terminal"</a>
            <section class="lesson-pane" aria-label="Lección">
                <nav class="breadcrumbs" aria-label="Estás en">
                    <a href=Route::CourseMap.href()>"Curso"</a>
                    <span aria-hidden="true">" › "</span>
                    <span>{module_title(lesson)}</span>
                </nav>
                <article class="lesson" data-testid="lesson" on:click=on_lesson_click>
                    {body(lesson, control)}
                    <LessonFooter lesson=lesson />
                </article>
            </section>
            <div class="practice-pane">
                <Terminal control=control autofocus=!navigation.navigated.get_untracked() />
                <button
                    type="button"
                    class="button button-quiet button-small editor-toggle"
                    data-testid="editor-toggle"
                    aria-expanded=move || if editor_open.get() { "true" } else { "false" }
                    on:click=move |_| editor_open.update(|o| *o = !*o)
                >
                    {move || if editor_open.get() { "Cerrar el editor del proyecto" } else { "Abrir el editor del proyecto" }}
                </button>
                <Show when=move || editor_open.get()>
                    <Editor control=control open_request=open_request />
                </Show>
                <ExplanationPanel control=control />
                <EnginePanel control=control />
            </div>
        </div>
    }
    .into_any()
}

fn module_title(lesson: &Lesson) -> String {
    crate::compiled_course::course().ok().and_then(|c| c.module(&lesson.module)).map(|m| m.title.clone()).unwrap_or_default()
}

/// The lesson's segments: HTML (with "Ejecutar" buttons and, after the title, the objectives),
/// exercise cards and the quiz.
fn body(lesson: &'static Lesson, control: TerminalControl) -> impl IntoView {
    // "Abrir en el sandbox": the example's commands, replayed in a fresh sandbox.
    let sandbox_href = move |index: usize| {
        let example = lesson.examples.iter().find(|e| e.index == index)?;
        let state = SandboxState { seed: 1, files: Vec::new(), lines: example.commands.clone() };
        Some(Route::Sandbox(Some(state.encode())).href())
    };
    lesson
        .segments
        .iter()
        .enumerate()
        .map(|(i, segment)| match segment {
            // The lessons crate sanitises lesson HTML (raw HTML escaped, unsafe links removed).
            Segment::Html(html) if i == 0 => {
                let html = with_block_actions(html, &sandbox_href);
                let (head, rest) = split_after_title(&html);
                view! {
                    <div class="lesson-part" inner_html=head.to_string()></div>
                    <LessonObjectives lesson=lesson />
                    <div class="lesson-part" inner_html=rest.to_string()></div>
                }
                .into_any()
            }
            Segment::Html(html) => view! { <div class="lesson-part" inner_html=with_block_actions(html, &sandbox_href)></div> }.into_any(),
            Segment::Exercise(id) => match lesson.exercise(id) {
                Some(exercise) => view! { <ExerciseCard exercise=exercise control=control /> }.into_any(),
                None => ().into_any(),
            },
            Segment::Quiz => match &lesson.quiz {
                Some(quiz) => view! { <QuizCard lesson_id=lesson.id.as_str() quiz=quiz /> }.into_any(),
                None => ().into_any(),
            },
        })
        .collect_view()
}

#[component]
fn LessonObjectives(lesson: &'static Lesson) -> impl IntoView {
    (!lesson.objectives.is_empty()).then(|| {
        let items = lesson
            .objectives_html
            .iter()
            // Objectives are the author's Markdown, rendered (and sanitised) at build time.
            .map(|o| view! { <li inner_html=o.clone()></li> })
            .collect_view();
        view! {
            <aside class="lesson-objectives" aria-label="Objetivos de la lección">
                <p class="lesson-objectives-title">
                    "En esta lección aprenderás a:"
                    {lesson.duration.map(|m| view! { <span class="lesson-duration">{format!("unos {m} minutos")}</span> })}
                </p>
                <ul>{items}</ul>
            </aside>
        }
    })
}

#[component]
fn LessonFooter(lesson: &'static Lesson) -> impl IntoView {
    let course = crate::compiled_course::course().ok();
    let previous = course.and_then(|c| c.previous(&lesson.id));
    let next = course.and_then(|c| c.next(&lesson.id));
    view! {
        <nav class="lesson-footer" aria-label="Otras lecciones">
            {previous
                .map(|l| {
                    view! {
                        <a class="lesson-nav lesson-nav-previous" href=Route::Lesson(l.id.clone()).href() rel="prev">
                            <span class="lesson-nav-label">"Anterior"</span>
                            <span>{l.title.clone()}</span>
                        </a>
                    }
                })}
            <a class="lesson-nav lesson-nav-map" href=Route::CourseMap.href()>
                "Mapa del curso"
            </a>
            {next
                .map(|l| {
                    view! {
                        <a class="lesson-nav lesson-nav-next" href=Route::Lesson(l.id.clone()).href() rel="next" data-testid="next-lesson">
                            <span class="lesson-nav-label">"Siguiente"</span>
                            <span>{l.title.clone()}</span>
                        </a>
                    }
                })}
        </nav>
    }
}
