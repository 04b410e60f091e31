"""A prepared query answers what its queryset answers, compiling the SQL only once per connection;
the viewer's memberships, read on every signed-in request, go through one."""

from __future__ import annotations

import pytest
from django.db.models import OuterRef, Subquery
from django.db.models.sql.compiler import SQLCompiler
from factories import member_factory, network_factory

from lont.core.prepared import PreparedQuery
from lont.networks.choices import PartnerType, Role
from lont.networks.models import CovenantVersion, Membership
from lont.networks.selectors import active_memberships

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
