"""Named windows ("deze week"): a window that has begun keeps the acute rule and the signal's full
weight until its end, as a named moment still ahead does; a window that has ended counts as past.

The clock here is a Wednesday afternoon in Voorbeeldstad: "deze week" runs from Monday 7 December
00:00 to Sunday 13 December 23:59 (Amsterdam time)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from engine_factories import STRONG, signal
from hypothesis import given
from hypothesis import strategies as st
from test_engine_properties import PROPERTY_SETTINGS, signals

from lont.engine import (
    DEFAULT_PARAMETERS,
    PREPARED_FORMAT,
    DrillCounts,
    Level,
    PreparedSignal,
    Signal,
    Structure,
    acute_check,
    compute_level,
    compute_level_prepared,
    prepare_signal,
    signal_contribution,
)
from lont.engine.moments import when_nl

AMS = ZoneInfo("Europe/Amsterdam")
WEDNESDAY = datetime(2026, 12, 9, 14, 0, tzinfo=AMS)
MONDAY = datetime(2026, 12, 7, 0, 0, tzinfo=AMS)
SUNDAY_END = datetime(2026, 12, 13, 23, 59, tzinfo=AMS)
NONE = Structure()


def window_call(
    ref: str = "w",
    start: datetime = MONDAY,
    until: datetime = SUNDAY_END,
    *,
    observed_at: datetime = WEDNESDAY - timedelta(hours=3),
    **kw: object,
) -> Signal:
    """A call to come to a concrete place some time in the window ``start``–``until``."""
    kw.setdefault("call_to_action", True)
    kw.setdefault("named_place", True)
    return signal(ref, STRONG, observed_at=observed_at, named_time=start, named_until=until, **kw)


@pytest.mark.parametrize(
    ("given", "acute"),
    [
        pytest.param(window_call(), True, id="deze week, said on Wednesday"),
        pytest.param(
            window_call(until=WEDNESDAY), True, id="window ending at this very minute still runs"
        ),
        pytest.param(
            window_call(start=WEDNESDAY, until=WEDNESDAY + timedelta(hours=2)),
            True,
            id="window starting at this very minute",
        ),
        pytest.param(
            window_call(until=WEDNESDAY - timedelta(minutes=1)), False, id="window just ended"
        ),
        pytest.param(
            window_call(start=WEDNESDAY + timedelta(hours=30), until=WEDNESDAY + timedelta(days=5)),
            True,
            id="window starting within 72 hours",
        ),
        pytest.param(
            window_call(start=WEDNESDAY + timedelta(hours=73), until=WEDNESDAY + timedelta(days=5)),
            False,
            id="window starting beyond 72 hours",
        ),
        pytest.param(window_call(named_place=False), False, id="no concrete place"),
        pytest.param(window_call(call_to_action=False), False, id="neither call nor threat"),
        pytest.param(
            window_call(call_to_action=False, threat=True), True, id="threat instead of call"
        ),
        pytest.param(window_call(notes=(-2,)), False, id="note -2 defuses"),
        pytest.param(
            window_call(observed_at=WEDNESDAY + timedelta(hours=1)), False, id="not observed yet"
        ),
    ],
)
def test_an_ongoing_window_is_as_imminent_as_a_moment_ahead(given: Signal, acute: bool) -> None:
    result = compute_level([given], NONE, now=WEDNESDAY)
    assert result.acute is acute
    assert (result.level is Level.ACUTE) is acute


def test_a_drill_only_signal_never_triggers_the_acute_rule_in_a_window() -> None:
    drill = dataclasses.replace(window_call(), indicators=(), drill=DrillCounts(2, 1, 3))
    assert compute_level([drill], NONE, now=WEDNESDAY).acute is False


def test_the_acute_line_says_the_window_still_runs_and_until_when() -> None:
    result = compute_level([window_call("w1")], NONE, now=WEDNESDAY)
    first = result.contributions[0]
    assert (first.kind, first.ref, first.amount) == ("acute_rule", "w1", 0.0)
    assert first.reason_nl == (
        "Acuutregel: Signaal w1 noemt een periode die al begonnen is (genoemde periode loopt nog "
        "tot zo 13 dec) en een concrete plaats, met een oproep tot actie."
    )
    # A summary reader learns that a window runs, not its dates.
    assert first.summary_nl == (
        "Acuutregel: signaal w1 noemt een periode die nu loopt en een concrete plaats, met een "
        "oproep tot actie of een dreiging."
    )
    assert "Acuut door de acuutregel" in result.explanation_nl


def test_the_acute_line_of_a_window_starting_soon_names_its_start_and_end() -> None:
    starts = WEDNESDAY + timedelta(hours=30)
    line = acute_check(
        window_call("w2", start=starts, until=SUNDAY_END), DEFAULT_PARAMETERS, now=WEDNESDAY
    )
    assert line is not None
    assert line.reason_nl == (
        "Acuutregel: Signaal w2 noemt een periode die over 30 uur begint (binnen 72 uur; "
        "genoemde periode loopt tot zo 13 dec) en een concrete plaats, met een oproep tot actie."
    )
    assert "een periode die binnen 72 uur begint" in line.summary_nl


def test_a_defused_window_is_explained_like_a_defused_moment() -> None:
    line = acute_check(window_call("w3", notes=(-2,)), DEFAULT_PARAMETERS, now=WEDNESDAY)
    assert line is not None and line.kind == "acute_rule_defused"
    assert line.reason_nl.startswith(
        "Signaal w3 noemt een periode die al begonnen is (genoemde periode loopt nog tot zo 13 dec)"
    )
    assert "de acuutregel is niet toegepast" in line.reason_nl


def test_a_signal_stays_at_full_weight_while_its_window_runs() -> None:
    # Observed three weeks ago about a window that has not ended: no decay yet.
    given = window_call(observed_at=WEDNESDAY - timedelta(days=21), start=MONDAY)
    line = signal_contribution(given, now=WEDNESDAY)
    assert line is not None
    assert line.amount == 4.0
    assert "genoemde periode loopt nog tot zo 13 dec: blijft volledig actueel" in line.reason_nl


def test_a_window_ahead_is_named_with_its_start_and_end() -> None:
    given = window_call(start=SUNDAY_END + timedelta(minutes=1), until=SUNDAY_END + timedelta(7))
    line = signal_contribution(given, now=WEDNESDAY)
    assert line is not None and line.amount == 4.0
    assert (
        "genoemde periode begint ma 14 dec en loopt tot zo 20 dec: blijft volledig actueel"
        in line.reason_nl
    )


def test_an_ended_window_decays_from_its_end() -> None:
    # The window ended fourteen days (one half-life) ago.
    now = SUNDAY_END + timedelta(days=14)
    line = signal_contribution(window_call(), now=now)
    assert line is not None
    assert line.amount == pytest.approx(2.0)
    assert "14 dagen oud sinds het einde van de genoemde periode" in line.reason_nl
    assert compute_level([window_call()], NONE, now=now).acute is False


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (SUNDAY_END, "zo 13 dec"),
        (MONDAY, "ma 7 dec"),
        (datetime(2026, 12, 12, 21, 0, tzinfo=AMS), "za 12 dec 21:00"),
        # Read in the network's time zone, whatever zone the moment comes in.
        (datetime(2026, 12, 12, 23, 30, tzinfo=ZoneInfo("UTC")), "zo 13 dec 00:30"),
    ],
)
def test_named_times_are_written_the_dutch_way(moment: datetime, text: str) -> None:
    assert when_nl(moment, "Europe/Amsterdam") == text


@pytest.mark.parametrize(
    "named",
    [
        pytest.param({"named_until": SUNDAY_END}, id="an end without a start"),
        pytest.param({"named_time": SUNDAY_END, "named_until": MONDAY}, id="end before start"),
    ],
)
def test_a_window_needs_a_start_before_its_end(named: dict[str, datetime]) -> None:
    with pytest.raises(ValueError, match="named window"):
        Signal("x", MONDAY, **named)  # type: ignore[arg-type]


def test_a_prepared_window_round_trips_through_json() -> None:
    prepared = prepare_signal(window_call())
    row = json.loads(json.dumps(prepared.to_row()))
    assert PreparedSignal.from_row(row) == prepared
    assert PreparedSignal.from_row(row).named_until == SUNDAY_END
    # Rows of the engine before windows had no end: a caller that stores rows keys them to this.
    assert len(row) == 15 and PREPARED_FORMAT == 2


@st.composite
def windowed(draw: st.DrawFn) -> tuple[Signal, datetime]:
    """Any signal naming a window, and a moment at which to read it."""
    given = draw(signals())
    start = WEDNESDAY + timedelta(hours=draw(st.integers(-24 * 20, 24 * 20)))
    until = start + timedelta(hours=draw(st.integers(0, 24 * 14)))
    now = WEDNESDAY + timedelta(hours=draw(st.integers(-24 * 2, 24 * 40)))
    return dataclasses.replace(given, named_time=start, named_until=until), now


@PROPERTY_SETTINGS
@given(windowed())
def test_a_window_weighs_as_a_moment_at_its_end(case: tuple[Signal, datetime]) -> None:
    """Recency reads a window by its end: hot until then, decaying from it once it has passed."""
    window, now = case
    moment = dataclasses.replace(window, named_time=window.named_until, named_until=None)
    a, b = signal_contribution(window, now=now), signal_contribution(moment, now=now)
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a.amount == b.amount


@PROPERTY_SETTINGS
@given(windowed())
def test_a_running_window_is_acute_exactly_when_a_moment_an_hour_ahead_is(
    case: tuple[Signal, datetime],
) -> None:
    window, now = case
    assert window.named_time is not None and window.named_until is not None
    if not window.named_time <= now <= window.named_until:
        return
    soon = dataclasses.replace(window, named_time=now + timedelta(hours=1), named_until=None)
    a, b = acute_check(window, now=now), acute_check(soon, now=now)
    assert (a.kind if a else None) == (b.kind if b else None)


@PROPERTY_SETTINGS
@given(st.lists(windowed(), max_size=6), st.integers(0, 24 * 30))
def test_stored_windows_give_the_same_result_later(
    cases: list[tuple[Signal, datetime]], later: int
) -> None:
    given_signals = [s for s, _ in cases]
    stored = json.loads(json.dumps([prepare_signal(s).to_row() for s in given_signals]))
    now = WEDNESDAY + timedelta(hours=later)
    prepared = [PreparedSignal.from_row(row) for row in stored]
    a = compute_level_prepared(prepared, NONE, now=now)
    b = compute_level(given_signals, NONE, now=now)
    assert (a.level, a.score, a.contributions, a.explanation_nl) == (
        b.level,
        b.score,
        b.contributions,
        b.explanation_nl,
    )
