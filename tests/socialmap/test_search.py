"""Search and filters of the social map: free text over name, role and organisation; kind, area,
language and reachable group — and a search never reveals who hides behind a summary row."""

from __future__ import annotations

import pytest
from django.urls import reverse
from socialmap_factories import contact_factory, group_factory, reach_factory, set_access

from lont.networks.choices import Access, PartnerType, Role
from lont.socialmap import selectors
from lont.socialmap.choices import ContactKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth(make_member, viewer_for):
    member = make_member(PartnerType.YOUTH_WORK)
    org = member.organisation
    contacts = {
        "imam": contact_factory(
            org,
            kind=ContactKind.FAITH_LEADER,
            name="Tarik Voorbeeld",
            role="Imam",
            employer="Moskee Noorderhaven",
            languages=["Nederlands", "Arabisch"],
            areas=["Noorderhaven"],
        ),
        "coach": contact_factory(
            org,
            kind=ContactKind.SPORTS_COACH,
            name="Sevda Voorbeeld",
            role="Kickbokstrainer",
            employer="Kickboksschool De Kreek",
            languages=["Turks"],
            areas=["De Kreek"],
        ),
        "teacher": contact_factory(
            org,
            kind=ContactKind.TEACHER,
            name="Annelies Proef",
            role="Docent LO",
            employer="Het Baken College",
            areas=["Noorderhaven", "Molenkamp"],
        ),
    }
    return viewer_for(member), contacts


def _names(viewer, **filters):
    return {c.name for c in selectors.contacts(viewer, selectors.ContactFilters(**filters))}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"text": "tarik"}, {"Tarik Voorbeeld"}),
        ({"text": "voorbeeld"}, {"Tarik Voorbeeld", "Sevda Voorbeeld"}),
        ({"text": "kickboks"}, {"Sevda Voorbeeld"}),  # role and organisation
        ({"text": "baken"}, {"Annelies Proef"}),
        ({"kind": ContactKind.TEACHER}, {"Annelies Proef"}),
        ({"area": "noorderhaven"}, {"Tarik Voorbeeld", "Annelies Proef"}),
        ({"area": "Kreek"}, set()),  # a whole area, not part of a name
        ({"language": "arabisch"}, {"Tarik Voorbeeld"}),
        ({"text": "voorbeeld", "area": "De Kreek"}, {"Sevda Voorbeeld"}),
        ({"text": "niemand"}, set()),
    ],
)
def test_filters(youth, filters, expected):
    viewer, _contacts = youth
    assert _names(viewer, **filters) == expected


def test_filter_by_reachable_group(youth):
    viewer, contacts = youth
    group = group_factory(viewer.organisation, "Kooigroep")
    reach_factory(contacts["coach"], group)
    assert _names(viewer, group_id=group.pk) == {"Sevda Voorbeeld"}


def test_search_does_not_reveal_summary_contacts(make_member, viewer_for, youth):
    # Given housing sees youth work's contacts only as a summary
    director = viewer_for(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    set_access(director, PartnerType.HOUSING, Access.SUMMARY)
    housing = viewer_for(make_member(PartnerType.HOUSING))
    # Then the list shows them, but a search on a name, role or language finds nothing
    assert len(selectors.contacts(housing)) == 3
    assert _names(housing, text="Tarik") == set()
    assert _names(housing, text="Imam") == set()
    assert _names(housing, language="Arabisch") == set()
    # The summary fields (kind, area) still filter
    assert len(selectors.contacts(housing, selectors.ContactFilters(area="De Kreek"))) == 1


def test_search_page(make_member, client_for, youth):
    viewer, _contacts = youth
    body = client_for(viewer.membership).get(reverse("socialmap:list") + "?q=imam").content.decode()
    assert "Tarik Voorbeeld" in body and "Sevda Voorbeeld" not in body
    assert 'value="imam"' in body  # the search box keeps what was typed


def test_organisation_view_shows_only_that_partners_contacts(make_member, client_for, youth):
    viewer, _contacts = youth
    police = make_member(PartnerType.POLICE)
    contact_factory(police.organisation, name="Wijk Contact Politie")
    client = client_for(viewer.membership)
    body = client.get(
        reverse("socialmap:organisation", args=[police.organisation_id])
    ).content.decode()
    assert "Wijk Contact Politie" in body and "Tarik Voorbeeld" not in body
    assert client.get(reverse("socialmap:organisation", args=[999999])).status_code == 404


def test_htmx_filter_returns_only_the_results(youth, client_for):
    viewer, _contacts = youth
    response = client_for(viewer.membership).get(
        reverse("socialmap:list") + "?soort=teacher", HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Annelies Proef" in body and "Tarik Voorbeeld" not in body
    assert "<html" not in body and "<table" in body
