"""deduce's Dutch date cases (``deduce/regression_cases/dates.json``), kind ``time``.

Gold spans are deduce's ``datum`` annotations; deduce gives no resolved values, so the gold value
is empty and only finding the span is scored (value accuracy is not computed for these spans).
Where deduce lists nested alternatives for one date ("'02-04-12" and "02-04-12") they are merged
into the longest, as for its locations: one date is one span.
"""

from __future__ import annotations

import json
from pathlib import Path

from lont.analyser.corpora import Converted

CASES = "deduce/regression_cases/dates.json"


def convert(root: Path) -> Converted:
    converted = Converted("deduce_dates")
    examples = json.loads((root / CASES).read_text(encoding="utf-8"))["examples"]
    for example in examples:
        text = example["text"]
        spans = []
        for annotation in example.get("annotations", []):
            start, end = annotation["start_char"], annotation["end_char"]
            if annotation.get("tag") == "datum" and 0 <= start < end <= len(text):
                spans.append((start, end, "time", ""))
        merged: list[tuple[int, int, str, str]] = []
        for span in sorted(spans, key=lambda s: (s[0], -s[1])):
            if merged and span[0] < merged[-1][1]:
                last = merged[-1]
                merged[-1] = (last[0], max(last[1], span[1]), "time", "")
            else:
                merged.append(span)
        converted.add(text, merged, kinds=["time"])
    return converted
