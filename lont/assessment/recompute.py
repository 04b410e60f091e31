"""From models to engine inputs and back: the one place that knows both shapes.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch

from lont.signalregister.models import Signal as SignalRow
from lont.signalregister.models import SignalGroup
from lont.subjects.choices import Threat

from . import engine as e
from .models import EngineParameterSet, Situation

SIGNAL_PREFETCH = (
    "indicators__indicator",
    "notes",
    "people",
    "requests",
)
HISTORY_LENGTH = 30


def parameters_for(network_id: int) -> e.EngineParameters:
    """The network's parameters in force (newest version), or the engine's defaults."""
    row = EngineParameterSet.objects.filter(network_id=network_id).order_by("-number").first()
    if row is None:
        return e.DEFAULT_PARAMETERS
    data = dict(row.data)
    data["version"] = row.number
    return e.EngineParameters.from_dict(data)


def engine_signal(row: SignalRow) -> e.Signal:
    drill = None
    if row.is_drill:
        drill = e.DrillCounts(
            personal_attacks=row.drill_personal_attacks,
            weapons_shown=row.drill_weapons_shown,
            members_shown=row.drill_members_shown,
        )
    return e.Signal(
        ref=str(row.pk),
        observed_at=row.observed_at,
        indicators=tuple(
            e.IndicatorTag(
                code=link.indicator.code,
                weight_class=e.WeightClass(link.indicator.weight_class),
                category=link.indicator.category,
            )
            for link in row.indicators.all()
        ),
        source_type=e.SourceType(row.source_type),
        notes=tuple(e.ContextNote(ref=str(n.pk), adjustment=n.adjustment) for n in row.notes.all()),
        # Roles are handed over as they are: the engine ignores victims, witnesses and tipsters.
        people=tuple(
            e.PersonLink(ref=str(p.person_id), role=e.PersonRole(p.role)) for p in row.people.all()
        ),
        named_time=row.mentioned_time,
        named_place=bool(row.mentioned_place.strip()),
        call_to_action=row.call_to_action,
        threat=row.threat,
        drill=drill,
    )


def _months_since(since: date | None, now: datetime) -> float:
    if since is None:
        return 0.0
    return max(0.0, (now.date() - since).days / 30.44)


def structure_for(situation: Situation, now: datetime) -> e.Structure:
    rivalry = situation.rivalry
    if rivalry is None:
        return e.Structure()
    symbolic = {Threat.SYMBOLIC, Threat.BOTH}
    return e.Structure(
        conflict_history_months=_months_since(rivalry.since, now),
        symbolic_threat=rivalry.threat_a in symbolic or rivalry.threat_b in symbolic,
        rivalry_ref=str(rivalry.pk),
    )


def request_records(rows: Iterable[SignalRow]) -> list[e.RequestRecord]:
    out = []
    for row in rows:
        for r in row.requests.all():
            requester = r.requester_person_id or (
                f"g{r.requester_group_id}" if r.requester_group_id else ""
            )
            out.append(
                e.RequestRecord(
                    ref=str(r.pk),
                    at=row.observed_at,
                    requester_ref=str(requester),
                    target_ref=str(r.target_person_id or ""),
                    size=e.RequestSize(r.size),
                    outcome=e.RequestOutcome(r.outcome),
                    requester_group=str(r.requester_group_id or ""),
                    replaces=str(r.replaces_id or ""),
                )
            )
    return out


def contribution_dict(c: e.Contribution) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "ref": c.ref,
        "amount": round(c.amount, 4),
        "reason_nl": c.reason_nl,
        "summary_nl": c.summary_nl,
    }


def drill_dict(reading: e.DrillReading | None) -> dict[str, Any]:
    if reading is None:
        return {}
    return {
        "months": list(reading.months),
        "attacks": list(reading.attacks),
        "shows": list(reading.shows),
        "attacks_test": reading.attacks_test.describe_nl(),
        "shows_test": reading.shows_test.describe_nl(),
        "attacks_rising": reading.attacks_test.rising,
        "shows_rising": reading.shows_test.rising,
        "red_flag": reading.red_flag,
        "videos": reading.videos,
        "explanation_nl": reading.explanation_nl,
    }


def trend_breaks(
    situation: Situation,
    signals: list[e.Signal],
    rows: list[SignalRow],
    now: datetime,
    params: e.EngineParameters,
) -> list[dict[str, Any]]:
    """Trend breaks of the situation and of each of its groups, each with its evidence."""
    out: list[dict[str, Any]] = []
    report = e.trend_report(f"situatie {situation.pk}", signals, now=now, params=params)
    for b in report.breaks:
        out.append(
            {
                "subject": "situation",
                "subject_ref": str(situation.pk),
                "kind": b.kind,
                "evidence_nl": b.evidence_nl,
                "p_value": b.p_value,
                "at": now.isoformat(),
            }
        )
    by_id = {s.ref: s for s in signals}
    links = SignalGroup.objects.filter(signal__in=[r.pk for r in rows]).values_list(
        "group_id", "signal_id"
    )
    per_group: dict[int, list[e.Signal]] = {}
    for group_id, signal_id in links:
        per_group.setdefault(group_id, []).append(by_id[str(signal_id)])
    for group_id in sorted(per_group):
        report = e.trend_report(f"groep {group_id}", per_group[group_id], now=now, params=params)
        for b in report.breaks:
            out.append(
                {
                    "subject": "group",
                    "subject_ref": str(group_id),
                    "kind": b.kind,
                    "evidence_nl": b.evidence_nl,
                    "p_value": b.p_value,
                    "at": now.isoformat(),
                }
            )
    return out


def compute(situation: Situation, now: datetime) -> dict[str, Any]:
    """Everything the engine says about a situation at ``now``, ready to store."""
    params = parameters_for(situation.network_id)
    rows = list(situation.signals.prefetch_related(*SIGNAL_PREFETCH).filter(observed_at__lte=now))
    signals = [engine_signal(r) for r in rows]
    result = e.compute_level(signals, structure_for(situation, now), params, now=now)
    patterns = e.request_patterns(request_records(rows), params)
    return {
        "level": result.level.code,
        "score": round(result.score, 4),
        "explanation": {
            "summary_nl": result.explanation_nl,
            "acute": result.acute,
            "parameters_version": result.parameters_version,
            "contributions": [contribution_dict(c) for c in result.contributions],
        },
        "drill": drill_dict(result.drill),
        "trend_breaks": trend_breaks(situation, signals, rows, now, params),
        "requests": [
            {
                "technique": p.technique.value,
                "label_nl": p.guide.label_nl,
                "first_ref": p.first_ref,
                "second_ref": p.second_ref,
                "succeeded": p.succeeded,
                "explanation_nl": p.explanation_nl,
                "risk_reading_nl": p.guide.risk_reading_nl,
            }
            for p in patterns
        ],
    }


def situation_queryset() -> Any:
    return Situation.objects.select_related("rivalry").prefetch_related(
        Prefetch("signals", queryset=SignalRow.objects.all())
    )
