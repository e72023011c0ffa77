//! An address that leads nowhere: say so, in Spanish, and offer the way back.

use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn NotFoundPage(
    /// The address as asked for (shown as text).
    address: String,
) -> impl IntoView {
    view! {
        <section class="page-section not-found" data-testid="not-found">
            <h1>"No encontramos esa página"</h1>
            <p>"La dirección " <code>{address}</code> " no corresponde a ninguna lección ni página de Muelle."</p>
            <p>
                <a class="button button-primary" href=Route::CourseMap.href()>"Ir al mapa del curso"</a>
            </p>
        </section>
    }
}
