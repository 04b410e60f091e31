"""Background jobs of the assessment app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from lont.core import context
from lont.core.scoping import system_context

from . import services
from .models import Situation


@task()
def recompute_situation(situation_id: int) -> str:
    """Recompute one situation (enqueued on commit when a signal, note or relation changes)."""
    with context.acting(via="task"), system_context("background task"):
        situation = Situation.objects.select_related("rivalry").filter(pk=situation_id).first()
        if situation is None:
            return ""
        return services.situation_recompute(situation).level


@task()
def remind_due_actions() -> int:
    """Daily: reminders for actions that are due."""
    with context.acting(via="task"), system_context("background task"):
        return services.actions_remind()
