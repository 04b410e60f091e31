"""A prepared query answers what its queryset answers, compiling the SQL only once per connection;
the viewer's memberships, read on every signed-in request, go through one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import OuterRef, Subquery
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from factories import member_factory, network_factory

from lont.core import visibility
from lont.core.choices import Access
from lont.core.prepared import PreparedQuery, ViewerQuery
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import PartnerType, Role
from lont.networks.models import CovenantVersion, Membership
from lont.networks.selectors import active_memberships
from lont.signalregister import services as signal_services
from lont.signalregister.choices import SourceType
from lont.signalregister.models import Signal

pytestmark = pytest.mark.django_db


def memberships_of(user_id: int, role: str):
    newest = CovenantVersion.objects.filter(network_id=OuterRef("network_id")).order_by("-number")
    return (
        Membership.objects.filter(user_id=user_id, role=role, is_active=True)
        .select_related("network", "organisation")
        .annotate(active_covenant_pk=Subquery(newest.values("pk")[:1]))
        .order_by("network__name")
    )


def described(memberships: list[Membership]) -> list[tuple]:
    return [
        (
            m.pk,
            m.role,
            m.created_at,
            m.network.name,
            m.organisation.partner_type,
            m.organisation.powers,
            m.active_covenant_pk,  # type: ignore[attr-defined]
        )
        for m in memberships
    ]


@pytest.fixture
def member_of_two_networks(network):
    first = member_factory(network, partner_type=PartnerType.POLICE, role=Role.PROFESSIONAL)
    zuid = network_factory("Voorbeeldstad Zuid", "zuid")
    member_factory(zuid, user=first.user, role=Role.PROFESSIONAL)
    member_factory(network, role=Role.COORDINATOR)  # someone else
    return first.user


def test_gives_the_rows_related_rows_and_annotations_of_its_queryset(member_of_two_networks):
    prepared = PreparedQuery(memberships_of, user_id=int, role=str)
    user = member_of_two_networks
    expected = described(list(memberships_of(user.pk, Role.PROFESSIONAL)))
    assert len(expected) == 2
    assert described(prepared(user_id=user.pk, role=Role.PROFESSIONAL)) == expected
    # other arguments, other rows: the arguments are not fixed at the first call
    assert prepared(user_id=user.pk, role=Role.DIRECTOR) == []


def test_compiles_once_and_then_only_executes(
    member_of_two_networks, monkeypatch, django_assert_num_queries
):
    prepared = PreparedQuery(memberships_of, user_id=int, role=str)
    prepared(user_id=member_of_two_networks.pk, role=Role.PROFESSIONAL)
    compiled = []
    original = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)
    )
    with django_assert_num_queries(1):
        rows = prepared(user_id=member_of_two_networks.pk, role=Role.PROFESSIONAL)
    assert len(rows) == 2
    assert compiled == []


def test_refuses_a_queryset_that_ignores_an_argument(network):
    prepared = PreparedQuery(lambda user_id: Membership.objects.all(), user_id=int)
    with pytest.raises(ValueError, match="user_id"):
        prepared(user_id=1)


def test_the_viewers_memberships_point_at_the_signed_in_user_without_reading_it_again(
    member_of_two_networks, django_assert_num_queries
):
    user = member_of_two_networks
    with django_assert_num_queries(1):
        memberships = active_memberships(user)
        assert [m.user for m in memberships] == [user, user]
        assert all(m.user is user for m in memberships)
        assert [m.network.name for m in memberships] == ["Voorbeeldstad Test", "Voorbeeldstad Zuid"]


# A read through the visibility layer, compiled once per viewer key (lont.core.prepared.ViewerQuery).


def recent_signals(viewer, since):
    return (
        visible(viewer, Signal.objects.filter(registered_at__gt=since))
        .select_related("organisation")
        .order_by("pk")
    )


def signal_fields(viewer):
    return visible(viewer, Signal, minimum=Access.FULL).order_by("pk").values_list("pk", "category")


def signal_of(member: Membership, source_type: str) -> Signal:
    return signal_services.signal_create(
        viewer=Viewer(member),
        fields={
            "observed_at": timezone.now() - dt.timedelta(days=1),
            "source_type": source_type,
            "platform": "Instagram",
            "description": "Fictieve beschrijving",
        },
        parts=signal_services.SignalParts(people=[], groups=[], indicators=[], attachments=[]),
    )


@pytest.fixture
def viewers_and_signals(network):
    police = member_factory(network, partner_type=PartnerType.POLICE)
    youth = member_factory(network, partner_type=PartnerType.YOUTH_WORK)
    director = member_factory(network, role=Role.DIRECTOR)
    observer = member_factory(network, role=Role.OBSERVER, organisation=police.organisation)
    other = member_factory(network_factory("Voorbeeldstad Zuid", "zuid"))
    members = [police, youth, director, observer, other]
    long_ago = timezone.now() - dt.timedelta(days=30)
    for member in (police, youth, director, other):  # an observer writes nothing
        for source_type in (SourceType.OPEN_ONLINE, SourceType.TIP_ANONYMOUS):
            signal_of(member, source_type)
        old = signal_of(member, SourceType.OWN_OFFLINE)
        Signal.objects.filter(pk=old.pk).update(registered_at=long_ago)
    return [Viewer(m) for m in members]


def test_a_viewer_query_answers_what_its_queryset_answers_for_every_viewer(viewers_and_signals):
    query = ViewerQuery(recent_signals, since=dt.datetime)
    fields = ViewerQuery(signal_fields)
    since = timezone.now() - dt.timedelta(days=14)
    # Twice round: the second time every viewer's read is compiled already (kept per key).
    for _round in range(2):
        for viewer in viewers_and_signals:
            expected = list(recent_signals(viewer, since))
            rows = query(viewer, since=since)
            assert [(s.pk, s.organisation.name, s.category) for s in rows] == [
                (s.pk, s.organisation.name, s.category) for s in expected
            ]
            assert fields(viewer) == list(signal_fields(viewer))
    sees = {
        (tuple(s.pk for s in query(v, since=since)), tuple(fields(v))) for v in viewers_and_signals
    }
    assert len(sees) >= 3  # the viewers see different rows: nothing was answered for another


def test_a_viewer_query_takes_its_datetime_argument_each_time(viewers_and_signals):
    query = ViewerQuery(recent_signals, since=dt.datetime)
    viewer = viewers_and_signals[0]
    recent = query(viewer, since=timezone.now() - dt.timedelta(days=14))
    everything = query(viewer, since=timezone.now() - dt.timedelta(days=60))
    assert len(everything) > len(recent) > 0


def test_a_viewer_query_reads_only_through_the_layer(network):
    viewer = Viewer(member_factory(network))
    with pytest.raises(ValueError, match="visibility layer"):
        ViewerQuery(lambda v: Signal.objects.order_by("pk"))(viewer)


class _Recording:
    """A stand-in for the viewer (and what it hands out) that notes every attribute read."""

    def __init__(self, target, path, seen):
        self._target, self._path, self._seen = target, path, seen

    def __getattr__(self, name):
        path = f"{self._path}{name}"
        self._seen.add(path)
        value = getattr(self._target, name)
        if name in {"network", "organisation", "user", "covenant"} and value is not None:
            return _Recording(value, f"{path}.", self._seen)
        return value


def test_the_viewer_key_holds_everything_of_the_viewer_the_layer_reads(viewers_and_signals):
    # What a ViewerQuery keeps per key is right for every viewer with that key only if the
    # layer's SQL depends on nothing of the viewer outside it (the covenant version: its id).
    in_key = {
        "network",
        "network.pk",
        "organisation",
        "organisation.pk",
        "organisation.partner_type",
        "organisation.powers",
        "user",
        "user.pk",
        "role",
        "reads_case_content",  # the role's
        "covenant",
    }
    for viewer in viewers_and_signals:
        for model in visibility.registered_models():
            for minimum in (Access.SUMMARY, Access.FULL):
                seen: set[str] = set()
                recording = _Recording(viewer, "", seen)
                str(visible(recording, model, minimum=minimum).query)  # type: ignore[arg-type]
                outside = {p for p in seen - in_key if not p.startswith("covenant.")}
                assert not outside, (model.__name__, outside)
