"""The incident room (issue 10, `make bench`): the incident page and its live update.

Figures printed (never asserted), on the demo network with the active demo incident grown to 500
log entries:

- the incident page (full render), median and p95, as the network director;
- the live update (the htmx poll of ``/incidenten/<pk>/live/``), median and p95;
- 30 open pages: 30 members of different partners (full and summary readers) each poll once per
  10-second cycle, once when nothing changed (an empty 204) and once after a new log line (every
  page renders again); the time of one cycle, the share of one CPU core it takes, and the
  access-log rows one cycle writes (a poll is a refresh: only rows new or changed for its reader
  are logged, ``core.reads.refreshing``).

Everything runs on a throw-away SQLite database (or DATABASE_URL), test client, warm.

    python bench/crisis_bench.py [--rounds 30] [--log 500] [--pages 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402
from large_network import client_for  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.urls import reverse  # noqa: E402

from lont.accounts.models import User  # noqa: E402
from lont.audit.models import AccessLogEntry  # noqa: E402
from lont.core import context  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.core.viewer import Viewer  # noqa: E402
from lont.crisis import selectors, services  # noqa: E402
from lont.crisis.demo import ACTIVE_TITLE  # noqa: E402
from lont.crisis.models import Incident, IncidentLogEntry  # noqa: E402
from lont.networks.choices import PartnerType, Role  # noqa: E402
from lont.networks.demo import load_demo  # noqa: E402
from lont.networks.models import Membership, Organisation  # noqa: E402

POLL_SECONDS = 10


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def timed(fn: Callable[[], Any], rounds: int) -> tuple[float, float, float]:
    """Median and p95 wall time, and the median CPU time of this process (the test client runs
    the server in-process: on a shared machine CPU time is the fairer figure)."""
    fn()  # warm
    samples, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (*percentiles(samples), statistics.median(cpu))


def readers(network: Any, director: Membership, count: int) -> list[Membership]:
    """``count`` members across the demo's partner types: the demo's own, then extra ones."""
    found = list(
        Membership.objects.filter(network=network, is_active=True)
        .exclude(role__in=(Role.PRIVACY_OFFICER, Role.ADMINISTRATOR))
        .select_related("organisation", "user")
    )
    kinds = [PartnerType.POLICE, PartnerType.YOUTH_WORK, PartnerType.EDUCATION, PartnerType.CARE]
    n = 0
    while len(found) < count:
        kind = kinds[n % len(kinds)]
        organisation = Organisation.objects.filter(network=network, partner_type=kind).first()
        user = User.objects.create_user(email=f"bench{n}@crisis.test", password=None)
        found.append(
            Membership.objects.create(
                user=user, network=network, organisation=organisation, role=Role.PROFESSIONAL
            )
        )
        n += 1
    return found[:count]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--log", type=int, default=500)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_demo()
    with system_context("benchmark setup"):
        incident = Incident.objects.get(title=ACTIVE_TITLE)
        director = Membership.objects.select_related("network", "organisation", "user").get(
            user__email="regisseur@gemeente.voorbeeldstad.test", network=incident.network
        )
        viewer = Viewer(director)
        start = time.perf_counter()
        with context.acting(user=director.user, network=incident.network, via="command"):
            existing = IncidentLogEntry.objects.filter(incident=incident).count()
            for i in range(max(0, args.log - existing)):
                services.log_add(viewer=viewer, incident=incident, text=f"Waarneming {i + 1}")
        grown = IncidentLogEntry.objects.filter(incident=incident).count()
        members = readers(incident.network, director, args.pages)
    print(f"incident log: {grown} entries (added in {time.perf_counter() - start:.1f} s)")
    page = reverse("crisis:detail", args=[incident.pk])
    live = reverse("crisis:live", args=[incident.pk])
    boss = client_for(director)
    assert boss.get(page).status_code == 200
    median, p95, cpu = timed(lambda: boss.get(page), args.rounds)
    print(
        f"incident page (director): median {median:7.1f} ms  p95 {p95:7.1f} ms  (CPU {cpu:.1f} ms)"
    )
    median, p95, cpu = timed(lambda: boss.get(live), args.rounds)
    print(
        f"live update (director):   median {median:7.1f} ms  p95 {p95:7.1f} ms  (CPU {cpu:.1f} ms)"
    )
    clients = [client_for(m) for m in members]
    for client in clients:
        client.get(live)  # warm, and every session exists

    def cycle(changed: bool) -> tuple[list[float], float, float, int]:
        """One 10-s cycle: every open page polls once with the version it shows. With
        ``changed`` a partner adds a log line first, so every page renders again."""
        with system_context("benchmark: the version the pages show"):
            shown = selectors.live_version(Incident.objects.get(pk=incident.pk))
        if changed:
            with context.acting(user=director.user, network=incident.network, via="command"):
                services.log_add(viewer=viewer, incident=incident, text="Nieuwe waarneming")
        before = AccessLogEntry.objects.count()
        polls = []
        start_cycle, start_cpu = time.perf_counter(), time.process_time()
        for client in clients:
            start = time.perf_counter()
            response = client.get(f"{live}?v={shown}")
            polls.append((time.perf_counter() - start) * 1000)
            assert response.status_code == (200 if changed else 204), response.status_code
        took = (time.perf_counter() - start_cycle) * 1000
        cpu = (time.process_time() - start_cpu) * 1000
        return polls, took, cpu, AccessLogEntry.objects.count() - before

    for changed, label in ((False, "nothing changed (204)"), (True, "one change (re-render)")):
        polls: list[float] = []
        cycles: list[float] = []
        cpus: list[float] = []
        logged: list[int] = []
        for _ in range(max(3, args.rounds // 5)):
            p, c, u, n = cycle(changed)
            polls += p
            cycles.append(c)
            cpus.append(u)
            logged.append(n)
        median, p95 = percentiles(polls)
        took, cpu = statistics.median(cycles), statistics.median(cpus)
        print(
            f"{len(clients)} open pages, {label}: poll median {median:6.1f} ms p95 {p95:6.1f} ms; "
            f"cycle {took:7.1f} ms wall, {cpu:7.1f} ms CPU = {cpu / (POLL_SECONDS * 10):.1f}% of "
            f"one core per {POLL_SECONDS} s; {statistics.median(logged):.0f} access-log rows"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
