"""The risk calendar feeds the level engine, reaches each member's own calendar at their access
level, reminds before a window opens, and records another app's event once."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from riskcalendar_factories import incident, window
from subjects_factories import group_factory

from lont.assessment import services as assessment_services
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification
from lont.riskcalendar import selectors, services
from lont.riskcalendar.models import CalendarEvent, RiskWindow
from lont.riskcalendar.rules import add_months

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()
WINDOW_POINTS = 1.5  # docs/ENGINE.md: "each open risk-calendar window 1.5"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_an_incident_14_months_ago_raises_its_situation_by_the_window_weight(
    make_member, frozen, django_capture_on_commit_callbacks
):
    # given a situation about a group, at a fairly strong signal (2.0: laag)
    municipality = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    group = group_factory(municipality.organisation, "Kreekside")
    signal = signal_factory(municipality, days_ago=0, weights=("fairly_strong",), groups=(group,))
    situation = situation_factory(municipality, signal, groups=[group])
    situation = assessment_services.situation_recompute(situation, now=NOW)
    before = situation.score
    assert situation.level == "laag"
    # when the municipality records an incident of 14 months ago involving the group
    with django_capture_on_commit_callbacks(execute=True):
        event = incident(municipality, add_months(TODAY, -14), groups=[group])
    # then its first-anniversary window is open today …
    first = event.windows.get(kind="anniversary_1")
    assert first.starts_on <= TODAY <= first.ends_on
    assert not event.windows.get(kind="anniversary_2").is_open(TODAY)
    # … and the situation (recomputed on commit) rose by exactly the window's weight, explained
    situation.refresh_from_db()
    assert situation.score == pytest.approx(before + WINDOW_POINTS)
    assert situation.level == "verhoogd"
    line = next(
        c for c in situation.explanation["contributions"] if c["ref"] == f"window {first.pk}"
    )
    assert line["amount"] == WINDOW_POINTS
    assert "1e jaardag van een incident" in line["reason_nl"]
    assert "Geheime" not in line["reason_nl"]


def test_a_window_linked_to_the_situation_only_counts_while_open(make_member, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    situation = situation_factory(member)
    window(member, TODAY + dt.timedelta(days=3), TODAY + dt.timedelta(days=9), situation=situation)
    open_now = window(member, TODAY, TODAY, situation=situation)
    result = assessment_services.situation_recompute(situation, now=NOW)
    refs = [c["ref"] for c in result.explanation["contributions"]]
    assert refs == [f"window {open_now.pk}"]
    assert result.score == pytest.approx(WINDOW_POINTS)


def test_event_record_is_idempotent_by_source_key(make_member, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    first = incident(member, TODAY - dt.timedelta(days=30), source_key="crisis-7")
    again = incident(member, TODAY - dt.timedelta(days=30), source_key="crisis-7")
    assert again.pk == first.pk
    assert CalendarEvent.objects.count() == 1
    assert RiskWindow.objects.count() == 2


def test_bad_input_changes_nothing(make_member, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    with pytest.raises(ValidationError) as error:
        window(member, TODAY, TODAY - dt.timedelta(days=1))
    assert "sluit niet voor" in str(error.value)
    with pytest.raises(ValidationError):
        window(member, TODAY, TODAY, kind="anniversary_1")
    with pytest.raises(ValidationError):
        incident(member, dt.date(1, 1, 1))
    observer = make_member(PartnerType.MUNICIPALITY, role=Role.OBSERVER)
    with pytest.raises(PermissionDenied):
        window(observer, TODAY, TODAY)
    assert RiskWindow.objects.count() == 0


def test_the_form_keeps_what_was_typed(make_member, client_for, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    client = client_for(member)
    response = client.post(
        reverse("riskcalendar:window_create"),
        {"kind": "event", "title": "Kermis", "starts_on": "2027-03-20", "ends_on": "2027-03-10"},
    )
    assert response.status_code == 400
    assert "Kermis" in response.content.decode()
    assert RiskWindow.objects.count() == 0


def test_school_holidays_for_the_analyser(make_member, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    window(member, dt.date(2027, 7, 10), dt.date(2027, 8, 22), kind="school_holiday")
    window(member, dt.date(2027, 12, 31), dt.date(2027, 12, 31), kind="new_year")
    assert selectors.school_holidays(member.network_id) == [
        (dt.date(2027, 7, 10), dt.date(2027, 8, 22))
    ]


def test_a_reminder_goes_out_once_a_week_before_without_content(make_member, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    follower = make_member(PartnerType.POLICE)
    situation = situation_factory(member)
    situation.followers.add(follower.user)
    window(member, TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=9), situation=situation)
    window(member, TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=40))
    assert services.windows_remind(today=TODAY) == 2
    assert services.windows_remind(today=TODAY) == 0
    notes = list(Notification.objects.all())
    assert {n.user_id for n in notes} == {member.user_id, follower.user_id}
    assert all("Geheime" not in n.text and "20-03-2027" in n.text for n in notes)


# --- the iCalendar feed ---------------------------------------------------------------------


def _feed_url(client):
    response = client.post(reverse("riskcalendar:feed_settings"), {"action": "maken"})
    assert response.status_code == 200
    return response.context["feed_url"]


def test_the_feed_parses_and_gives_a_summary_reader_only_summaries(make_member, client_for, frozen):
    # given a municipality window with a secret title, linked to a group
    municipality = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    group = group_factory(municipality.organisation, "Kreekside")
    incident(municipality, add_months(TODAY, -14), groups=[group], title="Geheime steekpartij")
    # and a youth worker (incidents in full) and a school (incidents as a summary, by the
    # default covenant)
    youth = make_member(PartnerType.YOUTH_WORK)
    school = make_member(PartnerType.EDUCATION)
    # when both subscribe and their calendar apps fetch the feed (no session)
    for member, sees_title in ((youth, True), (school, False)):
        url = _feed_url(client_for(member))
        response = Client().get(url)
        # then it is a valid iCalendar that parses back, at the member's access level
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        cal = Calendar.from_ical(response.content)
        events = list(cal.walk("VEVENT"))
        summaries = [str(e["SUMMARY"]) for e in events]
        assert any("1e jaardag van een incident" in s for s in summaries)
        assert any("Geheime steekpartij" in s for s in summaries) is sees_title
        assert all(e.get("UID") for e in events)
        first = next(e for e in events if "1e jaardag" in str(e["SUMMARY"]))
        assert first.decoded("DTSTART") == dt.date(2026, 11, 15)
        assert first.decoded("DTEND") == dt.date(2027, 4, 16)  # exclusive end


def test_the_feed_leaves_out_what_the_member_may_not_see(make_member, client_for, frozen):
    municipality = make_member(PartnerType.MUNICIPALITY)
    incident(municipality, add_months(TODAY, -14), title="Geheime steekpartij")
    shop = make_member(PartnerType.BUSINESS)  # no incident information by the default covenant
    url = _feed_url(client_for(shop))
    cal = Calendar.from_ical(Client().get(url).content)
    assert not list(cal.walk("VEVENT"))


def test_a_revoked_or_replaced_feed_answers_404(make_member, client_for, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    client = client_for(member)
    anonymous = Client()
    first = _feed_url(client)
    second = _feed_url(client)  # a new address: the first stops working
    assert anonymous.get(first).status_code == 404
    assert anonymous.get(second).status_code == 200
    client.post(reverse("riskcalendar:feed_settings"), {"action": "intrekken"})
    assert anonymous.get(second).status_code == 404
    assert anonymous.get(reverse("riskcalendar:feed", args=["onzin"])).status_code == 404


def test_the_feed_stops_when_the_membership_ends(make_member, client_for, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    url = _feed_url(client_for(member))
    member.is_active = False
    member.save()
    assert Client().get(url).status_code == 404


def test_the_feed_token_is_stored_hashed(make_member, client_for, frozen):
    member = make_member(PartnerType.MUNICIPALITY)
    url = _feed_url(client_for(member))
    raw = url.rsplit("/", 1)[1].removesuffix(".ics")
    feed = selectors.active_feed(Viewer(member))
    assert feed is not None and raw not in feed.token_hash and feed.prefix == raw[:8]


def test_pages_render(make_member, client_for, frozen):
    member = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    group = group_factory(member.organisation, "Kreekside")
    event = incident(member, add_months(TODAY, -14), groups=[group])
    client = client_for(member)
    w = event.windows.first()
    for url in (
        reverse("riskcalendar:month"),
        reverse("riskcalendar:month") + f"?maand=2027-01&groep={group.pk}&gebied=Noord",
        reverse("riskcalendar:list") + "?alle=1",
        reverse("riskcalendar:window_detail", args=[w.pk]),
        reverse("riskcalendar:window_update", args=[w.pk]),
        reverse("riskcalendar:event_detail", args=[event.pk]),
        reverse("riskcalendar:event_create"),
        reverse("riskcalendar:window_create"),
        reverse("riskcalendar:feed_settings"),
    ):
        assert client.get(url).status_code == 200, url
    month = client.get(reverse("riskcalendar:month") + "?maand=2027-01").content.decode()
    assert "Geheime omschrijving" in month


def test_the_owner_keeps_a_window_current_and_its_situation_follows(
    make_member, client_for, frozen, django_capture_on_commit_callbacks
):
    member = make_member(PartnerType.MUNICIPALITY)
    situation = situation_factory(member)
    w = window(member, TODAY + dt.timedelta(days=10), TODAY + dt.timedelta(days=20))
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("riskcalendar:window_update", args=[w.pk]),
            {
                "kind": "event",
                "title": "Kermis",
                "starts_on": str(TODAY),
                "ends_on": str(TODAY + dt.timedelta(days=3)),
                "situation": situation.pk,
            },
        )
    assert response.status_code == 302
    w.refresh_from_db()
    assert (w.title, w.starts_on, w.situation_id) == ("Kermis", TODAY, situation.pk)
    situation.refresh_from_db()
    assert situation.score == pytest.approx(WINDOW_POINTS)


def test_another_partner_cannot_change_or_delete_a_window(make_member, client_for, frozen):
    owner = make_member(PartnerType.MUNICIPALITY)
    w = window(owner, TODAY, TODAY)
    police = client_for(make_member(PartnerType.POLICE))
    assert police.get(reverse("riskcalendar:window_update", args=[w.pk])).status_code in (403, 404)
    assert police.post(reverse("riskcalendar:window_delete", args=[w.pk])).status_code in (403, 404)
    assert RiskWindow.objects.filter(pk=w.pk).exists()


def test_the_analyser_reads_the_school_holidays_of_its_network(make_member, frozen):
    """The risk calendar hands its school holidays (dates only) to the analyser's web layer."""
    from lont.analyser.web.analysis import analyse_for

    member = make_member(PartnerType.MUNICIPALITY)
    window(member, dt.date(2027, 7, 10), dt.date(2027, 8, 22), kind="school_holiday")
    posted = dt.datetime(2027, 6, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    result = analyse_for(Viewer(member), text="na de zomervakantie", posted_at=posted)
    assert [(s.value, s.grain) for s in result.by_kind("time")] == [
        ("2027-08-23T00:00/2027-08-29T23:59", "week")
    ]
