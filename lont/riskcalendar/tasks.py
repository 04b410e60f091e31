"""Background jobs of the risk calendar (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from lont.core import context
from lont.core.scoping import system_context

from . import services


@task()
def remind_opening_windows() -> int:
    """Daily: a notice a week before a window opens (``services.windows_remind``)."""
    with context.acting(via="task"), system_context("background task"):
        return services.windows_remind()
