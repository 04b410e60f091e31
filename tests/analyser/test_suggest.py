"""Indicator suggestions: which evidence suggests which indicator, and how strongly."""

from __future__ import annotations

from datetime import datetime

import pytest

from lont.analyser import EngagementThresholds, Gazetteer, Place, analyse

POSTED = datetime(2026, 3, 14, 16, 20)
GAZETTEER = Gazetteer([Place("de kooi bij de Lindelaan", ("de kooi",), "sportveld", "Oost")])
HEADING = (
    "Deel relevante signalen, indicatoren en rode vlaggen tijdig met relevante netwerkpartners."
)


def suggested(text: str, **kwargs: object) -> dict[str, str]:
    result = analyse(text, posted_at=POSTED, gazetteer=GAZETTEER, **kwargs)  # type: ignore[arg-type]
    return {s.indicator: s.strength for s in result.suggestions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "zaterdag om 21:00 pull up naar de kooi",
            {"online.time_place": "strong", "online.poster_intent": "fairly_strong"},
        ),
        ("zaterdag om 21:00 bij de kooi", {"online.time_place": "fairly_strong"}),
        (
            "kom dan, vanavond",
            {"online.time_place": "somewhat", "online.poster_intent": "fairly_strong"},
        ),
        ("morgen om 9 uur naar school", {}),
        ("de kooi is gerenoveerd", {}),
        ("RIP Jay 🕊️", {"online.emotional_history": "strong"}),
        ("je moeder is nep", {"online.reputation_family": "somewhat"}),
        ("de opps zijn overal", {}),  # drill slang alone suggests nothing
        ("hij heeft een mes", {}),  # nor does a weapon alone
        ("ik steek je", {}),  # one rough sentence is not yet a signal
        ("ik steek je met mijn mes", {"online.poster_intent": "strong"}),
        ("@kleineb_vbs #vbs", {"online.network_visible": "weak"}),
        ("12K views", {"online.engagement": "somewhat"}),
        ("150 reposts", {"online.engagement": "fairly_strong"}),
        ("2k shares", {"online.engagement": "strong"}),
        ("300 likes", {}),
    ],
)
def test_suggestions(text: str, expected: dict[str, str]) -> None:
    assert suggested(text) == expected


def test_thresholds_are_a_parameter() -> None:
    low = EngagementThresholds(likes=100)
    assert suggested("300 likes", engagement_thresholds=low) == {"online.engagement": "somewhat"}


def test_suggestion_points_to_the_guide_and_its_spans() -> None:
    text = "zaterdag om 21:00 pull up naar de kooi"
    result = analyse(text, posted_at=POSTED, gazetteer=GAZETTEER)
    (time_place,) = [s for s in result.suggestions if s.indicator == "online.time_place"]
    assert time_place.guide_point == f"{HEADING} — punt 7"
    kinds = {result.spans[i].kind for i in time_place.span_indexes}
    assert kinds == {"time", "place", "call_to_action"}
    assert "fysieke omgeving" in time_place.reason


def test_vague_time_is_not_concrete() -> None:
    assert "online.time_place" not in suggested("straks bij de kooi")
