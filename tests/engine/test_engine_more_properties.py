"""Property tests of the trend tests, request patterns and observation guard (frozen clock)."""

from __future__ import annotations

from datetime import timedelta

from engine_factories import NOW, STRONG, WEAK, signal
from hypothesis import given, settings
from hypothesis import strategies as st

from lont.engine import (
    RequestOutcome,
    RequestRecord,
    RequestSize,
    check_observation,
    rate_break,
    request_patterns,
    strength_shift,
)

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)
days = st.floats(min_value=0.01, max_value=120, allow_nan=False)


@SETTINGS
@given(st.lists(days, max_size=40), st.floats(min_value=0.01, max_value=13.9))
def test_one_more_recent_signal_never_weakens_the_rate_evidence(
    ages: list[float], new: float
) -> None:
    signals = [signal(str(i), STRONG, days=d) for i, d in enumerate(ages)]
    before = rate_break(signals, now=NOW)
    after = rate_break([*signals, signal("new", STRONG, days=new)], now=NOW)
    assert after.recent == before.recent + 1
    assert after.p_value <= before.p_value
    assert after.flagged or not before.flagged


@SETTINGS
@given(
    st.lists(st.tuples(days, st.booleans()), max_size=40), st.floats(min_value=0.01, max_value=13.9)
)
def test_one_more_recent_strong_signal_never_weakens_the_strength_evidence(
    ages: list[tuple[float, bool]], new: float
) -> None:
    signals = [
        signal(str(i), STRONG if strong else WEAK, days=d) for i, (d, strong) in enumerate(ages)
    ]
    before = strength_shift(signals, now=NOW)
    after = strength_shift([*signals, signal("new", STRONG, days=new)], now=NOW)
    assert after.p_value <= before.p_value + 1e-12


requests = st.lists(
    st.builds(
        RequestRecord,
        ref=st.sampled_from([f"r{i}" for i in range(30)]),
        at=st.integers(0, 24 * 120).map(lambda h: NOW - timedelta(hours=h)),
        requester_ref=st.sampled_from(["a1", "a2"]),
        target_ref=st.sampled_from(["t1", "t2"]),
        size=st.sampled_from(list(RequestSize)),
        outcome=st.sampled_from(list(RequestOutcome)),
        requester_group=st.sampled_from(["", "g"]),
        replaces=st.sampled_from(["", "r1", "r2"]),
    ),
    max_size=12,
    unique_by=lambda r: r.ref,
)


@SETTINGS
@given(requests.flatmap(lambda rs: st.tuples(st.just(rs), st.permutations(rs))))
def test_request_patterns_do_not_depend_on_record_order(
    pair: tuple[list[RequestRecord], list[RequestRecord]],
) -> None:
    original, shuffled = pair
    found = request_patterns(original)
    assert found == request_patterns(shuffled)
    for pattern in found:
        assert pattern.first_at < pattern.second_at
        assert pattern.guide.risk_reading_nl


@SETTINGS
@given(st.lists(st.integers(0, 24 * 200), max_size=15), st.integers(0, 24 * 200), st.booleans())
def test_one_more_signal_never_uncrosses_the_guard(
    hours: list[int], extra: int, police: bool
) -> None:
    times = [NOW - timedelta(hours=h) for h in hours]
    before = check_observation(times, for_police=police)
    after = check_observation(times, new_at=NOW - timedelta(hours=extra), for_police=police)
    assert set(before.codes) <= set(after.codes)
    assert after.crossed or not before.crossed
