#!/usr/bin/env bash
# Streaming benchmark of the `plume` CLI: peak memory (max RSS) and throughput on large
# generated inputs (CSV, JSONL, --each-line). Prints one line per input.
#
#   benches/cli/run.sh              # 20 MB per input (about a minute each)
#   SIZE_MB=100 benches/cli/run.sh  # the 100 MB of the CLI issue
#
# The inputs are generated into a temporary folder from a few realistic posts (English and
# French, with typos, hashtags, mentions, links, emoji) and removed afterwards.
set -euo pipefail

cd "$(dirname "$0")/../.."
SIZE_MB="${SIZE_MB:-20}"
cargo build --release --bin plume --quiet
PLUME="$PWD/target/release/plume"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$SIZE_MB" <<'PY'
import json, sys, os
work, size_mb = sys.argv[1], int(sys.argv[2])
posts = [
    ("en-US", "Big news, friends: our new app ships tomorow! Try it at example.com/app #Launch @team"),
    ("en-US", "Thank you for the feedback on our first week, we read every comment 🙏"),
    ("en-US", "THIS IS THE BEST RELEASE WE HAVE EVER SHIPPED, go try it now"),
    ("fr", "Merci pour vos retours, on vous retrouve demain pour la démo en direct !"),
    ("en-GB", "We recieve so many messages from you, and we answer them all. Have a great weekend!"),
]
target = size_mb * 1024 * 1024
def fill(path, header, row):
    written, i = 0, 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        if header:
            f.write(header); written += len(header.encode())
        while written < target:
            line = row(i, posts[i % len(posts)])
            f.write(line); written += len(line.encode()); i += 1
    return i
n = fill(os.path.join(work, "posts.csv"), "date,platform,language,text\n",
         lambda i, p: '2026-03-%02d,x,%s,"%s"\n' % (i % 28 + 1, p[0], p[1].replace('"', '""')))
fill(os.path.join(work, "posts.jsonl"), None,
     lambda i, p: json.dumps({"id": i, "lang": p[0], "text": p[1]}, ensure_ascii=False) + "\n")
fill(os.path.join(work, "posts.txt"), None, lambda i, p: p[1] + "\n")
print(f"generated {size_mb} MB inputs ({n} CSV rows) in {work}", file=sys.stderr)
PY

measure() {
  local name="$1"; shift
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$WORK/rss" "$PLUME" "$@" > "$WORK/out" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  rss=$(cat "$WORK/rss")
  python3 - "$name" "$start" "$end" "$rss" "$SIZE_MB" "$(wc -l < "$WORK/out")" <<'PY'
import sys
name, start, end, rss_kb, size, lines = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
secs = end - start
print(f"{name:<28} input {size} MB  peak RSS {rss_kb/1024:6.1f} MB  {secs:6.1f} s  {size/secs:5.1f} MB/s  {lines} output lines")
PY
}

measure "csv --format jsonl" check --format jsonl --fail-on never "$WORK/posts.csv"
measure "jsonl --format vale" check --format vale --fail-on never "$WORK/posts.jsonl"
measure "each-line --format jsonl" check --each-line --lang auto --format jsonl --fail-on never "$WORK/posts.txt"
