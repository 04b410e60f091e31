"""Fairness aggregates (small cells suppressed), query counts, parameters, demo."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse

from lont.assessment import selectors, services
from lont.assessment.models import EngineParameterSet, Situation
from lont.engine import DEFAULT_PARAMETERS
from lont.networks.choices import PartnerType, Role
from lont.subjects.models import Person

pytestmark = pytest.mark.django_db


def _person(member, n, band):
    return Person.objects.create(
        network=member.network,
        organisation=member.organisation,
        alias=f"Alias{n}",
        review_date=dt.date(2099, 1, 1),
        category="group_analysis",
        age_band=band,
        area="Noorderhaven",
    )


def test_fairness_suppresses_small_cells(make_member, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    six = [_person(youth, i, "16-17") for i in range(6)]
    two = [_person(youth, 10 + i, "12-15") for i in range(2)]
    signal_factory(youth, people=tuple((p, "involved") for p in six + two))
    tables = selectors.fairness(viewer_for(director))
    ages = dict(tables["age"])
    assert ages["16-17"] == ["6"]
    assert ages["12-15"] == ["<5"]
    assert dict(tables["area"])["Noorderhaven"] == ["8"]


def _grow(member, n):
    for _ in range(n):
        situation_factory(member, signal_factory(member, days_ago=0.5))


@pytest.mark.parametrize(
    "name",
    ["assessment:dashboard", "assessment:situations", "assessment:actions", "assessment:meetings"],
)
def test_list_queries_are_constant(make_member, client_for, django_assert_max_num_queries, name):
    youth = make_member(PartnerType.YOUTH_WORK)
    client = client_for(youth)
    url = reverse(name)
    _grow(youth, 2)
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    _grow(youth, 8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_dashboard_queries_stay_flat_past_what_it_reads(
    make_member, client_for, django_assert_max_num_queries, monkeypatch
):
    # given a dashboard that reads three situations, lists two per level and counts new signals
    # up to three (small limits, so a few rows pass them)
    for name, value in [
        ("SITUATIONS_READ", 3),
        ("PER_LEVEL", 2),
        ("NEW_SIGNALS_SHOWN", 2),
        ("NEW_SIGNALS_CAP", 3),
    ]:
        monkeypatch.setattr(selectors, name, value)
    youth = make_member(PartnerType.YOUTH_WORK)
    client = client_for(youth)
    url = reverse("assessment:dashboard")
    _grow(youth, 1)
    client.get(url)  # the first visit: later ones count what is new since
    _grow(youth, 1)
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    # when the network grows past every limit
    _grow(youth, 7)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    # then the page says so, in as many queries as before
    assert "meer dan 3" in page
    assert "(9)" in page  # every situation of the level counted, two listed
    assert len(re.findall(r'href="/duiding/situaties/\d+/"', page)) == 2


def test_parameters_versioned_by_the_director(make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    pro = make_member(PartnerType.YOUTH_WORK)
    url = reverse("assessment:parameters")
    assert client_for(pro).get(url).status_code == 403
    data = DEFAULT_PARAMETERS.to_dict()
    data["half_life_days"] = 0
    bad = client_for(director).post(
        url, {"parameters": __import__("json").dumps(data), "reason": "Test"}
    )
    assert bad.status_code == 400 and "halfwaardetijd" in bad.content.decode()
    assert not EngineParameterSet.objects.exists()
    data["half_life_days"] = 7
    ok = client_for(director).post(
        url, {"parameters": __import__("json").dumps(data), "reason": "Sneller vergeten"}
    )
    assert ok.status_code == 302
    row = EngineParameterSet.objects.get()
    assert row.number == 2 and row.data["half_life_days"] == 7


def test_parameters_service_refuses_others(make_member, viewer_for):
    pro = make_member(PartnerType.YOUTH_WORK)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.parameters_create(viewer=viewer_for(pro), data={}, reason="x")


def test_situation_page_queries_are_constant(
    make_member, client_for, viewer_for, django_assert_max_num_queries
):
    youth = make_member(PartnerType.YOUTH_WORK)
    client = client_for(youth)
    situation = situation_factory(youth, signal_factory(youth, days_ago=1))
    url = situation.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    more = [signal_factory(youth, days_ago=d) for d in range(2, 12)]
    services.situation_link_signals(viewer=viewer_for(youth), situation=situation, signals=more)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_finding_5_fairness_privacy_officer_sees_no_group_names_and_no_victims(
    make_member, viewer_for, client_for
):
    from subjects.subjects_factories import group_factory

    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    officer = make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)
    group = group_factory(youth.organisation, "Kanaalkrew 7731")
    # given six involved people and, on the same signal, six victims, witnesses and tipsters
    involved = [_person(youth, i, "16-17") for i in range(6)]
    protected = [_person(youth, 20 + i, "12-15") for i in range(6)]
    roles = ("victim", "witness", "tipster")
    signal_factory(
        youth,
        people=tuple((p, "involved") for p in involved)
        + tuple((p, roles[i % 3]) for i, p in enumerate(protected)),
        groups=(group,),
    )
    # then only the involved count, per age band, area and group
    for member in (director, officer):
        tables = selectors.fairness(viewer_for(member))
        assert dict(tables["age"]) == {"16-17": ["6"]}
    # areas are typed on a person's record: named for the director, numbered for the FG
    assert dict(selectors.fairness(viewer_for(director))["area"]) == {"Noorderhaven": ["6"]}
    assert dict(selectors.fairness(viewer_for(officer))["area"]) == {"Gebied 1": ["6"]}
    # and the director reads the group's name, the privacy officer a number
    assert dict(selectors.fairness(viewer_for(director))["group"]) == {"Kanaalkrew 7731": ["6"]}
    assert dict(selectors.fairness(viewer_for(officer))["group"]) == {"Groep 1": ["6"]}
    page = client_for(officer).get(reverse("assessment:fairness")).content.decode()
    assert "Kanaalkrew 7731" not in page and "Groep 1" in page
    assert (
        "Kanaalkrew 7731"
        in client_for(director).get(reverse("assessment:fairness")).content.decode()
    )


def test_finding_5_fairness_tells_none_from_fewer_than_five(make_member, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    director = make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    now = dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
    # given two people in one quarter and nobody of that age band in the next
    two = [_person(youth, i, "12-15") for i in range(2)]
    six = [_person(youth, 10 + i, "16-17") for i in range(6)]
    first = signal_factory(youth, people=tuple((p, "involved") for p in two + six))
    second = signal_factory(youth, people=tuple((p, "possible_perpetrator") for p in six))
    first.observed_at = now - dt.timedelta(days=90)
    first.save()
    second.observed_at = now
    second.save()
    tables = selectors.fairness(viewer_for(director))
    # then one cell says "<5" (one to four) and the other "0" (none)
    assert dict(tables["age"])["12-15"] == ["<5", "0"]
    assert dict(tables["age"])["16-17"] == ["6", "6"]


def test_the_dashboard_builds_only_the_situations_it_shows(make_member, viewer_for, monkeypatch):
    # given more situations at one level than the dashboard lists per level
    youth = make_member(PartnerType.YOUTH_WORK)
    for _ in range(selectors.PER_LEVEL + 5):
        situation_factory(youth)
    built: list[int] = []
    from_db = Situation.from_db.__func__  # type: ignore[attr-defined]

    def counting(cls, *args, **kwargs):
        obj = from_db(cls, *args, **kwargs)
        built.append(obj.pk)
        return obj

    monkeypatch.setattr(Situation, "from_db", classmethod(counting))
    # when the dashboard is read
    board = selectors.dashboard(viewer_for(youth), None)
    # then it lists PER_LEVEL of them, and built no others (the rest are counted, not loaded)
    listed = [s.pk for _level, rows, _count in board["by_level"] for s in rows]
    assert len(listed) == selectors.PER_LEVEL
    assert sorted(built) == sorted(listed)
    assert sum(count for _level, _rows, count in board["by_level"]) == selectors.PER_LEVEL + 5
