//! The course map (`#/`): modules in order, each with its lessons and progress bars.

use leptos::prelude::*;

use super::progress_bar::ProgressBar;
use super::progress_tools::ProgressTools;
use crate::route::Route;
use crate::saved_progress::use_saved_progress;

#[component]
pub fn CourseMap() -> impl IntoView {
    let course = match crate::compiled_course::course() {
        Ok(course) => course,
        Err(error) => {
            return view! {
                <section class="page-section">
                    <h1>"El curso no se ha podido cargar"</h1>
                    <pre class="course-error">{error.to_string()}</pre>
                </section>
            }
            .into_any();
        }
    };
    let progress = use_saved_progress().progress;
    let course_tally = Signal::derive(move || progress.with(|p| p.course_tally(course)));
    let next_lesson = move || {
        progress.with(|p| {
            course.lessons().iter().find(|l| !p.lesson_tally(l).complete()).or_else(|| course.lessons().first()).cloned()
        })
    };

    let modules = course
        .modules
        .iter()
        .enumerate()
        .map(|(number, module)| {
            let tally = Signal::derive(move || progress.with(|p| p.module_tally(course, module)));
            let lessons = course
                .lessons_in(&module.id)
                .into_iter()
                .map(|lesson| {
                    let lesson_tally = Signal::derive(move || progress.with(|p| p.lesson_tally(lesson)));
                    let done = move || lesson_tally.get().complete();
                    view! {
                        <li class="map-lesson" class:done=done data-testid="map-lesson" data-lesson=lesson.id.clone()>
                            <a class="map-lesson-link" href=Route::Lesson(lesson.id.clone()).href()>
                                <span class="map-lesson-title">{lesson.title.clone()}</span>
                                {lesson.duration.map(|m| view! { <span class="map-lesson-time">{format!("{m} min")}</span> })}
                            </a>
                            <Show when=done>
                                <span class="badge badge-done">"Completada"</span>
                            </Show>
                            <ProgressBar tally=lesson_tally label=format!("Progreso de la lección {}", lesson.title) small=true />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="map-module" aria-labelledby=format!("modulo-{}", module.id) data-testid="map-module">
                    <div class="map-module-head">
                        <p class="map-module-number">{format!("Módulo {}", number + 1)}</p>
                        <h2 id=format!("modulo-{}", module.id)>{module.title.clone()}</h2>
                        {module.description.clone().map(|d| view! { <p class="map-module-description">{d}</p> })}
                        <ProgressBar tally=tally label=format!("Progreso del módulo {}", module.title) />
                    </div>
                    <ol class="map-lessons">{lessons}</ol>
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="course-map" data-testid="course-map">
            <section class="map-hero">
                <h1>{course.title.clone()}</h1>
                <p class="map-intro">
                    "Un curso práctico de Docker: cada lección tiene una terminal con un motor Docker simulado. "
                    "Escribe comandos de verdad y resuelve los ejercicios; tu progreso se guarda en este navegador."
                </p>
                <ProgressBar tally=course_tally label="Progreso del curso" />
                {move || {
                    next_lesson()
                        .map(|lesson| {
                            let started = course_tally.get().done > 0;
                            view! {
                                <a class="button button-primary" href=Route::Lesson(lesson.id.clone()).href() data-testid="continue">
                                    {if started { "Continuar: " } else { "Empezar: " }}
                                    {lesson.title.clone()}
                                </a>
                            }
                        })
                }}
            </section>
            {modules}
            <ProgressTools />
        </div>
    }
    .into_any()
}
