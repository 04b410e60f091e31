"""The signal list's filters read in the list's order (issue 16): the same rows in the same order
as the list's definition (the visible signals that match, newest first, then the highest key)
for every filter, now that an indicator filter is read through the links' copy of observed_at;
a correction keeps that copy true; on PostgreSQL the planner reads a filtered list in its order
through the indexes of migration 0012 instead of sorting.

Given a network where the police and youth work registered signals (some at the same moment, in
several statuses, sources and categories, with two indicators), when youth work filters the
list, then …
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory, set_access

from lont.core.pagination import CappedPaginator
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access, PartnerType
from lont.networks.choices import InformationCategory as C
from lont.signalregister import selectors, services
from lont.signalregister.choices import SourceType, SpecialData, Status
from lont.signalregister.models import Signal, SignalGroup, SignalIndicator
from lont.subjects.models import Group

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
SOURCES = [SourceType.OPEN_ONLINE, SourceType.TIP_NAMED, SourceType.OWN_OFFLINE]
STATUSES = [Status.NEW, Status.DISCUSSED, Status.ARCHIVED, Status.NEW]


@pytest.fixture
def world(make_member):
    police = make_member(PartnerType.POLICE)
    youth = make_member(PartnerType.YOUTH_WORK)
    # youth work sees its own group, not the police's (group analyses are not shared with it),
    # though it sees signals linked to both: filtering by the police's group finds nothing
    set_access(police.network, {(C.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.NONE})
    group = group_factory(youth.organisation)
    hidden = group_factory(police.organisation)
    first = indicator_factory(police.network, "test.first")
    second = indicator_factory(police.network, "test.second")
    for n in range(18):
        owner = police if n % 3 else youth
        indicators = [first] if n % 2 else [first, second] if n % 5 else []
        signal = signal_factory(
            owner,
            # every moment twice (ties are broken by the key), spread over 120 days
            observed_at=NOW - dt.timedelta(days=(n // 2) * 15, hours=1),
            source_type=SOURCES[n % 3],
            special_data=SpecialData.CRIMINAL if n % 7 == 0 else SpecialData.NONE,
            groups=[group, hidden] if n % 4 else [hidden],
            indicators=indicators,
        )
        status = STATUSES[n % 4]
        if status != Status.NEW:
            services.signal_set_status(viewer=Viewer(owner), signal=signal, status=status)
    return {
        "viewer": Viewer(youth),
        "indicators": (first, second),
        "group": group,
        "hidden": hidden,
    }


def _defined(viewer: Viewer, filters: selectors.SignalFilters) -> list[int]:
    """The list's definition, in Python: visible signals that match, newest first."""
    linked = set(
        SignalIndicator.objects.filter(indicator=filters.indicator).values_list("signal", flat=True)
    )
    grouped = set(
        SignalGroup.objects.filter(
            group__in=visible(viewer, Group).filter(pk=filters.group)
        ).values_list("signal", flat=True)
    )

    def day(value: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(value, dt.time.min))

    rows = [
        signal
        for signal in visible(viewer, Signal)
        if (signal.status == filters.status if filters.status else signal.status != "archived")
        and (not filters.source_type or signal.source_type == filters.source_type)
        and (not filters.indicator or signal.pk in linked)
        and (not filters.group or signal.pk in grouped)
        and (not filters.date_from or signal.observed_at >= day(filters.date_from))
        and (not filters.date_to or signal.observed_at < day(filters.date_to + dt.timedelta(1)))
    ]
    rows.sort(key=lambda s: (s.observed_at, s.pk), reverse=True)
    return [signal.pk for signal in rows]


def _filters(world) -> list[selectors.SignalFilters]:
    first, second = (indicator.pk for indicator in world["indicators"])
    since, until = (NOW - dt.timedelta(days=70)).date(), (NOW - dt.timedelta(days=10)).date()
    return [
        selectors.SignalFilters(),
        selectors.SignalFilters(status=Status.NEW),
        selectors.SignalFilters(status=Status.ARCHIVED),
        selectors.SignalFilters(source_type=SourceType.OPEN_ONLINE),
        selectors.SignalFilters(status=Status.NEW, source_type=SourceType.TIP_NAMED),
        selectors.SignalFilters(group=world["group"].pk),
        selectors.SignalFilters(group=world["group"].pk, date_from=since, date_to=until),
        selectors.SignalFilters(
            group=world["group"].pk, status=Status.NEW, source_type=SourceType.OPEN_ONLINE
        ),
        selectors.SignalFilters(group=world["hidden"].pk),
        selectors.SignalFilters(date_from=since),
        selectors.SignalFilters(date_to=until),
        selectors.SignalFilters(date_from=since, date_to=until),
        selectors.SignalFilters(indicator=first),
        selectors.SignalFilters(indicator=second),
        selectors.SignalFilters(indicator=first, date_from=since, date_to=until),
        selectors.SignalFilters(
            indicator=first, status=Status.NEW, source_type=SourceType.TIP_NAMED
        ),
        selectors.SignalFilters(indicator=second, status=Status.ARCHIVED),
        selectors.SignalFilters(indicator=first, group=world["group"].pk),
    ]


def test_every_filter_lists_the_defined_rows_in_the_defined_order(world):
    viewer = world["viewer"]
    for filters in _filters(world):
        # when the list is read as the page reads it (capped keys, then a page of rows)
        listed = selectors.signal_list(viewer, filters).only(*selectors.LISTED_FIELDS)
        paginator = CappedPaginator(listed, 4)
        pages = [paginator.page(n).object_list for n in paginator.page_range]
        # then the rows and their order are the list's definition
        assert [signal.pk for page in pages for signal in page] == _defined(viewer, filters), (
            filters
        )
        hidden = filters.group == world["hidden"].pk
        assert bool(_defined(viewer, filters)) != hidden or filters.status == Status.ARCHIVED, (
            filters
        )


def test_the_links_copy_follows_a_corrected_observed_at(world, make_member):
    # given a signal with two indicators
    owner = make_member(PartnerType.YOUTH_WORK)
    first, second = world["indicators"]
    group = world["group"]
    signal = signal_factory(
        owner, observed_at=NOW - dt.timedelta(days=3), indicators=[first], groups=[group]
    )
    # when its owner corrects when it was observed (and adds an indicator)
    moved = NOW - dt.timedelta(days=40)
    services.signal_update(
        viewer=Viewer(owner),
        signal=signal,
        fields={"observed_at": moved},
        parts=services.SignalParts(indicators=[first, second], groups=[group]),
    )
    # then every link carries the new moment, and no link anywhere differs from its signal
    for link in (SignalGroup, SignalIndicator):
        copies = link.objects.filter(signal=signal).values_list("signal_observed_at", flat=True)
        assert set(copies) == {moved}
        assert not link.objects.exclude(signal_observed_at=F("signal__observed_at")).exists()
    # and the list filtered by the indicator or the group puts the signal at its new place
    for filters in (
        selectors.SignalFilters(indicator=first.pk),
        selectors.SignalFilters(group=group.pk),
    ):
        assert list(
            selectors.signal_list(world["viewer"], filters).values_list("pk", flat=True)
        ) == _defined(world["viewer"], filters)


@pytest.mark.parametrize("model", [SignalGroup, SignalIndicator])
def test_a_resync_repairs_a_link_that_lags_behind(world, model):
    # given a link whose copy lags behind its signal (as if written around the services)
    link = model.objects.first()
    model.objects.filter(pk=link.pk).update(  # lint: audited-bulk a test's drift
        signal_observed_at=link.signal.observed_at - dt.timedelta(days=9)
    )
    # when the signal's children are re-synced (as every correction does)
    services._resync_children(link.signal)
    # then the copy is the signal's moment again
    link.refresh_from_db()
    assert link.signal_observed_at == link.signal.observed_at


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
@pytest.mark.parametrize(
    "which, index",
    [
        ("indicator", "signalind_indicator_observed"),
        ("group", "signalgroup_group_observed"),
        ("status and source", "signal_list_order"),
        ("unfiltered", "signal_list_order"),
    ],
)
def test_the_planner_reads_a_filtered_list_in_its_order(world, which, index):
    # given the key read of the list filtered by an indicator, a group, or status and source
    filters = {
        "indicator": selectors.SignalFilters(indicator=world["indicators"][0].pk),
        "group": selectors.SignalFilters(group=world["group"].pk),
        "status and source": selectors.SignalFilters(
            status=Status.NEW, source_type=SourceType.OPEN_ONLINE
        ),
        "unfiltered": selectors.SignalFilters(),
    }[which]
    keys = selectors.signal_list(world["viewer"], filters).values_list("pk", flat=True)[:1001]
    sql, params = keys.query.sql_with_params()
    # when the planner may not scan the table nor sort (a few rows would make either cheapest)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # then it reads the rows in the list's order through migration 0012's index: no sort at all
    assert index in plan, plan
    assert "Sort" not in plan, plan
