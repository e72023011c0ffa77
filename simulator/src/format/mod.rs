//! Output formatting shared by every table (placeholder until the formatter lands).
