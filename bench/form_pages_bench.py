"""The form pages that choose groups, people, relations or situations: bytes and queries at demo
size and at the large network, in one run (issue 16, part 1). With a select of every row these
grew with the network (the person-relation form: 1.8 MB at the large network); typed to choose,
they should not.

Reads the database ``bench/assessment_bench.py --build-only`` filled (DATABASE_URL) in one
transaction that is rolled back at the end: the incident each network's director opens for the
incident room's forms, the access log and the sessions are not kept. Warm test client as each
network's director; bytes and query counts, which do not depend on how busy the machine is. The
incident room's step forms are measured as their error page (a POST without input: the form
again, with what it offers).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lont_bench_large \\
        python bench/form_pages_bench.py
"""

from __future__ import annotations

from large_network import client_for, setup_or_skip

setup_or_skip()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lont.core import context  # noqa: E402
from lont.core.scoping import system_context  # noqa: E402
from lont.core.viewer import Viewer  # noqa: E402
from lont.crisis import services as crisis_services  # noqa: E402
from lont.networks.choices import Role  # noqa: E402
from lont.networks.models import Membership, Network  # noqa: E402
from lont.socialmap.models import Contact  # noqa: E402
from lont.subjects.models import Group  # noqa: E402

NETWORKS = ("voorbeeldstad-noord", "bench-grootstad")


def incident_for(director: Membership) -> int:
    """An incident the director opens now (rolled back with the rest): the large network has
    none, and the incident page offers its forms only to a writer with full access."""
    with context.acting(user=director.user, network=director.network, via="command"):
        incident = crisis_services.incident_open(
            viewer=Viewer(director), data={"title": "Bench-incident", "reason": "Benchmark"}
        )
    return incident.pk


def pages(network: Network, director: Membership) -> list[tuple[str, str, dict | None]]:
    with system_context("benchmark: pick the pages to measure"):
        group = Group.objects.filter(network=network).order_by("pk").first()
        contact = (
            Contact.objects.filter(network=network, organisation=director.organisation)
            .order_by("pk")
            .first()
        )
    assert group is not None, f"{network.slug} has no groups"
    incident = incident_for(director)
    out: list[tuple[str, str, dict | None]] = [
        ("membership", "/doelgroepen/lidmaatschappen/nieuw/", None),
        ("person relation", "/doelgroepen/persoonsrelaties/nieuw/", None),
        ("group relation", "/doelgroepen/relaties/nieuw/", None),
        ("group analysis", f"/doelgroepen/groepen/{group.pk}/analyse/nieuw/", None),
        ("case meeting", "/duiding/overleggen/nieuw/", None),
        ("situation", "/duiding/situaties/nieuw/", None),
        ("reach picker", "/sociale-kaart/bereik/", None),
        ("risk window", "/kalender/venster/nieuw/", None),
        ("risk event", "/kalender/gebeurtenis/nieuw/", None),
        ("activity", "/online-aanwezigheid/activiteiten/nieuw/", None),
        ("incident open", "/incidenten/nieuw/", None),
        ("incident page (its forms)", f"/incidenten/{incident}/", None),
        ("incident role (error page)", f"/incidenten/{incident}/persoon/", {}),
        ("incident outreach (error page)", f"/incidenten/{incident}/benadering/", {}),
    ]
    if contact is not None:
        out.append(("contact page (reach, people)", f"/sociale-kaart/{contact.pk}/", None))
    return out


def measured(client: Client, path: str, post: dict | None = None) -> tuple[int, int]:
    """Bytes and queries of a GET (200), or of a POST of ``post`` (a form's error page, 400)."""

    def request() -> object:
        return client.get(path) if post is None else client.post(path, post)

    request()  # warm
    with CaptureQueriesContext(connection) as queries:
        response = request()
    expected = 200 if post is None else 400
    assert response.status_code == expected, (path, response.status_code)
    return len(response.content), len(queries)


def main() -> None:
    with transaction.atomic():
        results = measure_all()
        transaction.set_rollback(True)
    print(f"{'form page':32} {'demo bytes':>11} {'large bytes':>12} {'ratio':>6} queries")
    for label, by_network in results.items():
        small, large = by_network.get(NETWORKS[0]), by_network.get(NETWORKS[1])
        if small is None or large is None:
            continue
        ratio = large[0] / small[0]
        print(f"{label:32} {small[0]:>11,} {large[0]:>12,} {ratio:>5.2f}× {small[1]} / {large[1]}")


def measure_all() -> dict[str, dict[str, tuple[int, int]]]:
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
        for label, path, post in pages(network, director):
            results.setdefault(label, {})[slug] = measured(client, path, post)
    return results


if __name__ == "__main__":
    main()
