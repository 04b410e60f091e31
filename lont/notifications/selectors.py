"""Reads of notifications: a user only ever reads their own."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from lont.core.viewer import Viewer

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
