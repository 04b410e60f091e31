"""The API world for the schema-driven tests: two networks, each with signals, groups and
people, and two token callers in the first — the network director and a summary-level reader.

``api_world`` is the hook for the canary matrix: a fixture that builds a richer world may
override it (same name, a closer ``conftest.py`` or the test module) as long as it returns an
``ApiWorld``. Every string in ``canaries`` sits in a field only a full reader may see; the
schemathesis test asserts no reader response contains one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from factories import member_factory, network_factory
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.accounts.services import api_token_create
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.models import Membership
from lont.signalregister.choices import PersonRole

C = InformationCategory


@dataclass
class ApiWorld:
    director: Membership
    reader: Membership
    tokens: dict[str, str]  # role name → raw token
    canaries: set[str] = field(default_factory=set)  # the reader may not see these
    foreign: set[str] = field(default_factory=set)  # another network's: nobody here sees these


def _fill(owner: Membership, tag: str, canaries: set[str]) -> None:
    """A few rows owned by ``owner``: every full-only field carries a unique canary."""
    for number in range(2):
        marks = {name: f"KANARIE-{tag}-{name}-{number}" for name in ("sig", "grp", "str", "per")}
        canaries.update(marks.values())
        group = group_factory(
            owner.organisation,
            name=f"Groep {tag} {number}",
            description=marks["grp"],
            strengths=marks["str"],
        )
        person = person_factory(owner.organisation, alias=f"Alias-{tag}-{number}")
        person.real_name = marks["per"]
        person.save()
        signal_factory(
            owner,
            description=marks["sig"],
            groups=[group],
            people=[(person, PersonRole.POSSIBLE_PERPETRATOR)],
        )


def _token(member: Membership) -> str:
    _row, raw = api_token_create(viewer=Viewer(member), name="schemathesis", days=1)
    return raw


@pytest.fixture
def api_world(network: Any) -> ApiWorld:
    director = member_factory(network, partner_type=PartnerType.MUNICIPALITY, role=Role.DIRECTOR)
    police = member_factory(network, partner_type=PartnerType.POLICE, role=Role.PROFESSIONAL)
    reader = member_factory(network, partner_type=PartnerType.EDUCATION, role=Role.PROFESSIONAL)
    # the school reads the police's signals, groups and people only as a summary
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.EDUCATION): Access.SUMMARY,
            (C.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.SUMMARY,
        },
    )
    canaries: set[str] = set()
    foreign: set[str] = set()
    _fill(police, "A", canaries)
    other = network_factory("Voorbeeldstad Zuid", "zuid")
    _fill(member_factory(other, partner_type=PartnerType.POLICE), "B", foreign)
    return ApiWorld(
        director=director,
        reader=reader,
        tokens={"director": _token(director), "reader": _token(reader)},
        canaries=canaries | foreign,
        foreign=foreign,
    )
