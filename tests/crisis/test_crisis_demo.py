"""The demo incidents: one at actief with checked messages and two reported posts (one removed
after 3 h 20 min), one closed 14 months ago; loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lont.core.scoping import system_context
from lont.crisis import selectors
from lont.crisis.demo import ACTIVE_TITLE, CLOSED_TITLE
from lont.crisis.models import Incident, IncidentLogEntry, IncidentMessage, ReportedPost
from lont.networks.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_incidents():
    load_demo()
    with system_context("test reads the demo"):
        counts = (Incident.objects.count(), IncidentLogEntry.objects.count())
        load_demo()
        assert (Incident.objects.count(), IncidentLogEntry.objects.count()) == counts
        active = Incident.objects.get(title=ACTIVE_TITLE)
        assert active.state == "actief" and active.act and active.spot_evaluation == ""
        message = IncidentMessage.objects.get(incident=active)
        assert message.status == "klaar" and message.warnings == []
        posts = list(ReportedPost.objects.filter(incident=active))
        assert len(posts) == 2
        removed = [p for p in posts if p.removed_at]
        assert removed[0].time_to_removal == dt.timedelta(hours=3, minutes=20)
        assert selectors.removal_per_platform(posts)
        closed = Incident.objects.get(title=CLOSED_TITLE)
        age = timezone.now() - closed.occurred_at
        assert closed.state == "gesloten" and 13 * 30 < age.days < 15 * 31
