#!/usr/bin/env bash
# Tone benchmark: Plume's sentiment label and aggression/profanity signal beside VADER, on the same
# tweets in the same run, with time per tweet. Self-contained: installs VADER (PyPI vaderSentiment
# and vadersentiment-fr) into a bench-local venv under target/, builds the native bench binary.
#
#   benches/tone/run.sh [data dir]
#
# The data dir defaults to the first of ../shared/data and ../../shared/data (from the repository
# root; the second serves git worktrees one level deeper) that exists.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ $# -ge 1 ]; then
  data="$1"
elif [ -d "$root/../shared/data" ]; then
  data="$root/../shared/data"
else
  data="$root/../../shared/data"
fi
if ! data="$(cd "$data" 2>/dev/null && pwd)"; then
  echo "tone bench: data dir not found; pass it as the first argument" >&2
  exit 2
fi
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
