#!/usr/bin/env bash
# Serves Muelle at http://127.0.0.1:8080, installing whatever is missing first.
# The release build is served (what dist/ will contain); it rebuilds when a file changes.
# MUELLE_DEV=1 serves a debug build instead (faster rebuilds, bigger files).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$MUELLE_ROOT"

release="--release"
if [ "${MUELLE_DEV:-0}" = "1" ]; then
  release=""
fi

printf '\n==> Serving Muelle at http://127.0.0.1:8080 (Ctrl+C to stop)\n'
# Served from the root; the built files use relative URLs so dist/ works from any folder.
exec trunk serve $release --public-url / --address 127.0.0.1 --port 8080 "$@"
