//! The lesson being read, rendered from Markdown by the `lessons` crate.

use leptos::prelude::*;

#[component]
pub fn LessonPane() -> impl IntoView {
    // `render_markdown` escapes any raw HTML in the lesson, so its output is safe to insert as HTML.
    let html = lessons::render_markdown(lessons::WELCOME_LESSON);
    view! {
        <section class="lesson-pane" aria-label="Lección">
            <article class="lesson" data-testid="lesson" inner_html=html></article>
        </section>
    }
}
