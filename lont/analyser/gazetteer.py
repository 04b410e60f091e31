"""The network's gazetteer: places with aliases, matched tolerant of case, accents, spacing, typos.

Matching works on alphanumeric tokens of the folded text. A name or alias is keyed by its tokens
joined without spaces, so "kreek poort", "Kreekpoort" and "Kreek-poort" are one key. Small typos
are found with a deletion index (the SymSpell idea): every key of five characters or more is
stored under all its one-character deletions (two for keys of ten or more), so a lookup costs a
few dictionary probes instead of a comparison with every place. Results per candidate string are
cached on the gazetteer, because the same words come back in post after post.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .construct import new_span
from .model import Span
from .normalise import TOKEN_RE, fold, squash
from .place_context import resolve_homonyms
from .scan import token_key, token_starts

_CACHE_LIMIT = 50_000


from .place_context import Place  # noqa: E402  (defined there to avoid an import cycle)


class GazetteerError(ValueError):
    """Raised by :meth:`Gazetteer.from_csv` with every bad row; nothing is loaded then."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        super().__init__("\n".join(f"Rij {row}: {message}" for row, message in errors))


def max_distance(length: int) -> int:
    """Edit distance tolerated for a key of this length (spec: ≤1 from 5, ≤2 from 10 chars)."""
    if length >= 10:
        return 2
    if length >= 5:
        return 1
    return 0


def _deletes(word: str, depth: int) -> set[str]:
    out: set[str] = set()
    frontier = {word}
    for _ in range(depth):
        nxt: set[str] = set()
        for item in frontier:
            for index in range(len(item)):
                nxt.add(item[:index] + item[index + 1 :])
        out |= nxt
        frontier = nxt
    return out


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance, giving up (returning limit + 1) as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    surface: str  # the alias as written, for short-alias case checks
    tokens: int
    # Very short aliases ("CS", "KC", "WV") only count written as in the gazetteer: the alias
    # without spaces to compare with, else "" (any case will do).
    exact_case: str = ""


class Gazetteer:
    """A list of places; build once per network and reuse (indexes are built lazily, once)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: list[Place] = list(places)
        self._exact: dict[str, _Entry] = {}
        self._prefixes: set[str] = set()
        self._deleted: dict[str, list[str]] = {}
        self._cache: dict[str, tuple[str, int] | None] = {}
        # (first character, length) of every string within the tolerated distance of some key
        # of the deletion index; see :meth:`_fuzzy`.
        self._reachable: set[tuple[str, int]] = set()
        self._max_tokens = 1
        self._start_keys: set[str] = set()
        # Names or aliases shared by more than one place ("de kooi" in Noord and in Oost).
        self.homonyms: dict[str, list[Place]] = {}
        for place in self.places:
            for surface in place.names():
                parts = [t for t in _split(fold(surface)) if t]
                key = "".join(parts)
                if key and key in self._exact:
                    first = self._exact[key].place
                    if first is not place:
                        rivals = self.homonyms.setdefault(key, [first])
                        if place not in rivals:
                            rivals.append(place)
                    continue
                if not key:
                    continue
                written = surface.strip()
                exact_case = written.replace(" ", "") if len(squash(written)) <= 3 else ""
                self._exact[key] = _Entry(place, written, len(parts), exact_case)
                self._max_tokens = max(self._max_tokens, len(parts))
                for cut in range(1, len(parts) + 1):
                    self._prefixes.add("".join(parts[:cut]))
                self._start_keys.add(token_key(parts[0]))
                self._start_keys.add(token_key(key))
        self._fuzzy_built = False
        # Past this length a candidate cannot be within edit distance 2 of any key.
        self._longest = max((len(k) for k in self._exact), default=0) + 2
        self._first_chars = frozenset(k[0] for k in self._exact)

    def __len__(self) -> int:
        return len(self.places)

    @classmethod
    def from_csv(cls, source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Gazetteer:
        """Read ``name,aliases,kind,area`` rows (aliases separated by ``|``)."""
        if isinstance(source, (str, os.PathLike)):
            with Path(source).open(encoding="utf-8-sig", newline="") as handle:
                return cls._read(handle)
        stream = source.read()
        text = stream.decode("utf-8-sig") if isinstance(stream, bytes) else stream
        return cls._read(io.StringIO(text.lstrip("\ufeff")))

    @classmethod
    def _read(cls, handle: IO[str]) -> Gazetteer:
        reader = csv.reader(handle)
        header = next(reader, None)
        expected = ["name", "aliases", "kind", "area"]
        if header is None or [h.strip().lower() for h in header] != expected:
            raise GazetteerError([(1, "De kopregel moet precies 'name,aliases,kind,area' zijn.")])
        places: list[Place] = []
        errors: list[tuple[int, str]] = []
        seen: dict[str, int] = {}
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            problems = _row_problems(row, seen, number)
            if problems:
                errors.append((number, " ".join(problems)))
                continue
            name, aliases, kind, area = (cell.strip() for cell in row)
            seen[squash(name)] = number
            alias_list = tuple(a.strip() for a in aliases.split("|")) if aliases else ()
            places.append(Place(name, alias_list, kind, area))
        if errors:
            raise GazetteerError(errors)
        return cls(places)

    def _build_fuzzy(self) -> None:
        for key in self._exact:
            depth = max_distance(len(key))
            if depth == 0 or key.isdigit():
                continue
            for variant in _deletes(key, depth) | {key}:
                self._deleted.setdefault(variant, []).append(key)
            for length in range(len(key) - depth, len(key) + depth + 1):
                self._reachable.add((key[0], length))
        self._fuzzy_built = True

    def _fuzzy(self, candidate: str) -> tuple[str, int] | None:
        """Best gazetteer key within the tolerated distance, with that distance."""
        if candidate in self._cache:
            return self._cache[candidate]
        if not self._fuzzy_built:
            self._build_fuzzy()
        # A key is only accepted with the candidate's first letter and within its distance,
        # so within that many characters of the candidate's length. Most candidates (a word
        # and the words after it, "noorderhavenbij") have no such key: answer without
        # building their deletions. Not cached, so the cache keeps the dear answers.
        if (candidate[0], len(candidate)) not in self._reachable:
            return None
        depth = 2 if len(candidate) >= 8 else 1
        best: tuple[str, int] | None = None
        probes = _deletes(candidate, depth) | {candidate}
        for probe in probes:
            for key in self._deleted.get(probe, ()):
                # Typos in the first letter are rare; requiring it keeps common words out.
                if key[0] != candidate[0]:
                    continue
                limit = max_distance(len(key))
                if candidate == key + "s":
                    continue  # "Utrechts": an adjective, not the place
                distance = levenshtein(candidate, key, limit)
                if distance <= limit and (best is None or distance < best[1]):
                    best = (key, distance)
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[candidate] = best
        return best

    def find(self, text: str, folded: str, areas: tuple[str, ...] | None = None) -> list[Span]:
        """Place spans for every name or alias found, longest and exact matches first.

        A name shared by several places is resolved by context (see :mod:`.place_context`):
        ``areas`` (the group's or network's areas), then the areas of other places in the post.
        """
        if not self._exact:
            return []
        toks = token_starts(folded)
        firsts = self._first_chars
        start_keys = self._start_keys
        found: list[tuple[int, int, int, float, Place, str]] = []  # …, conf, place, key
        for i, (start, tok_end, tok_key) in enumerate(toks):
            if tok_key not in start_keys:
                # Cannot begin a name exactly; a longer word may still be a misspelt name.
                if tok_end - start < 5:
                    continue
                word = folded[start:tok_end]
                if (
                    word[0] in firsts
                    and not word[0].isdigit()
                    # Short common words lie one typo from short names ("maakt"/"Markt"):
                    # below seven letters a misspelling must at least be capitalised.
                    and (len(word) >= 7 or text[start].isupper())
                ):
                    hit = self._fuzzy(word)
                    if hit is not None:
                        place = self._exact[hit[0]].place
                        found.append((start, tok_end, len(word) * 2 - hit[1], 0.75, place, hit[0]))
                continue
            key = ""
            best_distance = 99  # a longer fuzzy match must be closer than a shorter one here
            for k in range(min(self._max_tokens + 1, len(toks) - i)):
                end = toks[i + k][1]
                key += folded[toks[i + k][0] : end]
                entry = self._exact.get(key)
                if entry is not None and _case_ok(entry, text[start:end]):
                    found.append((start, end, len(key) * 2 + 1, 0.95, entry.place, key))
                    best_distance = 0
                elif (
                    len(key) >= 5
                    and key[0] in firsts
                    and not key.isdigit()
                    and (len(key) >= 7 or text[start].isupper())
                ):
                    hit = self._fuzzy(key)
                    if hit is not None and hit[1] < best_distance:
                        entry = self._exact[hit[0]]
                        found.append((start, end, len(key) * 2 - hit[1], 0.75, entry.place, hit[0]))
                        best_distance = hit[1]
                # Go on to the next token only while the words so far begin some name, or for
                # one extra token to catch a name split or misspelt in its first word.
                if k >= 1 and key not in self._prefixes:
                    break
        spans = _select(found, text)
        if not self.homonyms:
            return spans
        keys = {(f[0], f[1]): f[5] for f in found}
        by_name = {p.name: p for p in self.places}
        return resolve_homonyms(spans, keys, self.homonyms, areas or (), by_name)


def _case_ok(entry: _Entry, surface: str) -> bool:
    # Very short aliases ("CS", "KC", "WV") only count written as in the gazetteer.
    if entry.exact_case:
        return surface.replace(" ", "") == entry.exact_case
    return True


def _select(found: list[tuple[int, int, int, float, Place, str]], text: str) -> list[Span]:
    chosen: list[Span] = []
    for start, end, _score, confidence, place, _key in sorted(
        found, key=lambda f: (-f[2], -f[3], f[0])
    ):
        if any(start < s.end and s.start < end for s in chosen):
            continue
        how = "exact" if confidence >= 0.9 else "bij benadering (kleine tikfout)"
        where = f", {place.kind}" if place.kind else ""
        area = f" in {place.area}" if place.area else ""
        chosen.append(
            new_span(
                start,
                end,
                "place",
                place.name,
                confidence,
                f"Plaats uit de lijst van het netwerk, {how} herkend: {place.name}{where}{area}.",
            )
        )
    return chosen


def _split(folded: str) -> list[str]:
    return [t for _, _, t in _token_spans(folded)]


def _token_spans(folded: str) -> Iterator[tuple[int, int, str]]:
    for m in TOKEN_RE.finditer(folded):
        yield m.start(), m.end(), m.group(0)


def _row_problems(row: list[str], seen: dict[str, int], number: int) -> list[str]:
    if len(row) != 4:
        return [f"Verwacht 4 kolommen (name,aliases,kind,area), gevonden: {len(row)}."]
    name, aliases, kind, _area = (cell.strip() for cell in row)
    problems: list[str] = []
    if not name:
        problems.append("De naam ontbreekt.")
    elif not squash(name):
        problems.append("De naam bevat geen letters of cijfers.")
    elif len(name) > 200:
        problems.append("De naam is langer dan 200 tekens.")
    elif squash(name) in seen:
        problems.append(f"De naam '{name}' staat al in rij {seen[squash(name)]}.")
    if not kind:
        problems.append("De soort (kind) ontbreekt.")
    if aliases and any(not a.strip() for a in aliases.split("|")):
        problems.append("Een alias is leeg (twee '|' achter elkaar of aan het begin/einde).")
    return problems
