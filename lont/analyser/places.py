"""General Dutch place patterns, for places the gazetteer does not (yet) know.

Precision first: a street suffix needs a real stem ("Kerkstraat", not "op straat"); weak suffixes
(-weg, -park, -pad, -hof, -markt) need a capital and a word that is not a common compound
("onderweg", "supermarkt"); "bij de X" needs a capitalised X; a four-digit group name ("3075")
needs a preposition or a group word around it, and years are not group names.
"""

from __future__ import annotations

import re

from .construct import new_span
from .model import Span
from .normalise import word_set
from .scan import Anchored, token_starts

_STRONG = ("straat", "laan", "gracht", "singel", "kade", "dijk", "plein", "steeg", "dreef")
_WEAK = ("weg", "park", "pad", "hof", "markt")

_SUFFIXES = _STRONG + _WEAK
STATION_RE = re.compile(
    r"\b(?P<kind>[Mm]etrostation|[Ss]tation|[Mm]etro|[Tt]ramhalte|[Bb]ushalte)\s+"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)
BIJ_DE_RE = re.compile(
    r"\b(?:[Bb]ij|[Nn]aar|[Aa]chter|[Nn]aast|[Tt]egenover)\s+(?:de|het|'t)\s+"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
)
POSTCODE_RE = re.compile(r"(?<![\w-])[1-9][0-9]{3}(?:\s?[A-Z]{2}|[a-z]{2})(?![\w-])")
GROUP_RE = re.compile(
    r"(?<![\w#-])(?:(?P<prep>in|naar|bij|uit|van|vs\.?|tegen|richting)\s+(?P<a>[1-9][0-9]{3})"
    r"(?![\w.,:/-])"
    r"|(?P<b>[1-9][0-9]{3})(?=\s*(?:gang|opps?|side|blok|block|boys|mob|squad|crew|nation|gng"
    r"|clique|vs\.?|tegen)\b))"
)

STATION_SCAN = Anchored(STATION_RE, ["metrostation", "station", "metro", "tramhalte", "bushalte"])
BIJ_DE_SCAN = Anchored(BIJ_DE_RE, ["bij", "naar", "achter", "naast", "tegenover"])
POSTCODE_SCAN = Anchored(POSTCODE_RE, ["1"])
GROUP_SCAN = Anchored(GROUP_RE, ["in", "naar", "bij", "uit", "van", "vs", "tegen", "richting", "1"])

_STOP_COMPOUNDS = word_set(
    """
    onderweg terugweg snelweg heenweg halfweg zijweg uitweg omweg wegweg rijweg dwarsweg
    pretpark dierenpark attractiepark vakantiepark themapark windpark natuurpark kerkhof
    rechtshof gerechtshof binnenhof fietspad voetpad wandelpad zandpad jaagpad
    supermarkt jaarmarkt weekmarkt kerstmarkt arbeidsmarkt woningmarkt huizenmarkt
    vismarkt zwartemarkt rommelmarkt vlooienmarkt schoolplein speelplein zijstraat
    winkelstraat hoofdstraat oprijlaan dreef
    """
)
# Words that start sentences or name times, not streets, when capitalised before a street.
_NOT_NAME = word_set(
    """
    kom komen naar bij op in iedereen allemaal we wij ik jij jullie ze hij zij de het
    een vandaag morgen vanavond vannacht zaterdag zondag maandag dinsdag woensdag
    donderdag vrijdag om pull rip dan en of maar want dus nu hier daar wie wat waar ook
    nog al echt
    """
)
_PARTICLES = frozenset(["van", "de", "der", "den", "het", "ter", "ten", "'t"])
_UNIT_SUFFIXES = frozenset(["km", "kg", "cm", "mm", "ml", "pm", "am", "uur", "min"])
_NOT_BIJ_DE = frozenset(
    ["politie", "gemeente", "jeugdzorg", "ggd", "brandweer", "rechter", "school"]
)


_WORD = re.compile(r"[\w']+")


def _explain(what: str) -> str:
    return f"Plaatsaanduiding herkend aan een algemeen patroon ({what}); niet in de plaatsenlijst."


def _extend_left(text: str, start: int) -> int:
    """Take in preceding name words: "Jan van Galenstraat", "Burgemeester Jansenlaan"."""
    words = list(_WORD.finditer(text[max(0, start - 60) : start]))
    offset = max(0, start - 60)
    new_start = start
    index = len(words) - 1
    taken = 0
    while index >= 0 and taken < 3:
        word = words[index]
        if text[offset + word.end() : new_start].strip():
            break  # punctuation between: stop
        token = word.group(0)
        if token.lower() in _PARTICLES and index > 0:
            prev = words[index - 1].group(0)
            if prev[:1].isupper() and prev.lower() not in _NOT_NAME:
                new_start = offset + words[index - 1].start()
                index -= 2
                taken += 2
                continue
            break
        if token[:1].isupper() and token.lower() not in _NOT_NAME and not token.isupper():
            new_start = offset + word.start()
            index -= 1
            taken += 1
            continue
        break
    return new_start


def find_pattern_places(text: str, folded: str) -> list[Span]:
    spans: list[Span] = []
    for start, end, _key in token_starts(folded):
        word = folded[start:end]
        if not word.endswith(_SUFFIXES) or word in _STOP_COMPOUNDS or word[0].isdigit():
            continue
        suffix = next(s for s in _SUFFIXES if word.endswith(s))
        if len(word) - len(suffix) < 3 or (start > 0 and folded[start - 1] == "-"):
            continue
        capital = text[start : start + 1].isupper()
        if suffix in _WEAK and not capital:
            continue
        if capital:
            start = _extend_left(text, start)
        spans.append(new_span(start, end, "place", text[start:end], 0.7, _explain("straatnaam")))
    for m in STATION_SCAN.finditer(folded, text):
        name_words = m.group("name").split()
        while name_words and name_words[-1].lower() in _NOT_NAME:
            name_words.pop()
        if not name_words:
            continue
        end = m.start("name") + len(" ".join(name_words))
        spans.append(
            new_span(m.start(), end, "place", text[m.start() : end], 0.75, _explain("station"))
        )
    for m in BIJ_DE_SCAN.finditer(folded, text):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_BIJ_DE | _NOT_NAME:
            continue
        spans.append(
            new_span(m.start("name"), m.end("name"), "place", name, 0.5, _explain("bij de …"))
        )
    for m in POSTCODE_SCAN.finditer(folded, text):
        if m.group(0)[-2:].lower() in _UNIT_SUFFIXES:
            continue
        spans.append(new_span(m.start(), m.end(), "place", m.group(0), 0.8, _explain("postcode")))
    for m in GROUP_SCAN.finditer(folded):
        digits = m.group("a") or m.group("b")
        group = "a" if m.group("a") else "b"
        prep = (m.group("prep") or "").rstrip(".")
        if 1900 <= int(digits) <= 2099 and prep in ("in", "van", "uit", "tot", ""):
            continue  # a year, not a postcode group
        start, end = m.span(group)
        spans.append(
            new_span(start, end, "place", digits, 0.6, _explain("postcode als groepsnaam"))
        )
    return spans
