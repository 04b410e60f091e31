"""Retention purge at scale (issue 12, X3): N expired signals, timed, with peak memory.

Generates ``--count`` expired signals (default 200,000) in one network with ``bulk_create``
(services bypassed for speed; rows are complete as the services would write them), one in ten
with a person and a group, then runs the nightly purge (``lont.retention.services.purge_expired``)
and prints wall time, rows per second and peak memory: the process's peak RSS
(``resource.getrusage``) and, with ``--tracemalloc``, the Python heap's peak during the purge
(tracemalloc slows the run; the time printed then is not the real one). A throw-away SQLite
database unless DATABASE_URL is set. Figures printed, never asserted.

    python bench/purge_bench.py [--count 200000] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from lont.accounts.models import User  # noqa: E402
from lont.core import context  # noqa: E402
from lont.networks import services as network_services  # noqa: E402
from lont.networks.choices import PartnerType, Role  # noqa: E402
from lont.networks.models import Membership  # noqa: E402
from lont.retention.services import purge_expired  # noqa: E402
from lont.signalregister.choices import SourceType  # noqa: E402
from lont.signalregister.models import Signal, SignalGroup, SignalPerson  # noqa: E402
from lont.subjects.models import Group, Person  # noqa: E402

BATCH = 5000


def _rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(count: int) -> None:
    network = network_services.network_create(name="Voorbeeldstad Bewaar", slug="bewaar")
    org = network_services.organisation_create(
        network=network, name="Politie Voorbeeldstad", partner_type=PartnerType.POLICE
    )
    network_services.covenant_version_create(
        network=network, actor=None, reason="Bench", director_organisation=org
    )
    user = User.objects.create(email="bench@voorbeeldstad.test", full_name="Bench")
    member = Membership.objects.create(
        user=user, network=network, organisation=org, role=Role.PROFESSIONAL
    )
    long_ago = timezone.now() - dt.timedelta(days=800)
    today = timezone.localdate()
    group = Group.objects.create(network=network, organisation=org, name="Groep Bench")
    person = Person.objects.create(
        network=network,
        organisation=org,
        alias="Bench",
        real_name="Fictief",
        review_date=today + dt.timedelta(days=365),
    )
    made = 0
    while made < count:
        n = min(BATCH, count - made)
        signals = Signal.objects.bulk_create(
            [
                Signal(
                    network=network,
                    organisation=org,
                    reported_by=member,
                    observed_at=long_ago,
                    registered_at=long_ago,
                    source_type=SourceType.OPEN_ONLINE,
                    platform="Instagram",
                    description="Fictieve beschrijving",
                    category="online_open_source",
                    retain_until=today - dt.timedelta(days=1),
                )
                for _ in range(n)
            ],
            batch_size=BATCH,
        )
        linked = signals[::10]
        common = {"network": network, "category": "online_open_source", "signal_organisation": org}
        SignalPerson.objects.bulk_create(
            [SignalPerson(signal=s, person=person, role="involved", **common) for s in linked]
        )
        SignalGroup.objects.bulk_create(
            [
                SignalGroup(signal=s, group=group, signal_observed_at=s.observed_at, **common)
                for s in linked
            ]
        )
        made += n


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with context.acting(via="command"):
        build(args.count)
    built = time.perf_counter() - started
    print(f"database: {connection.vendor}")
    print(
        f"generated {args.count} expired signals (1 in 10 with a person and a group) in {built:.1f} s"
    )
    rss_before = _rss_mb()

    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    with context.acting(via="command"):
        runs = purge_expired()
    seconds = time.perf_counter() - started
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    if args.tracemalloc:
        tracemalloc.stop()

    summary = runs[0].summary
    left = Signal.objects.count()
    print(
        f"purge: {seconds:.1f} s, {args.count / seconds:.0f} signals/s, "
        f"{1000 * seconds / args.count:.2f} ms per signal"
    )
    print(
        f"deleted rows (signals and their rows): {summary['deleted']}, failed: {summary['failed']}, "
        f"signals left: {left}"
    )
    print(f"peak RSS: {_rss_mb():.0f} MB (after generating: {rss_before:.0f} MB)")
    if heap_peak is not None:
        print(f"Python heap peak during the purge (tracemalloc): {heap_peak:.1f} MB")
    return 0 if left == 0 and summary["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
