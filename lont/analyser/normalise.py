"""Length-preserving text folding, so regex offsets on the folded text are offsets in the original.

Every character maps to exactly one character: lower case, diacritics removed, curly quotes made
straight. Characters whose lower case is longer than one character (``İ``) keep their own form.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script; "_" is excluded because it joins words in handles.
TOKEN_RE = re.compile(r"[^\W_]+")

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "`": "'",
    "\u00b4": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
    "\u202f": " ",
}


class _FoldTable(dict[int, str]):
    """A translate table that fills itself on first sight of a character (cheap after warm-up)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _QUOTES.get(char)
        if folded is None:
            lower = char.lower()
            if len(lower) != 1:
                lower = char
            base = unicodedata.normalize("NFD", lower)[:1]
            # Only take the decomposed base when it is a plain letter: keeps emoji, CJK, RTL intact.
            folded = base if base.isascii() and base.isalpha() else lower
        self[code] = folded
        return folded


_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group(0))]


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping ``len(fold(text)) == len(text)``."""
    # Fast paths: most posts are ASCII or nearly so; str.lower runs in C.
    if text.isascii():
        lowered = text.lower()
        return lowered.replace("`", "'") if "`" in lowered else lowered
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(_TABLE)  # a character lower-cases to two ("İ"): go char by char
    return _NON_ASCII.sub(_fold_char, lowered)


def word_set(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``text`` (for readable word lists)."""
    return frozenset(text.split())


def squash(text: str) -> str:
    """Fold and drop everything that is not a letter or digit: the spacing-tolerant key."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def tokens(folded: str) -> list[tuple[int, int, str]]:
    """Alphanumeric tokens of an already folded text as ``(start, end, token)``."""
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(folded)]
