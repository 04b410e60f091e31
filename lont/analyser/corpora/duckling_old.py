"""The old (Clojure) Duckling's Dutch time corpus (``duckling/duckling_old_time_nl.tsv``).

Lower confidence than the Haskell corpus (see SOURCES.md); converted with the same conventions
as :mod:`lont.analyser.corpora.duckling`. Values are ISO prefixes truncated to their grain:
``2016-12`` is that month, ``2016`` that year, a date with ``:grain :week`` the week starting
there; they become our periods. Interval ends are exclusive (one grain is taken off); Duckling's
parts of day become ours (its ``ochtend`` starts at 04:00, ours at 06:00; its ``middag`` ends at
19:00, ours at 18:00). Reference: Friday 2017-01-27T04:30 wall clock.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

from lont.analyser.corpora import Converted
from lont.analyser.corpora.duckling import FMT, interval_value, point_value

PATH = "duckling/duckling_old_time_nl.tsv"


def _parse(raw: str) -> tuple[datetime, str]:
    """A truncated ISO prefix as (start, grain)."""
    raw = raw.strip()
    if len(raw) == 4:
        return datetime(int(raw), 1, 1), "Year"
    if len(raw) == 7:
        return datetime(int(raw[:4]), int(raw[5:7]), 1), "Month"
    if len(raw) == 10:
        return datetime.fromisoformat(raw), "Day"
    moment = datetime.fromisoformat(raw)
    return moment, "Second" if len(raw) > 16 else "Minute"


def _value(row: dict[str, str]) -> str:
    start, grain = _parse(row["start"])
    if ":grain :week" in row["extra"]:
        grain = "Week"
    if row["value_type"] != "interval":
        if grain == "Second":
            start = start.replace(second=0)
            grain = "Minute"
        return point_value(start, grain)
    end, _ = _parse(row["end"])
    text = row["text"].lower()
    day = start.strftime("%Y-%m-%d")
    if text.startswith("over "):  # our convention: "over 3 uur" is the moment 3 hours on
        reference = datetime.fromisoformat(row["reference_time"][:16])
        return (reference + (end - start)).strftime(FMT)
    if start.hour == 4 and end.hour == 12 and start.minute == end.minute == 0:
        return f"{day}T06:00/{day}T12:00"  # Duckling's morning starts at 04:00, ours at 06:00
    if start.hour == 12 and end.hour == 19 and start.date() == end.date():
        return f"{day}T12:00/{day}T18:00"  # Duckling's afternoon ends at 19:00, ours at 18:00
    if grain == "Minute" and start.minute == 0 and end.minute == 0 and "lunch" not in text:
        grain = "Hour"
    if grain == "Day":
        return f"{start.strftime(FMT)}/{(end - timedelta(minutes=1)).strftime(FMT)}"
    return interval_value(text, start, end, grain)


def convert(root: Path) -> Converted:
    converted = Converted("duckling_old")
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["text"]
            posted = row["reference_time"][:16]
            if not text or not posted:
                converted.skipped += 1
                continue
            try:
                value = _value(row)
            except ValueError:
                converted.skipped += 1
                continue
            converted.add(text, [(0, len(text), "time", value)], kinds=["time"], posted_at=posted)
    return converted
