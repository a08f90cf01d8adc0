#!/usr/bin/env bash
# Tone benchmark: Plume's sentiment label and aggression/profanity signal beside VADER, on the same
# tweets in the same run, with time per tweet. Self-contained: installs VADER (PyPI vaderSentiment
# and vadersentiment-fr) into a bench-local venv under target/, builds the native bench binary.
#
#   benches/tone/run.sh [data dir]      (default: ../shared/data from the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data}"
data="$(cd "$data" && pwd)"
venv="$root/target/tone-bench-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "vaderSentiment==3.3.2" "vadersentiment-fr==1.3.4"
fi
echo "# Tone benchmark, $(date -u +%Y-%m-%dT%H:%MZ), data: $data"
echo "# Plume (native, release build; us/tweet is the best of five passes)"
(cd "$root" && cargo bench --quiet --bench tone -- "$data")
echo "# VADER (Python, PyPI vaderSentiment 3.3.2 / vadersentiment-fr 1.3.4; compound ±0.05)"
"$venv/bin/python" "$root/benches/tone/vader.py" "$data"
