"""From models to engine inputs and back: the one place that knows both shapes.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q
from django.utils import timezone

from lont import engine as e
from lont.riskcalendar import selectors as calendar_selectors
from lont.signalregister.models import Signal as SignalRow
from lont.signalregister.models import SignalGroup, SignalPerson
from lont.subjects.choices import GroupRelationKind, Threat
from lont.subjects.models import GroupMembership, GroupRelation

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
            # An expired person (principle 9) keeps the role under a ref of its own.
            e.PersonLink(ref=str(p.person_id or f"verlopen-{p.pk}"), role=e.PersonRole(p.role))
            for p in row.people.all()
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


def calendar_windows(situation: Situation, now: datetime) -> tuple[e.CalendarWindow, ...]:
    """The risk-calendar windows (P6) open at ``now`` that touch the situation: linked to it,
    to one of its groups (or its rivalry's two groups), or to a person on its signals. Each adds
    the engine's window points, explained as "Open kalendervenster <id> (<soort>)"."""
    group_ids = set(situation.groups.values_list("pk", flat=True))
    if situation.rivalry is not None:
        group_ids |= {situation.rivalry.group_a_id, situation.rivalry.group_b_id}
    person_ids = set(
        SignalPerson.objects.filter(
            signal__situations=situation, role__in=COUNTING_ROLES, person__isnull=False
        ).values_list("person_id", flat=True)
    )
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


def structure_for(situation: Situation, now: datetime) -> e.Structure:
    windows = calendar_windows(situation, now)
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


def _interaction_kind(row: SignalRow, codes: set[str]) -> e.InteractionKind:
    if LIVE_WORDS.search(row.description or ""):
        return e.InteractionKind.LIVE
    if "online.rival_collaboration" in codes:
        return e.InteractionKind.COLLABORATION
    return e.InteractionKind.TAG


def _member_groups(person_ids: set[int]) -> dict[int, list[tuple[int, date | None, date | None]]]:
    out: dict[int, list[tuple[int, date | None, date | None]]] = {}
    rows = GroupMembership.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "group_id", "since", "until"
    )
    for person_id, group_id, since, until in rows:
        out.setdefault(person_id, []).append((group_id, since, until))
    return out


def interactions(rows: Iterable[SignalRow], relations: e.GroupRelations) -> list[e.Interaction]:
    """The interactions the signal register records: a signal tagged ``online.rival_collaboration``
    or ``online.network_visible`` links every two groups it concerns, and every two people in it
    (involved or possible perpetrator only) who are members of different groups at that moment.
    A pair of people who share a group is no cross-group contact; a person in several groups is
    read as a member of the group that makes the contact most telling (rival, then unconnected).
    Refs: ``g<id>`` for a group, ``p<id>`` for a person; the ref is ``signal id/pair``."""
    rows = [
        r
        for r in rows
        if {link.indicator.code for link in r.indicators.all()} & set(INTERACTION_INDICATORS)
    ]
    if not rows:
        return []
    ids = [r.pk for r in rows]
    groups: dict[int, list[int]] = {}
    for signal_id, group_id in SignalGroup.objects.filter(signal_id__in=ids).values_list(
        "signal_id", "group_id"
    ):
        groups.setdefault(signal_id, []).append(group_id)
    people: dict[int, set[int]] = {}
    for signal_id, person_id in SignalPerson.objects.filter(
        signal_id__in=ids, role__in=COUNTING_ROLES, person__isnull=False
    ).values_list("signal_id", "person_id"):
        people.setdefault(signal_id, set()).add(person_id)
    memberships = _member_groups(set().union(*people.values()) if people else set())
    out = []
    for row in sorted(rows, key=lambda r: (r.observed_at, r.pk)):
        codes = {link.indicator.code for link in row.indicators.all()}
        kind = _interaction_kind(row, codes)
        day = row.observed_at.date()
        for g1, g2 in itertools.combinations(sorted(set(groups.get(row.pk, []))), 2):
            a, b = e.Actor(f"g{g1}", f"g{g1}"), e.Actor(f"g{g2}", f"g{g2}")
            out.append(e.Interaction(f"{row.pk}/g{g1}-g{g2}", row.observed_at, a, b, kind))
        member_of = {
            person_id: sorted(
                {
                    g
                    for g, since, until in memberships.get(person_id, [])
                    if (since is None or since <= day) and (until is None or until >= day)
                }
            )
            for person_id in people.get(row.pk, set())
        }
        for p1, p2 in itertools.combinations(sorted(member_of), 2):
            if not member_of[p1] or not member_of[p2] or set(member_of[p1]) & set(member_of[p2]):
                continue
            g1, g2 = min(
                itertools.product(member_of[p1], member_of[p2]),
                key=lambda gg: (_RELATION_RANK[relations.relation(f"g{gg[0]}", f"g{gg[1]}")], gg),
            )
            a, b = e.Actor(f"p{p1}", f"g{g1}"), e.Actor(f"p{p2}", f"g{g2}")
            out.append(e.Interaction(f"{row.pk}/p{p1}-p{p2}", row.observed_at, a, b, kind))
    return out


def _interaction_history(rows: list[SignalRow], now: datetime, network_id: int) -> list[SignalRow]:
    """The situation's interaction signals and every earlier one in the network about the same
    groups or people: a link is only new when the network never saw the pair together before."""
    codes = list(INTERACTION_INDICATORS)
    own = [r for r in rows if {i.indicator.code for i in r.indicators.all()} & set(codes)]
    if not own:
        return []
    ids = [r.pk for r in own]
    group_ids = set(
        SignalGroup.objects.filter(signal_id__in=ids).values_list("group_id", flat=True)
    )
    person_ids = set(
        SignalPerson.objects.filter(signal_id__in=ids, role__in=COUNTING_ROLES).values_list(
            "person_id", flat=True
        )
    )
    others = (
        SignalRow.objects.filter(
            network_id=network_id,
            observed_at__lte=now,
            indicators__indicator__code__in=codes,
        )
        .filter(Q(groups__group_id__in=group_ids) | Q(people__person_id__in=person_ids))
        .exclude(pk__in=ids)
        .distinct()
        .prefetch_related("indicators__indicator")
    )
    return own + list(others)


def network_breaks(
    situation: Situation, rows: list[SignalRow], now: datetime, params: e.EngineParameters
) -> list[dict[str, Any]]:
    """New links between rival or unconnected groups (or their members) that the situation's
    signals show. The stored evidence names no one; pages render it per viewer from ``network``."""
    history = _interaction_history(rows, now, situation.network_id)
    if not history:
        return []
    relations = group_relations(situation.network_id)
    own = {r.pk for r in rows}
    out = []
    for change in e.network_changes(
        interactions(history, relations), relations, now=now, params=params
    ):
        signal_ids = sorted({int(ref.split("/")[0]) for ref in change.interaction_refs})
        if not own & set(signal_ids):
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
    out.extend(network_breaks(situation, rows, now, params))
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
