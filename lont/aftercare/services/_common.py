"""Checks shared by the aftercare services (the rules live in ``core.guards``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models

from lont.core import guards
from lont.core.choices import Access
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.models import Membership, Organisation

require_write = guards.require_write
require_full = guards.require_full
same_network = guards.require_same_network


def save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def require_visible(viewer: Viewer, obj: Any, minimum: Access = Access.SUMMARY) -> None:
    """A row a write names (a situation, an incident, a messenger): in the viewer's network and
    visible to them at ``minimum``; nothing at all is named otherwise."""
    if obj is None:
        return
    same_network(viewer, obj)
    if access_for(viewer, obj) < minimum:
        raise PermissionDenied(guards.refused_network())


def is_active_member(organisation: Organisation, user: Any) -> bool:
    """Whether ``user`` is an active member of ``organisation``: the only owner a task or an
    action of that partner may have (``lont.networks.choosers.MemberComboboxField`` offers no
    other)."""
    with system_context("is this user an active member of that partner (a yes or no)"):
        return Membership.objects.filter(
            organisation=organisation, user=user, is_active=True
        ).exists()
