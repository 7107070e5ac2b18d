#!/usr/bin/env bash
# Thaw makes no network requests. Keep it structural: no HTTP client crate may appear in the
# app's normal dependency tree (dev-dependencies of tests are not shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
banned='^(reqwest|hyper|ureq|isahc|curl|attohttpc|surf|h2|hyper-util|tungstenite|tokio-tungstenite) '
found=$(cargo tree -p thaw -e normal,build --features custom-protocol --prefix none 2>/dev/null | sort -u | grep -E "$banned" || true)
if [ -n "$found" ]; then
  echo "HTTP or socket client crates found in Thaw's dependency tree:" >&2
  echo "$found" >&2
  exit 1
fi
echo "No HTTP client in the app's dependency tree."
