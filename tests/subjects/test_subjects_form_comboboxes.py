"""The membership, person-relation, group-relation and group-analysis forms choose groups and
people by typing (the combobox), not from a select of every row: the page is as large at fifty
groups and people as at five; only rows the reader may see are offered (and access-logged); a
hidden row posted by id is refused like an unknown one; without JavaScript a typed name is
chosen on a second submit, and what was typed survives an error."""

from __future__ import annotations

import pytest
from combobox_support import assert_flat, assert_refused_alike, options
from django.urls import reverse
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.subjects.choices import Involvement
from lont.subjects.models import GroupAssessment, GroupMembership, GroupRelation, PersonRelation

pytestmark = pytest.mark.django_db

# Measured (warm): 6 on the membership and relation forms, 9 on the group analysis (its group
# and the partners); the same at 5 and at 50 groups and people.
FORM_MAX_QUERIES = 9


@pytest.fixture
def world(make_member, network):
    """A police reader who sees its own groups and people, not youth work's (the covenant)."""
    police, youth = make_member(PartnerType.POLICE), make_member(PartnerType.YOUTH_WORK)
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE})
    org = police.organisation
    return {
        "police": police,
        "plein": group_factory(org, name="Pleinjongens"),
        "kade": group_factory(org, name="Kadeclub"),
        "pim": person_factory(org, alias="Panna Pim"),
        "kees": person_factory(org, alias="Kees Kraai"),
        "victim": person_factory(org, alias="Panna Slachtoffer", involvement=Involvement.VICTIM),
        "hidden_group": group_factory(youth.organisation, name="Pleinverborgen"),
        "hidden_person": person_factory(youth.organisation, alias="Panna Verborgen"),
    }


def _row(obj) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def _logged(via: str) -> set[tuple[str, str]]:
    return set(AccessLogEntry.objects.filter(via=via).values_list("object_type", "object_id"))


def _add_groups_and_people(world):
    org = world["police"].organisation

    def add(n: int) -> list[str]:
        start = len(world.setdefault("extra", []))
        for i in range(start, start + n):
            world["extra"] += [
                group_factory(org, name=f"Extragroep {i}").name,
                person_factory(org, alias=f"Extra Alias {i}").alias,
            ]
        return world["extra"][start * 2 :]

    return add


FORMS = {
    "membership": (
        "subjects:membership_create",
        {"role": "follower", "basis": "waarneming"},
    ),
    "person_relation": ("subjects:person_relation_create", {"kind": "vrienden"}),
    "group_relation": ("subjects:relation_create", {"kind": "rivaliteit"}),
}


def _url(world, name: str) -> str:
    if name == "assessment":
        return reverse("subjects:assessment_create", args=[world["plein"].pk])
    return reverse(FORMS[name][0])


@pytest.mark.parametrize("name", [*FORMS, "assessment"])
def test_the_form_page_does_not_grow_with_the_groups_and_people(world, client_for, name):
    client = client_for(world["police"])
    assert_flat(
        client,
        _url(world, name),
        _add_groups_and_people(world),
        max_queries=FORM_MAX_QUERIES,
    )


def test_the_options_offer_only_what_the_reader_may_see_and_are_logged(world, client_for):
    client = client_for(world["police"])
    groups = options(client, "subjects:group_options", "group_naam", "plein")
    assert "Pleinjongens" in groups and "Pleinverborgen" not in groups
    assert f'id="id_group_naam-opties-{world["plein"].pk}"' in groups
    people = options(client, "subjects:person_options", "person_a_naam", "panna")
    assert "Panna Pim" in people and "Panna Slachtoffer" in people
    assert "Panna Verborgen" not in people
    # a victim or tipster is never offered as a group member
    members = options(client, "subjects:member_candidate_options", "person_naam", "panna")
    assert "Panna Pim" in members and "Slachtoffer" not in members and "Verborgen" not in members
    logged = _logged("search")
    assert {_row(world["plein"]), _row(world["pim"])} <= logged
    assert _row(world["hidden_group"]) not in logged
    assert _row(world["hidden_person"]) not in logged


@pytest.mark.parametrize(
    ("name", "field", "hidden"),
    [
        ("membership", "group", "hidden_group"),
        ("membership", "person", "hidden_person"),
        ("membership", "person", "victim"),
        ("person_relation", "person_b", "hidden_person"),
        ("group_relation", "group_b", "hidden_group"),
        ("assessment", "credible_messengers", "hidden_person"),
    ],
)
def test_a_hidden_row_posted_by_id_is_refused_like_an_unknown_one(
    world, client_for, name, field, hidden
):
    valid = {
        "membership": {"group": world["plein"].pk, "person": world["pim"].pk},
        "person_relation": {"person_a": world["pim"].pk, "person_b": world["kees"].pk},
        "group_relation": {"group_a": world["plein"].pk, "group_b": world["kade"].pk},
        "assessment": {"started_on": "2026-01-12"},
    }[name]
    data = {**FORMS.get(name, ("", {}))[1], **valid}
    client = client_for(world["police"])
    assert_refused_alike(client, _url(world, name), data, field, world[hidden].pk)
    assert not GroupMembership.objects.exists() and not PersonRelation.objects.exists()
    assert not GroupRelation.objects.exists() and not GroupAssessment.objects.exists()


def test_without_javascript_a_typed_group_and_person_are_chosen_on_the_second_submit(
    world, client_for
):
    client = client_for(world["police"])
    url = reverse("subjects:membership_create")
    data = {"role": "follower", "basis": "waarneming"}
    # when a fragment is typed in each field and sent without a choice
    first = client.post(url, {**data, "group_naam": "plei", "person_naam": "panna"})
    # then nothing is saved; the typed text stays and the visible matches are offered
    assert first.status_code == 400 and not GroupMembership.objects.exists()
    body = first.content.decode()
    assert 'value="plei"' in body and 'value="panna"' in body
    assert f'<option value="{world["plein"].pk}" selected>Pleinjongens</option>' in body
    assert f'<option value="{world["pim"].pk}" selected>Panna Pim</option>' in body
    assert "Pleinverborgen" not in body and "Verborgen" not in body and "Slachtoffer" not in body
    assert "Kies uit de gevonden namen onder het veld" in body
    # and what was offered is access-logged
    assert {_row(world["plein"]), _row(world["pim"])} <= _logged("page")
    # when the user sends the form again with the preselected matches
    second = client.post(
        url,
        {
            **data,
            "group_naam": "plei",
            "group": world["plein"].pk,
            "person_naam": "panna",
            "person": world["pim"].pk,
        },
    )
    assert second.status_code == 302
    membership = GroupMembership.objects.get()
    assert (membership.group, membership.person) == (world["plein"], world["pim"])


def test_an_error_elsewhere_keeps_the_chosen_groups(world, client_for):
    client = client_for(world["police"])
    url = reverse("subjects:relation_create")
    chosen = {
        "group_a": world["plein"].pk,
        "group_a_naam": "Pleinjongens",
        "group_b": world["kade"].pk,
        "group_b_naam": "Kadeclub",
    }
    response = client.post(url, {**chosen, "kind": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert f'name="group_a" value="{world["plein"].pk}" data-combobox-value' in body
    assert f'name="group_b" value="{world["kade"].pk}" data-combobox-value' in body
    assert 'value="Pleinjongens"' in body and 'value="Kadeclub"' in body
    assert client.post(url, {**chosen, "kind": "rivaliteit"}).status_code == 302
    relation = GroupRelation.objects.get()
    assert (relation.group_a, relation.group_b) == (world["plein"], world["kade"])


def test_the_person_relation_and_the_analysis_still_save(world, client_for):
    client = client_for(world["police"])
    pim, kees = world["pim"], world["kees"]
    response = client.post(
        reverse("subjects:person_relation_create"),
        {"person_a": pim.pk, "person_b": kees.pk, "kind": "vrienden"},
    )
    assert response.status_code == 302
    assert PersonRelation.objects.filter(person_a=pim, person_b=kees).exists()
    response = client.post(
        _url(world, "assessment"),
        {"started_on": "2026-01-12", "prototypical_members": [pim.pk, kees.pk]},
    )
    assert response.status_code == 302
    assessment = GroupAssessment.objects.get()
    assert set(assessment.prototypical_members.all()) == {pim, kees}
    # the edit form shows the chosen members (checked boxes), not every person
    page = client.get(reverse("subjects:assessment_edit", args=[assessment.pk])).content.decode()
    assert f'name="prototypical_members" value="{pim.pk}"' in page
    assert "Pleinjongens" not in page.split("<main")[1].split("</h1>")[1]
