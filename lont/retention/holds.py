"""Legal hold: what must stay although its retention has passed.

Hold *providers* return the keys (model label, primary key) they hold in a network on a day. The
privacy officer's and director's holds are one provider; prosecutor orders another (they hold the
person and the signals they cover while valid); an incident app adds its own with
:func:`register_provider` (an active incident holds its rows). A hold on a scope — a group, a
person, a situation — also holds the signals linked to it (and, through them, their rows).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from lont.networks.models import Network

Key = tuple[str, int]
HoldProvider = Callable[[Network, dt.date], Iterable[Key]]

_PROVIDERS: dict[str, HoldProvider] = {}
SIGNAL = "signalregister.Signal"


def register_provider(name: str, provider: HoldProvider) -> None:
    _PROVIDERS[name] = provider


def held_keys(network: Network, today: dt.date) -> dict[str, set[int]]:
    """Every held primary key per model label, from all providers."""
    held: dict[str, set[int]] = defaultdict(set)
    for provider in _PROVIDERS.values():
        for label, pk in provider(network, today):
            held[label].add(pk)
    return held


def held_persons(network_id: int, today: dt.date) -> set[int]:
    """Person ids held in a network (for ``lont.subjects.expiry``)."""
    network = Network.objects.get(pk=network_id)
    return held_keys(network, today).get("subjects.Person", set())


# --- scopes: what a hold on an object holds besides the object itself


def _signals_of_people(ids: set[int]) -> Iterable[Key]:
    from lont.signalregister.models import SignalPerson

    rows = SignalPerson.objects.filter(person_id__in=ids).values_list("signal_id", flat=True)
    return ((SIGNAL, pk) for pk in rows)


def _signals_of_groups(ids: set[int]) -> Iterable[Key]:
    from lont.signalregister.models import SignalGroup

    rows = SignalGroup.objects.filter(group_id__in=ids).values_list("signal_id", flat=True)
    return ((SIGNAL, pk) for pk in rows)


def _parts_of_situations(ids: set[int]) -> Iterable[Key]:
    from lont.assessment.models import Situation

    for pk in Situation.signals.through.objects.filter(situation_id__in=ids).values_list(
        "signal_id", flat=True
    ):
        yield (SIGNAL, pk)
    for pk in Situation.groups.through.objects.filter(situation_id__in=ids).values_list(
        "group_id", flat=True
    ):
        yield ("subjects.Group", pk)


SCOPES: dict[str, Callable[[set[int]], Iterable[Key]]] = {
    "subjects.Person": _signals_of_people,
    "subjects.Group": _signals_of_groups,
    "assessment.Situation": _parts_of_situations,
}


def expand(keys: Iterable[Key]) -> set[Key]:
    keys = set(keys)
    by_label: dict[str, set[int]] = defaultdict(set)
    for label, pk in keys:
        by_label[label].add(pk)
    for label, ids in by_label.items():
        if label in SCOPES:
            keys.update(SCOPES[label](ids))
    return keys


# --- the two providers built in


def legal_holds(network: Network, today: dt.date) -> Iterable[Key]:
    from django.contrib.contenttypes.models import ContentType

    from .models import LegalHold

    rows = LegalHold.objects.active(today).filter(network=network)
    pairs = list(rows.values_list("content_type_id", "object_id"))
    labels = {
        ct: ContentType.objects.get_for_id(ct).model_class()._meta.label  # type: ignore[union-attr]
        for ct in {ct for ct, _pk in pairs}
    }
    return expand((labels[ct], int(pk)) for ct, pk in pairs)


def prosecutor_orders(network: Network, today: dt.date) -> Iterable[Key]:
    """A valid order holds itself, its person and the recording organisation's signals about them."""
    from django.db.models import Q

    from lont.signalregister.models import ProsecutorOrder, SignalPerson

    orders = list(
        ProsecutorOrder.objects.filter(network=network)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .values_list("pk", "person_id", "organisation_id")
    )
    keys: set[Key] = set()
    for pk, person_id, organisation_id in orders:
        keys.add(("signalregister.ProsecutorOrder", pk))
        keys.add(("subjects.Person", person_id))
        signals = SignalPerson.objects.filter(
            person_id=person_id, signal__organisation_id=organisation_id
        ).values_list("signal_id", flat=True)
        keys.update((SIGNAL, signal_id) for signal_id in signals)
    return keys


def open_incidents(network: Network, today: dt.date) -> Iterable[Key]:
    """An incident that is not *gesloten* holds itself, every row beside it, and what it was
    opened from: its situation, signal and groups (and, through them, their signals)."""
    from lont.crisis.choices import IncidentState
    from lont.crisis.models import (
        EscalationReading,
        Incident,
        IncidentLogEntry,
        IncidentMessage,
        IncidentPerson,
        IncidentTask,
        PostReport,
        ReportedPost,
        TacticCheck,
    )

    rows = list(
        Incident.objects.filter(network=network)
        .exclude(state=IncidentState.CLOSED)
        .values_list("pk", "situation_id", "signal_id")
    )
    ids = {pk for pk, _situation, _signal in rows}
    keys: set[Key] = {("crisis.Incident", pk) for pk in ids}
    keys.update(("assessment.Situation", pk) for _i, pk, _s in rows if pk)
    keys.update((SIGNAL, pk) for _i, _s, pk in rows if pk)
    children = (
        IncidentLogEntry,
        IncidentTask,
        IncidentMessage,
        ReportedPost,
        IncidentPerson,
        EscalationReading,
        TacticCheck,
    )
    for model in children:
        keys.update(
            (model._meta.label, pk)
            for pk in model.objects.filter(incident_id__in=ids).values_list("pk", flat=True)
        )
    keys.update(
        ("crisis.PostReport", pk)
        for pk in PostReport.objects.filter(post__incident_id__in=ids).values_list("pk", flat=True)
    )
    people = IncidentPerson.objects.filter(incident_id__in=ids).values_list("person_id", flat=True)
    keys.update(("subjects.Person", pk) for pk in people)
    groups = Incident.groups.through.objects.filter(incident_id__in=ids)
    keys.update(("subjects.Group", pk) for pk in groups.values_list("group_id", flat=True))
    return expand(keys)


register_provider("legal_hold", legal_holds)
register_provider("prosecutor_order", prosecutor_orders)
register_provider("incident", open_incidents)
