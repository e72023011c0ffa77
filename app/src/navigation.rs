//! The current address as a signal, following `hashchange` (links, back and forward), and where the
//! keyboard focus goes after moving to another page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::route::Route;

#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    /// True once the learner moved to another page inside the app (not on the first load).
    pub navigated: RwSignal<bool>,
}

impl Navigation {
    /// Reads the address and listens for changes for the whole life of the page.
    pub fn start() -> Navigation {
        let route = RwSignal::new(current().unwrap_or(Route::CourseMap));
        let navigated = RwSignal::new(false);
        let nav = Navigation { route, navigated };
        // The listener lives as long as the page: the handle is not removed.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            // A fragment that is not a route (`#los-estados`) is an anchor in the page: stay.
            if let Some(next) = current() {
                if route.get_untracked() != next {
                    navigated.set(true);
                    route.set(next);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
        nav
    }

    /// Puts the keyboard focus on the page's content (its first heading, else `<main>`).
    pub fn focus_main(&self) {
        let doc = document();
        let target = doc
            .query_selector("main h1")
            .ok()
            .flatten()
            .or_else(|| doc.get_element_by_id("contenido"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    }
}

/// The route in the address bar now (`None`: an in-page anchor).
fn current() -> Option<Route> {
    let hash = window().location().hash().unwrap_or_default();
    Route::parse(&hash)
}

/// The shared navigation (provided by the app at its root).
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}
