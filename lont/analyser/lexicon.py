"""Per-network word lists, merged over the built-in defaults and compiled once per lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources

from .normalise import fold
from .scan import Anchored

LEXICON_KINDS: tuple[str, ...] = (
    "call_to_action",
    "threat",
    "weapon",
    "drill_slang",
    "deceased",
    "reputation",
)


class LexiconError(ValueError):
    """An entry names an unknown kind or is empty."""


def _normalise_phrase(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def _phrase_regex(phrase: str) -> str:
    """Regex for one phrase: flexible spaces, stretched letters (3+ repeats), ``*`` endings."""
    parts: list[str] = []
    for word in phrase.split(" "):
        wildcard = word.endswith("*") and len(word) > 1
        if wildcard:
            word = word[:-1]
        out: list[str] = []
        index = 0
        while index < len(word):
            char = word[index]
            run = 1
            while index + run < len(word) and word[index + run] == char:
                run += 1
            piece = re.escape(char) * run
            if char.isalpha():
                # Street spelling stretches letters ("opppps"); a single extra letter would
                # turn "mes" into "mess", so only runs of three or more count as stretching.
                piece += f"(?:{re.escape(char)}{{2,}})?"
            out.append(piece)
            index += run
        parts.append("".join(out) + (r"[a-z0-9']*" if wildcard else ""))
    body = r"[\s\-]+".join(parts)
    head = r"\b" if phrase[:1].isalnum() else r"(?<!\w)"
    tail = r"\b" if phrase[-1:].isalnum() or phrase.endswith("*") else r"(?!\w)"
    return head + body + tail


class Lexicon:
    """Phrase lists per kind. ``Lexicon.default()`` holds the built-in lists; a network's lexicon
    is ``Lexicon.from_entries(rows)``, which adds its rows to the defaults."""

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        clean: dict[str, frozenset[str]] = {}
        for kind, phrases in entries.items():
            if kind not in LEXICON_KINDS:
                raise LexiconError(f"Onbekende soort '{kind}' in de woordenlijst.")
            normalised = {_normalise_phrase(p) for p in phrases}
            normalised.discard("")
            clean[kind] = frozenset(normalised)
        self._entries = clean
        self._patterns: dict[str, Anchored] | None = None

    @classmethod
    def default(cls) -> Lexicon:
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls(_read_builtin())
        return _DEFAULT

    @classmethod
    def from_entries(
        cls, entries: Iterable[tuple[str, str]], *, include_defaults: bool = True
    ) -> Lexicon:
        merged: dict[str, set[str]] = {kind: set() for kind in LEXICON_KINDS}
        if include_defaults:
            for kind, phrases in cls.default()._entries.items():
                merged[kind].update(phrases)
        for kind, phrase in entries:
            if kind not in LEXICON_KINDS:
                raise LexiconError(f"Onbekende soort '{kind}' in de woordenlijst.")
            merged[kind].add(phrase)
        return cls(merged)

    def phrases(self, kind: str) -> frozenset[str]:
        return self._entries.get(kind, frozenset())

    def entries(self) -> list[tuple[str, str]]:
        return sorted((k, p) for k, phrases in self._entries.items() for p in phrases)

    @property
    def patterns(self) -> dict[str, Anchored]:
        """One compiled alternation per kind, longest phrases first (compiled once)."""
        # Kept in an attribute rather than a functools.cached_property: a class compiled by
        # mypyc (tools/build_analyser.py) has no instance __dict__ for it to cache in.
        if self._patterns is not None:
            return self._patterns
        compiled: dict[str, Anchored] = {}
        for kind, phrases in self._entries.items():
            if not phrases:
                continue
            ordered = sorted(phrases, key=lambda p: (-len(p), p))
            compiled[kind] = Anchored.from_alternatives([(p, _phrase_regex(p)) for p in ordered])
        self._patterns = compiled
        return compiled

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and self._entries == other._entries

    def __hash__(self) -> int:
        return hash(frozenset(self._entries.items()))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in sorted(self._entries.items()))
        return f"Lexicon({sizes})"


_DEFAULT: Lexicon | None = None


def _read_builtin() -> dict[str, set[str]]:
    text = resources.files("lont.analyser.data").joinpath("lexicon_nl.txt").read_text("utf-8")
    entries: dict[str, set[str]] = {kind: set() for kind in LEXICON_KINDS}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase = line.split("\t", 1)
        entries[kind].add(phrase)
    return entries
