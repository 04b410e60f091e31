"""The demo social map: 40 fictional contacts in Voorbeeldstad Noord, linked to the demo groups,
private persons only with consent; loading twice changes nothing."""

from __future__ import annotations

import pytest

from lont.networks.demo import load_demo
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact, ContactPersonLink, ContactReach

pytestmark = pytest.mark.django_db


def test_demo_is_complete_and_idempotent():
    load_demo()
    counts = (
        Contact.objects.count(),
        ContactReach.objects.count(),
        ContactPersonLink.objects.count(),
    )
    load_demo()
    assert (
        Contact.objects.count(),
        ContactReach.objects.count(),
        ContactPersonLink.objects.count(),
    ) == counts
    contacts = Contact.objects.filter(network__slug="voorbeeldstad-noord")
    assert contacts.count() == 40
    kinds = set(contacts.values_list("kind", flat=True))
    assert {
        ContactKind.CREDIBLE_MESSENGER,
        ContactKind.KEY_FIGURE,
        ContactKind.INFLUENCER,
        ContactKind.PARENT,
        ContactKind.SPORTS_COACH,
        ContactKind.SHOP_OWNER,
        ContactKind.FAITH_LEADER,
    } <= kinds
    for contact in contacts:
        if not contact.is_professional:
            assert contact.consent_date and contact.consent_scope
        assert contact.email.endswith(".test")
    # Linked to the subjects demo groups when those exist (they are loaded first)
    from lont.subjects.models import Group

    if Group.objects.filter(network__slug="voorbeeldstad-noord").exists():
        assert ContactReach.objects.count() >= 20
