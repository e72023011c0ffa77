//! `docker info` / `docker system info`.

use crate::cli::Invocation;
use crate::docker::version::{CLIENT_VERSION, ENGINE_VERSION};
use crate::engine::Engine;
use crate::json_object::{JsonObject, Lit};
use crate::output::Output;

pub fn info(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let containers = engine.containers.len();
    let running = engine.containers.values().filter(|c| c.state.running && !c.state.paused).count();
    let paused = engine.containers.values().filter(|c| c.state.paused).count();
    let stopped = containers - running - paused;
    let images = engine.images.len();
    if let Some(f) = inv.str("format").filter(|f| !f.is_empty()) {
        let mut data = JsonObject::new();
        for (key, n) in [("Containers", containers), ("ContainersRunning", running), ("ContainersPaused", paused), ("ContainersStopped", stopped), ("Images", images)] {
            data.uint(key, n as u64);
        }
        data.lits(&[
            ("ServerVersion", Lit::Str(ENGINE_VERSION)),
            ("Driver", Lit::Str("overlay2")),
            ("OperatingSystem", Lit::Str("Debian GNU/Linux 12 (bookworm)")),
            ("OSType", Lit::Str("linux")),
            ("Architecture", Lit::Str("x86_64")),
            ("NCPU", Lit::Int(2)),
            ("MemTotal", Lit::Int(8_317_362_176)),
            ("Name", Lit::Str("muelle")),
            ("DockerRootDir", Lit::Str("/var/lib/docker")),
            ("KernelVersion", Lit::Str("6.1.0-28-amd64")),
        ]);
        data.value("Swarm", crate::docker::swarm::info_json(engine));
        let data = data.into_value();
        return crate::docker::inspect::format_one(f, &data);
    }
    let swarm = crate::docker::swarm::info_text(engine);
    out.out(format!(
        "Client: Docker Engine - Community
 Version:    {CLIENT_VERSION}
 Context:    default
 Debug Mode: false
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.29.1
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.40.3
    Path:     /usr/libexec/docker/cli-plugins/docker-compose

Server:
 Containers: {containers}
  Running: {running}
  Paused: {paused}
  Stopped: {stopped}
 Images: {images}
 Server Version: {ENGINE_VERSION}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
{swarm} Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: b98a3aace656320842a23f4a392a33f46af97866
 runc version: v1.3.3-0-gd842d771
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: 6.1.0-28-amd64
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 7.746GiB
 Name: muelle
 ID: 7f3c2a9e-4b1d-4e8a-9c6f-2d5b8a1e0f34
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false
 Firewall Backend: iptables

"
    ));
    out
}
