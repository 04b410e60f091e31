"""Engine parameters: defaults, JSON round trip, and validation with Dutch messages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lont.engine import EngineParameters, Level, ParameterError, WeightClass
from lont.engine.parameters import SCHEMA, DrillParameters


def test_defaults() -> None:
    params = EngineParameters()
    assert params.weight(WeightClass.STRONG) == 4.0
    assert params.threshold(Level.RAISED) == 3.0
    assert params.threshold(Level.ACUTE) == 20.0
    assert params.half_life_days == 14.0
    assert params.acute_window_hours == 72.0
    assert (params.observation.window_count, params.observation.window_days) == (3, 30)
    assert (params.observation.span_days, params.observation.total) == (42, 10)
    assert params.drill.long_history_months == 12.0


def test_json_round_trip() -> None:
    params = EngineParameters(
        version=4, half_life_days=10, drill=DrillParameters(window_months=18, alpha=0.01)
    )
    data = json.loads(json.dumps(params.to_dict()))
    assert data["schema"] == SCHEMA
    assert data["drill"]["window_months"] == 18
    assert EngineParameters.from_dict(data) == params


def test_missing_keys_take_the_defaults() -> None:
    params = EngineParameters.from_dict({"version": 2, "trend": {"alpha": 0.05}})
    assert params.version == 2
    assert params.trend.alpha == 0.05
    assert params.trend.recent_days == 14
    assert params.weights == EngineParameters().weights


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"half_life_days": 0},
            "‘halfwaardetijd (dagen)’ moet groter dan 0 en hoogstens 3650 zijn (nu 0).",
        ),
        ({"half_life_days": "14"}, "‘halfwaardetijd (dagen)’ moet een getal zijn."),
        (
            {"future_time_stays_hot": 1},
            "‘toekomstig tijdstip blijft actueel’ moet waar of onwaar zijn.",
        ),
        ({"version": 1.5}, "‘versie’ moet een geheel getal zijn."),
        ({"version": 0}, "‘versie’ moet een geheel getal van minstens 1 zijn."),
        ({"colour": "rood"}, "Onbekende parameter ‘colour’."),
        ({"schema": 99}, "Onbekende parameterversie 99 (verwacht 1)."),
        (
            {"weights": {"strong": 1, "fairly_strong": 2, "somewhat": 1, "weak": 0.5}},
            "De gewichten moeten aflopen: sterk ≥ vrij sterk ≥ enigszins bruikbaar ≥ zwak.",
        ),
        (
            {"weights": {"strong": 4}},
            "‘gewichten per gewichtsklasse’ mist: fairly_strong, somewhat, weak.",
        ),
        (
            {"weights": {"strong": "veel"}},
            "‘gewichten per gewichtsklasse’ moet per sleutel een getal bevatten.",
        ),
        (
            {"thresholds": {"verhoogd": 5, "hoog": 4, "acuut": 20}},
            "De drempels moeten oplopen: 0 < verhoogd < hoog < acuut.",
        ),
        (
            {"source_factors": {**EngineParameters().source_factors, "media": 3}},
            "‘factoren per brontype’: waarden voor media moeten tussen 0 en 2 liggen.",
        ),
        (
            {"acute_defused_at": 1},
            "‘acuutregel vervalt bij contextsom’ moet leeg zijn of tussen -10 en -1 liggen.",
        ),
        ({"timezone": "Europe/Voorbeeldstad"}, "Onbekende tijdzone ‘Europe/Voorbeeldstad’."),
        (
            {"drill": {"alpha": 0.9}},
            "‘significantieniveau drilltrend’ moet groter dan 0 en hoogstens 0,5 zijn (nu 0,9).",
        ),
        (
            {"drill": {"window_months": 3}},
            "‘aantal maanden in de drillreeks’ moet minstens 6 en hoogstens 120 zijn (nu 3).",
        ),
        ({"drill": []}, "‘drilllezing’ moet een object zijn."),
        (
            {"observation": {"total": 1}},
            "‘maximaal totaal aantal signalen’ moet minstens 2 en hoogstens 10000 zijn (nu 1).",
        ),
        ({"trend": {"colour": 1}}, "Onbekende parameter ‘colour’."),
    ],
)
def test_bad_values_give_dutch_messages(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ParameterError) as caught:
        EngineParameters.from_dict(data)
    assert message in caught.value.messages


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ParameterError) as caught:
        EngineParameters.from_dict({"colour": 1, "half_life_days": -1, "context_step": 2})
    assert len(caught.value.messages) == 3


def test_not_an_object() -> None:
    with pytest.raises(ParameterError, match="moeten een object"):
        EngineParameters.from_dict([1, 2])


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(ParameterError):
        EngineParameters(combine_rest_factor=1.5)
