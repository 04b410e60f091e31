"""Writes of people, their group memberships and relations; principle 9 (expiry)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, InformationCategory
from lont.networks.models import Network

from ..choices import KEPT_APART, Involvement, MembershipBasis
from ..models import (
    GroupMembership,
    Person,
    PersonJustification,
    PersonRelation,
)
from ._common import (
    DEFAULT_IDENTIFYING_RETENTION_DAYS,
    _apply,
    _event,
    _require_full,
    _require_owner,
    _require_write,
    _same_network,
    _save,
)

# People -------------------------------------------------------------------------------------------


def default_review_date(network: Network, today: dt.date | None = None) -> dt.date:
    covenant = network.active_covenant()
    days = DEFAULT_IDENTIFYING_RETENTION_DAYS
    if covenant is not None:
        days = int(covenant.retention_days.get(InformationCategory.IDENTIFYING, days))
    return (today or timezone.localdate()) + dt.timedelta(days=days)


def _person_category(person: Person) -> str:
    # A tipster's existence is itself a tip: only partners with access to tips see the row.
    if person.involvement == Involvement.TIPSTER:
        return InformationCategory.TIP
    return InformationCategory.GROUP_ANALYSIS


@transaction.atomic
def person_create(*, viewer: Viewer, data: dict[str, Any]) -> Person:
    _require_write(viewer)
    person = Person(network=viewer.network, organisation=viewer.organisation)
    m2m = _apply(person, data)
    if not person.review_date:
        person.review_date = default_review_date(viewer.network)
    person.category = _person_category(person)
    _save(person)
    with system_context("the service replaces the many-to-many links it writes"):
        for name, value in m2m.items():
            getattr(person, name).set(value)
    _event("subjects.person_created", person, viewer)
    return person


@transaction.atomic
def person_update(*, viewer: Viewer, person: Person, data: dict[str, Any]) -> Person:
    _require_full(viewer, person)
    m2m = _apply(person, data)
    if person.involvement in KEPT_APART and person.group_memberships.exists():
        raise ValidationError(
            {
                "involvement": _(
                    "Deze persoon is lid van een groep; "
                    "slachtoffers en tipgevers blijven daar los van."
                )
            }
        )
    person.category = _person_category(person)
    _save(person)
    with system_context("the service replaces the many-to-many links it writes"):
        for name, value in m2m.items():
            getattr(person, name).set(value)
    return person


@transaction.atomic
def person_delete(*, viewer: Viewer, person: Person) -> None:
    _require_owner(viewer, person)
    _event("subjects.person_deleted", person, viewer)
    person.delete()


@transaction.atomic
def person_justify(
    *, viewer: Viewer, person: Person, reason: str, new_review_date: dt.date
) -> PersonJustification:
    """Principle 9: a person stays only while a member re-justifies keeping them."""
    _require_write(viewer)
    if access_for(viewer, person) < Access.SUMMARY:
        raise PermissionDenied
    today = timezone.localdate()
    limit = default_review_date(viewer.network, today)
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden om deze persoon te blijven volgen.")})
    if new_review_date <= today or new_review_date > limit:
        raise ValidationError(
            {
                "new_review_date": _("Kies een datum na vandaag en uiterlijk %(limit)s.")
                % {"limit": limit}
            }
        )
    justification = PersonJustification(
        network=viewer.network,
        organisation=viewer.organisation,
        person=person,
        by=viewer.user,
        reason=reason.strip(),
        new_review_date=new_review_date,
    )
    _save(justification)
    person.review_date = new_review_date
    _save(person)
    _event("subjects.person_justified", person, viewer, new_review_date=new_review_date.isoformat())
    return justification


def persons_expire(*, today: dt.date | None = None) -> dict[str, int]:
    """Delete every person whose review date has passed, with every link to them
    (``lont.subjects.expiry``): one transaction per person, so one problem never stops the rest.

    Returns and logs counts only — persons, failed, and rows per kind of link; the per-row delete
    entries of the change log hold ids only (``EXPIRING``).
    """
    from ..expiry import expire_due

    counts = expire_due(today or timezone.localdate())
    for key in ("persons", "failed"):
        counts.setdefault(key, 0)
    return counts


# Memberships and relations ------------------------------------------------------------------------


@transaction.atomic
def membership_create(*, viewer: Viewer, data: dict[str, Any]) -> GroupMembership:
    """Link a person to a group. Principle 9: never on family ties alone — the basis must be
    something the network observed or was told about this person, never "familie"."""
    _require_write(viewer)
    group, person = data.get("group"), data.get("person")
    _same_network(viewer, group, person)
    if (
        data.get("basis") in ("familie", "family")
        or data.get("basis") not in MembershipBasis.values
    ):
        raise ValidationError(
            {"basis": _("Een koppeling aan een groep vraagt een andere grond dan familiebanden.")}
        )
    if person is not None and person.involvement in KEPT_APART:
        raise ValidationError(
            {"person": _("Slachtoffers en tipgevers worden niet als groepslid vastgelegd.")}
        )
    for obj in (group, person):
        if obj is not None and access_for(viewer, obj) < Access.SUMMARY:
            raise PermissionDenied
    membership = GroupMembership(network=viewer.network, organisation=viewer.organisation)
    _apply(membership, data)
    _save(membership)
    _event("subjects.membership_created", membership, viewer, role=membership.role)
    return membership


@transaction.atomic
def membership_delete(*, viewer: Viewer, membership: GroupMembership) -> None:
    _require_owner(viewer, membership)
    membership.delete()


@transaction.atomic
def person_relation_create(*, viewer: Viewer, data: dict[str, Any]) -> PersonRelation:
    _require_write(viewer)
    _same_network(viewer, data.get("person_a"), data.get("person_b"))
    relation = PersonRelation(network=viewer.network, organisation=viewer.organisation)
    _apply(relation, data)
    _save(relation)
    _event("subjects.person_relation_created", relation, viewer, kind=relation.kind)
    return relation


@transaction.atomic
def person_relation_delete(*, viewer: Viewer, relation: PersonRelation) -> None:
    _require_owner(viewer, relation)
    relation.delete()
