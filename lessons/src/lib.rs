//! The course as data.
