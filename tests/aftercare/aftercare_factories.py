"""Factories for aftercare tests (fictional data, Voorbeeldstad)."""

from __future__ import annotations

from typing import Any

from assessment_app.assessment_factories import signal_factory, situation_factory

from lont.aftercare import services
from lont.core.viewer import Viewer
from lont.networks.models import Membership


def plan_factory(member: Membership, **situation: Any) -> Any:
    sig = signal_factory(member, days_ago=3)
    found = situation_factory(member, sig, **situation)
    return services.plan_open(viewer=Viewer(member), situation=found)


def tip_factory(member: Membership) -> Any:
    return signal_factory(
        member, source_type="tip_named", days_ago=2, description="Tip van een melder"
    )


def report_factory(member: Membership, **data: Any) -> Any:
    import datetime as dt

    from django.utils import timezone

    values = {
        "kind": "doxxing",
        "occurred_on": timezone.localdate() - dt.timedelta(days=1),
        "description": "Mijn adres staat online in een groepschat",
    }
    values.update(data)
    return services.report_create(viewer=Viewer(member), data=values)
