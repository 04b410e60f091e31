"""Benchmark the analyser against the dateparser baseline on 280-character Dutch posts.

Run: ``python bench/analyser_bench.py [--posts N] [--baseline-posts M] [--seed S]``

Posts are generated deterministically (seeded) from fictional fragments: chat, times, places of
the fictional Voorbeeldstad, calls, threats, slang, engagement figures. Single core, one process.
Prints posts per second and the median and 99th-percentile time per post for both.
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

from lont.analyser import Gazetteer, Place, analyse  # noqa: E402

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
    for text, posted in posts:
        begin = time.perf_counter()
        fn(text, posted)
        times.append(time.perf_counter() - begin)
    total = sum(times)
    times.sort()
    return {
        "posts": len(posts),
        "per_second": len(posts) / total,
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1000,
    }


def run_analyser(text: str, posted: datetime) -> object:
    return analyse(text, posted_at=posted, gazetteer=GAZETTEER)


def run_baseline(text: str, posted: datetime) -> object:
    from dateparser.search import search_dates

    return search_dates(
        text,
        languages=["nl"],
        settings={"RELATIVE_BASE": posted, "PREFER_DATES_FROM": "future"},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--baseline-posts", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20260314)
    args = parser.parse_args(argv)
    posts = make_posts(args.posts, args.seed)
    run_analyser(*posts[0])  # warm-up: compiles the regexes, fills the fold table
    rows = [("analyser", measure(run_analyser, posts))]
    if args.baseline_posts > 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_baseline(*posts[0])
            rows.append(("dateparser", measure(run_baseline, posts[: args.baseline_posts])))
    print(f"{'engine':<12}{'posts':>8}{'posts/s':>12}{'p50 ms':>10}{'p99 ms':>10}")
    for name, row in rows:
        print(
            f"{name:<12}{row['posts']:>8.0f}{row['per_second']:>12.0f}"
            f"{row['p50_ms']:>10.3f}{row['p99_ms']:>10.3f}"
        )
    print(f"(280-character posts, one core, seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
