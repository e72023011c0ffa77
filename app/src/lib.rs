//! Muelle's browser interface: a Leptos client-side app around the simulated Docker engine.
//!
//! The components only display: commands go to [`simulator::Session`], which computes the output;
//! the plain-Rust models hold the state and are tested natively: the terminal ([`terminal_driver`],
//! [`terminal_screen`], [`command_history`], [`completion`]), the addresses ([`route`]), the
//! learner's progress ([`progress`], [`progress_store`]), quiz ordering ([`quiz_order`]), the
//! lesson HTML additions ([`lesson_html`]) and the theme ([`theme`]).

// Test code may use the std slice sorts (clippy.toml forbids them elsewhere, see `simulator::sort`).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod browser_clock;
pub mod browser_storage;
pub mod clipboard;
pub mod command_history;
pub mod compact_codec;
pub mod compiled_course;
pub mod completion;
pub mod crash_screen;
pub mod components;
pub mod lesson_html;
pub mod navigation;
pub mod progress;
pub mod progress_store;
pub mod project_files;
pub mod quiz_order;
pub mod route;
pub mod sandbox_link;
pub mod saved_progress;
pub mod terminal_control;
pub mod terminal_driver;
pub mod terminal_palette;
pub mod terminal_screen;
pub mod theme;

/// Mounts the app on `<body>`. Panics (there should be none) are reported on the console and
/// replaced by a message with a "Recargar" button ([`crash_screen`]), never a blank page.
pub fn start() {
    crash_screen::install();
    leptos::mount::mount_to_body(components::app::App);
}
