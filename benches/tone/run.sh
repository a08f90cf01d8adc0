#!/usr/bin/env bash
# Tone benchmark: Plume's sentiment label and aggression/profanity signal beside VADER, on the same
# tweets in the same run, with time per tweet. Self-contained: installs VADER (PyPI vaderSentiment
# and vadersentiment-fr) into a bench-local venv under target/, builds the native bench binary.
#
#   benches/tone/run.sh [data dir]
#
# The data dir (the development tweets, which may not be committed: see data-sources.md) is the
# argument, else $PLUME_DATA_DIR, else the first of ../shared/data and ../../shared/data (from the
# repository root; the second serves git worktrees one level deeper) that exists. A clone with
# none of these skips this benchmark and says so; a dir that was named but is missing is an error.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-${PLUME_DATA_DIR:-}}"
if [ -z "$data" ]; then
  for candidate in "$root/../shared/data" "$root/../../shared/data"; do
    if [ -d "$candidate/tweeteval" ]; then
      data="$candidate"
      break
    fi
  done
  if [ -z "$data" ]; then
    echo "tone bench skipped: the development tweets are not beside this clone (looked for ../shared/data and ../../shared/data); pass their folder as the first argument or set PLUME_DATA_DIR."
    exit 0
  fi
fi
if [ ! -d "$data/tweeteval" ]; then
  echo "tone bench: no development data in '$data' (it needs tweeteval/, xlmt-en/, xlmt-fr/)" >&2
  exit 2
fi
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
