"""Rule family: durations ("3 uur lang", "anderhalf uur", "4 weken en 2 dagen", "3,5 jaar").

A duration is its own span kind with an ISO 8601 value (``PT3H``); it is not a moment. An
offset from now ("over 10 minuten", "2 uur geleden") is a time, and a clock reading ("om 2
uur") is a time: the engine drops a duration that overlaps a time span.
"""

from __future__ import annotations

import re

from ..construct import new_span
from ..model import Span
from ..scan import Anchored

_NUMBERS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "vierentwintig": 24, "dertig": 30, "veertig": 40,
    "vijfenveertig": 45, "vijftig": 50, "zestig": 60, "honderd": 100, "paar": 2,
    "anderhalf": 1.5, "anderhalve": 1.5, "een half": 0.5, "een halve": 0.5, "half": 0.5,
    "halve": 0.5,
}  # fmt: skip
# Seconds per unit; months and years count in months (negative marks them).
_UNITS = {
    "seconden": 1, "seconde": 1, "secondes": 1, "sec": 1, "s": 1, '"': 1,
    "minuten": 60, "minuut": 60, "minuutjes": 60, "minuutje": 60, "min": 60, "mins": 60, "'": 60,
    "kwartier": 900, "kwartiertje": 900, "uur": 3600, "uurtje": 3600, "uurtjes": 3600,
    "uren": 3600, "u": 3600, "h": 3600, "dagen": 86400, "dag": 86400, "dagjes": 86400,
    "weken": 604800, "week": 604800, "w": 604800, "maanden": -1, "maand": -1, "mnd": -1,
    "kwartalen": -3, "kwartaal": -3, "jaren": -12, "jaar": -12, "j": -12,
}  # fmt: skip
_SHORT = {"s", '"', "'", "u", "h", "w", "j", "mnd", "sec", "min", "mins"}
_WORD = "|".join(re.escape(w) for w in sorted(_NUMBERS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_AMOUNT = rf"(?:[0-9]{{1,4}}(?:[.,][0-9]{{1,2}})?|(?:{_WORD})(?:\s+en\s+een\s+half)?)"
_ONE = rf"(?P<amt>{_AMOUNT})\s*(?P<unit>{_UNIT})(?![\w'\"])"
DURATION_RE = re.compile(
    rf"(?<![\w.,:/-])(?:{_AMOUNT})\s*(?:{_UNIT})(?![\w'\"])"
    rf"(?:(?:\s*,\s*|\s+en\s+|\s+)(?:{_AMOUNT})\s*(?:{_UNIT})(?![\w'\"]))*(?:\s+lang\b)?"
)
ONE_RE = re.compile(_ONE)
DURATION_SCAN = Anchored(
    DURATION_RE,
    ["1", *_NUMBERS],
    needles=(
        *("sec", "min", "kwartier", "uur", "uren", "week", "weken", "maand", "mnd", "kwarta"),
        *("jaar", "jaren"),
    ),
    # Each alternative begins with a literal character, so the engine skips ahead to those.
    gate="d(?<![a-z]d)ag|" + "|".join(rf"{digit}\s?(?:[suhwj]\b|['\"])" for digit in "0123456789"),
)
_OFFSET_BEFORE = re.compile(r"(?:over|binnen|na|sinds)\s*$")
_OFFSET_AFTER = re.compile(r"\s*(?:geleden|later|eerder|vanaf|terug)\b")


def _amount(text: str) -> float:
    text = " ".join(text.split())
    if text[0].isdigit():
        return float(text.replace(",", "."))
    if text.endswith(" en een half"):
        return _NUMBERS[text.removesuffix(" en een half")] + 0.5
    return float(_NUMBERS[text])


def iso(months: float, seconds: float) -> str:
    """Canonical ISO 8601 text for (months, seconds)."""
    out = "P"
    if months:
        whole = round(months)
        if abs(months - whole) > 1e-9:
            out += f"{months:g}M"
        elif whole % 12 == 0:
            out += f"{whole // 12}Y"
        else:
            out += f"{whole}M"
    # A new name: mypyc keeps a float parameter a float, and whole seconds are an int.
    whole_seconds = round(seconds)
    days, rest = divmod(whole_seconds, 86400)
    if days:
        out += f"{days // 7}W" if days % 7 == 0 and not rest and not months else f"{days}D"
    if rest:
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        out += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        out += f"{secs}S" if secs else ""
    return out if out != "P" else "PT0S"


def find_durations(text: str, folded: str) -> list[Span]:
    spans: list[Span] = []
    for m in DURATION_SCAN.finditer(folded):
        start, end = m.span()
        if _OFFSET_BEFORE.search(folded, max(0, start - 10), start):
            continue
        if _OFFSET_AFTER.match(folded, end):
            continue
        months = seconds = 0.0
        for one in ONE_RE.finditer(folded, start, end):
            unit = one.group("unit")
            if unit in _SHORT and not one.group("amt")[0].isdigit():
                break
            amount = _amount(one.group("amt"))
            per = _UNITS[unit]
            if per < 0:
                months += amount * -per
            else:
                seconds += amount * per
        else:
            value = iso(months, seconds)
            spans.append(
                new_span(
                    start,
                    end,
                    "duration",
                    value,
                    0.7,
                    f"Tijdsduur ({value}), geen tijdstip.",
                    grain="",
                )
            )
    return spans
