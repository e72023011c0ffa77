//! Trivy's report model (`pkg/types/report.go`) and its JSON form.

use serde_json::{json, Map, Value};

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
            json!({
                "Number": l.number,
                "Content": l.content,
                "IsCause": l.is_cause,
                "Annotation": "",
                "Truncated": false,
                "Highlighted": l.content,
                "FirstCause": l.first_cause,
                "LastCause": l.last_cause
            })
        })
        .collect();
    json!({ "Lines": lines })
}

impl Report {
    pub fn to_json(&self) -> Value {
        let mut top = Map::new();
        top.insert("SchemaVersion".into(), json!(2));
        top.insert("CreatedAt".into(), json!(self.created_at));
        top.insert("ArtifactName".into(), json!(self.artifact_name));
        top.insert("ArtifactType".into(), json!(self.artifact_type));
        if let Some(m) = &self.metadata {
            top.insert("Metadata".into(), m.clone());
        }
        let results: Vec<Value> = self.results.iter().map(result_json).collect();
        if !results.is_empty() {
            top.insert("Results".into(), Value::Array(results));
        }
        Value::Object(top)
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
    let mut m = Map::new();
    m.insert("Target".into(), json!(r.target));
    m.insert("Class".into(), json!(r.class));
    if !r.kind.is_empty() {
        m.insert("Type".into(), json!(r.kind));
    }
    if !r.vulns.is_empty() {
        m.insert("Vulnerabilities".into(), Value::Array(r.vulns.iter().map(vuln_json).collect()));
    }
    if let Some((s, f)) = r.misconf_summary {
        m.insert("MisconfSummary".into(), json!({"Successes": s, "Failures": f}));
    }
    if !r.misconfigs.is_empty() {
        let list = r.misconfigs.iter().map(|c| {
            json!({
                "Type": "Dockerfile Security Check",
                "ID": c.id,
                "AVDID": c.avd_id,
                "Title": c.title,
                "Description": c.description,
                "Message": c.message,
                "Namespace": format!("builtin.dockerfile.{}", c.id),
                "Query": "data.builtin.dockerfile.deny",
                "Resolution": c.resolution,
                "Severity": c.severity,
                "PrimaryURL": format!("https://avd.aquasec.com/misconfig/{}", c.id.to_ascii_lowercase()),
                "References": [format!("https://avd.aquasec.com/misconfig/{}", c.id.to_ascii_lowercase())],
                "Status": "FAIL",
                "Layer": {},
                "CauseMetadata": cause_json(c)
            })
        });
        m.insert("Misconfigurations".into(), Value::Array(list.collect()));
    }
    if !r.secrets.is_empty() {
        let list = r.secrets.iter().map(|s| {
            let mut layer = Map::new();
            if !s.layer_diff_id.is_empty() {
                layer.insert("DiffID".into(), json!(s.layer_diff_id));
            }
            if !s.layer_created_by.is_empty() {
                layer.insert("CreatedBy".into(), json!(s.layer_created_by));
            }
            json!({
                "RuleID": s.rule_id,
                "Category": s.category,
                "Severity": s.severity,
                "Title": s.title,
                "StartLine": s.start_line,
                "EndLine": s.end_line,
                "Code": code_json(&s.code),
                "Match": s.matched,
                "Layer": Value::Object(layer)
            })
        });
        m.insert("Secrets".into(), Value::Array(list.collect()));
    }
    Value::Object(m)
}

/// `CauseMetadata` (line numbers omitted when the finding has no location, as Go's `omitempty`).
fn cause_json(c: &Misconf) -> Value {
    let mut m = Map::new();
    m.insert("Provider".into(), json!("Dockerfile"));
    m.insert("Service".into(), json!("general"));
    if c.start_line > 0 {
        m.insert("StartLine".into(), json!(c.start_line));
        m.insert("EndLine".into(), json!(c.end_line));
    }
    m.insert("Code".into(), if c.code.is_empty() { json!({ "Lines": null }) } else { code_json(&c.code) });
    Value::Object(m)
}

fn vuln_json(v: &Vuln) -> Value {
    let mut m = Map::new();
    m.insert("VulnerabilityID".into(), json!(v.id));
    m.insert("PkgID".into(), json!(v.pkg_id));
    m.insert("PkgName".into(), json!(v.pkg_name));
    if !v.pkg_path.is_empty() {
        m.insert("PkgPath".into(), json!(v.pkg_path));
    }
    m.insert("PkgIdentifier".into(), json!({"PURL": v.purl, "UID": v.uid}));
    m.insert("InstalledVersion".into(), json!(v.installed));
    if !v.fixed.is_empty() {
        m.insert("FixedVersion".into(), json!(v.fixed));
    }
    m.insert("Status".into(), json!(v.status));
    if !v.layer_diff_id.is_empty() {
        m.insert("Layer".into(), json!({"DiffID": v.layer_diff_id}));
    }
    m.insert("SeveritySource".into(), json!(v.severity_source));
    m.insert("PrimaryURL".into(), json!(v.primary_url));
    m.insert("DataSource".into(), json!({"ID": v.data_source.0, "Name": v.data_source.1, "URL": v.data_source.2}));
    if !v.title.is_empty() {
        m.insert("Title".into(), json!(v.title));
    }
    if !v.description.is_empty() {
        m.insert("Description".into(), json!(v.description));
    }
    m.insert("Severity".into(), json!(v.severity));
    Value::Object(m)
}
