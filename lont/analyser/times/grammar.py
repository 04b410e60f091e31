"""Find the building blocks of time expressions ("pieces") in folded text.

Each regex finds one kind of piece: a day, a part of the day, a clock time, a relative offset, a
vague near future. ``combine`` in :mod:`lont.analyser.times.resolve` joins adjacent pieces into
one expression ("zaterdag" + "om 21:00"). All regexes run on :func:`normalise.fold` output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..normalise import word_set
from ..scan import Anchored
from .words import (
    AMOUNT_WORDS,
    DAY_WORDS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    HOUR_WORDS,
    MINUTE_WORDS,
    MONTHS,
    PART_WORDS,
    TONIGHT_WORDS,
    UNIT_MINUTES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
    elongated,
)

DaySpec = tuple[str, int, int, int]  # (kind, a, b, c): see Piece.day


@dataclass(slots=True)
class Piece:
    """One building block. ``day`` kinds: ``rel`` (offset), ``wd`` (weekday, mode 0 next /
    1 next week / 2 strictly after today), ``date`` (day, month, year or 0), ``weekend``
    (0 this / 1 next), ``week`` (1 next week), ``easter`` (offset from Easter), ``fixed``
    (day, month)."""

    start: int
    end: int
    slot: str  # day | part | barepart | clock | rel | vague | aux
    day: DaySpec | None = None
    part: str | None = None
    tonight: bool = False
    hour: int = 0
    minute: int = 0
    fixed24: bool = False
    minutes: int = 0
    in_days: bool = False  # a relative offset counted in days ("over 2 weken"), not minutes
    confidence: float = 0.85


_WD = alternation(WEEKDAYS)
_WD_ABBR = alternation(WEEKDAY_ABBREVIATIONS, stretch=False)
_DAYW = alternation(DAY_WORDS)
_PARTW = alternation(["ochtend", "morgen", "middag", "avond", "nacht", "vroeg"])
_MONTH = alternation(MONTHS)
_HOURW = alternation(HOUR_WORDS, stretch=False)
_NUM = r"(?:[0-9]{1,2})"
_HOUR = rf"(?:{_NUM}|{_HOURW})"
_MINW = alternation(MINUTE_WORDS, stretch=False)


def _lead(n: int) -> str:
    return rf"(?:(?P<lead{n}>om|rond|tegen|vanaf|at|tot|voor|na)\s+)"


_NOT_UNIT = (
    r"(?!\s*(?:%|procent|euro|eur\b|€|\$|km|kg|cm|mm|m\b|meter|liter|keer|x\b|mensen|man\b"
    r"|jongens|personen|punten|goals?\b|views|likes|volgers|jaar|kilo|gram|stuks|tegen|-\s?[0-9]"
    r"|dagen|weken|maanden|minuten|seconden"
    r"|/\s?[0-9]|van de\b|op de\b|uit\b))"
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
    rf"|(?P<hol>{alternation(list(FIXED_HOLIDAYS) + list(EASTER_HOLIDAYS), stretch=False)})"
    rf")\b"
)

DATE_RE = re.compile(
    rf"(?<![0-9.,:/-])(?P<iy>20[0-9]{{2}})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)"
    rf"(?P<id>[0-9]{{1,2}})(?![0-9])"
    rf"|(?<![0-9.,:/-])(?P<dd>[0-9]{{1,2}})\.(?P<dm>[0-9]{{1,2}})\.(?P<dy>20[0-9]{{2}})(?![0-9])"
    rf"|\b(?P<mon2>{_MONTH})\.?[\s-]+(?P<my>20[0-9]{{2}})(?![0-9])"
    rf"|(?<![0-9.,:/-])(?P<d>[0-9]{{1,2}})\s*(?:e\s+|ste\s+|de\s+)?(?P<mon>{_MONTH})\.?(?!\w)"
    rf"(?:\s+(?P<y>20[0-9]{{2}}))?"
    rf"|(?<![0-9.,:/\-€$])(?P<nd>[0-9]{{1,2}})(?P<sep>[-/])(?P<nm>[0-9]{{1,2}})"
    rf"(?:(?P=sep)(?P<ny>20[0-9]{{2}}|[0-9]{{2}}))?(?![0-9]|[-/.,:][0-9]|\s*%)"
)

PART_RE = re.compile(
    rf"(?:(?<!\w)'?s\s?(?P<s>{alternation(['avonds', 'ochtends', 'morgens', 'middags', 'nachts'])})"
    rf"(?P<late>\s+laat)?"
    rf"|\bin\s+de\s+(?P<inde>{alternation(['avond', 'ochtend', 'middag', 'nacht', 'morgen'])})"
    rf"|\bdeze\s+(?P<deze>{alternation(['avond', 'ochtend', 'middag', 'namiddag', 'nacht'])})"
    rf"|\b(?P<bare>{alternation(['avond', 'ochtend', 'middag', 'namiddag', 'nacht', 'vroeg'])}))"
    rf"(?!\w)"
)

CLOCK_RE = re.compile(
    # 21:00, 21.00, 9:30u, 21.00 uur, 9:30 pm
    rf"(?:\b{_lead(1)}?(?<![0-9.,:/€$])(?P<h>[0-9]{{1,2}})[:.](?P<m>[0-5][0-9])(?![0-9]|[.,:/][0-9])"
    rf"(?:\s*(?:uur|u|h)\b)?(?:\s*(?P<ap>am|pm)\b)?(?!\s*(?:euro|eur\b|€|%|procent|km|kg|m\b|meter))"
    # 21u, 9u30, 21h
    rf"|\b{_lead(2)}?(?P<uh>[0-9]{{1,2}})\s?[uh](?P<um>[0-5][0-9])?\b"
    # 9pm
    rf"|\b{_lead(3)}?(?P<aph>[0-9]{{1,2}})\s?(?P<ap2>am|pm)\b"
    # een uur of 9
    rf"|\b(?:(?:om|rond|tegen)\s+)?een\s+uur\s+of\s+(?P<of>{_HOUR})\b"
    # 9 uur, negen uur
    rf"|\b{_lead(4)}?(?P<wh>{_HOUR})\s+(?:uur|uurtje)\b(?!\s*(?:lang|geleden|later|eerder|per\b))"
    rf"(?:\s+(?P<whm>[0-5][0-9])\b(?!\s*[a-z]))?"
    # half 10, tien over half 9, vijf voor half 11
    rf"|\b{_lead(5)}?(?:(?P<hm>{_MINW})(?:\s+minuten)?\s+(?P<hd>over|voor)\s+)?half\s+(?P<hh>{_HOUR})\b{_NOT_UNIT}"
    rf"(?:\s+uur\b)?"
    # kwart over 8, tien voor 9
    rf"|\b{_lead(6)}?(?P<qm>{_MINW})(?:\s+minuten)?\s+(?P<qd>over|voor)\s+(?P<qh>{_HOUR})\b{_NOT_UNIT}(?:\s+uur\b)?"
    # om 9, om negen
    rf"|\b(?P<blead>om|rond|tegen|vanaf|at|tot)\s+(?P<bh>{_HOUR})\b{_NOT_UNIT}(?![.,:][0-9])"
    # "van 8 tot 10", "tussen 8 en 10": the first hour of a range
    rf"|\b(?P<vlead>van|tussen)\s+(?P<vh>{_HOUR})(?=\s+(?:uur\s+)?(?:tot|en)\s)"
    r")"
)

REL_RE = re.compile(
    rf"\b(?:(?P<pre>over|in|binnen)\s+(?:de\s+)?)?(?:(?P<amt>"
    rf"{alternation(AMOUNT_WORDS, stretch=False)}|[0-9]{{1,3}})\s*)?"
    rf"(?P<unit>{alternation(UNIT_MINUTES, stretch=False)})\b"
    rf"(?:\s+(?P<post>geleden|later|eerder|vanaf\s+nu))?"
)

VAGUE_RE = re.compile(
    rf"\b(?:{elongated('straks')}|{elongated('strakjes')}|zo\s?meteen|zo\s?direct|tot\s+zo(?!\w))"
)

AUX_RE = re.compile(r"\bna\s+(?:school|de\s+les|het\s+eten|het\s+werk|het\s+voetbal|training)\b")

_LEADS = ["om", "rond", "tegen", "vanaf", "at", "tot", "voor", "na"]
DAY_SCAN = Anchored(
    DAY_RE,
    [
        *WEEKDAYS,
        *WEEKDAY_ABBREVIATIONS,
        *DAY_WORDS,
        *TONIGHT_WORDS,
        *FIXED_HOLIDAYS,
        *EASTER_HOLIDAYS,
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
CLOCK_SCAN = Anchored(
    CLOCK_RE, ["1", *_LEADS, *HOUR_WORDS, *MINUTE_WORDS, "half", "een", "van", "tussen"]
)
REL_SCAN = Anchored(REL_RE, ["over", "in", "binnen", "1", *AMOUNT_WORDS, "half", "paar"])
VAGUE_SCAN = Anchored(VAGUE_RE, ["straks", "strakjes", "zometeen", "zo", "tot"])
AUX_SCAN = Anchored(AUX_RE, ["na"])

# Before "N uur" these words make it a duration ("al 2 uur", "ruim een uur").
_DURATION_BEFORE = word_set(
    """
    al ruim bijna zeker ongeveer wel pas nog maar binnen per elk elke ieder iedere
    urenlang minstens hooguit sinds duurt duurde kost kostte
    """
)
_PARTICIPLE = re.compile(r"\s+(?:ge[a-z]{2,}(?:d|t|en)|lang|bezig|achter\s+elkaar|gewerkt)\b")
_SCORE_WORDS = word_set(
    """
    gewonnen verloren gelijk winst nederlaag voorsprong achterstand overwinning won
    verloor gespeeld eindstand stand uitslag score
    """
)
_FRACTION_AFTER = re.compile(
    r"\s*(?:van\b|deel\b|liter|kilo|kg\b|gram|euro|procent|%|mensen|personen|jongeren|keer|"
    r"kans|leerlingen|scoort|score|punten)"
)
_INFINITIVE_AFTER = re.compile(r"\s+([a-z]+en)\b")
_TIME_WORDS_EN = frozenset(["morgen", "vanmorgen", "overmorgen", "savonds", "smorgens"])
_GREETING_BEFORE = word_set(
    """
    gelukkig gelukkige fijne fijn prettige prettig vrolijk vrolijke happy zalig zalige
    """
)


def _hour(token: str) -> int:
    if token.isdigit():
        return int(token)
    return HOUR_WORDS.get(token, -1)


_LAST_WORD = re.compile(r"([a-z0-9]+)$")


def _prev_word(folded: str, start: int) -> str:
    head = folded[max(0, start - 30) : start].rstrip()
    match = _LAST_WORD.search(head)
    return match.group(1) if match else ""


def _day_piece(m: re.Match[str]) -> Piece | None:
    g = m.groupdict()
    start, end = m.span()
    if g["wd1"]:
        return Piece(start, end, "day", day=("wd", _weekday(g["wd1"]), 1, 0))
    if g["wd3"]:
        return Piece(start, end, "day", day=("wd", _weekday(g["wd3"]), 4, 0))
    if g["wd2"]:
        mode = 1 if g["nw2"] and "week" in g["nw2"] else 0
        if g["mod"] == "volgende":
            mode = 2
        elif g["mod"] in ("vorige", "afgelopen"):
            mode = 3
        piece = Piece(start, end, "day", day=("wd", _weekday(g["wd2"]), mode, 0))
        if g["part1"]:
            piece.part = _part(g["part1"])
        return piece
    if g["abbr"]:
        return Piece(start, end, "day", day=("wd", WEEKDAY_ABBREVIATIONS[g["abbr"]], 0, 0))
    if g["dw"]:
        offset = _lookup_stretched(g["dw"], DAY_WORDS)
        piece = Piece(start, end, "day", day=("rel", offset, 0, 0))
        if g["part2"]:
            piece.part = _part(g["part2"])
        return piece
    if g["tn"]:
        part = TONIGHT_WORDS[_unstretch(g["tn"], TONIGHT_WORDS)]
        return Piece(start, end, "day", day=("rel", 0, 0, 0), part=part, tonight=True)
    if g["we"]:
        following = 1 if g["we"].startswith("volgend") else 0
        return Piece(start, end, "day", day=("weekend", following, 0, 0))
    if g["week"]:
        return Piece(start, end, "day", day=("week", 1, 0, 0))
    if g["hol"]:
        name = " ".join(g["hol"].split())
        if name in FIXED_HOLIDAYS:
            d, mo = FIXED_HOLIDAYS[name]
            return Piece(start, end, "day", day=("fixed", d, mo, 0))
        return Piece(start, end, "day", day=("easter", EASTER_HOLIDAYS[name], 0, 0))
    return None


_SQUEEZE = re.compile(r"(.)\1+")
_SQUEEZED: dict[int, dict[str, str]] = {}


def _unstretch(surface: str, words: Mapping[str, object]) -> str:
    """The vocabulary word a stretched surface form stands for ("zatterdag" → "zaterdag")."""
    table = _SQUEEZED.get(id(words))
    if table is None:
        table = {}
        for word in sorted(words, key=len):
            table[_SQUEEZE.sub(r"\1", word)] = word
        _SQUEEZED[id(words)] = table
    return table.get(_SQUEEZE.sub(r"\1", surface), next(iter(words)))


def _lookup_stretched(surface: str, words: dict[str, int]) -> int:
    return words[_unstretch(surface, words)]


def _weekday(surface: str) -> int:
    return _lookup_stretched(surface, WEEKDAYS)


def _part(surface: str) -> str:
    return PART_WORDS[_unstretch(surface, PART_WORDS)]


def _date_pieces(folded: str) -> list[Piece]:
    out: list[Piece] = []
    for m in DATE_SCAN.finditer(folded):
        start, end = m.span()
        whole = _whole_date(m)
        if whole is not None:
            out.append(Piece(start, end, "day", day=("date", *whole), confidence=0.85))
            continue
        if m.group("d") is None and m.group("nd") is None:
            continue
        if m.group("mon"):
            day, month = int(m.group("d")), MONTHS[_unstretch(m.group("mon"), MONTHS)]
            year = int(m.group("y") or 0)
            out.append(Piece(start, end, "day", day=("date", day, month, year), confidence=0.85))
            continue
        day, month = int(m.group("nd")), int(m.group("nm"))
        year_text = m.group("ny") or ""
        year = int(year_text) + (2000 if len(year_text) == 2 else 0) if year_text else 0
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        surface = m.group(0)
        if surface == "24/7" and not _looks_dated(folded, end):
            continue  # "24/7" is an idiom (always), not the 24th of July
        prev = _prev_word(folded, start)
        if m.group("sep") == "-" and not year_text:
            following = re.match(r"\s*([a-z]+)", folded[end : end + 20])
            if prev in _SCORE_WORDS or prev in ("met", "staat", "werd", "wordt", "het", "is"):
                continue
            if following and following.group(1) in _SCORE_WORDS | {"voor", "achter", "thuis"}:
                continue
        if _FRACTION_AFTER.match(folded, end):
            continue
        out.append(Piece(start, end, "day", day=("date", day, month, year), confidence=0.75))
    return out


def _whole_date(m: re.Match[str]) -> tuple[int, int, int] | None:
    """ISO and dotted dates with a year; "september 2026" is read as its first day."""
    if m.group("iy"):
        return int(m.group("id")), int(m.group("im")), int(m.group("iy"))
    if m.group("dy"):
        return int(m.group("dd")), int(m.group("dm")), int(m.group("dy"))
    if m.group("mon2"):
        return 1, MONTHS[_unstretch(m.group("mon2"), MONTHS)], int(m.group("my"))
    return None


def _looks_dated(folded: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:om\b|[0-9]{1,2}[:.][0-9]{2})", folded[end : end + 12]))


def _clock_piece(m: re.Match[str], folded: str) -> Piece | None:
    g = m.groupdict()
    start, end = m.span()
    lead = g["blead"] or next((v for k, v in g.items() if k.startswith("lead") and v), None)
    if g["h"] is not None:
        hour, minute = int(g["h"]), int(g["m"])
        if hour > 24 or (hour == 24 and minute):
            return None
        fixed = hour >= 13 or hour == 0 or g["h"].startswith("0") or bool(g["ap"])
        if g["ap"]:
            hour = _apply_meridiem(hour, g["ap"])
        if g["h"] and folded[m.start("h") - 1 : m.start("h")] in ("€", "$"):
            return None
        return Piece(
            start, end, "clock", hour=hour % 24, minute=minute, fixed24=fixed, confidence=0.9
        )
    if g["uh"] is not None:
        hour = int(g["uh"])
        minute = int(g["um"] or 0)
        if hour > 24:
            return None
        fixed = hour >= 13 or hour == 0 or g["uh"].startswith("0")
        return Piece(
            start, end, "clock", hour=hour % 24, minute=minute, fixed24=fixed, confidence=0.85
        )
    if g["aph"] is not None:
        hour = int(g["aph"])
        if not 1 <= hour <= 12:
            return None
        return Piece(
            start, end, "clock", hour=_apply_meridiem(hour, g["ap2"]), fixed24=True, confidence=0.85
        )
    if g["wh"] is not None:
        hour = _hour(g["wh"])
        if not 0 <= hour <= 24:
            return None
        if not lead:
            prev = _prev_word(folded, start)
            if prev in _DURATION_BEFORE or _PARTICIPLE.match(folded, end):
                return None
            infinitive = _INFINITIVE_AFTER.match(folded, end)
            if infinitive and infinitive.group(1) not in _TIME_WORDS_EN:
                return None  # "5 uur slapen": a duration
            if g["wh"] in ("een", "1"):
                return None  # "een uur" alone is far more often a duration than one o'clock
        elif lead == "voor" and _PARTICIPLE.match(folded, end):
            return None  # "voor 2 uur gewacht"
        return Piece(
            start,
            end,
            "clock",
            hour=hour % 24,
            minute=int(g["whm"] or 0),
            fixed24=hour >= 13 or hour == 0,
            confidence=0.8,
        )
    if g["of"] is not None:
        hour = _hour(g["of"])
        return Piece(start, end, "clock", hour=hour % 24, fixed24=hour >= 13, confidence=0.75)
    if g["hh"] is not None:
        hour = _hour(g["hh"])
        if not 1 <= hour <= 24:
            return None
        minute = 30
        if g["hm"]:
            delta = MINUTE_WORDS[g["hm"]]
            minute = 30 + delta if g["hd"] == "over" else 30 - delta
        return Piece(
            start,
            end,
            "clock",
            hour=(hour - 1) % 24,
            minute=minute,
            fixed24=hour >= 13,
            confidence=0.8,
        )
    if g["qh"] is not None:
        hour = _hour(g["qh"])
        if not 1 <= hour <= 24:
            return None
        delta = MINUTE_WORDS[g["qm"]]
        if g["qd"] == "over":
            h, minute = hour, delta
        else:
            h, minute = hour - 1, 60 - delta
        confidence = 0.8 if g["qm"] == "kwart" or lead else 0.6
        return Piece(
            start,
            end,
            "clock",
            hour=h % 24,
            minute=minute,
            fixed24=hour >= 13,
            confidence=confidence,
        )
    if g["vh"] is not None:
        hour = _hour(g["vh"])
        if not 0 <= hour <= 24:
            return None
        return Piece(start, end, "clock", hour=hour % 24, fixed24=hour >= 13, confidence=0.7)
    if g["bh"] is not None:
        hour = _hour(g["bh"])
        if not 0 <= hour <= 24 or (g["bh"] == "een"):
            return None
        if not g["bh"].isdigit() and not _WORD_HOUR_FOLLOW.match(folded, end):
            return None  # "om twee redenen"
        return Piece(
            start, end, "clock", hour=hour % 24, fixed24=hour >= 13 or hour == 0, confidence=0.7
        )
    return None


_WORD_HOUR_FOLLOW = re.compile(
    r"\s*(?:$|[^\w\s]|(?:bij|in|op|naar|aan|dan|en|ben|zijn|we|wij|ik|jij|je|jullie|gaan|is|"
    r"komen|kom|daar|hier|thuis|beginnen|begint|klaar|buiten|weg|s|uur)\b)"
)


def _apply_meridiem(hour: int, marker: str) -> int:
    if marker == "pm":
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


_ENGAGEMENT_BEFORE = re.compile(r"(?:views|likes|reposts|shares|reacties|weergaven)\b[^.!?]*$")


def _rel_piece(m: re.Match[str], folded: str) -> Piece | None:
    """ "over 20 min", "binnen een uur", "5 dagen geleden", "2 uur later"."""
    pre, post = m.group("pre"), m.group("post")
    if not pre and not post:
        return None  # a bare amount ("2 uur") is a clock time or a duration, not an offset
    unit = " ".join(m.group("unit").split())
    amount_text = " ".join((m.group("amt") or "").split())
    per_unit = UNIT_MINUTES[unit]
    if not amount_text:
        # "over een kwartier" needs an amount; a bare unit only counts for compound units.
        if unit not in ("kwartier", "kwartiertje", "halfuur", "halfuurtje", "half uur"):
            return None
        amount = 1.0
    elif amount_text.isdigit():
        amount = float(amount_text)
    else:
        amount = AMOUNT_WORDS[amount_text]
    if pre == "in" and per_unit < 0:
        return None  # "in 2 dagen" is as often a duration as an offset
    if unit == "u" and pre != "over":
        return None
    if pre == "binnen" and _ENGAGEMENT_BEFORE.search(folded, max(0, m.start() - 60), m.start()):
        return None  # "345 likes binnen een uur": how fast, not when
    sign = -1 if post in ("geleden", "eerder") else 1
    start, end = m.span()
    if per_unit < 0:
        days = round(amount * -per_unit) * sign
        return Piece(start, end, "rel", minutes=days * 24 * 60, in_days=True, confidence=0.8)
    return Piece(start, end, "rel", minutes=round(amount * per_unit) * sign, confidence=0.8)


_MORNING_NOT_TOMORROW = frozenset(
    ["de", "deze", "die", "elke", "iedere", "s", "goede", "goeie", "goedemorgen", "fijne"]
)


def find_pieces(folded: str) -> list[Piece]:
    """All candidate pieces, possibly overlapping; the caller keeps the longest."""
    pieces: list[Piece] = []
    for m in DAY_SCAN.finditer(folded):
        if m.group("dw") and not m.group("part2"):
            prev = _prev_word(folded, m.start())
            if prev in _MORNING_NOT_TOMORROW and m.group("dw").startswith("m"):
                continue  # "goede morgen", "in de morgen"
        if m.group("hol") and _prev_word(folded, m.start()) in _GREETING_BEFORE:
            continue  # "gelukkig nieuwjaar" is a greeting, not a date
        piece = _day_piece(m)
        if piece is not None:
            if m.group("late") and piece.part is None:
                piece.part = "avond"
            pieces.append(piece)
    pieces.extend(_date_pieces(folded))
    for m in PART_SCAN.finditer(folded):
        if m.group("deze"):
            # "deze avond" = vanavond: today and that part of the day.
            part = _part(m.group("deze").removeprefix("na"))
            pieces.append(
                Piece(m.start(), m.end(), "day", day=("rel", 0, 0, 0), part=part, tonight=True)
            )
            continue
        word = m.group("s") or m.group("inde") or m.group("bare")
        part = _part(re.sub(r"s$", "", word).removeprefix("na"))
        slot = "barepart" if m.group("bare") else "part"
        start = m.start()
        if m.group("s") and start > 0 and folded[start - 1] == "'":
            start -= 1  # the scanner starts at the "s" token; take in the apostrophe of "'s"
        pieces.append(Piece(start, m.end(), slot, part=part, confidence=0.8))
    for m in CLOCK_SCAN.finditer(folded):
        piece = _clock_piece(m, folded)
        if piece is not None:
            pieces.append(piece)
    for m in REL_SCAN.finditer(folded):
        piece = _rel_piece(m, folded)
        if piece is not None:
            pieces.append(piece)
    for m in VAGUE_SCAN.finditer(folded):
        pieces.append(Piece(m.start(), m.end(), "vague", confidence=0.4))
    for m in AUX_SCAN.finditer(folded):
        pieces.append(Piece(m.start(), m.end(), "aux", confidence=0.5))
    return pieces
