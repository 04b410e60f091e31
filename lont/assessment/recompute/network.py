"""Network trend breaks: new contacts between rival or unconnected groups (or their members)
that a situation's signals show, against every earlier contact the network recorded."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, QuerySet

from lont import engine as e
from lont.signalregister.models import Signal as SignalRow
from lont.signalregister.models import (
    SignalGroup,
    SignalIndicator,
    SignalPerson,
)
from lont.subjects.choices import GroupRelationKind
from lont.subjects.models import GroupMembership, GroupRelation

from ..models import Situation
from .prepared import Record
from .register import COUNTING_ROLES, INTERACTION_INDICATORS, interaction_kind

_RELATION_RANK = {"rival": 0, "unconnected": 1, "connected": 2, "same": 3}


def group_relations(network_id: int) -> e.GroupRelations:
    """Rival pairs (a rivalry) and connected pairs (any other relation) of the network."""
    rivals: set[frozenset[str]] = set()
    connected: set[frozenset[str]] = set()
    rows = GroupRelation.objects.filter(network_id=network_id).values_list(
        "group_a_id", "group_b_id", "kind"
    )
    for a, b, kind in rows:
        pair = frozenset({f"g{a}", f"g{b}"})
        (rivals if kind == GroupRelationKind.RIVALRY else connected).add(pair)
    return e.GroupRelations(rivals=frozenset(rivals), connected=frozenset(connected - rivals))


def _member_groups(person_ids: set[int]) -> dict[int, list[tuple[int, date | None, date | None]]]:
    out: dict[int, list[tuple[int, date | None, date | None]]] = {}
    rows = GroupMembership.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "group_id", "since", "until"
    )
    for person_id, group_id, since, until in rows:
        out.setdefault(person_id, []).append((group_id, since, until))
    return out


@dataclass(frozen=True)
class Contact:
    """A signal that records an interaction: when, what kind, its groups and counting people."""

    signal_id: int
    observed_at: datetime
    kind: e.InteractionKind
    groups: tuple[int, ...]
    people: tuple[int, ...]


def interactions(contacts: Iterable[Contact], relations: e.GroupRelations) -> list[e.Interaction]:
    """The interactions the signal register records: a signal tagged ``online.rival_collaboration``
    or ``online.network_visible`` links every two groups it concerns, and every two people in it
    (involved or possible perpetrator only) who are members of different groups at that moment.
    A pair of people who share a group is no cross-group contact; a person in several groups is
    read as a member of the group that makes the contact most telling (rival, then unconnected).
    Refs: ``g<id>`` for a group, ``p<id>`` for a person; the ref is ``signal id/pair``."""
    contacts = sorted(contacts, key=lambda c: (c.observed_at, c.signal_id))
    if not contacts:
        return []
    memberships = _member_groups({p for c in contacts for p in c.people})
    out = []
    for c in contacts:
        day = c.observed_at.date()
        for g1, g2 in itertools.combinations(sorted(set(c.groups)), 2):
            a, b = e.Actor(f"g{g1}", f"g{g1}"), e.Actor(f"g{g2}", f"g{g2}")
            out.append(e.Interaction(f"{c.signal_id}/g{g1}-g{g2}", c.observed_at, a, b, c.kind))
        member_of = {
            person_id: sorted(
                {
                    g
                    for g, since, until in memberships.get(person_id, [])
                    if (since is None or since <= day) and (until is None or until >= day)
                }
            )
            for person_id in set(c.people)
        }
        for p1, p2 in itertools.combinations(sorted(member_of), 2):
            if not member_of[p1] or not member_of[p2] or set(member_of[p1]) & set(member_of[p2]):
                continue
            g1, g2 = min(
                itertools.product(member_of[p1], member_of[p2]),
                key=lambda gg: (_RELATION_RANK[relations.relation(f"g{gg[0]}", f"g{gg[1]}")], gg),
            )
            a, b = e.Actor(f"p{p1}", f"g{g1}"), e.Actor(f"p{p2}", f"g{g2}")
            out.append(e.Interaction(f"{c.signal_id}/p{p1}-p{p2}", c.observed_at, a, b, c.kind))
    return out


def _earlier_contacts(
    situation: Situation, own: list[Contact], now: datetime, params: e.EngineParameters
) -> list[Contact]:
    """Every other interaction signal in the network up to ``now`` about the groups or people
    (any role) of the situation's *recent* contacts: a link is only new when the network never saw
    the pair together before. A pair whose own contacts all lie before the recent period is not
    new whatever else is known, so only the recent contacts' groups and people are looked up.

    Ids first: the signals of those groups and people that are not linked to the situation (an
    anti-join: a large situation holds most of its groups' signals), then which of those few carry
    an interaction tag, then only those signals' own facts. Asking for the tag of every signal of
    the groups first costs an index probe per signal (or a hash of every tagged signal in the
    network) for signals the situation counts anyway."""
    network_id = situation.network_id
    recent_start = now - dt.timedelta(days=params.trend.recent_days)
    recent = [c for c in own if c.observed_at > recent_start]
    group_ids = {g for c in recent for g in c.groups}
    person_ids = {p for c in recent for p in c.people}
    if not group_ids and not person_ids:
        return []
    elsewhere = ~Exists(
        Situation.signals.through.objects.filter(
            situation_id=situation.pk, signal_id=OuterRef("signal_id")
        )
    )
    lookups: list[QuerySet[Any, int]] = []
    if group_ids:
        lookups.append(
            SignalGroup.objects.filter(group_id__in=group_ids)
            .filter(elsewhere)
            .order_by()
            .values_list("signal_id", flat=True)
        )
    if person_ids:
        lookups.append(
            SignalPerson.objects.filter(person_id__in=person_ids)
            .filter(elsewhere)
            .order_by()
            .values_list("signal_id", flat=True)
        )
    # One round trip for both (a UNION): each part keeps its own index lookups.
    candidates = set(lookups[0].union(*lookups[1:]))
    if not candidates:
        return []
    ids = set(
        SignalIndicator.objects.filter(
            signal_id__in=candidates,
            indicator__network_id=network_id,
            indicator__code__in=list(INTERACTION_INDICATORS),
        )
        .order_by()
        .values_list("signal_id", flat=True)
    )
    if not ids:
        return []
    rows = list(
        SignalRow.objects.filter(pk__in=ids, network_id=network_id, observed_at__lte=now)
        .only("pk", "observed_at", "description")
        .prefetch_related("indicators__indicator")
    )
    if not rows:
        return []
    found = [r.pk for r in rows]
    groups: dict[int, list[int]] = {}
    for signal_id, group_id in SignalGroup.objects.filter(signal_id__in=found).values_list(
        "signal_id", "group_id"
    ):
        groups.setdefault(signal_id, []).append(group_id)
    people: dict[int, set[int]] = {}
    for signal_id, person_id in SignalPerson.objects.filter(
        signal_id__in=found, role__in=COUNTING_ROLES, person__isnull=False
    ).values_list("signal_id", "person_id"):
        people.setdefault(signal_id, set()).add(person_id)
    out = []
    for row in rows:
        kind = interaction_kind(row.description, {i.indicator.code for i in row.indicators.all()})
        if kind is None:  # pragma: no cover - the lookup found it through an interaction tag
            continue
        out.append(
            Contact(
                row.pk,
                row.observed_at,
                kind,
                tuple(sorted(set(groups.get(row.pk, [])))),
                tuple(sorted(people.get(row.pk, set()))),
            )
        )
    return out


def network_breaks(
    situation: Situation, recs: list[Record], now: datetime, params: e.EngineParameters
) -> list[dict[str, Any]]:
    """New links between rival or unconnected groups (or their members) that the situation's
    signals show. The stored evidence names no one; pages render it per viewer from ``network``."""
    own = [
        Contact(
            r.signal_id,
            r.prepared.observed_at,
            e.InteractionKind(r.interaction),
            tuple(r.groups),
            tuple(r.people),
        )
        for r in recs
        if r.interaction is not None
    ]
    if not own:
        return []
    history = own + _earlier_contacts(situation, own, now, params)
    relations = group_relations(situation.network_id)
    own_ids = {r.signal_id for r in recs}
    out = []
    for change in e.network_changes(
        interactions(history, relations), relations, now=now, params=params
    ):
        signal_ids = sorted({int(ref.split("/")[0]) for ref in change.interaction_refs})
        if not own_ids & set(signal_ids):
            continue
        kinds_nl = ", ".join(e.InteractionKind(k).label_nl for k in change.kinds)
        relation_nl = "rivaliserende" if change.relation == "rival" else "niet-verbonden"
        who = "twee" if change.a_ref.startswith("g") else "leden van twee"
        zone = ZoneInfo(params.timezone)
        out.append(
            {
                "subject": "situation",
                "subject_ref": str(situation.pk),
                "kind": "network",
                "pair": f"{change.a_ref}-{change.b_ref}",
                "evidence_nl": (
                    f"Netwerkverandering: {who} {relation_nl} groepen hebben sinds "
                    f"{change.first_at.astimezone(zone):%d-%m-%Y} nieuw contact ({kinds_nl}; "
                    f"{len(change.interaction_refs)}×) en hadden eerder geen zulke band."
                ),
                "p_value": None,
                "at": now.isoformat(),
                "network": {
                    "actor": "group" if change.a_ref.startswith("g") else "person",
                    "a": int(change.a_ref[1:]),
                    "b": int(change.b_ref[1:]),
                    "a_group": int(change.a_group[1:]),
                    "b_group": int(change.b_group[1:]),
                    "relation": change.relation,
                    "kinds": list(change.kinds),
                    "count": len(change.interaction_refs),
                    "signals": signal_ids,
                    "first_at": change.first_at.isoformat(),
                },
            }
        )
    return out
