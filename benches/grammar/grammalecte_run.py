"""Grammalecte's side of the grammar benchmark: checks each sentence of the French set alone with
Debian's python3-grammalecte (default options), writes the scorer's findings (score.py) to stdout
and the time per sentence (microseconds, checking only) to stderr as `us_per_post <n>`.

Grammar errors are `grammar`; spelling errors are `spelling` (suggestions included, so they count
as fixes the way Plume's unknown-word flags do).

  /usr/bin/python3 grammalecte_run.py <fr.tsv> > findings.jsonl
"""

import json
import sys
import time

import grammalecte

checker = grammalecte.GrammarChecker("fr")
checker.getParagraphErrors("Ceci est une phrase pour amorcer le correcteur.", bSpellSugg=True)
elapsed = 0.0
count = 0
with open(sys.argv[1], encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for index, line in enumerate(f):
        row = dict(zip(header, line.rstrip("\n").split("\t")))
        started = time.perf_counter()
        grammar, spelling = checker.getParagraphErrors(row["sentence"], bSpellSugg=True)
        elapsed += time.perf_counter() - started
        count += 1
        findings = [
            {"start": e["nStart"], "end": e["nEnd"], "suggestions": e["aSuggestions"],
             "kind": "grammar", "rule": e["sRuleId"]}
            for e in grammar
        ] + [
            {"start": e["nStart"], "end": e["nEnd"], "suggestions": e.get("aSuggestions", []),
             "kind": "spelling", "rule": "spelling"}
            for e in spelling
        ]
        print(json.dumps({"row": index, "findings": findings}, ensure_ascii=False))
print(f"us_per_post {1e6 * elapsed / max(count, 1):.0f}", file=sys.stderr)
