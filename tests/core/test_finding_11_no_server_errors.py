"""Findings 10 and 11 of issue 8: no 5xx from malformed ids, filters or protected deletes, API
errors are JSON with a Dutch ``detail``, and ``minimum_access`` drives list and detail alike."""

from __future__ import annotations

import pytest
from django.urls import reverse
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.signalregister.choices import PersonRole
from lont.signalregister.models import EngagementObservation
from lont.subjects.models import Group, Person

pytestmark = pytest.mark.django_db
C = InformationCategory


@pytest.fixture
def director(make_member):
    return make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


def _api(client_for, member):
    client = client_for(member)
    client.raise_request_exception = False
    return client


def test_finding_10_engagement_detail_needs_full_access(network, make_member, client_for):
    # given reach figures of a signal a school sees only as a summary
    owner = make_member(PartnerType.MUNICIPALITY)
    signal = signal_factory(owner)
    row = EngagementObservation(signal=signal, at=signal.observed_at, views=10)
    row.save()
    set_access(network, {(C.ONLINE_OPEN_SOURCE, PartnerType.EDUCATION): Access.SUMMARY})
    path = reverse("api:signal-engagement-detail", args=[row.pk])
    # when the summary-level reader asks for the detail by id, then it is not found (as the list)
    assert client_for(make_member(PartnerType.EDUCATION)).get(path).status_code == 404
    # and a reader with full access still gets the figures
    full = client_for(make_member(PartnerType.POLICE)).get(path)
    assert full.status_code == 200 and full.json()["views"] == 10


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/signals/abc/",
        "/api/v1/subjects/groups/abc/",
        "/api/v1/subjects/persons/1e3/",
        "/api/v1/socialmap/contacts/abc/",
        "/api/v1/signal-engagement/%C2%B2/",
        "/api/v1/subjects/groups/99999999999999999999/",
    ],
)
@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_finding_11_malformed_id_is_a_json_404(director, client_for, path, method):
    response = getattr(_api(client_for, director), method)(path, content_type="application/json")
    # Signals are corrected through the API (PATCH), never deleted; engagement is read-only.
    read_only = path.startswith("/api/v1/signal-engagement/") or (
        path.startswith("/api/v1/signals/") and method == "delete"
    )
    if method != "get" and read_only:
        # not offered on a read-only resource: refused before the id is even looked at
        assert response.status_code in (403, 405)
    else:
        assert response.status_code == 404
        assert response.json()["detail"] == "Niet gevonden."
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "-1", "1.5", "abc"])
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v1/signals/", "groep"),
        ("/api/v1/signals/", "indicator"),
        ("/api/v1/socialmap/contacts/", "groep"),
        ("/api/v1/socialmap/contacts/", "organisatie"),
    ],
)
def test_finding_11_bad_integer_filter_is_a_400_in_the_api(director, client_for, path, name, value):
    response = _api(client_for, director).get(path, {name: value})
    assert response.status_code == 400
    assert f"‘{name}’ verwacht een geheel getal" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/signalen/", "/sociale-kaart/", "/doelgroepen/personen/"])
@pytest.mark.parametrize("value", ["99999999999999999999", "²"])
def test_finding_11_bad_integer_filter_on_a_page_is_dropped_with_a_message(
    director, client_for, path, value
):
    client = client_for(director)
    client.raise_request_exception = False
    response = client.get(path, {"groep": value, "q": "x"})
    assert response.status_code == 302 and response["Location"] == f"{path}?q=x"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "‘groep’ verwacht een geheel getal" in page.content.decode()


def _referenced(owner):
    group = group_factory(owner.organisation, name="Kadejongens")
    person = person_factory(owner.organisation, alias="Kade-1")
    signal_factory(owner, groups=[group], people=[(person, PersonRole.POSSIBLE_PERPETRATOR)])
    return group, person


def test_finding_11_deleting_what_signals_refer_to_is_a_409_in_the_api(make_member, client_for):
    owner = make_member(PartnerType.POLICE)
    group, person = _referenced(owner)
    client = _api(client_for, owner)
    for path in (f"/api/v1/subjects/groups/{group.pk}/", f"/api/v1/subjects/persons/{person.pk}/"):
        response = client.delete(path)
        assert response.status_code == 409
        assert "andere gegevens verwijzen er nog naar" in response.json()["detail"]
    assert (
        Group.objects.filter(pk=group.pk).exists() and Person.objects.filter(pk=person.pk).exists()
    )


def test_finding_11_deleting_what_signals_refer_to_explains_on_the_page(make_member, client_for):
    owner = make_member(PartnerType.POLICE)
    group, person = _referenced(owner)
    client = client_for(owner)
    for name, obj in (("subjects:group_delete", group), ("subjects:person_delete", person)):
        response = client.post(reverse(name, args=[obj.pk]))
        assert response.status_code == 409
        body = response.content.decode()
        assert "andere gegevens verwijzen er nog naar" in body
        assert "groepen in signaal" in body or "personen in signaal" in body
    assert (
        Group.objects.filter(pk=group.pk).exists() and Person.objects.filter(pk=person.pk).exists()
    )


def test_api_errors_are_json_with_a_dutch_detail(make_member, client_for):
    # a refusal by a service (a school may not delete a police record) is a 403 with the reason
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation)
    school = _api(client_for, make_member(PartnerType.EDUCATION))
    response = school.delete(f"/api/v1/subjects/groups/{group.pk}/")
    assert response.status_code in (403, 404)
    assert response.json()["detail"]
    # a validation error keeps its fields and gains a Dutch summary
    response = _api(client_for, police).post(
        "/api/v1/subjects/groups/", {"name": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "De invoer is niet geldig." and "name" in body


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "0"])
def test_finding_11_bad_group_id_in_the_reach_picker_is_refused_as_a_choice(
    director, client_for, value
):
    # The reach picker is a form (typed to choose): a bad id is refused like an unknown group,
    # in Dutch, with the page kept, never a server error.
    client = client_for(director)
    client.raise_request_exception = False
    page = client.get("/sociale-kaart/bereik/", {"groep": value})
    unknown = client.get("/sociale-kaart/bereik/", {"groep": "987654321"})
    assert page.status_code == unknown.status_code == 200
    assert page.context["picker"].errors == unknown.context["picker"].errors
    assert page.context["picker"].errors["groep"]
