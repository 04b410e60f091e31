"""Per-network lexicons: merged over the defaults, validated, compiled once."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import Lexicon, LexiconError, analyse

POSTED = datetime(2026, 3, 14, 16, 20)


def test_default_is_shared_and_holds_every_kind() -> None:
    lexicon = Lexicon.default()
    assert lexicon is Lexicon.default()
    for kind in ("call_to_action", "threat", "weapon", "drill_slang", "deceased", "reputation"):
        assert lexicon.phrases(kind), kind


def test_network_words_are_added_to_the_defaults() -> None:
    lexicon = Lexicon.from_entries([("drill_slang", "blokkie"), ("weapon", "Stok Met Spijker")])
    assert "blokkie" in lexicon.phrases("drill_slang")
    assert "opp*" in lexicon.phrases("drill_slang")  # defaults kept
    result = analyse("blokkie met een stok met spijker", posted_at=POSTED, lexicon=lexicon)
    assert [(s.kind, s.value) for s in result.spans] == [
        ("drill_slang", "blokkie"),
        ("weapon", "stok met spijker"),
    ]


def test_without_defaults() -> None:
    lexicon = Lexicon.from_entries([("weapon", "knots")], include_defaults=False)
    assert analyse("mes en knots", posted_at=POSTED, lexicon=lexicon).by_kind("weapon")[
        0
    ].value == ("knots")
    assert len(analyse("mes", posted_at=POSTED, lexicon=lexicon).by_kind("weapon")) == 0


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(LexiconError):
        Lexicon.from_entries([("place", "Voorbeeldstad")])


def test_stretched_street_spelling_matches() -> None:
    result = analyse("de opppps", posted_at=POSTED)
    assert [s.value for s in result.by_kind("drill_slang")] == ["opppps"]


def test_equal_lexicons_compare_equal() -> None:
    assert Lexicon.from_entries([]) == Lexicon.default()
    assert hash(Lexicon.from_entries([])) == hash(Lexicon.default())
