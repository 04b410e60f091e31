"""Recompute in proportion to the change (issue 16): before and after, in one run, on the large
network of ``bench/assessment_bench.py``.

For the situation with the most linked signals, one new signal is linked and the situation is
recomputed as a task does it (``services.situation_recompute``: compute and store), reusing the
stored prepared contributions; then every signal is prepared again (``compute(reuse=False)``)
and the two results are compared (bit for bit), as is every line read back (the stored, shown
ones and those rebuilt from the stored records: ``recompute.explained``) with the engine's lines
when it explains every signal afresh.

It prints wall time, this process's CPU time, the number of queries and the time spent in them
(median over the rounds), and with ``--full`` times a full recompute of every situation in the
network (cold: nothing stored; warm: the daily decay pass). Everything runs in one transaction
that is rolled back (the migrations of this tree too, on PostgreSQL): the shared bench database
is left as it was. For before and after, run this script from a checkout of the earlier commit
and from this tree, one after the other. Build the network once and reuse it::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/assessment_bench.py --build-only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/recompute_bench.py [--rounds 5] [--full]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from large_network import setup_or_skip

setup_or_skip()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from query_meter import QueryMeter  # noqa: E402

from lont import engine as e  # noqa: E402
from lont.assessment import recompute, services  # noqa: E402
from lont.assessment.models import PreparedContribution, Situation  # noqa: E402
from lont.core import context  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.signalregister.models import Signal  # noqa: E402


class Meter(QueryMeter):
    """Wall time, CPU time of this process, and the queries with their time."""

    def run(self, fn: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
        self.queries, self.query_ms = 0, 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(self):
            out = fn()
        return out, {
            "wall": (time.perf_counter() - wall) * 1000,
            "cpu": (time.process_time() - cpu) * 1000,
            "queries": self.queries,
            "query": self.query_ms,
        }


def spread(samples: list[dict[str, float]], key: str) -> str:
    values = [s[key] for s in samples]
    return f"{min(values):.1f}–{max(values):.1f}"


def median_of(samples: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--full", action="store_true", help="also time a full recompute")
    args = parser.parse_args()
    meter = Meter()
    with context.acting(via="command"), system_context("benchmark"), transaction.atomic():
        with connection.cursor() as cursor:  # never wait long for a lock on the shared database
            cursor.execute("SET LOCAL lock_timeout = '10s'")
        call_command("migrate", verbosity=0)
        rows, same = measure(meter, args)
        transaction.set_rollback(True)
    print(f"{'':34} {'wall':>9} {'CPU':>9} {'queries':>8} {'in queries':>11}  range (wall; CPU)")
    for label, samples in rows.items():
        m = median_of(samples)
        print(
            f"{label:34} {m['wall']:9.1f} {m['cpu']:9.1f} {m['queries']:8.0f} {m['query']:11.1f}"
            f"  {spread(samples, 'wall')}; {spread(samples, 'cpu')}"
        )
    print(f"\nSame level, score, explanation, drill, trend breaks and requests: {same}")
    print("(and every line read back is the engine's line with every signal prepared afresh)")


def measure(
    meter: Meter, args: argparse.Namespace
) -> tuple[dict[str, list[dict[str, float]]], bool]:
    network_id = (
        Situation.objects.filter(title__startswith="Rivaliteit groep")
        .values_list("network_id", flat=True)
        .first()
    )
    assert network_id, "no large network here: run bench/assessment_bench.py --build-only"
    ids = list(Situation.objects.filter(network_id=network_id).values_list("pk", flat=True))
    sizes = {pk: Situation.signals.through.objects.filter(situation_id=pk).count() for pk in ids}
    largest = max(ids, key=lambda pk: (sizes[pk], pk))
    signals = Signal.objects.filter(network_id=network_id).count()
    print(f"Network: {signals:,} signals, {len(ids)} situations; largest: {sizes[largest]:,}")

    if args.full:
        PreparedContribution.objects.filter(situation__network_id=network_id).delete()
        for label in ("cold: every signal prepared", "warm: the decay pass"):
            now = timezone.now()
            start, cpu = time.perf_counter(), time.process_time()
            for s in Situation.objects.filter(pk__in=ids).select_related("rivalry"):
                services.situation_recompute(s, now=now)
            print(
                f"Full recompute and store, {label}: {time.perf_counter() - start:.1f} s wall, "
                f"{time.process_time() - cpu:.1f} s CPU"
            )

    situation = Situation.objects.select_related("rivalry").get(pk=largest)
    template = situation.signals.order_by("-observed_at").first()
    assert template is not None
    services.situation_recompute(situation)  # stored contributions up to date
    rows: dict[str, list[dict[str, float]]] = {
        "incremental (compute and store)": [],
        "full (reuse=False, compute only)": [],
    }
    explained = getattr(recompute, "explained", None)
    if explained is not None:
        rows["all lines formatted (explained)"] = []
    listed = getattr(recompute, "contributions", None)
    if listed is not None:
        rows["all lines listed (contributions)"] = []
    # The incremental rounds first: a full recompute rewrites every stored row (dead rows the
    # next reads would wade through until a vacuum), which a task's recompute never meets.
    for _ in range(args.rounds):
        signal = Signal.objects.get(pk=template.pk)
        signal.pk = None
        signal.observed_at = timezone.now() - dt.timedelta(minutes=1)
        Signal.objects.bulk_create([signal])  # no triggers: the recompute below is timed
        through = Situation.signals.through
        through.objects.bulk_create([through(situation_id=situation.pk, signal_id=signal.pk)])
        situation = Situation.objects.select_related("rivalry").get(pk=largest)
        now = timezone.now()
        _out, m_incremental = meter.run(
            lambda now=now, s=situation: services.situation_recompute(s, now=now)
        )
        rows["incremental (compute and store)"].append(m_incremental)
        if explained is not None:
            _lines, m_lines = meter.run(lambda s=situation: explained(s))
            rows["all lines formatted (explained)"].append(m_lines)
        if listed is not None:
            _lines, m_listed = meter.run(lambda s=situation: listed(s))
            rows["all lines listed (contributions)"].append(m_listed)
    same = True
    for _ in range(args.rounds):
        full, m_full = meter.run(
            lambda now=now, s=situation: recompute.compute(s, now, reuse=False)
        )
        rows["full (reuse=False, compute only)"].append(m_full)
        stored = {k: getattr(situation, k) for k in ("level", "score", "explanation", "drill")}
        same = same and all(stored[k] == full[k] for k in stored)
        same = same and situation.requests == full["requests"]
    if explained is not None:
        # Every line read back (the stored ones and those rebuilt or formatted from the records)
        # is the engine's line when it explains every signal of the situation afresh.
        same = same and explained(situation) == every_line(situation, now)
    size = len(json.dumps(situation.explanation, separators=(",", ":")))
    print(f"Stored explanation of the largest situation: {size:,} bytes of JSON")
    print(f"\nLargest situation ({sizes[largest]:,}+ signals), one new signal, median (ms):")
    return rows, same


def every_line(situation: Situation, now: dt.datetime) -> list[dict[str, Any]]:
    """Every line of the situation at ``now`` with its text, every signal prepared afresh."""
    params = recompute.parameters_for(situation.network_id)
    recs = recompute.records(situation, now, params, reuse=False)
    people = {p for r in recs for p in r.people}
    structure = recompute.structure_for(situation, now, people)
    result = e.compute_level_prepared([r.prepared for r in recs], structure, params, now=now)
    return [recompute.contribution_dict(c) for c in result.contributions]


if __name__ == "__main__":
    main()
