//! Output formatting shared by every Docker table and message: the table writer, go-units sizes and
//! durations, Docker's ellipsis and ID truncation, Go string quoting, the PORTS column, Go's JSON
//! encoding, and the `--format` machinery (`table …`, `json`, Go templates).
//!
//! Every function reproduces the Go code Docker CLI 28 runs; the module docs cite it.

pub mod ellipsis;
pub mod formatter;
pub mod go_float;
pub mod go_json;
pub mod go_quote;
pub mod ports;
pub mod short_id;
pub mod table;
pub mod units;
pub mod width;

#[cfg(test)]
mod properties;

pub use ellipsis::ellipsis;
pub use formatter::{is_table, json_lines, render_listing, InspectOutput, Inspector};
pub use go_quote::{go_quote, go_unquote};
pub use ports::{displayable_ports, Port};
pub use short_id::truncate_id;
pub use table::{render, tabwrite};
pub use units::{bytes_size, human_duration, human_size, human_size_precision, ram_in_bytes, SizeError};
pub use width::string_width;
