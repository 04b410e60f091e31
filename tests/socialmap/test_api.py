"""The REST API of the social map: the same services, rules and access log as the pages,
documented in the OpenAPI schema."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from socialmap_factories import contact_factory, group_factory, person_factory, reach_factory

from lont.audit.models import AccessLogEntry, AccessVia
from lont.networks.choices import PartnerType
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact, ContactPersonLink, ContactReach

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def member(make_member):
    return make_member(PartnerType.YOUTH_WORK)


def test_create_update_delete(member, client_for):
    client = client_for(member)
    created = client.post(
        "/api/v1/socialmap/contacts/",
        {
            "kind": "influencer",
            "name": "Fictieve Maker",
            "followers": {"tiktok": 12000},
            "handles": {"tiktok": "@maker_demo"},
            "areas": ["Noorderhaven"],
            "consent_date": "2026-02-01",
            "consent_scope": "Oproepen delen bij onrust",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["followers"] == {"tiktok": 12000}
    patched = client.patch(
        f"/api/v1/socialmap/contacts/{pk}/", {"role": "Maker"}, content_type=JSON
    )
    assert patched.status_code == 200 and patched.json()["role"] == "Maker"
    assert client.delete(f"/api/v1/socialmap/contacts/{pk}/").status_code == 204
    assert not Contact.objects.exists()


def test_consent_rule_holds_in_the_api(member, client_for):
    response = client_for(member).post(
        "/api/v1/socialmap/contacts/",
        {"kind": "parent", "name": "Zonder Toestemming"},
        content_type=JSON,
    )
    assert response.status_code == 400
    assert "toestemming" in response.json()["consent_date"][0]
    assert not Contact.objects.exists()


def test_member_of_another_network_is_refused(member, client_for, make_member):
    from factories import member_factory, network_factory

    other = member_factory(network_factory("Elders", "elders"))
    response = client_for(member).post(
        "/api/v1/socialmap/contacts/",
        {"kind": "partner_professional", "name": "Pro", "member": other.pk},
        content_type=JSON,
    )
    assert response.status_code == 400 and "member" in response.json()


def test_reach_and_links(member, client_for):
    client = client_for(member)
    contact = contact_factory(member.organisation)
    group = group_factory(member.organisation)
    person = person_factory(member.organisation)
    reach = client.post(
        "/api/v1/socialmap/reach/",
        {"contact": contact.pk, "group": group.pk, "strength": "zwak"},
        content_type=JSON,
    )
    assert reach.status_code == 201, reach.content
    rid = reach.json()["id"]
    updated = client.patch(
        f"/api/v1/socialmap/reach/{rid}/", {"strength": "sterk"}, content_type=JSON
    )
    assert updated.json()["strength"] == "sterk"
    link = client.post(
        "/api/v1/socialmap/person-links/",
        {"contact": contact.pk, "person": person.pk, "relation": "buurman"},
        content_type=JSON,
    )
    assert link.status_code == 201 and link.json()["person_alias"] == person.alias
    assert client.delete(f"/api/v1/socialmap/reach/{rid}/").status_code == 204
    assert client.delete(f"/api/v1/socialmap/person-links/{link.json()['id']}/").status_code == 204
    assert not ContactReach.objects.exists() and not ContactPersonLink.objects.exists()


def test_reach_to_an_unknown_group_is_refused(member, client_for):
    contact = contact_factory(member.organisation)
    response = client_for(member).post(
        "/api/v1/socialmap/reach/",
        {"contact": contact.pk, "group": 424242, "strength": "zwak"},
        content_type=JSON,
    )
    assert response.status_code == 400 and "group" in response.json()


def test_ranking_endpoint_explains_and_logs(member, client_for):
    group = group_factory(member.organisation, areas=["Noorderhaven"])
    contact = contact_factory(member.organisation, kind=ContactKind.CREDIBLE_MESSENGER)
    reach_factory(contact, group, "sterk")
    data = client_for(member).get(f"/api/v1/socialmap/group-reach/{group.pk}/").json()
    assert data[0]["rank"] == 1 and data[0]["score"] == 105
    assert data[0]["reasons"][0] == "Bereikt de groep rechtstreeks (sterk)."
    assert AccessLogEntry.objects.filter(via=AccessVia.API, object_id=str(contact.pk)).exists()


def test_list_filters_and_logs(member, client_for):
    contact_factory(member.organisation, name="Vind Mij", kind=ContactKind.TEACHER)
    contact_factory(member.organisation, name="Niet Mij")
    body = client_for(member).get("/api/v1/socialmap/contacts/?q=vind").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [r["name"] for r in rows] == ["Vind Mij"]
    assert AccessLogEntry.objects.filter(via=AccessVia.API).count() == 1


def test_api_list_queries_stay_constant(member, client_for):
    client = client_for(member)
    group = group_factory(member.organisation)

    def count():
        # warm: the first request of a process also reads the covenant version it then keeps
        client.get("/api/v1/socialmap/contacts/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/v1/socialmap/contacts/")
        return len(ctx.captured_queries)

    reach_factory(contact_factory(member.organisation), group)
    few = count()
    for _ in range(15):
        reach_factory(contact_factory(member.organisation), group)
    assert count() == few


def test_openapi_documents_the_social_map(member, client_for):
    schema = client_for(member).get("/api/v1/schema/?format=json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/socialmap/contacts/",
        "/api/v1/socialmap/contacts/{id}/",
        "/api/v1/socialmap/reach/",
        "/api/v1/socialmap/person-links/",
        "/api/v1/socialmap/group-reach/{id}/",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/socialmap/contacts/"]
    params = {p["name"] for p in paths["/api/v1/socialmap/contacts/"]["get"]["parameters"]}
    assert {"q", "soort", "gebied", "taal", "groep"} <= params
