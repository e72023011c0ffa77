//! The app's addresses. Routing lives in the URL fragment (`#/leccion/<id>`): the site is plain
//! static files that may be served from any sub-folder, and a static host answers every reload of
//! `index.html` the same way, so the fragment is the only part of the address that is always ours.
//! (leptos_router 0.8 has no hash mode; this is a small one.)

/// The page to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` (or no fragment): the course map.
    CourseMap,
    /// `#/leccion/<id>`: a lesson beside the terminal.
    Lesson(String),
    /// `#/ayuda`: help and keyboard shortcuts.
    Help,
    /// `#/sandbox`, or `#/sandbox?estado=<code>` for a shared sandbox (the code as written, see
    /// `sandbox_link`).
    Sandbox(Option<String>),
    /// `#/prueba-de-fallo`: a page that fails on purpose, to check (in the browser tests) that a
    /// failure shows the recovery message instead of a blank page.
    FaultDrill,
    /// Anything else (the fragment as given, without `#`).
    NotFound(String),
}

const LESSON_PREFIX: &str = "/leccion/";
const HELP: &str = "/ayuda";
const SANDBOX: &str = "/sandbox";
const SANDBOX_STATE: &str = "estado=";
const FAULT_DRILL: &str = "/prueba-de-fallo";

impl Route {
    /// Reads a `location.hash` (`#/leccion/x`, with or without the `#`). A fragment that does not
    /// start with `/` is an in-page anchor, not a route: `None`.
    pub fn parse(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() {
            return Some(Route::CourseMap);
        }
        if !fragment.starts_with('/') {
            return None;
        }
        // Query strings and trailing slashes are forgiven: `#/leccion/x/`, `#/ayuda?x=1`.
        let path = fragment.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
        if path.is_empty() {
            return Some(Route::CourseMap);
        }
        if path == HELP {
            return Some(Route::Help);
        }
        if path == SANDBOX {
            let query = fragment.split_once('?').map(|(_, q)| q).unwrap_or_default();
            let state = query.split('&').find_map(|pair| pair.strip_prefix(SANDBOX_STATE)).filter(|s| !s.is_empty());
            return Some(Route::Sandbox(state.map(str::to_string)));
        }
        if path == FAULT_DRILL {
            return Some(Route::FaultDrill);
        }
        if let Some(id) = path.strip_prefix(LESSON_PREFIX) {
            let id = percent_decode(id);
            if is_lesson_id(&id) {
                return Some(Route::Lesson(id));
            }
        }
        Some(Route::NotFound(fragment.to_string()))
    }

    /// The `href` of a link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::CourseMap => "#/".to_string(),
            Route::Lesson(id) => format!("#{LESSON_PREFIX}{id}"),
            Route::Help => format!("#{HELP}"),
            Route::Sandbox(None) => format!("#{SANDBOX}"),
            Route::Sandbox(Some(state)) => format!("#{SANDBOX}?{SANDBOX_STATE}{state}"),
            Route::FaultDrill => format!("#{FAULT_DRILL}"),
            Route::NotFound(fragment) => format!("#{fragment}"),
        }
    }

    /// The document title for this route (`lesson_title` when the lesson exists).
    pub fn document_title(&self, lesson_title: Option<&str>) -> String {
        const SITE: &str = "Muelle · Curso interactivo de Docker";
        match (self, lesson_title) {
            (Route::CourseMap, _) => SITE.to_string(),
            (Route::Lesson(_), Some(title)) => format!("{title} · Muelle"),
            (Route::Help, _) => "Ayuda · Muelle".to_string(),
            (Route::Sandbox(_), _) => "Sandbox · Muelle".to_string(),
            (Route::FaultDrill, _) => "Prueba de fallo · Muelle".to_string(),
            _ => "Página no encontrada · Muelle".to_string(),
        }
    }
}

/// Lesson ids are lowercase ASCII letters, digits and `-` (the `lessons` crate enforces it).
fn is_lesson_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Decodes `%XX` escapes (a browser may escape a fragment it was given); invalid ones stay as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(decoded) = hex {
                out.push(decoded);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_every_route() {
        assert_eq!(Route::parse(""), Some(Route::CourseMap));
        assert_eq!(Route::parse("#"), Some(Route::CourseMap));
        assert_eq!(Route::parse("#/"), Some(Route::CourseMap));
        assert_eq!(Route::parse("#/leccion/anatomia-de-una-imagen"), Some(Route::Lesson("anatomia-de-una-imagen".into())));
        assert_eq!(Route::parse("#/leccion/bienvenida/"), Some(Route::Lesson("bienvenida".into())));
        assert_eq!(Route::parse("#/ayuda"), Some(Route::Help));
        assert_eq!(Route::parse("#/ayuda?de=mapa"), Some(Route::Help));
        assert_eq!(Route::parse("#/sandbox"), Some(Route::Sandbox(None)));
        assert_eq!(Route::parse("#/sandbox?estado="), Some(Route::Sandbox(None)));
        assert_eq!(Route::parse("#/sandbox?estado=AbC-_1"), Some(Route::Sandbox(Some("AbC-_1".into()))));
        assert_eq!(Route::parse("#/sandbox/?x=1&estado=Zz"), Some(Route::Sandbox(Some("Zz".into()))));
        assert_eq!(Route::parse("#/prueba-de-fallo"), Some(Route::FaultDrill));
    }

    #[test]
    fn anchors_inside_a_page_are_not_routes() {
        assert_eq!(Route::parse("#los-estados"), None);
    }

    #[test]
    fn unknown_addresses_are_kept_for_the_not_found_page() {
        assert_eq!(Route::parse("#/leccion/"), Some(Route::NotFound("/leccion/".into())));
        assert_eq!(Route::parse("#/leccion/<b>"), Some(Route::NotFound("/leccion/<b>".into())));
        assert_eq!(Route::parse("#/otra/cosa"), Some(Route::NotFound("/otra/cosa".into())));
    }

    #[test]
    fn escaped_ids_are_decoded() {
        assert_eq!(Route::parse("#/leccion/ciclo%2Dde-vida"), Some(Route::Lesson("ciclo-de-vida".into())));
        assert_eq!(Route::parse("#/leccion/%zz"), Some(Route::NotFound("/leccion/%zz".into())));
    }

    #[test]
    fn hrefs_read_back_as_the_same_route() {
        for route in [Route::CourseMap, Route::Lesson("x-1".into()), Route::Help, Route::Sandbox(None), Route::Sandbox(Some("a-b_c".into())), Route::FaultDrill] {
            assert_eq!(Route::parse(&route.href()), Some(route.clone()), "{route:?}");
        }
    }

    #[test]
    fn titles_name_the_page() {
        assert_eq!(Route::Lesson("x".into()).document_title(Some("Anatomía de una imagen")), "Anatomía de una imagen · Muelle");
        assert_eq!(Route::Lesson("x".into()).document_title(None), "Página no encontrada · Muelle");
    }

    proptest! {
        #[test]
        fn never_panics(hash in "\\PC{0,40}") {
            let _ = Route::parse(&hash);
        }
    }
}
