//! `#/prueba-de-fallo`: a page that fails on purpose, so the browser tests can check that a failure
//! shows the recovery message (and keeps the progress) instead of a blank page.

use leptos::prelude::*;

#[component]
#[allow(clippy::panic)]
pub fn FaultDrill() -> impl IntoView {
    // Deferred, so the failure happens in a running app (as a real bug would), not while mounting.
    request_animation_frame(|| panic!("prueba de fallo: esta página falla a propósito"));
    view! {
        <section class="page-section">
            <h1>"Prueba de fallo"</h1>
            <p>"Esta página falla a propósito para comprobar que Muelle se recupera."</p>
        </section>
    }
}
