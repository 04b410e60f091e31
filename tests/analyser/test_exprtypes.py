"""Issue 15: the evaluator's expression types and duration comparison."""

from __future__ import annotations

import pytest

from lont.analyser.exprtypes import expression_type
from lont.analyser.scoring import Scoreboard, SimpleSpan, duration_key, value_agrees


@pytest.mark.parametrize(
    ("kind", "surface", "value", "expected"),
    [
        ("time", "om 10 uur", "2026-03-14T10:00", "time"),
        ("time", "zaterdag om 21:00", "2026-03-14T21:00", "date + time"),
        ("time", "de 15e", "2026-03-15", "date"),
        ("time", "vanavond", "2026-03-14T18:00/2026-03-14T23:59", "time range"),
        ("time", "deze week", "2026-03-09T00:00/2026-03-15T23:59", "date range"),
        ("time", "24-07-1966", "", "date"),
        ("duration", "3 uur lang", "PT3H", "duration"),
        ("place", "de kooi", "De Kooi", None),
    ],
)
def test_expression_type(kind: str, surface: str, value: str, expected: str | None) -> None:
    assert expression_type(kind, surface, value) == expected


def test_recurrence_makes_a_recurring_type() -> None:
    assert expression_type("time", "elke vrijdag", "2026-03-13", "FREQ=WEEKLY") == "recurring"


def test_durations_compare_by_length_not_spelling() -> None:
    assert duration_key("PT75M") == duration_key("PT1H15M")
    assert duration_key("P30D") == duration_key("P4W2D")
    assert duration_key("P1Y") == duration_key("P12M")
    assert duration_key("P1M") != duration_key("P30D")  # months are not converted to days
    assert duration_key("nonsense") is None
    assert value_agrees("duration", "PT90M", "PT1H30M")


def test_types_board_counts_gold_types_and_skips_empty_gold_values() -> None:
    board = Scoreboard()
    text = "deze week en 24-07-1966"
    gold = [
        SimpleSpan(0, 9, "time", "2026-03-09T00:00/2026-03-15T23:59"),
        SimpleSpan(13, 23, "time", ""),
    ]
    pred = [
        SimpleSpan(0, 9, "time", "2026-03-09T00:00/2026-03-15T23:59"),
        SimpleSpan(13, 23, "time", "1966-07-24"),
    ]
    board.add_post("p", text, gold, pred)
    assert board.types["date range"].matched == 1 and board.types["date range"].value_correct == 1
    assert board.types["date"].matched == 1 and board.types["date"].value_checked == 0
    assert board.kind("time").value_checked == 1
