"""Recognizers-Text mention and hashtag cases (English sentences; the rules are language-neutral).

Gold text is given lower-cased without offsets, so each result is found case-blind in the input,
left to right. Mention posts are scored on ``mention`` only, hashtag posts on ``hashtag`` only.
"""

from __future__ import annotations

import json
from pathlib import Path

from lont.analyser.corpora import Converted

FILES = {
    "mention": "recognizers-text/Sequence-English/MentionModel.json",
    "hashtag": "recognizers-text/Sequence-English/HashtagModel.json",
}


def convert(root: Path) -> Converted:
    converted = Converted("recognizers")
    for kind, rel in FILES.items():
        for case in json.loads((root / rel).read_text(encoding="utf-8")):
            text = case["Input"]
            lowered = text.lower()
            spans, cursor, ok = [], 0, True
            for result in case.get("Results", []):
                surface = result["Text"].lower()
                at = lowered.find(surface, cursor)
                if at < 0:
                    ok = False
                    break
                spans.append((at, at + len(surface), kind, surface))
                cursor = at + len(surface)
            if ok:
                converted.add(text, spans, kinds=[kind])
            else:
                converted.skipped += 1
    return converted
