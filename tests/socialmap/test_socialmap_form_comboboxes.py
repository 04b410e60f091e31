"""The social map chooses groups and people by typing (the combobox), not from a select of every
row: the reach picker ("Wie kan een groep bereiken?") and the contact page's reach and person
forms are as large at fifty groups and people as at five; a hidden row posted by id is refused
like an unknown one; without JavaScript a typed name is chosen on a second submit."""

from __future__ import annotations

import pytest
from combobox_support import assert_flat, assert_refused_alike, field_errors
from django.urls import reverse
from socialmap_factories import contact_factory, group_factory, person_factory
from subjects.subjects_factories import set_access

from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.socialmap.models import ContactPersonLink, ContactReach

pytestmark = pytest.mark.django_db

# Measured (warm): 9 on the reach picker, 12 on the contact page (the contact, its reach and
# links, the review date); the same at 5 and at 50 groups and people.
PICKER_MAX_QUERIES = 9
CONTACT_PAGE_MAX_QUERIES = 12


@pytest.fixture
def world(make_member, network):
    """A youth worker who sees its own groups and people, not the police's (the covenant)."""
    youth, police = make_member(PartnerType.YOUTH_WORK), make_member(PartnerType.POLICE)
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.NONE})
    org = youth.organisation
    return {
        "youth": youth,
        "contact": contact_factory(org),
        "plein": group_factory(org, "Pleinjongens"),
        "pim": person_factory(org, "Panna Pim"),
        "hidden_group": group_factory(police.organisation, "Pleinverborgen"),
        "hidden_person": person_factory(police.organisation, "Panna Verborgen"),
    }


def _add_groups_and_people(world):
    org = world["youth"].organisation

    def add(n: int) -> list[str]:
        names = []
        for _ in range(n):
            names += [group_factory(org).name, person_factory(org).alias]
        return names

    return add


def test_the_reach_picker_does_not_grow_with_the_groups(world, client_for):
    assert_flat(
        client_for(world["youth"]),
        reverse("socialmap:reach_index"),
        _add_groups_and_people(world),
        max_queries=PICKER_MAX_QUERIES,
    )


def test_the_contact_page_does_not_grow_with_the_groups_and_people(world, client_for):
    assert_flat(
        client_for(world["youth"]),
        reverse("socialmap:detail", args=[world["contact"].pk]),
        _add_groups_and_people(world),
        max_queries=CONTACT_PAGE_MAX_QUERIES,
    )


def test_the_reach_picker_chooses_a_typed_group_and_refuses_a_hidden_one(world, client_for):
    client = client_for(world["youth"])
    url = reverse("socialmap:reach_index")
    # without JavaScript a typed name offers the visible matches
    body = client.get(url, {"groep_naam": "plein"}).content.decode()
    assert 'value="plein"' in body
    assert f'<option value="{world["plein"].pk}" selected>Pleinjongens</option>' in body
    assert "Pleinverborgen" not in body
    # choosing one goes to its page
    chosen = client.get(url, {"groep_naam": "plein", "groep": world["plein"].pk})
    assert chosen["Location"] == reverse("socialmap:reach", args=[world["plein"].pk])
    # a hidden group is refused like one that does not exist, and goes nowhere
    hidden = client.get(url, {"groep": world["hidden_group"].pk})
    unknown = client.get(url, {"groep": 987_654})
    assert hidden.status_code == unknown.status_code == 200
    assert hidden.context["picker"].errors == unknown.context["picker"].errors
    assert "Pleinverborgen" not in hidden.content.decode()


def test_the_reach_page_shows_its_group_in_the_picker(world, client_for):
    page = client_for(world["youth"]).get(reverse("socialmap:reach", args=[world["plein"].pk]))
    assert f'name="groep" value="{world["plein"].pk}" data-combobox-value' in page.content.decode()


@pytest.mark.parametrize(
    ("url_name", "data", "field", "hidden"),
    [
        ("socialmap:reach_add", {"strength": "redelijk"}, "group", "hidden_group"),
        ("socialmap:link_add", {"relation": "trainer"}, "person", "hidden_person"),
    ],
)
def test_a_hidden_row_posted_by_id_is_refused_like_an_unknown_one(
    world, client_for, url_name, data, field, hidden
):
    url = reverse(url_name, args=[world["contact"].pk])
    assert_refused_alike(client_for(world["youth"]), url, data, field, world[hidden].pk)
    assert not ContactReach.objects.exists() and not ContactPersonLink.objects.exists()


def test_without_javascript_a_typed_group_is_chosen_on_the_second_submit(world, client_for):
    client = client_for(world["youth"])
    url = reverse("socialmap:reach_add", args=[world["contact"].pk])
    data = {"strength": "redelijk", "how": "Via het trapveld"}
    first = client.post(url, {**data, "group_naam": "plein"})
    # the form comes back on its own page with what was typed and the matches
    assert field_errors(first, "group")
    body = first.content.decode()
    assert 'value="plein"' in body and "Via het trapveld" in body
    assert f'<option value="{world["plein"].pk}" selected>Pleinjongens</option>' in body
    second = client.post(url, {**data, "group_naam": "plein", "group": world["plein"].pk})
    assert second["Location"] == reverse("socialmap:detail", args=[world["contact"].pk])
    assert ContactReach.objects.get().group == world["plein"]


def test_a_person_link_still_saves(world, client_for):
    url = reverse("socialmap:link_add", args=[world["contact"].pk])
    response = client_for(world["youth"]).post(
        url, {"person": world["pim"].pk, "person_naam": "Panna Pim", "relation": "trainer"}
    )
    assert response.status_code == 302
    assert ContactPersonLink.objects.get().person == world["pim"]
