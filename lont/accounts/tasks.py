"""Background jobs of the accounts app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from lont.core import context

from .lockout import purge_login_attempts


@task()
def purge_old_login_attempts() -> int:
    """Daily: login attempts older than their retention are deleted (count returned)."""
    with context.acting(via="task"):
        return purge_login_attempts()
