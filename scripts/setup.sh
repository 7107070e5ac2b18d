#!/usr/bin/env bash
# Installs everything Thaw needs to build, run and test on Debian/Ubuntu, as root.
# Idempotent: each step checks first, so a warm machine passes through in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

APT_PACKAGES=(
  # Tauri on Linux
  libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev
  libssl-dev pkg-config build-essential file
  # Real window, WebDriver, session bus, screenshots, PDFs
  webkit2gtk-driver xvfb xauth dbus-x11 dbus imagemagick poppler-utils
  # D-Bus notification tests
  python3-dbus python3-gi
  # Closing and reading Thaw's window from outside (tests/e2e/lib/x11.py)
  python3-xlib x11-utils
  # Crisis actions: xdg-open hands tel:/sms: to the handler, as on a desktop; xclip reads
  # the clipboard after "Copy"
  xdg-utils xclip
  # The platform's own file dialogs (GTK), driven as a person would: type a path, press Enter
  # (tests/e2e/lib/file_dialog.mjs)
  xdotool
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "system packages present"
fi

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  log "installing tauri-driver (about two minutes, once)"
  cargo install tauri-driver --version '^2.0' --locked
else
  log "tauri-driver present"
fi

# The independent FHIR implementation the clinical tests check our exports with, in a venv
# under target/ so the system Python is left alone.
venv=target/pyenv
req=crates/thaw-clinical/tests/requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/.requirements"; then
  log "installing the FHIR validator (Python venv)"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req"
  cp "$req" "$venv/.requirements"
else
  log "FHIR validator present"
fi

# npm install (not ci) only when the lockfile changed since the last install: the registry
# mirror here omits other platforms' optional Tauri CLI binaries from the lockfile, which
# `npm ci` refuses, while `npm install` installs exactly the locked versions.
stamp=node_modules/.thaw-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
else
  log "npm packages present"
fi
log "ready"
