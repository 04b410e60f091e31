"""Everything the engine says about a situation at a moment, ready to store (``compute``): from
the prepared records, the structure and the network's parameters."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from lont import engine as e

from ..lines import (
    SHOWN_CONTRIBUTIONS,
    SIGNAL_KINDS,
    TEXTLESS_KINDS,
    strongest_sorted_positions,
)
from ..models import PreparedContribution, Situation
from .network import network_breaks
from .parameters import parameters_for
from .prepared import Record, records
from .structure import structure_for

HISTORY_LENGTH = 30
# The stored explanation's count of the signal lines it does not hold (``compute``); an
# explanation stored without it holds every line (``shown``, ``contributions``).
LEFT_OUT = "left_out"
# The key of a stored record whose signal was unlinked (``mark_unlinked``): never a current key.


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
    recs: list[Record],
    now: datetime,
    params: e.EngineParameters,
) -> list[dict[str, Any]]:
    """Trend breaks of the situation and of each of its groups, each with its evidence."""
    out: list[dict[str, Any]] = []
    # The prepared signals are the trend points (they hold the three facts the tests read). Only
    # those the tests read are handed over (a large situation's are mostly older), and only the
    # groups that have one are tested: a group without any has no break (no recent signals).
    start = e.trend_window_start(now, params)
    points = [r for r in recs if r.prepared.observed_at > start and not r.prepared.drill_only]
    report = e.trend_report(
        f"situatie {situation.pk}", [r.prepared for r in points], now=now, params=params
    )
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
    per_group: dict[int, list[e.PreparedSignal]] = {}
    for r in points:
        for group_id in r.groups:
            per_group.setdefault(group_id, []).append(r.prepared)
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
    out.extend(network_breaks(situation, recs, now, params))
    return out


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration (and back on after, if it was on).

    A recompute of a large situation makes tens of thousands of short-lived containers (records,
    lines, their dicts) that hold no reference cycles: reference counting frees them. With the
    collector on, their allocation alone sets it off dozens of times per recompute, each pass
    walking the young objects and now and then every object of the process: about 14 % of the
    instructions of a bench round (docs/ENGINE.md). Cycles made meanwhile (none are expected)
    are collected at the next pass after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compute(situation: Situation, now: datetime, *, reuse: bool = True) -> dict[str, Any]:
    """Everything the engine says about a situation at ``now``, ready to store.

    Signals are read as prepared records (``records``): a stored record is reused unless its
    signal, notes, people, groups or requests, the parameters or the indicator weights changed,
    so after one new signal only that one is prepared and the rest is a cheap pass (recency and
    the combination). ``reuse=False`` prepares every signal again: the result is the same.

    The explanation holds only the lines the situation page shows (``lines.strongest``), with
    their text, and how many signal lines it leaves out (``LEFT_OUT``); those are rebuilt from
    the stored records when a page asks for them (``contributions``, ``explained``): a large
    situation's explanation is neither formatted nor stored in full at every recompute."""
    params = parameters_for(situation.network_id)
    recs = records(situation, now, params, reuse=reuse)
    people = {p for r in recs for p in r.people}
    result = e.compute_level_prepared(
        [r.prepared for r in recs],
        structure_for(situation, now, people),
        params,
        now=now,
        explain_signals=False,
    )
    patterns = e.request_patterns(
        [q for r in recs if r.requests for q in r.request_records()], params
    )
    shown_lines, left_out = _shown_lines(situation, recs, result, params, now)
    return {
        "level": result.level.code,
        "score": round(result.score, 4),
        "explanation": {
            "summary_nl": result.explanation_nl,
            "acute": result.acute,
            "parameters_version": result.parameters_version,
            "contributions": shown_lines,
            LEFT_OUT: left_out,
        },
        "drill": drill_dict(result.drill),
        "trend_breaks": trend_breaks(situation, recs, now, params),
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


def _shown_lines(
    situation: Situation,
    recs: list[Record],
    result: e.LevelResult,
    params: e.EngineParameters,
    now: datetime,
) -> tuple[list[dict[str, Any]], int]:
    """The lines the situation page shows — every line that is not a signal's and the strongest
    signal lines (``lines.strongest``) — in the engine's order, each with its text; and how many
    signal lines are left out. The shown signal lines are formatted from their records' text
    (read for those few signals when the records came from storage)."""
    found = result.contributions
    kept, left_out = strongest_sorted_positions(found, SHOWN_CONTRIBUTIONS, e.line_rank)
    shown = [c for i, c in enumerate(found) if i in kept or c.kind not in SIGNAL_KINDS]
    refs = {c.ref for c in shown if c.kind in TEXTLESS_KINDS}
    by_ref = {r.prepared.ref: r for r in recs if r.prepared.ref in refs}
    textless = {r.signal_id for r in by_ref.values() if not r.prepared.reason_head}
    texts = dict(
        PreparedContribution.objects.filter(
            situation_id=situation.pk, signal_id__in=textless
        ).values_list("signal_id", "text")
        if textless
        else []
    )
    lines = []
    for c in shown:
        if c.kind in TEXTLESS_KINDS:
            rec = by_ref[c.ref]
            if rec.signal_id in texts:
                rec = rec.with_text(texts[rec.signal_id])
            line = e.contribution_at(rec.prepared, params, now=now)
            assert line is not None  # the record was observed by ``now``: it has a line
            c = line
        lines.append(contribution_dict(c))
    return lines, left_out
