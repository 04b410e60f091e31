"""Benchmark the analyser against the dateparser baseline on 280-character Dutch posts.

Run: ``python bench/analyser_bench.py [--posts N] [--baseline-posts M] [--seed S] [--corpus]``

Posts are generated deterministically (seeded) from fictional fragments: chat, times, places of
the fictional Voorbeeldstad, calls, threats, slang, engagement figures. Single core, one process.
Prints posts per second and the median and 99th-percentile time per post.

The comparison with dateparser's ``search_dates(text, languages=["nl"], settings={"RELATIVE_BASE":
…, "PREFER_DATES_FROM": "future"})`` runs on the *same* posts in the *same* run and is measured
in CPU time (``time.process_time``: time the process was not running, when other processes load
the machine, counts for neither side). Both sides are warmed up on the same posts first; then
blocks of 25 posts alternate between them, which side goes first alternating per block, over
``--rounds`` passes; the ratio (dateparser's CPU time ÷ the analyser's, that is analyser posts/s
÷ dateparser posts/s) is printed per pass as the median and range, the figure to compare
across machines. ``--corpus`` adds the same comparison on the short sentences of the shared
time corpora (read at run time). Also measured: the p99 latency of ``check_message`` (the live
check of a draft message). The first table gives wall-clock posts/s and latencies (what one
core delivers on an idle machine) and, beside them, posts per CPU-second and the CPU p99.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lont.analyser import Gazetteer, Place, analyse, check_message  # noqa: E402

FRAGMENTS = [
    "wie is er vanavond ook",
    "zaterdag om 21:00 bij de kooi",
    "morgen om 9 uur naar school",
    "kom dan als je durft",
    "pull up naar Noorderhaven",
    "ik steek je neer",
    "je moeder is nep",
    "RIP Jay, rust zacht broer",
    "12,3K views en 89 reposts",
    "#noorderhavengang @kleineb_vbs",
    "de opps hiden weer",
    "half 10 bij station Noord",
    "over 20 min ben ik er",
    "vrijdagavond feestje bij De Loods",
    "we zien elkaar op het Marktplein",
    "ff chillen bij de Smulhoek",
    "lol dit is echt te grappig man",
    "heb al 2 uur huiswerk gemaakt",
    "die toets was 3-2 voor ons",
    "wat op heup altijd",
    "mrgn is het zover",
    "straks even bellen",
    "iedereen naar de Kastanjestraat 8",
    "345 likes in een uur, geen grap",
    "wallah ik was er niet bij",
    "kwart over 8 bij Kreekpoort",
    "3075 tegen 1102 vanavond",
    "dit weekend gaat het gebeuren",
    "ik ben moe, ga slapen",
    "14 maart is de verjaardag van mn neef",
]

GAZETTEER = Gazetteer(
    [
        Place("Noorderhaven", ("Noordhaven",), "wijk", "Noord"),
        Place("de kooi bij de Lindelaan", ("de kooi", "kooitje"), "sportveld", "Oost"),
        Place("Marktplein", ("Markt",), "plein", "Centrum"),
        Place("Station Voorbeeldstad Noord", ("Station Noord",), "station", "Noord"),
        Place("Jongerencentrum De Loods", ("De Loods",), "jongerencentrum", "Zuid"),
        Place("Cafetaria Frituur Smulhoek", ("Smulhoek", "de Smulhoek"), "snackbar", "Oost"),
        Place("Winkelcentrum Kreekpoort", ("Kreekpoort",), "winkelcentrum", "Oost"),
    ]
)


def make_posts(count: int, seed: int) -> list[tuple[str, datetime]]:
    rng = random.Random(seed)
    start = datetime(2026, 3, 1, 0, 0)
    posts: list[tuple[str, datetime]] = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 280:
            parts.append(rng.choice(FRAGMENTS) + rng.choice(["", "!", "?", " 😂", " 🔥", ","]))
        text = " ".join(parts)[:280]
        posted = start + timedelta(minutes=rng.randrange(60 * 24 * 60))
        posts.append((text, posted))
    return posts


def measure(
    fn: Callable[[str, datetime], object], posts: list[tuple[str, datetime]]
) -> dict[str, float]:
    times: list[float] = []
    cpu_times: list[float] = []
    for text, posted in posts:
        cpu_begin = time.process_time()
        begin = time.perf_counter()
        fn(text, posted)
        times.append(time.perf_counter() - begin)
        cpu_times.append(time.process_time() - cpu_begin)
    cpu = _summary(cpu_times)
    return {**_summary(times), "cpu_per_second": cpu["per_second"], "cpu_p99_ms": cpu["p99_ms"]}


def run_analyser(text: str, posted: datetime) -> object:
    return analyse(text, posted_at=posted, gazetteer=GAZETTEER)


def run_baseline(text: str, posted: datetime) -> object:
    from dateparser.search import search_dates

    return search_dates(
        text,
        languages=["nl"],
        settings={"RELATIVE_BASE": posted, "PREFER_DATES_FROM": "future"},
    )


def interleaved(
    fns: dict[str, Callable[[str, datetime], object]],
    posts: list[tuple[str, datetime]],
    block: int = 25,
    rounds: int = 3,
) -> tuple[dict[str, dict[str, float]], list[dict[str, float]]]:
    """CPU time of each function on the same posts: a warm-up of every function on the first
    block, then blocks that alternate between the functions (which goes first alternating per
    block, so neither always runs on the caches the other left), ``rounds`` passes over the
    posts. Returns each function's per-post summary (CPU time, every pass) and each pass's CPU
    seconds per function."""
    names = list(fns)
    for name in names:
        for text, posted in posts[:block]:
            fns[name](text, posted)
    times: dict[str, list[float]] = {name: [] for name in names}
    passes: list[dict[str, float]] = []
    for round_ in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for number, offset in enumerate(range(0, len(posts), block)):
            chunk = posts[offset : offset + block]
            for name in names if (number + round_) % 2 == 0 else names[::-1]:
                fn = fns[name]
                for text, posted in chunk:
                    begin = time.process_time()
                    fn(text, posted)
                    took = time.process_time() - begin
                    times[name].append(took)
                    spent[name] += took
        passes.append(spent)
    return {name: _summary(values) for name, values in times.items()}, passes


def _summary(times: list[float]) -> dict[str, float]:
    total = sum(times)
    ordered = sorted(times)
    return {
        "posts": len(times),
        "per_second": len(times) / total if total else 0.0,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def corpus_posts() -> list[tuple[str, datetime]]:
    """The Duckling and chrono sentences (short, one expression each), if the corpora exist."""
    from lont.analyser.corpora import DEFAULT_EVAL_ROOT, converters

    if not DEFAULT_EVAL_ROOT.is_dir():
        return []
    out: list[tuple[str, datetime]] = []
    available = converters()
    for name in ("duckling", "duckling_old", "chrono"):
        if name in available:
            for post in available[name](DEFAULT_EVAL_ROOT).posts:
                out.append((str(post["text"]), datetime.fromisoformat(str(post["posted_at"]))))
    return out


def run_check(text: str, posted: datetime) -> object:
    return check_message(
        text, context_texts=[text[:140], text[140:]], posted_at=posted, gazetteer=GAZETTEER
    )


def _print(rows: list[tuple[str, dict[str, float]]], clock: str = "wall") -> None:
    """``clock``: what ``posts/s`` and the latencies were measured in; the CPU figures of a
    wall-clock measurement (posts per CPU-second, CPU p99), where a row has them, get their
    own columns."""
    cpu = any("cpu_per_second" in row for _name, row in rows)
    head = f"{'engine':<22}{'posts':>8}{f'posts/s ({clock})':>18}"
    if cpu:
        head += f"{'posts/CPU-s':>13}"
    head += f"{'p50 ms':>10}{'p99 ms':>10}"
    print(head + (f"{'CPU p99 ms':>12}" if cpu else ""))
    for name, row in rows:
        line = f"{name:<22}{row['posts']:>8.0f}{row['per_second']:>18.0f}"
        if cpu:
            line += f"{row.get('cpu_per_second', 0.0):>13.0f}"
        line += f"{row['p50_ms']:>10.3f}{row['p99_ms']:>10.3f}"
        print(line + (f"{row.get('cpu_p99_ms', 0.0):>12.3f}" if cpu else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--baseline-posts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3, help="passes of the comparison")
    parser.add_argument("--seed", type=int, default=20260314)
    parser.add_argument("--corpus", action="store_true", help="also the shared time corpora")
    args = parser.parse_args(argv)
    posts = make_posts(args.posts, args.seed)
    run_analyser(*posts[0])  # warm-up: compiles the regexes, fills the fold table
    run_check(*posts[0])
    rows = [
        ("analyser", measure(run_analyser, posts)),
        ("check_message", measure(run_check, posts[: max(1, args.posts // 5)])),
    ]
    _print(rows)
    print(f"(280-character posts, one core, seed {args.seed})")
    if args.baseline_posts <= 0:
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_baseline(*posts[0])
        sets = [("280-character posts", posts[: args.baseline_posts])]
        if args.corpus:
            sets.append(("shared time corpora", corpus_posts()))
        for label, subset in sets:
            if not subset:
                continue
            both, passes = interleaved(
                {"analyser": run_analyser, "dateparser": run_baseline},
                subset,
                rounds=max(1, args.rounds),
            )
            print()
            _print([(f"{name}", row) for name, row in both.items()], clock="CPU")
            ratios = sorted(p["dateparser"] / max(p["analyser"], 1e-9) for p in passes)
            print(
                f"same {len(subset)} {label}, same run, CPU time: analyser = "
                f"{statistics.median(ratios):.1f}× dateparser (median of {len(ratios)} pass(es), "
                f"{ratios[0]:.1f}–{ratios[-1]:.1f}×)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
