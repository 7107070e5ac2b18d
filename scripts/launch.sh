#!/usr/bin/env bash
# Sets up everything that is missing, builds Thaw with its UI embedded, and opens it.
# Without a display (a server, CI), it starts a virtual one (Xvfb) and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
cargo build -p thaw --features custom-protocol
if [ -z "${DISPLAY:-}" ]; then
  display=:77
  if [ ! -e /tmp/.X11-unix/X77 ]; then
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    sleep 1
  fi
  export DISPLAY=$display
  echo "No display found: Thaw runs on the virtual display $DISPLAY."
  echo "See it with: DISPLAY=$DISPLAY import -window root thaw.png"
fi
exec dbus-run-session -- ./target/debug/thaw "$@"
