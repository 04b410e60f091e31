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

import time

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


# Aftercare forms (issue 16 item 1) -------------------------------------------------------------
# The plan, task, rumour, debunk and action lesson the pages need are opened by the director
# through the services and rolled back after measuring (the large network has none of its own).
# Bytes at the large network, select of every row -> typed to choose (queries in brackets):
# perspective 852,461 (7) -> 8,677 (6); tipster care 90,817 (7) -> 9,305 (6); plan 26,606 (4) ->
# 7,362 (3); rumour 27,003 (4) -> 7,759 (3); evaluation 27,524 (5) -> 8,937 (3); debunk 8,954
# (6) -> 9,627 (5) and its edit 9,760 (7) -> 10,433 (6) (the large network holds no contacts or
# incidents: the combobox's markup is larger than an empty select). The owners, typed to choose
# among the owning partner's members (``networks.choosers``): task owner 18,881 (7) -> 7,309 (6);
# lesson adoption 22,083 (8) -> 10,521 (7) (its select of 50 partners stays); the meeting page
# with one item in besluitvorming (its action form) 28,412 (15) -> 16,875 (14).


def decision_meeting(viewer: Viewer, situation: object) -> int:
    """A case meeting whose one item is in besluitvorming: its page offers the action form
    (partner and owner)."""
    import datetime as dt

    from lont.assessment import services as assessment

    meeting = assessment.meeting_create(
        viewer=viewer, data={"date": dt.date.today(), "situations": [situation]}
    )
    item = meeting.items.get()
    assessment.item_picture(viewer=viewer, item=item, data={})
    assessment.item_judge(viewer=viewer, item=item, data={"judged_level": item.computed_level})
    return meeting.pk


def aftercare_pages(director: Membership, client: Client) -> dict[str, tuple[int, int]]:
    from lont.aftercare import services as aftercare
    from lont.assessment.models import Situation
    from lont.core.reauth import SESSION_REAUTH_KEY
    from lont.core.viewer import Viewer
    from lont.networks.choices import Access

    viewer = Viewer(director)
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()  # the lesson's adoption asks for a recent sign-in
    session.save()
    out: dict[str, tuple[int, int]] = {}
    with transaction.atomic():
        situation = Situation.objects.for_viewer(viewer, minimum=Access.FULL).order_by("pk").first()
        assert situation is not None, f"{director.network} has no situation the director reads"
        plan = aftercare.plan_open(viewer=viewer, situation=situation)
        with system_context("benchmark: a task of the plan"):
            task = plan.tasks.order_by("pk").first()
        assert task is not None
        rumour = aftercare.rumour_create(
            viewer=viewer, data={"claim": "Er is iemand neergestoken.", "where": "Snapchat"}
        )
        debunk = aftercare.debunk_save(
            viewer=viewer,
            rumour=rumour,
            data={"facts": "Niemand is gewond.", "text": "Niemand is gewond.", "status": "draft"},
        )
        evaluation = aftercare.evaluation_start(viewer=viewer, title="Evaluatie")
        lesson = aftercare.lesson_add(
            viewer=viewer, evaluation=evaluation, data={"text": "Les", "kind": "action"}
        )
        meeting = decision_meeting(viewer, situation)
        for label, path in [
            ("aftercare plan", "/nazorg/plannen/nieuw/"),
            ("aftercare perspective", f"/nazorg/plannen/{plan.pk}/perspectief/"),
            ("aftercare tipster care", f"/nazorg/plannen/{plan.pk}/tipgever/"),
            ("aftercare task owner", f"/nazorg/taken/{task.pk}/toewijzen/"),
            ("aftercare evaluation", "/nazorg/evaluaties/nieuw/"),
            ("aftercare lesson adoption", f"/nazorg/lessen/{lesson.pk}/overnemen/"),
            ("aftercare rumour", "/nazorg/geruchten/nieuw/"),
            ("aftercare new debunk", f"/nazorg/geruchten/{rumour.pk}/ontkrachting/"),
            ("aftercare debunk edit", f"/nazorg/ontkrachtingen/{debunk.pk}/"),
            ("meeting (action owner)", f"/duiding/overleggen/{meeting}/"),
        ]:
            out[label] = measured(client, path)
        transaction.set_rollback(True)
    return out


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
        for label, path_and_size in aftercare_pages(director, client).items():
            results.setdefault(label, {})[slug] = path_and_size
    return results


if __name__ == "__main__":
    main()
