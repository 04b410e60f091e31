"""Shared pytest fixtures: a network with a covenant and members who are logged in with 2FA."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from factories import member_factory, network_factory

from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership, Network


@pytest.fixture(autouse=True)
def _english_off(settings: Any) -> None:
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture
def network(db: Any) -> Network:
    return network_factory()


@pytest.fixture
def make_member(network: Network) -> Callable[..., Membership]:
    def make(
        partner_type: str = PartnerType.YOUTH_WORK, role: str = Role.PROFESSIONAL, **kw: Any
    ) -> Membership:
        return member_factory(
            kw.pop("network", network), partner_type=partner_type, role=role, **kw
        )

    return make


def login_client(membership: Membership, *, verified: bool = True) -> Client:
    """A client logged in as the member, with the second factor given (unless told otherwise)."""
    client = Client()
    client.force_login(membership.user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = verified
    session["lont_network_id"] = membership.network_id
    session.save()
    return client


@pytest.fixture
def client_for() -> Callable[..., Client]:
    return login_client


@pytest.fixture
def viewer_for() -> Callable[[Membership], Viewer]:
    return Viewer
