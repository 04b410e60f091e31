"""Assessment at scale (issue 4, `make bench`): the demo network next to a large synthetic one.

Figures printed (never asserted), small and large side by side so growth is visible:

- dashboard and situation page, median and p95 (test client, warm, as the network director);
- level recompute of one situation after one new signal is linked to it;
- full recompute of every situation in the network;
- signal list, unfiltered and with filters.

The small network is the demo (Voorbeeldstad Noord). The large one is generated here: fictional,
seeded RNG, written with ``bulk_create`` (services bypassed for speed; rows are complete: network,
category and organisation fields set as the services would set them). At ``--scale 1.0`` it holds
200,000 signals, 20,000 people, 1,000 groups, 50 partners and 300 members. Everything runs on a
throw-away SQLite database (or DATABASE_URL).

    python bench/assessment_bench.py [--scale 1.0] [--rounds 20] [--seed 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402
from large_network import client_for  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from lont.accounts.models import User  # noqa: E402
from lont.assessment import services as assessment_services  # noqa: E402
from lont.assessment.choices import SituationKind  # noqa: E402
from lont.assessment.models import Situation  # noqa: E402
from lont.core import context  # noqa: E402
from lont.knowledge.models import Indicator  # noqa: E402
from lont.networks import services as network_services  # noqa: E402
from lont.networks.choices import PartnerType, Role  # noqa: E402
from lont.networks.demo import load_demo  # noqa: E402
from lont.networks.models import Membership, Network, Organisation  # noqa: E402
from lont.signalregister.choices import PersonRole, SourceType, SpecialData, Status  # noqa: E402
from lont.signalregister.models import (  # noqa: E402
    ContextNote,
    Signal,
    SignalGroup,
    SignalIndicator,
    SignalPerson,
    derive_category,
)
from lont.subjects.choices import (  # noqa: E402
    AgeBand,
    GroupRelationKind,
    Involvement,
    MemberRole,
    MembershipBasis,
    Threat,
)
from lont.subjects.models import Group, GroupMembership, GroupRelation, Person  # noqa: E402

FULL = {
    "partners": 50,
    "members": 300,
    "groups": 1000,
    "people": 20_000,
    "signals": 200_000,
    "situations": 300,
}
MINIMUM = {"partners": 8, "members": 12, "groups": 20, "people": 200, "signals": 500}
BATCH = 2000
BUDGET_MS = 30_000  # per figure: fewer rounds (at least 3) when one figure takes longer
SIGNAL_CHUNK = 10_000

# --- generating the large network ------------------------------------------------------------


@dataclass
class Built:
    network: Network
    director: Membership
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def sizes(scale: float) -> dict[str, int]:
    out = {k: max(MINIMUM.get(k, 5), round(v * scale)) for k, v in FULL.items()}
    # A rivalry situation needs two groups of its own.
    out["situations"] = min(out["situations"], out["groups"] // 2)
    return out


def _bulk(model: Any, rows: list[Any]) -> list[Any]:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def build_large(scale: float, seed: int) -> Built:
    rng = random.Random(seed)
    n = sizes(scale)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic(), context.acting(via="command"):
        network = network_services.network_create(
            name="Bench Grootstad", slug="bench-grootstad", area_description="Fictief (benchmark)."
        )
        types = [t for t in PartnerType.values if t != PartnerType.OTHER]
        organisations = [
            network_services.organisation_create(
                network=network,
                name=f"Partner {i:03d} ({types[i % len(types)]})",
                partner_type=types[i % len(types)],
            )
            for i in range(n["partners"])
        ]  # partner 000 is the municipality: the director's organisation
        password = make_password(None)  # unusable: these accounts never log in by password
        users = _bulk(
            User,
            [
                User(
                    email=f"lid{i:04d}@bench.grootstad.test",
                    full_name=f"Lid {i:04d}",
                    password=password,
                )
                for i in range(n["members"])
            ],
        )
        members = _bulk(
            Membership,
            [
                Membership(
                    user=user,
                    network=network,
                    organisation=organisations[i % len(organisations)],
                    role=Role.DIRECTOR if i == 0 else Role.PROFESSIONAL,
                    function_title="Netwerkregisseur" if i == 0 else "Professional",
                )
                for i, user in enumerate(users)
            ],
        )
        director = members[0]
        network_services.covenant_version_create(
            network=network,
            actor=director.user,
            reason="Convenant (benchmark).",
            director_organisation=organisations[0],
            director=director.user,
            privacy_officer=director.user,
            content=network_services.default_covenant_content(),
        )
        members_of: dict[int, list[Membership]] = {}
        for m in members:
            members_of.setdefault(m.organisation_id, []).append(m)

        groups = _bulk(
            Group,
            [
                Group(
                    network=network,
                    organisation=rng.choice(organisations),
                    name=f"Groep {i:04d}",
                    areas=[f"Wijk {i % 40:02d}"],
                    binds=["buurt"],
                    size_estimate=rng.randint(5, 40),
                )
                for i in range(n["groups"])
            ],
        )
        review = (now + dt.timedelta(days=365)).date()
        bands = list(AgeBand.values)
        people: list[Person] = []
        for i in range(n["people"]):
            involvement = rng.choices(
                [Involvement.GROUP_MEMBER, Involvement.VICTIM, Involvement.TIPSTER],
                weights=[85, 10, 5],
            )[0]
            people.append(
                Person(
                    network=network,
                    organisation=rng.choice(organisations),
                    category="tip" if involvement == Involvement.TIPSTER else "group_analysis",
                    alias=f"Alias{i:05d}",
                    involvement=involvement,
                    age_band=rng.choice(bands),
                    review_date=review,
                )
            )
        people = _bulk(Person, people)
        in_group: dict[int, list[int]] = {g.pk: [] for g in groups}
        memberships = []
        for person in people:
            if person.involvement != Involvement.GROUP_MEMBER:
                continue
            group = rng.choice(groups)
            in_group[group.pk].append(person.pk)
            memberships.append(
                GroupMembership(
                    network=network,
                    organisation=group.organisation,
                    group=group,
                    person=person,
                    role=rng.choices(list(MemberRole.values), weights=[1, 2, 2, 1, 2, 8, 1])[0],
                    basis=rng.choice(
                        [
                            MembershipBasis.OBSERVED,
                            MembershipBasis.ONLINE,
                            MembershipBasis.PARTNER_REPORT,
                        ]
                    ),
                )
            )
        _bulk(GroupMembership, memberships)
        outsiders = [p.pk for p in people if p.involvement != Involvement.GROUP_MEMBER]

        # Rivalries between pairs of groups: one situation each.
        rivalries = _bulk(
            GroupRelation,
            [
                GroupRelation(
                    network=network,
                    organisation=rng.choice(organisations),
                    group_a=groups[2 * i],
                    group_b=groups[2 * i + 1],
                    kind=GroupRelationKind.RIVALRY,
                    since=(now - dt.timedelta(days=rng.randint(30, 1500))).date(),
                    threat_a=rng.choice(list(Threat.values)),
                    threat_b=rng.choice(list(Threat.values)),
                )
                for i in range(n["situations"])
            ],
        )
        rival_of = {}
        for r in rivalries:
            rival_of[r.group_a_id] = r.group_b_id
            rival_of[r.group_b_id] = r.group_a_id

        indicators = list(Indicator.objects.filter(network=network).values_list("pk", flat=True))
        group_ids = [g.pk for g in groups]
        # A few groups are much busier than the rest (Zipf-like, busiest picked at random).
        ranks = list(range(len(group_ids)))
        rng.shuffle(ranks)
        weights = [1.0 / (rank + 20) for rank in ranks]
        sources = list(SourceType.values)
        statuses = [Status.NEW, Status.DISCUSSED, Status.HANDLED, Status.ARCHIVED]
        roles = [
            PersonRole.INVOLVED,
            PersonRole.POSSIBLE_PERPETRATOR,
            PersonRole.VICTIM,
            PersonRole.WITNESS,
        ]
        signals_of_group: dict[int, list[int]] = {}
        counts = {"signal_groups": 0, "signal_people": 0, "signal_indicators": 0, "notes": 0}
        done = 0
        while done < n["signals"]:
            size = min(SIGNAL_CHUNK, n["signals"] - done)
            rows: list[Signal] = []
            plan: list[tuple[int, list[int]]] = []
            for _ in range(size):
                organisation = rng.choice(organisations)
                source = rng.choice(sources)
                special = rng.choices(
                    [SpecialData.NONE, SpecialData.CRIMINAL, SpecialData.CARE], weights=[95, 3, 2]
                )[0]
                # More signals recently: the square pulls the day towards today.
                observed = now - dt.timedelta(days=365 * rng.random() ** 1.5, hours=rng.random())
                drill = rng.random() < 0.03
                group_id = rng.choices(group_ids, weights=weights)[0]
                linked = [group_id]
                if group_id in rival_of and rng.random() < 0.3:
                    linked.append(rival_of[group_id])
                plan.append((organisation.pk, linked))
                rows.append(
                    Signal(
                        network=network,
                        organisation=organisation,
                        reported_by=rng.choice(members_of[organisation.pk]),
                        observed_at=observed,
                        registered_at=observed + dt.timedelta(hours=rng.randint(0, 48)),
                        source_type=source,
                        platform="Snapchat" if source == SourceType.OPEN_ONLINE else "",
                        description=f"Fictief benchmarksignaal {done + len(rows)}.",
                        mentioned_place="Het plein" if rng.random() < 0.05 else "",
                        call_to_action=rng.random() < 0.05,
                        threat=rng.random() < 0.06,
                        special_data=special,
                        category=derive_category(source, special),
                        status=rng.choices(statuses, weights=[40, 25, 25, 10])[0],
                        is_drill=drill,
                        drill_personal_attacks=rng.randint(0, 3) if drill else 0,
                        drill_weapons_shown=rng.randint(0, 2) if drill else 0,
                        drill_members_shown=rng.randint(0, 6) if drill else 0,
                    )
                )
            rows = _bulk(Signal, rows)
            sg, sp, si, notes = [], [], [], []
            for signal, (org_id, linked) in zip(rows, plan, strict=True):
                common = {
                    "signal": signal,
                    "network": network,
                    "category": signal.category,
                    "signal_organisation_id": org_id,
                }
                # Group and indicator links carry the signal's moment (the list's order).
                links = {**common, "signal_observed_at": signal.observed_at}
                for gid in linked:
                    sg.append(SignalGroup(group_id=gid, **links))
                    signals_of_group.setdefault(gid, []).append(signal.pk)
                pool = in_group[linked[0]] or outsiders
                chosen = set(rng.sample(pool, min(len(pool), rng.randint(0, 2))))
                if rng.random() < 0.1 and outsiders:
                    chosen.add(rng.choice(outsiders))
                for pid in chosen:
                    sp.append(SignalPerson(person_id=pid, role=rng.choice(roles), **common))
                for iid in rng.sample(indicators, rng.randint(1, 3)):
                    si.append(SignalIndicator(indicator_id=iid, **links))
                if rng.random() < 0.05:
                    author = rng.choice(members)
                    notes.append(
                        ContextNote(
                            organisation_id=author.organisation_id,
                            author=author,
                            adjustment=rng.choice([-2, -1, 1, 2]),
                            reason="Context van een partner (fictief).",
                            created_at=signal.observed_at + dt.timedelta(days=1),
                            **common,
                        )
                    )
            _bulk(SignalGroup, sg)
            _bulk(SignalPerson, sp)
            _bulk(SignalIndicator, si)
            _bulk(ContextNote, notes)
            counts["signal_groups"] += len(sg)
            counts["signal_people"] += len(sp)
            counts["signal_indicators"] += len(si)
            counts["notes"] += len(notes)
            done += size
            print(f"  … {done:,} signals ({time.perf_counter() - started:.0f} s)", flush=True)

        situations = _bulk(
            Situation,
            [
                Situation(
                    network=network,
                    organisation=r.organisation,
                    kind=SituationKind.RIVALRY,
                    title=f"Rivaliteit groep {r.group_a_id} – groep {r.group_b_id}",
                    rivalry=r,
                )
                for r in rivalries
            ],
        )
        through_groups = Situation.groups.through
        through_signals = Situation.signals.through
        links_g: list[Any] = []
        links_s: list[Any] = []
        for situation, r in zip(situations, rivalries, strict=True):
            for gid in (r.group_a_id, r.group_b_id):
                links_g.append(through_groups(situation_id=situation.pk, group_id=gid))
            ids = set(signals_of_group.get(r.group_a_id, [])) | set(
                signals_of_group.get(r.group_b_id, [])
            )
            links_s.extend(through_signals(situation_id=situation.pk, signal_id=s) for s in ids)
        _bulk(through_groups, links_g)
        _bulk(through_signals, links_s)
        counts["situation_signal_links"] = len(links_s)
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum would gather them after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    built = Built(network=network, director=director, seconds=time.perf_counter() - started)
    built.counts = counts
    return built


# --- measuring ---------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def enough(samples: list[float], rounds: int) -> bool:
    """All rounds done, or (for slow figures at large scale) the time budget spent after 3."""
    return len(samples) >= rounds or (len(samples) >= 3 and sum(samples) > BUDGET_MS)


def timed(fn: Callable[[], Any], rounds: int) -> tuple[float, float, int]:
    fn()  # warm
    samples: list[float] = []
    while not enough(samples, rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return (*percentiles(samples), len(samples))


def row_counts(network: Network) -> dict[str, int]:
    nid = network.pk
    return {
        "signals": Signal.objects.filter(network_id=nid).count(),
        "people": Person.objects.filter(network_id=nid).count(),
        "groups": Group.objects.filter(network_id=nid).count(),
        "partners": Organisation.objects.filter(network_id=nid).count(),
        "members": Membership.objects.filter(network_id=nid).count(),
        "situations": Situation.objects.filter(network_id=nid).count(),
        "situation-signal links": Situation.signals.through.objects.filter(
            situation__network_id=nid
        ).count(),
        "context notes": ContextNote.objects.filter(network_id=nid).count(),
        "people in signals": SignalPerson.objects.filter(network_id=nid).count(),
        "indicators in signals": SignalIndicator.objects.filter(network_id=nid).count(),
    }


def situations_by_size(network: Network) -> list[tuple[Situation, int]]:
    """The network's situations with their number of linked signals, smallest first."""
    rows = Situation.objects.filter(network=network).select_related("rivalry")
    out = sorted(((s, s.signals.count()) for s in rows), key=lambda pair: (pair[1], pair[0].pk))
    assert out, "no situation in this network"
    return out


Figure = tuple[float, float, int]  # median ms, p95 ms, rounds timed


def measure(network: Network, director: Membership, rounds: int) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    ids = list(Situation.objects.filter(network=network).values_list("pk", flat=True))

    def recompute_all() -> None:
        with context.acting(via="command"):
            for situation in Situation.objects.filter(pk__in=ids).select_related("rivalry"):
                assessment_services.situation_recompute(situation)

    # One run (it is the slow one): it also brings every level up to date before pages are timed.
    start = time.perf_counter()
    recompute_all()
    total = (time.perf_counter() - start) * 1000
    out[f"full recompute ({len(ids)} situations)"] = (total, total, 1)

    sized = situations_by_size(network)
    situation, linked = sized[-1]
    typical, typical_linked = sized[len(sized) // 2]
    client = client_for(director)
    group_id = situation.groups.values_list("pk", flat=True).first()
    since = (timezone.now() - dt.timedelta(days=90)).date().isoformat()
    pages = [
        ("dashboard", "/duiding/"),
        (f"situation page, median ({typical_linked} signals)", f"/duiding/situaties/{typical.pk}/"),
        (f"situation page, largest ({linked} signals)", f"/duiding/situaties/{situation.pk}/"),
        ("signal list", "/signalen/"),
        (
            "signal list, filtered",
            f"/signalen/?status=new&bron=open_online&groep={group_id}&van={since}",
        ),
        ("signal list, search", "/signalen/?q=plein"),
    ]
    for label, path in pages:

        def get(path: str = path) -> None:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        out[label] = timed(get, rounds)

    # One new signal, linked to the largest situation, then that situation's recompute.
    template = situation.signals.order_by("-observed_at").first()
    assert template is not None
    through = Situation.signals.through

    def one_new_signal() -> None:
        signal = Signal.objects.get(pk=template.pk)
        signal.pk = None
        signal.observed_at = timezone.now() - dt.timedelta(minutes=1)
        signal.registered_at = timezone.now()
        Signal.objects.bulk_create([signal])  # no triggers: only the recompute is timed
        through.objects.bulk_create([through(situation_id=situation.pk, signal_id=signal.pk)])
        start = time.perf_counter()
        with context.acting(via="command"):
            assessment_services.situation_recompute(situation)
        samples.append((time.perf_counter() - start) * 1000)

    samples: list[float] = []
    one_new_signal()
    samples.clear()
    while not enough(samples, rounds):
        one_new_signal()
    out[f"recompute, largest, after 1 new signal ({linked}+ signals)"] = (
        *percentiles(samples),
        len(samples),
    )
    return out


def reuse_large() -> Built | None:
    """The large network of an earlier run into the same database (``--build-only``), if any."""
    network = Network.objects.filter(slug="bench-grootstad").first()
    if network is None:
        return None
    director = Membership.objects.get(network=network, role=Role.DIRECTOR)
    return Built(network=network, director=director)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the large size")
    parser.add_argument("--rounds", type=int, default=20, help="timed rounds per figure")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="build the demo and the large network into DATABASE_URL and stop (reused later)",
    )
    args = parser.parse_args()
    began = time.perf_counter()

    call_command("migrate", verbosity=0)
    load_demo()
    small_net = Network.objects.get(slug="voorbeeldstad-noord")
    small_director = Membership.objects.get(
        user__email="regisseur@gemeente.voorbeeldstad.test", network=small_net
    )
    print("Small (demo, Voorbeeldstad Noord): measuring …", flush=True)
    small_counts = row_counts(small_net)
    small = {} if args.build_only else measure(small_net, small_director, args.rounds)

    built = reuse_large()
    if built is None:
        target = sizes(args.scale)
        print(f"Large (synthetic, scale {args.scale}): building {target} …", flush=True)
        built = build_large(args.scale, args.seed)
        print(f"Large network built in {built.seconds:.0f} s; measuring …", flush=True)
    else:
        print("Large network found in DATABASE_URL (built earlier): measuring …", flush=True)
    if args.build_only:
        return
    large_counts = row_counts(built.network)
    large = measure(built.network, built.director, args.rounds)

    print(
        f"\nRounds per figure: up to {args.rounds} after one warm-up, fewer (at least 3) once a"
        f" figure has taken {BUDGET_MS // 1000} s; full recompute: one run. n = rounds timed."
    )
    print(f"{'rows':28} {'small':>10} {'large':>10}")
    for key in small_counts:
        print(f"{key:28} {small_counts[key]:10,} {large_counts[key]:10,}")
    print(
        f"\n{'page / operation (ms)':44} {'small med':>10} {'small p95':>10} {'n':>3}"
        f" {'large med':>10} {'large p95':>10} {'n':>3}"
    )
    for (s_label, (s_med, s_p95, s_n)), (l_label, (l_med, l_p95, l_n)) in zip(
        small.items(), large.items(), strict=True
    ):
        label = s_label if s_label == l_label else f"{s_label.split(' (')[0]}"
        print(f"{label:44} {s_med:10.1f} {s_p95:10.1f} {s_n:3} {l_med:10.1f} {l_p95:10.1f} {l_n:3}")
        if s_label != l_label:
            print(f"{'':4}small: {s_label}; large: {l_label}")
    print(
        f"\nLarge build: {built.seconds:.0f} s (scale {args.scale}, seed {args.seed});"
        f" whole run: {time.perf_counter() - began:.0f} s."
    )


if __name__ == "__main__":
    main()
