"""Duckling's Dutch duration corpus (``duckling/duckling_duration_nl.tsv``), kind ``duration``.

Every row is a bare expression: the gold span is the whole text, its value the ISO 8601 duration
(``75 Minute`` -> ``PT75M``; a quarter is three months). Values are compared after normalising
(``PT75M`` = ``PT1H15M``, see :func:`lont.analyser.scoring.duration_key`). Negative rows become
posts without spans. Only the duration kind is scored on these posts.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lont.analyser.corpora import Converted

PATH = "duckling/duckling_duration_nl.tsv"
UNITS = {
    "Second": "PT{}S",
    "Minute": "PT{}M",
    "Hour": "PT{}H",
    "Day": "P{}D",
    "Week": "P{}W",
    "Month": "P{}M",
    "Year": "P{}Y",
}


def iso_duration(value: int, unit: str) -> str:
    if unit == "Quarter":
        return f"P{value * 3}M"
    return UNITS[unit].format(value)


def convert(root: Path) -> Converted:
    converted = Converted("duckling_duration")
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["text"]
            if not text:
                converted.skipped += 1
                continue
            if row["section"] != "positive":
                converted.add(text, [], kinds=["duration"])
                continue
            try:
                value = iso_duration(int(row["value"]), row["unit"])
            except (KeyError, ValueError):
                converted.skipped += 1
                continue
            converted.add(text, [(0, len(text), "duration", value)], kinds=["duration"])
    return converted
