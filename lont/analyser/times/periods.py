"""Rule family: periods, recurring times, "nu" and "middernacht".

Periods are first-class values: "deze week", "vorig weekend", "later deze week", "eind van de
maand", "half november", "in januari", "dit jaar", "het derde kwartaal", "deze zomer", "van 3
tot 5 maart". Recurring times ("elke vrijdag", "iedere avond", "om de week") are a day piece
with an RRULE; they resolve to their first occurrence. The pieces are resolved by
:mod:`.period_resolve`.
"""

from __future__ import annotations

import re

from ..scan import Anchored
from .piece import _MONTH, _WD, Piece, _prev_word, _unstretch, _weekday
from .words import MONTHS, elongated

_EDGE = r"(?P<edge>later|begin|eind|einde|midden|halverwege|medio|half)"
_NEAR = {
    "deze": 0,
    "dit": 0,
    "de": 0,
    "het": 0,
    "volgende": 1,
    "volgend": 1,
    "komende": 1,
    "komend": 1,
    "aankomende": 1,
    "aankomend": 1,
    "aanstaande": 1,
    "vorige": -1,
    "vorig": -1,
    "afgelopen": -1,
    "verleden": -1,
}
_UNITS = ("week", "weekend", "maand", "jaar", "kwartaal", "zomer", "winter", "lente", "herfst")
EDGES = {"later": 1, "begin": 2, "eind": 3, "einde": 3, "midden": 4, "halverwege": 4}
EDGES |= {"medio": 4, "half": 4}
SEASONS = {"lente": 0, "zomer": 1, "herfst": 2, "winter": 3}
_ORDINAL = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_EVERY_N = {"twee": 2, "2": 2, "andere": 2, "drie": 3, "3": 3, "vier": 4, "4": 4}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_UNITS_ONES = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien"]
_TEENS += ["achttien", "negentien", "twintig"]


def _cardinals() -> dict[str, int]:
    words = {w: i + 1 for i, w in enumerate(_UNITS_ONES)}
    words |= {w: i + 10 for i, w in enumerate(_TEENS)}
    words |= {f"{u}entwintig": 20 + i + 1 for i, u in enumerate(_UNITS_ONES)}
    words |= {"dertig": 30, "eenendertig": 31}
    return words


CARDINALS = _cardinals()
_IRREGULAR = {1: "eerste", 3: "derde", 8: "achtste"}
ORDINALS = {
    _IRREGULAR.get(n, word + ("ste" if n >= 20 else "de")): n for word, n in CARDINALS.items()
}
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_CARD_WORDS = "|".join(sorted(CARDINALS, key=len, reverse=True))
_LASTN_UNITS = {
    "dagen": 0, "dag": 0, "weken": 1, "week": 1, "maanden": 2, "maand": 2, "jaren": 3,
    "jaar": 3, "uur": 4, "uren": 4, "minuten": 5, "seconden": 6, "secondes": 6,
}  # fmt: skip
_LASTN_DIR = {"komende": 1, "volgende": 1, "aankomende": 1, "afgelopen": -1, "vorige": -1}
_LASTN_DIR |= {"laatste": -1, "voorbije": -1}
_LASTN_AMOUNT = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "paar": 2, "tien": 10}

# A day of the month without a month must end the phrase: "op de 15e", not "de 3e keer".
_DATE_END = r"(?=\s*(?:$|[,.!?]|om\b|bij\b|rond\b|tegen\b|vanaf\b))"

PERIOD_RE = re.compile(
    # "eind van de maand", "later deze week", "begin volgend jaar", "deze zomer", "vorige maand"
    rf"\b(?:{_EDGE}\s+(?:van\s+)?)?(?P<near>{'|'.join(sorted(_NEAR, key=len, reverse=True))})"
    rf"\s+(?P<unit>{'|'.join(_UNITS)})\b"
    # "half november", "in januari", "eind maart 2027"
    rf"|\b(?:(?P<medge>begin|eind|einde|midden|halverwege|medio|half)\s+|(?P<in>in|heel)\s+)"
    rf"(?P<month>{_MONTH})(?:\s+(?P<my>(?:19|20)[0-9]{{2}}))?\b"
    # "in 2027", "eind 2008"
    rf"|\b(?:(?P<yedge>begin|eind|einde|midden|medio)|in|heel)\s+(?P<year>(?:19|20)[0-9]{{2}})\b"
    # "het derde kwartaal (van) 2026", "q3"
    rf"|\b(?:het\s+)?(?P<qn>eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal"
    rf"(?:\s+(?:van\s+)?(?P<qy>20[0-9]{{2}}))?\b"
    rf"|\bq(?P<qd>[1-4])(?:\s+(?P<qdy>20[0-9]{{2}}))?\b"
    # "van 3 tot 5 maart", "3 t/m 5 maart", "3-5 maart"
    rf"|\b(?:van\s+)?(?P<d1>[0-9]{{1,2}})(?:e|ste|de)?\s*(?:tot\s+en\s+met|tot|t/m|-)\s*"
    rf"(?P<d2>[0-9]{{1,2}})(?:e|ste|de)?\s+(?P<dmon>{_MONTH})\b(?:\s+(?P<dy>(?:19|20)[0-9]{{2}})\b)?"
    # "komende 3 dagen", "afgelopen twee weken"
    rf"|\b(?P<ldir>{'|'.join(_LASTN_DIR)})\s+(?P<ln>[0-9]{{1,2}}|{'|'.join(_LASTN_AMOUNT)})\s+"
    rf"(?P<lunit>{'|'.join(sorted(_LASTN_UNITS, key=len, reverse=True))})\b"
    # "de 9e van mei", "vierentwintigste mei", "op de 15de", "tweeentwintig februari"
    rf"|\b(?:de\s+)?(?P<oword>{_ORD_WORDS})\s+(?:van\s+)?(?P<omon>{_MONTH})\b"
    rf"|\bop\s+de\s+(?P<oword2>{_ORD_WORDS}){_DATE_END}"
    rf"|\b(?:op\s+)?de\s+(?P<onum>[0-9]{{1,2}})(?:e|ste|de)"
    rf"(?:\s+(?:van\s+)?(?P<onmon>{_MONTH})\b|{_DATE_END})"
    rf"|\b(?P<cword>{_CARD_WORDS})\s+(?P<cmon>{_MONTH})\b"
)

RECUR_RE = re.compile(
    rf"\b(?:(?P<every>elke|iedere|ieder|elk)|om\s+de)\s+(?:(?P<n>twee|2|drie|3|vier|4|andere)\s+)?"
    rf"(?P<what>{_WD}|weekdag(?:en)?|werkdag(?:en)?|doordeweekse\s+dag|dag(?:en)?|weken|week"
    rf"|weekend(?:en)?|maand(?:en)?|avond|ochtend|morgen|middag|nacht)\b"
    rf"|\b(?P<adv>dagelijks|wekelijks|maandelijks)\b"
)

NOW_RE = re.compile(
    r"\b(?:op\s+dit\s+moment|vanaf\s+nu|right\s+now|nu(?:\s+(?:meteen|direct|gelijk|nu))?"
    r"(?=\s*(?:$|[!?]|\.(?!\w))))"
    r"|\b(?:om\s+|rond\s+|tegen\s+)?(?P<mid>" + elongated("middernacht") + r")\b"
)

# Every period names a unit, a month, a year, a quarter or a day number: without one of these
# substrings the family is skipped.
_PERIOD_NEEDLES = (
    *("week", "maand", "jaar", "jaren", "kwartaal", "zomer", "winter", "lente", "herfst"),
    *("komende", "volgende", "aankomende", "afgelopen", "vorige", "laatste", "voorbije"),
    *("jan", "feb", "maart", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "oct"),
    *("nov", "dec", "op de", "q1", "q2", "q3", "q4"),
)
# "in 2027", "eind 2008", "de 15e", "3 tot 5 maart" (the month is a needle already). Written as
# alternatives that each begin with a letter, so that the regex engine skips ahead to the
# positions holding one of those first letters instead of trying every alternative everywhere.
_PERIOD_GATE = "|".join(
    [
        *(
            rf"{word}\s+(?:19|20)[0-9]{{2}}"
            for word in ("in", "heel", "begin", "eind", "einde", "midden", "medio")
        ),
        r"de\s+[0-9]",
    ]
)

PERIOD_SCAN = Anchored(
    PERIOD_RE,
    [*_NEAR, *EDGES, "in", "heel", "1", "q1", "van", "op", *_LASTN_DIR, *ORDINALS, *CARDINALS],
    needles=_PERIOD_NEEDLES,
    gate=_PERIOD_GATE,
)
RECUR_SCAN = Anchored(
    RECUR_RE,
    ["elke", "iedere", "ieder", "elk", "om", "dagelijks", "wekelijks", "maandelijks"],
    needles=("elk", "ieder", "om de", "dagelijks", "wekelijks", "maandelijks"),
)
NOW_SCAN = Anchored(
    NOW_RE,
    ["op", "vanaf", "right", "nu", "om", "rond", "tegen", "middernacht", "midernacht"],
    needles=("nu", "moment", "nacht"),
)


def _period_piece(m: re.Match[str]) -> Piece | None:
    start, end = m.span()
    if m.group("unit"):
        near, unit = m.group("near"), m.group("unit")
        edge = EDGES.get(m.group("edge") or "", 0)
        if near in ("de", "het") and not edge:
            return None  # "de week" alone is not a time
        offset = _NEAR[near]
        if unit == "weekend":
            return Piece(start, end, "day", day=("weekend", offset, 0, 0))
        if unit in SEASONS:
            return Piece(start, end, "day", day=("season", SEASONS[unit], offset, 0))
        kind = {"week": "week", "maand": "month", "jaar": "year", "kwartaal": "quarter"}[unit]
        return Piece(start, end, "day", day=(kind, offset, edge, 0))
    if m.group("month"):
        month = MONTHS[_unstretch(m.group("month"), MONTHS)]
        edge = EDGES.get(m.group("medge") or "", 0)
        if m.group("in") and len(m.group("month")) <= 3 and not m.group("my"):
            return None  # "in mar", "in dec": too often not the month
        return Piece(start, end, "day", day=("namedmonth", month, edge, int(m.group("my") or 0)))
    if m.group("year"):
        edge = EDGES.get(m.group("yedge") or "", 0)
        return Piece(start, end, "day", day=("year", int(m.group("year")), edge, 1))
    if m.group("qn") or m.group("qd"):
        number = _ORDINAL[m.group("qn")] if m.group("qn") else int(m.group("qd"))
        year = int(m.group("qy") or m.group("qdy") or 0)
        return Piece(start, end, "day", day=("quarter", number, year, 1))
    if m.group("d1"):
        first, last = int(m.group("d1")), int(m.group("d2"))
        if not 1 <= first < last <= 31:
            return None
        month = MONTHS[_unstretch(m.group("dmon"), MONTHS)]
        year = int(m.group("dy") or 0)
        return Piece(start, end, "day", day=("dayrange", first, last, year * 100 + month))
    if m.group("ldir"):
        amount = int(m.group("ln")) if m.group("ln").isdigit() else _LASTN_AMOUNT[m.group("ln")]
        unit = _LASTN_UNITS[m.group("lunit")]
        return Piece(start, end, "day", day=("lastn", unit, amount, _LASTN_DIR[m.group("ldir")]))
    day_number = ORDINALS.get(m.group("oword") or m.group("oword2") or "") or int(
        m.group("onum") or 0
    )
    if m.group("cword"):
        day_number = CARDINALS[m.group("cword")]
    month_word = m.group("omon") or m.group("onmon") or m.group("cmon")
    if not 1 <= day_number <= 31:
        return None
    if month_word:
        month = MONTHS[_unstretch(month_word, MONTHS)]
        return Piece(start, end, "day", day=("date", day_number, month, 0))
    return Piece(start, end, "day", day=("monthday", day_number, 0, 0), confidence=0.6)


def _recurring_piece(m: re.Match[str]) -> Piece:
    start, end = m.span()
    if m.group("adv"):
        freq = {"dagelijks": "DAILY", "wekelijks": "WEEKLY", "maandelijks": "MONTHLY"}[
            m.group("adv")
        ]
        day = {"DAILY": ("rel", 0, 0, 0), "WEEKLY": ("week", 0, 0, 0)}.get(freq, ("month", 0, 0, 0))
        return Piece(start, end, "day", day=day, recurrence=f"FREQ={freq}", weak=True)
    what = m.group("what")
    interval = _EVERY_N.get(m.group("n") or "", 1)
    if not m.group("every") and interval == 1:
        interval = 2 if what.startswith("week") else 1  # "om de week" = every other week
    suffix = f";INTERVAL={interval}" if interval > 1 else ""
    if what.startswith(("weekdag", "werkdag", "doordeweek")):
        rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        return Piece(start, end, "day", day=("workday", 0, 0, 0), recurrence=rule + suffix)
    if what.startswith("weekend"):
        rule = "FREQ=WEEKLY;BYDAY=SA,SU"
        return Piece(start, end, "day", day=("weekend", 0, 0, 0), recurrence=rule + suffix)
    if what in ("week", "weken"):
        return Piece(
            start, end, "day", day=("week", 0, 0, 0), recurrence="FREQ=WEEKLY" + suffix, weak=True
        )
    if what.startswith("maand"):
        day = ("month", 0, 0, 0)
        return Piece(start, end, "day", day=day, recurrence="FREQ=MONTHLY" + suffix, weak=True)
    if what in ("dag", "dagen"):
        day = ("rel", 0, 0, 0)
        return Piece(start, end, "day", day=day, recurrence="FREQ=DAILY" + suffix, weak=True)
    if what in ("avond", "ochtend", "morgen", "middag", "nacht"):
        part = "ochtend" if what == "morgen" else what
        return Piece(
            start,
            end,
            "day",
            day=("rel", 0, 0, 0),
            part=part,
            tonight=True,
            recurrence="FREQ=DAILY" + suffix,
        )
    weekday = _weekday(what)
    return Piece(
        start,
        end,
        "day",
        day=("wd", weekday, 0, 0),
        recurrence=f"FREQ=WEEKLY{suffix};BYDAY={_BYDAY[weekday]}",
    )


_NOT_NOW_BEFORE = frozenset(["tot", "van", "en", "dan", "pas"])


def period_pieces(folded: str) -> list[Piece]:
    pieces: list[Piece] = []
    for m in PERIOD_SCAN.finditer(folded):
        piece = _period_piece(m)
        if piece is not None:
            pieces.append(piece)
    for m in RECUR_SCAN.finditer(folded):
        pieces.append(_recurring_piece(m))
    for m in NOW_SCAN.finditer(folded):
        if m.group("mid"):
            piece = Piece(m.start(), m.end(), "clock", hour=0, fixed24=True, midnight=True)
            pieces.append(piece)
        elif _prev_word(folded, m.start()) not in _NOT_NOW_BEFORE:
            pieces.append(Piece(m.start(), m.end(), "day", day=("now", 0, 0, 0), confidence=0.6))
    return pieces
