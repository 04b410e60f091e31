"""chrono's Dutch tests (``chrono/chrono_nl_tests.tsv``) in our format.

``testSingleCase`` rows give the expected substring and its index: that is the gold span. Its
value: a point when the asserted components include an hour, else a date; with an end, a period
(chrono's ends are inclusive already). ``testWithExpectedDate`` rows span the whole input with
the expected date (chrono's implied noon is dropped: the input names a day). Dutch
``testUnexpectedResult`` rows become posts without spans; the English-chrono ones are skipped.
chrono's single point for a week, month or year ("deze week", "september 2012") becomes that
period, like its "vanavond"; a range of days without a clock time loses chrono's implied noon.
``parse_block`` rows carry foreign time zones; their wall-clock time is kept, like everywhere.
A reference of ``NOW`` means the test does not depend on it; we use a fixed moment.
"""

from __future__ import annotations

import csv
import json
import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from pathlib import Path

from lont.analyser.corpora import DEFAULT_POSTED_AT, Converted

FMT = "%Y-%m-%dT%H:%M"
PATH = "chrono/chrono_nl_tests.tsv"


def _dt(raw: str) -> datetime:
    return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).replace(tzinfo=None)


PARTS = {"avond": ("18:00", "23:59"), "middag": ("12:00", "18:00"), "nacht": ("00:00", "06:00")}


def _from_components(components: dict[str, int], reference: datetime) -> datetime:
    return datetime(
        components.get("year", reference.year),
        components["month"],
        components["day"],
        components.get("hour", 0),
        components.get("minute", 0),
    )


def _part_of_day(expected: str, value: str) -> str:
    """chrono reads "vanavond" as 20:00; our convention is the part-of-day period."""
    lowered = expected.lower()
    if re.search(r"\d", lowered) or "tot" in lowered or "middernacht" in lowered:
        return value
    day = value[:10]
    for word, (start, end) in PARTS.items():
        if word in lowered:
            return f"{day}T{start}/{day}T{end}"
    if "ochtend" in lowered or "morgens" in lowered:
        return f"{day}T06:00/{day}T12:00"
    return value


_MONTH_WORDS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|jan|feb|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\.?"
)
_CLOCK = re.compile(r"\d[:.]\d|\buur\b|\d\s*(?:am|pm)\b|middag|ochtend|avond|nacht", re.I)


def _period(expected: str, value: str) -> str:
    """chrono returns one point inside a period ("deze week" -> the reference moment, "september
    2012" -> its first day); our convention is the period itself, so the gold becomes the week,
    month or year that holds chrono's point (as for parts of the day above)."""
    lowered = expected.lower().strip()
    if "/" in value or re.search(r"\d[:.]\d|\bweekend\b", lowered):
        return value
    point = datetime.fromisoformat(value if "T" in value else f"{value}T00:00")
    day = point.date()
    if re.fullmatch(r"(?:deze|vorige|afgelopen|volgende|aankomende|komende)\s+week", lowered):
        monday = day - timedelta(days=day.weekday())
        first, last = monday, monday + timedelta(days=6)
    elif re.fullmatch(
        r"(?:deze|vorige|afgelopen|volgende|aankomende|komende)\s+maand", lowered
    ) or (re.fullmatch(rf"(?:in\s+)?{_MONTH_WORDS}(?:[\s-]+\d{{4}})?", lowered)):
        first = day.replace(day=1)
        last = first.replace(day=monthrange(first.year, first.month)[1])
    elif re.fullmatch(r"(?:dit|vorig|afgelopen|volgend|aankomend|komend)\s+jaar", lowered):
        first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    else:
        return value
    return f"{first.isoformat()}T00:00/{last.isoformat()}T23:59"


def _value(date_raw: str, components_raw: str, reference: datetime | None = None) -> str:
    try:
        components = json.loads(components_raw) if components_raw.strip() else {}
    except json.JSONDecodeError:
        components = {}
    if date_raw.strip():
        moment = _dt(date_raw)
    elif reference is not None and "month" in components and "day" in components:
        moment = _from_components(components, reference)
    else:
        raise ValueError("no expected moment")
    if "hour" in components or not components:
        if not components and moment.hour == 12 and moment.minute == 0:
            return moment.date().isoformat()
        return moment.strftime(FMT)
    return moment.date().isoformat()


def convert(root: Path) -> Converted:
    converted = Converted("chrono")
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text, kind = row["input"], row["kind"]
            ref = row["reference_date"].strip()
            posted = DEFAULT_POSTED_AT if ref in ("", "NOW") else _dt(ref).strftime(FMT)
            if kind == "testUnexpectedResult":
                if row["lib"] == "chrono.nl":
                    converted.add(text, [], kinds=["time"], posted_at=posted)
                else:
                    converted.skipped += 1
                continue
            reference = _dt(posted)
            try:
                value = _value(row["start_date"], row["start_components"], reference)
                if row["end_date"].strip() or row["end_components"].strip():
                    end = _value(row["end_date"], row["end_components"], reference)
                    if not _CLOCK.search(row["expected_text"] or text):
                        value, end = value[:10], end[:10]  # a range of days (implied noon)
                    start_point = value if "T" in value else f"{value}T00:00"
                    end_point = end if "T" in end else f"{end}T23:59"
                    value = f"{start_point}/{end_point}"
            except ValueError:
                converted.skipped += 1
                continue
            expected, index = row["expected_text"], row["expected_index"].strip()
            if (
                expected
                and index.isdigit()
                and text[int(index) : int(index) + len(expected)] == expected
            ):
                start = int(index)
            elif expected and expected in text:
                start = text.index(expected)
            else:  # the whole input is the expression
                start, expected = 0, text
            value = _period(expected, _part_of_day(expected, value))
            span = (start, start + len(expected), "time", value)
            converted.add(text, [span], kinds=["time"], posted_at=posted)
    return converted
