#!/usr/bin/env bash
# Speed and size benchmark (issue: "instant and tiny"). Installs its peers (harper.js, nspell,
# dictionary-en) into benches/speed/node_modules from the committed lock file, then runs
# run.mjs. Needs a built extension (./build.sh). Usage: bash benches/speed/run.sh
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi
node run.mjs
node browser.mjs
