"""The bulk-writes lint: clean on the repository, and it refuses a deliberate violation."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "lint" / "bulk_writes.py"

MODELS = """
from django.db import models
from lont.audit.changelog import ChangeLoggedModel


class Thing(ChangeLoggedModel):
    owner = models.ForeignKey("Owner", on_delete=models.CASCADE, related_name="things")


class Plain(models.Model):
    pass
"""

SERVICES = """
from .models import Plain, Thing


def bad(owner, model):
    Thing.objects.filter(pk=1).update(name="x")
    Thing.objects.bulk_create([Thing()])
    owner.things.all().update(name="y")
    model.objects.filter(pk=1).update(name="z")


def fine(owner, data):
    Plain.objects.filter(pk=1).update(name="x")
    Plain.objects.bulk_create([])
    data.update({"a": 1})
    Thing.objects.filter(pk=1).delete()
    Thing.objects.filter(pk=1).update(name="x")  # lint: audited-bulk fixture for the test
    # lint: audited-bulk a reason on the line above counts too
    Thing.objects.bulk_update([], ["name"])
"""


def run(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, str(SCRIPT), *map(str, paths)], capture_output=True, text=True
    )


def test_repository_is_clean() -> None:
    result = run()
    assert result.returncode == 0, result.stdout


def test_violations_are_refused_with_file_and_line(tmp_path: Path) -> None:
    app = tmp_path / "app"
    (app / "migrations").mkdir(parents=True)
    (app / "models.py").write_text(textwrap.dedent(MODELS))
    (app / "services.py").write_text(textwrap.dedent(SERVICES))
    (app / "migrations" / "0002_data.py").write_text(
        "from app.models import Thing\nThing.objects.update(name='m')\n"
    )
    result = run(app)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in lines] == ["6", "7", "8", "9"]
    assert all(line.startswith(str(app / "services.py")) for line in lines)
    assert "audited model Thing" in lines[0] and "related rows .things" in lines[2]
    assert "model unknown" in lines[3]


def test_an_escape_without_a_reason_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(textwrap.dedent(MODELS))
    (tmp_path / "jobs.py").write_text(
        "from .models import Thing\nThing.objects.update(name='x')  # lint: audited-bulk\n"
    )
    assert run(tmp_path).returncode == 1
