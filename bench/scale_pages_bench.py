"""Pages at demo size and at the large network, median and p95, in one run (issue 16, part 1).

The signal list is timed filtered twice. "signal list, filtered" combines status, source, the
busiest group and the last 90 days: a realistic narrow question, but it returns about ten rows at
demo size against a full page of fifty at the large network, so its two figures also differ by
the rows rendered. "signal list, filtered, full page" filters by the busiest group alone, which
fills the fifty-row page at both sizes (68 open signals at demo, over 2,000 at the large
network): its two figures differ only by the size of the network the filter searches.

Every other filter of the list is timed alone at its busiest value on each side (the commonest
status and source, the busiest indicator, the busiest group by its typed name, the last 90 days,
before 180 days ago, a month half a year ago), with two combinations and three searches (a word
in the descriptions, the busiest group's name, the busiest person's alias): "signal list, <filter>".
``--only TEXT`` times the pages whose label holds TEXT; ``--random-page-cost N`` sets the
planner's ``random_page_cost`` for the bench's session (4 by default; 1.1 suits an SSD).

The two networks' requests alternate round by round (a busy machine slows both alike). The last
three columns are the median wall time of the page's queries (round trips included) at each
size and their ratio: the database's part of the page.

Reads the database ``bench/assessment_bench.py --build-only`` filled (DATABASE_URL); changes
nothing but the access log and sessions. Warm test client as each network's director.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/scale_pages_bench.py [--rounds 15] [--skip-situation-page] [--only list]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from urllib.parse import quote

from large_network import client_for, setup_or_skip

setup_or_skip()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from query_meter import QueryMeter  # noqa: E402

from lont.assessment.models import Situation  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.networks.choices import Role  # noqa: E402
from lont.networks.models import Membership, Network  # noqa: E402
from lont.signalregister.choices import Status  # noqa: E402
from lont.signalregister.models import (  # noqa: E402
    Signal,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
)
from lont.subjects.models import Group, Person  # noqa: E402


def pages(network: Network, skip_situation: bool) -> list[tuple[str, str]]:
    with system_context("benchmark: pick the pages to time"):
        sized = (
            Situation.objects.filter(network=network)
            .annotate(n=Count("signals"))
            .order_by("n", "pk")
        )
        rows = list(sized.values_list("pk", "n"))
        median, largest = rows[len(rows) // 2], rows[-1]
        group = (
            SignalGroup.objects.filter(network=network)
            .values("group_id")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        person = (
            SignalPerson.objects.filter(network=network, person__isnull=False)
            .values("person_id")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        busiest = _busiest(network)
    since = (timezone.now() - dt.timedelta(days=90)).date().isoformat()
    out = [
        ("dashboard", "/duiding/"),
        (f"situation page, median ({median[1]} signals)", f"/duiding/situaties/{median[0]}/"),
    ]
    if not skip_situation:
        out.append(
            (f"situation page, largest ({largest[1]} signals)", f"/duiding/situaties/{largest[0]}/")
        )
    out += [
        ("signal list", "/signalen/"),
        (
            "signal list, filtered",
            f"/signalen/?status=new&bron=open_online&groep={group['group_id']}&van={since}",
        ),
        # The same page size at both networks (see the module's docstring).
        ("signal list, filtered, full page", f"/signalen/?groep={group['group_id']}"),
        ("signal list, search", "/signalen/?q=plein"),
        *signal_list_filters(busiest, since),
        (
            f"group page (busiest, {group['n']} signals)",
            f"/doelgroepen/groepen/{group['group_id']}/",
        ),
        (
            f"person page (busiest, {person['n']} signals)",
            f"/doelgroepen/personen/{person['person_id']}/",
        ),
        ("social map", "/sociale-kaart/"),
        # The whole network above 400 groups and people sends only its counts; a focus sends a
        # neighbourhood of at most 400.
        ("graph JSON", "/doelgroepen/graph/data/"),
        (
            "graph JSON, focused (busiest group, depth 2)",
            f"/doelgroepen/graph/data/?group={group['group_id']}&depth=2",
        ),
    ]
    return out


def _busiest(network: Network) -> dict[str, str]:
    """The busiest value of each filter of the signal list in ``network`` (comparable pages at
    both sizes: each filter at its commonest value, not at a value one side lacks)."""

    def top(rows, field: str):  # type: ignore[no-untyped-def]
        return (
            rows.filter(network=network)
            .values(field)
            .annotate(n=Count("pk"))
            .order_by("-n", field)
            .values_list(field, flat=True)
            .first()
        )

    open_signals = Signal.objects.exclude(status=Status.ARCHIVED)
    person = top(SignalPerson.objects.filter(person__isnull=False), "person_id")
    with connection.cursor() as cursor:
        # The commonest word of the descriptions (Dutch full text), as the search finds it.
        cursor.execute(
            "SELECT word FROM ts_stat($$SELECT to_tsvector('dutch', description)"
            f" FROM signalregister_signal WHERE network_id = {int(network.pk)}$$)"
            " WHERE length(word) > 3 ORDER BY ndoc DESC, word LIMIT 1"
        )
        word = cursor.fetchone()[0]
    return {
        "status": top(open_signals, "status"),
        "source": top(open_signals, "source_type"),
        "indicator": str(top(SignalIndicator.objects, "indicator_id")),
        "group": Group.objects.get(pk=top(SignalGroup.objects, "group_id")).name,
        "alias": Person.objects.get(pk=person).alias,
        "word": word,
    }


def signal_list_filters(busiest: dict[str, str], since: str) -> list[tuple[str, str]]:
    """The signal list under each of its filters alone, two combinations and three searches."""
    today = timezone.now().date()
    before = (today - dt.timedelta(days=180)).isoformat()
    month = (
        (today - dt.timedelta(days=200)).isoformat(),
        (today - dt.timedelta(days=170)).isoformat(),
    )
    indicator = busiest["indicator"]
    return [
        (f"signal list, status ({busiest['status']})", f"/signalen/?status={busiest['status']}"),
        (f"signal list, source ({busiest['source']})", f"/signalen/?bron={busiest['source']}"),
        (f"signal list, indicator (busiest, {indicator})", f"/signalen/?indicator={indicator}"),
        (
            f"signal list, group typed ({busiest['group']})",
            f"/signalen/?groep_naam={quote(busiest['group'])}",
        ),
        ("signal list, from 90 days ago", f"/signalen/?van={since}"),
        ("signal list, until 180 days ago", f"/signalen/?tot={before}"),
        ("signal list, a month 200 days ago", f"/signalen/?van={month[0]}&tot={month[1]}"),
        (
            "signal list, indicator + 90 days",
            f"/signalen/?indicator={indicator}&van={since}",
        ),
        (
            "signal list, status + source",
            f"/signalen/?status={busiest['status']}&bron={busiest['source']}",
        ),
        (f"signal list, search word ({busiest['word']})", f"/signalen/?q={busiest['word']}"),
        (
            f"signal list, search group ({busiest['group']})",
            f"/signalen/?q={quote(busiest['group'])}",
        ),
        (f"signal list, search alias ({busiest['alias']})", f"/signalen/?q={busiest['alias']}"),
    ]


def timed_pair(
    clients: tuple[Client, Client], paths: tuple[str, str], rounds: int
) -> list[tuple[float, float, float]]:
    """Median and p95 wall ms and median query ms of one page at each network. The two networks'
    requests alternate round by round, so a busy machine slows both alike and their ratio holds."""
    for client, path in zip(clients, paths, strict=True):
        client.get(path)  # warm
    samples: list[list[float]] = [[], []]
    query_ms: list[list[float]] = [[], []]
    for _ in range(rounds):
        for side, (client, path) in enumerate(zip(clients, paths, strict=True)):
            meter = QueryMeter()
            with connection.execute_wrapper(meter):
                start = time.perf_counter()
                response = client.get(path)
                samples[side].append((time.perf_counter() - start) * 1000)
            query_ms[side].append(meter.query_ms)
            assert response.status_code == 200, (path, response.status_code)
    out = []
    for side in (0, 1):
        samples[side].sort()
        out.append(
            (
                statistics.median(samples[side]),
                samples[side][int(0.95 * (len(samples[side]) - 1))],
                statistics.median(query_ms[side]),
            )
        )
    return out


def _with_rows(client: Client, label: str, path: str) -> str:
    """A signal list's label with the rows its page shows (the filtered rows compare pages)."""
    if not path.startswith("/signalen/?"):
        return label
    body = client.get(path).content.decode()
    rows = body.count('<tr class="utrecht-table__row">') - 1  # less the header row
    return f"{label} ({rows} rows)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--skip-situation-page", action="store_true")
    parser.add_argument("--only", default="", help="time only the pages whose label holds this")
    parser.add_argument("--random-page-cost", type=float, help="the planner's, for this session")
    args = parser.parse_args()
    if args.random_page_cost is not None:
        with connection.cursor() as cursor:
            cursor.execute("SET random_page_cost = %s", [args.random_page_cost])
    networks, clients = [], []
    for slug in ("voorbeeldstad-noord", "bench-grootstad"):
        network = Network.objects.get(slug=slug)
        director = Membership.objects.filter(network=network, role=Role.DIRECTOR).first()
        assert director is not None
        networks.append(network)
        clients.append(client_for(director))
    small_pages, large_pages = (pages(n, args.skip_situation_page) for n in networks)
    print(
        f"\n{'page (ms)':34} {'demo med':>9} {'demo p95':>9} {'large med':>10} {'large p95':>10}"
        f" {'ratio med':>9} {'ratio p95':>9} {'queries demo/large/ratio':>25}"
    )
    for (label, small_path), (large_label, large_path) in zip(
        small_pages, large_pages, strict=True
    ):
        if args.only not in label:
            continue
        small, large = timed_pair((clients[0], clients[1]), (small_path, large_path), args.rounds)
        print(
            f"{label.split(' (')[0]:34} {small[0]:9.1f} {small[1]:9.1f} {large[0]:10.1f}"
            f" {large[1]:10.1f} {large[0] / small[0]:9.2f} {large[1] / small[1]:9.2f}"
            f" {small[2]:9.1f} {large[2]:7.1f} {large[2] / small[2]:7.2f}"
        )
        print(
            f"{'':4}demo: {_with_rows(clients[0], label, small_path)};"
            f" large: {_with_rows(clients[1], large_label, large_path)}"
        )


if __name__ == "__main__":
    main()
