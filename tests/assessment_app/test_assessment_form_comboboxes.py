"""The meeting form's agenda (situations) and the situation form's groups are chosen by typing
(the combobox), not from a select of every situation or group: the page is as large at fifty as
at five; only rows the reader may see are offered and logged; a hidden situation posted by id is
refused like an unknown one; the forms still save, and keep what was typed on an error."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import situation_factory
from combobox_support import assert_flat, assert_refused_alike, options
from django.urls import reverse
from subjects.subjects_factories import group_factory, group_relation_factory, set_access

from lont.assessment.models import CaseMeeting, Situation
from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType

pytestmark = pytest.mark.django_db

# Measured (warm): 7 on the meeting form (the partners among them), 7 on the situation form
# (the rivalries among them); the same at 5 and at 50 situations or groups.
FORM_MAX_QUERIES = 7


@pytest.fixture
def world(make_member, network):
    """A police reader who sees its own situations and groups, not youth work's (the covenant)."""
    police, youth = make_member(PartnerType.POLICE), make_member(PartnerType.YOUTH_WORK)
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    return {
        "police": police,
        "haven": situation_factory(police, title="Spanning Haven"),
        "hidden": situation_factory(youth, title="Spanning Verborgen"),
        "plein": group_factory(police.organisation, name="Pleinjongens"),
    }


def _meeting_data(world, **extra):
    return {"date": "2026-12-10", "participants": [world["police"].organisation.pk], **extra}


def test_the_meeting_form_does_not_grow_with_the_situations(world, client_for):
    police = world["police"]

    def add(n: int) -> list[str]:
        return [situation_factory(police, title=f"Extra situatie {i}").title for i in range(n)]

    assert_flat(
        client_for(police),
        reverse("assessment:meeting_create"),
        add,
        max_queries=FORM_MAX_QUERIES,
    )


def test_the_situation_form_does_not_grow_with_the_groups_and_rivalries(world, client_for):
    org = world["police"].organisation

    def add(n: int) -> list[str]:
        names = []
        for i in range(n):
            a, b = (
                group_factory(org, name=f"Extragroep {i}"),
                group_factory(org, name=f"Extra {i}b"),
            )
            group_relation_factory(a, b)
            names += [a.name, b.name]
        return names

    assert_flat(
        client_for(world["police"]),
        reverse("assessment:situation_create"),
        add,
        max_queries=FORM_MAX_QUERIES,
    )


def test_the_situation_options_offer_only_what_the_reader_may_see(world, client_for):
    body = options(
        client_for(world["police"]), "assessment:situation_options", "situations_naam", "spanning"
    )
    assert "Spanning Haven" in body and "Verborgen" not in body
    logged = set(
        AccessLogEntry.objects.filter(via="search", object_type="assessment.situation").values_list(
            "object_id", flat=True
        )
    )
    assert logged == {str(world["haven"].pk)}


def test_a_hidden_situation_posted_by_id_is_refused_like_an_unknown_one(world, client_for):
    client = client_for(world["police"])
    url = reverse("assessment:meeting_create")
    assert_refused_alike(client, url, _meeting_data(world), "situations", world["hidden"].pk)
    assert not CaseMeeting.objects.exists()


def test_without_javascript_a_typed_situation_is_chosen_on_the_second_submit(world, client_for):
    client = client_for(world["police"])
    url = reverse("assessment:meeting_create")
    first = client.post(url, _meeting_data(world, situations_naam="haven"))
    assert first.status_code == 400 and not CaseMeeting.objects.exists()
    body = first.content.decode()
    assert 'value="haven"' in body
    assert f'<option value="{world["haven"].pk}" selected>Spanning Haven</option>' in body
    second = client.post(
        url, _meeting_data(world, situations_naam="haven", situations=world["haven"].pk)
    )
    assert second.status_code == 302
    assert [i.situation for i in CaseMeeting.objects.get().items.all()] == [world["haven"]]


def test_the_situation_form_keeps_the_chosen_groups_on_an_error_and_saves(world, client_for):
    client = client_for(world["police"])
    url = reverse("assessment:situation_create")
    data = {"kind": "rivalry", "groups": world["plein"].pk, "groups_naam": ""}
    bad = client.post(url, data)  # no title
    assert bad.status_code == 400
    body = bad.content.decode()
    assert f'name="groups" value="{world["plein"].pk}" id="id_groups-gekozen-' in body
    assert client.post(url, {**data, "title": "Spanning Plein"}).status_code == 302
    situation = Situation.objects.get(title="Spanning Plein")
    assert list(situation.groups.all()) == [world["plein"]]


def test_the_rivalry_is_typed_to_choose_and_a_hidden_one_is_refused(world, make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    kade = group_factory(world["police"].organisation, name="Kadeclub")
    rivalry = group_relation_factory(world["plein"], kade)
    hidden = group_relation_factory(world["plein"], group_factory(youth.organisation))
    client = client_for(world["police"])
    body = options(client, "subjects:group_relation_options", "rivalry_naam", "kade")
    assert "Pleinjongens — Kadeclub" in body
    assert f'id="id_rivalry_naam-opties-{hidden.pk}"' not in body
    url = reverse("assessment:situation_create")
    data = {"kind": "rivalry", "title": "Spanning Plein"}
    assert_refused_alike(client, url, data, "rivalry", hidden.pk)
    first = client.post(url, {**data, "rivalry_naam": "kade"})
    assert (
        f'<option value="{rivalry.pk}" selected>Pleinjongens — Kadeclub' in first.content.decode()
    )
    response = client.post(url, {**data, "rivalry_naam": "kade", "rivalry": rivalry.pk})
    assert response.status_code == 302
    assert Situation.objects.get(title="Spanning Plein").rivalry == rivalry
