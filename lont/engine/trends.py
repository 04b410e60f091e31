"""Trend breaks (*trendbreuk*) for a situation, a group or a person: rate, strength and network.

The caller passes the signals and interactions that concern the subject; each test is one-sided (we
only flag an *increase*) and reports its evidence in Dutch.

- **Rate**: the number of signals in the last ``recent_days`` (default 14) against the previous
  ``baseline_days`` (default 90). If both periods had the same underlying (Poisson) rate, then given
  the total N the recent count is Binomial(N, recent / (recent + baseline)); the p-value is its
  upper tail (the exact conditional test for two Poisson rates). Flagged when p < alpha (default
  0.01, strict because many subjects are tested every day) and the recent count is at least
  ``min_recent``.
- **Strength**: the share of signals whose strongest indicator is strong or fairly strong, recent vs
  baseline, with Fisher's exact test (one-sided). Signals rather than tags are the unit because the
  tags on one signal are not independent observations.
- **Network**: pairs of people or groups from rival or unconnected groups that collaborate, tag each
  other or go live together in the recent period and had no such link before.

Drill-only signals are left out of the rate and strength tests: drill is never a risk indicator on
its own (principle 3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from .inputs import Signal, WeightClass
from .parameters import DEFAULT_PARAMETERS, EngineParameters
from .stats import binomial_sf, count_nl, fmt_num, fmt_p, hypergeom_sf

STRONG_CLASSES = frozenset({WeightClass.STRONG, WeightClass.FAIRLY_STRONG})


class InteractionKind(StrEnum):
    COLLABORATION = "collaboration"
    TAG = "tag"
    LIVE = "live"

    @property
    def label_nl(self) -> str:
        return {"collaboration": "samenwerking", "tag": "taggen", "live": "samen live"}[self.value]


@dataclass(frozen=True)
class Actor:
    """A person or a group; ``group_ref`` is its group (a group's own ref for a group)."""

    ref: str
    group_ref: str


@dataclass(frozen=True)
class Interaction:
    ref: str
    observed_at: datetime
    a: Actor
    b: Actor
    kind: InteractionKind


@dataclass(frozen=True)
class GroupRelations:
    """Known relations between groups; pairs are unordered."""

    rivals: frozenset[frozenset[str]] = frozenset()
    connected: frozenset[frozenset[str]] = frozenset()

    def relation(self, g1: str, g2: str) -> str:
        pair = frozenset({g1, g2})
        if g1 == g2:
            return "same"
        if pair in self.rivals:
            return "rival"
        if pair in self.connected:
            return "connected"
        return "unconnected"


@dataclass(frozen=True)
class RateBreak:
    recent: int
    baseline: int
    expected: float
    p_value: float
    flagged: bool
    evidence_nl: str


@dataclass(frozen=True)
class StrengthShift:
    recent_strong: int
    recent_total: int
    baseline_strong: int
    baseline_total: int
    p_value: float
    flagged: bool
    evidence_nl: str


@dataclass(frozen=True)
class NetworkChange:
    a_ref: str
    b_ref: str
    a_group: str
    b_group: str
    relation: str  # "rival" or "unconnected"
    kinds: tuple[str, ...]
    interaction_refs: tuple[str, ...]
    first_at: datetime
    evidence_nl: str


@dataclass(frozen=True)
class TrendBreak:
    kind: str  # "rate", "strength", "network"
    evidence_nl: str
    p_value: float | None = None
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrendReport:
    subject_ref: str
    rate: RateBreak
    strength: StrengthShift
    network: list[NetworkChange] = field(default_factory=list)

    @property
    def breaks(self) -> list[TrendBreak]:
        out = []
        if self.rate.flagged:
            out.append(TrendBreak("rate", self.rate.evidence_nl, self.rate.p_value))
        if self.strength.flagged:
            out.append(TrendBreak("strength", self.strength.evidence_nl, self.strength.p_value))
        out.extend(
            TrendBreak("network", c.evidence_nl, None, c.interaction_refs) for c in self.network
        )
        return out

    @property
    def flagged(self) -> bool:
        return bool(self.breaks)


def _periods(now: datetime, params: EngineParameters) -> tuple[datetime, datetime]:
    recent_start = now - timedelta(days=params.trend.recent_days)
    return recent_start, recent_start - timedelta(days=params.trend.baseline_days)


def trend_window_start(now: datetime, params: EngineParameters = DEFAULT_PARAMETERS) -> datetime:
    """Where the baseline period begins: the rate and strength tests read no signal observed at
    or before it, so a caller may leave those out (the report is the same)."""
    return _periods(now, params)[1]


class TrendPoint(NamedTuple):
    """What the rate and strength tests read of a signal (a prepared signal has the same)."""

    observed_at: datetime
    drill_only: bool
    strong: bool


class TrendFacts(Protocol):
    """What the tests read: a ``TrendPoint``, or a prepared signal (it holds the same three)."""

    @property
    def observed_at(self) -> datetime: ...
    @property
    def drill_only(self) -> bool: ...
    @property
    def strong(self) -> bool: ...


def trend_point(signal: Signal | TrendFacts) -> TrendFacts:
    if isinstance(signal, Signal):
        return TrendPoint(signal.observed_at, signal.is_drill_only, _is_strong(signal))
    return signal


def _split(
    signals: Iterable[Signal | TrendFacts], now: datetime, params: EngineParameters
) -> tuple[list[TrendFacts], list[TrendFacts]]:
    recent_start, baseline_start = _periods(now, params)
    recent, baseline = [], []
    for s in map(trend_point, signals):
        if s.drill_only:
            continue
        if recent_start < s.observed_at <= now:
            recent.append(s)
        elif baseline_start < s.observed_at <= recent_start:
            baseline.append(s)
    return recent, baseline


def rate_break(
    signals: Iterable[Signal | TrendFacts],
    *,
    now: datetime,
    params: EngineParameters = DEFAULT_PARAMETERS,
) -> RateBreak:
    return _rate_break(*_split(signals, now, params), params)


def _rate_break(
    recent: list[TrendFacts], baseline: list[TrendFacts], params: EngineParameters
) -> RateBreak:
    t = params.trend
    n1, n0 = len(recent), len(baseline)
    share = t.recent_days / (t.recent_days + t.baseline_days)
    p = binomial_sf(n1, n1 + n0, share)
    expected = n0 * t.recent_days / t.baseline_days
    flagged = n1 >= t.min_recent and p < t.alpha
    evidence = (
        f"{count_nl(n1, 'signaal', 'signalen')} in de laatste {t.recent_days} dagen tegen {n0} in de "
        f"{t.baseline_days} dagen "
        f"daarvoor (verwacht bij gelijk tempo: {fmt_num(expected, 1)}; {fmt_p(p)}, exacte "
        f"voorwaardelijke binomiale toets, eenzijdig)"
    )
    if flagged:
        evidence = "Trendbreuk in het aantal signalen: " + evidence + "."
    else:
        evidence = "Geen trendbreuk in het aantal signalen: " + evidence + "."
    return RateBreak(n1, n0, expected, p, flagged, evidence)


def _is_strong(signal: Signal) -> bool:
    return any(i.weight_class in STRONG_CLASSES for i in signal.evidence_indicators)


def strength_shift(
    signals: Iterable[Signal | TrendFacts],
    *,
    now: datetime,
    params: EngineParameters = DEFAULT_PARAMETERS,
) -> StrengthShift:
    return _strength_shift(*_split(signals, now, params), params)


def _strength_shift(
    recent: list[TrendFacts], baseline: list[TrendFacts], params: EngineParameters
) -> StrengthShift:
    t = params.trend
    n1, n0 = len(recent), len(baseline)
    k1 = sum(1 for s in recent if s.strong)
    k0 = sum(1 for s in baseline if s.strong)
    p = hypergeom_sf(k1, n1 + n0, k1 + k0, n1) if n1 else 1.0
    share1 = k1 / n1 if n1 else 0.0
    share0 = k0 / n0 if n0 else 0.0
    flagged = n1 >= t.min_recent and share1 > share0 and p < t.alpha
    body = (
        f"{k1} van {n1} recente signalen ({fmt_num(100 * share1, 0)}%) hebben een sterke of vrij "
        f"sterke indicator, tegen {k0} van {n0} ({fmt_num(100 * share0, 0)}%) daarvoor "
        f"({fmt_p(p)}, exacte toets van Fisher, eenzijdig)"
    )
    head = (
        "Verschuiving naar sterkere indicatoren: "
        if flagged
        else "Geen verschuiving naar sterkere indicatoren: "
    )
    return StrengthShift(k1, n1, k0, n0, p, flagged, head + body + ".")


def network_changes(
    interactions: Iterable[Interaction],
    relations: GroupRelations,
    *,
    now: datetime,
    params: EngineParameters = DEFAULT_PARAMETERS,
) -> list[NetworkChange]:
    """New links in the recent period between actors of rival or unconnected groups."""
    recent_start, _ = _periods(now, params)
    zone = ZoneInfo(params.timezone)
    by_pair: dict[tuple[str, str], list[Interaction]] = {}
    for it in interactions:
        if it.observed_at > now or it.a.ref == it.b.ref:
            continue
        key = (min(it.a.ref, it.b.ref), max(it.a.ref, it.b.ref))
        by_pair.setdefault(key, []).append(it)
    out = []
    for (a_ref, b_ref), items in sorted(by_pair.items()):
        items.sort(key=lambda i: (i.observed_at, i.ref))
        first = items[0]
        if first.observed_at <= recent_start:
            continue  # the pair was linked before the recent period: not new
        actors = {first.a.ref: first.a, first.b.ref: first.b}
        a, b = actors[a_ref], actors[b_ref]
        relation = relations.relation(a.group_ref, b.group_ref)
        if relation not in ("rival", "unconnected"):
            continue
        kinds = tuple(sorted({i.kind.value for i in items}))
        kinds_nl = ", ".join(InteractionKind(k).label_nl for k in kinds)
        relation_nl = "rivaliserende" if relation == "rival" else "niet-verbonden"
        evidence = (
            f"Netwerkverandering: {a_ref} ({a.group_ref}) en {b_ref} ({b.group_ref}) uit "
            f"{relation_nl} groepen hebben sinds {first.observed_at.astimezone(zone):%d-%m-%Y} "
            "nieuw contact "
            f"({kinds_nl}; {len(items)}×) en hadden eerder geen zulke band."
        )
        out.append(
            NetworkChange(
                a_ref=a_ref,
                b_ref=b_ref,
                a_group=a.group_ref,
                b_group=b.group_ref,
                relation=relation,
                kinds=kinds,
                interaction_refs=tuple(i.ref for i in items),
                first_at=first.observed_at,
                evidence_nl=evidence,
            )
        )
    return out


def trend_report(
    subject_ref: str,
    signals: Iterable[Signal | TrendFacts],
    *,
    now: datetime,
    interactions: Iterable[Interaction] = (),
    relations: GroupRelations | None = None,
    params: EngineParameters = DEFAULT_PARAMETERS,
) -> TrendReport:
    """All three trend-break tests for one subject (situation, group or person). ``signals`` may
    be engine signals or their trend points (``trend_point``, as a prepared signal holds them)."""
    recent, baseline = _split(signals, now, params)  # one pass for both tests
    return TrendReport(
        subject_ref=subject_ref,
        rate=_rate_break(recent, baseline, params),
        strength=_strength_shift(recent, baseline, params),
        network=network_changes(
            interactions, relations or GroupRelations(), now=now, params=params
        ),
    )
