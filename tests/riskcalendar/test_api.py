"""The risk calendar's API: the same services and visibility as the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from subjects_factories import group_factory

from lont.networks.choices import PartnerType, Role
from lont.riskcalendar.models import CalendarEvent, RiskWindow

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_record_an_event_and_read_its_windows_at_each_access_level(make_member, client_for):
    municipality = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    group = group_factory(municipality.organisation, "Kreekside")
    client = client_for(municipality)
    response = client.post(
        "/api/v1/calendar/events/",
        {
            "kind": "incident",
            "occurred_at": "2026-01-15T12:00:00+01:00",
            "title": "Geheime steekpartij",
            "groups": [group.pk],
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    assert CalendarEvent.objects.count() == 1 and RiskWindow.objects.count() == 2
    rows = client.get("/api/v1/calendar/windows/").json()
    rows = rows.get("results", rows)
    assert {r["kind"] for r in rows} == {"anniversary_1", "anniversary_2"}
    assert all(r["access"] == "full" and r["groups"] == [group.pk] for r in rows)
    # a school reads incidents as a summary (default covenant): kind and dates, no title
    school = client_for(make_member(PartnerType.EDUCATION))
    rows = school.get("/api/v1/calendar/windows/").json()
    rows = rows.get("results", rows)
    assert rows and all(r["access"] == "summary" for r in rows)
    assert "Geheime" not in str(rows) and all("title" not in r for r in rows)


def test_a_manual_window_with_a_bad_group_is_refused(make_member, client_for):
    member = make_member(PartnerType.MUNICIPALITY)
    client = client_for(member)
    response = client.post(
        "/api/v1/calendar/windows/",
        {
            "kind": "school_holiday",
            "title": "Zomervakantie",
            "starts_on": str(dt.date(2027, 7, 10)),
            "ends_on": str(dt.date(2027, 8, 22)),
            "groups": [999999],
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    assert RiskWindow.objects.count() == 0
