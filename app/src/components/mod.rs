//! The user interface, one component per file.

pub mod app;
pub mod command_palette;
pub mod course_map;
pub mod editor;
pub mod engine_panel;
pub mod exercise_bar;
pub mod exercise_card;
pub mod fault_drill;
pub mod explanation_panel;
pub mod help_page;
pub mod lesson_page;
pub mod not_found_page;
pub mod progress_bar;
pub mod progress_tools;
pub mod question_card;
pub mod quiz_card;
pub mod sandbox_page;
pub mod site_header;
pub mod storage_notice;
pub mod terminal;
pub mod terminal_entry;
pub mod theme_toggle;
