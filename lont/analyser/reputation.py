"""Reputation attacks beyond fixed phrases: calling someone a snitch, a rat, an opp or a fake,
and insults aimed at someone's mother or family ("kkr moeder", "je moeder is een …").

Drill words such as "snitch" and "opp" stay drill slang (context); only when they are pinned on
someone ("jij bent een snitch", "vieze rat", "@x is een opp") do they also become a reputation
attack, which is what the guide asks a professional to weigh.
"""

from __future__ import annotations

import re

from .scan import Anchored

_LABEL = (
    r"(?:snitch|snitcher|snitches|verrader|verraders|rat|ratten|klikspaan|klikker|opp|opps"
    r"|nep\s*gangster|fake\s*gangster|fake|clown|pussy|nobody|loser|bitch|hoer|slet|mietje|watje)"
)
_INSULT = r"(?:vieze|vuile|kanker|kkr|tyfus|tering|dikke|grote|fucking|kut|zielige|domme)"
ACCUSE_RE = re.compile(
    rf"\b(?:(?:je|jij|u)\s+bent|ben\s+(?:je|jij)|(?:hij|zij|ze|die|dat)\s+is|is\s+(?:gewoon\s+)?)"
    rf"\s+(?:echt\s+|gewoon\s+|ook\s+|maar\s+)?(?:een\s+)?(?:{_INSULT}\s*)?{_LABEL}\b"
    rf"|\b{_INSULT}\s*{_LABEL}\b"
)
FAMILY_RE = re.compile(
    r"\b(?:kanker|kkr|tyfus|tering|kut|hoeren)\s*(?:moeder|moer|vader|familie|zus|mama)\b"
    r"|\bmoeder\s*neuker\w*|\b(?:je|jouw)\s+(?:moeder|moer|mama|ma|zus|zusje|vader|pa)\s+is\s+"
    r"(?:een|zo)\b"
)
_STARTS = ["je", "jij", "u", "ben", "hij", "zij", "ze", "die", "dat", "is", "vieze", "vuile"]
_STARTS += ["kanker"]
ACCUSE_SCAN = Anchored(
    ACCUSE_RE,
    [*_STARTS, "kkr", "tyfus", "tering", "dikke", "grote", "fucking", "kut", "zielige", "domme"],
    needles=re.findall(r"[a-z]{3,}", _LABEL),
)
FAMILY_SCAN = Anchored(
    FAMILY_RE,
    ["kanker", "kkr", "tyfus", "tering", "kut", "hoeren", "moeder", "je", "jouw"],
    needles=("moeder", "moer", "vader", "familie", "zus", "mama", "ma ", "pa "),
)


def reputation_attacks(folded: str) -> list[tuple[int, int]]:
    """``(start, end)`` of accusations and family insults."""
    out = [m.span() for m in ACCUSE_SCAN.finditer(folded)]
    out += [m.span() for m in FAMILY_SCAN.finditer(folded)]
    return out
