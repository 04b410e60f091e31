"""An aftercare task's owner and the owner of a lesson's action are typed to choose among the
active members of the owning partner (``networks.choosers.MemberComboboxField``), not chosen
from a select of every member of the network: the page is as large at fifty members as at five;
the options endpoint offers exactly the people the services accept (the partner's active
members, access-logged as the member directory's rows) and a member of another partner is
refused by the field like an unknown id. A plan's situation is chosen only among those the
viewer reads in full (the service refuses the others)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from aftercare.aftercare_factories import plan_factory
from assessment_app.assessment_factories import signal_factory, situation_factory
from combobox_support import UNKNOWN_ID, assert_flat, field_errors
from django.core.exceptions import ValidationError
from django.urls import reverse
from subjects.subjects_factories import set_access

from lont.aftercare import services
from lont.aftercare.models import AftercarePlan, PlanTask
from lont.assessment.models import Action
from lont.audit.models import AccessLogEntry
from lont.core.reauth import SESSION_REAUTH_KEY
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType, Role

pytestmark = pytest.mark.django_db

# Measured (warm): 6 on the task's page (its task and plan), 7 on the lesson's adoption (its
# lesson, the partners); the same at 5 and at 50 members.
TASK_MAX_QUERIES = 6
ADOPT_MAX_QUERIES = 7


@pytest.fixture
def world(make_member):
    """The municipality's director with a plan (its task owned by the municipality), a
    colleague, a member of youth work, and a former colleague (no longer active)."""
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    town = director.organisation
    colleague = make_member(PartnerType.MUNICIPALITY, organisation=town)
    colleague.user.full_name = "Wendy Wethouder"
    colleague.user.save()
    former = make_member(PartnerType.MUNICIPALITY, organisation=town)
    former.user.full_name = "Wendy Vertrokken"
    former.user.save()
    former.is_active = False
    former.save()
    youth = make_member(PartnerType.YOUTH_WORK)
    youth.user.full_name = "Wendy Jongerenwerk"
    youth.user.save()
    plan = plan_factory(director, title="Spanning Haven")
    task = PlanTask.objects.filter(plan=plan, organisation=town).order_by("pk").first()
    assert task is not None
    evaluation = services.evaluation_start(viewer=Viewer(director), title="Evaluatie")
    lesson = services.lesson_add(
        viewer=Viewer(director), evaluation=evaluation, data={"text": "Les", "kind": "action"}
    )
    return {
        "director": director,
        "colleague": colleague,
        "former": former,
        "youth": youth,
        "task": task,
        "lesson": lesson,
    }


def _client(world: dict[str, Any], client_for: Any) -> Any:
    client = client_for(world["director"])
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()  # the lesson's adoption asks for a recent sign-in
    session.save()
    return client


def _task_url(world: dict[str, Any]) -> str:
    return reverse("aftercare:task_assign", args=[world["task"].pk])


def _adopt_url(world: dict[str, Any]) -> str:
    return reverse("aftercare:lesson_adopt", args=[world["lesson"].pk])


def _grow(world: dict[str, Any], make_member: Any) -> Any:
    """Members of the municipality (the task's partner) and of youth work, named apart."""

    def add(n: int) -> list[str]:
        names = []
        for i in range(n):
            member = make_member(
                PartnerType.MUNICIPALITY if i % 2 else PartnerType.YOUTH_WORK,
                organisation=world["director" if i % 2 else "youth"].organisation,
            )
            member.user.full_name = f"Groeiend Lid {member.pk:04d}"
            member.user.save()
            names.append(member.user.full_name)
        return names

    return add


@pytest.mark.parametrize("page", ["task", "adopt"])
def test_the_owner_page_does_not_grow_with_the_network_s_members(
    world, make_member, client_for, page
):
    url, most = (
        (_task_url(world), TASK_MAX_QUERIES)
        if page == "task"
        else (_adopt_url(world), ADOPT_MAX_QUERIES)
    )
    assert_flat(_client(world, client_for), url, _grow(world, make_member), max_queries=most)


def _options(client: Any, partner: Any, text: str) -> str:
    query = {"veld": "owner_naam", "owner_naam": text, "lijst": "id_owner-opties"}
    if partner is not None:
        query["organisation"] = str(getattr(partner, "pk", partner))
    response = client.get(reverse("networks:member_options"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_options_are_the_partner_s_active_members_and_are_logged(world, client_for):
    client = _client(world, client_for)
    town = world["director"].organisation
    found = _options(client, town, "Wendy")
    assert "Wendy Wethouder" in found
    assert f'data-value="{world["colleague"].user.pk}"' in found  # the person is what is sent
    assert "Wendy Vertrokken" not in found and "Wendy Jongerenwerk" not in found
    assert "Wendy Jongerenwerk" in _options(client, world["youth"].organisation, "Wendy")
    # no partner chosen in the select (the field then accepts nobody): nobody
    assert "Wendy" not in _options(client, "", "Wendy")
    # asked without a partner at all: the viewer's own partner's members
    assert "Wendy Wethouder" in _options(client, None, "Wendy")
    logged = set(
        AccessLogEntry.objects.filter(via="search", object_type="networks.membership").values_list(
            "object_id", flat=True
        )
    )
    assert str(world["colleague"].pk) in logged and str(world["former"].pk) not in logged


def test_the_task_page_asks_the_endpoint_for_the_task_s_partner(world, client_for):
    page = _client(world, client_for).get(_task_url(world)).content.decode()
    assert reverse("networks:member_options") in page
    assert f"organisation={world['task'].organisation_id}" in page


@pytest.mark.parametrize("who", ["youth", "former"])
def test_an_owner_the_service_would_refuse_is_refused_like_an_unknown_one(world, client_for, who):
    client = _client(world, client_for)
    owner_before = world["task"].owner_id
    data = {"due_date": "2030-01-01"}
    hidden = field_errors(
        client.post(_task_url(world), {**data, "owner": world[who].user.pk}), "owner"
    )
    unknown = field_errors(client.post(_task_url(world), {**data, "owner": UNKNOWN_ID}), "owner")
    assert hidden == unknown and "geldige keuze" in " ".join(hidden)
    world["task"].refresh_from_db()
    assert world["task"].owner_id == owner_before


def test_the_task_is_given_to_a_member_of_its_partner(world, client_for):
    client = _client(world, client_for)
    data = {"owner": world["colleague"].user.pk, "due_date": "2030-01-01"}
    assert client.post(_task_url(world), data).status_code == 302
    with_owner = PlanTask.objects.filter(pk=world["task"].pk).values_list("owner", flat=True)
    assert list(with_owner) == [world["colleague"].user.pk]


def test_without_javascript_a_typed_name_is_chosen_on_the_second_submit(world, client_for):
    client = _client(world, client_for)
    data = {"owner_naam": "Wethouder", "due_date": "2030-01-01"}
    first = client.post(_task_url(world), data)
    assert field_errors(first, "owner") == [
        "Kies uit de gevonden namen onder het veld, of maak het veld leeg."
    ]
    page = first.content.decode()
    assert "Wendy Wethouder" in page and "Wendy Vertrokken" not in page
    second = client.post(_task_url(world), {**data, "owner": world["colleague"].user.pk})
    assert second.status_code == 302


def test_the_lesson_s_owner_follows_the_partner_chosen_above_it(world, client_for):
    client = _client(world, client_for)
    youth = world["youth"]
    data = {"organisation": youth.organisation.pk, "due_date": "2030-01-01"}
    # a member of another partner than the one chosen: refused by the field
    refused = client.post(_adopt_url(world), {**data, "owner": world["colleague"].user.pk})
    assert "geldige keuze" in " ".join(field_errors(refused, "owner"))
    page = client.get(_adopt_url(world)).content.decode()
    assert 'hx-include="#id_organisation"' in page
    assert client.post(_adopt_url(world), {**data, "owner": youth.user.pk}).status_code == 302
    world["lesson"].refresh_from_db()
    action = Action.objects.for_viewer(Viewer(youth)).get(pk=world["lesson"].action_id)
    assert (action.organisation_id, action.owner_id) == (youth.organisation_id, youth.user.pk)


def test_the_service_refuses_a_lesson_s_owner_from_another_partner(world):
    with pytest.raises(ValidationError) as refused:
        services.lesson_adopt(
            viewer=Viewer(world["director"]),
            lesson=world["lesson"],
            data={
                "organisation": world["youth"].organisation,
                "owner": world["colleague"].user,
                "due_date": dt.date(2030, 1, 1),
            },
        )
    assert "geen actief lid" in " ".join(refused.value.messages)


def test_a_plan_is_offered_only_situations_read_in_full(network, make_member, client_for):
    """The municipality reads youth work's group analyses only as a summary: such a situation
    is neither offered nor accepted for a plan (the service refused it after it was offered)."""
    town = make_member(PartnerType.MUNICIPALITY)
    youth = make_member(PartnerType.YOUTH_WORK)
    set_access(
        network,
        {(InformationCategory.GROUP_ANALYSIS, PartnerType.MUNICIPALITY): Access.SUMMARY},
    )
    own = situation_factory(town, signal_factory(town, days_ago=1), title="Spanning Eigen")
    summary = situation_factory(youth, signal_factory(youth, days_ago=1), title="Spanning Samen")
    client = client_for(town)
    # the shared situation field's endpoint names it (a summary reader sees its title) …
    shared = client.get(
        reverse("assessment:situation_options"),
        {"veld": "situation_naam", "situation_naam": "Spanning"},
    ).content.decode()
    assert "Spanning Samen" in shared
    # … the plan's does not
    found = client.get(
        reverse("aftercare:plan_situation_options"),
        {"veld": "situation_naam", "situation_naam": "Spanning"},
    ).content.decode()
    assert "Spanning Eigen" in found and "Spanning Samen" not in found
    page = client.get(reverse("aftercare:plan_open")).content.decode()
    assert reverse("aftercare:plan_situation_options") in page
    refused = client.post(reverse("aftercare:plan_open"), {"situation": summary.pk})
    assert "geldige keuze" in " ".join(field_errors(refused, "situation"))
    assert not AftercarePlan.objects.filter(situation=summary).exists()
    assert client.post(reverse("aftercare:plan_open"), {"situation": own.pk}).status_code == 302
