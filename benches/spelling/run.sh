#!/usr/bin/env bash
# Spelling benchmark: Plume, nspell + dictionary-en and harper.js in the same run, side by side.
# Self-contained: installs the peers into benches/spelling/.peers (npm), builds Plume's bench
# binary, samples 5,000 typo pairs from typos-dict, and prints a Markdown table.
# Usage: benches/spelling/run.sh [pairs]   (default 5000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pairs_wanted="${1:-5000}"
work="$root/target/bench-spelling"
mkdir -p "$work" "$here/.peers"

if [ ! -d "$here/.peers/node_modules/harper.js" ] || [ ! -d "$here/.peers/node_modules/nspell" ]; then
  echo "installing peers (nspell, dictionary-en, harper.js) into $here/.peers" >&2
  (cd "$here/.peers" && [ -f package.json ] || echo '{"private":true,"type":"module"}' > "$here/.peers/package.json")
  npm install --silent --prefix "$here/.peers" nspell@2.1.5 dictionary-en@4.0.0 harper.js@2.10.0 >&2
fi
cp "$here/peers.mjs" "$here/.peers/peers.mjs"

cd "$root"
cargo build --quiet --release --example spelling-bench >&2
bench="$root/target/release/examples/spelling-bench"
"$bench" sample "$pairs_wanted" "$work/pairs.tsv" >&2
"$bench" eval "$work/pairs.tsv" "$here/clean-social-en.txt" \
  "$here/clean-social-fr.txt" "$here/brands.txt" > "$work/plume.json" 2> "$work/plume-flags.log"
echo "## Spelling benchmark ($(date -u +%Y-%m-%d), $(uname -m), load average $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'))"
echo ""
node "$here/.peers/peers.mjs" "$work/pairs.tsv" "$here/clean-social-en.txt" "$here/clean-social-fr.txt" "$work/plume.json"
grep '^plume flag' "$work/plume-flags.log" | sed 's/^/    /' || true
