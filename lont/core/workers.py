"""Background workers that lose no task when one crashes.

Tasks run on the embedded database backend (``django_tasks_db``) or, when one worker is not
enough, on RQ with Redis (``django_tasks_rq``) — a setting, ``LONT_TASK_BACKEND``. Either way a
worker killed in the middle of a task (out of memory, ``kill -9``, a host going down) leaves that
task marked *running* and nobody would run it again. Every Lont task is idempotent (recompute,
expiry, purge, reminders: running one twice gives the same end state), so the safe answer is to
run it again: a worker that starts first puts back what a dead worker had claimed.

"Dead" must be certain, or two workers would run the same task at once:
- database backend: the task was claimed under this worker's own, stable id (one id per worker
  slot, e.g. ``web1-1``; a restarted slot reclaims what it had);
- RQ: the job's worker is gone from Redis, or it ran on this host under a process id that no
  longer exists.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

logger = logging.getLogger("lont.workers")


def default_worker_id(slot: str = "1") -> str:
    return f"{socket.gethostname()}-{slot}"


def requeue_own_running_tasks(worker_id: str, backend_name: str = "default") -> int:
    """Database backend: tasks this worker id had claimed go back to *ready*."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    requeued = 0
    for result in DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, backend_name=backend_name
    ):
        if result.worker_ids and result.worker_ids[-1] == worker_id:
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            requeued += 1
    if requeued:
        logger.warning("Requeued %d task(s) left running by worker %s", requeued, worker_id)
    return requeued


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _worker_is_dead(worker_name: str, connection: Any) -> bool:
    from rq.worker import Worker

    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + worker_name, connection)
    if worker is None:
        return True
    if worker.hostname == socket.gethostname() and worker.pid and not _process_exists(worker.pid):
        worker.register_death()
        return True
    return False


def requeue_abandoned_rq_jobs(queue_names: list[str]) -> int:
    """RQ: started jobs whose worker is certainly dead are put back on their queue."""
    import django_rq
    from django_tasks_rq import Job
    from rq.job import JobStatus
    from rq.registry import StartedJobRegistry

    requeued = 0
    for name in queue_names:
        queue = django_rq.get_queue(name, job_class=Job)
        registry = StartedJobRegistry(queue=queue)
        for job_id in registry.get_job_ids(cleanup=False):
            job = queue.fetch_job(job_id)
            if job is None or job.get_status() != JobStatus.STARTED:
                continue
            if not job.worker_name or not _worker_is_dead(job.worker_name, queue.connection):
                continue
            registry.remove_executions(job)
            queue.enqueue_job(job, at_front=True)
            requeued += 1
    if requeued:
        logger.warning("Requeued %d RQ job(s) abandoned by dead workers", requeued)
    return requeued
