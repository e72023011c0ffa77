//! The page: header, then the lesson beside (or above, on a phone) the terminal.

use leptos::prelude::*;

use super::lesson_pane::LessonPane;
use super::site_header::SiteHeader;
use super::terminal::Terminal;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="app">
            <SiteHeader />
            <main class="workspace">
                <LessonPane />
                <Terminal />
            </main>
        </div>
    }
}
