//! Trivy's report model (`pkg/types/report.go`) and its JSON form.

use serde_json::Value;

use crate::json_object::{JsonObject, Lit};

use super::severity::Severity;

/// One vulnerability row.
#[derive(Debug, Clone, PartialEq)]
pub struct Vuln {
    pub id: String,
    pub pkg_id: String,
    pub pkg_name: String,
    pub pkg_path: String,
    pub purl: String,
    pub uid: String,
    pub installed: String,
    pub fixed: String,
    pub status: String,
    pub layer_diff_id: String,
    pub severity: Severity,
    pub severity_source: String,
    pub primary_url: String,
    pub data_source: (&'static str, &'static str, &'static str),
    pub title: String,
    pub description: String,
}

/// One line of code shown with a secret or a misconfiguration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLine {
    pub number: usize,
    pub content: String,
    pub is_cause: bool,
    pub first_cause: bool,
    pub last_cause: bool,
}

/// A secret found in a file or in the image configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub rule_id: String,
    pub category: String,
    pub severity: Severity,
    pub title: String,
    pub start_line: usize,
    pub end_line: usize,
    pub code: Vec<CodeLine>,
    pub matched: String,
    pub layer_diff_id: String,
    pub layer_created_by: String,
}

/// A failed configuration check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misconf {
    pub id: String,
    pub avd_id: String,
    pub title: String,
    pub description: String,
    pub message: String,
    pub resolution: String,
    pub severity: Severity,
    pub start_line: usize,
    pub end_line: usize,
    pub code: Vec<CodeLine>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScanResult {
    pub target: String,
    /// `os-pkgs`, `lang-pkgs`, `secret`, `config`.
    pub class: &'static str,
    /// `debian`, `alpine`, `node-pkg`, `npm`, `dockerfile`… (empty for secrets).
    pub kind: String,
    pub vulns: Vec<Vuln>,
    pub secrets: Vec<Secret>,
    pub misconfigs: Vec<Misconf>,
    /// (successes, failures) of the configuration checks.
    pub misconf_summary: Option<(usize, usize)>,
}

impl ScanResult {
    /// Findings counted per severity.
    pub fn counts(&self) -> [usize; 5] {
        let mut c = [0usize; 5];
        let sev = self.vulns.iter().map(|v| v.severity).chain(self.secrets.iter().map(|s| s.severity)).chain(self.misconfigs.iter().map(|m| m.severity));
        for s in sev {
            if let Some(slot) = c.get_mut(s as usize) {
                *slot += 1;
            }
        }
        c
    }

    pub fn findings(&self) -> usize {
        self.vulns.len() + self.secrets.len() + self.misconfigs.len()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub created_at: String,
    pub artifact_name: String,
    /// `container_image`, `filesystem`.
    pub artifact_type: &'static str,
    pub metadata: Option<Value>,
    pub results: Vec<ScanResult>,
}

fn code_json(code: &[CodeLine]) -> Value {
    let lines: Vec<Value> = code
        .iter()
        .map(|l| {
            let mut o = JsonObject::new();
            o.uint("Number", l.number as u64);
            o.str("Content", &l.content);
            o.bool("IsCause", l.is_cause);
            o.lits(&[("Annotation", Lit::Str("")), ("Truncated", Lit::Bool(false))]);
            o.str("Highlighted", &l.content);
            o.bool("FirstCause", l.first_cause);
            o.bool("LastCause", l.last_cause);
            o.into_value()
        })
        .collect();
    let mut o = JsonObject::new();
    o.value("Lines", Value::Array(lines));
    o.into_value()
}

impl Report {
    pub fn to_json(&self) -> Value {
        let mut top = JsonObject::new();
        top.int("SchemaVersion", 2);
        top.str("CreatedAt", &self.created_at);
        top.str("ArtifactName", &self.artifact_name);
        top.str("ArtifactType", self.artifact_type);
        if let Some(m) = &self.metadata {
            top.value("Metadata", m.clone());
        }
        let results: Vec<Value> = self.results.iter().map(result_json).collect();
        if !results.is_empty() {
            top.value("Results", Value::Array(results));
        }
        top.into_value()
    }

    /// The JSON text as Trivy writes it (two-space indent, `&`, `<`, `>` escaped as Go does).
    pub fn to_json_text(&self) -> String {
        let text = serde_json::to_string_pretty(&self.to_json()).unwrap_or_default();
        format!("{}\n", go_escape(&text))
    }
}

/// Go's `encoding/json` escapes these three characters inside strings.
pub fn go_escape(text: &str) -> String {
    text.replace('&', "\\u0026").replace('<', "\\u003c").replace('>', "\\u003e")
}

fn result_json(r: &ScanResult) -> Value {
    let mut m = JsonObject::new();
    m.str("Target", &r.target);
    m.str("Class", r.class);
    if !r.kind.is_empty() {
        m.str("Type", &r.kind);
    }
    if !r.vulns.is_empty() {
        m.value("Vulnerabilities", Value::Array(r.vulns.iter().map(vuln_json).collect()));
    }
    if let Some((s, f)) = r.misconf_summary {
        let mut o = JsonObject::new();
        o.uint("Successes", s as u64);
        o.uint("Failures", f as u64);
        m.value("MisconfSummary", o.into_value());
    }
    if !r.misconfigs.is_empty() {
        m.value("Misconfigurations", Value::Array(r.misconfigs.iter().map(misconf_json).collect()));
    }
    if !r.secrets.is_empty() {
        m.value("Secrets", Value::Array(r.secrets.iter().map(secret_json).collect()));
    }
    m.into_value()
}

fn misconf_json(c: &Misconf) -> Value {
    let url = format!("https://avd.aquasec.com/misconfig/{}", c.id.to_ascii_lowercase());
    let mut o = JsonObject::new();
    o.str("Type", "Dockerfile Security Check");
    o.str("ID", &c.id);
    o.str("AVDID", &c.avd_id);
    o.str("Title", &c.title);
    o.str("Description", &c.description);
    o.str("Message", &c.message);
    o.string("Namespace", format!("builtin.dockerfile.{}", c.id));
    o.str("Query", "data.builtin.dockerfile.deny");
    o.str("Resolution", &c.resolution);
    o.str("Severity", c.severity.as_str());
    o.str("PrimaryURL", &url);
    o.value("References", Value::Array(vec![Value::String(url)]));
    o.lits(&[("Status", Lit::Str("FAIL")), ("Layer", Lit::EmptyObject)]);
    o.value("CauseMetadata", cause_json(c));
    o.into_value()
}

fn secret_json(s: &Secret) -> Value {
    let mut layer = JsonObject::new();
    if !s.layer_diff_id.is_empty() {
        layer.str("DiffID", &s.layer_diff_id);
    }
    if !s.layer_created_by.is_empty() {
        layer.str("CreatedBy", &s.layer_created_by);
    }
    let mut o = JsonObject::new();
    o.str("RuleID", &s.rule_id);
    o.str("Category", &s.category);
    o.str("Severity", s.severity.as_str());
    o.str("Title", &s.title);
    o.uint("StartLine", s.start_line as u64);
    o.uint("EndLine", s.end_line as u64);
    o.value("Code", code_json(&s.code));
    o.str("Match", &s.matched);
    o.value("Layer", layer.into_value());
    o.into_value()
}

/// `CauseMetadata` (line numbers omitted when the finding has no location, as Go's `omitempty`).
fn cause_json(c: &Misconf) -> Value {
    let mut m = JsonObject::new();
    m.str("Provider", "Dockerfile");
    m.str("Service", "general");
    if c.start_line > 0 {
        m.uint("StartLine", c.start_line as u64);
        m.uint("EndLine", c.end_line as u64);
    }
    if c.code.is_empty() {
        let mut o = JsonObject::new();
        o.null("Lines");
        m.value("Code", o.into_value());
    } else {
        m.value("Code", code_json(&c.code));
    }
    m.into_value()
}

fn vuln_json(v: &Vuln) -> Value {
    let mut m = JsonObject::new();
    m.str("VulnerabilityID", &v.id);
    m.str("PkgID", &v.pkg_id);
    m.str("PkgName", &v.pkg_name);
    if !v.pkg_path.is_empty() {
        m.str("PkgPath", &v.pkg_path);
    }
    let mut ident = JsonObject::new();
    ident.str("PURL", &v.purl);
    ident.str("UID", &v.uid);
    m.value("PkgIdentifier", ident.into_value());
    m.str("InstalledVersion", &v.installed);
    if !v.fixed.is_empty() {
        m.str("FixedVersion", &v.fixed);
    }
    m.str("Status", &v.status);
    if !v.layer_diff_id.is_empty() {
        let mut layer = JsonObject::new();
        layer.str("DiffID", &v.layer_diff_id);
        m.value("Layer", layer.into_value());
    }
    m.str("SeveritySource", &v.severity_source);
    m.str("PrimaryURL", &v.primary_url);
    let mut source = JsonObject::new();
    source.str("ID", v.data_source.0);
    source.str("Name", v.data_source.1);
    source.str("URL", v.data_source.2);
    m.value("DataSource", source.into_value());
    if !v.title.is_empty() {
        m.str("Title", &v.title);
    }
    if !v.description.is_empty() {
        m.str("Description", &v.description);
    }
    m.str("Severity", v.severity.as_str());
    m.into_value()
}
