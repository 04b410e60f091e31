"""What the recompute reads of the signal register: each signal's facts as plain values, the
engine's signal made of them, and the kind of interaction a signal records.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from lont import engine as e
from lont.signalregister.models import (
    ContextNote,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
    SignalRequest,
)
from lont.signalregister.models import Signal as SignalRow


class SignalFacts(NamedTuple):
    """What the recompute reads of one signal and its rows (``signal_facts``): plain values."""

    pk: int
    observed_at: datetime
    source_type: str
    description: str
    mentioned_time: datetime | None
    mentioned_until: datetime | None
    mentioned_place: str
    call_to_action: bool
    threat: bool
    is_drill: bool
    drill_personal_attacks: int
    drill_weapons_shown: int
    drill_members_shown: int
    indicators: list[tuple[str, str, str]]  # code, weight class, category
    notes: list[tuple[int, int]]  # id, adjustment
    people: list[tuple[int, int | None, str]]  # id, person id (None: expired), role
    # id, requester person, requester group, target person, size, outcome, replaces
    requests: list[tuple[int, int | None, int | None, int | None, str, str, int | None]]
    groups: list[int]


_FACT_FIELDS = SignalFacts._fields[:13]


def signal_facts(ids: Iterable[int], now: datetime) -> list[SignalFacts]:
    """These signals (observed at or before ``now``) with their indicators, notes, people,
    requests and groups: one query each, as values (each child in its model's order)."""
    rows = list(
        SignalRow.objects.filter(pk__in=list(ids), observed_at__lte=now)
        .order_by("pk")
        .values_list(*_FACT_FIELDS)
    )
    found = [row[0] for row in rows]
    if not found:
        return []
    children: dict[str, dict[int, list[Any]]] = {}
    for name, query, fields in (
        (
            "indicators",
            SignalIndicator.objects,
            ("indicator__code", "indicator__weight_class", "indicator__category"),
        ),
        ("notes", ContextNote.objects, ("pk", "adjustment")),
        ("people", SignalPerson.objects, ("pk", "person_id", "role")),
        (
            "requests",
            SignalRequest.objects,
            (
                "pk",
                "requester_person_id",
                "requester_group_id",
                "target_person_id",
                "size",
                "outcome",
                "replaces_id",
            ),
        ),
        ("groups", SignalGroup.objects, ("group_id",)),
    ):
        by_signal: dict[int, list[Any]] = {pk: [] for pk in found}
        for signal_id, *values in query.filter(signal_id__in=found).values_list(
            "signal_id", *fields
        ):
            by_signal[signal_id].append(values[0] if len(fields) == 1 else tuple(values))
        children[name] = by_signal
    return [
        SignalFacts._make((*row, *(children[name][row[0]] for name in SignalFacts._fields[13:])))
        for row in rows
    ]


def engine_signal(row: SignalFacts) -> e.Signal:
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
            e.IndicatorTag(code=code, weight_class=e.WeightClass(weight), category=category)
            for code, weight, category in row.indicators
        ),
        source_type=e.SourceType(row.source_type),
        notes=tuple(
            e.ContextNote(ref=str(pk), adjustment=adjustment) for pk, adjustment in row.notes
        ),
        # Roles are handed over as they are: the engine ignores victims, witnesses and tipsters.
        people=tuple(
            # An expired person (principle 9) keeps the role under a ref of its own.
            e.PersonLink(ref=str(person_id or f"verlopen-{pk}"), role=e.PersonRole(role))
            for pk, person_id, role in row.people
        ),
        named_time=row.mentioned_time,
        named_until=row.mentioned_until,
        named_place=bool(row.mentioned_place.strip()),
        call_to_action=row.call_to_action,
        threat=row.threat,
        drill=drill,
    )


# Indicators that make a signal an interaction between the groups (or the members of different
# groups) it concerns, and the kind of interaction they stand for. "Live" is read from the
# signal's description (the register has no field for it).
INTERACTION_INDICATORS = {
    "online.rival_collaboration": e.InteractionKind.COLLABORATION,
    "online.network_visible": e.InteractionKind.TAG,
}
LIVE_WORDS = re.compile(r"\blive\b|livestream|live-?sessie", re.IGNORECASE)
COUNTING_ROLES = tuple(r.value for r in e.PersonRole if r.counts)


def interaction_kind(description: str, codes: set[str]) -> e.InteractionKind | None:
    """The kind of interaction a signal records, or None when it records none."""
    if not codes & set(INTERACTION_INDICATORS):
        return None
    if LIVE_WORDS.search(description or ""):
        return e.InteractionKind.LIVE
    if "online.rival_collaboration" in codes:
        return e.InteractionKind.COLLABORATION
    return e.InteractionKind.TAG
