"""The systematic-observation guard: thresholds, advice for police and for other partners."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from engine_factories import NOW, ago, signal

from lont.engine import (
    PersonRole,
    ProsecutorOrder,
    SourceType,
    check_observation,
    online_times,
)
from lont.engine.observation import OTHER_ADVICE_NL, POLICE_ADVICE_NL
from lont.engine.parameters import ObservationThresholds


@pytest.mark.parametrize(
    ("earlier_days", "crossed", "which", "near"),
    [
        pytest.param([], False, [], [], id="first signal"),
        pytest.param([10], False, [], ["frequency"], id="two within 30 days: near"),
        pytest.param([10, 20], True, ["frequency"], [], id="three within 30 days"),
        pytest.param([31], False, [], [], id="two, 31 days apart"),
        pytest.param([15, 30], True, ["frequency"], [], id="exactly 30 days still counts"),
        pytest.param([42], False, [], ["duration"], id="exactly six weeks: near"),
        pytest.param([43], True, ["duration"], [], id="over six weeks"),
        pytest.param(
            [5 * i for i in range(1, 10)],
            True,
            ["frequency", "duration", "total"],
            [],
            id="ten in total",
        ),
    ],
)
def test_thresholds(
    earlier_days: list[int], crossed: bool, which: list[str], near: list[str]
) -> None:
    # Given earlier online signals about one person by one organisation, and a new one now
    check = check_observation([ago(d) for d in earlier_days], new_at=NOW, for_police=False)
    # Then the guard reports exactly the thresholds crossed
    assert check.crossed is crossed
    assert check.codes == which
    assert check.near == near


def test_total_alone_with_covenant_thresholds() -> None:
    thresholds = ObservationThresholds(window_count=50, window_days=30, span_days=1000, total=4)
    check = check_observation(
        [ago(d) for d in (1, 2, 3)], new_at=NOW, for_police=True, thresholds=thresholds
    )
    assert check.codes == ["total"]
    assert check.which[0].message_nl == "4 online signalen in totaal (grens 4)"


def test_other_partners_are_told_it_is_not_theirs_to_do() -> None:
    check = check_observation([ago(3), ago(9)], new_at=NOW, for_police=False)
    assert check.message_nl == (
        "Let op: de online signalen van uw organisatie over deze persoon worden mogelijk "
        "stelselmatige observatie (3 online signalen binnen 30 dagen (grens 3))."
    )
    assert check.advice_nl == OTHER_ADVICE_NL
    assert "niet aan uw organisatie" in check.advice_nl
    assert "draag de informatie over aan een partner met die bevoegdheid" in check.advice_nl
    assert not check.for_police


def test_police_need_a_prosecutor_order_or_stop() -> None:
    check = check_observation([ago(3), ago(9)], new_at=NOW, for_police=True)
    assert check.for_police
    assert check.advice_nl == POLICE_ADVICE_NL
    assert "officier van justitie" in check.advice_nl
    assert not check.covered_by_order


def test_a_valid_order_covers_the_observation() -> None:
    order = ProsecutorOrder("OvJ-2026-0417", date(2026, 6, 1), "online berichten van één persoon")
    check = check_observation([ago(3), ago(9)], new_at=NOW, for_police=True, order=order)
    assert check.crossed and check.covered_by_order
    assert check.advice_nl == ""
    assert (
        "Geregistreerd onder bevel van de officier van justitie OvJ-2026-0417 van 01-06-2026"
        in (check.message_nl)
    )


@pytest.mark.parametrize(
    ("order", "problem"),
    [
        (ProsecutorOrder(" ", date(2026, 6, 1), "x"), "Vul het kenmerk van het bevel in."),
        (ProsecutorOrder("K1", date(2026, 6, 1), ""), "Beschrijf de reikwijdte van het bevel."),
        (
            ProsecutorOrder("K1", date(2026, 7, 1), "x"),
            "De datum van het bevel ligt in de toekomst.",
        ),
        (ProsecutorOrder("K1", date(2026, 1, 1), "x", date(2026, 3, 1)), "Het bevel is verlopen."),
    ],
)
def test_an_incomplete_or_expired_order_does_not_cover(
    order: ProsecutorOrder, problem: str
) -> None:
    check = check_observation([ago(3), ago(9)], new_at=NOW, for_police=True, order=order)
    assert not check.covered_by_order
    assert check.order_problems == [problem]
    assert check.advice_nl == POLICE_ADVICE_NL


def test_online_times_select_online_signals_about_the_person() -> None:
    signals = [
        signal("1", days=1, roles=(PersonRole.INVOLVED,)),
        signal("2", days=2, roles=(PersonRole.VICTIM,)),
        signal("3", days=3, source=SourceType.OWN_OFFLINE, roles=(PersonRole.INVOLVED,)),
        signal("4", days=4, source=SourceType.SHARED_BY_YOUNG_PERSON, roles=(PersonRole.INVOLVED,)),
        signal("5", days=5),
    ]
    # The factory names the first linked person "p0".
    assert online_times(signals, "p0") == [ago(4), ago(2), ago(1)]
    assert online_times(signals, "p9") == []


def test_no_signals_at_all() -> None:
    check = check_observation([], for_police=True)
    assert not check.crossed
    assert check.count == 0
    assert check.message_nl == "Geen drempel voor stelselmatige observatie overschreden."
    assert check_observation([NOW - timedelta(days=1)], new_at=NOW, for_police=True).near == [
        "frequency"
    ]
