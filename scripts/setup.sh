#!/usr/bin/env bash
# Installs what the demo and the tests need when it is missing: the npm packages from the lockfile and Debian's
# Chromium and Firefox ESR. Safe to run again; does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Crocus Context needs Node 20.19+ (found $(node --version))." >&2
  exit 1
fi

if [ ! -d node_modules/wxt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
    command -v sudo >/dev/null 2>&1 || { echo "Cannot install ${missing[*]}: not root and no sudo. Install them with apt-get, then run again." >&2; exit 1; }
  else
    SUDO=
  fi
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "Could not install ${missing[*]} with apt-get (is this Debian, with its package mirrors reachable?)." >&2
    exit 1
  fi
fi
