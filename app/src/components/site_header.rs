//! The course name, the main links (course map, sandbox, help) and the theme toggle.

use leptos::prelude::*;

use super::theme_toggle::ThemeToggle;
use crate::navigation::use_navigation;
use crate::route::Route;

/// The logo and the course's name: static markup, set as text (less rendering code than `view!`).
const BRAND_HTML: &str = concat!(
    r#"<svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">"#,
    r#"<rect x="1" y="1" width="30" height="30" rx="7" class="brand-mark-bg"/>"#,
    r#"<rect x="7" y="9" width="5" height="5" rx="1" class="brand-mark-box"/>"#,
    r#"<rect x="13.5" y="9" width="5" height="5" rx="1" class="brand-mark-box"/>"#,
    r#"<rect x="20" y="9" width="5" height="5" rx="1" class="brand-mark-box"/>"#,
    r#"<rect x="10" y="15.5" width="5" height="5" rx="1" class="brand-mark-box"/>"#,
    r#"<rect x="16.5" y="15.5" width="5" height="5" rx="1" class="brand-mark-box"/>"#,
    r#"<path d="M4 25 q3 -2.5 6 0 t6 0 t6 0 t6 0" class="brand-mark-wave"/>"#,
    "</svg>",
    r#"<span class="brand-text"><span class="brand-name">Muelle</span>"#,
    r#"<span class="brand-tagline">Aprende Docker practicando, en tu navegador</span></span>"#,
);

#[component]
pub fn SiteHeader() -> impl IntoView {
    let route = use_navigation().route;
    let current = move |page: Route| {
        move || {
            let here = route.get();
            let same = match (&here, &page) {
                (Route::Lesson(_), Route::CourseMap) => true,
                (Route::Sandbox(_), Route::Sandbox(_)) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        }
    };
    view! {
        <header class="site-header" data-testid="site-header">
            <a class="brand" href=Route::CourseMap.href() aria-label="Muelle: ir al mapa del curso" inner_html=BRAND_HTML></a>
            <nav class="site-nav" aria-label="Principal">
                <a href=Route::CourseMap.href() aria-current=current(Route::CourseMap)>"Curso"</a>
                <a href=Route::Sandbox(None).href() aria-current=current(Route::Sandbox(None))>"Sandbox"</a>
                <a href=Route::Help.href() aria-current=current(Route::Help)>"Ayuda"</a>
                <ThemeToggle />
            </nav>
        </header>
    }
}
