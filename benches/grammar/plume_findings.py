"""Turns `plume check --each-line --format jsonl` output into the scorer's findings (score.py).

Each draft is one input line (its `line` field, 1-based), so row = line - 1. Byte spans become
code-point spans. Tone, guideline and platform findings are dropped (the README ignores them);
`spelling.unknown-word` is `spelling`, a `grammar` finding is `grammar`, anything else `other`.

  python3 plume_findings.py < plume.jsonl > findings.jsonl
"""

import json
import sys

IGNORED = {"tone", "guideline", "platform"}

for line in sys.stdin:
    if not line.strip():
        continue
    draft = json.loads(line)
    encoded = draft["text"].encode("utf-8")
    to_chars = lambda byte: len(encoded[:byte].decode("utf-8", errors="ignore"))
    findings = []
    for d in draft["diagnostics"]:
        if d["category"] in IGNORED:
            continue
        if d["rule"] == "spelling.unknown-word":
            kind = "spelling"
        elif d["category"] == "grammar":
            kind = "grammar"
        else:
            kind = "other"
        findings.append(
            {
                "start": to_chars(d["span"]["start"]),
                "end": to_chars(d["span"]["end"]),
                "suggestions": d.get("suggestions", []),
                "kind": kind,
                "rule": d["rule"],
            }
        )
    print(json.dumps({"row": draft["line"] - 1, "findings": findings}, ensure_ascii=False))
