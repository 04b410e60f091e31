"""The viewer: a user acting in one network through one membership, with the covenant in force.

The models live in ``lont.networks`` (one layer up): core imports them for type checking only, and
the networks app installs how memberships are found (:func:`set_membership_source`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .choices import READ_ONLY_ROLES, ROLES_WITHOUT_CASE_CONTENT, Role

if TYPE_CHECKING:
    # Types only (the one exemption in the layer contracts, pyproject.toml): the viewer hands out
    # the networks models, and callers type-check against them. Nothing here runs at import time.
    from lont.networks.models import CovenantVersion, Membership, Network, Organisation


T = TypeVar("T")
MembershipSource = Callable[[Any], list["Membership"]]
_membership_source: MembershipSource | None = None


def set_membership_source(source: MembershipSource) -> None:
    """Installed by the networks app: a user's active memberships (given the user)."""
    global _membership_source
    _membership_source = source


def active_memberships(user: Any) -> list[Membership]:
    if _membership_source is None:
        raise RuntimeError("No membership source installed (lont.networks must be installed).")
    return _membership_source(user)


_UNKNOWN = object()
# Covenant versions by id, the same for everyone: a version never changes once made (its save
# refuses an update), so a version read once serves every later request of this process. Which
# version is in force is still read per request (``active_covenant_pk``): a new one shows at once.
_COVENANT_VERSIONS: dict[int, CovenantVersion] = {}
_COVENANT_VERSIONS_KEPT = 64


def _covenant_version(network: Network, pk: int) -> CovenantVersion | None:
    """The version, as this viewer's own copy pointing at this request's network (the kept one
    holds no request's objects); its contents are shared, as they never change."""
    shared = _COVENANT_VERSIONS.get(pk)
    if shared is None:
        shared = network.covenant_versions.filter(pk=pk).first()
        if shared is None:
            return None
        shared._state.fields_cache.clear()
        if len(_COVENANT_VERSIONS) >= _COVENANT_VERSIONS_KEPT:
            _COVENANT_VERSIONS.clear()
        _COVENANT_VERSIONS[pk] = shared
    version = copy.copy(shared)
    version._meta.get_field("network").set_cached_value(version, network)
    return version


# What a covenant version grants, worked out once per version and the asker's partner type,
# powers and role (the same for everyone who shares them): the visibility layer asks it for every
# row and every scoped query.
_COVENANT_ANSWERS: dict[tuple[Any, ...], Any] = {}
_COVENANT_ANSWERS_KEPT = 4096


def covenant_memo(
    covenant: CovenantVersion | None, key: tuple[Any, ...], compute: Callable[[], T]
) -> T:
    """``compute()``, kept per covenant version and ``key`` (which must hold everything besides
    the version that the answer depends on)."""
    if covenant is None or covenant.pk is None:
        return compute()
    full = (covenant.pk, *key)
    if full in _COVENANT_ANSWERS:
        return _COVENANT_ANSWERS[full]
    if len(_COVENANT_ANSWERS) >= _COVENANT_ANSWERS_KEPT:
        _COVENANT_ANSWERS.clear()
    value = _COVENANT_ANSWERS[full] = compute()
    return value


def forget_covenant_versions(**_signal: Any) -> None:
    _COVENANT_VERSIONS.clear()
    _COVENANT_ANSWERS.clear()


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
        pk: Any = getattr(self.membership, "active_covenant_pk", _UNKNOWN)
        if pk is _UNKNOWN:  # a membership read elsewhere than the middleware's lookup
            return self.network.active_covenant()
        return None if pk is None else _covenant_version(self.network, pk)

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
