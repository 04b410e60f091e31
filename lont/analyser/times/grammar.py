"""Find the building blocks of time expressions ("pieces") in folded text.

Runs each rule family (:mod:`.days`, :mod:`.clock`, :mod:`.periods`) over the text; a family's
regexes are only tried at tokens that can start one of its words (see :mod:`lont.analyser.scan`).
"""

from __future__ import annotations

import re

from .clock import (
    AUX_SCAN,
    CLOCK_SCAN,
    REL_SCAN,
    VAGUE_SCAN,
    _clock_piece,
    _rel_piece,
    range_end_piece,
)
from .days import DAY_SCAN, PART_SCAN, _date_pieces, _day_piece
from .periods import period_pieces
from .piece import _GREETING_BEFORE, Piece, _part, _prev_word

# "16:00 CET", "8:00 GMT": minutes east of UTC of the named zone.
_ZONE_AFTER = re.compile(r"\s*\(?(?P<zone>cest|cet|gmt|utc|bst|wet)\b\)?")
ZONE_OFFSETS = {"cet": 60, "cest": 120, "gmt": 0, "utc": 0, "wet": 0, "bst": 60}

__all__ = ["Piece", "find_pieces"]

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
        part = _part((word[:-1] if word.endswith("s") else word).removeprefix("na"))
        slot = "barepart" if m.group("bare") else "part"
        start = m.start()
        if m.group("s") and start > 0 and folded[start - 1] == "'":
            start -= 1  # the scanner starts at the "s" token; take in the apostrophe of "'s"
        pieces.append(Piece(start, m.end(), slot, part=part, confidence=0.8))
    for m in CLOCK_SCAN.finditer(folded):
        piece = _clock_piece(m, folded)
        if piece is not None:
            zone = _ZONE_AFTER.match(folded, piece.end)
            if zone is not None:
                piece.end = zone.end()
                piece.tz_offset = ZONE_OFFSETS[zone.group("zone")]
            pieces.append(piece)
            until = range_end_piece(m)
            if until is not None:
                pieces.append(until)
    for m in REL_SCAN.finditer(folded):
        piece = _rel_piece(m, folded)
        if piece is not None:
            pieces.append(piece)
    pieces.extend(period_pieces(folded))
    for m in VAGUE_SCAN.finditer(folded):
        pieces.append(Piece(m.start(), m.end(), "vague", confidence=0.4))
    for m in AUX_SCAN.finditer(folded):
        pieces.append(Piece(m.start(), m.end(), "aux", confidence=0.5))
    return pieces
