"""The dry-run page: counts for the privacy officer and director, no content, flat queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from retention.retention_factories import DESCRIPTION
from signalregister.signals_factories import signal_factory

from lont.audit.models import ChangeLogEntry
from lont.retention import services
from lont.retention.models import LegalHold

pytestmark = pytest.mark.django_db
URL = "/privacy/bewaartermijnen/"


def _old_signals(member, long_ago, n):
    with long_ago():
        return [signal_factory(member, description=DESCRIPTION) for _ in range(n)]


def test_privacy_officer_sees_counts_and_no_content(police, officer, long_ago, client_for):
    _old_signals(police, long_ago, 2)
    services.purge_expired()
    _old_signals(police, long_ago, 3)

    response = client_for(officer).get(URL)

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.label, r.goes, r.held) for r in rows] == [("signalregister.Signal", 3, 0)]
    assert response.context["runs"][0].summary["deleted"] == 2
    html = response.content.decode()
    assert DESCRIPTION not in html and "Instagram" not in html
    assert "Online signalen uit openbare bronnen" in html


def test_director_may_open_the_page_and_others_may_not(director, police, client_for):
    assert reverse("retention:index") == URL
    page = client_for(director).get(URL)
    assert page.status_code == 200
    assert f'href="{URL}"' in page.content.decode()  # in the main navigation
    assert client_for(police).get(URL).status_code == 403
    assert f'href="{URL}"' not in client_for(police).get("/").content.decode()


def test_the_page_runs_a_flat_number_of_queries(police, officer, long_ago, client_for):
    client = client_for(officer)

    def queries() -> int:
        # warm: the first request of a process also reads the covenant version it then keeps
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    _old_signals(police, long_ago, 1)
    services.purge_expired()
    few = queries()
    _old_signals(police, long_ago, 6)
    services.purge_expired()
    services.purge_expired()
    _old_signals(police, long_ago, 4)
    assert queries() == few


def test_privacy_officer_sets_and_ends_a_hold_on_the_page(police, officer, long_ago, client_for):
    (signal,) = _old_signals(police, long_ago, 1)
    client = client_for(officer)
    ends = timezone.localdate() + dt.timedelta(days=10)

    response = client.post(
        reverse("retention:hold_create"),
        {
            "label": "signalregister.Signal",
            "object_id": signal.pk,
            "reason": "Lopend onderzoek",
            "ends_on": ends.isoformat(),
        },
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert hold.set_by == officer and hold.ends_on == ends
    page = client.get(URL)
    assert [(r.goes, r.held) for r in page.context["rows"]] == [(0, 1)]

    assert client.post(reverse("retention:hold_end", args=[hold.pk])).status_code == 302
    hold.refresh_from_db()
    assert hold.ended_by == officer
    events = set(ChangeLogEntry.objects.values_list("event", flat=True))
    assert {"retention.hold_set", "retention.hold_ended"} <= events


def test_a_hold_on_an_unknown_number_is_refused(officer, client_for):
    response = client_for(officer).post(
        reverse("retention:hold_create"),
        {
            "label": "signalregister.Signal",
            "object_id": 999999,
            "reason": "x",
            "ends_on": (timezone.localdate() + dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not LegalHold.objects.exists()


def test_the_dry_run_counts_persons_past_their_review_date(police, officer, client_for):
    from subjects.subjects_factories import person_factory

    yesterday = timezone.localdate() - dt.timedelta(days=1)
    person_factory(police.organisation, review_date=yesterday)
    person_factory(police.organisation)  # not due

    rows = client_for(officer).get(URL).context["rows"]

    assert [(r.label, r.goes) for r in rows] == [("subjects.Person", 1)]
