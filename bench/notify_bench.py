"""Signal save → notifications queued (issue 9, `make bench`), at demo size.

A youth worker registers a signal through the service that names a group of an open situation in
the demo network (Voorbeeldstad Noord). Timed from the call to ``signal_create`` until the commit's
callbacks have run: the signal links itself to its situations, the situation is recomputed (the
immediate task backend, as in the tests) and the level rise is told to the covenant's escalation
list, the followers and the director — notices written and e-mails handed to the mail backend
(locmem). Before each round the situation's stored level is set back to *laag*, so every round is
a rise. Figures printed, never asserted.

    python bench/notify_bench.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from lont.assessment.models import Situation  # noqa: E402
from lont.core import context  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.core.viewer import Viewer  # noqa: E402
from lont.knowledge.models import Indicator  # noqa: E402
from lont.networks.models import Membership  # noqa: E402
from lont.notifications.models import Notification  # noqa: E402
from lont.signalregister import services as signal_services  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="cProfile the rounds (top 25)")
    args = parser.parse_args()
    setup_test_environment()  # the locmem mail backend
    call_command("migrate", verbosity=0)
    with system_context("bench: load the demo"):
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        member = Membership.objects.select_related("network", "organisation", "user").get(
            user__email="jongerenwerker@jongerenwerk.voorbeeldstad.test",
            network__slug="voorbeeldstad-noord",
        )
        situation = (
            Situation.objects.filter(network=member.network, groups__isnull=False)
            .order_by("pk")
            .first()
        )
        group = situation.groups.order_by("pk").first()
        strong = list(
            Indicator.objects.filter(network=member.network, weight_class="strong").order_by("pk")[
                :2
            ]
        )
        members = Membership.objects.filter(network=member.network, is_active=True).count()
    viewer = Viewer(member)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    timings, notices, emails = [], [], []
    for _round in range(args.rounds):
        with system_context("bench: every round is a rise"):
            Situation.objects.filter(pk=situation.pk).update(level="laag")  # lint: bench reset
        before = Notification.objects.count()
        mail.outbox = []
        start = time.perf_counter()
        acting = context.acting(user=member.user, network=member.network, via="bench")
        with acting, transaction.atomic():
            signal_services.signal_create(
                viewer=viewer,
                fields={
                    "observed_at": timezone.now() - dt.timedelta(minutes=5),
                    "source_type": "open_online",
                    "description": "Vanavond 22:00 bij de kooi op het Stationsplein",
                },
                parts=signal_services.SignalParts(groups=[group], indicators=strong),
            )
        timings.append((time.perf_counter() - start) * 1000)
        notices.append(Notification.objects.count() - before)
        emails.append(len(mail.outbox))
    if profiler is not None:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"demo network ({members} members, {connection.vendor}): signal save → notifications "
        f"queued, {args.rounds} rounds: median {statistics.median(timings):.0f} ms, "
        f"p95 {p95:.0f} ms; per save {statistics.median(notices):.0f} notices, "
        f"{statistics.median(emails):.0f} e-mails"
    )


if __name__ == "__main__":
    main()
