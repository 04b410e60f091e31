"""``remind_once``, the helper behind every daily reminder: each row's recipients hear in one
batch (their preference for the event applied), every row is stamped once, a second run on the
same day reminds nobody, and the stamp is a logged change."""

from __future__ import annotations

import datetime as dt

import pytest
from riskcalendar.riskcalendar_factories import window

from lont.assessment import notify
from lont.audit.models import ChangeLogEntry
from lont.networks.choices import PartnerType
from lont.notifications import services
from lont.notifications.choices import Delivery
from lont.notifications.models import Notification
from lont.notifications.reminders import remind_once
from lont.riskcalendar.models import RiskWindow

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 3, 15)


def _run(rows, others, event=""):
    return remind_once(
        rows,
        today=TODAY,
        recipients=lambda w: others,
        text=lambda w: f"Venster opent op {w.starts_on:%d-%m-%Y}.",
        url=lambda w: f"/kalender/vensters/{w.pk}/",
        event=event,
    )


def test_every_row_reminds_its_recipients_once_and_is_stamped(make_member):
    owner = make_member(PartnerType.MUNICIPALITY)
    muted = make_member(PartnerType.POLICE)
    services.preferences_set(user=muted.user, choices={notify.ACTION_DUE: Delivery.OFF})
    rows = [
        window(owner, TODAY + dt.timedelta(days=d), TODAY + dt.timedelta(days=d + 3))
        for d in (2, 4)
    ]
    due = RiskWindow.objects.filter(reminded_on__isnull=True).order_by("pk")

    done = _run(due, [owner.user, muted.user], event=notify.ACTION_DUE)

    assert (done.rows, done.notices) == (2, 2)  # the muted member switched this event off
    assert set(Notification.objects.values_list("user_id", flat=True)) == {owner.user_id}
    assert set(Notification.objects.values_list("network_id", flat=True)) == {owner.network_id}
    assert all(row.reminded_on == TODAY for row in RiskWindow.objects.all())
    assert ChangeLogEntry.objects.filter(
        object_type="riskcalendar.riskwindow", action="update", object_id=str(rows[0].pk)
    ).exists()
    # the caller's filter now finds nothing: a second run the same day sends nothing
    again = _run(RiskWindow.objects.filter(reminded_on__isnull=True), [owner.user])
    assert (again.rows, again.notices) == (0, 0)
    assert Notification.objects.count() == 2
