//! The course name and what it is.

use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header" data-testid="site-header">
            <div class="brand">
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <rect x="1" y="1" width="30" height="30" rx="7" class="brand-mark-bg" />
                    <rect x="7" y="9" width="5" height="5" rx="1" class="brand-mark-box" />
                    <rect x="13.5" y="9" width="5" height="5" rx="1" class="brand-mark-box" />
                    <rect x="20" y="9" width="5" height="5" rx="1" class="brand-mark-box" />
                    <rect x="10" y="15.5" width="5" height="5" rx="1" class="brand-mark-box" />
                    <rect x="16.5" y="15.5" width="5" height="5" rx="1" class="brand-mark-box" />
                    <path d="M4 25 q3 -2.5 6 0 t6 0 t6 0 t6 0" class="brand-mark-wave" />
                </svg>
                <div class="brand-text">
                    <h1 class="brand-name">"Muelle"</h1>
                    <p class="brand-tagline">"Aprende Docker practicando, directamente en tu navegador"</p>
                </div>
            </div>
            <p class="site-header-note">"Motor Docker simulado · nada se instala en tu equipo"</p>
        </header>
    }
}
