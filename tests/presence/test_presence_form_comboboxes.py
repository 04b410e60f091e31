"""The activity form chooses its group by typing (the combobox), not from a select of every group
the reader sees in full: the page is as large at fifty groups as at five; a group read only as a
summary is neither offered nor accepted (refused like an unknown id); the form still saves."""

from __future__ import annotations

import pytest
from combobox_support import assert_flat, assert_refused_alike, options
from django.urls import reverse
from subjects.subjects_factories import group_factory, set_access

from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.presence.models import PositiveActivity

pytestmark = pytest.mark.django_db

# Measured (warm): 6; the same at 5 and at 50 groups.
FORM_MAX_QUERIES = 6
ACTIVITY = {
    "title": "Studiomiddag",
    "kind": "studio",
    "planned_on": "2026-12-20",
    "channel": "offline",
}


@pytest.fixture
def world(make_member, network):
    """A youth worker who reads its own groups in full and the police's only as a summary."""
    youth, police = make_member(PartnerType.YOUTH_WORK), make_member(PartnerType.POLICE)
    set_access(
        network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.SUMMARY}
    )
    return {
        "youth": youth,
        "plein": group_factory(youth.organisation, name="Pleinjongens"),
        "summary": group_factory(police.organisation, name="Pleinsamenvatting"),
    }


def test_the_activity_form_does_not_grow_with_the_groups(world, client_for):
    org = world["youth"].organisation

    def add(n: int) -> list[str]:
        return [group_factory(org, name=f"Extragroep {i}").name for i in range(n)]

    url = reverse("presence:activity_create")
    assert_flat(client_for(world["youth"]), url, add, max_queries=FORM_MAX_QUERIES)


def test_only_groups_read_in_full_are_offered_and_accepted(world, client_for):
    client = client_for(world["youth"])
    body = options(client, "subjects:full_group_options", "group_naam", "plein")
    assert "Pleinjongens" in body and "Pleinsamenvatting" not in body
    url = reverse("presence:activity_create")
    assert_refused_alike(client, url, ACTIVITY, "group", world["summary"].pk)
    assert not PositiveActivity.objects.exists()
    response = client.post(url, {**ACTIVITY, "group": world["plein"].pk})
    assert response.status_code == 302
    assert PositiveActivity.objects.get().group == world["plein"]
