//! Secret detection. Trivy's built-in rules the course meets (`pkg/fanal/secret/builtin-rules.go`:
//! AWS keys, GitHub tokens, private keys, Slack and Stripe tokens), matched by hand-written
//! matchers instead of regular expressions, plus two course rules for hard-coded passwords and
//! API keys in `KEY=value` form (the notes' anti-pattern), as a `trivy-secret.yaml` would add.

use super::report::{CodeLine, Secret};
use super::severity::Severity;

/// A rule: what `Secret` findings say about a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub category: &'static str,
    pub title: &'static str,
    pub severity: Severity,
}

pub const AWS_ACCESS_KEY_ID: Rule = Rule { id: "aws-access-key-id", category: "AWS", title: "AWS Access Key ID", severity: Severity::Critical };
pub const AWS_SECRET_ACCESS_KEY: Rule = Rule { id: "aws-secret-access-key", category: "AWS", title: "AWS Secret Access Key", severity: Severity::Critical };
pub const GITHUB_PAT: Rule = Rule { id: "github-pat", category: "GitHub", title: "GitHub Personal Access Token", severity: Severity::Critical };
pub const GITHUB_OAUTH: Rule = Rule { id: "github-oauth", category: "GitHub", title: "GitHub OAuth Access Token", severity: Severity::Critical };
pub const GITHUB_FINE_GRAINED: Rule = Rule { id: "github-fine-grained-pat", category: "GitHub", title: "GitHub Fine-grained personal access tokens", severity: Severity::Critical };
pub const PRIVATE_KEY: Rule = Rule { id: "private-key", category: "AsymmetricPrivateKey", title: "Asymmetric Private Key", severity: Severity::High };
pub const SLACK_ACCESS_TOKEN: Rule = Rule { id: "slack-access-token", category: "Slack", title: "Slack token", severity: Severity::High };
pub const STRIPE_SECRET: Rule = Rule { id: "stripe-secret-token", category: "Stripe", title: "Stripe Secret Key", severity: Severity::Critical };
/// Course rules.
pub const HARDCODED_PASSWORD: Rule = Rule { id: "hardcoded-password", category: "Password", title: "Hard-coded password", severity: Severity::High };
pub const HARDCODED_API_KEY: Rule = Rule { id: "hardcoded-api-key", category: "APIKey", title: "Hard-coded API key or secret", severity: Severity::High };

/// A match: the rule, and the byte range of the secret on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hit {
    rule: Rule,
    line: usize,
    start: usize,
    end: usize,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Runs of `len` characters of `class` right after `prefix`, on word boundaries.
fn token_after(line: &str, prefix: &str, len: usize, class: fn(u8) -> bool) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = line.get(from..).and_then(|rest| rest.find(prefix)).map(|p| p + from) {
        from = pos + prefix.len().max(1);
        if pos > 0 && bytes.get(pos - 1).copied().is_some_and(is_word) {
            continue;
        }
        let body_start = pos + prefix.len();
        let end = body_start + len;
        let ok = bytes.get(body_start..end).is_some_and(|b| b.iter().all(|c| class(*c)));
        let bounded = !bytes.get(end).copied().is_some_and(is_word);
        if ok && bounded {
            out.push((pos, end));
        }
    }
    out
}

fn upper_alnum(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}

fn alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn base64ish(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'/' || c == b'+' || c == b'='
}

/// The value after `KEY=` / `KEY: ` when KEY (case-insensitive) contains one of `words`.
fn assignment(line: &str, words: &[&str]) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    // `KEY=value`, or `"key": "value"` (JSON, YAML) with a quoted value.
    for (sep, c) in line.match_indices(['=', ':']) {
        if c == ":" && !line.get(sep + 1..).is_some_and(|r| r.trim_start().starts_with(['"', '\''])) {
            continue;
        }
        let before = line.get(..sep)?.trim_end_matches(['"', '\'', ' ']);
        let key_start = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')).map_or(0, |p| p + 1);
        let key = before.get(key_start..).unwrap_or("").to_ascii_lowercase();
        if key.is_empty() || !words.iter().any(|w| key.contains(w)) {
            continue;
        }
        let mut start = sep + 1;
        while bytes.get(start).is_some_and(|c| matches!(c, b' ' | b'"' | b'\'' | b'\\')) {
            start += 1;
        }
        let mut end = start;
        while bytes.get(end).is_some_and(|c| !matches!(c, b'"' | b'\'' | b' ' | b'\t' | b',' | b';' | b'\\')) {
            end += 1;
        }
        let value = line.get(start..end).unwrap_or("");
        // Empty values, variables and file references are not secrets.
        let skip = value.len() < 3
            || value.starts_with('$')
            || value.starts_with('/')
            || value.starts_with('<')
            || ["null", "true", "false"].iter().any(|w| value.eq_ignore_ascii_case(w));
        if !skip {
            return Some((start, end));
        }
    }
    None
}

fn line_hits(n: usize, line: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let add = |hits: &mut Vec<Hit>, rule: Rule, spans: Vec<(usize, usize)>| {
        for (start, end) in spans {
            hits.push(Hit { rule, line: n, start, end });
        }
    };
    for prefix in ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA"] {
        add(&mut hits, AWS_ACCESS_KEY_ID, token_after(line, prefix, 16, upper_alnum));
    }
    add(&mut hits, GITHUB_PAT, token_after(line, "ghp_", 36, alnum));
    add(&mut hits, GITHUB_OAUTH, token_after(line, "gho_", 36, alnum));
    add(&mut hits, GITHUB_FINE_GRAINED, token_after(line, "github_pat_", 82, |c| alnum(c) || c == b'_'));
    add(&mut hits, STRIPE_SECRET, token_after(line, "sk_live_", 24, alnum));
    for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"] {
        add(&mut hits, SLACK_ACCESS_TOKEN, token_after(line, prefix, 10, |c| alnum(c) || c == b'-'));
    }
    let lower = line.to_ascii_lowercase();
    if lower.contains("aws_secret_access_key") || lower.contains("aws_secret_key") || lower.contains("secret_access_key") {
        if let Some((s, e)) = assignment(line, &["secret"]) {
            if e - s == 40 && line.as_bytes().get(s..e).is_some_and(|b| b.iter().all(|c| base64ish(*c))) {
                add(&mut hits, AWS_SECRET_ACCESS_KEY, vec![(s, e)]);
            }
        }
    }
    if hits.is_empty() {
        if let Some(span) = assignment(line, &["password", "passwd", "pwd"]) {
            add(&mut hits, HARDCODED_PASSWORD, vec![span]);
        } else if let Some(span) = assignment(line, &["api_key", "apikey", "api-key", "secret", "token", "access_key"]) {
            add(&mut hits, HARDCODED_API_KEY, vec![span]);
        }
    }
    hits
}

fn mask(line: &str, spans: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for (i, ch) in line.char_indices() {
        if spans.iter().any(|(s, e)| i >= *s && i < *e) {
            out.push('*');
        } else {
            out.push(ch);
        }
    }
    out
}

/// Secrets in a text: every match, with Trivy's masked code excerpt (the line before and after).
pub fn scan_text(text: &str) -> Vec<Secret> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    // Private keys span lines: from BEGIN to END, the key material is the secret.
    let mut key_lines: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines.get(i).copied().unwrap_or("");
        if l.contains("-----BEGIN") && l.contains("PRIVATE KEY") {
            if let Some(end) = (i + 1..lines.len()).find(|k| lines.get(*k).is_some_and(|x| x.contains("-----END") && x.contains("PRIVATE KEY"))) {
                if end > i + 1 {
                    found.push(secret(&lines, PRIVATE_KEY, i + 2, end, &(i + 1..end).map(|k| (k, 0, lines.get(k).map_or(0, |x| x.len()))).collect::<Vec<_>>()));
                    key_lines.extend(i..=end);
                    i = end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    for (idx, line) in lines.iter().enumerate() {
        if key_lines.contains(&idx) {
            continue;
        }
        for h in line_hits(idx + 1, line) {
            found.push(secret(&lines, h.rule, h.line, h.line, &[(idx, h.start, h.end)]));
        }
    }
    crate::sort::sort_by_key(&mut found, |s| s.start_line);
    found
}

/// A finding covering lines `start..=end` (1-based) with the masked spans `(line index, from, to)`.
fn secret(lines: &[&str], rule: Rule, start: usize, end: usize, spans: &[(usize, usize, usize)]) -> Secret {
    let masked = |idx: usize| {
        let l = lines.get(idx).copied().unwrap_or("");
        let s: Vec<(usize, usize)> = spans.iter().filter(|(k, _, _)| *k == idx).map(|(_, a, b)| (*a, *b)).collect();
        mask(l, &s)
    };
    let first = start.saturating_sub(1).max(1);
    let last = (end + 1).min(lines.len());
    let code = (first..=last)
        .map(|n| CodeLine { number: n, content: masked(n - 1), is_cause: n >= start && n <= end, first_cause: n == start, last_cause: n == end })
        .collect();
    Secret {
        rule_id: rule.id.to_string(),
        category: rule.category.to_string(),
        severity: rule.severity,
        title: rule.title.to_string(),
        start_line: start,
        end_line: end,
        code,
        matched: masked(start.saturating_sub(1)),
        layer_diff_id: String::new(),
        layer_created_by: String::new(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::panic)] // test code: indexes checked by the assertions before them
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_find_their_tokens() {
        let found = scan_text("x=1\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule_id, "aws-access-key-id");
        assert_eq!(found[0].matched, "AWS_ACCESS_KEY_ID=********************");
        assert_eq!(found[0].code.len(), 2);
        let gh = scan_text("token: ghp_0123456789abcdefghijklmnopqrstuvwxyz");
        assert_eq!(gh.first().map(|s| s.rule_id.as_str()), Some("github-pat"));
        let aws = scan_text("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assert_eq!(aws.first().map(|s| s.rule_id.as_str()), Some("aws-secret-access-key"));
    }

    #[test]
    fn private_keys_span_lines() {
        let found = scan_text("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabcd\n-----END RSA PRIVATE KEY-----\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start_line, found[0].end_line), (2, 3));
        assert_eq!(found[0].code[1].content, "****************");
    }

    #[test]
    fn the_notes_anti_pattern_is_found_and_variables_are_not() {
        assert_eq!(scan_text("password=secret").first().map(|s| s.matched.as_str()), Some("password=******"));
        assert_eq!(scan_text("ENV API_KEY=secret123").first().map(|s| s.rule_id.as_str()), Some("hardcoded-api-key"));
        assert!(scan_text("DB_PASSWORD_FILE=/run/secrets/db_password").is_empty());
        assert!(scan_text("password=$DB_PASSWORD").is_empty());
        assert!(scan_text("echo hello").is_empty());
    }
}
