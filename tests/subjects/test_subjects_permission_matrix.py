"""Partner type × information category × access level, over pages, API, search and graph JSON.

Given a world recorded by the municipality, and a covenant that gives one partner type full,
summary or no access to group analyses, that partner sees exactly that — and nothing leaks
through lists, searches, the API or the graph.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from subjects.subjects_factories import (
    REAL_NAME,
    conflict_event_factory,
    group_factory,
    group_relation_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
    set_access,
)

from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.subjects import services

pytestmark = pytest.mark.django_db
C = InformationCategory
PARTNERS = [
    PartnerType.POLICE,
    PartnerType.YOUTH_WORK,
    PartnerType.EDUCATION,
    PartnerType.CARE,
    PartnerType.HOUSING,
]
SECRET = "Geheime omschrijving 7731"


@pytest.fixture
def world(make_member, viewer_for):
    recorder = make_member(PartnerType.MUNICIPALITY)
    org = recorder.organisation
    a = group_factory(org, "Havenjongens", description=SECRET, strengths=SECRET)
    b = group_factory(org, "Kreekploeg")
    leader = person_factory(org, alias="Aliasleider", protective_factors=SECRET)
    friend = person_factory(org, alias="Aliasvriend")
    membership = membership_factory(a, leader, basis_note=SECRET)
    relation = person_relation_factory(leader, friend, note=SECRET)
    rivalry = group_relation_factory(a, b, description=SECRET, threat_a="symbolic")
    event = conflict_event_factory(rivalry, description=SECRET)
    assessment = services.assessment_create(
        viewer=viewer_for(recorder), group=a, data={"problem_definition": SECRET}
    )
    return {
        "org": org,
        "group": a,
        "person": leader,
        "membership": membership,
        "person_relation": relation,
        "group_relation": rivalry,
        "event": event,
        "assessment": assessment,
    }


def _api(client, path):
    response = client.get(path)
    return response.status_code, (response.json() if response.status_code == 200 else None)


@pytest.mark.parametrize("partner_type", PARTNERS)
@pytest.mark.parametrize("level", [Access.FULL, Access.SUMMARY, Access.NONE])
def test_group_analysis_access_matrix(network, make_member, client_for, world, partner_type, level):
    set_access(network, {(C.GROUP_ANALYSIS, partner_type): level})
    client = client_for(make_member(partner_type))
    sees = level >= Access.SUMMARY
    full = level == Access.FULL

    # Pages: detail 200 or 404, list and search contain the name or not, content only in full
    pages = {
        "group": reverse("subjects:group_detail", args=[world["group"].pk]),
        "person": reverse("subjects:person_detail", args=[world["person"].pk]),
        "group_relation": reverse("subjects:relation_detail", args=[world["group_relation"].pk]),
        "assessment": reverse("subjects:assessment_detail", args=[world["assessment"].pk]),
        "history": reverse("subjects:group_history", args=[world["group"].pk]),
        "timeline": reverse("subjects:group_timeline", args=[world["group"].pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == (200 if sees else 404), name
        assert (SECRET in response.content.decode()) is (
            full and name != "history" and name != "timeline"
        ), name
    group_list = client.get(reverse("subjects:groups"), {"q": "Haven"}).content.decode()
    person_list = client.get(reverse("subjects:persons"), {"q": "leider"}).content.decode()
    relation_list = client.get(reverse("subjects:relations")).content.decode()
    assert ("Havenjongens" in group_list) is sees
    assert ("Aliasleider" in person_list) is sees
    assert ("Kreekploeg" in relation_list) is sees
    for html in (group_list, person_list, relation_list):
        assert SECRET not in html and REAL_NAME not in html

    # API: list and detail of every resource
    resources = {
        "groups": world["group"],
        "persons": world["person"],
        "memberships": world["membership"],
        "person-relations": world["person_relation"],
        "group-relations": world["group_relation"],
        "conflict-events": world["event"],
        "assessments": world["assessment"],
    }
    for resource, obj in resources.items():
        status, data = _api(client, f"/api/v1/subjects/{resource}/{obj.pk}/")
        assert status == (200 if sees else 404), resource
        if sees:
            assert data["access"] == {Access.FULL: "full", Access.SUMMARY: "summary"}[level]
            assert (SECRET in json.dumps(data)) is full, resource
        status, listing = _api(client, f"/api/v1/subjects/{resource}/")
        rows = listing["results"] if isinstance(listing, dict) else listing
        assert (len(rows) >= 1) is sees, resource
        assert SECRET not in json.dumps(listing) or full

    # Graph JSON: names and aliases only when visible; otherwise one shielded node per holder
    graph = client.get(reverse("subjects:graph_data")).json()
    text = json.dumps(graph)
    assert ("Havenjongens" in text) is sees
    assert ("Aliasleider" in text) is sees
    assert SECRET not in text and REAL_NAME not in text
    shielded = [n for n in graph["elements"]["nodes"] if n["data"]["type"] == "afgeschermd"]
    if sees:
        assert shielded == []
    else:
        assert len(shielded) == 1
        assert world["org"].name in shielded[0]["data"]["label"]
        assert set(shielded[0]["data"]) == {"id", "type", "label"}
        assert graph["elements"]["edges"] == []
        # nothing in the JSON says what or how much is hidden
        assert "Kreekploeg" not in text and "rivaliteit" not in text


def test_privacy_officer_and_administrator_read_no_case_content(make_member, client_for, world):
    for role in ("privacy_officer", "administrator"):
        client = client_for(make_member(PartnerType.MUNICIPALITY, role=role))
        assert (
            client.get(reverse("subjects:group_detail", args=[world["group"].pk])).status_code
            == 404
        )
        assert "Havenjongens" not in client.get(reverse("subjects:groups")).content.decode()


def test_other_networks_see_nothing(world, make_member, client_for):
    from factories import network_factory

    other = network_factory("Andere Stad", "andere")
    client = client_for(make_member(PartnerType.POLICE, network=other))
    assert client.get(reverse("subjects:group_detail", args=[world["group"].pk])).status_code == 404
    assert client.get(f"/api/v1/subjects/persons/{world['person'].pk}/").status_code == 404
    assert "Havenjongens" not in client.get(reverse("subjects:graph_data")).content.decode()
