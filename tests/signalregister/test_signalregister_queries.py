"""The list page and the API list use a constant number of queries as signals grow."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.urls import reverse
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory

from lont.core.pagination import CappedPaginator
from lont.networks.choices import PartnerType
from lont.signalregister import selectors
from lont.signalregister.choices import SourceType, Status
from lont.signalregister.models import SignalGroup

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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL covering index")
def test_filtered_key_read_needs_only_the_covering_index(make_member, viewer_for):
    # given a reader who sees signals in part (the visibility filter tests an organisation and
    # categories on each row) and every filter of the list set
    owner = make_member(PartnerType.POLICE)
    _signals(owner, 2)
    viewer = viewer_for(make_member(PartnerType.YOUTH_WORK))
    group = SignalGroup.objects.filter(network=owner.network).values_list("group", flat=True)[0]
    filters = selectors.SignalFilters(
        status=Status.NEW,
        source_type=SourceType.OPEN_ONLINE,
        group=group,
        date_from=dt.date(2020, 1, 1),
        date_to=dt.date(2030, 1, 1),
    )
    # when the paginator reads the keys of the filtered list
    keys = CappedPaginator(selectors.signals(viewer, filters), 50).object_list
    sql = str(keys.prefetch_related(None).values_list("pk", flat=True).query)
    read = set(re.findall(r'"signalregister_signal"\."(\w+)"', sql))
    # then every signal column it reads is in migration 0010's index, so a signal reached through
    # a group's links is tested index-only (a filter on another column would read the table's
    # page per linked signal again, and the planner would go back to scanning every signal)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
            " AND a.attnum = ANY(i.indkey) WHERE i.indexrelid = %s::regclass",
            ["signal_key_with_list_filters"],
        )
        covered = {row[0] for row in cursor.fetchall()}
    # (the dates and the order are read from the group links' copy of observed_at, 0011)
    assert {"id", "network_id", "status", "source_type"} <= read
    assert read <= covered, read - covered
