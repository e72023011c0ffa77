//! The page: header, a message about stored progress if there is one, and the page of the current
//! address (`#/` course map, `#/leccion/<id>`, `#/ayuda`, `#/sandbox`). The page sits in an
//! `ErrorBoundary`: a component that returns an error shows a Spanish message with "Recargar"
//! (panics are caught by [`crate::crash_screen`]).

use leptos::prelude::*;

use super::course_map::CourseMap;
use super::fault_drill::FaultDrill;
use super::help_page::HelpPage;
use super::lesson_page::LessonPage;
use super::not_found_page::NotFoundPage;
use super::sandbox_page::SandboxPage;
use super::site_header::SiteHeader;
use super::storage_notice::StorageNotice;
use crate::navigation::Navigation;
use crate::route::Route;
use crate::saved_progress::SavedProgress;

#[component]
pub fn App() -> impl IntoView {
    let saved = SavedProgress::open();
    provide_context(saved);
    let navigation = Navigation::start();
    provide_context(navigation);
    let route = navigation.route;

    // The document title follows the page.
    Effect::new(move |_| {
        let current = route.get();
        let lesson_title = match &current {
            Route::Lesson(id) => crate::compiled_course::course().ok().and_then(|c| c.lesson(id)).map(|l| l.title.clone()),
            _ => None,
        };
        document().set_title(&current.document_title(lesson_title.as_deref()));
    });

    view! {
        <div class="app">
            <a class="skip-link" href="#contenido" on:click=move |ev| {
                ev.prevent_default();
                navigation.focus_main();
            }>"Saltar al contenido"</a>
            <SiteHeader />
            <StorageNotice />
            <main id="contenido" class="page" tabindex="-1">
                <ErrorBoundary fallback=|errors| {
                    view! {
                        <section class="page-section page-error" role="alert" data-testid="page-error">
                            <h1>"Esta página no se ha podido mostrar"</h1>
                            <p>"Algo ha fallado al preparar esta página. Tu progreso está guardado y no se ha tocado."</p>
                            <ul>
                                {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                            </ul>
                            <p>
                                <button type="button" class="button button-primary" on:click=|_| {
                                    let _ = window().location().reload();
                                }>"Recargar"</button>
                                " "
                                <a class="button button-quiet" href=Route::CourseMap.href()>"Ir al mapa del curso"</a>
                            </p>
                        </section>
                    }
                }>
                    {move || match route.get() {
                        Route::CourseMap => view! { <CourseMap /> }.into_any(),
                        Route::Lesson(id) => view! { <LessonPage id=id /> }.into_any(),
                        Route::Help => view! { <HelpPage /> }.into_any(),
                        Route::Sandbox(state) => view! { <SandboxPage state=state /> }.into_any(),
                        Route::FaultDrill => view! { <FaultDrill /> }.into_any(),
                        Route::NotFound(address) => view! { <NotFoundPage address=address /> }.into_any(),
                    }}
                </ErrorBoundary>
            </main>
        </div>
    }
}
