"""Given a network with a covenant, when a member opens the main pages, then they render."""

import pytest
from django.urls import reverse

from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

PAGES = [
    "core:home",
    "core:phase_peacetime",
    "core:phase_crisis",
    "core:phase_aftercare",
    "networks:overview",
    "networks:members",
    "networks:covenant",
    "networks:covenant_history",
    "knowledge:index",
    "knowledge:indicators",
    "accounts:settings",
]


@pytest.mark.parametrize("url_name", PAGES)
def test_member_pages_render(make_member, client_for, url_name):
    member = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    response = client_for(member).get(reverse(url_name))
    assert response.status_code == 200, response.content[:500]
    assert b'<html lang="nl"' in response.content


def test_api_schema_and_docs_load_nothing_from_a_cdn(make_member, client_for):
    client = client_for(make_member())
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200 and b"openapi" in schema.content
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn" not in docs.lower() and "/static/drf_spectacular_sidecar/" in docs
    assert client.get("/api/v1/docs/?script=").status_code == 200
