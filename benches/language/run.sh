#!/usr/bin/env bash
# Language-decision benchmark: how often `auto` reads the development tweets (XLM-T French and
# English, TweetEval) in their language, all of them and the short replies (2–10 words), and how
# many common words of the other language get flagged. Native, release build.
#
#   benches/language/run.sh [data dir] [--show]
#
# The data dir is the argument, else $PLUME_DATA_DIR, else the first of ../shared/data and
# ../../shared/data (from the repository root) that exists; a clone with none of these skips the
# benchmark and says so. `--show` lists the tweets decided wrong and the words flagged.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-${PLUME_DATA_DIR:-}}"
if [ "$data" = "--show" ]; then data="${PLUME_DATA_DIR:-}"; fi
if [ -z "$data" ]; then
  for candidate in "$root/../shared/data" "$root/../../shared/data"; do
    if [ -d "$candidate/xlmt-fr" ]; then
      data="$candidate"
      break
    fi
  done
  if [ -z "$data" ]; then
    echo "language bench skipped: the development tweets are not beside this clone (looked for ../shared/data and ../../shared/data); pass their folder as the first argument or set PLUME_DATA_DIR."
    exit 0
  fi
fi
if [ ! -d "$data/xlmt-fr" ]; then
  echo "language bench: no development data in '$data' (it needs xlmt-fr/, xlmt-en/, tweeteval/)" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"
show=""
for arg in "$@"; do
  if [ "$arg" = "--show" ]; then show="--show"; fi
done
echo "# Language decision benchmark, $(date -u +%Y-%m-%dT%H:%MZ), data: $data"
(cd "$root" && cargo bench --quiet --bench language -- "$data" $show)
