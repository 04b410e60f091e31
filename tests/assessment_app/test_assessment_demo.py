"""The demo shows what the issue asks for, and loading it twice changes nothing."""

from __future__ import annotations

import pytest

from lont.assessment.models import Action, CaseMeeting, Situation
from lont.networks.demo import load_demo
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db


def test_demo_situations_and_meetings(client_for):
    load_demo()
    load_demo()
    rivalry = Situation.objects.get(title__startswith="Rivaliteit 3031")
    assert rivalry.level == "hoog"
    assert rivalry.drill["red_flag"] and rivalry.drill["attacks_rising"]
    kooi = Situation.objects.get(title="Groepsdynamiek De Kooi")
    assert any(b["kind"] == "rate" and b["subject"] == "group" for b in kooi.trend_breaks)
    alarm = Situation.objects.get(title="Mogelijke confrontatie station")
    assert alarm.level == "laag"
    assert any("contextnotities" in c["reason_nl"] for c in alarm.explanation["contributions"])
    assert CaseMeeting.objects.filter(status="closed").count() == 2
    # the two open actions of the case meetings (a lesson of the aftercare demo adds its own)
    assert Action.objects.filter(status="open", item__isnull=False).count() == 2
    assert Situation.objects.filter(title__startswith="Rivaliteit 3031").count() == 1
    # the pages render for the police officer (owner) with chart, timeline and conflict events
    police = Membership.objects.get(
        user__email="wijkagent@politie.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    client = client_for(police)
    page = client.get(rivalry.get_absolute_url()).content.decode()
    assert "Drillduiding" in page and "Gebeurtenis in het conflict" in page
    meeting = CaseMeeting.objects.order_by("date").last()
    assert "Resultaten van de acties" in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get("/duiding/").status_code == 200
