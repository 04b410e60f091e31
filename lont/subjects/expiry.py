"""Principle 9 that cannot fail: when a person expires, every link to them goes too.

Every relation that points at ``Person`` is found from the model's meta (hidden ones included,
many-to-many through tables too), so a link added later is covered without anyone remembering
it. Each relation has a rule, declared by the app that owns the linking model (``register``):

- ``DELETE``: the linking rows are deleted (a membership, a relation, an order about the person);
- ``PLACEHOLDER``: the link is emptied and the row kept, so a record stays meaningful without the
  person ("an expired person, possible perpetrator" on a signal).

A relation nobody declared gets the safe default (emptied when nullable, otherwise deleted) and a
warning in the log; ``tests/subjects`` asserts that every relation has a declared rule. Hooks clean
traces that are no foreign key (e.g. in-app notifications that name the person).

Each person expires in their own transaction: one failure is logged (person id and error type,
never content) and counted, and the others continue.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from django.db import models, transaction
from django.db.models import ForeignObjectRel

from lont.audit.events import record_event
from lont.networks.models import Network

from .models import Person
from .models.people import EXPIRING

logger = logging.getLogger(__name__)

DELETE = "delete"
PLACEHOLDER = "placeholder"

# (label of the linking model, field pointing at Person) → (rule, fields emptied with the link)
_RULES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
_HOOKS: dict[str, Callable[[Person], int]] = {}


def register(model: str, field: str, rule: str, *, also_clear: tuple[str, ...] = ()) -> None:
    """Declare what expiry does with ``model.field`` (``"app.Model"``): ``DELETE`` the rows or
    keep them as a ``PLACEHOLDER`` (the link emptied, and ``also_clear`` text fields blanked)."""
    if rule not in (DELETE, PLACEHOLDER):
        raise ValueError(rule)
    _RULES[(model, field)] = (rule, also_clear)


def register_hook(kind: str, hook: Callable[[Person], int]) -> None:
    """A cleaner for traces that are no foreign key; returns how many it removed."""
    _HOOKS[kind] = hook


def person_links() -> list[tuple[type[models.Model], str]]:
    """Every (model, field) that points at Person: reverse foreign keys, hidden ones (related
    name "+") and the through tables of many-to-many fields included."""
    links: list[tuple[type[models.Model], str]] = []
    for rel in Person._meta.get_fields(include_hidden=True):
        if not isinstance(rel, ForeignObjectRel) or rel.many_to_many:
            continue  # a many-to-many is covered by its through table's foreign key
        links.append((rel.related_model, rel.field.name))
    for field in Person._meta.many_to_many:  # Person's own many-to-many (through → person)
        through = field.remote_field.through
        if through is not None:
            links.append((through, field.m2m_field_name()))
    return sorted(set(links), key=lambda link: (link[0]._meta.label, link[1]))


def undeclared() -> list[str]:
    return [
        f"{model._meta.label}.{name}"
        for model, name in person_links()
        if (model._meta.label, name) not in _RULES
    ]


def _rule_for(model: type[models.Model], name: str) -> tuple[str, tuple[str, ...]]:
    declared = _RULES.get((model._meta.label, name))
    if declared is not None:
        return declared
    logger.warning("expiry: no rule declared for %s.%s; default used", model._meta.label, name)
    return (PLACEHOLDER if model._meta.get_field(name).null else DELETE), ()


def _apply(model: type[models.Model], name: str, person: Person) -> int:
    rule, also_clear = _rule_for(model, name)
    rows = list(model._base_manager.filter(**{name: person}))
    for row in rows:
        if rule == DELETE:
            row.delete()
        else:
            setattr(row, name, None)
            for extra in also_clear:
                setattr(row, extra, "")
            row.save(update_fields=[name, *also_clear])
    return len(rows)


def expire_person(person: Person) -> Counter[str]:
    """Remove one person and every link to them; counts per kind of link (no content)."""
    counts: Counter[str] = Counter()
    token = EXPIRING.set(True)
    try:
        for kind, hook in _HOOKS.items():
            counts[kind] += hook(person)
        for model, name in person_links():
            counts[f"{model._meta.label}.{name}"] += _apply(model, name, person)
        person.delete()
        counts["persons"] += 1
    finally:
        EXPIRING.reset(token)
    return +counts  # zero counts left out


def expire_due(today: Any) -> dict[str, int]:
    """Expire every person whose review date has passed, each in their own transaction."""
    due = list(
        Person._base_manager.filter(review_date__lt=today)
        .order_by("network_id", "pk")
        .values_list("pk", "network_id")
    )
    per_network: dict[int, Counter[str]] = defaultdict(Counter)
    for pk, network_id in due:
        try:
            with transaction.atomic():
                # Locked and re-checked: a member may have re-justified the person meanwhile.
                person = (
                    Person._base_manager.select_for_update()
                    .filter(pk=pk, review_date__lt=today)
                    .first()
                )
                if person is None:
                    continue
                per_network[network_id].update(expire_person(person))
        except Exception as error:  # one person's problem never stops the others
            logger.error("expiry of person #%s failed: %s", pk, type(error).__name__)
            per_network[network_id]["failed"] += 1
    totals: Counter[str] = Counter()
    for network_id, counts in per_network.items():
        network = Network.objects.get(pk=network_id)
        record_event(
            event="subjects.persons_expired", obj=network, network=network, details=dict(counts)
        )
        logger.info("expiry in network #%s: %s", network_id, dict(sorted(counts.items())))
        totals.update(counts)
    return dict(totals)


# The subjects app's own links.
for _model, _field in (
    ("subjects.PersonJustification", "person"),
    ("subjects.GroupMembership", "person"),
    ("subjects.PersonRelation", "person_a"),
    ("subjects.PersonRelation", "person_b"),
    ("subjects.GroupAssessment_prototypical_members", "person"),
    ("subjects.GroupAssessment_credible_messengers", "person"),
    ("subjects.Person_contact_professionals", "person"),
):
    register(_model, _field, DELETE)
