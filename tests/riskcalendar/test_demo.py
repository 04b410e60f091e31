"""The demo risk calendar: an incident 14 months ago whose anniversary window is open and raises
the rivalry's level, a flagged verdict, school holidays, Ramadan and New Year's Eve."""

from __future__ import annotations

import pytest
from django.utils import timezone

from lont.assessment.models import Situation
from lont.networks.demo import load_demo
from lont.riskcalendar.models import CalendarEvent, RiskWindow
from lont.riskcalendar.selectors import school_holidays

pytestmark = pytest.mark.django_db


def test_the_demo_calendar(settings):
    settings.DEMO_MODE = True
    load_demo()
    load_demo()  # idempotent
    today = timezone.localdate()
    assert CalendarEvent.objects.count() == 2
    incident = CalendarEvent.objects.get(kind="incident")
    first = incident.windows.get(kind="anniversary_1")
    assert first.starts_on <= today <= first.ends_on
    assert RiskWindow.objects.get(kind="court").flagged
    kinds = set(RiskWindow.objects.values_list("kind", flat=True))
    assert {"school_holiday", "religious", "new_year"} <= kinds
    assert school_holidays(incident.network_id)
    rivalry = Situation.objects.get(title="Rivaliteit 3031 Collective – Kreekside")
    refs = [c["ref"] for c in rivalry.explanation["contributions"]]
    assert f"window {first.pk}" in refs
