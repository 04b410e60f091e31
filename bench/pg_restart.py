"""Nothing lost when the database goes away (issue 16, part 5).

Against a real PostgreSQL on loopback and gunicorn with production settings: four API writers add
context notes for 20 s; after 7 s PostgreSQL is restarted. Every write must either succeed (2xx)
or be refused with a JSON 503 and ``Retry-After``; afterwards every write that answered 2xx must be
in the database. Prints: tried, succeeded, refused (503), other answers, found afterwards.

Usage: .venv/bin/python bench/pg_restart.py  (restarts the local PostgreSQL cluster: run it when
nothing else needs the database). Exit code 1 when found != succeeded or another answer appeared.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SERVER = os.environ.get("PG_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = f"lont_restart_{os.getpid()}"
WRITERS, DURATION, RESTART_AFTER = 4, 20.0, 7.0
MARKER = f"herstarttest-{secrets.token_hex(4)}"
SECRET = secrets.token_urlsafe(64)


def env(settings: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LONT_"))}
    values.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_CONN_MAX_AGE="60",
    )
    return values


def manage(*args: str, settings: str = "lont.settings.dev") -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env(settings), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return result.stdout


SETUP = """
from lont.accounts.services import api_token_create
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.models import Membership
from lont.signalregister.models import Signal
m = Membership.objects.filter(role="professional", organisation__partner_type="youth_work",
                              is_active=True).first()
viewer = Viewer(m)
_, raw = api_token_create(viewer=viewer, name="herstarttest")
print(raw, visible(viewer, Signal).values_list("pk", flat=True).first())
"""

COUNT = """
from lont.signalregister.models import ContextNote
print(ContextNote.objects.filter(reason__startswith="{marker}").count())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, token: str, body: dict[str, object]) -> tuple[int, str]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "X-Forwarded-Proto": "https",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        retry = error.headers.get("Retry-After")
        kind = error.headers.get("Content-Type", "")
        return error.code, f"{kind};retry={retry}"
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return 0, type(error).__name__


def writer(url: str, token: str, signal: int, stop: float, results: list, n: int) -> None:
    i = 0
    while time.monotonic() < stop:
        reason = f"{MARKER}-{n}-{i}"
        status, kind = post(url, token, {"signal": signal, "adjustment": 0, "reason": reason})
        results.append((status, kind))
        i += 1


def main() -> int:
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {DATABASE}"], check=True)
    try:
        manage("migrate", "--noinput", "-v", "0")
        manage("load_demo")
        token, signal = manage("shell", "-c", SETUP).split()
        port = free_port()
        gunicorn = subprocess.Popen(
            [
                str(Path(PY).with_name("gunicorn")),
                "lont.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "3",
            ],
            cwd=ROOT,
            env=env("lont.settings.prod"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(3)  # a benchmark script, not a test: give gunicorn its start-up
            url = f"http://127.0.0.1:{port}/api/v1/signal-notes/"
            results: list[tuple[int, str]] = []
            stop = time.monotonic() + DURATION
            threads = [
                threading.Thread(target=writer, args=(url, token, int(signal), stop, results, n))
                for n in range(WRITERS)
            ]
            for thread in threads:
                thread.start()
            time.sleep(RESTART_AFTER)
            cluster = sorted(os.listdir("/etc/postgresql"))[-1]
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],
                check=True,
            )
            for thread in threads:
                thread.join()
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        found = int(manage("shell", "-c", COUNT.format(marker=MARKER)).strip())
    finally:
        subprocess.run(
            ["psql", f"{SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"],
            check=False,
        )
    statuses = Counter(status for status, _ in results)
    succeeded = sum(count for status, count in statuses.items() if 200 <= status < 300)
    refused = [kind for status, kind in results if status == 503]
    other = {s: c for s, c in statuses.items() if not (200 <= s < 300 or s == 503)}
    honest_refusals = all("application/json" in k and "retry=5" in k for k in refused)
    print(f"writes tried: {len(results)}")
    print(f"succeeded (2xx): {succeeded}")
    print(
        f"refused (503, JSON with Retry-After): {len(refused)} (all JSON+Retry-After: {honest_refusals})"
    )
    print(f"other answers: {other or 'none'}")
    print(f"found afterwards: {found} (must equal succeeded)")
    return 0 if found == succeeded and not other and honest_refusals else 1


if __name__ == "__main__":
    raise SystemExit(main())
