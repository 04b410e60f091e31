"""Background jobs of the subjects app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from lont.core import context
from lont.core.scoping import system_context

from .services import persons_expire


@task()
def expire_persons() -> dict[str, int]:
    """Daily: principle 9 — people not re-justified before their review date are deleted."""
    with context.acting(via="task"), system_context("background task: expire persons"):
        return persons_expire()
