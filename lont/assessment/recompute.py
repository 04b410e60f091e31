"""From models to engine inputs and back: the one place that knows both shapes.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lont import engine as e
from lont.knowledge.models import Indicator
from lont.riskcalendar import selectors as calendar_selectors
from lont.signalregister.models import (
    ContextNote,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
    SignalRequest,
)
from lont.signalregister.models import Signal as SignalRow
from lont.subjects.choices import GroupRelationKind, Threat
from lont.subjects.models import GroupMembership, GroupRelation

from .lines import (
    SHOWN_CONTRIBUTIONS,
    SIGNAL_KINDS,
    TEXTLESS_KINDS,
    strongest,
    strongest_positions,
)
from .models import EngineParameterSet, PreparedContribution, SignalGeneration, Situation

HISTORY_LENGTH = 30
# The stored explanation's count of the signal lines it does not hold (``compute``); an
# explanation stored without it holds every line (``shown``, ``contributions``).
LEFT_OUT = "left_out"
# The key of a stored record whose signal was unlinked (``mark_unlinked``): never a current key.
UNLINKED = ""


def parameters_for(network_id: int, version: int | None = None) -> e.EngineParameters:
    """The network's parameters in force (newest version), or of ``version``; the engine's
    defaults when the network has none (of that version)."""
    rows = EngineParameterSet.objects.filter(network_id=network_id)
    if version is not None:
        rows = rows.filter(number=version)
    row = rows.order_by("-number").first()
    if row is None:
        return e.DEFAULT_PARAMETERS
    data = dict(row.data)
    data["version"] = row.number
    return e.EngineParameters.from_dict(data)


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


def _months_since(since: date | None, now: datetime) -> float:
    if since is None:
        return 0.0
    return max(0.0, (now.date() - since).days / 30.44)


# Indicators that make a signal an interaction between the groups (or the members of different
# groups) it concerns, and the kind of interaction they stand for. "Live" is read from the
# signal's description (the register has no field for it).
INTERACTION_INDICATORS = {
    "online.rival_collaboration": e.InteractionKind.COLLABORATION,
    "online.network_visible": e.InteractionKind.TAG,
}
LIVE_WORDS = re.compile(r"\blive\b|livestream|live-?sessie", re.IGNORECASE)
COUNTING_ROLES = tuple(r.value for r in e.PersonRole if r.counts)
_RELATION_RANK = {"rival": 0, "unconnected": 1, "connected": 2, "same": 3}


def _interaction_kind(description: str, codes: set[str]) -> e.InteractionKind | None:
    """The kind of interaction a signal records, or None when it records none."""
    if not codes & set(INTERACTION_INDICATORS):
        return None
    if LIVE_WORDS.search(description or ""):
        return e.InteractionKind.LIVE
    if "online.rival_collaboration" in codes:
        return e.InteractionKind.COLLABORATION
    return e.InteractionKind.TAG


# --- one linked signal as the recompute reads it (prepared once, stored, reused) ---------------


class Record(NamedTuple):
    """A linked signal prepared for the engine (``e.PreparedSignal``, valid at any ``now``) with
    what else the recompute reads of it: its groups, the known people in a counting role, its
    requests and the kind of interaction it records. Stored per situation as a
    ``PreparedContribution`` row, so a recompute reads only what changed from the register: the
    numbers and facts in ``data`` (``to_json``), the explanation's parts in ``text``
    (``text_json``), read back only for the lines that are formatted (``with_text``)."""

    signal_id: int
    prepared: e.PreparedSignal
    # Sequences: a record read back keeps the lists JSON gives (thousands of rows at each
    # recompute; copying them into tuples costs more than anything reads them for).
    groups: Sequence[int]
    people: Sequence[int]
    requests: Sequence[Sequence[str]]
    interaction: str | None

    def to_json(self) -> list[Any]:
        # The details (numbers for tests and debugging) are not stored: nothing reads them here.
        return [
            self.prepared._replace(details=None, reason_head="", summary_head="").to_row(),
            list(self.groups),
            list(self.people),
            [list(r) for r in self.requests],
            self.interaction,
        ]

    def text_json(self) -> list[str]:
        return [self.prepared.reason_head, self.prepared.summary_head]

    @classmethod
    def from_json(cls, signal_id: int, data: list[Any]) -> Record:
        prepared, groups, people, requests, interaction = data
        # ``_make``: a plain tuple build, read back for thousands of rows at every recompute.
        return cls._make(
            (signal_id, e.PreparedSignal.from_row(prepared), groups, people, requests, interaction)
        )

    def with_text(self, text: list[str]) -> Record:
        reason_head, summary_head = text
        prepared = self.prepared._replace(reason_head=reason_head, summary_head=summary_head)
        return self._replace(prepared=prepared)

    def request_records(self) -> list[e.RequestRecord]:
        at = self.prepared.observed_at
        return [
            e.RequestRecord(
                ref=ref,
                at=at,
                requester_ref=requester,
                target_ref=target,
                size=e.RequestSize(size),
                outcome=e.RequestOutcome(outcome),
                requester_group=group,
                replaces=replaces,
            )
            for ref, requester, target, size, outcome, group, replaces in self.requests
        ]


def record_of(row: SignalFacts, params: e.EngineParameters) -> Record:
    """Prepare one signal (read with ``signal_facts``)."""
    requests = []
    for pk, requester_person, requester_group, target, size, outcome, replaces in row.requests:
        requester = requester_person or (f"g{requester_group}" if requester_group else "")
        requests.append(
            (
                str(pk),
                str(requester),
                str(target or ""),
                str(size),
                str(outcome),
                str(requester_group or ""),
                str(replaces or ""),
            )
        )
    codes = {code for code, _weight, _category in row.indicators}
    kind = _interaction_kind(row.description, codes)
    return Record(
        signal_id=row.pk,
        prepared=e.prepare_signal(engine_signal(row), params),
        groups=tuple(sorted(set(row.groups))),
        people=tuple(
            sorted(
                {
                    person_id
                    for _pk, person_id, role in row.people
                    if role in COUNTING_ROLES and person_id is not None
                }
            )
        ),
        requests=tuple(requests),
        interaction=kind.value if kind is not None else None,
    )


def cache_key(network_id: int, params: e.EngineParameters) -> str:
    """What a prepared record depends on beyond the signal itself: the parameters in force, the
    network's indicator weights and categories, and the engine's row format (a row stored by an
    older engine is never read as a newer one). A record with another key is prepared again."""
    indicators = list(
        Indicator.objects.filter(network_id=network_id)
        .order_by("code")
        .values_list("code", "weight_class", "category")
    )
    text = json.dumps(
        [params.to_dict(), params.version, indicators, e.PREPARED_FORMAT], sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()


def records(
    situation: Situation, now: datetime, params: e.EngineParameters, *, reuse: bool = True
) -> list[Record]:
    """The situation's signals observed at or before ``now``, prepared. A stored record is
    reused (``reuse``) when it has the current key and its signal's generation; the others are
    prepared from the register and stored. Records read back from storage carry no text
    (``with_text``); fresh ones do.

    The generations are read before the register's rows: a change committed after this read
    raises the generation, so a record prepared from rows read after it is stored with the older
    generation and prepared again next time, never reused as if it were current."""
    key = cache_key(situation.network_id, params)
    # One statement: the links, their signals' generations and the stored data where it is
    # current (its key and its signal's generation) — one snapshot, read before the register's rows.
    linked: dict[int, int] = {}
    current: list[tuple[int, str]] = []
    unlinked: set[int] = set()
    for signal_id, generation, data in _linked_and_stored(situation.pk, key):
        if generation < 0:
            unlinked.add(signal_id)
            continue
        linked[signal_id] = generation
        if reuse and data is not None:
            current.append((signal_id, data))
    out: dict[int, Record] = {}
    if current:
        # One parse for all rows (``data`` is JSON text): thousands of small parses cost more.
        parsed = json.loads("[" + ",".join(data for _pk, data in current) + "]")
        out.update(
            (signal_id, Record.from_json(signal_id, data))
            for (signal_id, _stored), data in zip(current, parsed, strict=True)
        )
    missing = linked.keys() - out.keys()
    if missing:
        fresh = [record_of(row, params) for row in signal_facts(missing, now)]
        PreparedContribution.objects.bulk_create(
            [
                PreparedContribution(
                    situation_id=situation.pk,
                    signal_id=r.signal_id,
                    key=key,
                    generation=linked[r.signal_id],
                    data=json.dumps(r.to_json(), separators=(",", ":")),
                    text=r.text_json(),
                )
                for r in sorted(fresh, key=lambda r: r.signal_id)
            ],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["situation", "signal"],
            update_fields=["key", "generation", "data", "text"],
        )
        out.update((r.signal_id, r) for r in fresh)
    # The records of signals unlinked since the last recompute go with the explanation they
    # counted (a signal linked again meanwhile was prepared again above).
    gone = unlinked - linked.keys()
    if gone:
        PreparedContribution.objects.filter(situation_id=situation.pk, signal_id__in=gone).delete()
    return [out[pk] for pk in sorted(out) if out[pk].prepared.observed_at <= now]


def _linked_and_stored(situation_id: int, key: str) -> list[tuple[int, int, str | None]]:
    """Each signal linked to the situation with its generation (0 without a row) and its stored
    data when that is current: stored with ``key`` at this generation (else None); and each
    signal whose record is marked unlinked (``UNLINKED``) with generation -1 (a partial index
    finds those few). Raw SQL: read for thousands of rows at every recompute, where the ORM's
    per-row work costs more than the query."""
    q = connection.ops.quote_name
    links = q(Situation.signals.through._meta.db_table)
    generations = q(SignalGeneration._meta.db_table)
    stored = q(PreparedContribution._meta.db_table)
    sql = (
        f"SELECT l.signal_id, COALESCE(g.generation, 0), p.data FROM {links} l "  # noqa: S608 - own tables
        f"LEFT JOIN {generations} g ON g.signal_id = l.signal_id "
        f"LEFT JOIN {stored} p ON p.situation_id = l.situation_id AND p.signal_id = l.signal_id "
        "AND p.key = %s AND p.generation = COALESCE(g.generation, 0) "
        "WHERE l.situation_id = %s "
        f"UNION ALL SELECT u.signal_id, -1, NULL FROM {stored} u "
        "WHERE u.situation_id = %s AND u.key = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, situation_id, situation_id, UNLINKED])
        return cursor.fetchall()


def mark_unlinked(*, signal_ids: Iterable[int], situation_id: int | None = None) -> None:
    """Mark the stored records of these signals (in every situation, or in one) as unlinked:
    no recompute reuses them, the next recompute of their situation drops them, and until then
    they rebuild the lines of the explanation that counted them (``explained``)."""
    rows = PreparedContribution.objects.filter(signal_id__in=list(signal_ids))
    if situation_id is not None:
        rows = rows.filter(situation_id=situation_id)
    rows.update(key=UNLINKED)


def signal_changed(signal_id: int) -> None:
    """Count one change of the signal (or a part of it): its stored records are stale from now
    on, in every situation (``records`` compares the generation). One statement."""
    table = SignalGeneration._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (signal_id, generation) VALUES (%s, 1) "  # noqa: S608 - own table
            f"ON CONFLICT (signal_id) DO UPDATE SET generation = {table}.generation + 1",
            [signal_id],
        )


# --- structure -----------------------------------------------------------------------------------


def calendar_windows(
    situation: Situation, now: datetime, person_ids: set[int]
) -> tuple[e.CalendarWindow, ...]:
    """The risk-calendar windows (P6) open at ``now`` that touch the situation: linked to it,
    to one of its groups (or its rivalry's two groups), or to a person on its signals (a known
    person in a counting role). Each adds the engine's window points, explained as
    "Open kalendervenster <id> (<soort>)"."""
    # The link table only (no join to the groups, no ordering by their names).
    group_ids = set(
        Situation.groups.through.objects.filter(situation_id=situation.pk).values_list(
            "group_id", flat=True
        )
    )
    if situation.rivalry is not None:
        group_ids |= {situation.rivalry.group_a_id, situation.rivalry.group_b_id}
    day = timezone.localdate(now)
    return tuple(
        e.CalendarWindow(ref=str(pk), kind=label)
        for pk, label in calendar_selectors.open_windows(
            network_id=situation.network_id,
            on=day,
            situation_id=situation.pk,
            group_ids=group_ids,
            person_ids=person_ids,
        )
    )


def structure_for(situation: Situation, now: datetime, person_ids: set[int]) -> e.Structure:
    windows = calendar_windows(situation, now, person_ids)
    rivalry = situation.rivalry
    if rivalry is None:
        return e.Structure(open_windows=windows)
    symbolic = {Threat.SYMBOLIC, Threat.BOTH}
    return e.Structure(
        conflict_history_months=_months_since(rivalry.since, now),
        symbolic_threat=rivalry.threat_a in symbolic or rivalry.threat_b in symbolic,
        open_windows=windows,
        rivalry_ref=str(rivalry.pk),
    )


# --- network trend breaks ------------------------------------------------------------------------


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
        kind = _interaction_kind(row.description, {i.indicator.code for i in row.indicators.all()})
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
    # The prepared signals are the trend points (they hold the three facts the tests read).
    report = e.trend_report(
        f"situatie {situation.pk}", [r.prepared for r in recs], now=now, params=params
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
    for r in recs:
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
    kept, left_out = strongest_positions(
        ((c.kind, round(c.amount, 4)) for c in found), SHOWN_CONTRIBUTIONS
    )
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


def shown(situation: Situation) -> tuple[list[dict[str, Any]], int]:
    """The lines the situation page shows (see ``compute``), with how many signal lines it
    leaves out ("Alle bijdragen" lists them)."""
    explanation = situation.explanation
    if LEFT_OUT in explanation:
        return list(explanation.get("contributions", [])), int(explanation[LEFT_OUT])
    # An explanation stored before only the shown lines were: every line, some as numbers only.
    return strongest(explanation.get("contributions", []), SHOWN_CONTRIBUTIONS)


def contributions(situation: Situation) -> list[dict[str, Any]]:
    """Every line of the situation's explanation in the engine's order: the stored (shown)
    ones with their text, the others rebuilt from the stored records as kind, ref and amount
    (an acute rule's line with its text) — a page of them is formatted with ``explained``."""
    explanation = situation.explanation
    stored = list(explanation.get("contributions", []))
    if not explanation.get(LEFT_OUT):
        return stored
    known = {(c["kind"], c["ref"]): c for c in stored}
    rebuilt = [
        known.get((c.kind, c.ref))
        or (
            {"kind": c.kind, "ref": c.ref, "amount": round(c.amount, 4)}
            if c.kind in TEXTLESS_KINDS
            else contribution_dict(c)
        )
        for c in _rebuilt_signal_lines(situation, explain=False)
    ]
    return _merged(rebuilt, stored)


def explained(
    situation: Situation, contributions: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Every line of the situation's explanation (or the given ones, e.g. a page of
    ``contributions``), each with its text. The lines the recompute did not store are rebuilt
    from the signals' stored records at the moment the situation was computed, with the
    parameters it was computed with: the lines the recompute would have stored. The records are
    written in the transaction that stores the explanation (and an unlinked signal's stays until
    the next recompute), so they are the ones it counted. A deleted signal's record goes with it:
    until the recompute that follows, its line is left out of the rebuilt lines (a line of an
    explanation stored with every line says instead that its explanation follows)."""
    if contributions is None:
        explanation = situation.explanation
        stored = list(explanation.get("contributions", []))
        if explanation.get(LEFT_OUT):
            signal_lines = _rebuilt_signal_lines(situation, explain=True)
            return _merged([contribution_dict(c) for c in signal_lines], stored)
        contributions = stored
    missing = {int(c["ref"]) for c in contributions if "reason_nl" not in c and c["ref"].isdigit()}
    if not missing or situation.computed_at is None:
        return [_with_text(c, {}) for c in contributions]
    params = _parameters_of(situation)
    rows = PreparedContribution.objects.filter(
        situation_id=situation.pk, signal_id__in=missing
    ).values_list("signal_id", "data", "text")
    formatted = {}
    for signal_id, data, text in rows:
        rec = Record.from_json(signal_id, json.loads(data)).with_text(text)
        c = e.contribution_at(rec.prepared, params, now=situation.computed_at)
        if c is not None:
            formatted[rec.prepared.ref] = contribution_dict(c)
    return [_with_text(c, formatted) for c in contributions]


def _parameters_of(situation: Situation) -> e.EngineParameters:
    """The parameters the situation's stored explanation was computed with."""
    return parameters_for(situation.network_id, situation.explanation.get("parameters_version"))


def _rebuilt_signal_lines(situation: Situation, *, explain: bool) -> list[e.Contribution]:
    """The signal lines of the situation's stored explanation, rebuilt from its stored records
    at ``computed_at`` in the engine's order (``explain``: with their text)."""
    if situation.computed_at is None:
        return []
    fields = ("signal_id", "data", "text") if explain else ("signal_id", "data")
    rows = list(PreparedContribution.objects.filter(situation_id=situation.pk).values_list(*fields))
    parsed = json.loads("[" + ",".join(row[1] for row in rows) + "]")
    prepared = []
    for row, data in zip(rows, parsed, strict=True):
        rec = Record.from_json(row[0], data)
        prepared.append(rec.with_text(row[2]).prepared if explain else rec.prepared)
    return e.signal_lines(
        prepared, _parameters_of(situation), now=situation.computed_at, explain=explain
    )


def _merged(
    signal_lines: list[dict[str, Any]], stored: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rebuilt signal lines and the stored lines that are not a signal's (structure,
    drill), in the engine's order: by kind first (a stable sort keeps each kind's order)."""
    others = [c for c in stored if c["kind"] not in SIGNAL_KINDS]
    return sorted([*signal_lines, *others], key=lambda c: e.line_rank(c["kind"]))


def _with_text(line: dict[str, Any], formatted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if "reason_nl" in line:
        return line
    found = formatted.get(line["ref"])
    if found is not None and found["kind"] == line["kind"] and found["amount"] == line["amount"]:
        return found
    text = _("Bijdrage van dit signaal; de uitleg volgt bij de volgende berekening.")
    return {**line, "reason_nl": text, "summary_nl": text}
