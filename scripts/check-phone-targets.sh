#!/usr/bin/env bash
# The phone targets stay compiling: every workspace crate that builds no C code is checked with
# `cargo check` for Android (aarch64-linux-android) and iOS (aarch64-apple-ios). Crates whose
# dependency tree compiles C (SQLCipher and OpenSSL through `cc`) need the Android NDK or Xcode,
# which these machines do not have: they are listed as not checked, never silently passed.
# The two Rust targets are added by scripts/setup.sh (which scripts/test.sh runs first).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(aarch64-linux-android aarch64-apple-ios)

installed=$(rustup target list --installed)
for t in "${TARGETS[@]}"; do
  if ! grep -qx "$t" <<<"$installed"; then
    echo "The Rust target $t is missing: run scripts/setup.sh (rustup target add $t)." >&2
    exit 1
  fi
done

# Workspace members, by name.
members=$(cargo metadata --no-deps --format-version 1 \
  | python3 -c 'import json,sys; print("\n".join(p["name"] for p in json.load(sys.stdin)["packages"]))')

status=0
for t in "${TARGETS[@]}"; do
  pure=()
  with_c=()
  for m in $members; do
    # A C build step anywhere below: the `cc` crate (what build scripts use to run a C compiler).
    if cargo tree -p "$m" --target "$t" -e normal,build --prefix none 2>/dev/null | grep -qE '^cc v'; then
      with_c+=("$m")
    else
      pure+=("$m")
    fi
  done
  if ((${#pure[@]} == 0)); then
    echo "no crate without a C build step found for $t" >&2
    exit 1
  fi
  args=()
  for m in "${pure[@]}"; do args+=(-p "$m"); done
  echo "$t: cargo check ${pure[*]}"
  cargo check --target "$t" "${args[@]}" || status=1
  echo "$t: not checked here (C build step: needs the NDK or Xcode): ${with_c[*]:-none}"
done
exit $status
