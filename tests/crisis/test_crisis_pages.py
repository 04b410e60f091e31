"""The incident room's pages: open from a situation, the live picture, forms, the PDF."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import situation_factory
from crisis_factories import incident_factory
from django.urls import reverse

from lont.crisis.models import Incident, IncidentMessage
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def test_open_from_an_acute_situation_by_page(make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    situation = situation_factory(director, title="Kooi-rivaliteit")
    situation.level = "acuut"
    situation.save()
    client = client_for(director)
    url = reverse("crisis:open") + f"?situatie={situation.pk}"
    page = client.get(url)
    assert page.status_code == 200 and "Kooi-rivaliteit" in page.content.decode()
    bad = client.post(url, {"title": "Kooi", "level": "acuut", "location": "voetbalkooi"})
    assert bad.status_code == 400 and "voetbalkooi" in bad.content.decode()
    assert not Incident.objects.exists()
    done = client.post(url, {"title": "Kooi", "level": "acuut", "reason": "Oproep gezien"})
    assert done.status_code == 302
    incident = Incident.objects.get()
    assert incident.situation == situation and incident.origin == "situation"


def test_live_picture_full_and_summary(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth, description="Geheime omschrijving")
    own = client_for(youth).get(incident.get_absolute_url()).content.decode()
    assert "Geheime omschrijving" in own and "Actieplan" in own
    live = client_for(youth).get(reverse("crisis:live", args=[incident.pk]))
    assert live.status_code == 200 and 'hx-trigger="every 10s"' in live.content.decode()
    mentor = make_member(PartnerType.EDUCATION)
    seen = client_for(mentor).get(incident.get_absolute_url())
    assert seen.status_code == 200
    text = seen.content.decode()
    assert incident.title in text and "Geheime omschrijving" not in text
    assert "samenvatting" in text
    pdf = client_for(mentor).get(reverse("crisis:report_pdf", args=[incident.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_message_check_and_ready_by_page(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    client = client_for(youth)
    check = client.post(reverse("crisis:check", args=[incident.pk]), {"text": "Zaterdag om 20:00"})
    assert "tijdstip" in check.content.decode()
    saved = client.post(
        reverse("crisis:step", args=[incident.pk, "bericht"]),
        {"channel": "Instagram", "text": "Niet komen zaterdag om 20:00"},
    )
    assert saved.status_code == 302
    message = IncidentMessage.objects.get()
    refused = client.post(reverse("crisis:row_step", args=[message.pk, "klaar"]), {})
    assert refused.status_code == 400
    message.refresh_from_db()
    assert message.status == "concept"


def test_plan_page_records_deliberately_nothing(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    client = client_for(youth)
    url = reverse("crisis:plan", args=[incident.pk])
    assert client.get(url).status_code == 200
    done = client.post(
        url, {"safety_first": "on", "act": "niets", "act_reason": "Ingrijpen vergroot het bereik"}
    )
    assert done.status_code == 302
    incident.refresh_from_db()
    assert incident.act == "niets"


def test_phase_page_links_to_incidents_and_dashboard(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    page = client_for(youth).get(reverse("core:phase_crisis")).content.decode()
    assert reverse("crisis:list") in page and reverse("assessment:dashboard") in page
