"""A decision's action names its owner by typing among the active members of the partner chosen
above it (``networks.choosers.MemberComboboxField``), not from a select of every member of the
network: the meeting page is as large at fifty members as at five, reads as often, and offers
only the people ``services.action_create`` accepts."""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from combobox_support import assert_flat
from django.urls import reverse

from lont.assessment import services
from lont.assessment.models import Action
from lont.audit.models import AccessLogEntry
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db

# Measured (warm) on a meeting with one item in besluitvorming; the same at 5 and 50 members.
MEETING_MAX_QUERIES = 17


@pytest.fixture
def meeting(make_member, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    police.user.full_name = "Agent Anouk"
    police.user.save()
    situation = situation_factory(youth, signal_factory(youth, days_ago=0.5))
    viewer = viewer_for(youth)
    meeting = services.meeting_create(
        viewer=viewer,
        data={
            "date": dt.date.today(),
            "participants": [police.organisation],
            "situations": [situation],
        },
    )
    item = meeting.items.get()
    services.item_picture(viewer=viewer, item=item, data={})
    services.item_judge(viewer=viewer, item=item, data={"judged_level": item.computed_level})
    return {"youth": youth, "police": police, "meeting": meeting, "item": item}


def test_the_meeting_page_does_not_grow_with_the_network_s_members(
    meeting, make_member, client_for
):
    police = meeting["police"].organisation

    def add(n: int) -> list[str]:
        names = []
        for _ in range(n):
            member = make_member(PartnerType.POLICE, organisation=police)
            member.user.full_name = f"Groeiend Lid {member.pk:04d}"
            member.user.save()
            names.append(member.user.full_name)
        return names

    url = meeting["meeting"].get_absolute_url()
    assert_flat(client_for(meeting["youth"]), url, add, max_queries=MEETING_MAX_QUERIES)


def test_the_owner_follows_the_partner_and_starts_as_the_viewer(meeting, client_for):
    youth, item = meeting["youth"], meeting["item"]
    page = client_for(youth).get(meeting["meeting"].get_absolute_url()).content.decode()
    assert f'hx-include="#punt{item.pk}-organisation"' in page
    assert f'value="{youth.user.full_name}"' in page  # the viewer, chosen
    assert f'name="owner" value="{youth.user.pk}"' in page
    assert "Agent Anouk" not in page


def _step(client, item, data):
    return client.post(reverse("assessment:item_step", args=[item.pk, "actie"]), data)


ACTION = {"description": "Gesprek voeren", "due_date": "2030-01-01", "mode": "offline"}


def test_an_owner_of_another_partner_is_refused_and_a_member_of_it_accepted(meeting, client_for):
    client = client_for(meeting["youth"])
    item, police = meeting["item"], meeting["police"]
    wrong = {**ACTION, "organisation": police.organisation.pk, "owner": meeting["youth"].user.pk}
    refused = _step(client, item, wrong)
    assert refused.status_code == 400
    errors = refused.context["items"][0]["action_form"].errors["owner"]
    assert "geldige keuze" in " ".join(errors)
    right = {**ACTION, "organisation": police.organisation.pk, "owner": police.user.pk}
    assert _step(client, item, right).status_code == 302
    assert Action.objects.filter(item=item, owner=police.user).count() == 1


def test_without_javascript_a_typed_owner_is_offered_and_logged(meeting, client_for):
    client = client_for(meeting["youth"])
    item, police = meeting["item"], meeting["police"]
    typed = {**ACTION, "organisation": police.organisation.pk, "owner_naam": "Anouk"}
    response = _step(client, item, typed)
    assert response.status_code == 400
    assert "Agent Anouk" in response.content.decode()
    logged = AccessLogEntry.objects.filter(
        via="page", object_type="networks.membership", object_id=str(police.pk)
    )
    assert logged.count() == 1
    chosen = {**typed, "owner": police.user.pk}
    assert _step(client, item, chosen).status_code == 302
