"""Writes of notifications: send one, mark one read."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import Notification


def notification_send(*, user: Any, text: str, url: str = "", network: Any = None) -> Notification:
    """In-app notification (any app may call it). ``text`` must hold no case content."""
    note = Notification(user=user, text=text, url=url, network=network)
    note.full_clean()
    note.save()
    return note


def notification_mark_read(*, user: Any, notification: Notification) -> None:
    if notification.user_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
