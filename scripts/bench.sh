#!/usr/bin/env bash
# The release benchmark: builds release Thaw (and its .deb) and the bare Tauri app in
# bench/bare-app/ in the same run, measures both the same way (start-up to the first screen,
# peak memory of the whole process tree, binary and package sizes, UI bundle), prints a markdown
# table and writes BENCHMARKS.md at the repository root.
#
# Not part of scripts/test.sh: release builds (LTO, one codegen unit) take a long time.
#   bash scripts/bench.sh               # build both, then 12 runs each
#   BENCH_RUNS=20 bash scripts/bench.sh
#   BENCH_SKIP_BUILD=1 bash scripts/bench.sh   # measure what is already built
#   BENCH_PROBE=0 bash scripts/bench.sh         # without the probe (bare shell + Thaw's UI)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[bench]\033[0m %s\n' "$*"; }

# Each app uses its own target folder: target/ for Thaw, bench/bare-app/target/ for the bare app.
unset CARGO_TARGET_DIR

bash scripts/setup.sh

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  log "building release Thaw and its .deb (npx tauri build --bundles deb; slow: LTO)"
  start=$SECONDS
  npx tauri build --bundles deb
  log "release Thaw built in $((SECONDS - start)) s"

  if [ "${BENCH_PROBE:-1}" != 0 ]; then
    # The probe: the same bare shell serving Thaw's real UI, to tell the UI's share of start-up
    # from the shell's. Built first and copied aside; the plain bare app is built after it.
    log "building the probe (the bare shell with Thaw's ui/dist)"
    start=$SECONDS
    (cd bench/bare-app && ../../node_modules/.bin/tauri build --no-bundle \
      --config '{"build":{"frontendDist":"../../ui/dist"}}')
    cp bench/bare-app/target/release/bare-app bench/bare-app/target/probe-thaw-ui
    log "probe built in $((SECONDS - start)) s"
  fi

  log "building the release bare Tauri app (bench/bare-app)"
  start=$SECONDS
  (cd bench/bare-app && ../../node_modules/.bin/tauri build --bundles deb)
  log "bare app built in $((SECONDS - start)) s"
fi

if [ "${BENCH_PROBE:-1}" != 0 ] && [ -x bench/bare-app/target/probe-thaw-ui ]; then
  export PROBE_BIN=$PWD/bench/bare-app/target/probe-thaw-ui
fi

log "measuring (Xvfb, private D-Bus session, ${BENCH_RUNS:-12} runs each, alternating)"
node bench/measure.mjs
log "BENCHMARKS.md written"
