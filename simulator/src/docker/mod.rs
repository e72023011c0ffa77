//! Docker command families, one file each. Each takes a parsed invocation and the engine.

pub mod version;
