"""Run big alternation regexes only where a word could start a match.

Python's ``re`` tries every alternative at every position; with dozens of stretched words that
is most of the analyser's time. Instead each regex is tried (``pattern.match``) only at the
starts of tokens whose key — first letter plus the next *different* letter, or ``#`` for a
digit — is one its words can start with. Stretched spellings ("zzaterdag") keep their key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as _C  # type: ignore[attr-defined]
from typing import Any

from .normalise import TOKEN_RE, fold


def token_key(token: str) -> str:
    """``#`` for a number, else the first three letters with repeated letters squeezed."""
    if token[0].isdigit():
        return "#"
    out = token[0]
    for char in token[1:]:
        if char != out[-1]:
            out += char
            if len(out) == 3:
                break
    return out


def word_key(word: str) -> str:
    match = TOKEN_RE.search(fold(word))
    return token_key(match.group(0)) if match else ""


class _KeyCache(dict[str, str]):
    """Token -> key, filled on first sight of a token."""

    def __missing__(self, token: str) -> str:
        key = self[token] = token_key(token)
        return key


_KEY_CACHE = _KeyCache()


class _GapTable(dict[int, int]):
    """A translate table: every character that cannot be in a token becomes a space.

    A token is a run of ``[^\\W_]`` (:data:`.normalise.TOKEN_RE`), which is a run of characters
    for which ``str.isalnum()`` holds (``re``'s ``\\w`` is ``isalnum()`` or ``_``). Filled on first
    sight of a character, like the fold table.
    """

    def __missing__(self, code: int) -> int:
        kept = self[code] = code if chr(code).isalnum() else 32
        return kept


_GAPS = _GapTable()

# A non-ASCII character that can be in a token (``\w`` beyond ASCII is exactly ``isalnum()``:
# ``_`` is ASCII). Street posts are ASCII but for their emoji, and ``str.translate`` leaves its
# fast ASCII path at the first of them, looking every further character up one by one.
_NON_ASCII_TOKEN_CHAR = re.compile(r"[^\W\x00-\x7f]")
# The same gaps for bytes: every ASCII byte that is not a letter or digit, and every other byte,
# becomes a space (``?`` included: what encoding with ``errors="replace"`` puts for a non-ASCII
# character).
_ASCII_GAPS = bytes(code if chr(code).isalnum() and code < 128 else 32 for code in range(256))


def _gaps_to_spaces(folded: str, ascii_view: bytes) -> str:
    """``folded`` with every character that cannot be in a token made a space (same length)."""
    if not folded.isascii() and _NON_ASCII_TOKEN_CHAR.search(folded) is not None:
        return folded.translate(_GAPS)
    # Every non-ASCII character (if any) is a gap, and is a ``?`` in the ASCII view: bytes
    # translate and decode in C without a look-up per character.
    return ascii_view.translate(_ASCII_GAPS).decode("ascii")


_Tokens = tuple[
    tuple[tuple[int, int, str], ...], dict[str, list[int]], frozenset[str], str, dict[int, str]
]
# The text being analysed and its tokens: every scanner of one text asks for them, about 40
# times per post, and a dictionary probe is much cheaper than a call through ``lru_cache``
# (which stays behind it for texts that come back, as in ``check_message``).
_LAST: dict[str, _Tokens] = {}


def _tokens(folded: str) -> _Tokens:
    """``(start, end, key)`` per token, the starts grouped by key, the keys, the text with
    every non-ASCII character made a ``?`` (same length), and each token by its start, in one
    pass per text."""
    found = _LAST.get(folded)
    if found is None:
        found = _tokenise(folded)
        _LAST.clear()
        _LAST[folded] = found
    return found


@lru_cache(maxsize=16)
def _tokenise(folded: str) -> _Tokens:
    if len(_KEY_CACHE) > 100_000:
        _KEY_CACHE.clear()
    # With every non-token character made a space (``translate`` runs in C and keeps the
    # length), splitting at single spaces gives the tokens and an empty string for every gap
    # character after the first: cheaper than a regex split, which tests each character's
    # Unicode category and cuts out every gap too.
    # One code point, one byte: encoding puts a ``?`` for each non-ASCII character.
    ascii_view = folded.encode("ascii", "replace")
    spans: list[tuple[int, int, str]] = []
    grouped: dict[str, list[int]] = {}
    words: dict[int, str] = {}
    start = 0
    for part in _gaps_to_spaces(folded, ascii_view).split(" "):
        if part:
            end = start + len(part)
            key = _KEY_CACHE[part]
            spans.append((start, end, key))
            words[start] = part
            bucket = grouped.get(key)
            if bucket is None:
                grouped[key] = [start]
            else:
                bucket.append(start)
            start = end + 1
        else:
            start += 1
    ascii_text = folded if folded.isascii() else ascii_view.decode("ascii")
    return tuple(spans), grouped, frozenset(grouped), ascii_text, words


def token_starts(folded: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, key)`` per token, computed once per text and shared by all scanners."""
    return _tokens(folded)[0]


class AnyOf:
    """A gate: does any of these substrings occur, or (optional) does ``rest`` match somewhere?

    The same answer as ``re.search`` of the alternation ``needle|needle|…|rest``, but the
    substrings are plain ``in`` tests, which run in C without trying every alternative at every
    position of the text; shortest first, as they are the likeliest to occur.
    """

    __slots__ = ("needles", "needles_ascii", "rest")

    def __init__(self, needles: Iterable[str], rest: str = "") -> None:
        self.needles = tuple(sorted(set(needles), key=lambda n: (len(n), n)))
        self.needles_ascii = all(n.isascii() and "?" not in n for n in self.needles)
        self.rest = re.compile(rest) if rest else None

    def found_in(self, text: str) -> bool:
        # For the text being analysed, its ASCII view (see ``Anchored.needles_ascii``).
        known = _LAST.get(text) if self.needles_ascii else None
        haystack = text if known is None else known[3]
        for needle in self.needles:
            if needle in haystack:
                return True
        return self.rest is not None and self.rest.search(text) is not None


class Anchored:
    """A regex plus the token keys that may start a match.

    ``by_key`` optionally maps a key to a smaller regex holding only the alternatives that can
    start with it (used for long phrase lists), so one attempt does not try every phrase.
    """

    __slots__ = (
        "at_digit",
        "by_key",
        "by_key_fits",
        "fits",
        "fitting",
        "gate",
        "keys",
        "match",
        "needles",
        "needles_ascii",
        "pattern",
        "sources",
    )

    def __init__(
        self,
        pattern: re.Pattern[str],
        words: Iterable[str],
        by_key: dict[str, re.Pattern[str]] | None = None,
        needles: Iterable[str] = (),
        gate: str = "",
        sources: dict[str, str] | None = None,
    ) -> None:
        self.pattern = pattern
        # The match method of the same regex with literal-first alternatives (see :func:`quick`),
        # which is what runs; built on first use.
        self.match: Any = None
        self.by_key = by_key or {}
        # The pattern for tokens that begin with an ASCII digit (built on first use), or None
        # when it cannot match there; see :func:`pruned`.
        self.at_digit: re.Pattern[str] | bool | None = False
        # A rule family whose trigger words are all absent is skipped before any token is tried:
        # one of these substrings must occur in the folded text (cheap ``in`` tests in C).
        # ``gate`` is a regex to the same end, for triggers a plain substring cannot express.
        # Plain ``in`` tests run in C without trying a regex at every position of the text; they
        # are cheaper than one alternation regex of the same needles even for dozens of them.
        self.needles: tuple[str, ...] = tuple(sorted(set(needles), key=len))
        # An ASCII needle without ``?`` occurs in the text exactly where it occurs in the text's
        # ASCII view (every non-ASCII character a ``?``), which is searched one byte per
        # character instead of four when the text holds an emoji.
        self.needles_ascii = all(n.isascii() and "?" not in n for n in self.needles)
        self.gate: re.Pattern[str] | None = re.compile(gate) if gate else None
        self.keys = frozenset(k for k in (word_key(w) for w in words) if k) | frozenset(self.by_key)
        # Whether a token can begin a match at all (:func:`first_words`; derived on first use,
        # None: any token can), and its answers by token.
        self.fits: Any = False
        self.fitting: dict[str, bool] = {}
        # The source of each ``by_key`` regex, and its first-words test: derived here, with the
        # regexes (about 0.3 ms each in Python), not in the middle of a later post.
        self.sources = sources or {}
        self.by_key_fits: dict[str, Any] = {
            key: first_words_of(source, 0) for key, source in self.sources.items()
        }

    def _fitting(
        self, starts: list[int], words: dict[int, str], subject: str, other: bool, fits: Any
    ) -> list[int]:
        """The starts of the tokens at which the regex can begin (:func:`first_words`)."""
        fitting = self.fitting
        if len(fitting) > 50_000:
            fitting.clear()
        kept = []
        for start in starts:
            word = words[start]
            if other:
                # The regex runs on the original text: its own run of letters and digits at
                # the token (the same, unless folding changed what is a letter).
                end = start + len(word)
                word = subject[start:end]
                if not word.isalnum() or subject[end : end + 1].isalnum():
                    kept.append(start)
                    continue
            fit = fitting.get(word)
            if fit is None:
                fit = fitting[word] = fits(word)
            if fit:
                kept.append(start)
        return kept

    def _digit_match(self) -> Any:
        """The match method for a position holding an ASCII digit; False: no match there."""
        if self.at_digit is False:
            self.at_digit = pruned(self.pattern, DIGITS)
        return False if self.at_digit is None else self.at_digit.match  # type: ignore[union-attr]

    @classmethod
    def from_alternatives(cls, alternatives: list[tuple[str, str]]) -> Anchored:
        """Build from ``(word, regex)`` pairs, ``word`` being what the regex starts with."""
        grouped: dict[str, list[str]] = {}
        for word, regex in alternatives:
            key = word_key(word)
            keys = [key]
            if word.split(" ")[0].endswith("*") and 0 < len(key) < 3 and key != "#":
                # "opp*" also starts tokens keyed "ops", "opz", …: register every extension.
                keys += [key + char for char in "abcdefghijklmnopqrstuvwxyz0123456789"]
            for one in keys:
                grouped.setdefault(one, []).append(regex)
        sources = {key: "|".join(parts) for key, parts in grouped.items() if key}
        by_key = {key: compile_quick(source) for key, source in sources.items()}
        whole = re.compile("|".join(regex for _, regex in alternatives) or "(?!)")
        return cls(whole, [], by_key, sources=sources)

    def finditer(self, folded: str, target: str | None = None) -> list[re.Match[str]]:
        """Non-overlapping matches, leftmost first, like ``re.finditer`` but anchored on words.

        Token positions come from ``folded``; the regex runs on ``target`` (the original text,
        same length) when the pattern needs capitals.
        """
        out: list[re.Match[str]] = []
        _all, grouped, keyset, ascii_text, words = _tokens(folded)
        present = self.keys & keyset  # iterates the smaller of the two sets
        if not present:
            return out
        needles = self.needles
        if needles:
            haystack = ascii_text if self.needles_ascii else folded
            for needle in needles:
                if needle in haystack:
                    break
            else:
                if self.gate is None or self.gate.search(folded) is None:
                    return out
        elif self.gate is not None and self.gate.search(folded) is None:
            return out
        subject = folded if target is None else target
        by_key = self.by_key
        last_end = 0
        if not by_key:
            # One regex for every key: only the token starts matter, in text order.
            if len(present) == 1:
                starts = grouped[next(iter(present))]
            else:
                starts = sorted([start for key in present for start in grouped[key]])
            match = self.match
            if match is None:
                match = self.match = quick(self.pattern).match
            fits = self.fits
            if fits is False:
                fits = self.fits = first_words(self.pattern)
            if fits is not None:
                starts = self._fitting(starts, words, subject, target is not None, fits)
            if "#" not in present:
                # No candidate token begins with a digit (an ASCII digit always keys "#", in the
                # text as in its folded form): one regex, no per-token test.
                for start in starts:
                    if start < last_end:
                        continue
                    found = match(subject, start)
                    if found is not None:
                        end = found.end()
                        if end > start:
                            out.append(found)
                            last_end = end
                return out
            digit_match = None
            for start in starts:
                if start < last_end:
                    continue
                if subject[start] in "0123456789":
                    if digit_match is None:
                        digit_match = self._digit_match()
                    if digit_match is False:
                        continue
                    found = digit_match(subject, start)
                else:
                    found = match(subject, start)
                if found is not None:
                    end = found.end()
                    if end > start:
                        out.append(found)
                        last_end = end
            return out
        default = self.pattern.match
        # Only the tokens whose key can start a match, in text order (usually a handful).
        if len(present) == 1:
            key = next(iter(present))
            candidates = [(start, key) for start in grouped[key]]
        else:
            candidates = [(start, key) for key in present for start in grouped[key]]
            candidates.sort()
        fitting = self.fitting
        if len(fitting) > 50_000:
            fitting.clear()
        for start, key in candidates:
            if start < last_end:
                continue
            pattern = by_key.get(key)
            if pattern is None:
                found = default(subject, start)
            else:
                if target is None:
                    # A token's key is one, so its word decides the regex and the answer.
                    word = words[start]
                    fit = fitting.get(word)
                    if fit is None:
                        fits = self.by_key_fits.get(key)
                        fit = fitting[word] = fits is None or fits(word)
                    if not fit:
                        continue
                found = pattern.match(subject, start)
            if found is not None and found.end() > found.start():
                out.append(found)
                last_end = found.end()
        return out


# --- Pruning a regex's alternatives for tokens that begin with a digit ----------------------------
# At a token a match must begin with the token's first character. Many families start at digits
# ("21:00", "3 uur", "14 maart") and also at words, so at a number the alternatives of their
# leading alternation that can only begin with a letter are dead weight: Python's engine still
# enters each of them (a stretched word "z+a+t+…" has no literal first character for its quick
# check). One pruned copy for digits, built on first use from the parse tree, keeps the groups,
# their numbers and the order of the live alternatives, so every match at a digit is the same.
_ANY = None  # "could be any character"


def _first_of_item(op: object, av: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters an item can start with (``None``: any) and whether it can match empty."""
    if op is _C.LITERAL:
        return frozenset(chr(av)), False
    if op is _C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _C.LITERAL:
                chars.add(chr(value))
            elif kind is _C.RANGE and value[1] - value[0] < 512:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:  # NEGATE, CATEGORY, big ranges
                return _ANY, False
        return frozenset(chars), False
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return frozenset(), True
    if op is _C.SUBPATTERN:
        _group, add_flags, _del, sub = av
        if add_flags & _C.SRE_FLAG_IGNORECASE:
            return _ANY, True
        return _first_of_seq(sub)
    if op is _C.ATOMIC_GROUP:
        return _first_of_seq(av)
    if op is _C.BRANCH:
        union: set[str] = set()
        nullable = False
        for alternative in av[1]:
            first, empty = _first_of_seq(alternative)
            if first is _ANY:
                return _ANY, True
            union |= first
            nullable = nullable or empty
        return frozenset(union), nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        first, empty = _first_of_seq(sub)
        return first, empty or low == 0
    return _ANY, True  # anything else: assume the worst


def _first_of_seq(seq: Any) -> tuple[frozenset[str] | None, bool]:
    union: set[str] = set()
    for op, av in seq:
        first, empty = _first_of_item(op, av)
        if first is _ANY:
            return _ANY, True
        union |= first
        if not empty:
            return frozenset(union), False
    return frozenset(union), True


def _prune_seq(seq: Any, chars: frozenset[str]) -> bool:
    """Drop, in place, the alternatives at the start of ``seq`` that cannot begin with any of
    ``chars``. False when nothing in ``seq`` can begin a match with one of them."""
    for index, (op, av) in enumerate(seq):
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the next item still starts at the token
        if op is _C.SUBPATTERN and not av[1] & _C.SRE_FLAG_IGNORECASE:
            return _prune_seq(av[3], chars)
        if op is _C.BRANCH:
            kept = []
            for alternative in av[1]:
                first, empty = _first_of_seq(alternative)
                if empty or first is _ANY or first & chars:
                    if not empty:
                        _prune_seq(alternative, chars)
                    kept.append(alternative)
            if not kept:
                return False
            seq[index] = (op, (av[0], kept))
            return True
        first, empty = _first_of_item(op, av)
        return empty or first is _ANY or bool(first & chars)
    return True


DIGITS = frozenset("0123456789")


def pruned(pattern: re.Pattern[str], chars: frozenset[str]) -> re.Pattern[str] | None:
    """``pattern`` without the alternatives that cannot match at a position holding one of
    ``chars`` (``None``: no match can start there). Same groups, same results at such a
    position."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    tree = _parser.parse(pattern.pattern, pattern.flags)
    if not _prune_seq(tree.data, chars):
        return None
    _quicken(tree.data)
    compiled: re.Pattern[str] = _compiler.compile(tree, pattern.flags)
    return compiled


# --- Literal-first alternatives -------------------------------------------------------------------
# Python's engine skips an alternative of an alternation without entering it when the alternative
# begins with a literal character or a character set that the text does not hold there. A
# stretched word ("z+a+t+e+r+d+a+g+") begins with a repeat instead, so every such alternative is
# entered at every attempt. ``x+`` is the same as ``xx*`` (a single character has nothing to
# backtrack into; the counts are tried in the same order), so rewriting the head of every
# alternative that way gives the same matches, groups and spans, and lets the engine skip the
# alternatives that cannot begin at the current character.
_SINGLE = (_C.LITERAL, _C.IN)


def _quicken(seq: Any) -> None:
    """Rewrite, in place, ``x{m,n}`` (m ≥ 1) at the head of each alternative to ``x x{m-1,n-1}``,
    in every alternation of the parse tree ``seq``, and every optional group ``(?:…)?`` that is
    more than one character wide to ``(?:…|)``."""
    for index, (op, av) in enumerate(seq):
        if op is _C.MAX_REPEAT and av[0] == 0 and av[1] == 1 and not _compiler._simple(av[2]):
            # Greedy "once or not at all" is the alternation "once, else nothing": the same
            # matches in the same order. Python's engine runs an optional group as a general
            # repeat (a context allocated and the marks saved at every attempt, and the rest of
            # the pattern run inside it); an alternation is cheaper, and its first branch is
            # skipped without being entered when it begins with a literal that is not there.
            op, av = _C.BRANCH, (None, [av[2], _parser.SubPattern(av[2].state, [])])
        if op is _C.BRANCH:
            for alternative in av[1]:
                _quicken(alternative)
                if not alternative.data:
                    continue
                head_op, head_av = alternative.data[0]
                if head_op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
                    low, high, sub = head_av
                    if low >= 1 and len(sub.data) == 1 and sub.data[0][0] in _SINGLE:
                        rest = (low - 1, high if high is _C.MAXREPEAT else high - 1, sub)
                        alternative.data[0:1] = [sub.data[0], (head_op, rest)]
        elif op is _C.SUBPATTERN:
            _quicken(av[3])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            _quicken(av[2])
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            _quicken(av[1])
        elif op is _C.ATOMIC_GROUP:
            _quicken(av)
        elif op is _C.GROUPREF_EXISTS:
            _quicken(av[1])
            if av[2] is not None:
                _quicken(av[2])
        seq[index] = (op, av)


def quick(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with literal-first alternatives: the same matches, groups and spans."""
    return compile_quick(pattern.pattern, pattern.flags)


def compile_quick(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)`` with literal-first alternatives (see :func:`quick`)."""
    tree = _parser.parse(regex, flags)
    _quicken(tree.data)
    compiled: re.Pattern[str] = _compiler.compile(tree, flags)
    return compiled


# --- The words a match can begin with -------------------------------------------------------------
# A scanner tries its regex at every token whose key can start a match, but a key ("van", "#") is
# shared by many words ("vanavond", "vandaag"), and a failing attempt of a big time regex costs
# several thousand instructions. What the regex can consume at the start of a token follows from
# its parse tree: walking each way through it, the items that match letters and digits only form
# a prefix; an item that cannot match a letter or digit and cannot be skipped ends the token there
# (the prefix must be the whole token); anything else leaves the rest of the token open (the
# prefix must begin it). Zero-width items are dropped (a weaker condition, never a stronger one).
# So a token that none of those prefixes fits cannot begin a match: a necessary condition, tested
# once per distinct token and remembered.
_CLOSED, _OPEN = True, False
_MAX_WAYS = 400  # more ways through the start of a pattern than this: no filter


class _TooMany(Exception):
    pass


def _char_is(value: int, want_alnum: bool) -> bool:
    return chr(value).isalnum() is want_alnum


def _set_is(members: Any, want_alnum: bool) -> bool:
    """Every character of an ``IN`` set is a letter or digit (``want_alnum``) / none is."""
    for kind, value in members:
        if kind is _C.LITERAL:
            if not _char_is(value, want_alnum):
                return False
        elif kind is _C.RANGE:
            if value[1] - value[0] > 4096:
                return False
            if not all(_char_is(code, want_alnum) for code in range(value[0], value[1] + 1)):
                return False
        elif kind is _C.CATEGORY:
            # \d: decimal digits, all alphanumeric; \s and \W: none of them alphanumeric.
            if want_alnum and value is not _C.CATEGORY_DIGIT:
                return False
            if not want_alnum and value not in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD):
                return False
        else:  # NEGATE and anything else
            return False
    return True


def _alnum_only(seq: Any) -> bool:
    """Every character ``seq`` can match is a letter or digit (it may match nothing)."""
    for op, av in seq:
        if op is _C.LITERAL:
            if not _char_is(av, True):
                return False
        elif op is _C.IN:
            if not _set_is(av, True):
                return False
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            if not _alnum_only(av[2]):
                return False
        elif op is _C.SUBPATTERN:
            if av[1] & _C.SRE_FLAG_IGNORECASE or not _alnum_only(av[3]):
                return False
        elif op is _C.BRANCH:
            if not all(_alnum_only(alternative) for alternative in av[1]):
                return False
        else:  # assertions, groups of other kinds, any character, …
            return False
    return True


def _never_alnum(op: object, av: Any) -> bool:
    """The item matches at least one character, and its first is never a letter or digit."""
    if op is _C.LITERAL:
        return _char_is(av, False)
    if op is _C.IN:
        return _set_is(av, False)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return low >= 1 and len(sub.data) == 1 and _never_alnum(*sub.data[0])
    return False


def _without_groups(seq: Any) -> list[Any]:
    """The items of ``seq`` with capturing groups made plain (the prefixes capture nothing)."""
    out: list[Any] = []
    for op, av in seq:
        if op is _C.SUBPATTERN:
            sub = _parser.SubPattern(av[3].state, _without_groups(av[3]))
            out.append((op, (None, av[1], av[2], sub)))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            sub = _parser.SubPattern(av[2].state, _without_groups(av[2]))
            out.append((op, (av[0], av[1], sub)))
        elif op is _C.BRANCH:
            alternatives = [_parser.SubPattern(a.state, _without_groups(a)) for a in av[1]]
            out.append((op, (av[0], alternatives)))
        else:
            out.append((op, av))
    return out


def _ways(items: list[Any], prefix: list[Any], out: list[tuple[list[Any], bool]]) -> None:
    """Every way through the start of ``items``: (its letters-and-digits prefix, closed?)."""
    if len(out) > _MAX_WAYS:
        raise _TooMany
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        if _alnum_only([(op, av)]):
            prefix = [*prefix, (op, av)]
            continue
        if _never_alnum(op, av):
            out.append((prefix, _CLOSED))
            return
        if op is _C.SUBPATTERN and not av[1] & _C.SRE_FLAG_IGNORECASE:
            _ways([*av[3].data, *rest], prefix, out)
            return
        if op is _C.BRANCH:
            for alternative in av[1]:
                _ways([*alternative.data, *rest], prefix, out)
            return
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low == 0:
                _ways(rest, prefix, out)  # not at all
            # At least once: the first time through, then anything may follow.
            _ways([*sub.data, (_OPEN_MARK, None)], prefix, out)
            return
        out.append((prefix, _OPEN))  # any character, a back reference, the end marker, …
        return
    out.append((prefix, _OPEN))  # the pattern can end here, inside the token or at its end


_OPEN_MARK = object()


def first_words(pattern: re.Pattern[str]) -> Any:
    """A test ``word -> bool`` that is false only for a token at whose start ``pattern`` cannot
    match (in a text whose tokens are runs of ``str.isalnum()`` characters); None when the
    pattern allows any word there."""
    if pattern.pattern is None:
        return None
    return first_words_of(pattern.pattern, pattern.flags)


def first_words_of(regex: str, flags: int) -> Any:
    """:func:`first_words` of the regex ``regex`` compiled with ``flags``."""
    if flags & (re.IGNORECASE | re.ASCII):
        return None
    tree = _parser.parse(regex, flags)
    ways: list[tuple[list[Any], bool]] = []
    try:
        _ways(list(tree.data), [], ways)
    except _TooMany:
        return None
    whole: dict[str, list[Any]] = {}
    begins: dict[str, list[Any]] = {}
    for prefix, closed in ways:
        if not prefix and not closed:
            return None  # a way that consumes nothing of the token: any word may begin a match
        items = _without_groups(prefix)
        (whole if closed else begins)[repr(items)] = items
    tests = []
    for table, method in ((whole, "fullmatch"), (begins, "match")):
        if table:
            alternatives = [_parser.SubPattern(tree.state, items) for items in table.values()]
            top = _parser.SubPattern(tree.state, [(_C.BRANCH, (None, alternatives))])
            tests.append(getattr(_compiler.compile(top, flags), method))

    def fits(word: str) -> bool:
        return any(test(word) is not None for test in tests)

    return fits
