"""The incident room's forms choose groups, the situation, a person and a contact by typing (the
combobox), not from a select of every row: the opening form and the incident page (with its role
and outreach forms, and their error pages) are as large at fifty rows as at five; only rows the
form would accept are offered (and access-logged); a hidden row, or one the form does not take
(a person or contact read only as a summary, a situation below hoog), posted by id is refused
like an unknown one; without JavaScript a typed name is chosen on a second submit; what was
typed and chosen survives an error."""

from __future__ import annotations

from typing import Any

import pytest
from assessment_app.assessment_factories import situation_factory
from combobox_support import UNKNOWN_ID, assert_flat, assert_refused_alike, field_errors, options
from crisis_factories import incident_factory
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from socialmap_factories import contact_factory
from subjects_factories import group_factory, person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.crisis.models import Incident, IncidentPerson, Outreach
from lont.networks.choices import Access, InformationCategory, PartnerType, Role

pytestmark = pytest.mark.django_db

# Measured (warm): 5 on the opening form, 21 on the incident page, 6 and 7 on the role and
# outreach forms' error pages; the same at 5 and at 50 rows.
OPEN_MAX_QUERIES = 5
PAGE_MAX_QUERIES = 21
ERROR_MAX_QUERIES = 7

OPENING = {"title": "Kooi", "level": "acuut", "reason": "Oproep gezien"}
ROLE = {"role_type": "passer_by", "motive": "Schoot een vriend te hulp"}
OUTREACH = {"channel": "telefoon", "ask": "Kom je?"}


def _acute(member: Any, title: str, level: str = "acuut") -> Any:
    situation = situation_factory(member, title=title)
    situation.level = level
    situation.save()
    return situation


@pytest.fixture
def world(make_member, network):
    """A police officer who sees its own groups, people, situations and contacts, none of youth
    work's (the covenant), with an incident about one of its groups."""
    police, youth = make_member(PartnerType.POLICE), make_member(PartnerType.YOUTH_WORK)
    set_access(
        network,
        {
            (InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE,
            (InformationCategory.CONTACTS, PartnerType.POLICE): Access.NONE,
        },
    )
    org = police.organisation
    plein = group_factory(org, name="Pleinjongens")
    return {
        "police": police,
        "youth": youth,
        "plein": plein,
        "haven": _acute(police, "Spanning Haven"),
        "low": _acute(police, "Spanning Laag", level="laag"),
        "pim": person_factory(org, alias="Panna Pim"),
        "jermaine": contact_factory(org, name="Jermaine Voorbeeld", areas=["Elders"]),
        "incident": incident_factory(police, groups=[plein]),
        "hidden_group": group_factory(youth.organisation, name="Pleinverborgen"),
        "hidden_situation": _acute(youth, "Spanning Verborgen"),
        "hidden_person": person_factory(youth.organisation, alias="Panna Verborgen"),
        "hidden_contact": contact_factory(youth.organisation, name="Jermaine Verborgen"),
    }


def _step(world: dict[str, Any], step: str) -> str:
    return reverse("crisis:step", args=[world["incident"].pk, step])


def _row(obj: Any) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def _logged(via: str) -> set[tuple[str, str]]:
    return set(AccessLogEntry.objects.filter(via=via).values_list("object_type", "object_id"))


def _grow(world: dict[str, Any]) -> Any:
    """Adds ``n`` of each growing row the forms choose from (groups, acute situations, people
    read in full, contacts read in full) and answers their names."""
    police = world["police"]
    org = police.organisation

    def add(n: int) -> list[str]:
        start = len(world.setdefault("extra", [])) // 4
        for i in range(start, start + n):
            world["extra"] += [
                group_factory(org, name=f"Extragroep {i}").name,
                _acute(police, f"Extra situatie {i}").title,
                person_factory(org, alias=f"Extra Alias {i}").alias,
                contact_factory(org, name=f"Extra Contact {i}", areas=["Elders"]).name,
            ]
        return world["extra"][start * 4 :]

    return add


# The pages stay the same size --------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "max_queries"), [("open", OPEN_MAX_QUERIES), ("detail", PAGE_MAX_QUERIES)]
)
def test_the_page_does_not_grow_with_the_network(world, client_for, page, max_queries):
    url = (
        reverse("crisis:open")
        if page == "open"
        else reverse("crisis:detail", args=[world["incident"].pk])
    )
    assert_flat(client_for(world["police"]), url, _grow(world), max_queries=max_queries)


def _error_page(client: Any, url: str, data: dict[str, Any]) -> tuple[str, int]:
    client.post(url, data)  # warm
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 400, response.status_code
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("step", ["persoon", "benadering"])
def test_the_error_page_of_a_step_does_not_grow_with_the_network(world, client_for, step):
    """A step sent without its input comes back as its form, as small at fifty as at five."""
    client, url, add = client_for(world["police"]), _step(world, step), _grow(world)
    names = add(5)
    small, small_queries = _error_page(client, url, {})
    names += add(45)
    large, large_queries = _error_page(client, url, {})
    assert large_queries == small_queries <= ERROR_MAX_QUERIES, (small_queries, large_queries)
    assert len(large) == len(small)
    assert not [name for name in names if name in large]


# Only what the form takes is offered --------------------------------------------------------


def test_the_options_offer_only_what_the_form_takes_and_are_logged(world, client_for, make_member):
    client = client_for(world["police"])
    situations = options(client, "crisis:situation_options", "situation_naam", "spanning")
    assert "Spanning Haven" in situations
    assert "Spanning Laag" not in situations and "Verborgen" not in situations
    people = options(client, "crisis:person_options", "person_naam", "panna")
    assert "Panna Pim" in people and "Verborgen" not in people
    contacts = options(client, "crisis:contact_options", "contact_naam", "jermaine")
    assert "Jermaine Voorbeeld (credible messenger)" in contacts
    assert "Verborgen" not in contacts
    logged = _logged("search")
    assert {_row(world["haven"]), _row(world["pim"]), _row(world["jermaine"])} <= logged
    hidden = ("hidden_situation", "hidden_person", "hidden_contact", "low")
    assert not {_row(world[name]) for name in hidden} & logged
    # an observer (reads only) opens none of them: they serve forms that write
    observer = client_for(make_member(PartnerType.POLICE, role=Role.OBSERVER))
    for name in ("situation", "person", "contact"):
        assert observer.get(reverse(f"crisis:{name}_options")).status_code == 403


@pytest.mark.parametrize(
    ("step", "field", "hidden", "data"),
    [
        ("open", "groups", "hidden_group", OPENING),
        ("open", "situation", "hidden_situation", OPENING),
        ("open", "situation", "low", OPENING),
        ("persoon", "person", "hidden_person", ROLE),
        ("benadering", "contact", "hidden_contact", OUTREACH),
    ],
)
def test_a_hidden_row_posted_by_id_is_refused_like_an_unknown_one(
    world, client_for, step, field, hidden, data
):
    url = reverse("crisis:open") if step == "open" else _step(world, step)
    client = client_for(world["police"])
    assert_refused_alike(client, url, data, field, world[hidden].pk)
    # an id out of range is an unknown one too (not a server error)
    out_of_range = field_errors(client.post(url, {**data, field: "9" * 30}), field)
    unknown = field_errors(client.post(url, {**data, field: str(UNKNOWN_ID)}), field)
    assert [e.replace("9" * 30, "#") for e in out_of_range] == [
        e.replace(str(UNKNOWN_ID), "#") for e in unknown
    ]
    assert Incident.objects.count() == 1
    assert not IncidentPerson.objects.exists() and not Outreach.objects.exists()


def test_a_person_or_contact_read_only_as_a_summary_is_neither_offered_nor_taken(
    world, client_for, network
):
    """Roles and outreach name people and contacts the partner reads in full."""
    set_access(
        network,
        {
            (InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.SUMMARY,
            (InformationCategory.CONTACTS, PartnerType.POLICE): Access.SUMMARY,
        },
    )
    client = client_for(world["police"])
    assert "Verborgen" not in options(client, "crisis:person_options", "person_naam", "panna")
    assert "Verborgen" not in options(client, "crisis:contact_options", "contact_naam", "jer")
    person, contact = world["hidden_person"].pk, world["hidden_contact"].pk
    assert_refused_alike(client, _step(world, "persoon"), ROLE, "person", person)
    assert_refused_alike(client, _step(world, "benadering"), OUTREACH, "contact", contact)
    # the summary-level group is still one an incident may be about
    response = client.post(reverse("crisis:open"), {**OPENING, "groups": world["hidden_group"].pk})
    assert response.status_code == 302


# Without JavaScript, and after an error -----------------------------------------------------


def test_without_javascript_the_opening_form_chooses_on_the_second_submit(world, client_for):
    client, url = client_for(world["police"]), reverse("crisis:open")
    first = client.post(url, {**OPENING, "groups_naam": "plei", "situation_naam": "haven"})
    assert first.status_code == 400 and Incident.objects.count() == 1
    body = first.content.decode()
    assert 'value="plei"' in body and 'value="haven"' in body
    assert f'<option value="{world["plein"].pk}" selected>Pleinjongens</option>' in body
    assert f'<option value="{world["haven"].pk}" selected>Spanning Haven</option>' in body
    assert "Pleinverborgen" not in body and "Verborgen" not in body
    assert {_row(world["plein"]), _row(world["haven"])} <= _logged("page")
    second = client.post(
        url,
        {
            **OPENING,
            "groups_naam": "plei",
            "groups": world["plein"].pk,
            "situation_naam": "haven",
            "situation": world["haven"].pk,
        },
    )
    assert second.status_code == 302
    incident = Incident.objects.latest("pk")
    assert list(incident.groups.all()) == [world["plein"]]
    assert incident.situation == world["haven"]


@pytest.mark.parametrize(
    ("step", "field", "typed", "chosen", "data"),
    [
        ("persoon", "person", "panna", "pim", ROLE),
        ("benadering", "contact", "jerm", "jermaine", OUTREACH),
    ],
)
def test_without_javascript_a_step_chooses_on_the_second_submit(
    world, client_for, step, field, typed, chosen, data
):
    client, url, row = client_for(world["police"]), _step(world, step), world[chosen]
    if step == "benadering":
        data = {**data, "group": world["plein"].pk}
    first = client.post(url, {**data, f"{field}_naam": typed})
    assert first.status_code == 400
    body = first.content.decode()
    assert f'value="{typed}"' in body and "Verborgen" not in body
    assert f'<option value="{row.pk}" selected>' in body
    assert "Kies uit de gevonden namen onder het veld" in body
    # the error page's form posts to the step again, and what it offered is access-logged
    assert '<form method="post" novalidate' in body
    assert _row(row) in _logged("page")
    second = client.post(url, {**data, f"{field}_naam": typed, field: row.pk})
    assert second.status_code == 302
    if step == "persoon":
        assert IncidentPerson.objects.get().person == row
    else:
        assert Outreach.objects.get().contact == row


def test_an_error_elsewhere_keeps_what_was_typed_and_chosen(world, client_for):
    client = client_for(world["police"])
    plein, haven, pim, jermaine = (world[k] for k in ("plein", "haven", "pim", "jermaine"))
    # the opening form without its reason
    chosen = {"groups": plein.pk, "groups_naam": "", "situation": haven.pk}
    body = client.post(reverse("crisis:open"), {**OPENING, "reason": "", **chosen})
    body = body.content.decode()
    assert f'name="groups" value="{plein.pk}" id="id_groups-gekozen-{plein.pk}" checked' in body
    assert f'name="situation" value="{haven.pk}" data-combobox-value' in body
    assert 'value="Spanning Haven"' in body and 'value="Kooi"' in body
    # the role without its role type
    role = {"person": pim.pk, "person_naam": "Panna Pim", "motive": "Hielp een vriend"}
    body = client.post(_step(world, "persoon"), role).content.decode()
    assert f'name="person" value="{pim.pk}" data-combobox-value' in body
    assert 'value="Panna Pim"' in body and "Hielp een vriend" in body
    # the outreach without its question
    reach = {"contact": jermaine.pk, "contact_naam": "Jermaine", "channel": "telefoon"}
    body = client.post(_step(world, "benadering"), reach).content.decode()
    assert f'name="contact" value="{jermaine.pk}" data-combobox-value' in body
    assert 'value="Jermaine Voorbeeld (credible messenger)"' in body
    assert not IncidentPerson.objects.exists() and not Outreach.objects.exists()


def test_opened_from_a_situation_the_form_shows_it_chosen(world, client_for):
    client = client_for(world["police"])
    page = client.get(reverse("crisis:open") + f"?situatie={world['haven'].pk}").content.decode()
    assert f'name="situation" value="{world["haven"].pk}" data-combobox-value' in page
    assert 'value="Spanning Haven"' in page
    assert _row(world["haven"]) in _logged("page")
