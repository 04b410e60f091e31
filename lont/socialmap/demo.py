"""Demo social map for Voorbeeldstad Noord: 40 invented contacts, linked to the demo groups.

Everything is fictional (names, numbers, accounts). Idempotent: a contact is looked up by name in
the network and created only when missing; reach is set only when the group exists (the subjects
demo loader runs first; a missing group is skipped).
"""

from __future__ import annotations

from typing import Any

from lont.core.viewer import Viewer
from lont.networks.choices import Role
from lont.networks.models import Membership
from lont.subjects.models import Group, Person

from . import services
from .choices import PROFESSIONAL_KINDS
from .demo_data import CONTACTS, NETWORK, PERSON_LINKS, SCOPE
from .models import Contact, ContactPersonLink, ContactReach


def _viewer(network: Any, organisation: str) -> Viewer | None:
    memberships = Membership.objects.filter(
        network=network, organisation__name=organisation, is_active=True
    ).select_related("network", "organisation", "user")
    chosen = (
        memberships.filter(role=Role.PROFESSIONAL).first()
        or memberships.filter(role__in=[Role.DIRECTOR, Role.COORDINATOR]).first()
    )
    return Viewer(chosen) if chosen else None


def _phone(index: int) -> str:
    return f"06-0000{index:04d}"  # 06-0000xxxx: not a number anyone holds


def load_demo(networks: dict[str, Any]) -> None:
    network = networks.get(NETWORK)
    if network is None:
        return
    groups = {g.name: g for g in Group.objects.filter(network=network)}
    persons = {p.alias: p for p in Person.objects.filter(network=network)}
    for index, item in enumerate(CONTACTS, start=1):
        viewer = _viewer(network, item.recorded_by)
        if viewer is None:
            continue
        contact = Contact.objects.filter(network=network, name=item.name).first()
        if contact is None:
            member = (
                Membership.objects.filter(network=network, user__email=item.member_email).first()
                if item.member_email
                else None
            )
            non_professional = item.kind not in PROFESSIONAL_KINDS
            contact = services.contact_create(
                viewer=viewer,
                kind=item.kind,
                name=item.name,
                role=item.role,
                employer=item.employer,
                areas=list(item.areas),
                languages=list(item.languages),
                out_of_hours=item.out_of_hours,
                availability=item.availability,
                handles=dict(item.handles),
                followers=dict(item.followers),
                phone=_phone(index),
                email=f"contact{index:02d}@sociale-kaart.voorbeeldstad.test",
                member=member,
                consent_date=item.consent if non_professional else None,
                consent_scope=SCOPE if non_professional else "",
            )
        for group_name, strength, how in item.reach:
            group = groups.get(group_name)
            if group is None or ContactReach.objects.filter(contact=contact, group=group).exists():
                continue
            services.reach_set(
                viewer=viewer, contact=contact, group=group, strength=strength, how=how
            )
        for alias, relation in PERSON_LINKS.get(item.name, ()):
            person = persons.get(alias)
            if (
                person is None
                or ContactPersonLink.objects.filter(contact=contact, person=person).exists()
            ):
                continue
            services.person_link_add(
                viewer=viewer, contact=contact, person=person, relation=relation
            )
