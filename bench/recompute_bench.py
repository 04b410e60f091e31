"""Recompute in proportion to the change (issue 16): before and after, in one run, on the large
network of ``bench/assessment_bench.py``.

For the situation with the most linked signals, one new signal is linked and the situation is
recomputed, with

- **before**: the recompute of an earlier commit (``--before``, default the commit before the
  prepared contributions: every linked signal read and computed again);
- **after, incremental**: the stored prepared contributions reused, only the new signal prepared;
- **after, full**: every signal prepared again (``reuse=False``).

It prints wall time, this process's CPU time, the number of queries and the time spent in them
(median over the rounds), checks that all three give the same result (bit for bit), and times a
full recompute of every situation in the network (cold: nothing stored; warm: the daily decay
pass). Build the network once and reuse it::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/assessment_bench.py --build-only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/recompute_bench.py [--rounds 5] [--full]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
if "DATABASE_URL" not in os.environ:
    print(
        "Set DATABASE_URL to the database bench/assessment_bench.py --build-only filled."
        + " Skipped."
    )
    sys.exit(0)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from query_meter import QueryMeter  # noqa: E402

from lont.assessment import recompute  # noqa: E402
from lont.assessment.models import PreparedContribution, Situation  # noqa: E402
from lont.core import context  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.signalregister.models import Signal  # noqa: E402

BEFORE = "b1b82b8"  # main before the prepared contributions


def load_before(commit: str) -> Any:
    """The recompute module as it was at ``commit``, imported next to today's."""
    source = subprocess.run(
        ["git", "show", f"{commit}:lont/assessment/recompute.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "recompute_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("lont.assessment.recompute_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def median_of(samples: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", default=BEFORE, help="commit of the recompute to compare")
    parser.add_argument("--full", action="store_true", help="also time a full recompute")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    before = load_before(args.before)
    meter = Meter()
    with context.acting(via="command"), system_context("benchmark"):
        network_id = (
            Situation.objects.filter(title__startswith="Rivaliteit groep")
            .values_list("network_id", flat=True)
            .first()
        )
        assert network_id, "no large network here: run bench/assessment_bench.py --build-only"
        ids = list(Situation.objects.filter(network_id=network_id).values_list("pk", flat=True))
        sizes = {
            pk: Situation.signals.through.objects.filter(situation_id=pk).count() for pk in ids
        }
        largest = max(ids, key=lambda pk: (sizes[pk], pk))
        situation = Situation.objects.select_related("rivalry").get(pk=largest)
        signals = Signal.objects.filter(network_id=network_id).count()
        print(f"Network: {signals:,} signals, {len(ids)} situations; largest: {sizes[largest]:,}")

        if args.full:
            PreparedContribution.objects.filter(situation__network_id=network_id).delete()
            for label in ("cold: every signal prepared", "warm: the decay pass"):
                now = timezone.now()
                start, cpu = time.perf_counter(), time.process_time()
                for s in Situation.objects.filter(pk__in=ids).select_related("rivalry"):
                    recompute.compute(s, now)
                print(
                    f"Full recompute, {label}: {time.perf_counter() - start:.1f} s wall, "
                    f"{time.process_time() - cpu:.1f} s CPU"
                )

        template = situation.signals.order_by("-observed_at").first()
        assert template is not None
        recompute.compute(situation, timezone.now())  # stored contributions up to date
        rows: dict[str, list[dict[str, float]]] = {"before": [], "incremental": [], "full": []}
        same = True
        for _ in range(args.rounds):
            signal = Signal.objects.get(pk=template.pk)
            signal.pk = None
            signal.observed_at = timezone.now() - dt.timedelta(minutes=1)
            Signal.objects.bulk_create([signal])  # no triggers: the recompute below is timed
            through = Situation.signals.through
            through.objects.bulk_create([through(situation_id=situation.pk, signal_id=signal.pk)])
            now = timezone.now()
            old, m_before = meter.run(lambda now=now: before.compute(situation, now))
            new, m_incremental = meter.run(lambda now=now: recompute.compute(situation, now))
            full, m_full = meter.run(lambda now=now: recompute.compute(situation, now, reuse=False))
            same = same and old == new == full
            rows["before"].append(m_before)
            rows["incremental"].append(m_incremental)
            rows["full"].append(m_full)
    print(
        f"\nRecompute of the largest situation ({sizes[largest]:,}+ signals) after one new signal,"
        f" median of {args.rounds} (ms):"
    )
    print(f"{'':34} {'wall':>9} {'CPU':>9} {'queries':>8} {'in queries':>11}")
    labels = {
        "before": f"before ({args.before})",
        "incremental": "after, incremental",
        "full": "after, full (reuse=False)",
    }
    for key, label in labels.items():
        m = median_of(rows[key])
        print(f"{label:34} {m['wall']:9.1f} {m['cpu']:9.1f} {m['queries']:8.0f} {m['query']:11.1f}")
    print(
        f"\nSame level, score, explanation, drill, trend breaks and requests in all three: {same}"
    )


if __name__ == "__main__":
    main()
