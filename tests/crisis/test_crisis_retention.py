"""An open incident is a legal hold on its rows and what it was opened from; a closed one is not."""

from __future__ import annotations

import datetime as dt

import pytest
from crisis_factories import incident_factory

from lont.core.viewer import Viewer
from lont.crisis import services
from lont.retention import holds

pytestmark = pytest.mark.django_db


def test_open_incident_holds_its_rows(make_member):
    youth = make_member()
    incident = incident_factory(youth)
    log = incident.log.for_viewer(Viewer(youth)).get()
    held = holds.held_keys(youth.network, dt.date.today())
    assert incident.pk in held["crisis.Incident"]
    assert log.pk in held["crisis.IncidentLogEntry"]
    services.incident_transition(
        viewer=Viewer(youth), incident=incident, to_state="gesloten", reason="Loos alarm"
    )
    held = holds.held_keys(youth.network, dt.date.today())
    assert incident.pk not in held.get("crisis.Incident", set())
