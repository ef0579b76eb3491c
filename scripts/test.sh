#!/usr/bin/env bash
# `npm test`: everything, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }
step "Type-check";            npx tsc --noEmit
step "Lint";                  npx eslint .
step "Unit and component tests (vitest)"; npx vitest run
step "Production builds (Chrome MV3, Firefox MV3)"; npm run -s build
step "web-ext lint (Firefox build)"; node scripts/webext-lint.mjs
step "End-to-end tests in real Chromium and Firefox ESR"; npm run -s e2e
