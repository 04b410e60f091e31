"""`make bench`: every benchmark, figures printed (never asserted).

Runs the text analyser benchmark, the assessment-engine benchmark, page timings of the
foundation (test client, warm, demo network) and the assessment at scale (demo next to a generated
large network: pages, recomputes, signal list) and signal save → notifications queued (demo next
to the same large network, built once into a file and reused) one after the other.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BENCHMARKS = [
    ("Text analyser vs dateparser (issue 5)", ["bench/analyser_bench.py"]),
    ("Assessment engine (issue 4, pure)", ["bench/engine_bench.py"]),
    ("Foundation pages (test client, warm)", ["bench/pages_bench.py"]),
    ("Assessment at scale: demo vs large network (issue 4)", ["bench/assessment_bench.py"]),
    ("Retention purge of 200,000 expired signals (issue 12)", ["bench/purge_bench.py"]),
    ("Incident room: page and live update, 30 open pages (issue 10)", ["bench/crisis_bench.py"]),
    # The large network is built once into a database file in the temp folder and reused.
    (
        "Signal save → notifications queued: demo vs large network (issue 9)",
        ["bench/notify_bench.py", "--rounds", "10"],
    ),
    # Issue 16: these read the large network built once into DATABASE_URL (PostgreSQL) with
    # `bench/assessment_bench.py --build-only`; without DATABASE_URL they say so and skip.
    (
        "Recompute before/after, incremental and full, large network (issue 16)",
        ["bench/recompute_bench.py", "--full"],
    ),
    ("Pages at demo size vs the large network (issue 16)", ["bench/scale_pages_bench.py"]),
    (
        "Signals imported through the API: demo vs large network (issue 16)",
        ["bench/import_bench.py"],
    ),
]
# Not in `make bench` because it restarts the local PostgreSQL cluster:
#   .venv/bin/python bench/pg_restart.py   (writes across a database restart, issue 16)


def main() -> int:
    failed = 0
    for title, argv in BENCHMARKS:
        print(f"\n=== {title} ===", flush=True)
        result = subprocess.run([sys.executable, *argv], cwd=ROOT, check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
