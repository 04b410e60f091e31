"""Writes of the network domain: networks, organisations, memberships and covenant versions."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import covenant_version_activated_event, member_deactivated_event

from . import covenant_rules
from .models import CovenantVersion, Membership, Network, Organisation
from .signals import covenant_activated

DEFAULT_OBSERVATION_THRESHOLDS = {"count_30_days": 3, "span_weeks": 6, "total": 10}

# What the apps above need to set up for a new network (the knowledge app seeds the indicator
# catalogue), run in the creating transaction. Registered in their AppConfig.ready.
_ON_NETWORK_CREATED: list[Callable[[Network], Any]] = []


def on_network_created(hook: Callable[[Network], Any]) -> None:
    if hook not in _ON_NETWORK_CREATED:
        _ON_NETWORK_CREATED.append(hook)


@transaction.atomic
def network_create(*, name: str, slug: str, area_description: str = "") -> Network:
    network = Network(name=name, slug=slug, area_description=area_description)
    network.full_clean()
    network.save()
    for hook in _ON_NETWORK_CREATED:
        hook(network)
    return network


@transaction.atomic
def organisation_create(
    *,
    network: Network,
    name: str,
    partner_type: str,
    legal_powers: list[str] | None = None,
    description: str = "",
) -> Organisation:
    powers = (
        sorted(covenant_rules.DEFAULT_POWERS.get(partner_type, frozenset()))
        if legal_powers is None
        else sorted(legal_powers)
    )
    organisation = Organisation(
        network=network,
        name=name,
        partner_type=partner_type,
        legal_powers=powers,
        description=description,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def default_covenant_content() -> dict[str, Any]:
    return {
        "sharing": copy.deepcopy(
            {str(k): dict(v) for k, v in covenant_rules.DEFAULT_SHARING.items()}
        ),
        "retention_days": {str(k): v for k, v in covenant_rules.DEFAULT_RETENTION_DAYS.items()},
        "tasks": {str(k): list(v) for k, v in covenant_rules.DEFAULT_TASKS.items()},
        "escalation_levels": copy.deepcopy(covenant_rules.DEFAULT_ESCALATION_LEVELS),
        "working_method": dict(covenant_rules.DEFAULT_WORKING_METHOD),
        "observation_thresholds": dict(DEFAULT_OBSERVATION_THRESHOLDS),
    }


def _validate_content(content: dict[str, Any]) -> None:
    problems = covenant_rules.validate_sharing(content["sharing"])
    problems += covenant_rules.retention_problems(content["retention_days"])
    if problems:
        raise ValidationError([problem.message for problem in problems])


@transaction.atomic
def covenant_version_create(
    *,
    network: Network,
    actor: Any,
    reason: str,
    director_organisation: Organisation | None,
    director: Any = None,
    privacy_officer: Any = None,
    content: dict[str, Any] | None = None,
) -> CovenantVersion:
    """Record a new covenant version; from this moment it is the one the system enforces."""
    if not reason.strip():
        raise ValidationError("Geef een reden voor deze convenantversie.")
    content = content or default_covenant_content()
    _validate_content(content)
    if director_organisation is not None and director_organisation.network_id != network.pk:
        raise ValidationError("De regisseur moet tot een partner van dit netwerk behoren.")
    latest = (
        CovenantVersion.objects.select_for_update()
        .filter(network=network)
        .order_by("-number")
        .first()
    )
    version = CovenantVersion(
        network=network,
        number=(latest.number + 1) if latest else 1,
        reason=reason.strip(),
        created_by=actor,
        director_organisation=director_organisation,
        director=director,
        privacy_officer=privacy_officer,
        sharing=content["sharing"],
        retention_days=content["retention_days"],
        tasks=content["tasks"],
        escalation_levels=content["escalation_levels"],
        working_method=content["working_method"],
        observation_thresholds=content.get(
            "observation_thresholds", dict(DEFAULT_OBSERVATION_THRESHOLDS)
        ),
    )
    version.full_clean()
    version.save()
    covenant_version_activated_event(version=version, actor=actor)
    covenant_activated.send(sender=CovenantVersion, version=version, previous=latest)
    return version


def covenant_change(*, viewer: Any, reason: str, **changes: Any) -> CovenantVersion:
    """A director's change: the active version with ``changes`` applied becomes a new version."""
    if not viewer.can("covenant.change"):
        raise PermissionDenied
    current = viewer.network.active_covenant()
    content = (
        default_covenant_content()
        if current is None
        else {
            "sharing": copy.deepcopy(current.sharing),
            "retention_days": dict(current.retention_days),
            "tasks": copy.deepcopy(current.tasks),
            "escalation_levels": copy.deepcopy(current.escalation_levels),
            "working_method": dict(current.working_method),
            "observation_thresholds": dict(current.observation_thresholds),
        }
    )
    people = {
        "director_organisation": current.director_organisation if current else None,
        "director": current.director if current else None,
        "privacy_officer": current.privacy_officer if current else None,
    }
    for key, value in changes.items():
        if key in people:
            people[key] = value
        elif key in content:
            content[key] = value
        else:
            raise ValueError(f"Unknown covenant field {key!r}")
    return covenant_version_create(
        network=viewer.network, actor=viewer.user, reason=reason, content=content, **people
    )


# What ends with a membership in the apps above (accounts revokes its API tokens and sessions),
# run in the deactivating transaction. Registered in their AppConfig.ready.
_ON_MEMBERSHIP_DEACTIVATED: list[Callable[[Membership], Any]] = []


def on_membership_deactivated(hook: Callable[[Membership], Any]) -> None:
    if hook not in _ON_MEMBERSHIP_DEACTIVATED:
        _ON_MEMBERSHIP_DEACTIVATED.append(hook)


@transaction.atomic
def membership_deactivate(*, viewer: Any, membership: Membership, reason: str) -> Membership:
    """End a membership: its API tokens are revoked and, with no other active membership,
    the account is disabled and every session ends at once (security stamp rotated)."""
    if not viewer.manages_organisation(membership.organisation):
        raise PermissionDenied(_("U beheert alleen de leden van uw eigen organisatie."))
    if membership.user_id == viewer.user.pk:
        # PermissionDenied, not ValidationError: the page posting here has no form to show an
        # error on, and an uncaught ValidationError was a server error (500).
        raise PermissionDenied(_("U kunt uw eigen lidmaatschap niet deactiveren."))
    membership.is_active = False
    membership.deactivated_at = timezone.now()
    membership.save()
    for hook in _ON_MEMBERSHIP_DEACTIVATED:
        hook(membership)
    member_deactivated_event(membership=membership, actor=viewer.user, reason=reason)
    return membership
