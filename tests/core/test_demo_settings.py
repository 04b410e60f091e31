"""`make demo` runs without debug pages: DEBUG off, whitenoise serving static files from the
finders (no collectstatic), so a user never sees Django's English debug 404 (issue 14, part 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'debug': settings.DEBUG, 'middleware': settings.MIDDLEWARE, "
    "'finders': getattr(settings, 'WHITENOISE_USE_FINDERS', False)}))"
)


def test_the_demo_settings_run_without_debug_pages_and_serve_static_files() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "DEBUG=0 $(MANAGE) runserver" in makefile
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(DJANGO_SETTINGS_MODULE="lont.settings.dev", DEBUG="0")
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    settings = json.loads(result.stdout.strip().splitlines()[-1])
    assert settings["debug"] is False
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings["middleware"]
    assert settings["finders"] is True
