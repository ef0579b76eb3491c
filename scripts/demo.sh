#!/usr/bin/env bash
# `npm run demo`: builds both browsers' extensions (folders and store zips), then loads the Chrome build into
# real headless Chromium on the seed article served on loopback, and writes screenshots plus the list of
# recognized mentions to demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "==> Building and zipping the Chrome (MV3) and Firefox (MV3) extensions"
npm run -s zip
ls -1 .output/*.zip
echo "==> Running the demo in headless Chromium"
node scripts/demo.mjs
