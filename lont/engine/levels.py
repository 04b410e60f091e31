"""The level engine: a situation's level (laag … acuut) with every contribution explained.

Model (docs/ENGINE.md has the rationale and a worked example)::

    signal amount = indicators × source factor × role factor × context factor × recency
    score         = Σ signal amounts + Σ structural points (+ drill red flag beside other evidence)
    level         = highest level whose threshold the score reaches; the acute rule → acuut

- **indicators**: the strongest evidence indicator counts in full, the next ones ``rest_factor**k``
  (max + diminishing sum), so piling tags on one post cannot outweigh several independent signals.
- **role factor**: only involved people and possible perpetrators are read; victims, witnesses and
  tipsters are never looked at (principle 9). A named possible perpetrator multiplies by a factor
  of at least 1.
- **context factor**: ``1 + step × net`` where net is the sum of the notes' adjustments, clamped to
  ``±context_net_limit``, and the factor never goes below zero.
- **recency**: ``0.5 ** (age / half_life)``; a signal naming a future time stays at full weight
  until that time has passed and then decays from that time; a named window ("deze week") stays
  at full weight until its end and then decays from its end.
- **drill**: drill-only signals (drill counts or drill indicators and no other indicator) add
  nothing themselves and never trigger the acute rule. The drill reading's red flag adds its points
  only when at least one other signal contributes a positive amount (principle 3).
- **acute rule**: a signal naming a concrete time within the acute window (default 72 h), or a
  window that has begun and not yet ended, *and* a concrete place, *with* a call to action or a
  threat → acuut, unless its context notes sum to the defusing value or lower (the case meeting
  then judges).

The computation is deterministic and order-independent: amounts are summed with ``math.fsum``
(exactly rounded) and contributions are sorted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any, NamedTuple

from . import guide
from .drill import DrillReading, drill_reading
from .inputs import (
    Contribution,
    DrillCounts,
    IndicatorTag,
    Level,
    PersonRole,
    Signal,
    Structure,
    is_drill_only,
)
from .moments import is_ongoing, named_end, since_nl, still_ahead_nl, when_nl
from .parameters import DEFAULT_PARAMETERS, EngineParameters
from .stats import count_nl, fmt_num
from .structural import (
    DAY,
    KIND_DRILL,
    KIND_STRUCTURE,
    age_nl,
    drill_contribution,
    structure_contributions,
)
from .trends import STRONG_CLASSES

# Contribution kinds, in the order they are listed.
KIND_ACUTE = "acute_rule"
KIND_ACUTE_DEFUSED = "acute_rule_defused"
KIND_SIGNAL = "signal"
KIND_DRILL_SIGNAL = "drill_signal"
# The shape and meaning of ``PreparedSignal.to_row``: a caller that stores rows keys them to it, so
# rows of an older engine are prepared again rather than read wrongly (2: ``named_until``).
PREPARED_FORMAT = 2
_KIND_ORDER = {
    k: i
    for i, k in enumerate(
        (KIND_ACUTE, KIND_ACUTE_DEFUSED, KIND_SIGNAL, KIND_STRUCTURE, KIND_DRILL, KIND_DRILL_SIGNAL)
    )
}


@cache
def _indicator_labels() -> Mapping[str, str]:
    """Dutch labels from the guide's catalogue, for readable explanations (codes as fallback)."""
    try:
        return guide.indicator_labels()
    except (ValueError, OSError):  # pragma: no cover - catalogue missing or broken
        return {}


guide.on_install(_indicator_labels.cache_clear)


def indicator_label(code: str) -> str:
    return _indicator_labels().get(code, code)


@dataclass(frozen=True)
class LevelResult:
    level: Level
    score: float
    contributions: list[Contribution]
    acute: bool
    drill: DrillReading | None
    parameters_version: int
    computed_at: datetime
    explanation_nl: str

    @property
    def level_code(self) -> str:
        return self.level.code


def _signal_ref(signal: Signal) -> str:
    return f"signaal {signal.ref}"


class _Factors(NamedTuple):
    indicators: tuple[IndicatorTag, ...]
    base: float
    source: float
    perpetrator: bool
    role: float
    net: int
    context: float


def _factors(
    signal: Signal, evidence: tuple[IndicatorTag, ...], params: EngineParameters
) -> _Factors:
    """The factors of a signal's amount that do not change with time."""
    weights = params.weights  # keyed by the class's value; WeightClass is a StrEnum
    indicators = tuple(sorted(evidence, key=lambda i: (-weights[i.weight_class], i.code)))
    rest = params.combine_rest_factor
    # The sorted order fixes the summation order, so the float sum is deterministic.
    base = sum(weights[t.weight_class] * rest**k for k, t in enumerate(indicators))
    perpetrator = any(p.role is PersonRole.POSSIBLE_PERPETRATOR for p in signal.people)
    limit = params.context_net_limit
    net = max(-limit, min(limit, signal.net_adjustment))
    return _Factors(
        indicators=indicators,
        base=base,
        source=params.source_factors[signal.source_type],
        perpetrator=perpetrator,
        role=params.possible_perpetrator_factor if perpetrator else 1.0,
        net=net,
        context=max(0.0, 1.0 + params.context_step * net),
    )


def _signal_reason_head(signal: Signal, f: _Factors, params: EngineParameters) -> str:
    """The reason up to (not including) its recency part, which depends on ``now``."""
    parts = []
    for k, tag in enumerate(f.indicators):
        weight = params.weight(tag.weight_class)
        part = f"{indicator_label(tag.code)} ({tag.weight_class.label_nl}, {fmt_num(weight)}"
        parts.append(part + (f" × {fmt_num(params.combine_rest_factor**k, 2)})" if k else ")"))
    reasons = [
        f"{_signal_ref(signal).capitalize()}: "
        + ("indicatoren " + "; ".join(parts) if parts else "geen indicatoren")
        + f" = {fmt_num(f.base, 2)}",
        f"brontype {signal.source_type.label_nl} × {fmt_num(f.source, 2)}",
    ]
    if f.perpetrator:
        reasons.append(f"noemt een mogelijke dader × {fmt_num(f.role, 2)}")
    if signal.notes:
        reasons.append(
            f"contextnotities {len(signal.notes)} (som {f.net:+d}) × {fmt_num(f.context, 2)}"
        )
    return ", ".join(reasons)


def _signal_summary_head(signal: Signal, f: _Factors) -> str:
    labels = "; ".join(
        f"{indicator_label(t.code)} ({t.weight_class.label_nl})" for t in f.indicators
    )
    what = f"indicatoren {labels}" if labels else "geen indicatoren"
    return f"{_signal_ref(signal).capitalize()} (samenvatting): {what}; "


class PreparedSignal(NamedTuple):
    """What the engine needs of one signal, computed once and valid at any ``now``.

    Everything that does not change with time is here: the kind of line, the product of the
    indicator, source, role and context factors, the explanation up to its recency part, and the
    facts the acute rule, the drill reading and the trend tests read. ``contribution_at`` adds the
    recency at a given ``now``. A caller may store it (``to_row``/``from_row`` round-trip exactly
    through JSON) and recompute a situation from stored parts: the result is the one
    ``compute_level`` gives for the signals themselves, bit for bit. It must be prepared again when
    the signal, its notes, people or indicators, or the parameters change.
    """

    ref: str
    observed_at: datetime
    drill_only: bool
    factor: float = 0.0  # indicators × source × role × context
    reason_head: str = ""
    summary_head: str = ""
    details: Mapping[str, object] | None = None
    named_time: datetime | None = None
    named_place: bool = False
    call_to_action: bool = False
    threat: bool = False
    net_adjustment: int = 0
    strong: bool = False  # the trend tests' "strong or fairly strong" evidence
    drill: DrillCounts | None = None
    named_until: datetime | None = None  # the end of a named window; ``named_time`` its start

    def to_row(self) -> list[object]:
        """A JSON-ready list (positional: compact to store and quick to read back)."""
        drill = self.drill
        return [
            self.ref,
            self.observed_at.isoformat(),
            self.drill_only,
            self.factor,
            self.reason_head,
            self.summary_head,
            dict(self.details) if self.details is not None else None,
            self.named_time.isoformat() if self.named_time else None,
            self.named_place,
            self.call_to_action,
            self.threat,
            self.net_adjustment,
            self.strong,
            [drill.personal_attacks, drill.weapons_shown, drill.members_shown] if drill else None,
            self.named_until.isoformat() if self.named_until else None,
        ]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> PreparedSignal:
        # The row's values in place (a copy) and one tuple build: read back for thousands of
        # stored rows at every recompute, where keyword construction costs twice as much.
        values = list(row)
        values[1] = datetime.fromisoformat(values[1])
        if values[7] is not None:
            values[7] = datetime.fromisoformat(values[7])
        if values[13] is not None:
            values[13] = DrillCounts(*values[13])
        if values[14] is not None:
            values[14] = datetime.fromisoformat(values[14])
        return cls._make(values)


def prepare_signal(
    signal: Signal, params: EngineParameters = DEFAULT_PARAMETERS, *, explain: bool = True
) -> PreparedSignal:
    """The part of a signal's contribution that does not depend on time (see ``PreparedSignal``)."""
    evidence = signal.evidence_indicators
    base = PreparedSignal(
        ref=signal.ref,
        observed_at=signal.observed_at,
        drill_only=is_drill_only(signal, evidence),
        named_time=signal.named_time,
        named_place=signal.named_place,
        call_to_action=signal.call_to_action,
        threat=signal.threat,
        net_adjustment=signal.net_adjustment,
        strong=any(i.weight_class in STRONG_CLASSES for i in evidence),
        drill=signal.drill,
        named_until=signal.named_until,
    )
    if base.drill_only:
        head = (
            f"{_signal_ref(signal).capitalize()}: drillsignaal zonder andere indicatoren; telt "
            "niet zelf mee, alleen via de drilllezing en alleen naast ander bewijs."
        )
        return base._replace(reason_head=head if explain else "")
    f = _factors(signal, evidence, params)
    # Multiplied in the order of the model (indicators × source × role × context × recency).
    factor = f.base * f.source * f.role * f.context
    if not explain:
        return base._replace(factor=factor)
    return base._replace(
        factor=factor,
        reason_head=_signal_reason_head(signal, f, params),
        summary_head=_signal_summary_head(signal, f),
        details={
            "indicators": [t.code for t in f.indicators],
            "base": f.base,
            "source_factor": f.source,
            "role_factor": f.role,
            "context_factor": f.context,
        },
    )


@cache
def _half_life_nl(days: float) -> str:
    return f" (halfwaardetijd {fmt_num(days, 0)} dagen) × "


def contribution_at(
    prepared: PreparedSignal,
    params: EngineParameters = DEFAULT_PARAMETERS,
    *,
    now: datetime,
    explain: bool = True,
) -> Contribution | None:
    """A prepared signal's line at ``now``: only its recency is computed here (cheap)."""
    if prepared.observed_at > now:
        return None
    if prepared.drill_only:
        return Contribution.plain(KIND_DRILL_SIGNAL, prepared.ref, 0.0, prepared.reason_head)
    hot, from_named, reference = False, False, prepared.observed_at
    named = named_end(prepared.named_time, prepared.named_until)
    if named is not None and params.future_time_stays_hot:
        if named >= now:
            hot = True
        elif named > prepared.observed_at:
            from_named, reference = True, named
    age_days = (now - reference).total_seconds() / DAY
    recency = 1.0 if hot else 0.5 ** (age_days / params.half_life_days)
    amount = prepared.factor * recency
    if not explain:
        return Contribution.plain(KIND_SIGNAL, prepared.ref, amount)
    age = age_nl(age_days)
    if hot:
        tail = still_ahead_nl(prepared.named_time, prepared.named_until, now, params.timezone)
    else:
        since = since_nl(prepared.named_until) if from_named else ""
        tail = f"{age}{since}{_half_life_nl(params.half_life_days)}{fmt_num(recency, 2)}"
    total = fmt_num(amount, 2)
    return Contribution(
        KIND_SIGNAL,
        prepared.ref,
        amount,
        f"{prepared.reason_head}, {tail} → {total}.",
        {**(prepared.details or {}), "recency": recency, "age_days": age_days},
        f"{prepared.summary_head}{age} → {total}.",
    )


def signal_contribution(
    signal: Signal,
    params: EngineParameters = DEFAULT_PARAMETERS,
    *,
    now: datetime,
    explain: bool = True,
) -> Contribution | None:
    """What one signal adds to the score at ``now``; None if not yet observed.

    ``explain=False`` leaves ``reason_nl`` empty and ``details`` out: for bulk recomputes that store
    only the level and score (formatting the Dutch text is most of the cost).
    """
    if signal.observed_at > now:
        return None
    return contribution_at(
        prepare_signal(signal, params, explain=explain), params, now=now, explain=explain
    )


def acute_check(
    signal: Signal, params: EngineParameters = DEFAULT_PARAMETERS, *, now: datetime
) -> Contribution | None:
    """The acute rule for one signal: a contribution (amount 0) when it applies or was defused."""
    return _acute(prepare_signal(signal, params, explain=False), params, now=now)


def _acute(
    signal: PreparedSignal, params: EngineParameters, *, now: datetime
) -> Contribution | None:
    start = signal.named_time
    if start is None or signal.observed_at > now or signal.drill_only:
        return None
    if not (signal.named_place and (signal.call_to_action or signal.threat)):
        return None
    named = _acute_named_nl(start, signal.named_until, params, now=now)
    if named is None:
        return None
    when, when_summary = named
    what = " en ".join(
        w
        for w, on in (
            ("een oproep tot actie", signal.call_to_action),
            ("een dreiging", signal.threat),
        )
        if on
    )
    ref = f"signaal {signal.ref}"
    fact = f"{ref.capitalize()} noemt {when} en een concrete plaats, met {what}"
    defused_at = params.acute_defused_at
    if defused_at is not None and signal.net_adjustment <= defused_at:
        return Contribution(
            kind=KIND_ACUTE_DEFUSED,
            ref=signal.ref,
            amount=0.0,
            reason_nl=(
                f"{fact}, maar de contextnotities (som {signal.net_adjustment:+d}, grens "
                f"{defused_at:+d}) ontkrachten het: de acuutregel is niet toegepast. "
                "Beoordeel dit samen."
            ),
            summary_nl=(
                f"De acuutregel is niet toegepast op {ref}: de context van een "
                "partner ontkracht het. Beoordeel dit samen."
            ),
        )
    return Contribution(
        kind=KIND_ACUTE,
        ref=signal.ref,
        amount=0.0,
        reason_nl=f"Acuutregel: {fact}.",
        summary_nl=(
            f"Acuutregel: {ref} noemt {when_summary} en "
            "een concrete plaats, met een oproep tot actie of een dreiging."
        ),
    )


def _acute_named_nl(
    start: datetime, until: datetime | None, params: EngineParameters, *, now: datetime
) -> tuple[str, str] | None:
    """What a signal names that makes it imminent, for the full and the summary line: a time (or
    a window's start) within the acute window, or a window that is running; None otherwise."""
    window = fmt_num(params.acute_window_hours, 0)
    ahead = start - now
    if timedelta(0) < ahead <= timedelta(hours=params.acute_window_hours):
        hours = fmt_num(ahead.total_seconds() / 3600, 0)
        if until is None:
            return (
                f"een concreet tijdstip over {hours} uur (binnen {window} uur)",
                f"een concreet tijdstip binnen {window} uur",
            )
        return (
            f"een periode die over {hours} uur begint (binnen {window} uur; genoemde periode "
            f"loopt tot {when_nl(until, params.timezone)})",
            f"een periode die binnen {window} uur begint",
        )
    if until is not None and is_ongoing(start, until, now):
        return (
            f"een periode die al begonnen is (genoemde periode loopt nog tot "
            f"{when_nl(until, params.timezone)})",
            "een periode die nu loopt",
        )
    return None


def level_for_score(score: float, params: EngineParameters = DEFAULT_PARAMETERS) -> Level:
    for level in (Level.ACUTE, Level.HIGH, Level.RAISED):
        if score >= params.threshold(level):
            return level
    return Level.LOW


def _sort_key(c: Contribution) -> tuple[int, float, str, str]:
    return (_KIND_ORDER.get(c.kind, 99), -c.amount, c.ref, c.reason_nl)


def compute_level(
    signals: Iterable[Signal],
    structure: Structure,
    params: EngineParameters = DEFAULT_PARAMETERS,
    *,
    now: datetime,
    explain: bool = True,
) -> LevelResult:
    """One situation's level at ``now``: deterministic, explained, independent of signal order."""
    prepared = [prepare_signal(s, params, explain=explain) for s in signals]
    return compute_level_prepared(prepared, structure, params, now=now, explain=explain)


def _signal_lines(
    prepared: Iterable[PreparedSignal], params: EngineParameters, now: datetime, explain: bool
) -> list[Contribution]:
    """Each signal's own line and the acute rule's (applied or defused), unsorted."""
    if not explain:
        return _amount_lines(prepared, params, now)
    out: list[Contribution] = []
    for signal in prepared:
        line = contribution_at(signal, params, now=now, explain=explain)
        if line is not None:
            out.append(line)
        if signal.named_time is not None:  # the acute rule reads a named time (most have none)
            rule = _acute(signal, params, now=now)
            if rule is not None:
                out.append(rule)
    return out


def _amount_lines(
    prepared: Iterable[PreparedSignal], params: EngineParameters, now: datetime
) -> list[Contribution]:
    """``_signal_lines`` without the signals' own text: ``contribution_at``'s amount written out
    in one loop (the same operations in the same order, so the same bits), for the thousands of
    lines of a large situation that no one reads at a recompute."""
    out: list[Contribution] = []
    plain = Contribution.plain
    half_life, stays_hot = params.half_life_days, params.future_time_stays_hot
    for signal in prepared:
        observed = signal.observed_at
        if observed > now:
            continue  # not yet observed: no line, and no acute rule (``_acute`` says the same)
        if signal.drill_only:  # the acute rule never reads a drill-only signal
            out.append(plain(KIND_DRILL_SIGNAL, signal.ref, 0.0, signal.reason_head))
            continue
        start, until = signal.named_time, signal.named_until
        hot, reference = False, observed
        named = until if until is not None else start  # ``named_end``
        if named is not None and stays_hot:
            if named >= now:
                hot = True
            elif named > observed:
                reference = named
        recency = 1.0 if hot else 0.5 ** ((now - reference).total_seconds() / DAY / half_life)
        out.append(plain(KIND_SIGNAL, signal.ref, signal.factor * recency))
        if start is not None:
            rule = _acute(signal, params, now=now)
            if rule is not None:
                out.append(rule)
    return out


def signal_lines(
    prepared: Iterable[PreparedSignal],
    params: EngineParameters = DEFAULT_PARAMETERS,
    *,
    now: datetime,
    explain: bool = True,
) -> list[Contribution]:
    """The lines about the signals that ``compute_level_prepared`` gives at ``now`` — each
    signal's own line and the acute rule's — in its order, without the structural and drill
    lines: a caller that stored only some of a result's lines rebuilds the others from the same
    prepared signals. ``explain=False`` leaves the signals' own lines without text (the acute
    rule's keep theirs), as ``explain_signals=False`` does there."""
    return sorted(_signal_lines(prepared, params, now, explain), key=_sort_key)


def line_rank(kind: str) -> int:
    """Where a line of this kind stands in a result's ``contributions`` (first sort key)."""
    return _KIND_ORDER.get(kind, 99)


def compute_level_prepared(
    prepared: Iterable[PreparedSignal],
    structure: Structure,
    params: EngineParameters = DEFAULT_PARAMETERS,
    *,
    now: datetime,
    explain: bool = True,
    explain_signals: bool | None = None,
) -> LevelResult:
    """``compute_level`` from prepared signals (``prepare_signal``, possibly stored): only the
    recency of each signal and the combination are computed, so a recompute after one change
    costs one ``prepare_signal`` plus this cheap pass.

    ``explain_signals=False`` explains everything but the signals' own lines (amounts only, as
    ``explain=False`` gives them): a caller that shows a few of thousands of lines formats those
    with ``contribution_at`` and needs no text for the rest. Amounts, order and score are the
    same either way (a signal line's ref decides a tie before its text does)."""
    prepared = list(prepared)
    lines = explain if explain_signals is None else explain_signals
    contributions = _signal_lines(prepared, params, now, lines)
    evidence = math.fsum(c.amount for c in contributions if c.kind == KIND_SIGNAL)
    contributions.extend(structure_contributions(structure, params, now=now))
    reading = None
    drill_signals = [
        Signal(ref=s.ref, observed_at=s.observed_at, drill=s.drill)
        for s in prepared
        if s.drill is not None
    ]
    if drill_signals:
        reading = drill_reading(
            drill_signals,
            conflict_history_months=structure.conflict_history_months,
            now=now,
            params=params,
            rivalry_ref=structure.rivalry_ref,
        )
        contributions.append(drill_contribution(reading, evidence, params))
    contributions.sort(key=_sort_key)
    score = math.fsum(c.amount for c in contributions)
    acute = any(c.kind == KIND_ACUTE for c in contributions)
    level = Level.ACUTE if acute else level_for_score(score, params)
    return LevelResult(
        level=level,
        score=score,
        contributions=contributions,
        acute=acute,
        drill=reading,
        parameters_version=params.version,
        computed_at=now,
        explanation_nl=_summary(level, score, acute, contributions, params) if explain else "",
    )


def _summary(
    level: Level,
    score: float,
    acute: bool,
    contributions: Sequence[Contribution],
    params: EngineParameters,
) -> str:
    counted = sum(1 for c in contributions if c.kind == KIND_SIGNAL and c.amount > 0)
    structural = sum(
        1 for c in contributions if c.kind in (KIND_STRUCTURE, KIND_DRILL) and c.amount > 0
    )
    head = f"Berekend niveau {level.code} (score {fmt_num(score, 2)}"
    if level is not Level.LOW and not acute:
        head += f", drempel {level.code} {fmt_num(params.threshold(level), 1)}"
    signals = count_nl(counted, "signaal", "signalen")
    factors = count_nl(structural, "structurele factor", "structurele factoren")
    head += f"; {signals} en {factors} tellen mee)."
    if acute:
        head += " Acuut door de acuutregel."
    return head + " Dit is een suggestie: het casusoverleg beoordeelt en besluit."
