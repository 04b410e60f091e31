"""The notifications API: the member's own inbox (unread filter, mark one or all read) and
preferences per event type, through the same selectors and services as the pages. One member
never sees or marks another's notice; a notice carries no case content."""

from __future__ import annotations

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory

from lont.assessment import notify
from lont.audit.models import ChangeLogEntry
from lont.networks.choices import PartnerType
from lont.notifications import events, services
from lont.notifications.choices import Delivery
from lont.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db
JSON = "application/json"
CANARY = "KANARIE-api-9c1e"


def _rows(response):
    body = response.json()
    return body.get("results", body)


def test_inbox_lists_own_notices_filters_unread_and_marks_one_and_all(make_member, client_for):
    member, other = make_member(), make_member()
    first = services.notification_send(user=member.user, text="Eerste", network=member.network)
    services.notification_send(user=member.user, text="Tweede", network=member.network)
    theirs = services.notification_send(user=other.user, text="Andermans", network=member.network)
    client = client_for(member)

    assert {r["text"] for r in _rows(client.get("/api/v1/notifications/"))} == {
        "Eerste",
        "Tweede",
    }
    read = client.post(f"/api/v1/notifications/{first.pk}/gelezen/")
    assert read.status_code == 200 and read.json()["read_at"]
    unread = _rows(client.get("/api/v1/notifications/?ongelezen=true"))
    assert [r["text"] for r in unread] == ["Tweede"]
    # another member's notice does not exist for this caller: not listed, read, nor marked
    assert client.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/notifications/{theirs.pk}/gelezen/").status_code == 404
    marked = client.post("/api/v1/notifications/alles-gelezen/")
    assert marked.status_code == 200 and marked.json() == {"marked": 1}
    assert _rows(client.get("/api/v1/notifications/?ongelezen=1")) == []
    theirs.refresh_from_db()
    assert theirs.read_at is None
    # marking read is a change with its actor, as on the page
    assert ChangeLogEntry.objects.filter(
        object_type="notifications.notification", object_id=str(first.pk), action="update"
    ).exists()


def test_a_level_rise_notice_in_the_api_carries_no_case_content(
    make_member, client_for, django_capture_on_commit_callbacks
):
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role="director")
    situation = situation_factory(
        youth,
        signal_factory(youth, days_ago=0.1, description=CANARY),
        title="Kooi Stationsplein",
        description=CANARY,
    )
    second = signal_factory(
        youth, days_ago=0.1, weights=("strong", "fairly_strong"), description=CANARY
    )
    with django_capture_on_commit_callbacks(execute=True):
        situation.signals.add(second)
    for member in (youth, director):
        response = client_for(member).get("/api/v1/notifications/")
        rows = _rows(response)
        assert rows, member
        assert CANARY not in response.content.decode()
        assert all("#" not in r["text"] for r in rows)
        assert set(rows[0]) == {"id", "text", "url", "event", "created_at", "read_at"}


def test_preferences_list_every_event_type_and_refuse_switching_off_acute(make_member, client_for):
    member, other = make_member(), make_member()
    client = client_for(member)
    rows = client.get("/api/v1/notification-preferences/").json()
    assert [r["event"] for r in rows] == [kind.code for kind in events.event_types()]
    acute = next(r for r in rows if r["event"] == notify.LEVEL_ACUTE)
    assert acute == {
        "event": notify.LEVEL_ACUTE,
        "name": str(events.get(notify.LEVEL_ACUTE).label),
        "may_switch_off": False,
        "delivery": Delivery.IMMEDIATE,
    }

    url = f"/api/v1/notification-preferences/{notify.TREND_BREAK}/"
    changed = client.patch(url, {"delivery": "digest"}, content_type=JSON)
    assert changed.status_code == 200 and changed.json()["delivery"] == "digest"
    assert client.get(url).json()["delivery"] == "digest"

    refused = client.patch(
        f"/api/v1/notification-preferences/{notify.LEVEL_ACUTE}/",
        {"delivery": "off"},
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert "kan niet uit" in refused.json()["delivery"][0]
    assert not NotificationPreference.objects.filter(event=notify.LEVEL_ACUTE).exists()

    assert client.patch(url, {"delivery": "nooit"}, content_type=JSON).status_code == 400
    assert (
        client.patch(
            "/api/v1/notification-preferences/bestaat.niet/",
            {"delivery": "off"},
            content_type=JSON,
        ).status_code
        == 404
    )
    # only the caller's own preference changed
    assert NotificationPreference.objects.get().user_id == member.user_id
    assert client_for(other).get(url).json()["delivery"] == "immediate"


def test_the_api_needs_a_signed_in_member(client):
    assert client.get("/api/v1/notifications/").status_code in (401, 403)
    assert client.get("/api/v1/notification-preferences/").status_code in (401, 403)
    assert Notification.objects.count() == 0
