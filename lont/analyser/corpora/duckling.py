"""Duckling's Dutch time corpus (``duckling/duckling_time_nl.tsv``) in our format.

Every row is a bare expression, so the gold span is the whole text. Conversions to our
conventions (we convert gold values, we do not bend the analyser):

* reference time 2013-02-12T04:30-02:00 -> posted_at ``2013-02-12T04:30`` (wall clock kept);
* grain Second/Minute/Hour -> a point (seconds dropped); grain Day -> a date; Week, Month,
  Quarter, Year -> a period from the start to the last minute of that unit;
* intervals: Duckling ends are exclusive, so one grain unit is taken off the end (minute/hour
  grains: ``9:30 - 11:00`` ends 11:01 -> 11:00; day grain and longer: the last minute before it);
  Duckling's parts of day become ours (ochtend 06:00-12:00, middag 12:00-18:00, avond
  18:00-23:59; "...nacht", which Duckling reads as the evening, becomes the following 00:00-06:00),
  its weekend (Fri 18:00 - Mon 00:00) becomes Sat 00:00 - Sun 23:59;
* open intervals (``voor 8``, ``na 5 uur``) -> the boundary as a point, as we would resolve it;
* holidays -> their date; ``NO_MATCH`` rows -> posts without spans (hard negatives).
"""

from __future__ import annotations

import csv
from calendar import monthrange
from datetime import datetime, timedelta
from pathlib import Path

from lont.analyser.corpora import Converted

FMT = "%Y-%m-%dT%H:%M"
PATH = "duckling/duckling_time_nl.tsv"


def _dt(raw: str) -> datetime:
    return datetime.fromisoformat(raw).replace(tzinfo=None)


def _unit_end(start: datetime, grain: str) -> datetime:
    """The last minute of the grain unit that begins at ``start``."""
    if grain == "Week":
        nxt = start + timedelta(days=7)
    elif grain == "Month":
        nxt = start + timedelta(days=monthrange(start.year, start.month)[1])
    elif grain == "Quarter":
        month = start.month + 3
        nxt = start.replace(year=start.year + (month - 1) // 12, month=(month - 1) % 12 + 1)
    else:  # Year
        nxt = start.replace(year=start.year + 1)
    return nxt - timedelta(minutes=1)


def point_value(start: datetime, grain: str) -> str:
    if grain in ("Second", "Minute", "Hour", ""):
        return start.strftime(FMT)
    if grain == "Day":
        return start.date().isoformat()
    return f"{start.strftime(FMT)}/{_unit_end(start, grain).strftime(FMT)}"


def interval_value(text: str, start: datetime, end: datetime, grain: str) -> str:
    lowered = text.lower()
    day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    if "weekend" in lowered and start.weekday() == 4 and start.hour == 18:
        saturday = day + timedelta(days=1)
        sunday_end = saturday + timedelta(days=2, minutes=-1)
        return f"{saturday.strftime(FMT)}/{sunday_end.strftime(FMT)}"
    if grain == "Hour" and end - start <= timedelta(hours=12):
        if "nacht" in lowered and start.hour == 18:
            night = day + timedelta(days=1)
            return f"{night.strftime(FMT)}/{night.replace(hour=6).strftime(FMT)}"
        if start.hour == 0 and end.hour == 12:
            return f"{day.replace(hour=6).strftime(FMT)}/{day.replace(hour=12).strftime(FMT)}"
        if start.hour == 18 and end == day + timedelta(days=1):
            return f"{start.strftime(FMT)}/{day.replace(hour=23, minute=59).strftime(FMT)}"
    if grain in ("Second", "Minute", "Hour"):
        unit = {"Second": timedelta(seconds=1), "Minute": timedelta(minutes=1)}.get(
            grain, timedelta(hours=1)
        )
        last = end - unit
    else:
        last = end - timedelta(minutes=1)
    return f"{start.strftime(FMT)}/{last.strftime(FMT)}"


def convert(root: Path) -> Converted:
    converted = Converted("duckling")
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text, kind, grain = row["text"], row["value_type"], row["grain"] or ""
            posted = _dt(row["reference_time"]).strftime(FMT) if row["reference_time"] else None
            if not text or posted is None:
                converted.skipped += 1
                continue
            if kind == "NO_MATCH":
                converted.add(text, [], kinds=["time"], posted_at=posted)
                continue
            try:
                if kind == "interval":
                    value = interval_value(text, _dt(row["start"]), _dt(row["end"]), grain)
                elif kind == "open_interval:Before":
                    value = point_value(_dt(row["end"]), grain)
                elif kind == "open_interval:After":
                    value = point_value(_dt(row["start"]), grain)
                else:  # value and holiday:*
                    value = point_value(_dt(row["start"]), grain)
            except ValueError:
                converted.skipped += 1
                continue
            converted.add(text, [(0, len(text), "time", value)], kinds=["time"], posted_at=posted)
    return converted
