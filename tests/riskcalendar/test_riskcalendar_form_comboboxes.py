"""The window and event forms choose groups and the situation by typing (the combobox), not
from a list of every group (a checkbox each) and a select of every situation: the page is as
large at fifty as at five; a hidden situation or group posted by id is refused like an unknown
one; the forms still save."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import situation_factory
from combobox_support import assert_flat, assert_refused_alike
from django.urls import reverse
from subjects_factories import group_factory, set_access

from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.riskcalendar.models import CalendarEvent, RiskWindow

pytestmark = pytest.mark.django_db

# Measured (warm): 6 on each form; the same at 5 and at 50 groups and situations.
FORM_MAX_QUERIES = 6
WINDOW = {"kind": "event", "title": "Kermis", "starts_on": "2027-03-20", "ends_on": "2027-03-24"}


@pytest.fixture
def world(make_member, network):
    """A municipal worker who sees its own groups and situations, not youth work's."""
    town, youth = make_member(PartnerType.MUNICIPALITY), make_member(PartnerType.YOUTH_WORK)
    set_access(
        network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.MUNICIPALITY): Access.NONE}
    )
    return {
        "town": town,
        "plein": group_factory(town.organisation, name="Pleinjongens"),
        "haven": situation_factory(town, title="Spanning Haven"),
        "hidden_group": group_factory(youth.organisation, name="Pleinverborgen"),
        "hidden_situation": situation_factory(youth, title="Spanning Verborgen"),
    }


@pytest.mark.parametrize("url_name", ["riskcalendar:window_create", "riskcalendar:event_create"])
def test_the_form_does_not_grow_with_the_groups_and_situations(world, client_for, url_name):
    town = world["town"]

    def add(n: int) -> list[str]:
        names = []
        for i in range(n):
            names.append(group_factory(town.organisation, name=f"Extragroep {i}").name)
            names.append(situation_factory(town, title=f"Extra situatie {i}").title)
        return names

    assert_flat(client_for(town), reverse(url_name), add, max_queries=FORM_MAX_QUERIES)


@pytest.mark.parametrize(
    ("field", "hidden"), [("groups", "hidden_group"), ("situation", "hidden_situation")]
)
def test_a_hidden_row_posted_by_id_is_refused_like_an_unknown_one(world, client_for, field, hidden):
    url = reverse("riskcalendar:window_create")
    assert_refused_alike(client_for(world["town"]), url, WINDOW, field, world[hidden].pk)
    assert not RiskWindow.objects.exists()


def test_a_window_and_an_event_still_save_with_their_group_and_situation(world, client_for):
    client = client_for(world["town"])
    links = {"groups": world["plein"].pk, "situation": world["haven"].pk}
    response = client.post(reverse("riskcalendar:window_create"), {**WINDOW, **links})
    assert response.status_code == 302
    window = RiskWindow.objects.get()
    assert (list(window.groups.all()), window.situation) == ([world["plein"]], world["haven"])
    # the edit form shows the chosen group and situation, and keeps them on an error
    page = client.post(
        reverse("riskcalendar:window_update", args=[window.pk]),
        {**WINDOW, **links, "ends_on": "2027-03-01"},
    ).content.decode()
    assert f'name="groups" value="{world["plein"].pk}" id="id_groups-gekozen-' in page
    assert f'name="situation" value="{world["haven"].pk}" data-combobox-value' in page
    response = client.post(
        reverse("riskcalendar:event_create"),
        {"kind": "incident", "occurred_on": "2027-03-01", "title": "Steekpartij", **links},
    )
    assert response.status_code == 302
    assert CalendarEvent.objects.get().situation == world["haven"]
