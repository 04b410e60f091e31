"""Issue 8, findings 3 and 9 (assessment): other partners' rows in a meeting and on a timeline.

Given a case meeting organised by youth work, which has no access to group analyses, and a
police dissent and action on its item, then the organiser's meeting page, minutes and minutes
PDF show neither; the PDF access-logs the agenda items and signals it prints. A situation's
timeline logs the context notes whose reasons it shows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import note_factory, signal_factory, situation_factory
from django.urls import reverse
from subjects.subjects_factories import set_access

from lont.assessment import services
from lont.audit.models import AccessLogEntry
from lont.networks.choices import Access, InformationCategory, PartnerType
from tests.core.canary_world import pdf_text

pytestmark = pytest.mark.django_db
DISSENT = "Politie ziet het anders 6610"
ACTION = "Politieactie 6611"


@pytest.fixture
def meeting(make_member, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    signal = signal_factory(youth, days_ago=0.5)
    situation = situation_factory(youth, signal)
    meeting = services.meeting_create(
        viewer=viewer_for(youth),
        data={
            "date": dt.date.today(),
            "participants": [police.organisation],
            "situations": [situation],
        },
    )
    item = meeting.items.get()
    services.dissent_add(viewer=viewer_for(police), item=item, text=DISSENT)
    services.action_create(
        viewer=viewer_for(police),
        item=item,
        data={
            "description": ACTION,
            "organisation": police.organisation,
            "owner": police.user,
            "due_date": dt.date.today(),
            "mode": "offline",
        },
    )
    own = services.dissent_add(viewer=viewer_for(youth), item=item, text="Eigen mening 6612")
    return {
        "youth": youth,
        "police": police,
        "meeting": meeting,
        "item": item,
        "own": own,
        "signal": signal,
    }


def test_finding_3_meeting_minutes_and_pdf_hide_other_partners_rows(meeting, network, client_for):
    # given the organiser's partner type has no access to group analyses
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.NONE})
    client = client_for(meeting["youth"])
    pk = meeting["meeting"].pk
    page = client.get(reverse("assessment:meeting_detail", args=[pk])).content.decode()
    minutes = client.get(reverse("assessment:minutes", args=[pk])).content.decode()
    pdf = pdf_text(client.get(reverse("assessment:minutes_pdf", args=[pk])).content).decode(
        "latin-1"
    )
    # then its own dissent is there, the police's dissent and action nowhere
    assert "Eigen mening 6612" in page and "Eigen mening 6612" in minutes
    assert "Eigen mening 6612" in pdf
    for body in (page, minutes, pdf):
        assert DISSENT not in body and ACTION not in body


def test_finding_3_participants_with_access_see_the_rows(meeting, client_for):
    minutes = client_for(meeting["police"]).get(
        reverse("assessment:minutes", args=[meeting["meeting"].pk])
    )
    assert DISSENT in minutes.content.decode() and ACTION in minutes.content.decode()


def test_finding_3_minutes_pdf_logs_agenda_items_and_signals(meeting, client_for):
    client_for(meeting["youth"]).get(
        reverse("assessment:minutes_pdf", args=[meeting["meeting"].pk])
    )
    logged = set(AccessLogEntry.objects.filter(via="pdf").values_list("object_type", flat=True))
    assert {"assessment.agendaitem", "signalregister.signal", "assessment.dissent"} <= logged


def test_finding_9_timeline_logs_the_context_notes_it_shows(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(youth, days_ago=0.5)
    note = note_factory(youth, signal, -1, reason="Reden 6613")
    situation = situation_factory(youth, signal)
    page = client_for(youth).get(reverse("assessment:situation_detail", args=[situation.pk]))
    assert "Reden 6613" in page.content.decode()
    assert AccessLogEntry.objects.filter(
        object_type="signalregister.contextnote", object_id=str(note.pk)
    ).exists()
