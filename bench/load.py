"""Load without errors (issue 16, part 4): pages under concurrent load with production settings.

gunicorn with production settings on PostgreSQL (loopback), the demo network, and ``wrk`` with 50
connections per page and role for ``LOAD_SECONDS`` (default 15) each. Prints requests/s, p50, p99
and non-2xx answers per page and role. The target is ≥ 200 req/s with p99 < 500 ms and no non-2xx
on the dashboard and the signal list with two cores.

Usage: .venv/bin/python bench/load.py   (installs Debian's wrk when missing and run as root).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from pg_restart import DATABASE, PY, ROOT, SERVER, env, free_port, manage

SECONDS = int(os.environ.get("LOAD_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "50"))
WORKERS = int(os.environ.get("LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
PAGES = {
    "home": "/",
    "dashboard": "/duiding/",
    "signal list": "/signalen/",
    "group list": "/doelgroepen/groepen/",
}
ONLY = os.environ.get("LOAD_PAGES", "")  # e.g. "dashboard,signal list"
if ONLY:
    PAGES = {name: path for name, path in PAGES.items() if name in ONLY.split(",")}
ROLES = {
    "director": "regisseur@gemeente.voorbeeldstad.test",
    "youth worker": "jongerenwerker@jongerenwerk.voorbeeldstad.test",
    "police": "wijkagent@politie.voorbeeldstad.test",
}

# A signed-in session with the second factor given, as the login page would leave it.
SESSION = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.networks.models import Membership
for email in {emails!r}:
    user = get_user_model().objects.get(email=email)
    member = Membership.objects.filter(user=user, is_active=True).order_by("pk").first()
    client = Client()
    client.force_login(user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session["lont_network_id"] = member.network_id
    session.save()
    name = settings.SESSION_COOKIE_NAME
    print(email, name + "=" + client.cookies[name].value)
"""


def wrk() -> str:
    found = shutil.which("wrk")
    if found is None and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
        found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    return found


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def measure(binary: str, url: str, cookie: str) -> dict[str, float]:
    out = subprocess.run(
        [
            binary,
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            "--timeout",
            "5s",
            "-H",
            f"Cookie: {cookie}",
            "-H",
            "X-Forwarded-Proto: https",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Requests/sec" not in out or "Latency Distribution" not in out:
        raise SystemExit(f"wrk gave no figures:\n{out}")
    latency = dict(re.findall(r"^\s*(50|99)%\s+([\d.]+\w+)", out, re.M))
    timeouts = re.search(r"timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def status_of(url: str, cookie: str) -> int:
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})
    try:
        with opener.open(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def main() -> int:
    binary = wrk()
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {DATABASE}"], check=True)
    gunicorn = None
    try:
        manage("migrate", "--noinput", "-v", "0")
        manage("load_demo")
        manage("collectstatic", "--noinput", "-v", "0", settings="lont.settings.prod")
        cookies = dict(
            line.split()
            for line in manage(
                "shell",
                "-c",
                SESSION.format(emails=list(ROLES.values())),
                settings="lont.settings.prod",
            ).splitlines()
            if line.count(" ") == 1 and "@" in line
        )
        port = free_port()
        gunicorn = subprocess.Popen(
            [
                str(Path(PY).with_name("gunicorn")),
                "lont.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
            ],
            cwd=ROOT,
            env=env("lont.settings.prod"),
            stdout=subprocess.DEVNULL,
            stderr=open(f"/tmp/lont-load-{os.getpid()}.log", "w"),  # noqa: SIM115
        )
        for _ in range(100):  # wait for the listener (a benchmark script, not a test)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/account/inloggen/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        print(
            f"{WORKERS} gunicorn workers, {CONNECTIONS} connections, {SECONDS} s per page and role"
        )
        print(
            f"{'page':<14}{'role':<14}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'time-outs':>11}"
        )
        for page, path in PAGES.items():
            for role, email in ROLES.items():
                r = measure(binary, f"http://127.0.0.1:{port}{path}", cookies[email])
                print(
                    f"{page:<14}{role:<14}{r['rps']:>8.0f}{r['p50']:>9.0f}{r['p99']:>9.0f}"
                    f"{r['non2xx']:>9}{r['timeouts']:>11}"
                )
                sys.stdout.flush()
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        subprocess.run(
            ["psql", f"{SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"],
            check=False,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
