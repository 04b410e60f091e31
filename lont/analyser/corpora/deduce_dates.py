"""deduce's Dutch date cases (``deduce/regression_cases/dates.json``), kind ``time``.

Gold spans are deduce's ``datum`` annotations; deduce gives no resolved values, so the gold value
is empty and only finding the span is scored (value accuracy is not computed for these spans).
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
        converted.add(text, spans, kinds=["time"])
    return converted
