"""Pages keep a constant number of queries as the network grows (pinned)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db

PAGES = [
    "networks:members",
    "networks:overview",
    "core:home",
    "networks:covenant",
    "knowledge:indicators",
]


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", PAGES)
def test_query_count_does_not_grow_with_members(
    make_member, client_for, url_name, django_assert_max_num_queries
):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    client = client_for(director)
    url = reverse(url_name)
    for ptype in list(PartnerType)[:3]:
        make_member(ptype)
    small = _count(client, url)
    for ptype in PartnerType:
        for _ in range(3):
            make_member(ptype)
    with django_assert_max_num_queries(small):
        client.get(url)
