#!/usr/bin/env bash
# Trains Plume's sentiment model (tools/tone-model/train.py) in a local venv with pinned numpy,
# writing src/tone/model/sentiment.bin. Reads the development data's tone-train/ folder only.
#
#   tools/tone-model/train.sh [path/to/tone-train]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/tone-model-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "numpy==2.2.6"
fi
PYTHONHASHSEED=0 "$venv/bin/python" "$root/tools/tone-model/train.py" "$@"
