"""Structural factors of a situation and the drill reading's contribution to its level.

Structural points are added on top of the signals: a long conflict history, a symbolic threat, open
risk-calendar windows (P6) and recent incidents, each capped by the parameters. The drill red flag
is the exception that needs company: it counts only when other signals contribute (principle 3).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .drill import DrillReading
from .inputs import Contribution, Structure
from .parameters import DEFAULT_PARAMETERS, EngineParameters
from .stats import fmt_num

DAY = 86400.0
KIND_STRUCTURE = "structure"
KIND_DRILL = "drill"


def age_nl(days: float) -> str:
    if days < 1:
        return f"{fmt_num(days * 24, 0)} uur oud"
    return f"{fmt_num(days, 0)} {'dag' if round(days) == 1 else 'dagen'} oud"


def structure_contributions(
    structure: Structure, params: EngineParameters = DEFAULT_PARAMETERS, *, now: datetime
) -> list[Contribution]:
    """Points for the situation's structural factors (not the drill reading)."""
    s = params.structure
    out: list[Contribution] = []
    months = structure.conflict_history_months
    if months >= s.long_conflict_months and s.long_conflict_points:
        out.append(
            Contribution(
                KIND_STRUCTURE,
                "conflict_history",
                s.long_conflict_points,
                f"Lange conflictgeschiedenis: {fmt_num(months, 0)} maanden (vanaf "
                f"{fmt_num(s.long_conflict_months, 0)}) → {fmt_num(s.long_conflict_points, 2)}.",
            )
        )
    if structure.symbolic_threat and s.symbolic_threat_points:
        out.append(
            Contribution(
                KIND_STRUCTURE,
                "symbolic_threat",
                s.symbolic_threat_points,
                "Symbolische dreiging (waarden, identiteit, manier van leven) → "
                f"{fmt_num(s.symbolic_threat_points, 2)}.",
            )
        )
    windows = sorted(structure.open_windows, key=lambda w: w.ref)[: s.window_max]
    for window in windows:
        out.append(
            Contribution(
                KIND_STRUCTURE,
                f"window {window.ref}",
                s.window_points,
                f"Open kalendervenster {window.ref}{f' ({window.kind})' if window.kind else ''} → "
                f"{fmt_num(s.window_points, 2)}.",
            )
        )
    cutoff = now - timedelta(days=s.incident_days)
    recent = sorted(
        (i for i in structure.incidents if cutoff <= i.occurred_at <= now),
        key=lambda i: (i.occurred_at, i.ref),
        reverse=True,
    )[: s.incident_max]
    for incident in recent:
        days = (now - incident.occurred_at).total_seconds() / DAY
        out.append(
            Contribution(
                KIND_STRUCTURE,
                f"incident {incident.ref}",
                s.incident_points,
                f"Recent incident {incident.ref} ({age_nl(days)}, telt tot "
                f"{fmt_num(s.incident_days, 0)} dagen) → {fmt_num(s.incident_points, 2)}.",
            )
        )
    return out


def drill_contribution(
    reading: DrillReading, evidence: float, params: EngineParameters
) -> Contribution:
    """The drill reading's line: its points only beside other evidence (principle 3)."""
    points = params.structure.drill_red_flag_points
    if not reading.red_flag:
        return Contribution(KIND_DRILL, "drill", 0.0, reading.explanation_nl)
    if evidence <= 0:
        return Contribution(
            KIND_DRILL,
            "drill",
            0.0,
            "Rode vlag uit de drilllezing, maar er is geen ander bewijs: drill alleen verhoogt het "
            "niveau nooit (principe 3). " + reading.explanation_nl,
        )
    return Contribution(
        KIND_DRILL,
        "drill",
        points,
        f"Rode vlag uit de drilllezing naast ander bewijs → {fmt_num(points, 2)}. "
        + reading.explanation_nl,
    )
