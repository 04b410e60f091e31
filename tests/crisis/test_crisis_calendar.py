"""An incident enters the risk calendar when it is scaled down: its anniversaries become windows
linked to its groups, without anyone having to remember (the guide's "Maak als gemeente een
kalender")."""

from __future__ import annotations

import datetime as dt

import pytest
from crisis_factories import incident_factory
from subjects.subjects_factories import group_factory

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.crisis import services
from lont.networks.choices import PartnerType
from lont.riskcalendar.models import CalendarEvent, RiskWindow

pytestmark = pytest.mark.django_db


def test_a_scaled_down_incident_brings_its_anniversaries_once(make_member):
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation, name="De Kade")
    planned = dt.datetime(2026, 11, 28, 20, 0, tzinfo=dt.UTC)
    incident = incident_factory(police, occurred_at=planned, groups=[group])
    viewer = Viewer(police)
    services.incident_transition(
        viewer=viewer, incident=incident, to_state="actief", reason="Ter plaatse"
    )
    assert not CalendarEvent._base_manager.filter(source_key__startswith="crisis.").exists()

    services.incident_transition(
        viewer=viewer,
        incident=incident,
        to_state="afgeschaald",
        reason="Rustig",
        spot_evaluation="Groepen gescheiden",
    )
    services.incident_transition(
        viewer=viewer, incident=incident, to_state="nazorg", reason="Nazorg"
    )
    services.incident_transition(
        viewer=viewer, incident=incident, to_state="gesloten", reason="Klaar"
    )

    with system_context("test: what the calendar holds"):
        event = CalendarEvent.objects.get(source_key=f"crisis.incident:{incident.pk}")
        assert event.kind == "incident" and event.occurred_at == planned
        assert list(event.groups.all()) == [group]
        windows = RiskWindow.objects.filter(event=event).order_by("starts_on")
        # the 1st and 2nd anniversary, each opening about two months before the date
        assert [w.peak_on for w in windows] == [dt.date(2027, 11, 28), dt.date(2028, 11, 28)]
        assert windows[0].starts_on == dt.date(2027, 9, 28)
