"""Signals per second imported through the API, demo network next to the large one (issue 16).

A partner's own registration system posts signals to ``/api/v1/signals/`` with a token, as
``tests/signalregister/test_signalregister_api_writes.py`` does. Two figures per network:

* **accepted**: what the API answers, with the production task backend (the database queue): the
  signal, its links, versions, change log and the queued follow-up jobs, in one transaction;
* **end to end**: the same with the follow-up jobs run at once (autolink, the incremental
  recompute of the situation the signal joins, notifications), which is what a worker does after.

Each signal names the busiest group the director may see, so at the large network it joins the
large situations. Everything runs inside a transaction that is rolled back: the database is left
as it was. Reads the database ``bench/assessment_bench.py --build-only`` filled (DATABASE_URL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/import_bench.py [--signals 100]
"""

from __future__ import annotations

import argparse
import time

from large_network import setup_or_skip

setup_or_skip()

from django.db import transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, TestCase  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from lont.accounts.services import api_token_create  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.core.viewer import Viewer  # noqa: E402
from lont.networks.choices import Role  # noqa: E402
from lont.networks.models import Membership, Network  # noqa: E402
from lont.signalregister.models import SignalGroup  # noqa: E402
from lont.subjects.models import Group  # noqa: E402

NETWORKS = {"demo": "voorbeeldstad-noord", "large": "bench-grootstad"}
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
AT_ONCE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Rollback(Exception):
    """Raised to leave the benchmark's transaction without keeping anything."""


def busiest_visible_group(director: Membership) -> Group:
    visible = Group.objects.for_viewer(Viewer(director)).values_list("pk", flat=True)
    with system_context("benchmark: the group most signals name"):
        row = (
            SignalGroup.objects.filter(network=director.network, group_id__in=list(visible))
            .values("group_id")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        return Group.objects.get(pk=row["group_id"])


def body(group: Group, number: int) -> dict:
    observed = timezone.localtime().replace(second=0, microsecond=0)
    return {
        "observed_at": observed.isoformat(),
        "source_type": "open_online",
        "platform": "TikTok",
        "description": f"Fictieve oproep nummer {number} over het plein in Voorbeeldstad",
        "groups": [group.pk],
        "indicators": ["drill.personal_attacks"],
    }


def signals_per_second(director: Membership, count: int, tasks: dict) -> float:
    group = busiest_visible_group(director)
    try:
        with transaction.atomic(), override_settings(TASKS=tasks):
            _row, raw = api_token_create(viewer=Viewer(director), name="bench", days=1)
            client = Client(HTTP_AUTHORIZATION=f"Token {raw}")
            with TestCase.captureOnCommitCallbacks(execute=True):  # warm: prepares the situation
                client.post("/api/v1/signals/", body(group, 0), content_type="application/json")
            start = time.perf_counter()
            for number in range(1, count + 1):
                # What would run when the request's transaction commits (queueing the jobs, or
                # with the jobs at once, running them) runs here, inside the rolled-back one.
                with TestCase.captureOnCommitCallbacks(execute=True):
                    response = client.post(
                        "/api/v1/signals/", body(group, number), content_type="application/json"
                    )
                assert response.status_code == 201, response.content[:300]
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    return count / elapsed


def director_of(slug: str) -> Membership | None:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        return None
    return Membership.objects.filter(network=network, role=Role.DIRECTOR).first()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=100)
    args = parser.parse_args()
    directors = {name: director_of(slug) for name, slug in NETWORKS.items()}
    if not all(directors.values()):
        print("No demo or large network here: run bench/assessment_bench.py --build-only.")
        return
    print(f"{args.signals} signals per figure, one client, after one warm-up signal")
    print(f"{'signals/s':28} {'demo':>8} {'large':>8} {'ratio':>7}")
    for label, tasks in (
        ("accepted (queued jobs)", QUEUED),
        ("end to end (jobs at once)", AT_ONCE),
    ):
        rates = {name: signals_per_second(d, args.signals, tasks) for name, d in directors.items()}
        ratio = rates["demo"] / rates["large"]
        print(f"{label:28} {rates['demo']:8.1f} {rates['large']:8.1f} {ratio:6.2f}×")


if __name__ == "__main__":
    main()
