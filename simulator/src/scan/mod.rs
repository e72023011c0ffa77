//! A Trivy-style security scanner: a frozen vulnerability database ([`db`]), package discovery
//! from image layers ([`packages`]), version comparison per ecosystem ([`version`]), the matcher,
//! secret detection ([`secrets`]), Dockerfile checks for `trivy config` ([`misconfig`]), table and
//! JSON output, and the `trivy` program itself ([`command`]).

pub mod command;
pub mod db;
pub mod fs_scan;
pub mod image_scan;
pub mod matcher;
pub mod misconfig;
pub mod packages;
pub mod report;
pub mod secrets;
pub mod severity;
pub mod table;
pub mod version;

pub use command::run;
