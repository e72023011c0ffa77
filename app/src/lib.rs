//! Muelle's browser interface: a Leptos client-side app around the simulated Docker engine.
//!
//! The components only display: commands go to [`simulator::Session`], which computes the output;
//! the plain-Rust models ([`command_history`], [`terminal_screen`]) hold the terminal's state.

pub mod browser_clock;
pub mod command_history;
pub mod components;
pub mod terminal_driver;
pub mod terminal_screen;

/// Mounts the app on `<body>`. Panics (there should be none) are reported on the console.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(components::app::App);
}
