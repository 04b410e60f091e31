"""Reads of notifications: a user only ever reads their own."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from lont.core.viewer import Viewer

from . import events
from .choices import Delivery
from .models import Notification, NotificationPreference


def notifications(viewer: Viewer) -> QuerySet[Notification]:
    """The viewer's notifications in the current network, and those tied to no network."""
    return Notification.objects.filter(user=viewer.user).filter(
        Q(network=viewer.network) | Q(network__isnull=True)
    )


def unread_count(viewer: Viewer) -> int:
    return notifications(viewer).filter(read_at__isnull=True).count()


def preferences(viewer: Viewer) -> dict[str, str]:
    """The viewer's choice per event code (codes without a row: immediately)."""
    return dict(
        NotificationPreference.objects.filter(user=viewer.user).values_list("event", "delivery")
    )


def preference_rows(viewer: Viewer) -> list[dict[str, Any]]:
    """Every registered event type with the viewer's current choice (a type that may not be
    switched off: always immediately), in registration order — the page and the API."""
    chosen = preferences(viewer)
    return [
        {
            "event": kind,
            "current": chosen.get(kind.code, Delivery.IMMEDIATE)
            if kind.may_switch_off
            else Delivery.IMMEDIATE,
        }
        for kind in events.event_types()
    ]
