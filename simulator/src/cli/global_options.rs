//! Docker's global options (`docker [OPTIONS] COMMAND`): accepted before the command, kept out of
//! the [`Invocation`](super::Invocation), and checked as `DockerCli.Initialize` does.

use std::collections::BTreeMap;

use super::invocation::FlagValue;

/// The global options given before the command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlobalOptions {
    /// `--config DIR`.
    pub config: Option<String>,
    /// `-c, --context NAME`.
    pub context: Option<String>,
    /// `-D, --debug`.
    pub debug: bool,
    /// `-H, --host` (repeatable; Docker accepts only one when it connects).
    pub hosts: Vec<String>,
    /// `-l, --log-level`.
    pub log_level: Option<String>,
    pub tls: bool,
    pub tls_ca_cert: Option<String>,
    pub tls_cert: Option<String>,
    pub tls_key: Option<String>,
    pub tls_verify: bool,
}

impl GlobalOptions {
    pub(crate) fn from_values(values: &BTreeMap<&'static str, FlagValue>) -> GlobalOptions {
        let s = |k: &str| match values.get(k) {
            Some(FlagValue::Str(v)) => Some(v.clone()),
            _ => None,
        };
        let b = |k: &str| matches!(values.get(k), Some(FlagValue::Bool(true)));
        GlobalOptions {
            config: s("config"),
            context: s("context"),
            debug: b("debug"),
            hosts: match values.get("host") {
                Some(FlagValue::List(v)) => v.clone(),
                _ => Vec::new(),
            },
            log_level: s("log-level"),
            tls: b("tls"),
            tls_ca_cert: s("tlscacert"),
            tls_cert: s("tlscert"),
            tls_key: s("tlskey"),
            tls_verify: b("tlsverify"),
        }
    }

    /// The error `DockerCli.Initialize` stops with before anything else runs (exit 1), if any.
    pub(crate) fn initialize_error(&self) -> Option<String> {
        if let Some(level) = self.log_level.as_deref().filter(|l| !l.is_empty()) {
            let known = matches!(
                level.to_lowercase().as_str(),
                "panic" | "fatal" | "error" | "warn" | "warning" | "info" | "debug" | "trace"
            );
            if !known {
                return Some(format!("Unable to parse logging level: {level}"));
            }
        }
        if self.context.as_deref().is_some_and(|c| !c.is_empty()) && !self.hosts.is_empty() {
            return Some("conflicting options: cannot specify both --host and --context".to_string());
        }
        None
    }
}
