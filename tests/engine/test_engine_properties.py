"""Property tests (hypothesis) of the level engine's guarantees, at a frozen clock."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

from engine_factories import NOW
from hypothesis import given, settings
from hypothesis import strategies as st

from lont.engine import (
    CalendarWindow,
    ContextNote,
    DrillCounts,
    Incident,
    IndicatorTag,
    LevelResult,
    PersonLink,
    PersonRole,
    PreparedSignal,
    Signal,
    SourceType,
    Structure,
    WeightClass,
    compute_level,
    compute_level_prepared,
    prepare_signal,
    signal_lines,
)

CODES = [
    ("online.time_place", WeightClass.STRONG, "online"),
    ("online.emotional_history", WeightClass.STRONG, "online"),
    ("online.reputation_family", WeightClass.FAIRLY_STRONG, "online"),
    ("online.group_pressure", WeightClass.SOMEWHAT, "online"),
    ("online.network_visible", WeightClass.WEAK, "online"),
    ("drill.personal_attacks", WeightClass.FAIRLY_STRONG, "drill"),
    ("drill.weapons_members", WeightClass.FAIRLY_STRONG, "drill"),
]
tags = st.sampled_from([IndicatorTag(c, w, cat) for c, w, cat in CODES])
evidence_tags = st.sampled_from([IndicatorTag(c, w, cat) for c, w, cat in CODES if cat != "drill"])
hours = st.integers(min_value=0, max_value=24 * 400)
maybe_time = st.none() | st.integers(min_value=-24 * 30, max_value=24 * 30).map(
    lambda h: NOW + timedelta(hours=h)
)
window_hours = st.integers(min_value=0, max_value=24 * 14)
drill_counts = st.none() | st.builds(
    DrillCounts, st.integers(0, 6), st.integers(0, 6), st.integers(0, 6)
)


@st.composite
def signals(draw: st.DrawFn, *, aggravating: bool = False) -> Signal:
    ref = draw(st.text("abcdefghij0123456789", min_size=1, max_size=6))
    named_time = draw(maybe_time)
    # Sometimes a window ("deze week") that starts at the named time.
    named_until = None
    if named_time is not None:
        named_until = draw(st.none() | window_hours.map(lambda h: named_time + timedelta(hours=h)))
    return Signal(
        ref=ref,
        observed_at=NOW - timedelta(hours=draw(hours)),
        indicators=tuple(
            draw(st.lists(evidence_tags if aggravating else tags, min_size=aggravating, max_size=4))
        ),
        source_type=draw(st.sampled_from(list(SourceType))),
        notes=tuple(
            ContextNote(f"{ref}-{i}", adj)
            for i, adj in enumerate(
                draw(st.lists(st.integers(0 if aggravating else -2, 2), max_size=3))
            )
        ),
        people=tuple(
            PersonLink(f"p{i}", role)
            for i, role in enumerate(draw(st.lists(st.sampled_from(list(PersonRole)), max_size=3)))
        ),
        named_time=named_time,
        named_until=named_until,
        named_place=draw(st.booleans()),
        call_to_action=draw(st.booleans()),
        threat=draw(st.booleans()),
        drill=None if aggravating else draw(drill_counts),
    )


structures = st.builds(
    Structure,
    conflict_history_months=st.integers(0, 48).map(float),
    symbolic_threat=st.booleans(),
    open_windows=st.lists(st.builds(CalendarWindow, st.sampled_from(["w1", "w2", "w3"]))).map(
        tuple
    ),
    incidents=st.lists(
        st.builds(
            Incident, st.sampled_from(["i1", "i2"]), hours.map(lambda h: NOW - timedelta(hours=h))
        )
    ).map(tuple),
)
signal_lists = st.lists(signals(), max_size=8)
PROPERTY_SETTINGS = settings(max_examples=50, deadline=None, derandomize=True)


def outcome(result: LevelResult) -> tuple[object, ...]:
    return (
        result.level,
        result.score,
        [(c.kind, c.ref, c.amount, c.reason_nl) for c in result.contributions],
        result.explanation_nl,
    )


@PROPERTY_SETTINGS
@given(signal_lists, structures)
def test_same_inputs_same_output(given_signals: list[Signal], structure: Structure) -> None:
    assert outcome(compute_level(given_signals, structure, now=NOW)) == outcome(
        compute_level(list(given_signals), structure, now=NOW)
    )


@PROPERTY_SETTINGS
@given(signal_lists.flatmap(lambda s: st.tuples(st.just(s), st.permutations(s))), structures)
def test_order_of_signals_is_irrelevant(
    pair: tuple[list[Signal], list[Signal]], structure: Structure
) -> None:
    original, shuffled = pair
    assert outcome(compute_level(original, structure, now=NOW)) == outcome(
        compute_level(shuffled, structure, now=NOW)
    )


@PROPERTY_SETTINGS
@given(signal_lists, structures, signals(aggravating=True))
def test_an_aggravating_signal_never_lowers(
    given_signals: list[Signal], structure: Structure, extra: Signal
) -> None:
    before = compute_level(given_signals, structure, now=NOW)
    after = compute_level([*given_signals, extra], structure, now=NOW)
    assert after.score >= before.score
    assert after.level >= before.level


@PROPERTY_SETTINGS
@given(signal_lists.filter(bool), structures, st.integers(0, 100), st.integers(-2, -1))
def test_a_negative_context_note_never_raises(
    given_signals: list[Signal], structure: Structure, pick: int, adjustment: int
) -> None:
    index = pick % len(given_signals)
    target = given_signals[index]
    noted = dataclasses.replace(
        target, notes=(*target.notes, ContextNote("extra-note", adjustment))
    )
    changed = [*given_signals[:index], noted, *given_signals[index + 1 :]]
    before = compute_level(given_signals, structure, now=NOW)
    after = compute_level(changed, structure, now=NOW)
    assert after.score <= before.score
    assert after.level <= before.level


@PROPERTY_SETTINGS
@given(
    signal_lists,
    structures,
    st.lists(
        st.sampled_from([PersonRole.VICTIM, PersonRole.WITNESS, PersonRole.TIPSTER]), min_size=1
    ),
)
def test_victims_witnesses_and_tipsters_never_change_the_result(
    given_signals: list[Signal], structure: Structure, roles: list[PersonRole]
) -> None:
    widened = [
        dataclasses.replace(
            s, people=(*s.people, *(PersonLink(f"x{i}", r) for i, r in enumerate(roles)))
        )
        for s in given_signals
    ]
    assert outcome(compute_level(widened, structure, now=NOW)) == outcome(
        compute_level(given_signals, structure, now=NOW)
    )


@PROPERTY_SETTINGS
@given(signal_lists, structures)
def test_drill_only_signals_never_raise_the_level(
    given_signals: list[Signal], structure: Structure
) -> None:
    others = [s for s in given_signals if not s.is_drill_only and s.drill is None]
    drill_only = [s for s in given_signals if s.is_drill_only]
    before = compute_level(others, structure, now=NOW)
    after = compute_level(others + drill_only, structure, now=NOW)
    if before.score == 0 or all(c.amount == 0 for c in before.contributions if c.kind == "signal"):
        # No other evidence: drill-only signals change nothing at all.
        assert after.score == before.score
        assert after.level == before.level


@PROPERTY_SETTINGS
@given(signal_lists, structures)
def test_explain_flag_does_not_change_level_or_score(
    given_signals: list[Signal], structure: Structure
) -> None:
    explained = compute_level(given_signals, structure, now=NOW)
    bulk = compute_level(given_signals, structure, now=NOW, explain=False)
    assert (bulk.level, bulk.score, bulk.acute) == (
        explained.level,
        explained.score,
        explained.acute,
    )
    assert all(c.reason_nl for c in explained.contributions)


@PROPERTY_SETTINGS
@given(signal_lists, st.integers(min_value=-24 * 60, max_value=24 * 60))
def test_lines_without_text_have_the_explained_lines_amounts_bit_for_bit(
    given_signals: list[Signal], later: int
) -> None:
    """The lines a large recompute leaves without text (``explain=False``) are the explained
    lines' kinds, refs and amounts, in the same order, at any ``now``."""
    prepared = [prepare_signal(s) for s in given_signals]
    now = NOW + timedelta(hours=later)
    bare = signal_lines(prepared, now=now, explain=False)
    explained = signal_lines(prepared, now=now)
    assert [(c.kind, c.ref, c.amount) for c in bare] == [
        (c.kind, c.ref, c.amount) for c in explained
    ]


@PROPERTY_SETTINGS
@given(signal_lists, structures, st.integers(min_value=0, max_value=24 * 60))
def test_stored_prepared_signals_give_the_same_result_later(
    given_signals: list[Signal], structure: Structure, later: int
) -> None:
    """Prepared once, stored as JSON, read back and recomputed at a later ``now``: the same result
    (every line and the summary, bit for bit) as computing from the signals at that moment."""
    stored = json.loads(json.dumps([prepare_signal(s).to_row() for s in given_signals]))
    now = NOW + timedelta(hours=later)
    prepared = [PreparedSignal.from_row(row) for row in stored]
    assert outcome(compute_level_prepared(prepared, structure, now=now)) == outcome(
        compute_level(given_signals, structure, now=now)
    )
