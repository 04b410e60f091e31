"""Signal save → notifications queued (issue 9, `make bench`): the demo next to the large
generated network.

A member registers a signal through the service that names a group of an open situation. Timed
from the call to ``signal_create`` until the commit's callbacks have run: the signal links itself
to its situations, the situation is recomputed (the immediate task backend, as in the tests) and
the level rise is told to the covenant's escalation list, the followers and the director —
notices written and e-mails handed to the mail backend (locmem). Before each round the
situation's stored level is set back to *laag*, so every round is a rise. Figures printed, never
asserted.

- **demo**: Voorbeeldstad Noord (16 members), a throw-away SQLite database; the youth worker
  registers on the first situation with a group.
- **large**: the network ``bench/assessment_bench.py`` generates (at ``--scale 1.0``: 200,000
  signals, 20,000 people, 1,000 groups, 50 partners, 300 members, 300 rivalry situations).
  Building it takes minutes, so it is built **once** into a database file and reused by later
  runs (``--large-db``; delete the file to rebuild). The generator gives every member the role
  *professional*; so that the covenant's escalation list has someone to tell, the bench makes the
  first member of each partner a *coordinator* (as a real network has) and the registering member
  a follower. The situation is the one of median size (linked signals); its group's owning partner
  registers. Every run adds its rounds' signals to the file (a handful; the pick ignores them;
  ``--rebuild`` starts clean).

    python bench/notify_bench.py [--rounds 10] [--scale 1.0] [--large-db PATH] [--only demo|large]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Vanavond 22:00 bij de kooi op het Stationsplein"  # what every round registers


def _child(args: argparse.Namespace) -> None:
    """One network in this process (its database chosen by DATABASE_URL before Django starts);
    the result as one JSON line."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
    import django

    django.setup()
    import cProfile
    import datetime as dt
    import io
    import pstats
    import time

    from django.core import mail
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from lont.assessment.models import Situation
    from lont.core import context
    from lont.core.scoping import system_context
    from lont.core.viewer import Viewer
    from lont.knowledge.models import Indicator
    from lont.networks.models import Membership
    from lont.notifications.models import Notification
    from lont.signalregister import services as signal_services
    from lont.signalregister.models import Signal

    setup_test_environment()  # the locmem mail backend
    call_command("migrate", verbosity=0)
    built_seconds = None
    with system_context("bench: pick the network, situation and member"):
        if args.network == "demo":
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
        else:
            built_seconds, member, situation, group = _large(args)
        network = member.network
        strong = list(
            Indicator.objects.filter(network=network, weight_class="strong").order_by("pk")[:2]
        )
        counts = {
            "members": Membership.objects.filter(network=network, is_active=True).count(),
            "signals": Signal.objects.filter(network=network).count(),
            "situations": Situation.objects.filter(network=network).count(),
            "linked": situation.signals.count(),
        }
    viewer = Viewer(member)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    timings: list[float] = []
    notices: list[int] = []
    emails: list[int] = []
    levels: list[str] = []
    for _round in range(args.rounds):
        with system_context("bench: every round is a rise"):
            Situation.objects.filter(pk=situation.pk).update(level="laag")  # lint: bench reset
        before = Notification.objects.count()
        mail.outbox = []
        start = time.perf_counter()
        acting = context.acting(user=member.user, network=network, via="bench")
        with acting, transaction.atomic():
            signal_services.signal_create(
                viewer=viewer,
                fields={
                    "observed_at": timezone.now() - dt.timedelta(minutes=5),
                    "source_type": "open_online",
                    "description": TEXT,
                },
                parts=signal_services.SignalParts(groups=[group], indicators=strong),
            )
        timings.append((time.perf_counter() - start) * 1000)
        notices.append(Notification.objects.count() - before)
        emails.append(len(mail.outbox))
        with system_context("bench: the level reached"):
            levels.append(Situation.objects.get(pk=situation.pk).level)
    if profiler is not None:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    timings.sort()
    result = {
        "network": args.network,
        "vendor": connection.vendor,
        "rounds": args.rounds,
        "median": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
        "notices": statistics.median(notices),
        "emails": statistics.median(emails),
        "level": max(set(levels), key=levels.count),
        "built_seconds": built_seconds,
        **counts,
    }
    print("RESULT " + json.dumps(result), flush=True)


def _large(args: argparse.Namespace) -> tuple[float | None, object, object, object]:
    """The large network from the database file: built once (``assessment_bench.build_large``),
    then prepared (coordinators, a follower) idempotently."""
    from assessment_bench import build_large
    from django.db.models import Count, Q

    from lont.assessment.models import Situation
    from lont.networks.choices import Role
    from lont.networks.models import Membership, Network

    built_seconds = None
    network = Network.objects.filter(slug="bench-grootstad").first()
    if network is None:
        print(f"building the large network (scale {args.scale}) …", file=sys.stderr, flush=True)
        built = build_large(args.scale, args.seed)
        network, built_seconds = built.network, built.seconds
    first_of: dict[int, int] = {}
    for pk, org in (
        Membership.objects.filter(network=network)
        .exclude(role=Role.DIRECTOR)
        .order_by("pk")
        .values_list("pk", "organisation_id")
    ):
        first_of.setdefault(org, pk)
    Membership.objects.filter(pk__in=first_of.values()).update(role=Role.COORDINATOR)  # lint: bench
    sized = list(
        Situation.objects.filter(network=network)
        # the generated signals only: earlier runs' rounds do not move the pick
        .annotate(linked=Count("signals", filter=~Q(signals__description=TEXT)))
        .order_by("linked", "pk")
    )
    situation = sized[len(sized) // 2]
    group = situation.groups.order_by("pk").first()
    member = (
        Membership.objects.select_related("network", "organisation", "user")
        .filter(network=network, organisation=group.organisation, role=Role.PROFESSIONAL)
        .order_by("pk")
        .first()
    )
    situation.followers.add(member.user)
    return built_seconds, member, situation, group


def _run(network: str, args: argparse.Namespace, database_url: str) -> dict | None:
    argv = [sys.executable, __file__, "--child", network, "--rounds", str(args.rounds)]
    argv += ["--scale", str(args.scale), "--seed", str(args.seed)]
    if args.profile:
        argv.append("--profile")
    env = {**os.environ, "DATABASE_URL": database_url}
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode or args.profile:  # the failure, or the profile
        sys.stderr.write(proc.stderr[-6000:])
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    print(f"{network}: no result (exit {proc.returncode})\n{proc.stdout[-2000:]}")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0, help="large network: fraction of full")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--large-db", default="", help="database file of the large network")
    parser.add_argument("--rebuild", action="store_true", help="build the large network anew")
    parser.add_argument("--only", choices=["demo", "large"], help="one network only")
    parser.add_argument("--profile", action="store_true", help="cProfile the rounds (top 25)")
    parser.add_argument("--child", choices=["demo", "large"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.network = args.child
        _child(args)
        return 0
    demo_url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    results = {}
    if args.only != "large":
        results["demo"] = _run("demo", args, os.environ.get("DATABASE_URL", demo_url))
    if args.only != "demo":
        path = Path(
            args.large_db
            or Path(tempfile.gettempdir()) / f"lont-notify-large-s{args.scale}-seed{args.seed}.db"
        )
        if args.rebuild and path.exists():
            path.unlink()
        print(f"large network database: {path} ({'reused' if path.exists() else 'built now'})")
        results["large"] = _run("large", args, f"sqlite:///{path}")
    demo, large = results.get("demo"), results.get("large")
    print(
        f"\nsignal save → notifications queued, {args.rounds} rounds "
        f"(median / p95 ms; notices and e-mails per save)"
    )
    print(f"{'':30} {'demo':>12} {'large':>12} {'ratio':>7}")
    rows = [
        ("members", "members", "{:,.0f}"),
        ("signals in the network", "signals", "{:,.0f}"),
        ("situations", "situations", "{:,.0f}"),
        ("signals linked to the situation", "linked", "{:,.0f}"),
        ("median (ms)", "median", "{:,.0f}"),
        ("p95 (ms)", "p95", "{:,.0f}"),
        ("notices per save", "notices", "{:.0f}"),
        ("e-mails per save", "emails", "{:.0f}"),
    ]
    for label, key, fmt in rows:
        d = fmt.format(demo[key]) if demo else "—"
        big = fmt.format(large[key]) if large else "—"
        ratio = f"{large[key] / demo[key]:.1f}×" if demo and large and demo[key] else ""
        print(f"{label:30} {d:>12} {big:>12} {ratio:>7}")
    for name, result in results.items():
        if result:
            print(f"{name}: level reached {result['level']}, database {result['vendor']}")
    if large and large.get("built_seconds"):
        print(f"large network built in {large['built_seconds']:.0f} s (scale {args.scale})")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
