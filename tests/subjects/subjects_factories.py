"""Factories for the subjects tests: groups, people, relations and covenant levels.

Named ``subjects_factories`` (not ``factories``) so it never shadows ``tests/factories.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from lont.networks.choices import Access
from lont.networks.models import Network, Organisation
from lont.networks.services import covenant_version_create, default_covenant_content
from lont.subjects.choices import GroupRelationKind, MemberRole, MembershipBasis
from lont.subjects.models import (
    ConflictEvent,
    Group,
    GroupMembership,
    GroupRelation,
    Person,
    PersonRelation,
)

_seq = itertools.count(1)
REAL_NAME = "Jayden Verzonnenberg"  # invented; the tests look for it where it must never appear


def set_access(network: Network, levels: dict[tuple[str, str], Access]) -> None:
    """A new covenant version with ``(category, partner type) -> level`` changed."""
    content = default_covenant_content()
    current = network.active_covenant()
    if current is not None:
        content["sharing"] = {k: dict(v) for k, v in current.sharing.items()}
    for (category, partner_type), level in levels.items():
        content["sharing"][str(category)][str(partner_type)] = int(level)
    covenant_version_create(
        network=network,
        actor=None,
        reason="Test",
        content=content,
        director_organisation=current.director_organisation if current else None,
    )


def group_factory(organisation: Organisation, name: str = "", **fields: Any) -> Group:
    fields.setdefault("areas", ["Noorderhaven"])
    return Group.objects.create(
        network=organisation.network,
        organisation=organisation,
        name=name or f"Groep {next(_seq)}",
        **fields,
    )


def person_factory(organisation: Organisation, alias: str = "", **fields: Any) -> Person:
    fields.setdefault("review_date", dt.date.today() + dt.timedelta(days=365))
    fields.setdefault("real_name", REAL_NAME)
    return Person.objects.create(
        network=organisation.network,
        organisation=organisation,
        alias=alias or f"Alias{next(_seq)}",
        **fields,
    )


def membership_factory(group: Group, person: Person, **fields: Any) -> GroupMembership:
    fields.setdefault("role", MemberRole.FOLLOWER)
    fields.setdefault("basis", MembershipBasis.OBSERVED)
    return GroupMembership.objects.create(
        network=group.network,
        organisation=fields.pop("organisation", group.organisation),
        group=group,
        person=person,
        **fields,
    )


def person_relation_factory(
    a: Person, b: Person, kind: str = "vrienden", **fields: Any
) -> PersonRelation:
    return PersonRelation.objects.create(
        network=a.network,
        organisation=fields.pop("organisation", a.organisation),
        person_a=a,
        person_b=b,
        kind=kind,
        **fields,
    )


def group_relation_factory(
    a: Group, b: Group, kind: str = GroupRelationKind.RIVALRY, **fields: Any
) -> GroupRelation:
    return GroupRelation.objects.create(
        network=a.network,
        organisation=fields.pop("organisation", a.organisation),
        group_a=a,
        group_b=b,
        kind=kind,
        **fields,
    )


def conflict_event_factory(relation: GroupRelation, **fields: Any) -> ConflictEvent:
    fields.setdefault("date", dt.date(2025, 5, 1))
    fields.setdefault("description", "Diss-track over en weer.")
    return ConflictEvent.objects.create(
        network=relation.network, organisation=relation.organisation, relation=relation, **fields
    )
