"""The capped paginator counts at most ``cap + 1`` rows and says whether there were more."""

from __future__ import annotations

import pytest

from lont.core.pagination import CappedPaginator, capped_count, capped_count_expression
from lont.networks.models import Organisation

pytestmark = pytest.mark.django_db


class SmallCap(CappedPaginator):
    cap = 3


def test_count_stops_at_the_cap(network, django_assert_num_queries):
    # given five organisations (the network fixture may hold some already)
    for i in range(5):
        Organisation.objects.create(network=network, name=f"Partner {i}", partner_type="police")
    rows = Organisation.objects.filter(network=network).order_by("pk")
    # when they are paginated two a page with a cap of three
    paginator = SmallCap(rows, 2)
    with django_assert_num_queries(1):
        count = paginator.count
    # then the count is the cap, marked as capped, and the pages follow from it
    assert (count, paginator.capped, paginator.num_pages) == (3, True, 2)
    assert len(paginator.page(2).object_list) == 1


def test_a_short_list_is_counted_exactly(network):
    rows = Organisation.objects.filter(network=network, name="Niemand")
    paginator = SmallCap(rows, 2)
    assert (paginator.count, paginator.capped) == (0, False)


def test_a_page_is_read_by_the_keys_counted_in_order(network, django_assert_num_queries):
    # given five organisations, newest name first
    for i in range(5):
        Organisation.objects.create(network=network, name=f"Partner {i}", partner_type="police")
    rows = Organisation.objects.filter(network=network, name__startswith="Partner").order_by(
        "-name"
    )
    paginator = SmallCap(rows, 2)
    # when the second page is read
    with django_assert_num_queries(2):  # the keys once, then the page's rows by key
        page = paginator.page(2)
    # then it holds the third row in the list's order (the cap stops the pages at three rows)
    assert [o.name for o in page.object_list] == ["Partner 2"]
    assert [o.name for o in paginator.page(1).object_list] == ["Partner 4", "Partner 3"]


@pytest.mark.parametrize(("made", "counted"), [(0, 0), (2, 2), (3, 3), (5, 4)])
def test_the_count_rides_along_with_the_rows(network, django_assert_num_queries, made, counted):
    # given some organisations
    for i in range(made):
        Organisation.objects.create(network=network, name=f"Partner {i}", partner_type="police")
    rows = Organisation.objects.filter(network=network, name__startswith="Partner")
    # when the first two are read with the count up to three as a subquery
    with django_assert_num_queries(1):
        first = list(rows.annotate(n=capped_count_expression(rows, 3)).order_by("pk")[:2])
    # then each row carries what capped_count counts: at most cap + 1
    assert [row.n for row in first] == [counted] * min(made, 2)
    assert capped_count(rows, 3) == (min(counted, 3), counted > 3)
