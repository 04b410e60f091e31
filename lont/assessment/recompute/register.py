"""What the recompute reads of the signal register: each signal's facts as plain values, the
engine's signal made of them, and the kind of interaction a signal records.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection

from lont import engine as e
from lont.knowledge.models import Indicator
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
    requests and groups, as values (each child in its model's order): the signals in one query,
    their rows in one more (``_child_rows``)."""
    rows = list(
        SignalRow.objects.filter(pk__in=list(ids), observed_at__lte=now)
        .order_by("pk")
        .values_list(*_FACT_FIELDS)
    )
    found = [row[0] for row in rows]
    if not found:
        return []
    children: list[dict[int, list[Any]]] = [{pk: [] for pk in found} for _name in _CHILDREN]
    for start in range(0, len(found), _IDS_PER_QUERY):
        for part, signal_id, values in _child_rows(found[start : start + _IDS_PER_QUERY]):
            children[part][signal_id].append(values)
    return [
        SignalFacts._make((*row, *(by_signal[row[0]] for by_signal in children))) for row in rows
    ]


# Signals per query of their rows: five lists of ids in one statement stay under SQLite's limit
# of bound values (a full recompute of a large situation reads thousands).
_IDS_PER_QUERY = 1000
# ``_child_rows``'s parts in ``SignalFacts``'s order (indicators, notes, people, requests,
# groups): where each part's values are in a row of the statement (part, signal id, three texts,
# five numbers, position). The groups are bare ids.
_CHILDREN = ((2, 3, 4), (5, 6), (5, 6, 2), (5, 6, 7, 8, 2, 3, 9), 5)


def _child_rows(signal_ids: list[int]) -> Iterator[tuple[int, int, Any]]:
    """The indicators, notes, people, requests and groups of these signals, in one statement:
    (part, signal id, values) with each part's values in its model's order (``ordering``).
    Raw SQL, a UNION ALL: five ORM queries cost more to build than to run for the one signal a
    recompute after a change reads."""
    q = connection.ops.quote_name
    ids = ", ".join(["%s"] * len(signal_ids))
    # A NULL of each part lines up in type with the other parts' values (PostgreSQL resolves a
    # UNION's column types pairwise: two NULLs of unknown type would be text).
    t, n = "CAST(NULL AS TEXT)", "CAST(NULL AS BIGINT)"
    parts = (
        (SignalIndicator, f"k.code, k.weight_class, k.category, {n}, {n}, {n}, {n}, {n}, c.id"),
        (
            ContextNote,
            f"{t}, {t}, {t}, c.id, c.adjustment, {n}, {n}, {n}, "
            "ROW_NUMBER() OVER (ORDER BY c.created_at, c.id)",
        ),
        (SignalPerson, f"c.role, {t}, {t}, c.id, c.person_id, {n}, {n}, {n}, c.id"),
        (
            SignalRequest,
            f"c.size, c.outcome, {t}, c.id, c.requester_person_id, c.requester_group_id, "
            "c.target_person_id, c.replaces_id, c.id",
        ),
        (SignalGroup, f"{t}, {t}, {t}, c.group_id, {n}, {n}, {n}, {n}, c.id"),
    )
    indicators = q(Indicator._meta.db_table)
    sql = " UNION ALL ".join(
        f"SELECT {i}, c.signal_id, {columns} FROM {q(model._meta.db_table)} c "  # noqa: S608 - own tables
        + (f"JOIN {indicators} k ON k.id = c.indicator_id " if model is SignalIndicator else "")
        + f"WHERE c.signal_id IN ({ids})"
        for i, (model, columns) in enumerate(parts)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY 1, 11", signal_ids * len(parts))
        for row in cursor.fetchall():
            pick = _CHILDREN[row[0]]
            yield (
                row[0],
                row[1],
                row[pick] if isinstance(pick, int) else tuple(row[i] for i in pick),
            )


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
