"""The incident room's API: writes for tasks and posts and outreach through the page's services,
reads for messages, people, readings and outreach, same permissions and audit as the pages."""

from __future__ import annotations

import pytest
from crisis_factories import allow_preserved_copies, incident_factory
from django.test import Client
from socialmap_factories import contact_factory, group_factory, reach_factory

from lont.accounts.services import api_token_create
from lont.audit.models import AccessLogEntry, ChangeLogEntry
from lont.core.viewer import Viewer
from lont.crisis import services
from lont.crisis.models import IncidentTask, Outreach, ReportedPost
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db
API = "/api/v1/"


def token_client(member) -> Client:
    _row, raw = api_token_create(viewer=Viewer(member), name="partnersysteem", days=1)
    return Client(HTTP_AUTHORIZATION=f"Token {raw}")


def rows_of(answer) -> list:
    data = answer.json()
    return data["results"] if isinstance(data, dict) else data


def post(client, url, data=None):
    return client.post(API + url, data or {}, content_type="application/json")


def test_tasks_created_confirmed_and_done_by_their_partner(make_member):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    police = make_member(PartnerType.POLICE)
    incident = incident_factory(director)
    boss, agent = token_client(director), token_client(police)
    made = post(
        boss,
        "incident-tasks/",
        {
            "incident": incident.pk,
            "organisation": police.organisation_id,
            "kind": "op",
            "description": "Wijkagenten op de plek",
        },
    )
    assert made.status_code == 201, made.content
    task = IncidentTask.objects.get(pk=made.json()["id"])
    # Only the partner itself confirms or reports its task done: the director is refused.
    assert post(boss, f"incident-tasks/{task.pk}/confirm/").status_code == 403
    assert post(agent, f"incident-tasks/{task.pk}/confirm/").status_code == 200
    assert post(agent, f"incident-tasks/{task.pk}/done/", {"result": ""}).status_code == 400
    done = post(agent, f"incident-tasks/{task.pk}/done/", {"result": "Rustig verlopen"})
    assert done.status_code == 200 and done.json()["result"] == "Rustig verlopen"
    task.refresh_from_db()
    assert task.confirmed_by == police.user and task.done_at is not None
    assert ChangeLogEntry.objects.filter(
        object_type="crisis.incidenttask", object_id=str(task.pk), actor=police.user
    ).exists()


def test_a_partner_that_may_not_write_is_refused(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    school = make_member(PartnerType.EDUCATION)
    incident = incident_factory(youth)
    # Schools see the incident as a summary: no task, post or outreach of theirs on it.
    for url, data in (
        ("incident-tasks/", {"incident": incident.pk, "kind": "task", "description": "x"}),
        (
            "incident-posts/",
            {"incident": incident.pk, "url": "https://x.example/1", "platform": "x"},
        ),
    ):
        assert post(token_client(school), url, data).status_code == 403
    assert not IncidentTask.objects.exists() and not ReportedPost.objects.exists()


def test_posts_reported_jointly_with_outcome_and_copy_only_where_allowed(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    incident = incident_factory(youth)
    worker, agent = token_client(youth), token_client(police)
    body = {"incident": incident.pk, "url": "https://tt.example/1", "platform": "tiktok"}
    refused = post(worker, "incident-posts/", {**body, "preserved_copy": "kom allemaal"})
    assert refused.status_code == 400 and "convenant" in refused.content.decode()
    made = post(worker, "incident-posts/", body)
    assert made.status_code == 201
    pk = made.json()["id"]
    assert post(agent, f"incident-posts/{pk}/report/").status_code == 200
    assert post(agent, f"incident-posts/{pk}/report/").status_code == 400  # once per partner
    outcome = post(
        agent,
        f"incident-posts/{pk}/outcome/",
        {"outcome": "verwijderd", "platform_reference": "TT-1"},
    )
    assert outcome.status_code == 200 and outcome.json()["removed_at"]
    allow_preserved_copies(youth.network)
    kept = post(worker, "incident-posts/", {**body, "preserved_copy": "kom allemaal"})
    assert kept.status_code == 201 and len(kept.json()["copy_sha256"]) == 64


def test_reads_of_messages_people_readings_and_outreach_are_logged(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    group = group_factory(youth.organisation, name="Kreekside")
    contact = contact_factory(youth.organisation)
    reach_factory(contact, group)
    incident = incident_factory(youth, groups=[group])
    viewer = Viewer(youth)
    services.message_save(
        viewer=viewer, incident=incident, data={"channel": "Instagram", "text": "Doe niet mee."}
    )
    services.reading_add(
        viewer=viewer, incident=incident, data={"stage": 1, "reading": "Gespannen sfeer."}
    )
    client = token_client(youth)
    made = post(
        client,
        "incident-outreach/",
        {
            "incident": incident.pk,
            "contact": contact.pk,
            "group": group.pk,
            "channel": "telefoon",
            "ask": "Kom je zaterdag?",
        },
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    later = post(client, f"incident-outreach/{pk}/outcome/", {"outcome": "helpt"})
    assert later.status_code == 200 and Outreach.objects.get().outcome == "helpt"
    for url in ("incident-messages", "incident-people", "incident-readings", "incident-outreach"):
        answer = client.get(f"{API}{url}/?incident={incident.pk}")
        assert answer.status_code == 200, url
    assert rows_of(client.get(f"{API}incident-messages/?incident={incident.pk}"))[0]["text"]
    logged = set(AccessLogEntry.objects.filter(via="api").values_list("object_type", flat=True))
    assert {"crisis.incidentmessage", "crisis.escalationreading", "crisis.outreach"} <= logged
    # A school reads the outreach as a summary: no ask, no contact name.
    school = token_client(make_member(PartnerType.EDUCATION))
    rows = rows_of(school.get(f"{API}incident-outreach/"))
    assert rows and rows[0]["access"] == "summary" and not rows[0].get("ask")
