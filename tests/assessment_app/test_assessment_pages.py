"""Pages: open a situation through the form, bad input keeps what was typed; drill chart; API."""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse

from lont.assessment import services
from lont.assessment.models import Situation
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db


def test_create_situation_through_the_form(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    client = client_for(youth)
    url = reverse("assessment:situation_create")
    assert client.get(url).status_code == 200
    # bad input: no title -> Dutch error, nothing saved, the description kept
    bad = client.post(url, {"kind": "rivalry", "description": "Mijn getypte tekst"})
    assert bad.status_code == 400
    assert "Mijn getypte tekst" in bad.content.decode()
    assert "Dit veld is vereist" in bad.content.decode()
    assert not Situation.objects.exists()
    ok = client.post(url, {"kind": "rivalry", "title": "Spanning Noord"})
    assert ok.status_code == 302
    situation = Situation.objects.get()
    assert situation.followers.filter(pk=youth.user.pk).exists()


def test_link_signals_and_follow(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    client = client_for(youth)
    situation = situation_factory(youth)
    signal = signal_factory(youth, days_ago=0.2)
    url = reverse("assessment:situation_link", args=[situation.pk])
    assert client.post(url, {"signals": [signal.pk]}).status_code == 302
    situation.refresh_from_db()
    assert situation.level == "verhoogd"
    client.post(reverse("assessment:situation_follow", args=[situation.pk]), {"volgen": "0"})
    assert not situation.followers.filter(pk=youth.user.pk).exists()


def test_drill_chart_is_an_accessible_svg_with_a_table(make_member, client_for):
    police = make_member(PartnerType.POLICE)
    now = dt.datetime.now(dt.UTC)
    signals = []
    for month in range(12, 0, -1):
        year, index = divmod(now.year * 12 + now.month - 1 - month, 12)
        at = now.replace(year=year, month=index + 1, day=15)
        s = signal_factory(
            police,
            days_ago=0,
            weights=(),
            is_drill=True,
            drill_personal_attacks=12 - month,
            drill_members_shown=13 - month,
        )
        s.observed_at = at
        s.save()
        signals.append(s)
    situation = situation_factory(police, *signals)
    body = client_for(police).get(situation.get_absolute_url()).content.decode()
    assert 'role="img"' in body and "<polyline" in body
    assert "Causaliteitsvraag" in body
    assert '<th class="utrecht-table__header-cell" scope="col">Maand</th>' in body
    # drill alone never raises the level
    assert Situation.objects.get(pk=situation.pk).level == "laag"


def test_api_meetings_and_actions(make_member, client_for, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    housing = make_member(PartnerType.HOUSING)
    situation = situation_factory(youth, signal_factory(youth))
    meeting = services.meeting_create(
        viewer=viewer_for(youth),
        data={"date": dt.date.today(), "participants": [], "situations": [situation]},
    )
    item = meeting.items.get()
    services.item_picture(viewer=viewer_for(youth), item=item, data={})
    services.item_judge(
        viewer=viewer_for(youth), item=item, data={"judged_level": item.computed_level}
    )
    services.action_create(
        viewer=viewer_for(youth),
        item=item,
        data={
            "organisation": youth.organisation,
            "owner": youth.user,
            "description": "Bellen",
            "due_date": dt.date.today(),
            "mode": "offline",
        },
    )
    client = client_for(youth)
    meetings = client.get(reverse("api:meeting-list")).json()["results"]
    assert meetings[0]["items"][0]["situation"] == situation.pk
    actions = client.get(reverse("api:action-list")).json()["results"]
    assert actions[0]["description"] == "Bellen"
    assert client_for(housing).get(reverse("api:action-list")).json()["results"] == []
