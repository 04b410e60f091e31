"""Scoped by default: ``for_viewer`` is ``visible()``, and an unscoped read of a registered model
while a page or API call is served is refused (raised here, logged in production)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.db.models import Count, Prefetch
from django.test import Client
from django.utils import timezone
from factories import member_factory, organisation_factory
from subjects_factories import group_factory, person_factory, set_access

from lont.accounts import services as account_services
from lont.core import context
from lont.core.scoping import ScopedQuerySet, UnscopedQueryError, system_context
from lont.core.viewer import Viewer
from lont.core.visibility import registered_models, visible
from lont.networks import selectors as network_selectors
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.models import Membership, Organisation
from lont.signalregister import services as signal_services
from lont.signalregister.choices import PersonRole, SourceType
from lont.signalregister.models import Signal, SignalPerson
from lont.subjects.models import Group, Person

pytestmark = pytest.mark.django_db

OVERVIEW = "/netwerk/"


def signal_factory(member: Membership, *, groups=(), people=()) -> Signal:
    return signal_services.signal_create(
        viewer=Viewer(member),
        fields={
            "observed_at": timezone.now() - dt.timedelta(days=1),
            "source_type": SourceType.OPEN_ONLINE,
            "platform": "Instagram",
            "description": "Fictieve beschrijving",
        },
        parts=signal_services.SignalParts(
            people=list(people), groups=list(groups), indicators=[], attachments=[]
        ),
    )


@pytest.fixture
def world(network):
    police = member_factory(network, partner_type=PartnerType.POLICE, role=Role.COORDINATOR)
    youth = member_factory(network, partner_type=PartnerType.YOUTH_WORK)
    school = member_factory(network, partner_type=PartnerType.EDUCATION)
    director = member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    officer = member_factory(
        network,
        role=Role.PRIVACY_OFFICER,
        organisation=organisation_factory(network, "Gemeente Test", PartnerType.MUNICIPALITY),
    )
    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.NONE})
    group = group_factory(police.organisation, "Noordgroep")
    group_factory(youth.organisation, "Zuidgroep")
    person = person_factory(police.organisation, "Vos")
    signal_factory(police, groups=[group], people=[(person, PersonRole.POSSIBLE_PERPETRATOR)])
    signal_factory(youth, groups=[group])
    return {
        "police": police,
        "youth": youth,
        "school": school,
        "director": director,
        "officer": officer,
    }


def test_for_viewer_equals_visible_for_every_model_and_viewer(world):
    for member in world.values():
        viewer = Viewer(member)
        for model in [m for m in registered_models() if hasattr(m, "_meta")]:
            for minimum in (Access.SUMMARY, Access.FULL):
                scoped = model._default_manager.for_viewer(viewer, minimum=minimum)  # type: ignore[attr-defined]
                expected = visible(viewer, model, minimum=minimum)
                assert scoped.is_scoped and expected.is_scoped
                assert sorted(scoped.values_list("pk", flat=True)) == sorted(
                    expected.values_list("pk", flat=True)
                ), (model.__name__, member.organisation.name, minimum)
    # and the covenant really differs between them (the comparison is not trivially empty)
    school = Viewer(world["school"])
    assert Group.objects.for_viewer(Viewer(world["youth"])).count() == 2
    assert Group.objects.for_viewer(school).count() == 0


def test_chained_querysets_keep_the_mark(world):
    viewer = Viewer(world["police"])
    scoped = Signal.objects.for_viewer(viewer)
    chained = [
        scoped.filter(status="open"),
        scoped.exclude(pk=0).order_by("-pk"),
        scoped.select_related("organisation"),
        scoped.prefetch_related("groups"),
        scoped.values("pk"),
        scoped.values_list("pk", flat=True),
        scoped.annotate(n=Count("people")),
        scoped.distinct(),
        scoped.all()[:5],
    ]
    assert all(isinstance(qs, ScopedQuerySet) and qs.is_scoped for qs in chained)
    assert not Signal.objects.all().is_scoped
    assert not Signal.objects.filter(pk=1).is_scoped


def _serving(via: str = "page"):
    return context.acting(via=via)


def test_unscoped_reads_raise_while_a_request_is_served(world):
    with _serving():
        for evaluate in (
            lambda: list(Group.objects.all()),
            lambda: Group.objects.count(),
            lambda: Group.objects.exists(),
            lambda: Group.objects.aggregate(n=Count("pk")),
            lambda: next(Group.objects.iterator()),
            lambda: Group.objects.get(name="Noordgroep"),
            lambda: Group.objects.first(),
            lambda: list(Group.objects.values_list("name", flat=True)),
            lambda: Group.objects.filter(name="x").update(name="y"),
            lambda: Group.objects.filter(name="x").delete(),
        ):
            with pytest.raises(UnscopedQueryError, match=r"Unscoped .* of Group"):
                evaluate()
        # scoped reads pass
        viewer = Viewer(world["police"])
        assert Group.objects.for_viewer(viewer).count() == 2
        assert visible(viewer, Group).filter(name="Noordgroep").exists()


def test_related_managers_are_unscoped_unless_prefetched_through_the_layer(world):
    viewer = Viewer(world["police"])
    with _serving("api"):
        signal = Signal.objects.for_viewer(viewer).filter(people__isnull=False).get()
        with pytest.raises(UnscopedQueryError, match="SignalPerson"):
            list(signal.people.all())
        # the same rows through the layer: scoped related manager, or a scoped Prefetch
        assert signal.people.for_viewer(viewer).count() == 1
        prefetched = (
            Signal.objects.for_viewer(viewer)
            .prefetch_related(Prefetch("people", queryset=SignalPerson.objects.for_viewer(viewer)))
            .get(pk=signal.pk)
        )
        assert [p.role for p in prefetched.people.all()] == [PersonRole.POSSIBLE_PERPETRATOR]
        assert prefetched.people.count() == 1
        # a scoped queryset's plain prefetches go through the layer for the same viewer
        plain = (
            Signal.objects.for_viewer(viewer).prefetch_related("people__person").get(pk=signal.pk)
        )
        assert [p.person.alias for p in plain.people.all()] == ["Vos"]
        # an unscoped Prefetch queryset on a scoped parent is scoped too
        given = (
            Signal.objects.for_viewer(viewer)
            .prefetch_related(Prefetch("people", queryset=SignalPerson.objects.all()))
            .get(pk=signal.pk)
        )
        assert given.people.count() == 1
        # but prefetching from an unscoped parent is refused with the parent
        with pytest.raises(UnscopedQueryError):
            Signal.objects.prefetch_related("people").get(pk=signal.pk)


def test_system_context_and_work_outside_a_request_are_not_refused(world):
    assert Person.objects.count() == 1  # outside a request (tests, commands, tasks)
    with _serving(), system_context("a test reads every person"):
        assert Person.objects.count() == 1
        with system_context("nested"):
            assert Group.objects.count() == 2
        assert Group.objects.exists()  # still inside the outer opt-out
    with _serving(), pytest.raises(UnscopedQueryError):
        Person.objects.count()  # the opt-out ended with its block
    with context.acting(via="task"):
        assert Person.objects.count() == 1  # a task is system work by its acting context
    with pytest.raises(ValueError), system_context(" "):
        pass


def test_unregistered_models_are_not_guarded(world):
    from lont.networks.models import CovenantVersion

    with _serving():
        assert CovenantVersion.objects.count() >= 1


def test_production_logs_instead_of_raising(world, settings, caplog):
    settings.LONT_UNSCOPED_QUERIES = "log"
    with _serving(), caplog.at_level(logging.ERROR, logger="lont.scoping"):
        assert Group.objects.count() == 2
    assert any(
        "Unscoped count of Group" in r.getMessage() and "tests/" not in r.getMessage()
        for r in caplog.records
    )


def _client(membership: Membership) -> Client:
    from conftest import login_client

    return login_client(membership)


def test_guard_raises_on_an_unscoped_read_in_a_page(world, monkeypatch):
    client = _client(world["director"])
    assert client.get(OVERVIEW).status_code == 200  # the page itself reads through the layer

    def leaky_overview(viewer):
        return {"organisation_count": Organisation.objects.count(), "covenant": viewer.covenant}

    monkeypatch.setattr(network_selectors, "network_overview", leaky_overview)
    client.raise_request_exception = True
    with pytest.raises(UnscopedQueryError, match="Organisation"):
        client.get(OVERVIEW)


def test_guard_raises_on_an_unscoped_read_through_the_api_with_a_token(world, monkeypatch):
    _token, raw = account_services.api_token_create(
        viewer=Viewer(world["director"]), name="scope-test"
    )
    api = Client(HTTP_AUTHORIZATION=f"Token {raw}")
    response = api.get("/api/v1/organisations/")
    assert response.status_code == 200

    monkeypatch.setattr(
        network_selectors, "organisations", lambda viewer: Organisation.objects.all()
    )
    api.raise_request_exception = True
    with pytest.raises(UnscopedQueryError, match="Organisation"):
        api.get("/api/v1/organisations/")


def test_api_many_to_many_fields_read_and_accept_through_the_layer(world):
    police = world["police"]
    group = Group.objects.get(name="Noordgroep")
    person = Person.objects.get(alias="Vos")
    client = _client(police)
    client.raise_request_exception = True
    created = client.post(
        "/api/v1/subjects/assessments/",
        {"group": group.pk, "started_on": "2026-01-01", "credible_messengers": [person.pk]},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["credible_messengers"] == [person.pk]
    # a person of the network the caller may not see is not accepted as a many-to-many value
    school_person = person_factory(world["school"].organisation, "Mus")
    set_access(
        police.network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.POLICE): Access.NONE}
    )
    refused = client.patch(
        f"/api/v1/subjects/assessments/{created.json()['id']}/",
        {"credible_messengers": [school_person.pk]},
        content_type="application/json",
    )
    assert refused.status_code == 400
