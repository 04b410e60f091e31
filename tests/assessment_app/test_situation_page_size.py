"""The situation page is the same size for a situation of any size (issue 16): one page of its
signals, its strongest contributions and "Alle bijdragen" for the rest; the access log holds
exactly the signals shown; the number of queries does not grow with the linked signals."""

from __future__ import annotations

import re

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lont.assessment import lines
from lont.audit.models import AccessLogEntry
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db

SIGNAL_LINE = re.compile(r"Naar het signaal")


def _logged_signals() -> set[int]:
    rows = AccessLogEntry.objects.filter(object_type="signalregister.signal")
    return {int(pk) for pk in rows.values_list("object_id", flat=True)}


def _situation(member, count: int):
    # Older signals weigh less (decay): the oldest are both the last page and the weakest lines.
    signals = [signal_factory(member, days_ago=1 + i) for i in range(count)]
    return situation_factory(member, *signals), signals


def test_strongest_keeps_the_engine_order_and_counts_the_rest():
    rows = [
        {"kind": "structure", "ref": "", "amount": 1.0},
        *({"kind": "signal", "ref": str(i), "amount": a} for i, a in enumerate([1, 3, 2, 3])),
    ]
    kept, left_out = lines.strongest(rows, 2)
    assert [(c["kind"], c["ref"]) for c in kept] == [
        ("structure", ""),
        ("signal", "1"),
        ("signal", "3"),
    ]
    assert left_out == 2
    assert lines.strongest(rows, 4) == (rows, 0)


def test_large_situation_shows_a_page_and_logs_what_it_shows(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    situation, signals = _situation(youth, 30)
    client = client_for(youth)
    before = _logged_signals()
    html = client.get(situation.get_absolute_url()).content.decode()
    assert len(SIGNAL_LINE.findall(html)) == lines.SHOWN_CONTRIBUTIONS
    assert "En 5 andere signalen die minder bijdragen." in html
    assert reverse("assessment:situation_contributions", args=[situation.pk]) in html
    older = re.search(r'href="\?ouder=([^"]+)"', html)
    assert older is not None
    newest, oldest = signals[:25], signals[25:]
    logged = _logged_signals() - before
    assert logged == {s.pk for s in newest}
    # the next page of the timeline shows (and logs) the oldest five
    html = client.get(situation.get_absolute_url() + f"?ouder={older.group(1)}").content.decode()
    assert _logged_signals() - before == {s.pk for s in signals}
    assert f"/signalen/{oldest[-1].pk}/" in html
    assert "Oudere signalen" not in html and "Nieuwste signalen" in html

    contributions = reverse("assessment:situation_contributions", args=[situation.pk])
    html = client.get(contributions).content.decode()
    assert len(SIGNAL_LINE.findall(html)) == 30


def test_queries_do_not_grow_with_the_linked_signals(
    make_member, client_for, django_assert_max_num_queries
):
    youth = make_member(PartnerType.YOUTH_WORK)
    small, _ = _situation(youth, 2)
    large, _ = _situation(youth, 40)
    client = client_for(youth)
    client.get(small.get_absolute_url())  # warm: session, covenant
    with CaptureQueriesContext(connection) as queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(len(queries)):
        assert client.get(large.get_absolute_url()).status_code == 200
