#!/usr/bin/env bash
# Fetches the tone lexicons from their registries and rewrites them as the plain TSV files vendored
# beside this script (one entry a line), with each package's licence. Run it to refresh or audit the
# vendored data; the build (build.rs) only reads the TSV files, never the network.
#
#   data/lexicons/fetch.sh
#
# Needs: python3 with pip, node with npm. Versions are pinned below.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

VADER_EN=3.3.2        # PyPI vaderSentiment (MIT)
VADER_FR=1.3.4        # PyPI vadersentiment-fr (MIT)
TEXTBLOB_FR=0.2.0     # PyPI textblob-fr (MIT code; pattern lexicon PDDL)
CUSS=2.2.0            # npm cuss (MIT)
EQUALITY=7.1.0        # npm retext-equality (MIT)

cd "$work"
pip download --quiet --no-deps --no-binary :none: -d py \
  "vaderSentiment==$VADER_EN" "vadersentiment-fr==$VADER_FR" \
  "textblob-fr==$TEXTBLOB_FR"
mkdir -p unz
for f in py/*.whl; do python3 -m zipfile -e "$f" unz; done
for f in py/*.tar.gz; do tar xzf "$f" -C unz; done
npm pack --silent "cuss@$CUSS" "retext-equality@$EQUALITY" >/dev/null
mkdir -p cuss equality
tar xzf "cuss-$CUSS.tgz" -C cuss
tar xzf "retext-equality-$EQUALITY.tgz" -C equality

mkdir -p "$here/en" "$here/fr" "$here/licenses"
cp unz/vaderSentiment_fr-*/LICENSE.txt "$here/licenses/vadersentiment-fr.LICENSE.txt"
cp cuss/package/license "$here/licenses/cuss.LICENSE.txt"
cp equality/package/license "$here/licenses/retext-equality.LICENSE.txt"

python3 - "$here" <<'PY'
import sys, re, glob, xml.etree.ElementTree as ET
here = sys.argv[1]
hdr = "# {what}\n# Source: {src}. Licence: {lic}. Regenerate with data/lexicons/fetch.sh.\n"

def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")

# VADER English: token and mean valence (-4..4).
rows = []
for line in open("unz/vaderSentiment/vader_lexicon.txt", encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 2:
        rows.append((parts[0], parts[1]))
write(f"{here}/en/vader.tsv", hdr.format(what="VADER sentiment lexicon: token<TAB>mean valence (-4..4)",
      src="PyPI vaderSentiment 3.3.2, vaderSentiment/vader_lexicon.txt", lic="MIT (C.J. Hutto)"), rows)
vader = {w: float(v) for w, v in rows}

# Emoji valence: VADER reads an emoji as its description, so score the description with the lexicon.
rows = []
for line in open("unz/vaderSentiment/emoji_utf8_lexicon.txt", encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2:
        continue
    s = sum(vader.get(w, 0.0) for w in parts[1].lower().replace(":", " ").split())
    s = max(-4.0, min(4.0, s))
    if abs(s) >= 0.05:
        rows.append((parts[0], f"{s:.2f}"))
write(f"{here}/emoji.tsv", hdr.format(what="Emoji valence: emoji<TAB>valence, the VADER score of the emoji's description",
      src="PyPI vaderSentiment 3.3.2, emoji_utf8_lexicon.txt scored with vader_lexicon.txt", lic="MIT (C.J. Hutto)"), rows)

# VADER French: `token->valence`.
rows = []
for line in open(glob.glob("unz/vaderSentiment_fr-*/vaderSentiment_fr/fr_lexicon.txt")[0], encoding="utf-8"):
    line = line.rstrip("\n")
    if "->" in line:
        w, v = line.rsplit("->", 1)
        rows.append((w.strip(), v.strip()))
write(f"{here}/fr/vader.tsv", hdr.format(what="VADER French lexicon: token<TAB>valence (-4..4)",
      src="PyPI vadersentiment-fr 1.3.4, vaderSentiment_fr/fr_lexicon.txt", lic="MIT (C.J. Hutto; French adaptation)"), rows)

# pattern polarity (adjectives): form and mean polarity (-1..1) over its senses.
# English leaves pattern out: VADER covers it and pattern only added noise on social text.
for lang, path in (("fr", "unz/textblob_fr/fr-sentiment.xml"),):
    acc = {}
    for w in ET.parse(path).getroot().iter("word"):
        form = w.get("form", "").lower()
        try:
            p = float(w.get("polarity", "0"))
        except ValueError:
            continue
        acc.setdefault(form, []).append(p)
    rows = [(f, f"{sum(v)/len(v):.2f}") for f, v in sorted(acc.items()) if f and abs(sum(v)/len(v)) >= 0.05]
    write(f"{here}/{lang}/pattern.tsv", hdr.format(what="pattern polarity lexicon: adjective<TAB>mean polarity (-1..1)",
          src=f"PyPI textblob-fr 0.2.0, {path.split('/')[-1]}", lic="PDDL (Tom De Smedt, CLiPS pattern)"), rows)

# cuss: `word: rating` or `'phrase': rating` (0 maybe, 1 likely, 2 surely profane).
for lang, js in (("en", "cuss/package/index.js"), ("fr", "cuss/package/fr.js")):
    rows = []
    for line in open(js, encoding="utf-8"):
        m = re.match(r"""\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s:'"]+)):\s*([0-2]),?\s*$""", line)
        if m:
            word = (m.group(1) or m.group(2) or m.group(3)).replace("\\'", "'")
            rows.append((word, m.group(4)))
    write(f"{here}/{lang}/cuss.tsv", hdr.format(what="Profanity: word or phrase<TAB>sureness (0 maybe, 1 likely, 2 surely profane)",
          src=f"npm cuss 2.2.0, {js.split('/')[-1]}", lic="MIT (Titus Wormer)"), rows)
PY

node --input-type=module - "$here" "$work/equality/package/lib/patterns-en.js" <<'JS'
import { writeFileSync } from 'node:fs';
const [here, src] = process.argv.slice(2);
const { patterns } = await import(src);
const lines = [
  '# Inclusive-language patterns: id<TAB>type (basic|or)<TAB>inconsiderate term=category|…<TAB>considerate terms|…<TAB>condition',
  '# Source: npm retext-equality 7.1.0, lib/patterns-en.js. Licence: MIT (Titus Wormer). Regenerate with data/lexicons/fetch.sh.',
];
for (const p of patterns) {
  const bad = Object.entries(p.inconsiderate).map(([w, c]) => `${w}=${c}`).join('|');
  const good = Object.keys(p.considerate || {}).join('|');
  lines.push([p.id, p.type, bad, good, p.condition || ''].join('\t'));
}
writeFileSync(`${here}/en/equality.tsv`, lines.join('\n') + '\n');
JS
echo "lexicons written to $here"
