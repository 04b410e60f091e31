"""Shared checks and helpers of the subjects services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, Role

DEFAULT_IDENTIFYING_RETENTION_DAYS = 365


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied(_("Uw rol mag hier niets vastleggen."))


def _require_full(viewer: Viewer, obj: models.Model) -> None:
    _require_write(viewer)
    if access_for(viewer, obj) < Access.FULL:
        raise PermissionDenied(_("U heeft geen volledige toegang tot dit gegeven."))


def _require_owner(viewer: Viewer, obj: Any) -> None:
    """Deleting is for the partner that recorded it (or the network director)."""
    _require_write(viewer)
    if obj.organisation_id != viewer.organisation.pk and viewer.role != Role.DIRECTOR:
        raise PermissionDenied(_("Alleen de partner die dit vastlegde kan het verwijderen."))
    if access_for(viewer, obj) < Access.SUMMARY:
        raise PermissionDenied


def _same_network(viewer: Viewer, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.network_id != viewer.network.pk:
            raise PermissionDenied


def _save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def _apply(obj: models.Model, data: dict[str, Any]) -> dict[str, Any]:
    """Set plain fields; return the many-to-many values for after the save."""
    m2m = {}
    for name, value in data.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        else:
            setattr(obj, name, value)
    return m2m


def _event(event: str, obj: Any, viewer: Viewer | None, **details: Any) -> None:
    record_event(
        event=event,
        obj=obj,
        actor=viewer.user if viewer else None,
        network=viewer.network if viewer else None,
        details=details or None,
    )
