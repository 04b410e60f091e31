"""Fixtures of the analyser app tests: members by role, a second network, places and entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import member_factory, network_factory

from lont.analyser.web.models import GazetteerPlace, LexiconEntry
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership, Network


@pytest.fixture
def director(make_member: Callable[..., Membership]) -> Membership:
    return make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)


@pytest.fixture
def coordinator(make_member: Callable[..., Membership]) -> Membership:
    return make_member(PartnerType.YOUTH_WORK, Role.COORDINATOR)


@pytest.fixture
def professional(make_member: Callable[..., Membership]) -> Membership:
    return make_member(PartnerType.YOUTH_WORK, Role.PROFESSIONAL)


@pytest.fixture
def other_network(db: Any) -> Network:
    return network_factory("Andere Stad Test", "andere-stad")


@pytest.fixture
def other_director(other_network: Network) -> Membership:
    return member_factory(other_network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


def make_place(network: Network, name: str = "Marktplein", **kwargs: Any) -> GazetteerPlace:
    values = {"aliases": [], "kind": "plein", "area": "Centrum", **kwargs}
    return GazetteerPlace.objects.create(network=network, name=name, **values)


def make_entry(network: Network, phrase: str = "kom naar de kooi", **kwargs: Any) -> LexiconEntry:
    values = {"kind": "call_to_action", "note": "", **kwargs}
    return LexiconEntry.objects.create(network=network, phrase=phrase, **values)


@pytest.fixture
def place_in() -> Callable[..., GazetteerPlace]:
    return make_place


@pytest.fixture
def entry_in() -> Callable[..., LexiconEntry]:
    return make_entry


@pytest.fixture(autouse=True)
def _fresh_analyser_cache() -> Any:
    # Test databases roll back and reuse ids; start every test without cached gazetteers.
    from lont.analyser.web import selectors

    selectors._cache.clear()
    yield
    selectors._cache.clear()
