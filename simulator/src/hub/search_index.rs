//! What `docker search` finds on the simulated Docker Hub: the official images of the catalog plus
//! well-known community repositories (names, descriptions and star counts as on Docker Hub).

use super::CATALOG;

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchEntry {
    pub name: String,
    pub description: String,
    pub stars: u32,
    pub official: bool,
}

const COMMUNITY: &[(&str, &str, u32)] = &[
    ("bitnami/nginx", "Bitnami container image for NGINX", 200),
    ("nginx/nginx-ingress", "NGINX and  NGINX Plus Ingress Controllers for Kubernetes", 98),
    ("nginxinc/nginx-unprivileged", "Unprivileged NGINX Dockerfiles", 156),
    ("nginx/unit", "This repository is retired, use the Docker official images: https://hub.docker.com/_/unit", 66),
    ("nginx/nginx-prometheus-exporter", "NGINX Prometheus Exporter for NGINX and NGINX Plus", 46),
    ("bitnami/node", "Bitnami container image for Node.js", 82),
    ("circleci/node", "Node.js is a JavaScript-based platform for server-side and networking applications.", 130),
    ("cimg/node", "The CircleCI Node.js Docker Convenience Image.", 24),
    ("bitnami/python", "Bitnami container image for Python", 30),
    ("circleci/python", "Python is an interpreted, interactive, object-oriented, open-source programming language.", 54),
    ("bitnami/postgresql", "Bitnami container image for PostgreSQL", 290),
    ("postgis/postgis", "PostGIS is a spatial database extender for PostgreSQL object-relational database.", 420),
    ("bitnami/redis", "Bitnami container image for Redis", 280),
    ("redis/redis-stack", "redis-stack installs a Redis server with additional database capabilities", 95),
    ("bitnami/mysql", "Bitnami container image for MySQL", 120),
    ("mysql/mysql-server", "Optimized MySQL Server Docker images. Create, maintain and support by the MySQL team", 1000),
    ("bitnami/rabbitmq", "Bitnami container image for RabbitMQ", 110),
    ("ubuntu/nginx", "Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.", 124),
    ("ubuntu/apache2", "Apache, a secure & extensible open-source HTTP server. Long-term tracks maintained by Canonical.", 88),
    ("ubuntu/redis", "Redis, an open source key-value store. Long-term tracks maintained by Canonical.", 23),
    ("alpine/git", "A  simple git container running in alpine linux, especially for tiny docker image", 250),
    ("alpine/curl", "curl in an alpine image", 12),
    ("bitnami/apache", "Bitnami container image for Apache", 36),
    ("radial/busyboxplus", "Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.", 56),
];

/// Every repository whose name contains `term` (case-insensitive), official images first, then by stars.
pub fn search(term: &str) -> Vec<SearchEntry> {
    let term = term.to_ascii_lowercase();
    let mut results: Vec<SearchEntry> = Vec::new();
    for img in CATALOG {
        if img.repo.contains(&term) && !results.iter().any(|r| r.name == img.repo) {
            results.push(SearchEntry { name: img.repo.to_string(), description: img.description.to_string(), stars: img.stars, official: true });
        }
    }
    for (name, description, stars) in COMMUNITY {
        if name.contains(&term) {
            results.push(SearchEntry { name: (*name).to_string(), description: (*description).to_string(), stars: *stars, official: false });
        }
    }
    crate::sort::sort_by(&mut results, |a, b| b.official.cmp(&a.official).then(b.stars.cmp(&a.stars)).then(a.name.cmp(&b.name)));
    results
}
