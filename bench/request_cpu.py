"""CPU per request (issue 16, part 4): where the worker's time goes on the pages under load.

In one process with production settings (DEBUG off, the production middleware stack, PostgreSQL)
against the demo network: repeated signed-in GETs through Django's WSGI handler — as gunicorn calls
it — per page and role. Prints the median CPU ms of this process per request (the database's own
CPU is not in it), the Python function calls per request (cProfile's count: not moved by other
load on the machine, so before/after compare on a busy machine), the queries per request and
their median wall time. ``REQUEST_PROFILE=<page>``
prints a cProfile of that page instead (first role, sorted by cumulative time).

Usage: .venv/bin/python bench/request_cpu.py  (creates and drops a database of its own; set
``REQUEST_CPU_DATABASE`` to reuse one that already holds the demo network, it is then only read
and the requests' own writes: sessions and the access log).
``REQUEST_CPU_ROUNDS`` (default 60) requests per page and role; ``REQUEST_CPU_PAGES`` a few pages.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from load import PAGES, ROLES
from pg_restart import ROOT, SERVER, env
from query_meter import QueryMeter

ROUNDS = int(os.environ.get("REQUEST_CPU_ROUNDS", "60"))
PROFILE = os.environ.get("REQUEST_PROFILE", "")
REUSE = os.environ.get("REQUEST_CPU_DATABASE", "")
ONLY = os.environ.get("REQUEST_CPU_PAGES", "")  # e.g. "dashboard,signal list"
if ONLY:
    PAGES = {name: path for name, path in PAGES.items() if name in ONLY.split(",")}


def _setup_django(database: str) -> None:
    os.environ.update(env("lont.settings.prod") | {"DATABASE_URL": f"{SERVER}/{database}"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _session_cookie(email: str) -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from lont.core.middleware import SESSION_NETWORK_KEY, SESSION_VERIFIED_KEY
    from lont.networks.models import Membership

    user = get_user_model().objects.get(email=email)
    member = Membership.objects.filter(user=user, is_active=True).order_by("pk").first()
    assert member is not None
    client = Client()
    client.force_login(user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session[SESSION_NETWORK_KEY] = member.network_id
    session.save()
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


@contextmanager
def metered() -> Iterator[QueryMeter]:
    from django.db import connection

    meter = QueryMeter()
    with connection.execute_wrapper(meter):
        yield meter


def _get(handler: Callable[..., Any], path: str, cookie: str) -> int:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_ACCEPT": "text/html",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    status: list[str] = []
    response = handler(environ, lambda s, headers, exc_info=None: status.append(s))
    try:
        for _chunk in response:
            pass
    finally:
        response.close()  # request_finished: what gunicorn's worker triggers
    return int(status[0].split()[0])


def measure(handler: Callable[..., Any], path: str, cookie: str) -> dict[str, float]:
    for _ in range(5):  # warm: templates compiled, connection open, caches filled
        code = _get(handler, path, cookie)
        if code != 200:
            raise SystemExit(f"{path} answered {code}")
    cpu, queries, query_ms = [], [], []
    for _ in range(ROUNDS):
        with metered() as meter:
            start = time.process_time()
            _get(handler, path, cookie)
            cpu.append((time.process_time() - start) * 1000)
        queries.append(meter.queries)
        query_ms.append(meter.query_ms)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        _get(handler, path, cookie)
    profiler.disable()
    return {
        # Python function calls per request: a figure no other process on the machine moves.
        "calls": pstats.Stats(profiler).total_calls / 5,  # type: ignore[attr-defined]
        "cpu": statistics.median(cpu),
        "queries": statistics.median(queries),
        "query_ms": statistics.median(query_ms),
    }


def profile(handler: Callable[..., Any], path: str, cookie: str) -> None:
    for _ in range(5):
        _get(handler, path, cookie)
    profiler = cProfile.Profile(time.process_time)  # CPU, not the wait for the database
    profiler.enable()
    for _ in range(ROUNDS):
        _get(handler, path, cookie)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(int(os.environ.get("REQUEST_PROFILE_LINES", "70")))
    stats.sort_stats("tottime").print_stats(40)


def main() -> int:
    database = REUSE or f"lont_request_cpu_{os.getpid()}"
    if not REUSE:
        subprocess.run(
            ["psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {database}"], check=True
        )
    try:
        if not REUSE:
            _manage_into(database, "migrate", "--noinput", "-v", "0")
            _manage_into(database, "load_demo")
        _setup_django(database)
        from django.core.handlers.wsgi import WSGIHandler

        handler = WSGIHandler()
        cookies = {role: _session_cookie(email) for role, email in ROLES.items()}
        if PROFILE:
            profile(handler, PAGES[PROFILE], cookies[next(iter(ROLES))])
            return 0
        print(f"{ROUNDS} requests per page and role; CPU of this process, median per request")
        print(f"{'page':<14}{'role':<14}{'CPU ms':>8}{'calls':>9}{'queries':>9}{'query ms':>10}")
        for page, path in PAGES.items():
            for role in ROLES:
                r = measure(handler, path, cookies[role])
                print(
                    f"{page:<14}{role:<14}{r['cpu']:>8.1f}{r['calls']:>9.0f}{r['queries']:>9.0f}"
                    f"{r['query_ms']:>10.1f}"
                )
                sys.stdout.flush()
    finally:
        if not REUSE:
            from django.db import connections

            connections.close_all()
            subprocess.run(
                ["psql", f"{SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {database}"],
                check=False,
            )
    return 0


def _manage_into(database: str, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env("lont.settings.dev") | {"DATABASE_URL": f"{SERVER}/{database}"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])


if __name__ == "__main__":
    raise SystemExit(main())
