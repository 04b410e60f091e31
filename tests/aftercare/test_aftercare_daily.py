"""The daily command (cron) reminds the owners of due aftercare tasks, once a day."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from aftercare.aftercare_factories import plan_factory
from django.core.management import call_command

from lont.aftercare.models import PlanTask
from lont.networks.choices import PartnerType
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_daily_command_reminds_due_tasks_once(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    plan = plan_factory(youth)
    owned = PlanTask.objects.filter(plan=plan, owner__isnull=False)
    owned.update(due_date=dt.date.today())  # lint: audited-bulk test sets the due date
    before = Notification.objects.filter(user=youth.user).count()
    first, second = io.StringIO(), io.StringIO()
    call_command("aftercare_daily", stdout=first)
    call_command("aftercare_daily", stdout=second)
    assert first.getvalue().startswith(f"{owned.count()} herinneringen voor nazorgtaken")
    assert second.getvalue().startswith("0 herinneringen voor nazorgtaken")
    assert Notification.objects.filter(user=youth.user).count() - before == owned.count()
