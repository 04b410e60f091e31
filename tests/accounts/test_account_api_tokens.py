"""Personal API tokens: made on the account page and shown once, stored hashed, expiring,
revocable, bound to one network. A session without the second factor cannot use the API."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from factories import member_factory, network_factory, organisation_factory

from lont.accounts import services
from lont.accounts.models import ApiToken
from lont.audit.models import ChangeLogEntry
from lont.core.crypto import token_hash
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

SETTINGS = reverse("accounts:settings")
NETWORKS = "/api/v1/networks/"
ORGANISATIONS = "/api/v1/organisations/"


@pytest.fixture
def member(network):
    return member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


def create_on_page(client: Client, name: str = "Rapportage-script", days: int = 30) -> str:
    response = client.post(SETTINGS, {"name": name, "days": days})
    assert response.status_code == 200
    match = re.search(r"lont_[A-Za-z0-9_-]{20,}", response.content.decode())
    assert match, "the new token is shown on the page"
    return match.group(0)


def api(raw: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {raw}")


def test_token_made_on_the_account_page_is_shown_once_and_stored_hashed(clock, member, client_for):
    client = client_for(member)
    raw = create_on_page(client)
    token = ApiToken.objects.get()
    # only a hash and a short prefix are stored
    assert token.token_hash == token_hash(raw)
    assert token.prefix == raw[5:13]
    row = json.dumps(list(ApiToken.objects.values()), default=str)
    assert raw not in row and raw[5:] not in row
    # the change log does not hold it either
    assert raw[5:] not in json.dumps(list(ChangeLogEntry.objects.values()), default=str)
    # the page shows it only the one time
    page = client.get(SETTINGS).content.decode()
    assert raw not in page
    assert "Rapportage-script" in page and token.prefix in page


def test_token_works_with_the_token_header(clock, member, client_for):
    raw = create_on_page(client_for(member))
    response = api(raw).get(NETWORKS)
    assert response.status_code == 200
    assert [n["slug"] for n in response.json()["results"]] == [member.network.slug]
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["Bearer {raw}", "Token", "Token {raw} extra", "Token lont_verzonnen", "Token {raw}x"],
)
def test_malformed_or_unknown_token_is_refused(clock, member, client_for, header):
    raw = create_on_page(client_for(member))
    response = Client(HTTP_AUTHORIZATION=header.format(raw=raw)).get(NETWORKS)
    assert response.status_code == 401


def test_token_expires(clock, member, client_for):
    raw = create_on_page(client_for(member), days=30)
    clock.shift(30 * 24 * 3600 - 60)
    assert api(raw).get(NETWORKS).status_code == 200
    clock.shift(61)
    response = api(raw).get(NETWORKS)
    assert response.status_code == 401
    assert "Ongeldig, verlopen of ingetrokken token." in response.json()["detail"]


def test_token_validity_is_limited_to_a_year(clock, member, client_for):
    response = client_for(member).post(SETTINGS, {"name": "te lang", "days": 366})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()
    assert 'value="te lang"' in response.content.decode()


def test_revoked_token_is_refused(clock, member, client_for):
    client = client_for(member)
    raw = create_on_page(client)
    token = ApiToken.objects.get()
    response = client.post(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 302
    assert api(raw).get(NETWORKS).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_else_can_revoke_my_token(clock, network, member, client_for, viewer_for):
    token, raw = services.api_token_create(viewer=viewer_for(member), name="mijn")
    other = member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    response = client_for(other).post(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 404
    assert api(raw).get(NETWORKS).status_code == 200


def test_token_works_only_in_its_own_network(clock, member, client_for, viewer_for):
    # given a member of two networks, with a token made in the first
    elsewhere = network_factory("Voorbeeldstad Elders", "elders")
    organisation_factory(elsewhere, "Politie Elders", PartnerType.POLICE)
    member_factory(elsewhere, user=member.user, role=Role.DIRECTOR)
    _token, raw = services.api_token_create(viewer=viewer_for(member), name="noord")
    client = api(raw)
    # then the API shows the first network only
    assert [n["id"] for n in client.get(NETWORKS).json()["results"]] == [member.network.pk]
    assert client.get(f"{NETWORKS}{elsewhere.pk}/").status_code == 404
    names = {o["name"] for o in client.get(ORGANISATIONS).json()["results"]}
    assert "Politie Elders" not in names
    assert set(member.network.organisations.values_list("name", flat=True)) == names
    # and the session's network switch has no influence on the token
    switched = Client(HTTP_AUTHORIZATION=f"Token {raw}")
    session = switched.session
    session["lont_network_id"] = elsewhere.pk
    session.save()
    assert [n["id"] for n in switched.get(NETWORKS).json()["results"]] == [member.network.pk]


def test_token_of_an_inactive_membership_is_refused(clock, member, viewer_for):
    _token, raw = services.api_token_create(viewer=viewer_for(member), name="x")
    member.is_active = False
    member.save()
    assert api(raw).get(NETWORKS).status_code == 401


def test_session_without_second_factor_cannot_use_the_api(clock, member, client_for):
    response = client_for(member, verified=False).get(NETWORKS)
    assert response.status_code in (401, 403)
    assert "results" not in response.content.decode()


def test_verified_session_can_use_the_api(clock, member, client_for):
    assert client_for(member).get(NETWORKS).status_code == 200


def test_anonymous_api_call_is_refused(db):
    response = Client().get(NETWORKS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
