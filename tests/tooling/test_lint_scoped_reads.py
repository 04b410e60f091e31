"""The scoped-reads lint rule: clean on the repository, and it fails on a deliberate violation."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "lint" / "scoped_reads.py"

APPS = """
from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lont.demo_app"

    def ready(self) -> None:
        from lont.core import visibility

        from . import models as m

        visibility.register(m.Case, category_field="category")
        for model in (m.Note, m.Link):
            visibility.register(model, category="contacts")
"""


def run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script on a test tree
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, check=False
    )


def tree(tmp_path: Path, files: dict[str, str]) -> Path:
    app = tmp_path / "lont" / "demo_app"
    app.mkdir(parents=True)
    (app / "apps.py").write_text(APPS)
    for name, source in files.items():
        path = app / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return tmp_path


def test_the_repository_is_clean():
    result = run(ROOT)
    assert result.returncode == 0, result.stdout


def test_it_knows_every_registered_model():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import scoped_reads
    finally:
        sys.path.remove(str(SCRIPT.parent))
    from lont.core.visibility import registered_models

    assert scoped_reads.registered_models(ROOT) == {m.__name__ for m in registered_models()}


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("views.py", "rows = Case.objects.filter(status='open')"),
        ("api/views.py", "rows = list(m.Note.objects.all())"),
        ("templatetags/tags.py", "n = Link._default_manager.count()"),
        ("exports.py", "rows = Case.objects.values('pk')"),
        ("pdf.py", "rows = Note.objects.all()"),
        ("notifications.py", "rows = Link.objects.all()"),
    ],
)
def test_a_deliberate_violation_fails_with_file_and_line(tmp_path, name, line):
    root = tree(tmp_path, {name: f"from . import models as m\n\n\n{line}\n"})
    result = run(root)
    assert result.returncode == 1
    assert f"lont/demo_app/{name}:4: unscoped read" in result.stdout


def test_scoped_reads_and_justified_exceptions_pass(tmp_path):
    root = tree(
        tmp_path,
        {
            "views.py": """
            rows = Case.objects.for_viewer(viewer).filter(status="open")
            empty = Note.objects.none()
            one = get_visible(viewer, Case.objects.select_related("x"), via="page", pk=1)
            count = Link.objects.count()  # lint: system-read counts only, for the FG report


            class LinkViewSet:
                queryset = Link.objects.all()

                def base_queryset(self):
                    return Note.objects.select_related("x")
            """,
            # services and selectors are not checked (they read through the guard at runtime)
            "services.py": "rows = Case.objects.all()\n",
        },
    )
    result = run(root)
    assert result.returncode == 0, result.stdout


def test_an_escape_without_a_reason_does_not_count(tmp_path):
    root = tree(tmp_path, {"views.py": "rows = Case.objects.all()  # lint: system-read\n"})
    assert run(root).returncode == 1
