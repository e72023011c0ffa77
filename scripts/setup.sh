#!/usr/bin/env bash
# Installs everything Muelle's build and tests need, and only what is missing (it checks versions
# first, so a second run takes seconds). Sourced by scripts/serve.sh and scripts/test.sh; can also
# be run on its own: `bash scripts/setup.sh`.
#
# Installs: the wasm32-unknown-unknown target, trunk (pinned), wasm-bindgen-cli (the version in
# Cargo.lock), the npm packages of tests/ (Playwright and binaryen's wasm-opt 132) and, when
# /usr/bin/chromium is missing, Debian's chromium. Tools go to ~/.cargo/bin and tests/node_modules,
# which survive between runs. Trunk is configured (Trunk.toml) never to download anything.

set -euo pipefail

MUELLE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MUELLE_ROOT

TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

export PATH="$HOME/.cargo/bin:$PATH"
# Playwright must never download a browser: Debian's Chromium is used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

setup_step() {
  printf '\n==> %s\n' "$*"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: '$*' needs root and sudo is not available" >&2
    return 1
  fi
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# The version of a package in Cargo.lock (the first one listed under that name).
locked_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$MUELLE_ROOT/Cargo.lock"
}

muelle_setup() {
  local started=$SECONDS

  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    echo "error: Rust (cargo and rustup) is required" >&2
    return 1
  fi

  setup_step "Rust target wasm32-unknown-unknown"
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    echo "already installed"
  else
    rustup target add wasm32-unknown-unknown
  fi

  setup_step "Crates (cargo fetch --locked; trunk builds offline)"
  (cd "$MUELLE_ROOT" && cargo fetch --locked --quiet)
  echo "ok"

  setup_step "trunk $TRUNK_VERSION"
  if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    echo "already installed"
  else
    echo "installing (takes several minutes the first time)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  local bindgen_version
  bindgen_version="$(locked_version wasm-bindgen)"
  if [ -z "$bindgen_version" ]; then
    echo "error: wasm-bindgen not found in Cargo.lock" >&2
    return 1
  fi
  setup_step "wasm-bindgen-cli $bindgen_version (the version in Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$bindgen_version" ]; then
    echo "already installed"
  else
    # Without --locked: the CLI's own lockfile pins crate versions the registry may lack.
    cargo install --force wasm-bindgen-cli --version "$bindgen_version"
  fi

  setup_step "Chromium (Debian's)"
  if [ -x "$CHROMIUM" ]; then
    echo "found $CHROMIUM"
  else
    apt_install chromium
  fi

  setup_step "Node.js packages in tests/ (Playwright, binaryen's wasm-opt $WASM_OPT_VERSION)"
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$node_major" -lt 20 ]; then
    echo "error: Playwright needs Node.js 20 or later; found $(node --version 2>/dev/null || echo none)" >&2
    return 1
  fi
  local stamp="$MUELLE_ROOT/tests/node_modules/.muelle-package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$MUELLE_ROOT/tests/package-lock.json"; then
    echo "up to date"
  else
    (cd "$MUELLE_ROOT/tests" && npm ci --no-audit --no-fund)
    cp "$MUELLE_ROOT/tests/package-lock.json" "$stamp"
  fi
  # binaryen's wasm-opt must come before any other (Debian's version 108 breaks the output).
  export PATH="$MUELLE_ROOT/tests/node_modules/.bin:$PATH"
  local wasm_opt_found
  wasm_opt_found="$(wasm-opt --version 2>/dev/null || true)"
  case "$wasm_opt_found" in
    "wasm-opt version $WASM_OPT_VERSION "*) echo "wasm-opt: $wasm_opt_found" ;;
    *)
      echo "error: expected wasm-opt $WASM_OPT_VERSION first on PATH, found '${wasm_opt_found:-none}'" >&2
      return 1
      ;;
  esac

  printf '\nSetup done in %ss.\n' "$((SECONDS - started))"
}

muelle_setup
