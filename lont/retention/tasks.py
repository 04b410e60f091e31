"""Background job of the retention app (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from lont.core import context

from .services import purge_expired


@task()
def purge_expired_records() -> dict[str, int]:
    """Daily (X3): every registered model's expired rows are deleted or anonymised."""
    with context.acting(via="task"):
        runs = purge_expired()
    return {
        "networks": len(runs),
        "deleted": sum(run.total("deleted") for run in runs),
        "failed": sum(len(run.failures) for run in runs),
    }
