"""Background jobs of notifications (django-tasks): e-mail now, and the daily digest."""

from __future__ import annotations

from django_tasks import task

from lont.core import context

from . import mail


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail notices the recipients want immediately (enqueued on commit by the service)."""
    with context.acting(via="task"):
        return mail.send_immediate(notification_ids)


@task()
def send_daily_digest() -> int:
    """Daily: one e-mail per member with the notices they chose to read in a digest."""
    with context.acting(via="task"):
        return mail.send_digest()
