#!/usr/bin/env bash
# Grammar benchmark: Plume beside Harper (English, npm harper.js) and Grammalecte (French, Debian
# grammalecte-cli + python3-grammalecte) on the development grammar set, in the same run. Prints
# detection, correction and false alarms per language, scored as the set's README says
# (score.py), and microseconds per sentence.
#
#   benches/grammar/run.sh [data dir] [--show N]
#
# The data dir holds grammar/{en,fr}.tsv (LGPL: read here at bench time, never copied into the
# repository): the argument, else $PLUME_DATA_DIR, else ../shared/data or ../../shared/data from
# the repository root. A clone with none of these skips this benchmark and says so.
# `--show N` also prints N of Plume's misses and false alarms per language (for the developer).
# Installs its peers when missing: harper.js into benches/grammar/.peers (npm), Grammalecte with
# apt-get (root) when /usr/bin/grammalecte-cli is absent; a peer that cannot be installed is
# reported as skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${PLUME_DATA_DIR:-}"
show=0
while [ $# -gt 0 ]; do
  case "$1" in
    --show) show="$2"; shift 2 ;;
    *) data="$1"; shift ;;
  esac
done
if [ -z "$data" ]; then
  for candidate in "$root/../shared/data" "$root/../../shared/data"; do
    if [ -f "$candidate/grammar/fr.tsv" ]; then
      data="$candidate"
      break
    fi
  done
  if [ -z "$data" ]; then
    echo "grammar bench skipped: the development grammar set is not beside this clone (looked for ../shared/data/grammar and ../../shared/data/grammar); pass its parent folder as the first argument or set PLUME_DATA_DIR."
    exit 0
  fi
fi
if [ ! -f "$data/grammar/en.tsv" ] || [ ! -f "$data/grammar/fr.tsv" ]; then
  echo "grammar bench: no grammar/en.tsv and grammar/fr.tsv in '$data'" >&2
  exit 2
fi
work="$root/target/bench-grammar"
mkdir -p "$work" "$here/.peers"

# Peers.
harper=yes
if [ ! -d "$here/.peers/node_modules/harper.js" ]; then
  echo "installing harper.js into $here/.peers" >&2
  [ -f "$here/.peers/package.json" ] || echo '{"private":true,"type":"module"}' > "$here/.peers/package.json"
  npm install --silent --prefix "$here/.peers" harper.js@2.10.0 >&2 || harper=no
fi
cp "$here/harper.mjs" "$here/.peers/harper.mjs"
grammalecte=yes
if ! /usr/bin/python3 -c 'import grammalecte' 2>/dev/null; then
  echo "installing grammalecte-cli and python3-grammalecte (apt)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq grammalecte-cli python3-grammalecte; } >&2 || grammalecte=no
fi

cd "$root"
cargo build --quiet --release --bin plume >&2
plume="$root/target/release/plume"

# Nanoseconds that a command takes.
nanos() {
  local started
  started=$(date +%s%N)
  "$@"
  echo $(($(date +%s%N) - started))
}

# plume_run <lang code> <tsv> <out prefix>: findings and microseconds per sentence (the time of
# one sentence, start-up and dictionary load included, is subtracted from the time of all).
plume_run() {
  local lang="$1" tsv="$2" out="$3" rows whole one
  tail -n +2 "$tsv" | cut -f3 > "$out.txt"
  head -n 1 "$out.txt" > "$out.first.txt"
  rows=$(wc -l < "$out.txt")
  check() { "$plume" check --each-line --lang "$lang" --format jsonl - < "$1" > "$2" || [ $? -eq 1 ]; }
  # Best of three runs each: the machine may be shared.
  best() { local b=0 t; for _ in 1 2 3; do t=$(nanos check "$1" "$2"); if [ "$b" = 0 ] || [ "$t" -lt "$b" ]; then b=$t; fi; done; echo "$b"; }
  one=$(best "$out.first.txt" "$out.first.jsonl")
  whole=$(best "$out.txt" "$out.jsonl")
  python3 "$here/plume_findings.py" < "$out.jsonl" > "$out.findings.jsonl"
  echo $(((whole - one) / 1000 / (rows - 1)))
}

row() { # row <tool> <scores json> <us per sentence>
  python3 -c 'import json,sys; s=json.loads(sys.argv[2]); p=lambda k: "%.1f %%" % (100*s[k]); print("| %s | %s | %s | %s (%s) | %s |" % (sys.argv[1], p("detect"), p("fix"), p("false_alarm"), p("false_alarm_any"), sys.argv[3]))' "$@"
}

echo "## Grammar benchmark ($(date -u +%Y-%m-%d), $(uname -m), load average $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'))"
echo ""
echo "Data: $data/grammar (development half; en $(($(wc -l < "$data/grammar/en.tsv") - 1)) rows, fr $(($(wc -l < "$data/grammar/fr.tsv") - 1)) rows)."
echo ""
echo "| language, tool | detect | fix | false alarms (any non-spelling finding) | µs/sentence |"
echo "|---|---|---|---|---|"
for lang in en fr; do
  tsv="$data/grammar/$lang.tsv"
  code=$([ "$lang" = en ] && echo en-US || echo fr)
  us=$(plume_run "$code" "$tsv" "$work/plume-$lang")
  row "$lang, Plume" "$(python3 "$here/score.py" "$tsv" "$work/plume-$lang.findings.jsonl")" "$us"
  if [ "$lang" = en ]; then
    if [ "$harper" = yes ]; then
      node "$here/.peers/harper.mjs" "$tsv" > "$work/harper.findings.jsonl" 2> "$work/harper.err"
      row "en, Harper (harper.js 2.10.0)" "$(python3 "$here/score.py" "$tsv" "$work/harper.findings.jsonl")" "$(awk '/us_per_post/ {print $2}' "$work/harper.err")"
    else
      echo "| en, Harper | skipped: harper.js could not be installed | | | |"
    fi
  else
    if [ "$grammalecte" = yes ]; then
      /usr/bin/python3 "$here/grammalecte_run.py" "$tsv" > "$work/grammalecte.findings.jsonl" 2> "$work/grammalecte.err"
      row "fr, Grammalecte ($(dpkg-query -W -f '${Version}' python3-grammalecte 2>/dev/null || echo '?'))" "$(python3 "$here/score.py" "$tsv" "$work/grammalecte.findings.jsonl")" "$(awk '/us_per_post/ {print $2}' "$work/grammalecte.err")"
    else
      echo "| fr, Grammalecte | skipped: could not be installed | | | |"
    fi
  fi
done
echo ""
echo "detect: an incorrect sentence's marked span is flagged (any finding but an unknown word), or a suggestion fixes it; fix: applying one suggestion gives an accepted correction; false alarms: correct sentences with a grammar finding (in brackets: with any non-spelling finding; Harper's formatting, capitalisation, punctuation and style lints count only there). Plume: \`plume check --each-line --lang en-US|fr --format jsonl\` (release CLI; µs/sentence: the best of three runs' time minus the best one-sentence run, over the sentences). Peers: in-process time per sentence, checking only."
if [ "$show" -gt 0 ]; then
  for lang in en fr; do
    echo ""
    echo "### Plume, $lang: first $show misses and false alarms"
    python3 "$here/score.py" "$data/grammar/$lang.tsv" "$work/plume-$lang.findings.jsonl" --misses "$show" --alarms "$show" \
      | python3 -c 'import json,sys; s=json.load(sys.stdin); [print("miss", *m, sep=" | ") for m in s["misses"]]; [print("alarm", *a, sep=" | ") for a in s["alarms"]]'
  done
fi
