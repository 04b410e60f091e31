"""Factories for the risk calendar's tests (fictional data)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from lont.core.viewer import Viewer
from lont.networks.models import Membership
from lont.riskcalendar import services


def incident(member: Membership, occurred_on: dt.date, **kw: Any) -> Any:
    kw.setdefault("title", "Geheime omschrijving van een steekpartij")
    return services.event_record(
        viewer=Viewer(member),
        network=member.network,
        kind="incident",
        occurred_at=timezone.make_aware(dt.datetime.combine(occurred_on, dt.time(12))),
        **kw,
    )


def window(member: Membership, start: dt.date, end: dt.date, **kw: Any) -> Any:
    kw.setdefault("kind", "event")
    kw.setdefault("title", "Geheime titel van een evenement")
    return services.window_create(viewer=Viewer(member), starts_on=start, ends_on=end, **kw)
