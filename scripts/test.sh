#!/usr/bin/env bash
# Sets up everything that is missing, then runs every check Thaw has:
# formatting, clippy, Rust tests, UI type check and unit tests, a build of the real app,
# and the end-to-end journeys in a real window. Prints a summary; non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-always}
# The clinical tests check exports with an independent FHIR implementation and render the
# PDF to PNG; both tools are installed by setup.sh.
export PATH="$PWD/target/pyenv/bin:$PATH"
export THAW_FHIR_VALIDATE=1 THAW_PDF_RENDER=1
# One feature set for every cargo command, so the app and its tests share one build.
FEATURES=(--features custom-protocol)

names=()
results=()
times=()

step() {
  local name=$1
  shift
  printf '\n\033[1;35m==> %s\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then results+=(pass); else results+=(FAIL); fi
  names+=("$name")
  times+=($((SECONDS - start)))
}

failed() { [[ " ${results[*]} " == *" FAIL "* ]]; }

step "setup (system packages, tauri-driver, npm)" bash scripts/setup.sh
if failed; then
  echo "Setup failed; nothing else can run." >&2
  exit 1
fi
step "rustfmt" cargo fmt --all --check
step "ui build" npm run --silent build
step "clippy (warnings denied)" cargo clippy --workspace --all-targets "${FEATURES[@]}" -- -D warnings
step "rust tests" cargo test --workspace "${FEATURES[@]}"
step "no http client in the app" bash scripts/check-no-network-deps.sh
# Phones: the crates without a C build step compile for Android and iOS (the rest need the NDK or
# Xcode; see docs/mobile.md), and the release manifest check refuses INTERNET (on fixtures here).
step "phone targets (cargo check, Android and iOS)" bash scripts/check-phone-targets.sh
step "no INTERNET permission on Android (check tested)" bash scripts/test-android-permissions.sh
step "ui type check" npm run --silent check
step "ui unit tests" npm run --silent test:unit
step "app build (debug, ui embedded)" cargo build -p thaw "${FEATURES[@]}"
# The .deb as people get it (debug, so it reuses the build above), installed, opened and removed.
step "package (.deb, debug)" npx tauri build --debug --bundles deb "${FEATURES[@]}"
step "package install test" node --test tests/package/
step "end-to-end (real app, Xvfb, tauri-driver)" npm run --silent test:e2e

echo
printf '\033[1m%-48s %-6s %s\033[0m\n' "step" "result" "seconds"
pass=0
fail=0
for i in "${!names[@]}"; do
  printf '%-48s %-6s %s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
  if [ "${results[$i]}" = pass ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "Screenshots: target/e2e-screenshots/"
echo "steps: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
