"""Given a signal that names a window ("deze week") with a place and a call to action, the
situation stays acute while the window runs — also when it was said after the window began — and
calms down once it has ended; rows prepared by an engine before windows are never read."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory

from lont import engine
from lont.assessment import recompute, services
from lont.assessment.models import PreparedContribution
from lont.core.scoping import system_context
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = dt.datetime(2026, 12, 7, 0, 0, tzinfo=AMS)
WEDNESDAY = dt.datetime(2026, 12, 9, 14, 0, tzinfo=AMS)
SUNDAY_END = dt.datetime(2026, 12, 13, 23, 59, tzinfo=AMS)


def _situation_with_this_week(member):
    signal = signal_factory(
        member,
        mentioned_time=MONDAY,
        mentioned_until=SUNDAY_END,
        mentioned_place="Het plein",
        call_to_action=True,
    )
    # Said on Wednesday morning, about the week that began on Monday.
    signal.observed_at = WEDNESDAY - dt.timedelta(hours=3)
    signal.save()
    return situation_factory(member, signal), signal


def _lines(situation, kind):
    return [c for c in situation.explanation["contributions"] if c["kind"] == kind]


def test_a_window_said_on_wednesday_keeps_the_situation_acute_until_sunday(make_member):
    # given a call to come to the square "deze week", said on Wednesday
    member = make_member(PartnerType.YOUTH_WORK)
    situation, _signal = _situation_with_this_week(member)
    # when the situation is recomputed on Wednesday afternoon
    with system_context("test"):
        services.situation_recompute(situation, now=WEDNESDAY)
    # then it is acute, and the explanation says the window runs until Sunday
    assert situation.level == "acuut"
    (acute,) = _lines(situation, "acute_rule")
    assert "genoemde periode loopt nog tot zo 13 dec" in acute["reason_nl"]
    (line,) = _lines(situation, "signal")
    assert "genoemde periode loopt nog tot zo 13 dec: blijft volledig actueel" in line["reason_nl"]
    # and once the week is over it is no longer acute, and the signal decays from the week's end
    with system_context("test"):
        services.situation_recompute(situation, now=SUNDAY_END + dt.timedelta(hours=10))
    assert situation.level == "verhoogd"
    assert not _lines(situation, "acute_rule")
    (line,) = _lines(situation, "signal")
    assert "sinds het einde van de genoemde periode" in line["reason_nl"]


def test_rows_prepared_by_an_engine_before_windows_are_prepared_again(make_member, monkeypatch):
    # given a record stored by the engine before windows: an older format, a row without an end
    member = make_member(PartnerType.YOUTH_WORK)
    situation, signal = _situation_with_this_week(member)
    with system_context("test"):
        monkeypatch.setattr(engine, "PREPARED_FORMAT", 1)
        services.situation_recompute(situation, now=WEDNESDAY)
        stored = PreparedContribution.objects.get(situation=situation, signal=signal)
        data = json.loads(stored.data)  # the prepared record is stored as JSON text
        stored.data = json.dumps([data[0][:14], *data[1:]])
        stored.save()
        monkeypatch.undo()
        # when the engine with windows recomputes the situation
        services.situation_recompute(situation, now=WEDNESDAY)
        # then the old row was not read but prepared again, with the window's end
        stored.refresh_from_db()
    assert stored.key == recompute.cache_key(
        situation.network_id, recompute.parameters_for(situation.network_id)
    )
    assert len(json.loads(stored.data)[0]) == 15
    assert situation.level == "acuut"
