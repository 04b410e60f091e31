"""The signal list's search read the way the page reads it (issue 16): each of its three ways (the
description, a group's name, a person's alias) with the list's filters and stopping at the cap,
the page's rows by key. The same rows in the same order as the search's definition, at the
default cap and at a cap smaller than what a search finds, for a rare word, a word in every
description, a word form, a group's name and an alias, alone and with the other filters; the
description only where the viewer reads the signal in full.

Given a network where the police and youth work registered signals (the police's tips youth work
reads as a summary only), some describing squares, some linked to "Pleinjongens", some naming
"Pleinkoning", when youth work searches the list, then …
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.utils import timezone
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.core.pagination import CappedPaginator
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access, PartnerType
from lont.networks.choices import InformationCategory as C
from lont.signalregister import selectors, services
from lont.signalregister.choices import SourceType, Status
from lont.signalregister.models import Signal, SignalGroup, SignalIndicator, SignalPerson
from lont.subjects.models import Group, Person

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
SOURCES = [SourceType.OPEN_ONLINE, SourceType.TIP_NAMED, SourceType.OWN_OFFLINE]
STATUSES = [Status.NEW, Status.DISCUSSED, Status.ARCHIVED, Status.NEW]
DESCRIPTIONS = [
    "Fictief: jongeren op de pleinen",
    "Fictief: ruzie bij de kooi",
    "Fictief: een plein vol scooters",
    "Fictief: filmpje gedeeld",
]


@pytest.fixture
def world(make_member):
    police = make_member(PartnerType.POLICE)
    youth = make_member(PartnerType.YOUTH_WORK)
    set_access(police.network, {(C.TIP, PartnerType.YOUTH_WORK): Access.SUMMARY})
    squares = group_factory(youth.organisation, name="Pleinjongens")
    other = group_factory(youth.organisation, name="Kooiploeg")
    king = person_factory(police.organisation, alias="Pleinkoning")
    indicator = indicator_factory(police.network, "test.search")
    for n in range(24):
        owner = police if n % 3 else youth
        signal = signal_factory(
            owner,
            # every moment twice (ties are broken by the key), spread over 180 days
            observed_at=NOW - dt.timedelta(days=(n // 2) * 15, hours=1),
            source_type=SOURCES[n % 3],
            description=DESCRIPTIONS[n % 4] + (" zeldzaam" if n == 12 else ""),
            groups=[squares] if n % 5 == 1 else [other] if n % 5 == 2 else [],
            people=[(king, "involved")] if n % 7 == 3 else [],
            indicators=[indicator] if n % 2 else [],
        )
        status = STATUSES[n % 4]
        if status != Status.NEW:
            services.signal_set_status(viewer=Viewer(owner), signal=signal, status=status)
    return {"viewer": Viewer(youth), "group": squares, "indicator": indicator}


def _found(viewer: Viewer, q: str) -> set[int]:
    """What the search finds, defined as it was before it was read in the list's order: the
    descriptions' full text (a substring on SQLite), the visible groups named and people aliased."""
    if connection.vendor == "postgresql":
        described = Signal.objects.annotate(
            document=SearchVector("description", config="dutch")
        ).filter(document=SearchQuery(q, config="dutch"))
    else:
        described = Signal.objects.filter(description__icontains=q)
    text = q.casefold()
    groups = [
        g.pk for g in visible(viewer, Group) if text in f"{g.name} {g.other_names}".casefold()
    ]
    people = [p.pk for p in visible(viewer, Person) if text in p.alias.casefold()]
    return {
        *described.values_list("pk", flat=True),
        *visible(viewer, SignalGroup).filter(group__in=groups).values_list("signal", flat=True),
        *visible(viewer, SignalPerson).filter(person__in=people).values_list("signal", flat=True),
    }


def _defined(viewer: Viewer, filters: selectors.SignalFilters) -> list[int]:
    """The searched list's definition, in Python: visible signals read in full that match the
    filters and the search, newest first (a search lists archived signals as well)."""
    found = _found(viewer, filters.q)
    linked = set(
        SignalIndicator.objects.filter(indicator=filters.indicator).values_list("signal", flat=True)
    )
    grouped = set(SignalGroup.objects.filter(group=filters.group).values_list("signal", flat=True))

    def day(value: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(value, dt.time.min))

    rows = [
        signal
        for signal in visible(viewer, Signal)
        if signal.pk in found
        and access_for(viewer, signal) == Access.FULL
        and (not filters.status or signal.status == filters.status)
        and (not filters.source_type or signal.source_type == filters.source_type)
        and (not filters.indicator or signal.pk in linked)
        and (not filters.group or signal.pk in grouped)
        and (not filters.date_from or signal.observed_at >= day(filters.date_from))
        and (not filters.date_to or signal.observed_at < day(filters.date_to + dt.timedelta(1)))
    ]
    rows.sort(key=lambda s: (s.observed_at, s.pk), reverse=True)
    return [signal.pk for signal in rows]


def _searches(world) -> list[selectors.SignalFilters]:
    since, until = (NOW - dt.timedelta(days=100)).date(), (NOW - dt.timedelta(days=10)).date()
    group, indicator = world["group"].pk, world["indicator"].pk
    others = [
        selectors.SignalFilters(),
        selectors.SignalFilters(status=Status.ARCHIVED),
        selectors.SignalFilters(source_type=SourceType.OPEN_ONLINE),
        selectors.SignalFilters(status=Status.NEW, source_type=SourceType.OWN_OFFLINE),
        selectors.SignalFilters(group=group),
        selectors.SignalFilters(group=group, date_from=since, date_to=until),
        selectors.SignalFilters(indicator=indicator),
        selectors.SignalFilters(indicator=indicator, date_from=since),
        selectors.SignalFilters(date_from=since, date_to=until),
    ]
    words = ["zeldzaam", "fictief", "plein", "pleinen", "jongens", "Pleinkon", "PLEI", "niets"]
    return [replace(filters, q=q) for q in words for filters in others]


@pytest.mark.parametrize("cap", [1000, 3])
def test_a_search_lists_the_defined_rows_in_the_defined_order(world, monkeypatch, cap):
    monkeypatch.setattr(CappedPaginator, "cap", cap)
    viewer = world["viewer"]
    for filters in _searches(world):
        # when the list is searched as the page reads it (each way stopping at the cap)
        listed = selectors.signal_list(viewer, filters, search_limit=cap + 1)
        paginator = CappedPaginator(
            listed.only(*selectors.LISTED_FIELDS),
            2,
            by_key=selectors.signals_by_key(viewer).only(*selectors.LISTED_FIELDS),
        )
        pages = [paginator.page(n).object_list for n in paginator.page_range]
        # then its rows and their order are the search's definition, up to the cap
        defined = _defined(viewer, filters)
        assert [signal.pk for page in pages for signal in page] == defined[:cap], filters
        assert paginator.capped == (len(defined) > cap), filters
        # and so is the list without a limit (the API's)
        assert list(selectors.signal_list(viewer, filters).values_list("pk", flat=True)) == (
            defined
        )


def test_the_searches_find_what_they_are_about(world):
    viewer = world["viewer"]

    def found(q: str) -> list[int]:
        return _defined(viewer, selectors.SignalFilters(q=q))

    # a rare word finds its one signal, a word in every description all read in full
    assert len(found("zeldzaam")) == 1
    readable = [s for s in visible(viewer, Signal) if access_for(viewer, s) == Access.FULL]
    assert len(found("fictief")) == len(readable) < visible(viewer, Signal).count()
    # "plein" finds "pleinen" too, a fragment finds a group's name and an alias
    pleinen = Signal.objects.filter(description__contains="pleinen").values_list("pk", flat=True)
    assert set(pleinen) & set(readable) <= set(found("plein"))
    assert set(found("jongens")) == {
        pk
        for pk in SignalGroup.objects.filter(group=world["group"]).values_list("signal", flat=True)
        if pk in {s.pk for s in readable}
    }
    assert found("Pleinkon")
    # a summary-only tip is not found by its description
    tips = {s.pk for s in visible(viewer, Signal) if access_for(viewer, s) == Access.SUMMARY}
    assert tips and not tips & set(found("fictief"))


def test_the_search_page_lists_the_defined_rows(world, client_for):
    # given youth work's list searched for a word in every description
    client = client_for(world["viewer"].membership)
    # when the page is read, then it lists the defined rows in order
    response = client.get("/signalen/?q=fictief")
    assert response.status_code == 200
    listed = [signal.pk for signal in response.context["page_obj"].object_list]
    assert listed == _defined(world["viewer"], selectors.SignalFilters(q="fictief"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL covering index")
def test_the_searched_groups_links_are_read_from_the_index_alone(world):
    # given the key read of a search, whose second way reads the links of the groups it names
    keys = selectors.signal_list(world["viewer"], selectors.SignalFilters(q="jongens"))
    sql = str(keys.values_list("pk", flat=True).query)
    way = next(part for part in sql.split(" UNION ") if '"signalregister_signalgroup"' in part)
    alias = re.search(r'"signalregister_signalgroup" (\w+)', way).group(1)
    read = set(re.findall(rf'\b{alias}\."(\w+)"', way))
    # when the columns of migration 0014's index are read from the catalogue
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname, a.attnum = i.indkey[0] FROM pg_index i JOIN pg_attribute a"
            " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indexrelid = %s::regclass",
            ["signalgroup_group_visible"],
        )
        columns = dict(cursor.fetchall())
    # then it is keyed on the group and holds every link column the way tests (the visibility
    # layer's copies of the signal's network, owner and category) and returns, so PostgreSQL
    # reads a group's links index-only instead of a table page per link (a bitmap heap scan)
    assert [name for name, leading in columns.items() if leading] == ["group_id"]
    assert {"group_id", "network_id", "signal_organisation_id", "category", "signal_id"} <= read
    assert read <= set(columns), read - set(columns)
