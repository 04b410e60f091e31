"""Given the analyser core and this app inside it, then the core still imports no Django: it must
run in the evaluation and benchmark scripts without settings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import lont.analyser

CORE = Path(lont.analyser.__file__).parent
DJANGO_IMPORT = re.compile(r"^\s*(from|import)\s+(django|rest_framework|drf_spectacular)\b", re.M)


def test_no_core_module_imports_django():
    offenders = [
        str(path.relative_to(CORE))
        for path in CORE.rglob("*.py")
        if "web" not in path.relative_to(CORE).parts
        and DJANGO_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_the_core_loads_no_django():
    code = (
        "import sys, lont.analyser; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0  # noqa: S603
