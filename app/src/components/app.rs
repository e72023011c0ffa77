//! The page: header, a message about stored progress if there is one, and the page of the current
//! address (`#/` course map, `#/leccion/<id>`, `#/ayuda`).

use leptos::prelude::*;

use super::course_map::CourseMap;
use super::help_page::HelpPage;
use super::lesson_page::LessonPage;
use super::not_found_page::NotFoundPage;
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
            Route::Lesson(id) => lessons::Course::shared().ok().and_then(|c| c.lesson(id)).map(|l| l.title.clone()),
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
                {move || match route.get() {
                    Route::CourseMap => view! { <CourseMap /> }.into_any(),
                    Route::Lesson(id) => view! { <LessonPage id=id /> }.into_any(),
                    Route::Help => view! { <HelpPage /> }.into_any(),
                    Route::NotFound(address) => view! { <NotFoundPage address=address /> }.into_any(),
                }}
            </main>
        </div>
    }
}
