"""Benchmark the assessment engine: a full level recompute of many situations, and one incremental.

Run: ``python bench/engine_bench.py [--situations N] [--signals M] [--seed S]``

Situations and signals are generated deterministically (seeded) from fictional data: indicator
codes from the guide's catalogue, ages up to a year, all source types, context notes, people in all
roles, calls with a time and place, and drill videos in a fifth of the situations. Single process.

Prints:
- the full recompute of every situation, level and score only (what a nightly or bulk task stores),
  and with every contribution explained in Dutch (what a situation page shows);
- one incremental recompute: a new signal arrives in one situation, which is recomputed with
  explanations (median and p95 over repeated runs);
- the trend-break report for every situation.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lont.assessment.guide import install_guide  # noqa: E402
from lont.engine import (  # noqa: E402
    ContextNote,
    DrillCounts,
    IndicatorTag,
    Level,
    PersonLink,
    PersonRole,
    Signal,
    SourceType,
    Structure,
    WeightClass,
    compute_level,
    trend_report,
)
from lont.knowledge.catalogue import load_indicators  # noqa: E402

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def tag_pool() -> list[IndicatorTag]:
    return [
        IndicatorTag(i.code, WeightClass(i.default_weight_class), i.category)
        for i in load_indicators()
        if i.category in ("online", "drill", "request", "calendar")
    ]


def make_signal(rng: random.Random, ref: str, tags: list[IndicatorTag], drill: bool) -> Signal:
    observed = NOW - timedelta(hours=rng.randrange(0, 24 * 365))
    named = None
    if rng.random() < 0.05:
        named = observed + timedelta(hours=rng.randrange(1, 24 * 7))
    is_drill = drill and rng.random() < 0.3
    return Signal(
        ref=ref,
        observed_at=observed,
        indicators=() if is_drill else tuple(rng.sample(tags, rng.randint(1, 3))),
        source_type=rng.choice(list(SourceType)),
        notes=tuple(
            ContextNote(f"{ref}-n{k}", rng.randint(-2, 2))
            for k in range(rng.choice((0, 0, 0, 1, 2)))
        ),
        people=tuple(
            PersonLink(f"p{rng.randrange(20000)}", rng.choice(list(PersonRole)))
            for _ in range(rng.randint(0, 3))
        ),
        named_time=named,
        named_place=named is not None and rng.random() < 0.5,
        call_to_action=rng.random() < 0.1,
        threat=rng.random() < 0.1,
        drill=DrillCounts(rng.randint(0, 5), rng.randint(0, 4), rng.randint(0, 8))
        if is_drill
        else None,
    )


def generate(n_situations: int, n_signals: int, seed: int) -> list[tuple[list[Signal], Structure]]:
    rng = random.Random(seed)
    tags = [t for t in tag_pool() if not t.is_drill]
    situations = []
    for s in range(n_situations):
        drill = rng.random() < 0.2
        signals = [make_signal(rng, f"{s}-{i}", tags, drill) for i in range(n_signals)]
        structure = Structure(
            conflict_history_months=float(rng.randint(0, 36)),
            symbolic_threat=rng.random() < 0.3,
            rivalry_ref=f"r{s}",
        )
        situations.append((signals, structure))
    return situations


def timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds for ``fn()``; CPU seconds are added to CPU_SECONDS (shared machines)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU_SECONDS.append(time.process_time() - cpu)
    return time.perf_counter() - start


CPU_SECONDS: list[float] = []


def cpu() -> str:
    return f"CPU {CPU_SECONDS[-1]:.2f} s"


def main() -> None:
    install_guide()  # Dutch indicator labels in the explanations, as the app shows them
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--situations", type=int, default=1000)
    parser.add_argument("--signals", type=int, default=200)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    t0 = time.perf_counter()
    situations = generate(args.situations, args.signals, args.seed)
    total = args.situations * args.signals
    print(
        f"generated {args.situations} situations × {args.signals} signals = {total} signals "
        f"in {time.perf_counter() - t0:.1f} s"
    )

    levels: dict[int, Level] = {}

    def bulk_run() -> None:
        for i, (sig, st) in enumerate(situations):
            levels[i] = compute_level(sig, st, now=NOW, explain=False).level

    bulk = timed(bulk_run)
    bulk_cpu, bulk_cpu_s = cpu(), CPU_SECONDS[-1]
    explained = timed(lambda: [compute_level(sig, st, now=NOW) for sig, st in situations])
    spread = {lv.code: sum(1 for v in levels.values() if v is lv) for lv in Level}
    per = 1e6 / total
    print(
        f"full recompute, level and score only: {bulk:.2f} s wall, {bulk_cpu} "
        f"({bulk_cpu_s * per:.1f} µs CPU per signal)"
    )
    print(
        f"full recompute, explained:            {explained:.2f} s wall, {cpu()} "
        f"({CPU_SECONDS[-1] * per:.1f} µs CPU per signal)"
    )
    print(f"levels: {spread}")

    rng = random.Random(args.seed + 1)
    tags = [t for t in tag_pool() if not t.is_drill]
    runs, cpus = [], []
    for r in range(args.repeat):
        signals, structure = situations[rng.randrange(len(situations))]
        new = make_signal(rng, f"new-{r}", tags, drill=False)
        runs.append(
            timed(lambda s=signals, n=new, st=structure: compute_level([*s, n], st, now=NOW))
        )
        cpus.append(CPU_SECONDS[-1])
    runs.sort()
    p95 = runs[min(len(runs) - 1, int(0.95 * len(runs)))]
    print(
        f"incremental recompute (one new signal, one situation of {args.signals + 1}, "
        f"explained): median {statistics.median(runs) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
        f"wall; median CPU {statistics.median(cpus) * 1000:.2f} ms"
    )

    trends = timed(
        lambda: [trend_report(f"s{i}", sig, now=NOW) for i, (sig, _) in enumerate(situations)]
    )
    print(f"trend reports for all situations: {trends:.2f} s wall, {cpu()}")


if __name__ == "__main__":
    main()
