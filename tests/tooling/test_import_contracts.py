"""The layering contracts (import-linter, ``[tool.importlinter]`` in pyproject.toml) hold on the
code, and they fail on a deliberate violation — so ``make lint`` would catch one.

The violations are made in a copy of the package's Python files in a temporary directory, never in
the working tree (a parallel test or a developer's editor must not see them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copy_of_the_code(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "lont",
        tmp_path / "lont",
        ignore=lambda folder, names: (
            [n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()]
            + [n for n in names if n in {"__pycache__", "static", "templates", "locale"}]
        ),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_layering_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_without_changes_keeps_them_too(copy_of_the_code: Path):
    """Guards the violation tests below: they fail for the violation, not for the copy."""
    assert _lint_imports(copy_of_the_code).returncode == 0


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        ("lont/core/leak.py", "from lont.subjects import models\n", "Layers"),
        ("lont/networks/leak.py", "from lont.accounts import models\n", "Layers"),
        ("lont/audit/leak.py", "import lont.networks.models\n", "Layers"),
        ("lont/subjects/leak.py", "from lont.signalregister import models\n", "Layers"),
        ("lont/socialmap/leak.py", "from lont.signalregister import models\n", "Layers"),
        ("lont/engine/leak.py", "from django.db import models\n", "The level engine"),
        ("lont/engine/leak.py", "from lont.knowledge import catalogue\n", "The level engine"),
        ("lont/analyser/leak.py", "from django.conf import settings\n", "The text analyser"),
        ("lont/analyser/times/leak.py", "from lont.core import crypto\n", "The text analyser"),
        ("lont/analyser/leak.py", "from lont.analyser.web import models\n", "The text analyser"),
    ],
)
def test_a_deliberate_violation_breaks_its_contract(
    copy_of_the_code: Path, module: str, source: str, contract: str
):
    (copy_of_the_code / module).write_text(source)

    result = _lint_imports(copy_of_the_code)

    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
    assert "leak" in broken


def test_the_pure_analyser_contract_covers_every_analyser_subpackage():
    """``lont.analyser.*`` covers the analyser's modules; each subpackage (but ``web``) must be
    listed as well, or a new one would escape the contract unnoticed."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["id"] == "pure-analyser")
    analyser = ROOT / "lont" / "analyser"
    packages = {
        str(path.parent.relative_to(ROOT)).replace(os.sep, ".")
        for path in analyser.glob("*/**/__init__.py")
        if "web" not in path.relative_to(analyser).parts
    }
    assert packages, "the analyser has subpackages"
    assert {f"{package}.*" for package in packages} <= set(contract["source_modules"])
