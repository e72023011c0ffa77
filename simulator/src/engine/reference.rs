//! Image references as `distribution/reference` parses them: `[domain/]path[:tag][@digest]`,
//! normalised to Docker Hub's `docker.io/library/…` and printed back in their familiar form.

/// A parsed, normalised image reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference {
    /// Registry host, e.g. `docker.io`, `localhost:5000`.
    pub domain: String,
    /// Repository path, e.g. `library/nginx`, `alice/app`.
    pub path: String,
    pub tag: Option<String>,
    /// `sha256:<hex>`.
    pub digest: Option<String>,
}

pub const DEFAULT_DOMAIN: &str = "docker.io";
pub const DEFAULT_TAG: &str = "latest";

impl Reference {
    /// Parses a reference as `ParseNormalizedNamed` does. Errors are Docker's texts.
    pub fn parse(s: &str) -> Result<Reference, String> {
        if is_full_hex_id(s) {
            return Err(format!("invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"));
        }
        let (name_part, digest) = match s.split_once('@') {
            Some((n, d)) => (n, Some(d)),
            None => (s, None),
        };
        if let Some(d) = digest {
            if !valid_digest(d) {
                return Err("invalid reference format".to_string());
            }
        }
        // The tag is after the last ':' that comes after the last '/'.
        let last_slash = name_part.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_part.get(last_slash..).and_then(|t| t.rfind(':')) {
            Some(i) => {
                let split = last_slash + i;
                (name_part.get(..split).unwrap_or(""), name_part.get(split + 1..))
            }
            None => (name_part, None),
        };
        if let Some(t) = tag {
            if !valid_tag(t) {
                return Err("invalid reference format".to_string());
            }
        }
        if name.is_empty() {
            return Err("invalid reference format".to_string());
        }
        let (domain, path) = split_domain(name);
        if !valid_domain(&domain) {
            return Err("invalid reference format".to_string());
        }
        if !path.split('/').all(valid_component) {
            let lower = path.to_ascii_lowercase();
            if lower.split('/').all(valid_component) {
                return Err(format!("invalid reference format: repository name ({path}) must be lowercase"));
            }
            return Err("invalid reference format".to_string());
        }
        let full_len = if domain == DEFAULT_DOMAIN { path.len() } else { domain.len() + 1 + path.len() };
        if full_len > 255 {
            return Err("invalid reference format: repository name must not be more than 255 characters".to_string());
        }
        Ok(Reference { domain, path, tag: tag.map(str::to_string), digest: digest.map(str::to_string) })
    }

    /// Adds `:latest` when there is neither a tag nor a digest (`TagNameOnly`).
    pub fn with_default_tag(mut self) -> Reference {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
        self
    }

    /// The repository in familiar form: `nginx`, `alice/app`, `localhost:5000/app`.
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            self.path.strip_prefix("library/").unwrap_or(&self.path).to_string()
        } else {
            format!("{}/{}", self.domain, self.path)
        }
    }

    /// The full repository name: `docker.io/library/nginx`.
    pub fn full_name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// Familiar form with tag/digest: `nginx:latest`, `nginx@sha256:…`.
    pub fn familiar(&self) -> String {
        let mut s = self.familiar_name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// Full form with tag/digest: `docker.io/library/nginx:latest`.
    pub fn full(&self) -> String {
        let mut s = self.full_name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// True for Docker Hub official images (`library/…`).
    pub fn is_official(&self) -> bool {
        self.domain == DEFAULT_DOMAIN && self.path.starts_with("library/")
    }
}

/// `splitDockerDomain`.
fn split_domain(name: &str) -> (String, String) {
    match name.split_once('/') {
        Some((first, rest))
            if first.contains('.') || first.contains(':') || first == "localhost" || first.chars().any(|c| c.is_ascii_uppercase()) =>
        {
            (first.to_string(), rest.to_string())
        }
        Some(_) => (DEFAULT_DOMAIN.to_string(), name.to_string()),
        None => (DEFAULT_DOMAIN.to_string(), format!("library/{name}")),
    }
}

/// A path component: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`.
fn valid_component(c: &str) -> bool {
    let b = c.as_bytes();
    if b.is_empty() {
        return false;
    }
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    let mut i = 0;
    let mut need_alnum = true;
    while let Some(&x) = b.get(i) {
        if alnum(x) {
            need_alnum = false;
            i += 1;
            continue;
        }
        if need_alnum {
            return false;
        }
        // A separator: '.', '_', '__', or one or more '-'.
        let start = i;
        if x == b'.' {
            i += 1;
        } else if x == b'_' {
            i += 1;
            if b.get(i) == Some(&b'_') {
                i += 1;
            }
        } else if x == b'-' {
            while b.get(i) == Some(&b'-') {
                i += 1;
            }
        } else {
            return false;
        }
        if i == start {
            return false;
        }
        need_alnum = true;
    }
    !need_alnum
}

fn valid_domain(d: &str) -> bool {
    let (host, port) = match d.rsplit_once(':') {
        Some((h, p)) if !h.starts_with('[') || h.ends_with(']') => (h, Some(p)),
        _ => (d, None),
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if host.starts_with('[') {
        return host.ends_with(']') && host.len() > 2;
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// `[\w][\w.-]{0,127}`.
fn valid_tag(t: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = t.as_bytes();
    b.first().is_some_and(|&c| word(c)) && b.len() <= 128 && b.iter().all(|&x| word(x) || x == b'.' || x == b'-')
}

fn valid_digest(d: &str) -> bool {
    match d.split_once(':') {
        Some(("sha256", hex)) => hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        Some((alg, hex)) => !alg.is_empty() && hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// True for a full 64-character lower-case hex string (an image or container ID).
pub fn is_full_hex_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn normalises_familiar_names() {
        let r = Reference::parse("nginx").unwrap();
        assert_eq!(r.full_name(), "docker.io/library/nginx");
        assert_eq!(r.clone().with_default_tag().familiar(), "nginx:latest");
        let r = Reference::parse("localhost:5000/app:1.0").unwrap();
        assert_eq!((r.domain.as_str(), r.path.as_str(), r.tag.as_deref()), ("localhost:5000", "app", Some("1.0")));
        assert_eq!(r.familiar(), "localhost:5000/app:1.0");
        let r = Reference::parse("myregistry.com/myimage:v1.0").unwrap();
        assert_eq!(r.familiar_name(), "myregistry.com/myimage");
        assert_eq!(Reference::parse("alice/app").unwrap().full(), "docker.io/alice/app");
    }

    #[test]
    fn rejects_like_docker() {
        assert_eq!(
            Reference::parse("MyImage").unwrap_err(),
            "invalid reference format: repository name (library/MyImage) must be lowercase"
        );
        assert_eq!(Reference::parse("b:c:d").unwrap_err(), "invalid reference format");
        assert_eq!(Reference::parse("a b").unwrap_err(), "invalid reference format");
        assert_eq!(Reference::parse("").unwrap_err(), "invalid reference format");
        assert_eq!(Reference::parse("-x").unwrap_err(), "invalid reference format");
        assert!(Reference::parse("a__b").is_ok());
        assert!(Reference::parse("a___b").is_err());
        assert!(Reference::parse("node:16-alpine").is_ok());
    }
}
