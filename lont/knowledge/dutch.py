"""A light Dutch stemmer for the knowledge base's SQLite index (PostgreSQL uses its own 'dutch').

Deliberately small: it folds plurals and common endings so "signalen" finds "signaal" and
"messengers" finds "messenger"; both the index and the query go through the same function.
"""

from __future__ import annotations

import re
import unicodedata

TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "dat",
        "die",
        "is",
        "voor",
        "met",
        "als",
        "zijn",
        "er",
        "aan",
        "bij",
        "om",
        "of",
        "ook",
        "door",
        "naar",
        "niet",
        "wat",
        "hoe",
        "je",
        "we",
        "ze",
        "hun",
        "zij",
        "dit",
        "deze",
        "wordt",
        "worden",
        "kan",
        "kunnen",
    ]
)
_SUFFIXES = ("heden", "ingen", "ende", "ing", "en", "es", "s", "e")
_DOUBLE = re.compile(r"([bdfgklmnprst])\1$")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    word = fold(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    word = _DOUBLE.sub(r"\1", word)
    # "signaal"/"signalen" -> "signal", "gesprek" stays; undouble long vowels before a consonant
    return re.sub(r"(aa|ee|oo|uu)([^aeiou])$", lambda m: m.group(1)[0] + m.group(2), word)


def terms(text: str) -> list[str]:
    return [stem(tok) for tok in TOKEN_RE.findall(text) if fold(tok) not in STOPWORDS]
