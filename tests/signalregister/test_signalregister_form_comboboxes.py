"""The signal form's groups and person rows are text fields with suggestions, not selects of
every group and person: without JavaScript a typed name is refused with the matches offered in
a select, a second submit chooses; what was typed and chosen survives an error; only rows the
viewer may see are offered, and every one shown is access-logged."""

from __future__ import annotations

import pytest
from django.urls import reverse
from signalregister.signals_factories import signal_form_data
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.signalregister.models import Signal

pytestmark = pytest.mark.django_db
C = InformationCategory


def _form(**extra) -> dict:
    return signal_form_data(**{"people-TOTAL_FORMS": "1", **extra})


@pytest.fixture
def world(make_member):
    member = make_member(PartnerType.YOUTH_WORK)
    org = member.organisation
    return {
        "member": member,
        "plein": group_factory(org, name="Pleinjongens"),
        "square": group_factory(org, name="Stadspleinclub"),
        "kreek": group_factory(org, name="Kreekbende"),
        "person": person_factory(org, alias="Panna Pim"),
        "other": person_factory(org, alias="Kees Kraai"),
    }


def test_the_form_offers_no_group_or_person_before_anything_is_typed(world, client_for):
    body = client_for(world["member"]).get(reverse("signalregister:create")).content.decode()
    assert "Kreekbende" not in body and "Panna Pim" not in body
    assert body.count('role="combobox"') >= 4  # groups and three person rows
    assert '<label class="utrecht-form-label" for="id_groups">' in body
    assert 'aria-controls="id_people-0-person-opties"' in body


def test_without_javascript_a_typed_group_and_person_are_chosen_on_the_second_submit(
    world, client_for
):
    client = client_for(world["member"])
    url = reverse("signalregister:create")
    # when a fragment is typed in each field and sent without a choice
    first = client.post(
        url,
        _form(**{"groups_naam": "plei", "people-0-person_naam": "pim", "people-0-role": "witness"}),
    )
    # then nothing is saved; the typed text stays and the matches are offered in a select
    assert first.status_code == 400 and not Signal.objects.exists()
    body = first.content.decode()
    assert 'value="plei"' in body and 'value="pim"' in body
    assert 'id="id_groups-keuze" name="groups"' in body
    assert f'<option value="{world["plein"].pk}">Pleinjongens</option>' in body
    assert "Stadspleinclub</option>" in body and "Kreekbende" not in body
    assert 'id="id_people-0-person-keuze" name="people-0-person"' in body
    assert f'<option value="{world["person"].pk}" selected>Panna Pim</option>' in body
    assert "Kees Kraai" not in body
    assert "Kies uit de gevonden namen onder het veld" in body
    # and the groups and person offered are access-logged
    logged = set(AccessLogEntry.objects.values_list("object_type", "object_id"))
    assert ("subjects.group", str(world["plein"].pk)) in logged
    assert ("subjects.person", str(world["person"].pk)) in logged
    # when the user picks from the selects and sends again
    second = client.post(
        url,
        _form(
            **{
                "groups_naam": "plei",
                "groups": str(world["plein"].pk),
                "people-0-person_naam": "pim",
                "people-0-person": str(world["person"].pk),
                "people-0-role": "witness",
            }
        ),
    )
    assert second.status_code == 302
    signal = Signal.objects.get()
    assert [g.group_id for g in signal.groups.all()] == [world["plein"].pk]
    assert signal.people.get().person_id == world["person"].pk


def test_an_error_elsewhere_keeps_the_chosen_groups_and_person(world, client_for):
    response = client_for(world["member"]).post(
        reverse("signalregister:create"),
        _form(
            description="",
            **{
                "groups": [str(world["plein"].pk), str(world["kreek"].pk)],
                "groups_naam": "",
                "people-0-person": str(world["person"].pk),
                "people-0-person_naam": "Panna Pim",
                "people-0-role": "witness",
            },
        ),
    )
    assert response.status_code == 400
    body = response.content.decode()
    for group in (world["plein"], world["kreek"]):
        assert f'name="groups" value="{group.pk}" id="id_groups-gekozen-{group.pk}" checked' in body
    assert f'name="people-0-person" value="{world["person"].pk}" data-combobox-value' in body
    assert 'value="Panna Pim"' in body


def test_a_typed_name_that_no_longer_names_the_choice_asks_again(world, client_for):
    # without JavaScript the hidden choice stays when another name is typed: the text wins
    response = client_for(world["member"]).post(
        reverse("signalregister:create"),
        _form(
            **{
                "people-0-person": str(world["person"].pk),
                "people-0-person_naam": "kees",
                "people-0-role": "witness",
            }
        ),
    )
    assert response.status_code == 400 and not Signal.objects.exists()
    assert f'<option value="{world["other"].pk}" selected>Kees Kraai</option>' in (
        response.content.decode()
    )


def test_person_suggestions_are_aliases_the_viewer_may_see_and_are_logged(
    world, network, make_member, client_for
):
    reader = make_member(PartnerType.POLICE)
    tipster = person_factory(world["member"].organisation, alias="Panna Tip", category=C.TIP)
    set_access(
        network,
        {
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.SUMMARY,
            (C.TIP, PartnerType.POLICE): Access.NONE,
        },
    )
    url = reverse("signalregister:person_options")
    body = (
        client_for(reader)
        .get(
            url,
            {
                "veld": "people-0-person_naam",
                "people-0-person_naam": "panna",
                "lijst": "id_people-0-person-opties",
            },
        )
        .content.decode()
    )
    assert "Panna Pim" in body and "Panna Tip" not in body
    assert f'id="id_people-0-person-opties-{world["person"].pk}"' in body
    assert AccessLogEntry.objects.filter(
        object_type="subjects.person", object_id=str(world["person"].pk), via="search"
    ).exists()
    assert not AccessLogEntry.objects.filter(object_id=str(tipster.pk)).exists()


def test_an_invisible_group_or_person_id_is_refused(world, network, make_member, client_for):
    reader = make_member(PartnerType.POLICE)
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    response = client_for(reader).post(
        reverse("signalregister:create"),
        _form(
            **{
                "groups": str(world["plein"].pk),
                "people-0-person": str(world["person"].pk),
                "people-0-role": "witness",
            }
        ),
    )
    assert response.status_code == 400 and not Signal.objects.exists()
    body = response.content.decode()
    assert "Pleinjongens" not in body and "Panna Pim" not in body


@pytest.mark.parametrize("extra", [0, 30])
def test_the_form_reads_no_more_with_more_groups_and_people(
    world, client_for, django_assert_max_num_queries, extra
):
    org = world["member"].organisation
    for n in range(extra):
        group_factory(org, name=f"Groep extra {n}")
        person_factory(org, alias=f"Alias extra {n}")
    client = client_for(world["member"])
    with django_assert_max_num_queries(22):
        assert client.get(reverse("signalregister:create")).status_code == 200
    with django_assert_max_num_queries(40):
        client.post(
            reverse("signalregister:create"),
            _form(
                **{
                    "groups_naam": "extra",
                    "people-0-person_naam": "extra",
                    "people-0-role": "witness",
                }
            ),
        )
