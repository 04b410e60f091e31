"""Rule family: clock times, relative offsets ("over 20 min"), "straks" and "na school"."""

from __future__ import annotations

import re

from ..scan import Anchored
from .piece import (
    _DURATION_BEFORE,
    _HOUR,
    _INFINITIVE_AFTER,
    _MINW,
    _PARTICIPLE,
    _TIME_WORDS_EN,
    Piece,
    _hour,
    _prev_word,
)
from .words import AMOUNT_WORDS, HOUR_WORDS, MINUTE_WORDS, UNIT_MINUTES, alternation, elongated


def _lead(n: int) -> str:
    return rf"(?:(?P<lead{n}>om|rond|tegen|vanaf|at|tot|voor|na)\s+)"


_NOT_UNIT = (
    r"(?!\s*(?:%|procent|euro|eur\b|€|\$|km|kg|cm|mm|m\b|meter|liter|keer|x\b|mensen|man\b"
    r"|jongens|personen|punten|goals?\b|views|likes|volgers|jaar|kilo|gram|stuks|tegen|-\s?[0-9]"
    r"|dagen|weken|maanden|minuten|seconden"
    r"|/\s?[0-9]|van de\b|op de\b|uit\b))"
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
    rf"|\b(?P<vlead>van|tussen)\s+(?P<vh>{_HOUR})(?=\s+(?:uur\s+)?(?:tot|en|t/m)\s)"
    rf"(?:\s+(?:uur\s+)?(?:tot\s+en\s+met|tot|en|t/m)\s+(?P<vh2>{_HOUR})\b(?!\s*[:.][0-9])"
    rf"{_NOT_UNIT}(?:\s+uur\b)?)?"
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
CLOCK_SCAN = Anchored(
    CLOCK_RE, ["1", *_LEADS, *HOUR_WORDS, *MINUTE_WORDS, "half", "een", "van", "tussen"]
)
REL_SCAN = Anchored(REL_RE, ["over", "in", "binnen", "1", *AMOUNT_WORDS, "half", "paar"])
VAGUE_SCAN = Anchored(VAGUE_RE, ["straks", "strakjes", "zometeen", "zo", "tot"])
AUX_SCAN = Anchored(AUX_RE, ["na"])


_LEAD_GROUPS = tuple(name for name in CLOCK_RE.groupindex if name.startswith("lead"))


def _first_lead(m: re.Match[str]) -> str | None:
    """The first of the ``lead…`` groups that took part in the match, in the regex's order."""
    for name in _LEAD_GROUPS:
        value = m.group(name)
        if value:
            return value
    return None


def _clock_piece(m: re.Match[str], folded: str) -> Piece | None:
    # Single groups read from the match (``m.group``) rather than ``groupdict()``, which would
    # cut out all 27 groups of the clock regex for every match.
    start, end = m.span()
    lead = m.group("blead") or _first_lead(m)
    h_text = m.group("h")
    if h_text is not None:
        hour, minute = int(h_text), int(m.group("m"))
        if hour > 24 or (hour == 24 and minute):
            return None
        fixed = hour >= 13 or hour == 0 or h_text.startswith("0") or bool(m.group("ap"))
        if m.group("ap"):
            hour = _apply_meridiem(hour, m.group("ap"))
        if h_text and folded[m.start("h") - 1 : m.start("h")] in ("€", "$"):
            return None
        return Piece(
            start, end, "clock", hour=hour % 24, minute=minute, fixed24=fixed, confidence=0.9
        )
    uh_text = m.group("uh")
    if uh_text is not None:
        hour = int(uh_text)
        minute = int(m.group("um") or 0)
        if hour > 24:
            return None
        fixed = hour >= 13 or hour == 0 or uh_text.startswith("0")
        return Piece(
            start, end, "clock", hour=hour % 24, minute=minute, fixed24=fixed, confidence=0.85
        )
    aph_text = m.group("aph")
    if aph_text is not None:
        hour = int(aph_text)
        if not 1 <= hour <= 12:
            return None
        return Piece(
            start,
            end,
            "clock",
            hour=_apply_meridiem(hour, m.group("ap2")),
            fixed24=True,
            confidence=0.85,
        )
    wh_text = m.group("wh")
    if wh_text is not None:
        hour = _hour(wh_text)
        if not 0 <= hour <= 24:
            return None
        if not lead:
            prev = _prev_word(folded, start)
            if prev in _DURATION_BEFORE or _PARTICIPLE.match(folded, end):
                return None
            infinitive = _INFINITIVE_AFTER.match(folded, end)
            if infinitive and infinitive.group(1) not in _TIME_WORDS_EN:
                return None  # "5 uur slapen": a duration
            if wh_text in ("een", "1"):
                return None  # "een uur" alone is far more often a duration than one o'clock
        elif lead == "voor" and _PARTICIPLE.match(folded, end):
            return None  # "voor 2 uur gewacht"
        return Piece(
            start,
            end,
            "clock",
            hour=hour % 24,
            minute=int(m.group("whm") or 0),
            fixed24=hour >= 13 or hour == 0,
            confidence=0.8,
        )
    of_text = m.group("of")
    if of_text is not None:
        hour = _hour(of_text)
        return Piece(start, end, "clock", hour=hour % 24, fixed24=hour >= 13, confidence=0.75)
    hh_text = m.group("hh")
    if hh_text is not None:
        hour = _hour(hh_text)
        if not 1 <= hour <= 24:
            return None
        minute = 30
        if m.group("hm"):
            delta = MINUTE_WORDS[m.group("hm")]
            minute = 30 + delta if m.group("hd") == "over" else 30 - delta
        return Piece(
            start,
            end,
            "clock",
            hour=(hour - 1) % 24,
            minute=minute,
            fixed24=hour >= 13,
            confidence=0.8,
        )
    qh_text = m.group("qh")
    if qh_text is not None:
        hour = _hour(qh_text)
        if not 1 <= hour <= 24:
            return None
        delta = MINUTE_WORDS[m.group("qm")]
        if m.group("qd") == "over":
            h, minute = hour, delta
        else:
            h, minute = hour - 1, 60 - delta
        confidence = 0.8 if m.group("qm") == "kwart" or lead else 0.6
        return Piece(
            start,
            end,
            "clock",
            hour=h % 24,
            minute=minute,
            fixed24=hour >= 13,
            confidence=confidence,
        )
    vh_text = m.group("vh")
    if vh_text is not None:
        hour = _hour(vh_text)
        if not 0 <= hour <= 24:
            return None
        if m.group("vh2") is not None:
            end = m.start("vh") + len(vh_text)
        return Piece(start, end, "clock", hour=hour % 24, fixed24=hour >= 13, confidence=0.7)
    bh_text = m.group("bh")
    if bh_text is not None:
        hour = _hour(bh_text)
        if not 0 <= hour <= 24 or (bh_text == "een"):
            return None
        if not bh_text.isdigit() and not _WORD_HOUR_FOLLOW.match(folded, end):
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


def range_end_piece(m: re.Match[str]) -> Piece | None:
    """The second hour of "tussen 8 en 10" / "van 8 tot 10" as a clock piece of its own."""
    if "vh2" not in m.re.groupindex or m.group("vh2") is None:
        return None
    hour = _hour(m.group("vh2"))
    if not 0 <= hour <= 24:
        return None
    return Piece(
        m.start("vh2"), m.end(), "clock", hour=hour % 24, fixed24=hour >= 13, confidence=0.7
    )
