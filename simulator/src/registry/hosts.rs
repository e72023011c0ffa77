//! The registries a learner can reach, and who may log in to each.
//!
//! # Demo credentials (for lessons)
//!
//! | registry | address a learner types | user | password | may push to |
//! |---|---|---|---|---|
//! | Docker Hub | (no server), `docker.io` | `estudiante` | `muelle123` | `estudiante/…` only |
//! | local registry (`registry:2`) | `localhost:5000` | `student` | `secret` | everything |
//! | company registry | `myregistry.com` | `estudiante` | `muelle123` | everything |
//! | Harbor | `harbor.example.com/<project>/…` | `admin` | `Harbor12345` | every project |
//! | Harbor | `harbor.example.com/<project>/…` | `estudiante` | `muelle123` | project `muelle` only |
//! | AWS ECR | `<12-digit account>.dkr.ecr.<region>.amazonaws.com` | `AWS` | `muelle-ecr-token` | everything |
//! | Artifact Registry | `<region>-docker.pkg.dev/<project>/<repo>/…` | `oauth2accesstoken` | `muelle-gcp-token` | everything |
//!
//! `localhost:5000` speaks plain HTTP (Docker trusts `localhost` without TLS); every other host is
//! HTTPS. Any other host name does not resolve, as on a machine without that DNS entry.

/// What kind of registry a host is (its error texts differ slightly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    DockerHub,
    /// The CNCF distribution registry (`registry:2`) on `localhost:5000`.
    Local,
    /// A private registry of the company (`myregistry.com`).
    Company,
    Harbor,
    Ecr,
    ArtifactRegistry,
}

/// A registry host the simulated network knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub kind: Kind,
    /// The host as it appears in references (`localhost:5000`, `docker.io`).
    pub domain: String,
}

/// A user of a registry with what they may push to.
struct User {
    name: &'static str,
    password: &'static str,
    /// Repository path prefixes the user may push to (`""` = everything).
    push_prefixes: &'static [&'static str],
}

const HUB_USERS: &[User] = &[User { name: "estudiante", password: "muelle123", push_prefixes: &["estudiante/"] }];
const LOCAL_USERS: &[User] = &[User { name: "student", password: "secret", push_prefixes: &[""] }];
const COMPANY_USERS: &[User] = &[User { name: "estudiante", password: "muelle123", push_prefixes: &[""] }];
const HARBOR_USERS: &[User] = &[
    User { name: "admin", password: "Harbor12345", push_prefixes: &[""] },
    User { name: "estudiante", password: "muelle123", push_prefixes: &["muelle/"] },
];
const ECR_USERS: &[User] = &[User { name: "AWS", password: "muelle-ecr-token", push_prefixes: &[""] }];
const GAR_USERS: &[User] = &[User { name: "oauth2accesstoken", password: "muelle-gcp-token", push_prefixes: &[""] }];

/// The key Docker stores Docker Hub credentials under, and prints in `logout`.
pub const HUB_SERVER: &str = "https://index.docker.io/v1/";

impl Host {
    /// The host a reference's domain names, if the simulated network knows it.
    pub fn lookup(domain: &str) -> Option<Host> {
        let kind = match domain {
            "docker.io" | "index.docker.io" | "registry-1.docker.io" => Kind::DockerHub,
            "localhost:5000" => Kind::Local,
            "myregistry.com" => Kind::Company,
            "harbor.example.com" => Kind::Harbor,
            d if is_ecr(d) => Kind::Ecr,
            d if is_artifact_registry(d) => Kind::ArtifactRegistry,
            _ => return None,
        };
        let domain = if kind == Kind::DockerHub { "docker.io".to_string() } else { domain.to_string() };
        Some(Host { kind, domain })
    }

    /// `http` for `localhost:5000`, `https` otherwise.
    pub fn scheme(&self) -> &'static str {
        if self.kind == Kind::Local {
            "http"
        } else {
            "https"
        }
    }

    /// The address Docker talks to for the registry API (`registry-1.docker.io` for the Hub).
    pub fn api_host(&self) -> &str {
        if self.kind == Kind::DockerHub {
            "registry-1.docker.io"
        } else {
            &self.domain
        }
    }

    /// The key credentials are stored under (`https://index.docker.io/v1/` for the Hub).
    pub fn server_key(&self) -> String {
        if self.kind == Kind::DockerHub {
            HUB_SERVER.to_string()
        } else {
            self.domain.clone()
        }
    }

    fn users(&self) -> &'static [User] {
        match self.kind {
            Kind::DockerHub => HUB_USERS,
            Kind::Local => LOCAL_USERS,
            Kind::Company => COMPANY_USERS,
            Kind::Harbor => HARBOR_USERS,
            Kind::Ecr => ECR_USERS,
            Kind::ArtifactRegistry => GAR_USERS,
        }
    }

    /// True if `user` / `password` are valid on this registry.
    /// The course's demo account on this registry (the first user), as `(user, password)`.
    pub fn demo_user(&self) -> Option<(&'static str, &'static str)> {
        self.users().first().map(|u| (u.name, u.password))
    }

    pub fn check_password(&self, user: &str, password: &str) -> bool {
        self.users().iter().any(|u| u.name == user && u.password == password)
    }

    /// True if `user` may push to repository `path` (`library/nginx`, `muelle/app`).
    pub fn may_push(&self, user: &str, path: &str) -> bool {
        self.users().iter().any(|u| u.name == user && u.push_prefixes.iter().any(|p| path.starts_with(p)))
    }
}

/// `<12 digits>.dkr.ecr.<region>.amazonaws.com`.
fn is_ecr(domain: &str) -> bool {
    let mut parts = domain.split('.');
    let account = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && matches!(rest.as_slice(), ["dkr", "ecr", region, "amazonaws", "com"] if is_region(region))
}

/// `<region>-docker.pkg.dev`.
fn is_artifact_registry(domain: &str) -> bool {
    domain.strip_suffix("-docker.pkg.dev").is_some_and(is_region)
}

/// A cloud region name such as `us-east-1` or `europe-west1`: lowercase words and digits with dashes.
fn is_region(s: &str) -> bool {
    !s.is_empty()
        && s.contains('-')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_hosts() {
        assert_eq!(Host::lookup("localhost:5000").map(|h| h.kind), Some(Kind::Local));
        assert_eq!(Host::lookup("123456789012.dkr.ecr.eu-west-1.amazonaws.com").map(|h| h.kind), Some(Kind::Ecr));
        assert_eq!(Host::lookup("europe-west1-docker.pkg.dev").map(|h| h.kind), Some(Kind::ArtifactRegistry));
        assert_eq!(Host::lookup("12345.dkr.ecr.eu-west-1.amazonaws.com"), None);
        assert_eq!(Host::lookup("localhost:5001"), None);
        assert_eq!(Host::lookup("-docker.pkg.dev"), None);
    }

    #[test]
    fn harbor_projects_limit_pushes() {
        let h = Host::lookup("harbor.example.com");
        assert!(h.as_ref().is_some_and(|h| h.check_password("estudiante", "muelle123")));
        assert!(h.as_ref().is_some_and(|h| !h.check_password("estudiante", "muelle124")));
        assert!(h.as_ref().is_some_and(|h| h.may_push("estudiante", "muelle/app")));
        assert!(h.as_ref().is_some_and(|h| !h.may_push("estudiante", "library/app")));
        assert!(h.as_ref().is_some_and(|h| h.may_push("admin", "library/app")));
    }
}
