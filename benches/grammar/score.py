"""Grammar benchmark scorer: reads the development set (a TSV) and one tool's findings, prints
detection, correction and false alarms as the data README defines them.

Findings come as JSON lines, one per checked sentence, in the set's row order:
  {"row": <index of the data row, 0-based>, "findings": [{"start": <code point>, "end": <code point>,
   "suggestions": [...], "kind": "grammar" | "spelling" | "other"}]}
`kind` is what the README's three measures need: `spelling` is an unknown-word flag (counts for
detection only when one of its suggestions fixes the row), `grammar` counts as a false alarm on a
correct row, `other` (another non-spelling finding, such as a/an or typography) counts for
detection but not as a grammar false alarm.

  python3 score.py <data.tsv> <findings.jsonl> [--misses N] [--alarms N]

Prints one JSON object: rows, detect, fix, false_alarm (shares; `false_alarm_any` also counts
`other` findings), and, on request, examples of
missed errors and false alarms (for the developer's eyes; never copy them into the repository).
"""

import json
import re
import sys
import unicodedata

SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")


def normalise(text):
    """NFC, ’ → ', any run of spaces (non-breaking ones too) → one space, case folded."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return SPACES.sub(" ", text).strip().casefold()


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            fields = dict(zip(header, line.rstrip("\n").split("\t")))
            rows.append(fields)
    return rows


def overlaps(finding, start, end):
    fs, fe = finding["start"], finding["end"]
    if fe <= fs:
        return start <= fs <= end
    return fs < end and start < fe


def main():
    args = sys.argv[1:]
    options = {"--misses": 0, "--alarms": 0}
    positional = []
    i = 0
    while i < len(args):
        if args[i] in options:
            options[args[i]] = int(args[i + 1])
            i += 2
        else:
            positional.append(args[i])
            i += 1
    rows = read_rows(positional[0])
    by_row = {}
    with open(positional[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                by_row[record["row"]] = record["findings"]

    incorrect = correct = detected = fixed = alarms = any_alarms = 0
    misses, false_alarms = [], []
    for index, row in enumerate(rows):
        findings = by_row.get(index, [])
        sentence = row["sentence"]
        if row["kind"] == "correct":
            correct += 1
            flagged = [f for f in findings if f["kind"] == "grammar"]
            any_alarms += any(f["kind"] != "spelling" for f in findings)
            if flagged:
                alarms += 1
                false_alarms.append((sentence, [sentence[f["start"]:f["end"]] for f in flagged]))
            continue
        incorrect += 1
        start, end = int(row["start"]), int(row["end"])
        wanted = {
            normalise(sentence[:start] + c + sentence[end:]) for c in row["corrections"].split("|")
        }
        is_fixed = any(
            normalise(sentence[: f["start"]] + s + sentence[f["end"] :]) in wanted
            for f in findings
            for s in f["suggestions"]
        )
        is_detected = is_fixed or any(
            f["kind"] != "spelling" and overlaps(f, start, end) for f in findings
        )
        detected += is_detected
        fixed += is_fixed
        if not is_detected:
            misses.append((row["rule_family"], sentence, sentence[start:end]))

    share = lambda n, d: round(n / d, 4) if d else 0.0
    result = {
        "incorrect": incorrect,
        "correct": correct,
        "detect": share(detected, incorrect),
        "fix": share(fixed, incorrect),
        "false_alarm": share(alarms, correct),
        "false_alarm_any": share(any_alarms, correct),
    }
    if options["--misses"]:
        result["misses"] = misses[: options["--misses"]]
    if options["--alarms"]:
        result["alarms"] = false_alarms[: options["--alarms"]]
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
