"""`make serve` starts: collectstatic and migrate under production settings succeed, and gunicorn
with whitenoise answers a page with its hashed static files (issue 16, part 0 — CI ran neither)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "p7Vx2-kQ9rZ_a4LmN8sT0wYc3HbJ6uEf1GdKiOo5RqSvWxZyAaBbCcDdEeFfGgHh"


SERVER = "postgres://postgres@127.0.0.1:5432"


def _prod_env(static_root: Path, database: str = "postgres") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LONT_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="lont.settings.prod",
        SECRET_KEY=SECRET,
        # Production runs on PostgreSQL only.
        DATABASE_URL=f"{SERVER}/{database}",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        DEBUG="0",
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    # The proxy header tells the app the request came in over HTTPS (no redirect loop).
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode()


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("gunicorn stopped before it listened")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)  # polling a port that is coming up, not waiting for time to pass
    raise AssertionError("gunicorn did not listen within 60 s")


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    static_root = tmp_path_factory.mktemp("static")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=_prod_env(static_root),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return static_root


@pytest.fixture(scope="module")
def migrated(collected: Path) -> Iterator[str]:
    """A fresh PostgreSQL database migrated as `make serve` does (the login page reads which
    organisations sign in through their own identity provider)."""
    name = f"lont_prodstart_{os.getpid()}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=_prod_env(collected, name),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        yield name
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_collectstatic_succeeds_under_production_settings(collected: Path) -> None:
    assert (collected / "staticfiles.json").exists()
    assert list((collected / "lont").rglob("*.css"))


def test_gunicorn_serves_the_login_page_with_hashed_static_files(
    collected: Path, migrated: str
) -> None:
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 - fixed executable and arguments
        [str(gunicorn), "lont.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=_prod_env(collected, migrated),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        status, page = _get(f"http://127.0.0.1:{port}/account/inloggen/")
        assert status == 200
        stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', page)
        assert stylesheets
        # whitenoise serves the hashed names written by the manifest storage.
        assert all(re.search(r"\.[0-9a-f]{12}\.css$", href) for href in stylesheets)
        css_status, _css = _get(f"http://127.0.0.1:{port}{stylesheets[0]}")
        assert css_status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
