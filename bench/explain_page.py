"""Every query one page runs, with the server's time and the planner's plan (issue 16, part 1).

Requests the page once to warm up, then once more while capturing its queries, as the director
of a network in DATABASE_URL (PostgreSQL; the database ``bench/assessment_bench.py --build-only``
filled), and runs ``EXPLAIN (ANALYZE, BUFFERS)`` on each SELECT it captured. Prints the
SELECTs slowest first by the server's execution time (no round trips: steadier than wall time
on a busy machine) with their plan (``--plans N``: the N slowest; 0 for times only).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/explain_page.py bench-grootstad "/signalen/?groep=123" [--plans 3]
"""

from __future__ import annotations

import argparse

from large_network import setup_or_skip

setup_or_skip()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from scale_pages_bench import client_for  # noqa: E402

from lont.networks.choices import Role  # noqa: E402
from lont.networks.models import Membership  # noqa: E402


def plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [row[0] for row in cursor.fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network", help="the network's slug, e.g. bench-grootstad")
    parser.add_argument("path")
    parser.add_argument("--plans", type=int, default=3, help="plans of the N slowest queries")
    args = parser.parse_args()
    director = Membership.objects.filter(network__slug=args.network, role=Role.DIRECTOR).first()
    assert director is not None, args.network
    client = client_for(director)
    client.get(args.path)  # warm: caches and the covenant
    with CaptureQueriesContext(connection) as captured:
        response = client.get(args.path)
    assert response.status_code == 200, response.status_code
    selects = [
        q["sql"] for q in captured.captured_queries if q["sql"].lstrip().startswith("SELECT")
    ]
    planned = sorted(((plan(sql), sql) for sql in selects), key=lambda p: -executed_ms(p[0]))
    total = sum(executed_ms(lines) for lines, _ in planned)
    print(
        f"{len(captured.captured_queries)} queries, {len(selects)} SELECTs executed in"
        f" {total:.2f} ms on the server (EXPLAIN ANALYZE, slowest first)"
    )
    for rank, (lines, sql) in enumerate(planned):
        print(f"\n{executed_ms(lines):8.2f} ms  {sql[:240]}")
        if rank < args.plans:
            print("\n".join(f"    {line}" for line in lines))


def executed_ms(plan_lines: list[str]) -> float:
    """The server's execution time of a query from its ``EXPLAIN ANALYZE`` lines."""
    last = next(line for line in reversed(plan_lines) if line.startswith("Execution Time"))
    return float(last.split(":")[1].split()[0])


if __name__ == "__main__":
    main()
