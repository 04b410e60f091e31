"""dateparser's few Dutch examples (``dateparser/dateparser_nl_examples.tsv``) in our format.

Only rows with a resolved expected moment are used: absolute dates (``datetime``, ``date``,
``search_results``) and relative ones (``ago``, ``in_future``, whose moment is given after
``=``). The span is the whole input, or the found substring for ``search_results``. A value with
00:00 from a bare date is a date; otherwise a point. Translation and tokenising rows are skipped.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

from lont.analyser.corpora import DEFAULT_POSTED_AT, Converted

PATH = "dateparser/dateparser_nl_examples.tsv"
FMT = "%Y-%m-%dT%H:%M"


def _reference(raw: str) -> str:
    match = re.search(r"(?:RELATIVE_BASE|now)=(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)", raw)
    if not match:
        return DEFAULT_POSTED_AT
    return datetime.fromisoformat(match.group(1)).strftime(FMT)


def _value(moment: datetime, has_clock: bool) -> str:
    return moment.strftime(FMT) if has_clock else moment.date().isoformat()


def convert(root: Path) -> Converted:
    converted = Converted("dateparser")
    seen: set[str] = set()
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text, kind, expected = row["input"], row["expected_kind"], row["expected"]
            posted = _reference(row["reference_or_settings"])
            if text in seen:  # the normalisation tests repeat inputs
                converted.skipped += 1
                continue
            try:
                if kind in ("datetime", "date"):
                    moment = datetime.fromisoformat(expected)
                    clock = bool(re.search(r"\d:\d", text))
                    spans = [(0, len(text), "time", _value(moment, clock))]
                elif kind in ("ago", "in_future"):
                    moment = datetime.fromisoformat(expected.split("=", 1)[1].strip(" ()"))
                    spans = [(0, len(text), "time", moment.strftime(FMT))]
                elif kind == "search_results":
                    found, _, iso = expected.partition("=>")
                    at = text.find(found.strip())
                    if at < 0:
                        raise ValueError(found)
                    moment = datetime.fromisoformat(iso.strip())
                    spans = [(at, at + len(found.strip()), "time", moment.date().isoformat())]
                else:
                    converted.skipped += 1
                    continue
            except ValueError:
                converted.skipped += 1
                continue
            seen.add(text)
            converted.add(text, spans, kinds=["time"], posted_at=posted)
    return converted
