//! The user interface, one component per file.

pub mod app;
pub mod lesson_pane;
pub mod site_header;
pub mod terminal;
pub mod terminal_entry;
