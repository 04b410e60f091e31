"""Given a signal that names a window ("deze week"), the situation's timeline shows the window,
not a single moment; a signal seen only as a summary shows neither."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse

from lont.networks.choices import PartnerType

AMS = ZoneInfo("Europe/Amsterdam")


def test_the_timeline_shows_a_window_as_a_window(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(
        youth,
        days_ago=0.5,
        mentioned_time=dt.datetime(2026, 12, 7, 0, 0, tzinfo=AMS),
        mentioned_until=dt.datetime(2026, 12, 13, 23, 59, tzinfo=AMS),
    )
    situation = situation_factory(youth, signal)
    page = client_for(youth).get(reverse("assessment:situation_detail", args=[situation.pk]))
    assert "genoemde periode: 7–13 december 2026" in page.content.decode()
