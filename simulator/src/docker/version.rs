//! `docker --version` and `docker version`: Docker CLI 28.2.2 talking to Engine 28.5.2.

use crate::cli::Invocation;
use crate::engine::Engine;
use crate::json_object::{JsonObject, Lit};
use crate::output::Output;

/// Client version the simulator reproduces (Docker CLI 28.2).
pub const CLIENT_VERSION: &str = "28.2.2";
pub const CLIENT_COMMIT: &str = "e6534b4";
/// Engine version the simulator reproduces (Docker Engine 28.5).
pub const ENGINE_VERSION: &str = "28.5.2";

pub fn short_version(out: &mut Output) {
    out.outln(format!("Docker version {CLIENT_VERSION}, build {CLIENT_COMMIT}"));
}

pub fn version(_engine: &Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    if let Some(f) = inv.str("format").filter(|f| !f.is_empty()) {
        let mut client = JsonObject::new();
        client.lits(&[
            ("Version", Lit::Str(CLIENT_VERSION)),
            ("ApiVersion", Lit::Str("1.50")),
            ("DefaultAPIVersion", Lit::Str("1.50")),
            ("GitCommit", Lit::Str(CLIENT_COMMIT)),
            ("GoVersion", Lit::Str("go1.24.3")),
            ("Os", Lit::Str("linux")),
            ("Arch", Lit::Str("amd64")),
            ("BuildTime", Lit::Str("Fri May 30 12:07:14 2025")),
            ("Context", Lit::Str("default")),
        ]);
        let mut platform = JsonObject::new();
        platform.str("Name", "Docker Engine - Community");
        let mut server = JsonObject::new();
        server.value("Platform", platform.into_value());
        server.lits(&[
            ("Version", Lit::Str(ENGINE_VERSION)),
            ("ApiVersion", Lit::Str("1.51")),
            ("MinAPIVersion", Lit::Str("1.24")),
            ("GitCommit", Lit::Str("89c5e8f")),
            ("GoVersion", Lit::Str("go1.24.9")),
            ("Os", Lit::Str("linux")),
            ("Arch", Lit::Str("amd64")),
            ("KernelVersion", Lit::Str("6.1.0-28-amd64")),
            ("BuildTime", Lit::Str("2025-11-05T14:43:14.000000000+00:00")),
        ]);
        let mut data = JsonObject::new();
        data.value("Client", client.into_value());
        data.value("Server", server.into_value());
        let data = data.into_value();
        return crate::docker::inspect::format_one(f, &data);
    }
    out.out(format!(
        "Client: Docker Engine - Community
 Version:           {CLIENT_VERSION}
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        {CLIENT_COMMIT}
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          {ENGINE_VERSION}
  API version:      1.51 (minimum version 1.24)
  Go version:       go1.24.9
  Git commit:       89c5e8f
  Built:            Wed Nov  5 14:43:14 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v1.7.28
  GitCommit:        b98a3aace656320842a23f4a392a33f46af97866
 runc:
  Version:          1.3.3
  GitCommit:        v1.3.3-0-gd842d771
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
"
    ));
    out
}
