//! The Docker CLI grammar (placeholder until the command table lands).
