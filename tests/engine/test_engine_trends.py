"""Trend breaks: the rate test, the shift to stronger indicators and new links across groups."""

from __future__ import annotations

from fractions import Fraction
from math import comb

import pytest
from engine_factories import DRILL_ATTACKS, NOW, STRONG, WEAK, ago, drill_video, signal

from lont.engine import (
    Actor,
    GroupRelations,
    Interaction,
    InteractionKind,
    Signal,
    network_changes,
    rate_break,
    strength_shift,
    trend_report,
)


def spread(
    prefix: str, count: int, first_day: float, last_day: float, *tags: object
) -> list[Signal]:
    """``count`` signals evenly between ``first_day`` and ``last_day`` days before NOW."""
    step = (last_day - first_day) / max(count - 1, 1)
    return [signal(f"{prefix}{i}", *tags, days=first_day + i * step) for i in range(count)]  # type: ignore[arg-type]


def exact_p(recent: int, baseline: int) -> float:
    share = Fraction(14, 104)
    n = recent + baseline
    return float(sum(comb(n, i) * share**i * (1 - share) ** (n - i) for i in range(recent, n + 1)))


@pytest.mark.parametrize(
    ("recent", "baseline", "flagged"),
    [
        pytest.param(6, 2, True, id="sudden rise"),
        pytest.param(3, 0, True, id="three where there were none"),
        pytest.param(2, 0, False, id="below the minimum count"),
        pytest.param(3, 18, False, id="same rate as before"),
        pytest.param(5, 18, False, id="a little more: not significant"),
        pytest.param(12, 20, True, id="doubling and more"),
        pytest.param(0, 10, False, id="quieter"),
    ],
)
def test_rate_break(recent: int, baseline: int, flagged: bool) -> None:
    # Given signals spread over the last 14 days and over the 90 days before
    signals = spread("r", recent, 0.5, 13.5, STRONG) + spread("b", baseline, 15, 100, STRONG)
    # When the rate is tested
    result = rate_break(signals, now=NOW)
    # Then the p-value is the exact conditional binomial tail
    assert (result.recent, result.baseline) == (recent, baseline)
    assert result.p_value == pytest.approx(exact_p(recent, baseline), rel=1e-9)
    assert result.flagged is flagged
    assert result.expected == pytest.approx(baseline * 14 / 90)


def test_rate_break_window_edges_and_drill_only_signals() -> None:
    signals = [
        signal("edge", STRONG, days=14),  # exactly 14 days: baseline
        signal("old", STRONG, days=104.5),  # before the baseline period
        signal("future", STRONG, observed_at=NOW.replace(year=2027)),
        drill_video("d1", ago(1), 3, 3, 3),
        signal("d2", DRILL_ATTACKS, days=1),
    ]
    result = rate_break(signals, now=NOW)
    assert (result.recent, result.baseline) == (0, 1)


def test_rate_break_evidence_in_dutch() -> None:
    result = rate_break(spread("r", 6, 1, 13, STRONG) + spread("b", 2, 20, 80, STRONG), now=NOW)
    assert result.evidence_nl == (
        "Trendbreuk in het aantal signalen: 6 signalen in de laatste 14 dagen tegen 2 in de 90 "
        "dagen daarvoor (verwacht bij gelijk tempo: 0,3; p < 0,001, exacte voorwaardelijke "
        "binomiale toets, eenzijdig)."
    )


@pytest.mark.parametrize(
    ("recent_strong", "recent_weak", "base_strong", "base_weak", "p", "flagged"),
    [
        pytest.param(4, 0, 1, 9, 5 / 1001, True, id="content turns violent"),
        pytest.param(2, 2, 5, 5, None, False, id="same share"),
        pytest.param(2, 0, 0, 10, 1 / 66, False, id="too few recent signals"),
        pytest.param(0, 4, 5, 5, 1.0, False, id="milder"),
    ],
)
def test_strength_shift(
    recent_strong: int,
    recent_weak: int,
    base_strong: int,
    base_weak: int,
    p: float | None,
    flagged: bool,
) -> None:
    signals = (
        spread("rs", recent_strong, 1, 12, STRONG)
        + spread("rw", recent_weak, 1, 12, WEAK)
        + spread("bs", base_strong, 20, 90, STRONG)
        + spread("bw", base_weak, 20, 90, WEAK)
    )
    result = strength_shift(signals, now=NOW)
    assert (result.recent_strong, result.recent_total) == (
        recent_strong,
        recent_strong + recent_weak,
    )
    if p is not None:
        assert result.p_value == pytest.approx(p)
    assert result.flagged is flagged


def test_strength_shift_evidence() -> None:
    signals = (
        spread("rs", 4, 1, 12, STRONG)
        + spread("bs", 1, 20, 90, STRONG)
        + spread("bw", 9, 20, 90, WEAK)
    )
    assert strength_shift(signals, now=NOW).evidence_nl == (
        "Verschuiving naar sterkere indicatoren: 4 van 4 recente signalen (100%) hebben een sterke "
        "of vrij sterke indicator, tegen 1 van 10 (10%) daarvoor (p = 0,005, exacte toets van "
        "Fisher, eenzijdig)."
    )


RELATIONS = GroupRelations(
    rivals=frozenset({frozenset({"noord", "zuid"})}),
    connected=frozenset({frozenset({"noord", "haven"})}),
)


def link(
    ref: str, a: tuple[str, str], b: tuple[str, str], days: float, kind: InteractionKind
) -> Interaction:
    return Interaction(ref, ago(days), Actor(*a), Actor(*b), kind)


def test_network_changes_flag_new_links_across_rival_or_unconnected_groups() -> None:
    interactions = [
        link("i1", ("x", "noord"), ("y", "zuid"), 3, InteractionKind.COLLABORATION),
        link("i2", ("y", "zuid"), ("x", "noord"), 1, InteractionKind.LIVE),
        link("i3", ("x", "noord"), ("z", "haven"), 2, InteractionKind.TAG),  # connected groups
        link("i4", ("y", "zuid"), ("w", "west"), 1, InteractionKind.TAG),  # unconnected
        link("i5", ("u", "noord"), ("v", "zuid"), 40, InteractionKind.TAG),  # linked before
        link("i6", ("u", "noord"), ("v", "zuid"), 2, InteractionKind.TAG),
        link("i7", ("x", "noord"), ("q", "noord"), 2, InteractionKind.TAG),  # same group
    ]
    changes = network_changes(interactions, RELATIONS, now=NOW)
    assert [(c.a_ref, c.b_ref, c.relation, c.kinds, c.interaction_refs) for c in changes] == [
        ("w", "y", "unconnected", ("tag",), ("i4",)),
        ("x", "y", "rival", ("collaboration", "live"), ("i1", "i2")),
    ]
    assert changes[1].evidence_nl == (
        "Netwerkverandering: x (noord) en y (zuid) uit rivaliserende groepen hebben sinds "
        "12-06-2026 nieuw contact (samenwerking, samen live; 2×) en hadden eerder geen zulke band."
    )


def test_trend_report_collects_the_breaks() -> None:
    signals = (
        spread("r", 8, 1, 12, STRONG)
        + spread("bw", 9, 20, 90, WEAK)
        + [signal("bs", STRONG, days=30)]
    )
    interactions = [link("i1", ("x", "noord"), ("y", "zuid"), 3, InteractionKind.COLLABORATION)]
    report = trend_report(
        "group:noord", signals, now=NOW, interactions=interactions, relations=RELATIONS
    )
    assert [b.kind for b in report.breaks] == ["rate", "strength", "network"]
    assert report.flagged
    assert report.breaks[2].refs == ("i1",)
    quiet = trend_report("group:zuid", [], now=NOW)
    assert not quiet.flagged
    assert quiet.rate.p_value == 1.0
