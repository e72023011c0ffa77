//! The editor of the learner's project folder (the session's files: Dockerfile, docker-compose.yml,
//! app files): a list of files (new, rename, delete), line numbers, highlighting, lint marks,
//! Ctrl+S to save into the project folder (kept in browser storage) and "Construir", which runs
//! `docker build -t <nombre> .` in the terminal.
//!
//! The text is a plain `<textarea>` (native editing, keyboard and screen readers work as
//! everywhere) over a highlighted copy of the same text.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::project_files::{self, check_name, highlighted_html, line_count, lint_marks, FileKind};
use crate::terminal_control::TerminalControl;

/// The image name "Construir" proposes.
const DEFAULT_IMAGE: &str = "mi-app";

#[component]
pub fn Editor(
    control: TerminalControl,
    /// Set to a path to open that file (e.g. after "Abrir en el editor").
    open_request: RwSignal<Option<String>>,
) -> impl IntoView {
    let files = Signal::derive(move || {
        control.files_revision.track();
        control.project_files()
    });
    let current = RwSignal::new(None::<String>);
    let buffer = RwSignal::new(String::new());
    let saved_text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let image = RwSignal::new(DEFAULT_IMAGE.to_string());
    let dirty = Signal::derive(move || current.with(Option::is_some) && buffer.with(|b| saved_text.with(|s| b != s)));

    let open = move |path: String| {
        let text = files.with_untracked(|f| f.iter().find(|(p, _)| *p == path).map(|(_, c)| c.clone())).unwrap_or_default();
        buffer.set(text.clone());
        saved_text.set(text);
        current.set(Some(path));
    };

    // Open what is asked for; otherwise the Dockerfile (or the first file) once there are files;
    // and follow changes made from the terminal while there is nothing unsaved.
    Effect::new(move |_| {
        if let Some(path) = open_request.get() {
            open_request.set(None);
            open(path);
            return;
        }
        let list = files.get();
        match current.get_untracked() {
            None => {
                let first = list.iter().find(|(p, _)| p == "Dockerfile").or(list.first()).map(|(p, _)| p.clone());
                if let Some(path) = first {
                    open(path);
                }
            }
            Some(path) if !dirty.get_untracked() => match list.iter().find(|(p, _)| *p == path) {
                Some((_, content)) if *content != saved_text.get_untracked() => {
                    buffer.set(content.clone());
                    saved_text.set(content.clone());
                }
                Some(_) => {}
                None => current.set(None),
            },
            Some(_) => {}
        }
    });

    let save = move || -> bool {
        let Some(path) = current.get_untracked() else { return false };
        let text = buffer.get_untracked();
        match control.write_file(&path, &text) {
            Ok(()) => {
                saved_text.set(text);
                status.set(Some(format!("Guardado «{path}» en la carpeta del proyecto.")));
                true
            }
            Err(message) => {
                status.set(Some(message));
                false
            }
        }
    };

    let names = move || files.with_untracked(|f| f.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());

    let new_file = move |_| {
        let Some(answer) = ask("Nombre del archivo nuevo (por ejemplo, app.py o Dockerfile):", "") else { return };
        match check_name(&answer, &names()) {
            Ok(name) => {
                if control.write_file(&name, "").is_ok() {
                    open(name.clone());
                    status.set(Some(format!("Creado «{name}».")));
                }
            }
            Err(why) => status.set(Some(why)),
        }
    };

    let rename = move |_| {
        let Some(old) = current.get_untracked() else { return };
        let Some(answer) = ask(&format!("Nuevo nombre para «{old}»:"), &old) else { return };
        let others: Vec<String> = names().into_iter().filter(|n| *n != old).collect();
        match check_name(&answer, &others) {
            Ok(name) if name == old => {}
            Ok(name) => {
                let text = buffer.get_untracked();
                if control.write_file(&name, &text).is_ok() {
                    control.remove_file(&old);
                    buffer.set(text.clone());
                    saved_text.set(text);
                    current.set(Some(name.clone()));
                    status.set(Some(format!("«{old}» ahora se llama «{name}».")));
                }
            }
            Err(why) => status.set(Some(why)),
        }
    };

    let delete = move |_| {
        let Some(path) = current.get_untracked() else { return };
        if confirm(&format!("¿Borrar «{path}» de la carpeta del proyecto? No se puede deshacer.")) {
            control.remove_file(&path);
            current.set(None);
            buffer.set(String::new());
            saved_text.set(String::new());
            status.set(Some(format!("Borrado «{path}».")));
        }
    };

    let build = move |_| {
        let name = image.get_untracked().trim().to_string();
        if !is_image_name(&name) {
            status.set(Some("Escribe un nombre de imagen válido: minúsculas, números y . _ - / : (por ejemplo, mi-app:1.0).".to_string()));
            return;
        }
        if dirty.get_untracked() && !save() {
            return;
        }
        control.run(&format!("docker build -t {name} ."));
        control.request_focus();
    };

    let on_keydown = move |ev: KeyboardEvent| {
        let key = ev.key();
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && (key == "s" || key == "S") {
            ev.prevent_default();
            save();
        }
    };

    let marks = Signal::derive(move || current.get().map(|p| buffer.with(|b| lint_marks(&p, b))).unwrap_or_default());

    view! {
        <section class="editor" aria-labelledby="editor-title" data-testid="editor" on:keydown=on_keydown>
            <div class="editor-bar">
                <h2 id="editor-title" class="editor-title">"Editor del proyecto"</h2>
                <div class="editor-actions">
                    <button type="button" class="editor-button" data-testid="editor-new" on:click=new_file>"Nuevo"</button>
                    <button type="button" class="editor-button" data-testid="editor-rename" disabled=move || current.with(Option::is_none) on:click=rename>
                        "Renombrar"
                    </button>
                    <button type="button" class="editor-button" data-testid="editor-delete" disabled=move || current.with(Option::is_none) on:click=delete>
                        "Borrar"
                    </button>
                    <button
                        type="button"
                        class="editor-button editor-save"
                        data-testid="editor-save"
                        title="Guardar en la carpeta del proyecto (Ctrl+S)"
                        disabled=move || !dirty.get()
                        on:click=move |_| {
                            save();
                        }
                    >
                        "Guardar"
                    </button>
                </div>
            </div>
            <div class="editor-body">
                <nav class="editor-files" aria-label="Archivos del proyecto">
                    {move || {
                        let list = files.get();
                        if list.is_empty() {
                            return view! { <p class="editor-empty">"La carpeta del proyecto está vacía. Crea un archivo con «Nuevo»."</p> }.into_any();
                        }
                        list.into_iter()
                            .map(|(path, _)| {
                                let is_current = {
                                    let path = path.clone();
                                    move || current.with(|c| c.as_deref() == Some(path.as_str()))
                                };
                                let is_current2 = is_current.clone();
                                let label = path.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="editor-file"
                                        class:current=is_current.clone()
                                        data-testid="editor-file"
                                        aria-current=move || if is_current2() { Some("true") } else { None }
                                        on:click=move |_| {
                                            if !is_current() {
                                                if dirty.get_untracked() && !confirm("Hay cambios sin guardar en el archivo abierto. ¿Descartarlos?") {
                                                    return;
                                                }
                                                open(path.clone());
                                            }
                                        }
                                    >
                                        {label}
                                    </button>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </nav>
                <div class="editor-main">
                    {move || match current.get() {
                        None => view! { <p class="editor-empty">"Elige un archivo para editarlo."</p> }.into_any(),
                        Some(path) => {
                            let kind = FileKind::of(&path);
                            let label = format!("Contenido de {path} ({})", kind.label());
                            let highlight_path = path.clone();
                            view! {
                                <div class="editor-scroll">
                                    // Line numbers; a flag on each line with a lint problem, its title as tooltip
                                    // (the same problems are listed in text below the editor).
                                    <div class="editor-gutter" aria-hidden="true">
                                        <pre class="editor-gutter-numbers">
                                            {move || (1..=buffer.with(|b| line_count(b))).map(|n| n.to_string()).collect::<Vec<_>>().join("\n")}
                                        </pre>
                                        <For
                                            each=move || marks.get()
                                            key=|m| (m.line, m.code.clone())
                                            children=|m| {
                                                let top = format!("calc({} * var(--editor-line) + 10px)", m.line.saturating_sub(1));
                                                view! {
                                                    <span class=format!("editor-lint-flag lint-{}", m.level) style:top=top title=format!("{} · {}", m.code, m.title)>
                                                        "!"
                                                    </span>
                                                }
                                            }
                                        />
                                    </div>
                                    <div class="editor-code">
                                        <pre
                                            class="editor-highlight"
                                            aria-hidden="true"
                                            inner_html=move || buffer.with(|b| highlighted_html(&highlight_path, b))
                                        ></pre>
                                        <For
                                            each=move || marks.get()
                                            key=|m| (m.line, m.code.clone())
                                            children=|m| {
                                                let top = format!("calc({} * var(--editor-line))", m.line.saturating_sub(1));
                                                view! { <span class=format!("editor-lint-line lint-{}", m.level) data-testid="lint-underline" style:top=top title=m.title.clone()></span> }
                                            }
                                        />
                                        <textarea
                                            class="editor-input"
                                            data-testid="editor-input"
                                            aria-label=label
                                            aria-describedby="editor-keys"
                                            spellcheck="false"
                                            autocapitalize="none"
                                            autocomplete="off"
                                            wrap="off"
                                            prop:value=move || buffer.get()
                                            on:input=move |ev| buffer.set(event_target_value(&ev))
                                        ></textarea>
                                    </div>
                                </div>
                                <LintList marks=marks />
                            }
                            .into_any()
                        }
                    }}
                </div>
            </div>
            <div class="editor-footer">
                <label class="editor-image">
                    <span>"Imagen"</span>
                    <input
                        type="text"
                        data-testid="editor-image"
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        prop:value=move || image.get()
                        on:input=move |ev| image.set(event_target_value(&ev))
                    />
                </label>
                <button
                    type="button"
                    class="button button-primary editor-build"
                    data-testid="editor-build"
                    title="Guarda y ejecuta docker build -t <imagen> . en la terminal"
                    on:click=build
                >
                    "Construir"
                </button>
                <span class="editor-dirty" aria-live="polite">{move || if dirty.get() { "Cambios sin guardar" } else { "" }}</span>
            </div>
            <p id="editor-keys" class="visually-hidden">
                "Ctrl+S guarda el archivo en la carpeta del proyecto; Tab sale del editor."
            </p>
            <p class="editor-status" role="status" data-testid="editor-status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn LintList(marks: Signal<Vec<project_files::LintMark>>) -> impl IntoView {
    move || {
        let list = marks.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|m| {
                    view! {
                        <li>
                            <span class="editor-lint-where">{format!("Línea {} · {}", m.line, m.code)}</span>
                            " "
                            <strong>{m.title}</strong>
                            // Rendered and sanitised from the course's Markdown by the lessons crate.
                            {m.explanation_html.map(|html| view! { <span class="editor-lint-text" inner_html=format!(" {html}")></span> })}
                            {m.why_html.map(|html| view! { <span class="editor-lint-why" inner_html=format!(" {html}")></span> })}
                            {m.fixed.map(|fixed| view! {
                                <details class="editor-lint-fixed">
                                    <summary>"Forma corregida"</summary>
                                    <pre>{fixed}</pre>
                                </details>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="editor-lint" aria-label="Avisos del linter" data-testid="editor-lint">{items}</ul>
            }
        })
    }
}

/// A Docker image reference as `docker build -t` takes it (lowercase name, optional tag).
fn is_image_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-/:".contains(c))
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The browser's own question box (keyboard accessible everywhere); `None` when cancelled.
fn ask(question: &str, default: &str) -> Option<String> {
    window().prompt_with_message_and_default(question, default).ok().flatten()
}

fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}
