"""The form pages that choose groups, people, relations or situations: bytes and queries at demo
size and at the large network, in one run (issue 16, part 1). With a select of every row these
grew with the network (the person-relation form: 1.8 MB at the large network); typed to choose,
they should not.

Reads the database ``bench/assessment_bench.py --build-only`` filled (DATABASE_URL); changes
nothing but the access log and sessions. Warm test client as each network's director; bytes and
query counts, which do not depend on how busy the machine is.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/form_pages_bench.py
"""

from __future__ import annotations

from large_network import client_for, setup_or_skip

setup_or_skip()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lont.core.scoping import system_context  # noqa: E402
from lont.networks.choices import Role  # noqa: E402
from lont.networks.models import Membership, Network  # noqa: E402
from lont.socialmap.models import Contact  # noqa: E402
from lont.subjects.models import Group  # noqa: E402

NETWORKS = ("voorbeeldstad-noord", "bench-grootstad")


def pages(network: Network, director: Membership) -> list[tuple[str, str]]:
    with system_context("benchmark: pick the pages to measure"):
        group = Group.objects.filter(network=network).order_by("pk").first()
        contact = (
            Contact.objects.filter(network=network, organisation=director.organisation)
            .order_by("pk")
            .first()
        )
    assert group is not None, f"{network.slug} has no groups"
    out = [
        ("membership", "/doelgroepen/lidmaatschappen/nieuw/"),
        ("person relation", "/doelgroepen/persoonsrelaties/nieuw/"),
        ("group relation", "/doelgroepen/relaties/nieuw/"),
        ("group analysis", f"/doelgroepen/groepen/{group.pk}/analyse/nieuw/"),
        ("case meeting", "/duiding/overleggen/nieuw/"),
        ("situation", "/duiding/situaties/nieuw/"),
        ("reach picker", "/sociale-kaart/bereik/"),
        ("risk window", "/kalender/venster/nieuw/"),
        ("risk event", "/kalender/gebeurtenis/nieuw/"),
        ("activity", "/online-aanwezigheid/activiteiten/nieuw/"),
    ]
    if contact is not None:
        out.append(("contact page (reach, people)", f"/sociale-kaart/{contact.pk}/"))
    return out


def measured(client: Client, path: str) -> tuple[int, int]:
    client.get(path)  # warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(response.content), len(queries)


def main() -> None:
    results: dict[str, dict[str, tuple[int, int]]] = {}
    for slug in NETWORKS:
        network = Network.objects.get(slug=slug)
        with system_context("benchmark: the director"):
            director = (
                Membership.objects.filter(network=network, role=Role.DIRECTOR, is_active=True)
                .select_related("user", "organisation")
                .first()
            )
        assert director is not None, f"{slug} has no director"
        client = client_for(director)
        for label, path in pages(network, director):
            results.setdefault(label, {})[slug] = measured(client, path)
    print(f"{'form page':32} {'demo bytes':>11} {'large bytes':>12} {'ratio':>6} queries")
    for label, by_network in results.items():
        small, large = by_network.get(NETWORKS[0]), by_network.get(NETWORKS[1])
        if small is None or large is None:
            continue
        ratio = large[0] / small[0]
        print(f"{label:32} {small[0]:>11,} {large[0]:>12,} {ratio:>5.2f}× {small[1]} / {large[1]}")


if __name__ == "__main__":
    main()
