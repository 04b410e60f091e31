"""Vocabulary for Dutch (and street) time expressions, and the regex helpers that build on it."""

from __future__ import annotations

import re
from collections.abc import Mapping


def elongated(word: str) -> str:
    """Regex for ``word`` that tolerates stretched letters: ``vanavonddd``, ``zaterdagggg``.

    A doubled letter in the word is collapsed first, so ``zaterdag`` also matches ``zatterdag``
    and ``maart`` matches ``mart`` — both are common street spellings and harmless here.
    """
    out: list[str] = []
    previous = ""
    for char in word:
        if char == previous and char.isalpha():
            continue
        previous = char
        if char.isalpha():
            out.append(re.escape(char) + "+")
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def alternation(words: Mapping[str, object] | list[str], *, stretch: bool = True) -> str:
    """A non-capturing alternation, longest first so the regex engine prefers full words."""
    keys = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(elongated(k) if stretch else re.escape(k) for k in keys) + ")"


HOUR_WORDS: dict[str, int] = {
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}

MINUTE_WORDS: dict[str, int] = {
    "vijf": 5,
    "tien": 10,
    "kwart": 15,
    "twintig": 20,
    "vijfentwintig": 25,
    "5": 5,
    "10": 10,
    "20": 20,
    "25": 25,
}

AMOUNT_WORDS: dict[str, float] = {
    "een": 1,
    "1": 1,
    "anderhalf": 1.5,
    "anderhalve": 1.5,
    "een half": 0.5,
    "een halve": 0.5,
    "half": 0.5,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "paar": 2,
}

# Minutes per unit; days are negative so the resolver can tell a date offset from a clock offset.
UNIT_MINUTES: dict[str, int] = {
    "uur": 60,
    "uurtje": 60,
    "uurtjes": 60,
    "u": 60,
    "minuten": 1,
    "minuut": 1,
    "minuutjes": 1,
    "minuutje": 1,
    "min": 1,
    "mins": 1,
    "kwartier": 15,
    "kwartiertje": 15,
    "halfuur": 30,
    "halfuurtje": 30,
    "half uur": 30,
    "half uurtje": 30,
    "seconden": 0,
    "seconde": 0,
    "sec": 0,
    "maanden": -30,
    "maand": -30,
    "jaar": -365,
    "jaren": -365,
    "dagen": -1,
    "dag": -1,
    "dagjes": -1,
    "weken": -7,
    "week": -7,
}

WEEKDAYS: dict[str, int] = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "vrydag": 4,
    "zaterdag": 5,
    "zatrdag": 5,
    "zondag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Abbreviations clash with ordinary words ("ma" = mum, "zo" = so); only used before a digit.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "ma": 0,
    "di": 1,
    "wo": 2,
    "do": 3,
    "vr": 4,
    "vrij": 4,
    "za": 5,
    "zat": 5,
    "zo": 6,
    "zon": 6,
}

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Day words: offset in days from the posting day.
DAY_WORDS: dict[str, int] = {
    "vandaag": 0,
    "vndaag": 0,
    "today": 0,
    "2day": 0,
    "morgen": 1,
    "mrgn": 1,
    "morgn": 1,
    "mrgen": 1,
    "morge": 1,
    "tomorrow": 1,
    "2morrow": 1,
    "2moro": 1,
    "2morow": 1,
    "tmrw": 1,
    "overmorgen": 2,
    "overmrgn": 2,
    "gisteren": -1,
    "gister": -1,
    "gistere": -1,
    "eergisteren": -2,
}

PART_WORDS: dict[str, str] = {
    "ochtend": "ochtend",
    "vroeg": "ochtend",
    "morgen": "ochtend",
    "middag": "middag",
    "namiddag": "middag",
    "avond": "avond",
    "nacht": "nacht",
}

# "van-" words that fix both the day (today) and the part of the day.
TONIGHT_WORDS: dict[str, str] = {
    "vanavond": "avond",
    "vnavond": "avond",
    "vanavnd": "avond",
    "vnavnd": "avond",
    "vanvond": "avond",
    "vnv": "avond",
    "2nite": "avond",
    "2night": "avond",
    "tonight": "avond",
    "vannacht": "nacht",
    "vanacht": "nacht",
    "vnacht": "nacht",
    "vanmiddag": "middag",
    "vnmiddag": "middag",
    "vanochtend": "ochtend",
    "vanmorgen": "ochtend",
    "vnochtend": "ochtend",
}

PART_RANGES: dict[str, tuple[str, str]] = {
    "ochtend": ("06:00", "12:00"),
    "middag": ("12:00", "18:00"),
    "avond": ("18:00", "23:59"),
    "nacht": ("00:00", "06:00"),
}

# Fixed-date holidays (day, month); movable feasts are computed from Easter.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "valentijnsdag": (14, 2),
    "dodenherdenking": (4, 5),
    "keti koti": (1, 7),
    "bevrijdingsdag": (5, 5),
    "kerstavond": (24, 12),
    "kerst": (25, 12),
    "kerstmis": (25, 12),
    "eerste kerstdag": (25, 12),
    "tweede kerstdag": (26, 12),
    "oudjaar": (31, 12),
    "oudejaarsavond": (31, 12),
    "oudjaarsavond": (31, 12),
    "oud en nieuw": (31, 12),
    "nieuwjaarsdag": (1, 1),
    "nieuwjaar": (1, 1),
    "sinterklaas": (5, 12),
    "pakjesavond": (5, 12),
    "halloween": (31, 10),
}

EASTER_HOLIDAYS: dict[str, int] = {
    "pasen": 0,
    "eerste paasdag": 0,
    "paaszondag": 0,
    "paasmaandag": 1,
    "tweede paasdag": 1,
    "goede vrijdag": -2,
    "hemelvaart": 39,
    "hemelvaartsdag": 39,
    "pinksteren": 49,
    "eerste pinksterdag": 49,
    "pinkstermaandag": 50,
    "tweede pinksterdag": 50,
}

# Days whose date moves by rule: resolved in ``period_resolve.day_of``.
SPECIAL_HOLIDAYS: dict[str, tuple[str, int, int, int]] = {
    "koningsdag": ("koningsdag", 0, 0, 0),
    "koninginnedag": ("koningsdag", 0, 0, 0),
    "suikerfeest": ("islamic", 0, 0, 0),
    "eid al-fitr": ("islamic", 0, 0, 0),
    "eid al fitr": ("islamic", 0, 0, 0),
    "eid ul-fitr": ("islamic", 0, 0, 0),
    "offerfeest": ("islamic", 1, 0, 0),
    "eid al-adha": ("islamic", 1, 0, 0),
    "eid al adha": ("islamic", 1, 0, 0),
    "eid ul-adha": ("islamic", 1, 0, 0),
    "begin van de ramadan": ("islamic", 2, 0, 0),
    "moederdag": ("nthsunday", 5, 2, 0),
    "vaderdag": ("nthsunday", 6, 3, 0),
}
