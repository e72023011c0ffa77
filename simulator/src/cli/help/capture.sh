#!/usr/bin/env bash
# Captures the `--help` texts in this directory from the real Docker CLI 28.2 client.
#
# The texts must be those of the course's reference set-up: CLI 28.2.2 talking to a running Engine
# 28.5 on Linux (Windows-only flags and swarm commands are then hidden), with the buildx and compose
# plugins installed in ~/.docker/cli-plugins, HOME=/root, an 80-column non-terminal stdin.
# To get exactly that without touching the machine, the script runs itself again in a private mount
# namespace (root only) where a tmpfs hides /root and holds the plugins.
#
#   PLUGINS=/tmp/real-docker/client-config/cli-plugins \
#   DOCKER_HOST=unix:///tmp/real-docker/docker.sock ./capture.sh
#
# `--help` never reaches the daemon beyond a version ping, so a shared engine is safe to use.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${PLUGINS:=/tmp/real-docker/client-config/cli-plugins}"
: "${DOCKER_HOST:=unix:///tmp/real-docker/docker.sock}"
export PLUGINS DOCKER_HOST

if [ "${1:-}" != "--inside" ]; then
  exec unshare -m "$0" --inside
fi

mount -t tmpfs none /root
mkdir -p /root/.docker/cli-plugins
cp "$PLUGINS"/docker-buildx "$PLUGINS"/docker-compose /root/.docker/cli-plugins/
export HOME=/root
unset DOCKER_CONFIG DOCKER_CONTEXT DOCKER_HIDE_LEGACY_COMMANDS BUILDX_BUILDER
cd /
docker --version | grep -q '^Docker version 28\.2\.' || { echo "need the Docker CLI 28.2" >&2; exit 1; }

# One command path per line; the file name is the path with spaces turned into underscores.
# `docker build`, `docker image build` and `docker builder build` print the same text (build.txt).
while read -r path; do
  [ -n "$path" ] || continue
  docker $path --help </dev/null >"$HERE/${path// /_}.txt"
done <<'PATHS'
version
info
run
create
start
stop
restart
pause
unpause
kill
rm
rename
wait
logs
top
port
inspect
ps
stats
exec
attach
cp
diff
commit
export
images
pull
push
rmi
history
tag
save
load
search
login
logout
build
container
container run
container create
container start
container stop
container restart
container pause
container unpause
container kill
container rm
container rename
container wait
container logs
container top
container port
container inspect
container ls
container prune
container stats
container exec
container attach
container cp
container diff
container commit
container export
image
image ls
image pull
image push
image rm
image prune
image history
image tag
image inspect
image save
image load
builder
volume
volume create
volume ls
volume inspect
volume rm
volume prune
network
network create
network ls
network inspect
network rm
network connect
network disconnect
network prune
system
system df
system prune
system info
swarm
PATHS
docker --help </dev/null >"$HERE/docker.txt"
# The swarm commands' own texts are those of a swarm manager (`docker swarm --help` above is the one
# printed outside a swarm, which lists only init and join): init a swarm for them, then leave it.
docker swarm init --advertise-addr 127.0.0.1 >/dev/null
while read -r path; do
  [ -n "$path" ] || continue
  docker $path --help </dev/null >"$HERE/${path// /_}.txt"
done <<'SWARM_PATHS'
swarm init
swarm leave
swarm join-token
secret
secret create
secret ls
secret inspect
secret rm
service
service create
service ls
service ps
service scale
service logs
service rm
service inspect
stack
stack deploy
stack ls
stack ps
stack rm
stack services
node
node ls
SWARM_PATHS
docker swarm leave --force >/dev/null
docker help help </dev/null >"$HERE/help.txt"
# `docker help build` bypasses the buildx forwarding and shows the legacy builder's texts.
docker help build </dev/null >"$HERE/legacy_build.txt"
docker help image build </dev/null >"$HERE/legacy_image_build.txt"
docker help builder </dev/null >"$HERE/legacy_builder.txt"
docker help builder build </dev/null >"$HERE/legacy_builder_build.txt"
echo "captured $(ls "$HERE"/*.txt | wc -l) help texts"
