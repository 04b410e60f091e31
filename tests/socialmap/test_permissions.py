"""The permission matrix: partner types × covenant access to contacts (full, summary, none), on
the pages, the API, the export and the reach page. What a partner may not see never shows —
not the name, not the phone number; a summary row says only "afgeschermd — bekend bij …"."""

from __future__ import annotations

import pytest
from django.urls import reverse
from socialmap_factories import (
    contact_factory,
    group_factory,
    link_factory,
    person_factory,
    reach_factory,
    reauthenticated,
    set_access,
)

from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.socialmap.choices import ContactKind

pytestmark = pytest.mark.django_db

PARTNER_TYPES = [PartnerType.POLICE, PartnerType.EDUCATION, PartnerType.HOUSING, PartnerType.SPORT]
LEVELS = [Access.FULL, Access.SUMMARY, Access.NONE]
SECRET_NAME = "Zeynep Geheimnaam"
SECRET_PHONE = "06-00009999"


@pytest.fixture
def world(make_member, viewer_for):
    """A contact recorded by youth work, with strong reach to a group everyone may see."""
    director = viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    owner = make_member(PartnerType.YOUTH_WORK)
    contact = contact_factory(
        owner.organisation, kind=ContactKind.KEY_FIGURE, name=SECRET_NAME, phone=SECRET_PHONE
    )
    group = group_factory(owner.organisation, "Pleinjongens")
    reach_factory(contact, group, "sterk")
    link_factory(contact, person_factory(owner.organisation, "Pleinkind"), "trainer")
    for ptype in PARTNER_TYPES:
        set_access(director, ptype, Access.SUMMARY, category=InformationCategory.GROUP_ANALYSIS)
    return {"director": director, "owner": owner, "contact": contact, "group": group}


def _viewer_with(make_member, world, partner_type, level):
    set_access(world["director"], partner_type, level)
    return make_member(partner_type)


@pytest.mark.parametrize("partner_type", PARTNER_TYPES)
@pytest.mark.parametrize("level", LEVELS)
def test_pages_follow_the_covenant(make_member, client_for, world, partner_type, level):
    client = client_for(_viewer_with(make_member, world, partner_type, level))
    contact = world["contact"]
    listing = client.get(reverse("socialmap:list")).content.decode()
    detail = client.get(reverse("socialmap:detail", args=[contact.pk]))
    reach = client.get(reverse("socialmap:reach", args=[world["group"].pk])).content.decode()
    shielded = f"afgeschermd — bekend bij {contact.organisation.name}"
    if level == Access.FULL:
        assert SECRET_NAME in listing and SECRET_NAME in reach
        assert detail.status_code == 200 and SECRET_PHONE in detail.content.decode()
    elif level == Access.SUMMARY:
        assert shielded in listing and shielded in reach
        assert detail.status_code == 200
        body = detail.content.decode()
        assert shielded in body and SECRET_NAME not in body and SECRET_PHONE not in body
    else:
        assert shielded not in listing and shielded not in reach
        assert detail.status_code == 404
    for page in (listing, reach):
        if level != Access.FULL:
            assert SECRET_NAME not in page and SECRET_PHONE not in page


@pytest.mark.parametrize("partner_type", PARTNER_TYPES)
@pytest.mark.parametrize("level", LEVELS)
def test_api_follows_the_covenant(make_member, client_for, world, partner_type, level):
    client = client_for(_viewer_with(make_member, world, partner_type, level))
    contact = world["contact"]
    listing = client.get("/api/v1/socialmap/contacts/")
    detail = client.get(f"/api/v1/socialmap/contacts/{contact.pk}/")
    ranking = client.get(f"/api/v1/socialmap/group-reach/{world['group'].pk}/")
    reach = client.get("/api/v1/socialmap/reach/")
    links = client.get("/api/v1/socialmap/person-links/")
    assert listing.status_code == ranking.status_code == reach.status_code == 200
    rows = listing.json()["results"] if "results" in listing.json() else listing.json()
    ranked = [row["contact"] for row in ranking.json()]
    for text in (listing.content, ranking.content, detail.content, reach.content):
        if level != Access.FULL:
            assert SECRET_NAME.encode() not in text and SECRET_PHONE.encode() not in text
    if level == Access.FULL:
        assert detail.json()["name"] == SECRET_NAME
        assert [r["name"] for r in rows] == [SECRET_NAME] and ranked[0]["name"] == SECRET_NAME
        assert len(_results(reach)) == 1
        assert [row["relation"] for row in _results(links)] == ["trainer"]
    elif level == Access.SUMMARY:
        assert detail.status_code == 200 and detail.json()["access"] == "summary"
        assert "name" not in detail.json() and "phone" not in detail.json()
        assert rows[0]["label"].startswith("afgeschermd — bekend bij")
        assert ranked[0]["access"] == "summary"
        assert _results(reach) == [] and _results(links) == []
    else:
        assert detail.status_code == 404 and rows == [] and ranked == []
        assert _results(reach) == [] and _results(links) == []


def _results(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


@pytest.mark.parametrize("partner_type", PARTNER_TYPES)
@pytest.mark.parametrize("level", LEVELS)
def test_export_contains_only_contacts_seen_in_full(
    make_member, client_for, world, partner_type, level
):
    client = reauthenticated(client_for(_viewer_with(make_member, world, partner_type, level)))
    csv_body = client.get(reverse("socialmap:export_csv")).content.decode()
    printed = client.get(reverse("socialmap:export_print")).content.decode()
    assert (SECRET_NAME in csv_body) is (level == Access.FULL)
    assert (SECRET_NAME in printed) is (level == Access.FULL)
    assert (SECRET_PHONE in csv_body) is (level == Access.FULL)


@pytest.mark.parametrize("role", [Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_supervisors_never_read_contacts(make_member, client_for, world, role):
    client = client_for(make_member(PartnerType.MUNICIPALITY, role))
    assert SECRET_NAME not in client.get(reverse("socialmap:list")).content.decode()
    assert client.get(reverse("socialmap:detail", args=[world["contact"].pk])).status_code == 404
    api = client.get(f"/api/v1/socialmap/contacts/{world['contact'].pk}/")
    assert api.status_code in (403, 404)


def test_director_sees_at_least_a_summary(make_member, client_for, world):
    # Given the covenant gives municipalities no access to contacts
    set_access(world["director"], PartnerType.MUNICIPALITY, Access.NONE)
    director = world["director"].membership
    body = client_for(director).get(reverse("socialmap:list")).content.decode()
    assert "afgeschermd — bekend bij" in body and SECRET_NAME not in body


def test_groups_the_viewer_cannot_see_are_not_offered(make_member, client_for, world):
    # Given housing may see contacts but no group analyses
    set_access(
        world["director"],
        PartnerType.HOUSING,
        Access.NONE,
        category=InformationCategory.GROUP_ANALYSIS,
    )
    client = client_for(make_member(PartnerType.HOUSING))
    index = client.get(reverse("socialmap:reach_index")).content.decode()
    assert "Pleinjongens" not in index
    assert client.get(reverse("socialmap:reach", args=[world["group"].pk])).status_code == 404
    assert client.get(f"/api/v1/socialmap/group-reach/{world['group'].pk}/").status_code == 404
    listing = client.get(reverse("socialmap:list")).content.decode()
    assert "Pleinjongens" not in listing


@pytest.mark.parametrize("name", ["socialmap:update", "socialmap:delete"])
def test_other_partners_cannot_change_a_contact(make_member, client_for, world, name):
    police = client_for(make_member(PartnerType.POLICE))
    url = reverse(name, args=[world["contact"].pk])
    assert police.get(url).status_code == 403
    assert police.post(url, {"reason": "x", "name": "Nieuw"}).status_code == 403
    world["contact"].refresh_from_db()
    assert world["contact"].name == SECRET_NAME


def test_other_partners_cannot_change_a_contact_through_the_api(make_member, client_for, world):
    police = client_for(make_member(PartnerType.POLICE))
    url = f"/api/v1/socialmap/contacts/{world['contact'].pk}/"
    assert police.patch(url, {"role": "x"}, content_type="application/json").status_code == 403
    assert police.delete(url).status_code == 403


def test_observer_cannot_write(make_member, client_for):
    observer = client_for(make_member(PartnerType.YOUTH_WORK, Role.OBSERVER))
    assert observer.get(reverse("socialmap:create")).status_code == 403
    response = observer.post(
        "/api/v1/socialmap/contacts/",
        {"kind": "teacher", "name": "X"},
        content_type="application/json",
    )
    assert response.status_code == 403
