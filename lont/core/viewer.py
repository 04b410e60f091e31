"""The viewer: a user acting in one network through one membership, with the covenant in force.

The models live in ``lont.networks`` (one layer up): core imports them for type checking only, and
the networks app installs how memberships are found (:func:`set_membership_source`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .choices import READ_ONLY_ROLES, ROLES_WITHOUT_CASE_CONTENT, Role

if TYPE_CHECKING:
    # Types only (the one exemption in the layer contracts, pyproject.toml): the viewer hands out
    # the networks models, and callers type-check against them. Nothing here runs at import time.
    from lont.networks.models import CovenantVersion, Membership, Network, Organisation


MembershipSource = Callable[[int], list["Membership"]]
_membership_source: MembershipSource | None = None


def set_membership_source(source: MembershipSource) -> None:
    """Installed by the networks app: a user's active memberships, by user id."""
    global _membership_source
    _membership_source = source


def active_memberships(user_id: int) -> list[Membership]:
    if _membership_source is None:
        raise RuntimeError("No membership source installed (lont.networks must be installed).")
    return _membership_source(user_id)


# What each role may do. Checked centrally (views, API and services ask ``viewer.can``).
PERMISSIONS: dict[str, frozenset[str]] = {
    "case.read": frozenset({Role.DIRECTOR, Role.COORDINATOR, Role.PROFESSIONAL, Role.OBSERVER}),
    "case.write": frozenset({Role.DIRECTOR, Role.COORDINATOR, Role.PROFESSIONAL}),
    "covenant.read": frozenset(set(Role)),
    "covenant.change": frozenset({Role.DIRECTOR}),
    "members.read": frozenset(set(Role)),
    "members.manage": frozenset({Role.DIRECTOR, Role.COORDINATOR}),
    "indicators.change": frozenset({Role.DIRECTOR}),
    "audit.read": frozenset({Role.PRIVACY_OFFICER}),
    "knowledge.read": frozenset(set(Role)),
    "fairness.read": frozenset({Role.DIRECTOR, Role.PRIVACY_OFFICER}),
    # data-subject requests: the FG starts them, the director may be the second pair of eyes
    "privacy.requests": frozenset({Role.DIRECTOR, Role.PRIVACY_OFFICER}),
    "analyser.manage": frozenset({Role.DIRECTOR, Role.COORDINATOR}),
}

# Who may give which role (invitations, password resets): coordinators never create directors or
# privacy officers.
GRANTABLE_ROLES: dict[str, set[str]] = {
    Role.DIRECTOR: set(Role),
    Role.COORDINATOR: {Role.COORDINATOR, Role.PROFESSIONAL, Role.OBSERVER},
}


@dataclass(frozen=True)
class Viewer:
    membership: Membership

    @property
    def user(self) -> Any:
        return self.membership.user

    @property
    def network(self) -> Network:
        return self.membership.network

    @property
    def organisation(self) -> Organisation:
        return self.membership.organisation

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def partner_type(self) -> str:
        return self.organisation.partner_type

    @property
    def powers(self) -> frozenset[str]:
        return self.organisation.powers

    @cached_property
    def covenant(self) -> CovenantVersion | None:
        return self.network.active_covenant()

    @property
    def reads_case_content(self) -> bool:
        return self.role not in ROLES_WITHOUT_CASE_CONTENT

    @property
    def is_read_only(self) -> bool:
        return self.role in READ_ONLY_ROLES

    def can(self, permission: str) -> bool:
        allowed = PERMISSIONS.get(permission)
        if allowed is None:
            raise KeyError(f"Unknown permission {permission!r}")
        return self.role in allowed

    def manages_organisation(self, organisation: Organisation) -> bool:
        if self.role == Role.DIRECTOR:
            return organisation.network_id == self.network.pk
        return self.role == Role.COORDINATOR and organisation.pk == self.organisation.pk
