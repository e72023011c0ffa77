#!/usr/bin/env bash
# Runs every test of Muelle, installing whatever is missing first:
#   1. the web-crate gate (the simulator must not depend on leptos, web-sys, wasm-bindgen, js-sys, gloo)
#   2. cargo test for the whole workspace
#   3. the release web build with Trunk into dist/
#   4. the bundle-size report (.wasm + .js, raw and gzip -9); fails above the budget
#   5. the browser tests (Playwright in Debian's Chromium) against a static server of dist/
# and ends with a summary. .ci/run calls this script and nothing else.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$MUELLE_ROOT"

# Measured 2026-11-30 05:36 UTC on a fresh clone: 1,107.5 KB gzip (.wasm 1,099.0 + .js 8.5), with
# the course compiled at build time, one std sort, fewer BTree types and table-built JSON. The
# budget keeps ~8% above it; issue #8's target for the whole app is 600 KB, below the engine alone
# (774 KB: scripts/engine-size.sh).
GZIP_BUDGET_BYTES=1200000 # 1.2 MB
ARTIFACTS="$MUELLE_ROOT/tests/artifacts"
LOGS="$MUELLE_ROOT/target/muelle-test"
mkdir -p "$ARTIFACTS" "$LOGS"
rm -f "$ARTIFACTS"/*.png "$ARTIFACTS"/*.json "$ARTIFACTS"/*.txt

current_step="setup"
server_pid=""
test_started=$SECONDS

on_exit() {
  local rc=$?
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ]; then
    printf '\nFAILED during: %s (exit %s, after %ss)\n' "$current_step" "$rc" "$((SECONDS - test_started))" >&2
  fi
}
trap on_exit EXIT

step() {
  current_step="$*"
  printf '\n==> %s\n' "$*"
}

kb() {
  awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'
}

# ---------------------------------------------------------------------------------------------
step "Gate: the simulator crate uses no web crates"
forbidden='^(leptos|leptos_[a-z_]+|web-sys|wasm-bindgen|js-sys|gloo|gloo-[a-z-]+) '
simulator_deps="$(cargo tree --locked -p simulator -e normal --target all --prefix none --format '{p}')"
if offenders="$(printf '%s\n' "$simulator_deps" | grep -E "$forbidden" | sort -u)" && [ -n "$offenders" ]; then
  echo "error: simulator depends on web crates:" >&2
  printf '  %s\n' "$offenders" >&2
  exit 1
fi
echo "ok: $(printf '%s\n' "$simulator_deps" | sort -u | wc -l) crates, none of them web crates"

# ---------------------------------------------------------------------------------------------
step "cargo test --workspace"
cargo_started=$SECONDS
cargo test --locked --workspace 2>&1 | tee "$LOGS/cargo-test.log"
cargo_seconds=$((SECONDS - cargo_started))
read -r cargo_passed cargo_failed cargo_ignored < <(
  awk '/^test result:/ { p += $4; f += $6; i += $8 } END { printf "%d %d %d\n", p, f, i }' "$LOGS/cargo-test.log"
)

# ---------------------------------------------------------------------------------------------
step "Release web build (trunk build --release → dist/)"
build_started=$SECONDS
trunk build --release
build_seconds=$((SECONDS - build_started))

# ---------------------------------------------------------------------------------------------
step "Bundle size (.wasm + .js transferred, gzip -9)"
shopt -s nullglob
bundle=(dist/*.wasm dist/*.js)
shopt -u nullglob
if [ "${#bundle[@]}" -eq 0 ]; then
  echo "error: no .wasm or .js in dist/" >&2
  exit 1
fi
raw_total=0
gzip_total=0
report="$(printf '%-48s %12s %12s' "file" "raw" "gzip -9")"
for f in "${bundle[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  raw_total=$((raw_total + raw))
  gzip_total=$((gzip_total + gz))
  report+="$(printf '\n%-48s %12s %12s' "$(basename "$f")" "$(kb "$raw")" "$(kb "$gz")")"
done
report+="$(printf '\n%-48s %12s %12s' "total" "$(kb "$raw_total")" "$(kb "$gzip_total")")"
report+="$(printf '\nbudget: gzip total <= %s' "$(kb "$GZIP_BUDGET_BYTES")")"
printf '%s\n' "$report" | tee "$ARTIFACTS/bundle-size.txt"
# Where the bytes go: code and data of the shipped .wasm, and the code by crate and module.
linked_wasm="target/wasm32-unknown-unknown/release/muelle.wasm"
for f in "${bundle[@]}"; do
  case "$f" in
    *.wasm) python3 scripts/bundle-breakdown.py "$f" "$linked_wasm" | tee -a "$ARTIFACTS/bundle-size.txt" ;;
  esac
done
echo "BUNDLE_RAW_BYTES=$raw_total"
echo "BUNDLE_GZIP_BYTES=$gzip_total"
if [ "$gzip_total" -gt "$GZIP_BUDGET_BYTES" ]; then
  echo "error: the gzip total $(kb "$gzip_total") exceeds the budget of $(kb "$GZIP_BUDGET_BYTES")" >&2
  exit 1
fi

# ---------------------------------------------------------------------------------------------
step "Static server of dist/ on 127.0.0.1"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory dist "$port" >"$LOGS/http-server.log" 2>&1 &
server_pid=$!
base_url="http://127.0.0.1:$port"
python3 - "$base_url" <<'PY'
import sys, time, urllib.request
url = sys.argv[1] + "/"
deadline = time.monotonic() + 15
while True:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(f"error: the static server did not answer at {url}")
    time.sleep(0.2)
PY
echo "serving dist/ at $base_url (pid $server_pid)"

# ---------------------------------------------------------------------------------------------
step "Browser tests (Playwright, $CHROMIUM)"
browser_started=$SECONDS
(cd tests && MUELLE_BASE_URL="$base_url" CHROMIUM_PATH="$CHROMIUM" playwright test)
browser_seconds=$((SECONDS - browser_started))

metrics="$ARTIFACTS/metrics.json"
results="$ARTIFACTS/results.json"
read -r load_ms screenshot < <(python3 - "$metrics" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(m.get("load_time_ms", "?"), m.get("screenshot", "?"))
PY
)
read -r pw_passed pw_failed pw_skipped < <(python3 - "$results" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["stats"]
print(s.get("expected", 0) + s.get("flaky", 0), s.get("unexpected", 0), s.get("skipped", 0))
PY
)

# ---------------------------------------------------------------------------------------------
current_step="summary"
passed=$((cargo_passed + pw_passed))
failed=$((cargo_failed + pw_failed))
skipped=$((cargo_ignored + pw_skipped))
cat <<SUMMARY

================================ Muelle: summary ================================
cargo test        ${cargo_passed} passed, ${cargo_failed} failed, ${cargo_ignored} ignored (${cargo_seconds}s)
release build     ${build_seconds}s → dist/
bundle (gzip -9)  $(kb "$gzip_total") of .wasm + .js (raw $(kb "$raw_total")); budget $(kb "$GZIP_BUDGET_BYTES")
browser tests     ${pw_passed} passed, ${pw_failed} failed, ${pw_skipped} skipped (${browser_seconds}s)
load time         LOAD_TIME_MS=${load_ms} (navigation → terminal ready, headless Chromium)
screenshot        ${screenshot}
size report       ${ARTIFACTS}/bundle-size.txt
total time        $((SECONDS - test_started))s
=================================================================================
all: ${passed} passed, ${failed} failed, ${skipped} skipped
SUMMARY
