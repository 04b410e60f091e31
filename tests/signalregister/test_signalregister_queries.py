"""The list page and the API list use a constant number of queries as signals grow."""

from __future__ import annotations

import pytest
from django.urls import reverse
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory

from lont.networks.choices import PartnerType
from lont.signalregister.choices import SourceType

pytestmark = pytest.mark.django_db


def _signals(owner, count: int) -> None:
    group = group_factory(owner.organisation)
    indicator = indicator_factory(owner.network, "test.one")
    for n in range(count):
        source = SourceType.OPEN_ONLINE if n % 2 else SourceType.TIP_NAMED
        signal_factory(owner, source_type=source, groups=[group], indicators=[indicator])


@pytest.mark.parametrize("count", [3, 30])
def test_list_queries_constant(make_member, client_for, django_assert_max_num_queries, count):
    # given signals in two categories (full and summary for the viewer)
    owner = make_member(PartnerType.POLICE)
    _signals(owner, count)
    client = client_for(make_member(PartnerType.YOUTH_WORK))
    # when the list page and the API list are read, then the query count does not grow
    with django_assert_max_num_queries(24):
        response = client.get(reverse("signalregister:list"))
    assert response.status_code == 200
    with django_assert_max_num_queries(18):
        api = client.get(reverse("api:signal-list"))
    assert api.status_code == 200
