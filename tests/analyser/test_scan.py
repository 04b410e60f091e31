"""The scanners run rewritten copies of their regexes; these give the same matches. And they
skip the tokens at which their regex cannot begin (``scan.first_words``): never one where it
matches.

``scan.quick`` (literal-first alternatives, optional groups as alternations) and ``scan.pruned``
(for positions holding a digit) must match exactly where the regex as written matches, with
the same span and groups. Checked for every scanner of the analyser and the built-in lexicon's
phrase regexes, at every token start of our data set (and the character before it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lont.analyser import lexicon, patterns, places, reputation, threat_forms, threats
from lont.analyser.normalise import fold
from lont.analyser.scan import (
    DIGITS,
    Anchored,
    compile_quick,
    first_words,
    pruned,
    quick,
    token_starts,
)
from lont.analyser.times import clock, days, durations, periods

DATA = Path(__file__).resolve().parent.parent / "data" / "analyser"


def _scanner_regexes() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for module in (clock, days, durations, periods, patterns, places, reputation):
        found += [v.pattern for v in vars(module).values() if isinstance(v, Anchored)]
    found += [scan.pattern for scan, _confidence in (*threat_forms.RULES, *threats.THREAT_RULES)]
    return found


def _phrase_regexes() -> list[str]:
    entries = lexicon.Lexicon.default()._entries
    return [lexicon._phrase_regex(p) for phrases in entries.values() for p in sorted(phrases)]


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _positions(text: str) -> list[int]:
    starts = [start for start, _end, _key in token_starts(fold(text))]
    return sorted({p for start in starts for p in (start - 1, start) if p >= 0})


def _same(plain: re.Pattern[str], rewritten: re.Pattern[str] | None, text: str, at: int) -> bool:
    a = plain.match(text, at)
    b = None if rewritten is None else rewritten.match(text, at)
    return (a is None and b is None) or (a is not None and b is not None and a.regs == b.regs)


@pytest.fixture(scope="module")
def subjects() -> list[tuple[str, list[int]]]:
    out = []
    for text in _texts():
        positions = _positions(text)
        out += [(fold(text), positions), (text, positions)]
    return out


def test_the_rewritten_scanner_regexes_match_as_written(subjects):
    regexes = _scanner_regexes()
    assert len(regexes) > 40
    for regex in regexes:
        plain = re.compile(regex.pattern, regex.flags)
        fast = quick(plain)
        at_digit = pruned(plain, DIGITS)
        for text, positions in subjects:
            for at in positions:
                assert _same(plain, fast, text, at), (regex.pattern[:60], text[at : at + 40])
                if text[at] in DIGITS:
                    assert _same(plain, at_digit, text, at), (regex.pattern[:60], text[at:])


def test_the_rewritten_phrase_regexes_match_as_written(subjects):
    sources = _phrase_regexes()
    assert len(sources) > 50
    # One alternation, as the lexicon's per-key regexes are.
    source = "|".join(sources)
    plain, fast = re.compile(source), compile_quick(source)
    for text, positions in subjects:
        for at in positions:
            assert _same(plain, fast, text, at), text[at : at + 40]


def test_an_optional_group_becomes_an_alternation_with_the_same_groups():
    plain = re.compile(r"\b(?:(?P<lead>om|rond)\s+)?(?P<h>[0-9]{1,2})(?:\s*(?P<ap>am|pm))?\b")
    fast = quick(plain)
    for text in ("om 9", "om  9 pm", "rond 10am", "om", "9", "om x 9", "ommm 9", "om 9pmx"):
        for at in range(len(text)):
            assert _same(plain, fast, text, at), (text, at)


def test_a_token_the_first_words_test_refuses_never_begins_a_match(subjects):
    regexes = _scanner_regexes()
    tests = [(regex, first_words(regex)) for regex in regexes]
    # Nearly every scanner gets a test; a pattern that may begin anywhere gets none.
    assert sum(fits is not None for _regex, fits in tests) > 40
    refused = 0
    for text, _positions in subjects[::2]:  # the folded texts: the scanners' tokens are theirs
        for start, end, _key in token_starts(text):
            word = text[start:end]
            for regex, fits in tests:
                if fits is None or fits(word):
                    continue
                refused += 1
                assert regex.match(text, start) is None, (regex.pattern[:60], text[start:])
    assert refused > 100_000


@pytest.mark.parametrize(
    ("regex", "fitting", "refused"),
    [
        # An optional lead word, then a number: the lead word or the number, whole.
        (
            r"\b(?:(?:om|rond)\s+)?[0-9]{1,2}[:.][0-5][0-9]",
            ["om", "rond", "9", "21"],
            ["omg", "345"],
        ),
        # A word that may run on into letters ("9u30", "21h"): it must begin the token.
        (r"\b[0-9]{1,2}\s?[uh](?:[0-5][0-9])?\b", ["9", "9u", "9u30", "21h"], ["u", "x9"]),
        # Stretched letters, and a last item that may be skipped.
        (r"\bz+a+t+e+r+d+a+g+(?:avond)?\b", ["zaterdag", "zzaterdagg", "zaterdagavond"], ["zat"]),
        # Zero-width items are left out: "(?<!x)" refuses nothing by itself.
        (r"(?<![0-9])(?:over|in)\s+[0-9]+", ["over", "in"], ["overal", "inn"]),
    ],
)
def test_first_words_from_the_parse_tree(regex, fitting, refused):
    fits = first_words(re.compile(regex))
    assert fits is not None
    assert all(fits(word) for word in fitting)
    assert not any(fits(word) for word in refused)


@pytest.mark.parametrize("regex", [r"\w+\s+dood", r".{0,10}x", r"(?i)om\s+9", r"(?:om|\w)\s"])
def test_no_first_words_test_when_any_word_may_begin_a_match(regex):
    assert first_words(re.compile(regex)) is None


def test_the_scanners_find_the_same_with_and_without_the_first_words_test():
    scanners: list[Anchored] = []
    for module in (clock, days, durations, periods, patterns, places, reputation):
        scanners += [v for v in vars(module).values() if isinstance(v, Anchored)]
    scanners += [scan for scan, _confidence in (*threat_forms.RULES, *threats.THREAT_RULES)]
    scanners += list(lexicon.Lexicon.default().patterns.values())
    texts = _texts()[::4]  # a quarter: the position checks above cover every text
    for scanner in scanners:
        scanner.finditer(fold(texts[0]))  # derives the test
        fits, answers = scanner.fits, scanner.fitting
        by_key_fits = scanner.by_key_fits
        everywhere_answers: dict[str, bool] = {}
        for text in texts:
            folded = fold(text)
            for target in (None, text):
                scanner.fits, scanner.by_key_fits, scanner.fitting = fits, by_key_fits, answers
                filtered = [m.regs for m in scanner.finditer(folded, target)]
                scanner.fits, scanner.by_key_fits = None, dict.fromkeys(scanner.by_key)
                scanner.fitting = everywhere_answers
                everywhere = [m.regs for m in scanner.finditer(folded, target)]
                assert filtered == everywhere, (scanner.pattern.pattern[:60], text)
        scanner.fits, scanner.by_key_fits, scanner.fitting = fits, by_key_fits, answers
