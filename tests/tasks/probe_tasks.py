"""Tasks for the worker tests: they report through files, so a worker in another process (which
sees neither the test's memory nor, on SQLite, its database) can be observed."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def write_marker(directory: str, name: str) -> str:
    (Path(directory) / name).write_text("klaar")
    return name


@task()
def wait_for_release(directory: str) -> str:
    """Announces that it started, then waits until the test releases it (or 60 s pass)."""
    folder = Path(directory)
    (folder / "started").write_text("gestart")
    deadline = time.monotonic() + 60
    while not (folder / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # a task waiting on another process, not a test sleeping
    (folder / "done").write_text("klaar")
    return "klaar"
