#!/usr/bin/env bash
# capture-docker.sh [docker/NN-name.cmds ...]
#
# Recaptures the golden transcripts docker/NN-name.txt from docker/NN-name.cmds against the real
# Docker Engine of shared/tools/real-docker. Every scenario starts from a fresh engine
# (busybox:latest + mini:1.0 imported, registry on localhost:5000) and runs in an empty temporary
# directory. Without arguments, every docker/*.cmds is captured. The engine is stopped at the end.
#
# Environment: REAL_DOCKER_TOOL (default: ../../../../shared/tools/real-docker from this file,
# i.e. /work/shared/tools/real-docker), REAL_DOCKER_HOME (default /tmp/real-docker).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool="${REAL_DOCKER_TOOL:-$here/../../../../shared/tools/real-docker}"
home="${REAL_DOCKER_HOME:-/tmp/real-docker}"
[ -x "$tool/capture.sh" ] || { echo "capture-docker.sh: no real-docker tool at $tool (set REAL_DOCKER_TOOL)" >&2; exit 1; }

if [ "$#" -eq 0 ]; then
  set -- "$here"/docker/*.cmds
fi

for cmds in "$@"; do
  cmds="$(cd "$(dirname "$cmds")" && pwd)/$(basename "$cmds")"
  name="$(basename "$cmds" .cmds)"
  echo "== $name" >&2
  "$tool/stop.sh" >/dev/null
  "$tool/start.sh" --fresh --registry >/dev/null
  # busybox:latest and mini:1.0 are imported within the same second, and the daemon sorts images by
  # their creation second with an unstable sort: their order in `docker images` would then be random.
  # Import mini:1.0 again one second later (start.sh imports whatever is missing), so that mini:1.0
  # is always the newer one, as in the simulator's fixture.
  (
    # shellcheck disable=SC1091
    . "$home/env.sh"
    docker rmi mini:1.0 >/dev/null
  )
  sleep 1.2
  "$tool/start.sh" --registry >/dev/null
  work="$(mktemp -d /tmp/golden-XXXXXX)"
  (
    cd "$work"
    # shellcheck disable=SC1091
    . "$home/env.sh"
    "$tool/capture.sh" "$cmds"
  ) > "$(dirname "$cmds")/$name.txt"
  rm -rf "$work"
  # Remove what is left so that stop.sh does not wait 10 s per running container.
  (
    # shellcheck disable=SC1091
    . "$home/env.sh"
    ids="$(docker ps -aq)"
    if [ -n "$ids" ]; then docker rm -f $ids >/dev/null; fi
  )
done
"$tool/stop.sh" >/dev/null
echo "captured $# scenario(s)" >&2
