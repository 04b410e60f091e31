"""The network graph JSON: filters, and hidden items shown only as "afgeschermd"."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    group_factory,
    group_relation_factory,
    membership_factory,
    person_factory,
    set_access,
)

from lont.networks.choices import Access, InformationCategory, PartnerType

pytestmark = pytest.mark.django_db
C = InformationCategory


def _graph(client, **params):
    response = client.get(reverse("subjects:graph_data"), params)
    assert response.status_code == 200
    return response.json()["elements"]


def _ids(elements, kind="nodes"):
    return {e["data"]["id"] for e in elements[kind]}


def test_graph_page_loads_cytoscape_and_own_script(make_member, client_for):
    html = (
        client_for(make_member(PartnerType.POLICE)).get(reverse("subjects:graph")).content.decode()
    )
    assert "vendor/cytoscape/cytoscape.min.js" in html and "lont/graph.js" in html
    assert "<script>" not in html  # CSP: no inline scripts


def test_filters_by_area_kind_and_period(make_member, client_for):
    police = make_member(PartnerType.POLICE)
    org = police.organisation
    haven = group_factory(org, "Haven", areas=["Noorderhaven"])
    kreek = group_factory(org, "Kreek", areas=["De Kreek"])
    station = group_factory(org, "Station", areas=["Stationsgebied"])
    old = group_relation_factory(haven, kreek, since=dt.date(2021, 1, 1))
    new = group_relation_factory(kreek, station, kind="bondgenootschap", since=dt.date(2026, 3, 1))
    person = person_factory(org, alias="Zino", area="Noorderhaven")
    membership_factory(haven, person)
    client = client_for(police)

    everything = _graph(client)
    assert {f"g{haven.pk}", f"g{kreek.pk}", f"g{station.pk}", f"p{person.pk}"} <= _ids(everything)
    assert {f"gr{old.pk}", f"gr{new.pk}"} <= _ids(everything, "edges")

    by_area = _graph(client, area="Noorderhaven")
    assert _ids(by_area) == {f"g{haven.pk}", f"p{person.pk}"}

    alliances = _graph(client, kind="bondgenootschap")
    assert _ids(alliances, "edges") == {f"gr{new.pk}"}
    assert _ids(alliances) == {f"g{kreek.pk}", f"g{station.pk}"}

    recent = _graph(client, since="2025-01-01")
    assert f"gr{old.pk}" in _ids(recent, "edges")  # open-ended: still going on
    before = _graph(client, until="2022-01-01")
    assert f"gr{new.pk}" not in _ids(before, "edges") and f"gr{old.pk}" in _ids(before, "edges")

    assert client.get(reverse("subjects:graph_data"), {"since": "geen datum"}).status_code == 400


def test_visible_edge_to_a_hidden_end_points_to_the_holder_without_details(
    network, make_member, client_for
):
    # Given a group the youth worker may see, and a tipster (tips: hidden from schools) linked by
    # a relation recorded by the youth worker
    youth = make_member(PartnerType.YOUTH_WORK)
    group = group_factory(youth.organisation, "Zichtbaar")
    visible_person = person_factory(youth.organisation, alias="Zichtbare Alias")
    tipster = person_factory(
        youth.organisation, alias="Geheime Tipgever", involvement="tipgever", category=C.TIP
    )
    membership_factory(group, visible_person)
    from subjects.subjects_factories import person_relation_factory

    person_relation_factory(visible_person, tipster, kind="vrienden")
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.FULL})
    school = client_for(make_member(PartnerType.EDUCATION))

    elements = _graph(school)
    text = json.dumps(elements)
    # Then the tipster's alias is absent, the edge goes to the holder's shielded node, unlabelled
    assert "Geheime Tipgever" not in text and "Zichtbare Alias" in text
    shielded = [n for n in elements["nodes"] if n["data"]["type"] == "afgeschermd"]
    assert len(shielded) == 1 and youth.organisation.name in shielded[0]["data"]["label"]
    hidden_edges = [e for e in elements["edges"] if e["data"]["kind"] == "afgeschermd"]
    assert len(hidden_edges) == 1
    assert "vrienden" not in text


def test_filters_on_full_only_fields_do_not_probe_summary_rows(network, make_member, client_for):
    # Given a group and a dated membership recorded by the police, seen by a school in summary
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation, "Samenvattinggroep", formation_stage="storming")
    person = person_factory(police.organisation, alias="Samenvattinglid")
    membership = membership_factory(group, person, since=dt.date(2024, 1, 1))
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.SUMMARY})
    school = client_for(make_member(PartnerType.EDUCATION))
    # When the school filters on the stage or on a period
    by_stage = school.get(reverse("subjects:groups"), {"fase": "storming"}).content.decode()
    by_period = _graph(school, since="2023-01-01", until="2025-01-01")
    unfiltered = _graph(school)
    # Then the summary rows don't match (nor betray their hidden stage or dates)
    assert "Samenvattinggroep" not in by_stage
    assert f"m{membership.pk}" not in _ids(by_period, "edges")
    assert f"m{membership.pk}" in _ids(unfiltered, "edges")


def test_graph_page_pre_declares_cytoscapes_stylesheet_for_the_csp(make_member, client_for):
    # Cytoscape injects an inline <style> unless an element with this id exists; the CSP forbids
    # inline styles, so the page's own stylesheet carries the id and the container rule.
    page = client_for(make_member(PartnerType.POLICE)).get(reverse("subjects:graph"))
    assert 'id="__________cytoscape_stylesheet"' in page.content.decode()
    assert "style-src 'self'" in page["Content-Security-Policy"]


def test_focus_sends_the_neighbourhood_to_the_depth_asked(
    network, make_member, client_for, django_assert_max_num_queries
):
    # Given a chain of groups a - b - c - d and a member of a; a tipster (hidden from schools)
    # is a friend of that member
    youth = make_member(PartnerType.YOUTH_WORK)
    org = youth.organisation
    a, b, c, d = (group_factory(org, name) for name in ("Ag", "Bg", "Cg", "Dg"))
    ab, bc, cd = (group_relation_factory(x, y) for x, y in ((a, b), (b, c), (c, d)))
    member = person_factory(org, alias="Lid van A")
    membership = membership_factory(a, member)
    tipster = person_factory(org, alias="Geheim", involvement="tipgever", category=C.TIP)
    from subjects.subjects_factories import person_relation_factory

    person_relation_factory(member, tipster, kind="vrienden")
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.FULL})
    school = make_member(PartnerType.EDUCATION)
    client = client_for(school)
    from lont.audit.models import AccessLogEntry

    # When the school opens the graph at group b, depth 1
    with django_assert_max_num_queries(30):
        one = _graph(client, group=b.pk)
    # Then b and its direct neighbours a and c, not d; only edges between what is sent (the
    # afgeschermd node of a partner holding hidden rows is there whatever the focus)
    assert _ids(one) == {f"g{a.pk}", f"g{b.pk}", f"g{c.pk}", f"afgeschermd-{org.pk}"}
    assert _ids(one, "edges") == {f"gr{ab.pk}", f"gr{bc.pk}"}
    # Depth 2 reaches d and a's member, whose hidden friend is one afgeschermd node
    mark = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    two = _graph(client, group=b.pk, depth=2)
    assert {f"g{d.pk}", f"p{member.pk}", f"gr{cd.pk}"} <= _ids(two) | _ids(two, "edges")
    assert f"m{membership.pk}" in _ids(two, "edges")
    assert "Geheim" not in json.dumps(two)
    assert f"afgeschermd-{org.pk}" in _ids(two)
    # Only what is sent is access-logged: the member (a person) and the membership
    logged = set(AccessLogEntry.objects.filter(pk__gt=mark).values_list("object_type", "object_id"))
    assert ("subjects.person", str(member.pk)) in logged
    assert ("subjects.person", str(tipster.pk)) not in logged
    # A focus on a person works the same; one the viewer does not see is a Dutch 404
    assert f"g{a.pk}" in _ids(_graph(client, person=member.pk))
    refused = client.get(reverse("subjects:graph_data"), {"person": tipster.pk})
    assert refused.status_code == 404 and "netwerkkaart" in refused.json()["message"]


def test_whole_network_above_the_limit_sends_only_counts(make_member, client_for, monkeypatch):
    from lont.subjects import graph

    monkeypatch.setattr(graph, "NODE_LIMIT", 3)
    police = make_member(PartnerType.POLICE)
    for name in ("Een", "Twee", "Drie", "Vier"):
        group_factory(police.organisation, name)
    client = client_for(police)
    data = client.get(reverse("subjects:graph_data")).json()
    assert data["elements"] == {"nodes": [], "edges": []}
    assert data["counts"]["groups"] == 4 and "te groot" in data["message"]
    assert "Een" not in json.dumps(data)
    # a narrower filter or a focus is sent as ever
    assert _ids(_graph(client, area="nergens")) == set()


def test_hidden_rows_are_exactly_those_the_viewer_does_not_see(network, make_member, viewer_for):
    # Given groups, people (tips among them), memberships and relations of two partners, and a
    # covenant that hides group analysis from schools and tips from youth work
    from subjects.subjects_factories import person_relation_factory

    from lont.core.scoping import system_context
    from lont.core.visibility import hidden, visible
    from lont.networks.choices import Role
    from lont.subjects.graph import GRAPH_MODELS

    police, youth = make_member(PartnerType.POLICE), make_member(PartnerType.YOUTH_WORK)
    for owner in (police, youth):
        a, b = group_factory(owner.organisation), group_factory(owner.organisation)
        group_relation_factory(a, b)
        member = person_factory(owner.organisation)
        tipster = person_factory(owner.organisation, category=C.TIP)
        membership_factory(a, member)
        person_relation_factory(member, tipster, kind="vrienden")
    set_access(
        network,
        {
            (C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.NONE,
            (C.TIP, PartnerType.YOUTH_WORK): Access.NONE,
        },
    )
    viewers = [
        make_member(PartnerType.EDUCATION),
        youth,
        police,
        make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR),
    ]
    # Then for every viewer and kind of row, the hidden rows are the network's rows not visible
    # (the school misses the group analysis, youth work the police's tipster, the director none)
    sizes = []
    for membership in viewers:
        viewer = viewer_for(membership)
        for model in GRAPH_MODELS:
            with system_context("test: compare the hidden rows with the visible ones"):
                every = set(model._default_manager.filter(network=network).values_list("pk"))
                seen = set(visible(viewer, model).values_list("pk"))
                assert set(hidden(viewer, model).values_list("pk")) == every - seen, model
                sizes.append(len(every - seen))
    assert all(sizes[:5]) and sizes[6] == 1 and sum(sizes[15:]) == 0


def test_focus_queries_do_not_grow_with_the_network(
    network, make_member, client_for, django_assert_max_num_queries
):
    # Given a focus group in a network that grows, with rows a school may not see
    from lont.networks.choices import Role

    youth = make_member(PartnerType.YOUTH_WORK)
    focus = group_factory(youth.organisation, "Focus")
    membership_factory(focus, person_factory(youth.organisation))
    set_access(network, {(C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.FULL})
    clients = [
        client_for(make_member(PartnerType.EDUCATION)),
        client_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)),
    ]

    def grow(count):
        for _ in range(count):
            group = group_factory(youth.organisation)
            membership_factory(group, person_factory(youth.organisation))
            person_factory(youth.organisation, category=C.TIP)

    grow(2)
    counts = []
    for client in clients:
        with django_assert_max_num_queries(30) as ctx:
            _graph(client, group=focus.pk, depth=2)
        counts.append(len(ctx.captured_queries))
    grow(15)
    # Then each viewer's request asks no more queries than before
    for client, few in zip(clients, counts, strict=True):
        with django_assert_max_num_queries(few):
            _graph(client, group=focus.pk, depth=2)
