"""The one visibility layer: for every partner type, information category and covenant level,
the viewer gets exactly what the covenant grants — capped by the law and by role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError

from lont.core import visibility
from lont.core.viewer import Viewer
from lont.networks import covenant_rules
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.services import covenant_change

pytestmark = pytest.mark.django_db


@dataclass
class Item:
    """A stand-in for a registered model: only the attributes the layer reads."""

    network_id: int
    organisation_id: int
    category: str
    pk: int = 1


@pytest.fixture(autouse=True, scope="module")
def _item_registered() -> Iterator[None]:
    # Registered for this module only: the registry-generated tests (canary matrix, retention,
    # lint) must never meet a stand-in without a database table.
    visibility.register(Item, category_field="category")  # type: ignore[arg-type]
    yield
    visibility.unregister(Item)  # type: ignore[arg-type]


def _set_level(director: Viewer, category: str, partner_type: str, level: Access) -> None:
    sharing = {c: dict(row) for c, row in director.covenant.sharing.items()}  # type: ignore[union-attr]
    sharing[category][partner_type] = int(level)
    covenant_change(viewer=director, reason="test", sharing=sharing)


PARTNER_TYPES = [
    PartnerType.POLICE,
    PartnerType.YOUTH_WORK,
    PartnerType.EDUCATION,
    PartnerType.CARE,
    PartnerType.HOUSING,
    PartnerType.PROSECUTION,
]


@pytest.mark.parametrize("partner_type", PARTNER_TYPES)
@pytest.mark.parametrize("category", [c.value for c in InformationCategory])
@pytest.mark.parametrize("level", [Access.NONE, Access.SUMMARY, Access.FULL])
def test_access_follows_the_covenant_capped_by_law(
    network, make_member, partner_type, category, level
):
    director = Viewer(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    owner = make_member(PartnerType.MUNICIPALITY)
    viewer_membership = make_member(partner_type)
    ceiling = covenant_rules.legal_ceiling(
        category, partner_type, viewer_membership.organisation.powers
    )
    default_ceiling = covenant_rules.legal_ceiling(
        category, partner_type, covenant_rules.DEFAULT_POWERS.get(partner_type, frozenset())
    )
    if level > default_ceiling:
        with pytest.raises(ValidationError):
            _set_level(director, category, partner_type, level)
        return
    _set_level(director, category, partner_type, level)
    viewer = Viewer(viewer_membership)
    item = Item(network_id=network.pk, organisation_id=owner.organisation_id, category=category)
    assert visibility.access_for(viewer, item) == min(level, ceiling)


def test_own_organisation_always_sees_its_own_records_in_full(network, make_member):
    member = make_member(PartnerType.EDUCATION)
    item = Item(network.pk, member.organisation_id, InformationCategory.CRIMINAL)
    assert visibility.access_for(Viewer(member), item) == Access.FULL


def test_other_networks_see_nothing(network, make_member):
    from factories import network_factory

    other = network_factory("Andere stad", "andere")
    member = make_member(PartnerType.POLICE, network=other)
    item = Item(network.pk, 999, InformationCategory.ONLINE_OPEN_SOURCE)
    assert visibility.access_for(Viewer(member), item) == Access.NONE


@pytest.mark.parametrize("role", [Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_privacy_officer_and_administrator_never_read_case_content(network, make_member, role):
    member = make_member(PartnerType.MUNICIPALITY, role)
    item = Item(network.pk, member.organisation_id, InformationCategory.ONLINE_OPEN_SOURCE)
    assert visibility.access_for(Viewer(member), item) == Access.NONE


def test_director_sees_at_least_a_summary_of_everything(network, make_member):
    director = Viewer(make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR))
    other = make_member(PartnerType.CARE)
    item = Item(network.pk, other.organisation_id, InformationCategory.CARE)
    assert visibility.access_for(director, item) == Access.SUMMARY


def test_without_a_covenant_nothing_of_others_is_shared(db, make_member):
    from factories import member_factory, network_factory

    bare = network_factory("Zonder convenant", "zonder", covenant=False)
    viewer = Viewer(member_factory(bare, partner_type=PartnerType.POLICE))
    item = Item(bare.pk, 12345, InformationCategory.ONLINE_OPEN_SOURCE)
    assert visibility.access_for(viewer, item) == Access.NONE


def test_the_law_caps_an_organisation_without_the_power(network, make_member):
    """Even if a covenant once granted it, a police unit without the criminal-data power
    (configured per organisation) gets a summary, not the content."""
    member = make_member(PartnerType.POLICE)
    member.organisation.legal_powers = []
    member.organisation.save()
    item = Item(network.pk, 999, InformationCategory.CRIMINAL)
    assert visibility.access_for(Viewer(member), item) == Access.SUMMARY


def test_unregistered_models_are_refused():
    class Unregistered:
        pass

    with pytest.raises(LookupError):
        visibility.registration_for(Unregistered)  # type: ignore[arg-type]


@pytest.mark.parametrize("partner_type", PARTNER_TYPES)
def test_api_reports_the_same_access_as_the_layer(network, make_member, client_for, partner_type):
    member = make_member(partner_type)
    response = client_for(member).get("/api/v1/me/access/")
    assert response.status_code == 200
    reported = response.json()["access"]
    viewer = Viewer(member)
    for category in InformationCategory:
        expected = viewer.covenant.access_for(
            category=category.value, organisation=member.organisation
        )  # type: ignore[union-attr]
        assert reported[str(category.label)] == int(expected)
