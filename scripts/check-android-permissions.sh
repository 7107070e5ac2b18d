#!/usr/bin/env bash
# On a phone, "no network" is proven by the permissions: an Android app without the INTERNET
# permission cannot open a socket at all. Tauri's Android template asks for INTERNET (its
# development server needs it), so Thaw's app manifest removes it for release builds, and this
# check fails the build if it comes back in any manifest given (or, with none given, in the
# generated project's release manifests: the source one and, after a build, the merged one that
# libraries' permissions are added to).
#
#   scripts/check-android-permissions.sh [AndroidManifest.xml ...]
#
# Passes when every manifest either does not ask for INTERNET or removes it
# (tools:node="remove"). Used by the Android release build (docs/mobile.md) and tested on
# fixtures by scripts/test-android-permissions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

manifests=("$@")
if ((${#manifests[@]} == 0)); then
  main=gen/android/app/src/main/AndroidManifest.xml
  if [ ! -f "$main" ]; then
    echo "No Android project here ($main): run 'npx tauri android init' first (docs/mobile.md)." >&2
    exit 2
  fi
  manifests=("$main")
  while IFS= read -r -d '' merged; do manifests+=("$merged"); done < <(
    find gen/android/app/build/intermediates -path '*release*' -name AndroidManifest.xml -print0 2>/dev/null || true)
fi

status=0
for m in "${manifests[@]}"; do
  # Each <uses-permission …> element on one line, whatever its formatting.
  asks=$(tr '\n' ' ' <"$m" | grep -oE '<uses-permission[^>]*>' || true)
  bad=$(grep -E 'android\.permission\.INTERNET"' <<<"$asks" | grep -v 'tools:node="remove"' || true)
  if [ -n "$bad" ]; then
    echo "$m asks for the INTERNET permission: Thaw never goes online, and a release must not be able to." >&2
    echo "  $bad" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "No INTERNET permission in: ${manifests[*]}"
exit $status
