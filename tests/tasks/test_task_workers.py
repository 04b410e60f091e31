"""Tasks run on the embedded database backend or on RQ with the real Redis — a setting — and a
worker killed in the middle of a task loses nothing: the next worker runs it again (issue 16,
part 3). Every Lont task is idempotent, so running it again is safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own: the tests flush it


def _redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL).ping())
    except redis.ConnectionError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_available() and not os.environ.get("CI"),
    reason="Redis is not running on 127.0.0.1:6379 (CI always has it)",
)


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        user = s.get("USER") or "postgres"
        host, port = s.get("HOST") or "127.0.0.1", s.get("PORT") or 5432
        return f"postgres://{user}@{host}:{port}/{s['NAME']}"
    return f"sqlite:///{s['NAME']}"


def _worker_env(backend: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="lont.settings.dev",
        LONT_TASK_BACKEND=backend,
        LONT_REDIS_URL=REDIS_URL,
        DATABASE_URL=_database_url(),
        PYTHONPATH=f"{HERE}{os.pathsep}{ROOT}",
    )
    return env


def _worker(backend: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - the project's own command
        [sys.executable, "manage.py", "run_worker", *args],
        cwd=ROOT,
        env=_worker_env(backend),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: a kill reaches RQ's work horse too
    )


def _wait_for(path: Path, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the worker stopped before {path.name} appeared")
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} did not appear within 60 s")
        time.sleep(0.05)  # polling another process's progress


@pytest.fixture
def rq_backend(settings) -> Iterator[None]:
    connection_ = redis.Redis.from_url(REDIS_URL)
    connection_.flushdb()
    settings.TASKS = {"default": settings.TASK_BACKENDS["rq"]}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 900}}
    yield
    connection_.flushdb()


@pytest.fixture
def database_backend(settings) -> None:
    settings.TASKS = {"default": settings.TASK_BACKENDS["database"]}


def test_the_backend_is_a_setting() -> None:
    assert set(settings.TASK_BACKENDS) == {"database", "rq"}
    assert settings.TASK_BACKENDS["rq"]["BACKEND"] == "django_tasks_rq.RQBackend"


@needs_redis
@pytest.mark.django_db
def test_a_task_runs_through_redis_with_the_rq_worker(rq_backend, tmp_path: Path) -> None:
    from probe_tasks import write_marker

    result = write_marker.enqueue(str(tmp_path), "via-redis")
    assert not (tmp_path / "via-redis").exists()  # queued in Redis, not run in the request
    worker = _worker("rq", "--batch")
    assert worker.wait(timeout=120) == 0
    assert (tmp_path / "via-redis").read_text() == "klaar"
    result.refresh()
    assert result.return_value == "via-redis"


@needs_redis
@pytest.mark.django_db
def test_a_killed_rq_worker_loses_no_task(rq_backend, tmp_path: Path) -> None:
    from probe_tasks import wait_for_release

    wait_for_release.enqueue(str(tmp_path))
    first = _worker("rq")
    _wait_for(tmp_path / "started", first)
    # when the worker and its work horse die in the middle of the task
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert not (tmp_path / "done").exists()
    # then the next worker runs the task again, to the end
    (tmp_path / "started").unlink()
    (tmp_path / "release").write_text("los")
    second = _worker("rq", "--batch")
    assert second.wait(timeout=120) == 0
    assert (tmp_path / "done").read_text() == "klaar"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the worker process needs the test database, which SQLite keeps in memory",
)
@pytest.mark.django_db(transaction=True)
def test_a_killed_database_worker_loses_no_task(database_backend, tmp_path: Path) -> None:
    from django_tasks_db.models import DBTaskResult
    from probe_tasks import wait_for_release

    result = wait_for_release.enqueue(str(tmp_path))
    first = _worker("database", "--slot", "crash")
    _wait_for(tmp_path / "started", first)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
    # the same worker slot, restarted, puts the task back and runs it
    (tmp_path / "release").write_text("los")
    second = _worker("database", "--slot", "crash", "--batch")
    assert second.wait(timeout=120) == 0
    assert (tmp_path / "done").read_text() == "klaar"
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="see above")
@pytest.mark.django_db(transaction=True)
def test_another_slot_does_not_take_a_running_task(database_backend, tmp_path: Path) -> None:
    from django_tasks_db.models import DBTaskResult
    from probe_tasks import wait_for_release

    from lont.core.workers import requeue_own_running_tasks

    result = wait_for_release.enqueue(str(tmp_path))
    first = _worker("database", "--slot", "busy")
    try:
        _wait_for(tmp_path / "started", first)
        # a worker of another slot must not take over a task that may still be running
        assert requeue_own_running_tasks("elders-1") == 0
        assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
    finally:
        (tmp_path / "release").write_text("los")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
