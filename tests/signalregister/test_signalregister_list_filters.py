"""The signal list's group field and search (issue 16): a text field with suggestions instead of a
list of every group, names found by a fragment, nothing named the reader may not see, the reads
logged, the query count flat in the number of groups and signals.

Given a network where youth work recorded signals about two groups whose names share "plein" and a
third group, when the police filter or search the list, then …
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType

pytestmark = pytest.mark.django_db

C = InformationCategory


@pytest.fixture
def world(network, make_member):
    owner = make_member(PartnerType.YOUTH_WORK)
    reader = make_member(PartnerType.POLICE)
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.FULL,
        },
    )
    plein = group_factory(owner.organisation, name="Pleinjongens")
    square = group_factory(owner.organisation, name="Stadspleinclub", other_names=["De Club"])
    kreek = group_factory(owner.organisation, name="Kreekbende")
    person = person_factory(owner.organisation, alias="Zwaluw8812")
    return {
        "owner": owner,
        "reader": reader,
        "groups": (plein, square, kreek),
        "signals": (
            signal_factory(owner, description="Oproep 1001", groups=[plein]),
            signal_factory(owner, description="Oproep 1002", groups=[square]),
            signal_factory(
                owner, description="Oproep 1003", groups=[kreek], people=[(person, "involved")]
            ),
        ),
    }


def _list(client, **params) -> str:
    response = client.get(reverse("signalregister:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_lists_no_groups_but_a_labelled_combobox(world, client_for):
    body = _list(client_for(world["reader"]))
    # then no group is offered before anything is typed, and the field is a labelled combobox
    assert "Kreekbende</option>" not in body
    assert 'role="combobox"' in body and 'aria-controls="f-groep-opties"' in body
    assert '<label class="utrecht-form-label" for="f-groep">' in body
    assert 'role="listbox"' in body


def test_suggestions_find_a_fragment_of_a_name_and_are_logged(world, client_for):
    client = client_for(world["reader"])
    # when "plei" is typed in the group field
    response = client.get(reverse("subjects:group_options"), {"groep_naam": "plei"})
    body = response.content.decode()
    # then both groups with "plein" in their name are offered as options, the other is not
    plein, square, _kreek = world["groups"]
    assert body.count('role="option"') == 2
    assert f'data-value="{plein.pk}"' in body and f'data-value="{square.pk}"' in body
    assert "Kreekbende" not in body
    logged = AccessLogEntry.objects.filter(object_type="subjects.group", via="search")
    assert set(logged.values_list("object_id", flat=True)) == {str(plein.pk), str(square.pk)}


def test_suggestions_find_other_names_and_say_when_nothing_matches(world, client_for):
    client = client_for(world["reader"])
    url = reverse("subjects:group_options")
    assert "Stadspleinclub" in client.get(url, {"groep_naam": "de club"}).content.decode()
    none = client.get(url, {"groep_naam": "zzz"}).content.decode()
    assert 'aria-disabled="true"' in none and "Geen groep gevonden" in none


def test_suggestions_never_name_a_group_the_reader_may_not_see(world, network, client_for):
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    body = (
        client_for(world["reader"])
        .get(reverse("subjects:group_options"), {"groep_naam": "plei"})
        .content.decode()
    )
    assert "Pleinjongens" not in body and "Stadspleinclub" not in body
    # nor does typing a hidden group's name filter the list (no probing through the filter)
    listed = _list(client_for(world["reader"]), groep_naam="Kreekbende")
    assert "Oproep 1003" not in listed


def test_a_chosen_group_filters_and_keeps_its_name_in_the_field(world, client_for):
    plein = world["groups"][0]
    # when the suggestion is chosen (the hidden id and the name in the field) and submitted
    body = _list(client_for(world["reader"]), groep=plein.pk, groep_naam="Pleinjongens")
    # then only its signal is listed and the field still shows the name, the id kept
    assert "Oproep 1001" in body and "Oproep 1002" not in body
    assert 'value="Pleinjongens"' in body and f'name="groep" value="{plein.pk}"' in body
    assert AccessLogEntry.objects.filter(
        object_type="subjects.group", object_id=str(plein.pk), via="list"
    ).exists()


def test_a_link_with_only_the_group_id_names_the_group(world, client_for):
    plein = world["groups"][0]
    body = _list(client_for(world["reader"]), groep=plein.pk)
    assert "Oproep 1001" in body and "Oproep 1002" not in body
    assert 'value="Pleinjongens"' in body


def test_without_javascript_a_typed_fragment_filters_and_offers_the_matches(world, client_for):
    # when "plein" is typed and the form sent without choosing (no JavaScript)
    body = _list(client_for(world["reader"]), groep="", groep_naam="plein")
    # then the signals of both groups are listed and the two groups offered in a select
    assert "Oproep 1001" in body and "Oproep 1002" in body and "Oproep 1003" not in body
    assert 'id="f-groep-keuze"' in body and 'value="plein"' in body


def test_without_javascript_typing_another_name_replaces_the_chosen_group(world, client_for):
    plein = world["groups"][0]
    # given Pleinjongens chosen earlier (its id still in the hidden field), "kreek" typed now
    body = _list(client_for(world["reader"]), groep=plein.pk, groep_naam="kreek")
    # then what was typed wins
    assert "Oproep 1003" in body and "Oproep 1001" not in body
    # and an emptied field clears the choice
    cleared = _list(client_for(world["reader"]), groep=plein.pk, groep_naam="")
    assert "Oproep 1001" in cleared and "Oproep 1003" in cleared


def test_search_finds_a_fragment_of_a_group_name_or_an_alias(world, client_for):
    client = client_for(world["reader"])
    by_group = _list(client, q="plei")
    assert "Oproep 1001" in by_group and "Oproep 1002" in by_group
    assert "Oproep 1003" not in by_group
    by_alias = _list(client, q="waluw88")
    assert "Oproep 1003" in by_alias and "Oproep 1001" not in by_alias


def test_search_by_name_stays_within_what_the_reader_may_see(world, network, client_for):
    # given the police may not see group analyses (the groups' and the person's category)
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    client = client_for(world["reader"])
    # then neither the group's name nor the alias finds the signals naming them
    assert "Oproep 100" not in _list(client, q="plei")
    assert "Oproep 1003" not in _list(client, q="waluw88")


def test_the_api_filters_by_a_typed_group_name_too(world, client_for):
    response = client_for(world["reader"]).get(reverse("api:signal-list"), {"groep_naam": "plei"})
    descriptions = {row.get("description") for row in response.json()["results"]}
    assert descriptions == {"Oproep 1001", "Oproep 1002"}


@pytest.mark.parametrize("extra", [0, 40])
def test_queries_do_not_grow_with_groups_or_matches(
    world, client_for, django_assert_max_num_queries, extra
):
    owner = world["owner"]
    for n in range(extra):
        group = group_factory(owner.organisation, name=f"Pleinploeg {n}")
        signal_factory(owner, description=f"Extra {n}", groups=[group])
    client = client_for(world["reader"])
    plein = world["groups"][0]
    with django_assert_max_num_queries(22):
        _list(client, groep=plein.pk, groep_naam="Pleinjongens")
    with django_assert_max_num_queries(22):
        _list(client, groep_naam="plein")
    with django_assert_max_num_queries(22):
        _list(client, q="plein")
    with django_assert_max_num_queries(12):
        client.get(reverse("subjects:group_options"), {"groep_naam": "plein"})


def test_suggestions_without_text_are_the_first_groups_by_name(world, client_for):
    body = client_for(world["reader"]).get(reverse("subjects:group_options")).content.decode()
    assert body.index("Kreekbende") < body.index("Pleinjongens") < body.index("Stadspleinclub")
