"""deduce's Dutch location cases (``deduce/regression_cases/locations.json``) in our format.

Gold spans are deduce's ``locatie`` annotations. Where deduce lists nested alternatives for one
place ("Overflakkee" inside "Goeree-Overflakkee") they are merged into the longest, because we
match one-to-one and one place is one span. The gold value is the surface text without a trailing
house number ("Heidelberglaan 11" -> "Heidelberglaan"): our values name a place, not an address.

The gazetteer (``deduce_gazetteer.csv``) is built from deduce's own place lists: municipalities,
provinces, regions and residences, minus deduce's ``exceptions.txt`` (common words). The 153k
street names are left out by default — no network's gazetteer holds every Dutch street and the
street cases test the analyser's street patterns — pass ``with_streets=True`` to include them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from lont.analyser.corpora import Converted

CASES = "deduce/regression_cases/locations.json"
LISTS = {
    "municipality": "deduce/locations/lst_placename/lst_municipality",
    "province": "deduce/locations/lst_placename/lst_province",
    "region": "deduce/locations/lst_placename/lst_region",
    "residence": "deduce/locations/lst_placename/lst_residence",
}
STREETS = "deduce/locations/lst_street"
HOUSE_NUMBER = re.compile(r"\s+\d+(\s*[a-zA-Z]{1,3})?$")


def _read_list(folder: Path) -> list[str]:
    items = folder / "items.txt"
    exceptions = folder / "exceptions.txt"
    skip = set()
    if exceptions.is_file():
        skip = {ln.strip().lower() for ln in exceptions.read_text(encoding="utf-8").splitlines()}
    return [
        ln.strip()
        for ln in items.read_text(encoding="utf-8").splitlines()
        if ln.strip() and ln.strip().lower() not in skip
    ]


def _key(name: str) -> str:
    """Duplicate test as loose as a gazetteer's matching (case, accents, hyphens, spaces),
    because a gazetteer import rejects the whole file on one duplicate name."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def build_gazetteer(root: Path, *, with_streets: bool = False) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    lists = dict(LISTS, **({"street": STREETS} if with_streets else {}))
    for kind, folder in lists.items():
        for name in _read_list(root / folder):
            rows.setdefault(_key(name), {"name": name, "aliases": "", "kind": kind, "area": ""})
    return list(rows.values())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def convert(root: Path, *, with_streets: bool = False) -> Converted:
    converted = Converted("deduce")
    examples = json.loads((root / CASES).read_text(encoding="utf-8"))["examples"]
    for example in examples:
        text = example["text"]
        ranges = [
            (a["start_char"], a["end_char"])
            for a in example.get("annotations", [])
            if a.get("tag") == "locatie"
        ]
        spans = []
        for start, end in _merge(ranges):
            value = HOUSE_NUMBER.sub("", text[start:end]).strip() or text[start:end]
            spans.append((start, end, "place", value))
        converted.add(text, spans, kinds=["place"], gazetteer="deduce")
    converted.gazetteer = build_gazetteer(root, with_streets=with_streets)
    return converted
