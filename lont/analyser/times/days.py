"""Rule family: days, dates, holidays and parts of the day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..scan import Anchored
from .period_resolve import easter, islamic_feast, koningsdag, nth_sunday
from .piece import (
    _DAYW,
    _FRACTION_AFTER,
    _MONTH,
    _PARTW,
    _SCORE_WORDS,
    _WD,
    _WD_ABBR,
    Piece,
    _lookup_stretched,
    _part,
    _prev_word,
    _unstretch,
    _weekday,
)
from .words import (
    DAY_WORDS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    SPECIAL_HOLIDAYS,
    TONIGHT_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
    elongated,
)

DAY_RE = re.compile(
    rf"\b(?:(?P<nw>volgende\s+week|volgende\s+wk)\s+(?P<wd1>{_WD})"
    rf"|(?P<pw>vorige\s+week)\s+(?P<wd3>{_WD})"
    rf"|(?:(?P<mod>komende|aanstaande|deze|volgende|aankomende|vorige|afgelopen)\s+)?"
    rf"(?P<wd2>{_WD})"
    rf"(?P<part1>{_PARTW})?(?:\s+(?P<nw2>volgende\s+week|a\.?s\.?(?!\w)|aanstaande))?"
    rf"|(?P<abbr>{_WD_ABBR})\.?(?=\s*[0-9])"
    rf"|(?P<dw>{_DAYW})(?P<part2>{_PARTW})?"
    rf"|(?P<tn>{alternation(TONIGHT_WORDS)})(?P<late>\s+laat)?"
    rf"|(?P<we>(?:dit|deze|komend|komende|aankomend|aankomende|volgend|volgende)\s+"
    rf"{elongated('weekend')}|in\s+het\s+{elongated('weekend')})"
    rf"|(?P<week>volgende\s+week)"
    rf"|(?P<hol>{alternation([*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, *SPECIAL_HOLIDAYS], stretch=False)})"
    rf"(?:\s+(?P<holy>(?:19|20)[0-9]{{2}}))?"
    rf")\b"
)

DATE_RE = re.compile(
    rf"(?<![0-9.,:/-])(?P<iy>(?:19|20)[0-9]{{2}})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)"
    rf"(?P<id>[0-9]{{1,2}})(?![0-9])"
    rf"|(?<![0-9.,:/-])(?P<dd>[0-9]{{1,2}})\.(?P<dm>[0-9]{{1,2}})\.(?P<dy>(?:19|20)[0-9]{{2}})(?![0-9])"
    # record style, year first: "2011 mei 17", "1928.jan.15", "2018- AUGUSTUS 1"
    rf"|\b(?P<ry>(?:19|20)[0-9]{{2}})\s*[-.\s]\s*(?P<rmon>{_MONTH})\s*[-.\s]\s*(?P<rd>[0-9]{{1,2}})(?![0-9])"
    rf"|(?<![0-9.,:/-])(?P<pd>[0-9]{{1,2}})\.(?P<pmon>{_MONTH})\.(?P<py>(?:19|20)[0-9]{{2}})(?![0-9])"
    rf"|\b(?P<mon2>{_MONTH})\.?[\s-]+(?P<my>(?:19|20)[0-9]{{2}})(?![0-9])"
    rf"|(?<![0-9.,:/-])(?P<d>[0-9]{{1,2}})\s*(?:e\s+|ste\s+|de\s+)?(?P<mon>{_MONTH})\.?(?!\w)"
    rf"(?:\s+(?P<y>(?:19|20)[0-9]{{2}}|'[0-9]{{2}}|[0-9]{{2}}(?=\s*(?:$|[,;!?)]|\.(?![0-9])))))?"
    rf"|(?<![0-9.,:/\-€$])(?P<nd>[0-9]{{1,2}})(?P<sep>[-/])(?P<nm>[0-9]{{1,2}})"
    rf"(?:(?P=sep)(?P<ny>(?:19|20)[0-9]{{2}}|'?[0-9]{{2}}))?(?![0-9]|[-/.,:][0-9]|\s*%)"
)

PART_RE = re.compile(
    rf"(?:(?<!\w)'?s\s?(?P<s>{alternation(['avonds', 'ochtends', 'morgens', 'middags', 'nachts'])})"
    rf"(?P<late>\s+laat)?"
    rf"|\bin\s+de\s+(?P<inde>{alternation(['avond', 'ochtend', 'middag', 'nacht', 'morgen'])})"
    rf"|\bdeze\s+(?P<deze>{alternation(['avond', 'ochtend', 'middag', 'namiddag', 'nacht'])})"
    rf"|\b(?P<bare>{alternation(['avond', 'ochtend', 'middag', 'namiddag', 'nacht', 'vroeg'])}))"
    rf"(?!\w)"
)

_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_CLOCK_AFTER = re.compile(r"\s*(?:om\b|[0-9]{1,2}[:.][0-9]{2})")

DAY_SCAN = Anchored(
    DAY_RE,
    [
        *WEEKDAYS,
        *WEEKDAY_ABBREVIATIONS,
        *DAY_WORDS,
        *TONIGHT_WORDS,
        *FIXED_HOLIDAYS,
        *EASTER_HOLIDAYS,
        *SPECIAL_HOLIDAYS,
        "volgende",
        "komende",
        "aanstaande",
        "deze",
        "aankomende",
        "dit",
        "komend",
        "volgend",
        "aankomend",
        "in",
        "vorige",
        "afgelopen",
    ],
)
DATE_SCAN = Anchored(DATE_RE, ["1", *MONTHS])
PART_SCAN = Anchored(
    PART_RE,
    [
        "s",
        "savonds",
        "sochtends",
        "smorgens",
        "smiddags",
        "snachts",
        "in",
        "deze",
        "namiddag",
        "avond",
        "ochtend",
        "middag",
        "nacht",
        "vroeg",
    ],
)


def _day_piece(m: re.Match[str]) -> Piece | None:
    start, end = m.span()
    if m.group("wd1"):
        return Piece(start, end, "day", day=("wd", _weekday(m.group("wd1")), 1, 0))
    if m.group("wd3"):
        return Piece(start, end, "day", day=("wd", _weekday(m.group("wd3")), 4, 0))
    if m.group("wd2"):
        mode = 1 if m.group("nw2") and "week" in m.group("nw2") else 0
        if m.group("mod") == "volgende":
            mode = 2
        elif m.group("mod") in ("vorige", "afgelopen"):
            mode = 3
        piece = Piece(start, end, "day", day=("wd", _weekday(m.group("wd2")), mode, 0))
        if m.group("part1"):
            piece.part = _part(m.group("part1"))
        return piece
    if m.group("abbr"):
        return Piece(start, end, "day", day=("wd", WEEKDAY_ABBREVIATIONS[m.group("abbr")], 0, 0))
    if m.group("dw"):
        offset = _lookup_stretched(m.group("dw"), DAY_WORDS)
        piece = Piece(start, end, "day", day=("rel", offset, 0, 0))
        if m.group("part2"):
            piece.part = _part(m.group("part2"))
        return piece
    if m.group("tn"):
        part = TONIGHT_WORDS[_unstretch(m.group("tn"), TONIGHT_WORDS)]
        return Piece(start, end, "day", day=("rel", 0, 0, 0), part=part, tonight=True)
    if m.group("we"):
        following = 1 if m.group("we").startswith("volgend") else 0
        return Piece(start, end, "day", day=("weekend", following, 0, 0))
    if m.group("week"):
        return Piece(start, end, "day", day=("week", 1, 0, 0))
    if m.group("hol"):
        name = " ".join(m.group("hol").split())
        if m.group("holy"):
            on = holiday_in_year(name, int(m.group("holy")))
            if on is not None:
                return Piece(start, end, "day", day=("date", on.day, on.month, on.year))
        if name in SPECIAL_HOLIDAYS:
            return Piece(start, end, "day", day=SPECIAL_HOLIDAYS[name])
        if name in FIXED_HOLIDAYS:
            d, mo = FIXED_HOLIDAYS[name]
            return Piece(start, end, "day", day=("fixed", d, mo, 0))
        return Piece(start, end, "day", day=("easter", EASTER_HOLIDAYS[name], 0, 0))
    return None


def holiday_in_year(name: str, year: int) -> date | None:
    """ "Koningsdag 2018", "Pasen 2027": the holiday's date in that year."""
    if name in FIXED_HOLIDAYS:
        day, month = FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    kind, a, b, _ = SPECIAL_HOLIDAYS[name]
    if kind == "koningsdag":
        return koningsdag(year)
    if kind == "nthsunday":
        return nth_sunday(year, a, b)
    found = islamic_feast(a, year)
    return found[0] if found else None


def _date_pieces(folded: str) -> list[Piece]:
    out: list[Piece] = []
    for m in DATE_SCAN.finditer(folded):
        start, end = m.span()
        if m.group("mon2"):  # "september 2026": the month
            month = MONTHS[_unstretch(m.group("mon2"), MONTHS)]
            out.append(Piece(start, end, "day", day=("namedmonth", month, 0, int(m.group("my")))))
            continue
        whole = _whole_date(m)
        if whole is not None:
            out.append(Piece(start, end, "day", day=("date", *whole), confidence=0.85))
            continue
        if m.group("d") is None and m.group("nd") is None:
            continue
        if m.group("mon"):
            day, month = int(m.group("d")), MONTHS[_unstretch(m.group("mon"), MONTHS)]
            year_text = (m.group("y") or "").lstrip("'")
            year = int(year_text or 0)
            if len(year_text) == 2:
                year += 1900 if year >= 50 else 2000
            out.append(Piece(start, end, "day", day=("date", day, month, year), confidence=0.85))
            continue
        day, month = int(m.group("nd")), int(m.group("nm"))
        year_text = (m.group("ny") or "").lstrip("'")
        year = int(year_text) + (2000 if len(year_text) == 2 else 0) if year_text else 0
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        surface = m.group(0)
        if surface == "24/7" and not _looks_dated(folded, end):
            continue  # "24/7" is an idiom (always), not the 24th of July
        prev = _prev_word(folded, start)
        if m.group("sep") == "-" and not year_text:
            following = _NEXT_WORD.match(folded[end : end + 20])
            if prev in _SCORE_WORDS or prev in ("met", "staat", "werd", "wordt", "het", "is"):
                continue
            if following and following.group(1) in _SCORE_WORDS | {"voor", "achter", "thuis"}:
                continue
        if _FRACTION_AFTER.match(folded, end):
            continue
        out.append(Piece(start, end, "day", day=("date", day, month, year), confidence=0.75))
    return out


def _whole_date(m: re.Match[str]) -> tuple[int, int, int] | None:
    """ISO, dotted and year-first dates with a year."""
    if m.group("ry"):
        return int(m.group("rd")), MONTHS[_unstretch(m.group("rmon"), MONTHS)], int(m.group("ry"))
    if m.group("pd"):
        return int(m.group("pd")), MONTHS[_unstretch(m.group("pmon"), MONTHS)], int(m.group("py"))
    if m.group("iy"):
        return int(m.group("id")), int(m.group("im")), int(m.group("iy"))
    if m.group("dy"):
        return int(m.group("dd")), int(m.group("dm")), int(m.group("dy"))
    if m.group("mon2"):
        return 1, MONTHS[_unstretch(m.group("mon2"), MONTHS)], int(m.group("my"))
    return None


def _looks_dated(folded: str, end: int) -> bool:
    return bool(_CLOCK_AFTER.match(folded[end : end + 12]))
