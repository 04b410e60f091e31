"""Factories for the social map tests: contacts, groups, people and covenant levels."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from typing import Any

from django.test import Client

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory
from lont.networks.models import Network, Organisation
from lont.networks.services import covenant_change
from lont.socialmap.choices import PROFESSIONAL_KINDS, ContactKind
from lont.socialmap.models import Contact, ContactPersonLink, ContactReach
from lont.subjects.models import Group, GroupMembership, Person

_seq = itertools.count(1)


def contact_factory(
    organisation: Organisation, *, kind: str = ContactKind.CREDIBLE_MESSENGER, **fields: Any
) -> Contact:
    """A contact stored directly (the arrange step); the rules are tested through the services."""
    n = next(_seq)
    defaults: dict[str, Any] = {
        "name": f"Contact Voorbeeld {n}",
        "role": "Buurtvrijwilliger",
        "employer": "",
        "areas": ["Noorderhaven"],
        "languages": ["Nederlands"],
        "phone": f"06-0000{n:04d}",
        "email": f"contact{n}@voorbeeldstad.test",
    }
    if kind not in PROFESSIONAL_KINDS:
        defaults.update(consent_date=dt.date(2026, 1, 5), consent_scope="Bellen bij spanningen")
    defaults.update(fields)
    return Contact.objects.create(
        network=organisation.network, organisation=organisation, kind=kind, **defaults
    )


def group_factory(organisation: Organisation, name: str = "", **fields: Any) -> Group:
    return Group.objects.create(
        network=organisation.network,
        organisation=organisation,
        name=name or f"Groep {next(_seq)}",
        areas=fields.pop("areas", ["Noorderhaven"]),
        **fields,
    )


def person_factory(organisation: Organisation, alias: str = "", **fields: Any) -> Person:
    return Person.objects.create(
        network=organisation.network,
        organisation=organisation,
        alias=alias or f"Alias{next(_seq)}",
        review_date=fields.pop("review_date", dt.date(2030, 1, 1)),
        **fields,
    )


def membership_factory(group: Group, person: Person, role: str = "follower") -> GroupMembership:
    return GroupMembership.objects.create(
        network=group.network,
        organisation=group.organisation,
        group=group,
        person=person,
        role=role,
        basis="waarneming",
    )


def reach_factory(contact: Contact, group: Group, strength: str = "sterk") -> ContactReach:
    return ContactReach.objects.create(
        network=contact.network,
        organisation=contact.organisation,
        contact=contact,
        group=group,
        strength=strength,
        how="Kent de groep van het buurthuis",
    )


def link_factory(contact: Contact, person: Person, relation: str = "trainer") -> ContactPersonLink:
    return ContactPersonLink.objects.create(
        network=contact.network,
        organisation=contact.organisation,
        contact=contact,
        person=person,
        relation=relation,
    )


def set_access(director: Viewer, partner_type: str, level: Access, *, category: str = "") -> None:
    """A new covenant version giving ``partner_type`` this level for contacts (or ``category``)."""
    category = category or InformationCategory.CONTACTS.value
    assert director.covenant is not None
    sharing = {c: dict(row) for c, row in director.covenant.sharing.items()}
    sharing[category][partner_type] = int(level)
    covenant_change(viewer=director, reason="test", sharing=sharing)
    director.__dict__.pop("covenant", None)


def reauthenticated(client: Client) -> Client:
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    return client


def network_of(org: Organisation) -> Network:
    return org.network
